/**
 * What readers get, checked on the built pages (dist/): valid HTML (the W3C's Nu Html
 * Checker, from the vnu-jar package, run on every page), and no working note left for
 * the editors ("before publication", "optional feature", "seed 0" …) in any page's text.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'node-html-parser';
import { expect, test } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'dist');
const pages = (readdirSync(dist, { recursive: true }) as string[])
  .filter((f) => f.endsWith('.html'))
  .map((f) => join(dist, f))
  .sort();

/** Phrases that belong in research notes, never on a page a reader sees. */
export const WORKING_NOTES: RegExp[] = [
  /before publication/i,
  /optional feature/i,
  /\bseed\s*0\d*/i,
  /\breplace (?:this |it )?with\b/i,
  /\bTODO\b|\bFIXME\b|\bTBD\b|\bXXX\b/,
  /\bplaceholder\b/i,
  /\bto be (?:checked|confirmed|verified)\b/i,
  /\bverify (?:this|before)\b/i,
];

test('every page is valid HTML (W3C Nu Html Checker)', { timeout: 180_000 }, () => {
  expect(pages.length).toBeGreaterThan(0);
  const jar = createRequire(import.meta.url)('vnu-jar') as string;
  let out = '';
  try {
    execFileSync('java', ['-jar', jar, '--errors-only', '--format', 'gnu', ...pages], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    out = `${err.stdout ?? ''}${err.stderr ?? ''}`;
  }
  const errors = out
    .split('\n')
    .filter(Boolean)
    .map((l) => l.replace(`file:${dist}/`, '').replace(/"/g, ''));
  expect(errors).toEqual([]);
});

test('no working note reaches a page', () => {
  const found: string[] = [];
  for (const page of pages) {
    const doc = parse(readFileSync(page, 'utf8'));
    doc.querySelectorAll('script, style').forEach((el) => el.remove());
    const text = doc.textContent.replace(/\s+/g, ' ');
    for (const re of WORKING_NOTES) {
      const m = re.exec(text);
      if (m)
        found.push(
          `${relative(dist, page)}: "${text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40)}"`,
        );
    }
  }
  expect(found).toEqual([]);
});
