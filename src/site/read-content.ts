/**
 * Reads `stories/` and `geo/` from disk and checks them. The one place the build
 * touches the editors' files, and it only reads.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { decodeUtf8 } from '../content/read/utf8';
import { checkContent, type Content, type SourceFile } from '../story/check-content';

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

export async function readContent(root: string, dirs?: string[]): Promise<Content> {
  return checkContent(await readSourceFiles(root, dirs));
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
export async function readSite(root: string, extras = extraRoots()): Promise<Content> {
  const files = await readSourceFiles(root);
  for (const extra of extras) {
    const prefix = `${extra.split(sep).join('/')}/`;
    for (const f of await readSourceFiles(join(root, extra)))
      files.push({ ...f, path: `${prefix}${f.path}`, root: prefix });
  }
  return checkContent(files);
}
