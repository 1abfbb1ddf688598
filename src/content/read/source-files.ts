/**
 * Finds and reads the editors' files, `stories/` and `geo/`, of the project and of any extra
 * content roots. Reads only; checking them is the story layer's job.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { decodeUtf8 } from './utf8';

export interface SourceFile {
  /** Relative to the project root, forward slashes: `stories/a/010-b.md`, `geo/x.geojson`. */
  path: string;
  text: string;
  /** The content root it was read from, when not the project's own: `tests/fixtures/x/` (ends with /). */
  root?: string;
  /** Set when the file is not UTF-8: the line and the first byte that isn't (its text then holds "�"). */
  notUtf8?: { line: number; byte: number };
}

async function walk(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (e.name.endsWith('.md') || e.name.endsWith('.geojson')) out.push(p);
  }
  return out;
}

export async function readSourceFiles(root: string, dirs = ['stories', 'geo']): Promise<SourceFile[]> {
  const files: SourceFile[] = [];
  for (const d of dirs) {
    for (const p of await walk(join(root, d))) {
      const { text, notUtf8 } = decodeUtf8(await readFile(p));
      files.push({ path: relative(root, p).split(sep).join('/'), text, ...(notUtf8 ? { notUtf8 } : {}) });
    }
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Extra content roots, each with its own stories/ and geo/, named in
 * STORYMAP_EXTRA_CONTENT (comma-separated, relative to the project). Tests use it to
 * build the site with a second story from tests/fixtures/; the real site never sets it.
 */
export function extraRoots(env = process.env.STORYMAP_EXTRA_CONTENT): string[] {
  return (env ?? '')
    .split(',')
    .map((s) => s.trim().replace(/\/+$/, ''))
    .filter(Boolean);
}

/** The project's stories/ and geo/, plus those of any extra roots (paths stay relative to the project). */
export async function readSiteFiles(root: string, extras = extraRoots()): Promise<SourceFile[]> {
  const files = await readSourceFiles(root);
  for (const extra of extras) {
    const prefix = `${extra.split(sep).join('/')}/`;
    for (const f of await readSourceFiles(join(root, extra)))
      files.push({ ...f, path: `${prefix}${f.path}`, root: prefix });
  }
  return files;
}

/**
 * What readSiteFiles would read, as one string: every file's path, size and modification
 * time. It changes whenever a file is saved, added, renamed or deleted, and costs a stat per
 * file instead of a read.
 */
export async function siteFilesKey(root: string, extras = extraRoots()): Promise<string> {
  const lines: string[] = [];
  for (const base of [root, ...extras.map((e) => join(root, e))]) {
    for (const d of ['stories', 'geo']) {
      for (const p of await walk(join(base, d))) {
        const s = await stat(p);
        lines.push(`${relative(root, p)}\t${s.size}\t${s.mtimeMs}`);
      }
    }
  }
  return lines.join('\n');
}
