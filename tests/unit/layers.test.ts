import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The folders under src/ are layers (README, "What is where"): a folder may import the folders below
// it, never one that imports it back, and src/core imports nothing of ours. This reads every import
// in src/ (static, `export … from`, dynamic, require, in .ts, .mjs and .astro) and names the two
// folders and the importing files of any cycle.

const root = fileURLToPath(new URL('../..', import.meta.url));
const src = join(root, 'src');

const CODE = /\.(ts|mts|mjs|js|astro)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return CODE.test(entry.name) ? [path] : [];
  });
}

// Module specifiers, wherever they appear: `import … from 'x'`, `import 'x'`, `export … from 'x'`,
// `import('x')`, `require('x')`. Comments are stripped first so a path in prose is not an edge.
export function specifiers(code: string): string[] {
  const text = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  const found: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*(['"])([^'"]+)\1/g,
    /\bimport\s*(['"])([^'"]+)\1/g,
    /\b(?:import|require)\s*\(\s*(['"])([^'"]+)\1\s*\)/g,
  ];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) found.push(match[2]!);
  }
  return found;
}

/** The layer a file of src/ belongs to: its first folder under src/, or '.' for src/ itself. */
function layerOf(file: string): string {
  const parts = relative(src, file).split(sep);
  return parts.length > 1 ? parts[0]! : '.';
}

interface Edge {
  from: string;
  to: string;
  files: string[];
}

/** Folder → folder edges of src/, each with the files that make it. */
export function folderEdges(files: { path: string; code: string }[]): Map<string, Edge> {
  const edges = new Map<string, Edge>();
  for (const { path, code } of files) {
    for (const spec of specifiers(code)) {
      if (!spec.startsWith('.')) continue;
      const target = resolve(dirname(path), spec.replace(/\?.*$/, ''));
      if (relative(src, target).startsWith('..')) continue;
      const from = layerOf(path);
      const to = layerOf(target);
      if (from === to) continue;
      const key = `${from}→${to}`;
      const edge = edges.get(key) ?? { from, to, files: [] };
      const name = relative(root, path).split(sep).join('/');
      if (!edge.files.includes(name)) edge.files.push(name);
      edges.set(key, edge);
    }
  }
  return edges;
}

/** Every pair of folders that reach each other, directly or round a longer loop. */
export function folderCycles(edges: Map<string, Edge>): string[] {
  const next = new Map<string, Set<string>>();
  for (const { from, to } of edges.values()) {
    if (!next.has(from)) next.set(from, new Set());
    next.get(from)!.add(to);
  }
  const reaches = (start: string, goal: string): boolean => {
    const seen = new Set<string>();
    const stack = [start];
    while (stack.length) {
      const here = stack.pop()!;
      if (here === goal) return true;
      if (seen.has(here)) continue;
      seen.add(here);
      stack.push(...(next.get(here) ?? []));
    }
    return false;
  };
  const problems: string[] = [];
  for (const edge of [...edges.values()].sort((a, b) => (a.from + a.to).localeCompare(b.from + b.to))) {
    if (!reaches(edge.to, edge.from)) continue;
    const back = edges.get(`${edge.to}→${edge.from}`);
    const way = back
      ? `imports it back in ${back.files.join(', ')}`
      : 'reaches it back through other folders';
    problems.push(
      `src/${edge.from} imports src/${edge.to} (${edge.files.join(', ')}), and src/${edge.to} ${way}`,
    );
  }
  return problems;
}

/**
 * The README's layer block ("What is where"), top to bottom: for each folder of src/, the line
 * it is on ('.' for files directly in src/).
 */
export function readmeLayers(readme: string): Map<string, number> {
  const section = readme.slice(readme.indexOf('## What is where'));
  const block = section.slice(section.indexOf('```') + 3, section.indexOf('```', section.indexOf('```') + 3));
  const layers = new Map<string, number>();
  block
    .split('\n')
    .filter((line) => line.startsWith('src/'))
    .forEach((line, i) => {
      for (const [, name, slash] of line.matchAll(/(?:^|, )src\/([^\s,/]+)(\/?)/g))
        layers.set(slash ? name! : '.', i);
    });
  return layers;
}

function srcEdges(): Map<string, Edge> {
  return folderEdges(sourceFiles(src).map((path) => ({ path, code: readFileSync(path, 'utf8') })));
}

describe('the folders of src/ are layers', () => {
  it('no folder imports a folder that imports it back', () => {
    expect(folderCycles(srcEdges())).toEqual([]);
  });

  it('src/core imports nothing of ours', () => {
    const fromCore = [...srcEdges().values()]
      .filter((edge) => edge.from === 'core')
      .map((edge) => `src/core imports src/${edge.to} (${edge.files.join(', ')})`);
    expect(fromCore).toEqual([]);
  });

  it("every folder is on the README's layer list, and imports only folders on lines below its own", () => {
    const layers = readmeLayers(readFileSync(join(root, 'README.md'), 'utf8'));
    const folders = new Set(sourceFiles(src).map(layerOf));
    expect(
      [...folders].filter((f) => !layers.has(f)).map((f) => `src/${f} is not on the README's layer list`),
    ).toEqual([]);
    const upward = [...srcEdges().values()]
      .filter((e) => layers.has(e.from) && layers.has(e.to) && layers.get(e.to)! <= layers.get(e.from)!)
      .map(
        (e) =>
          `src/${e.from} imports src/${e.to} (${e.files.join(', ')}), which the README puts ${layers.get(e.to) === layers.get(e.from) ? 'beside' : 'above'} it`,
      );
    expect(upward).toEqual([]);
  });

  it('finds every kind of import, and names the folders and files of a cycle', () => {
    const a = join(src, 'a', 'one.ts');
    const b = join(src, 'b', 'two.astro');
    const c = join(src, 'c', 'three.mjs');
    const edges = folderEdges([
      { path: a, code: "import type {\n  X,\n} from '../b/two';\n// import '../c/three'\n" },
      {
        path: b,
        code: "---\nconst m = await import('../c/three.mjs');\n---\n<script>import '../a/one?url';</script>",
      },
      { path: c, code: "export { y } from '../d/four';\nconst z = require('./local');" },
    ]);
    expect([...edges.keys()].sort()).toEqual(['a→b', 'b→a', 'b→c', 'c→d']);
    expect(folderCycles(edges)).toEqual([
      'src/a imports src/b (src/a/one.ts), and src/b imports it back in src/b/two.astro',
      'src/b imports src/a (src/b/two.astro), and src/a imports it back in src/a/one.ts',
    ]);
  });
});
