import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A newcomer reads a file whole. Past 250 lines (formatted) a file usually holds two jobs, so a
// longer one must say why in its opening comment, in a sentence that starts "Long file:". The
// reason is for the next reader: what would be lost by splitting it.

const root = fileURLToPath(new URL('../..', import.meta.url));
const BUDGET = 250;
const CODE = /\.(ts|mjs|astro|css|py)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'data' ? [] : sourceFiles(path);
    return CODE.test(entry.name) ? [path] : [];
  });
}

/** The file's first comment: a block comment, or the docstring or leading # lines of a script. */
export function openingComment(text: string): string {
  const body = text.replace(/^---\n/, ''); // an .astro file's frontmatter fence
  const block = /^\s*(\/\*[\s\S]*?\*\/|"""[\s\S]*?"""|(?:#.*\n)+)/.exec(body);
  return block?.[1] ?? '';
}

const lines = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

describe(`source files over ${BUDGET} lines`, () => {
  it('say why in their opening comment ("Long file: …")', () => {
    const unexplained = sourceFiles(join(root, 'src'))
      .map((path) => ({ path, text: readFileSync(path, 'utf8') }))
      .filter(({ text }) => lines(text) > BUDGET && !/Long file: \S/.test(openingComment(text)))
      .map(({ path, text }) => `${relative(root, path).split(sep).join('/')} (${lines(text)} lines)`);
    expect(unexplained, `split these by job, or say in the opening comment why not ("Long file: …")`).toEqual(
      [],
    );
  });

  it('finds the reason only in the opening comment', () => {
    expect(openingComment('/**\n * Reads.\n * Long file: one parser.\n */\nexport {};\n')).toContain(
      'Long file: one parser.',
    );
    expect(openingComment('import x from "y";\n/* Long file: too late */\n')).toBe('');
    expect(openingComment('"""Extracts.\nLong file: a script."""\nimport json\n')).toContain('Long file:');
  });
});
