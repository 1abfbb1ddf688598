/**
 * The engine knows no story: nothing in src/ names a place, an id or a kind of the
 * stories in stories/ and geo/, or writes down one of their coordinates. What a story
 * needs comes from its content, so a story anywhere works without touching the code.
 * (The packaged basemap data in src/basemap/data/ is data about the world, not a story.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { readContent } from '../../src/site/read-content';
import { DEFAULT_KINDS } from '../../src/story/kinds';

const root = fileURLToPath(new URL('../..', import.meta.url));
const content = await readContent(root);

function files(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const p = `${dir}/${e.name}`;
    if (e.isDirectory()) return p === 'src/basemap/data' ? [] : files(p);
    return /\.(ts|mts|astro|md|css|js|mjs)$/.test(e.name) ? [p] : [];
  });
}
const sources = files('src').map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') }));

/**
 * Words of the stories that src/ still holds, each waiting on its owner's change (#13):
 * the offline basemap's region and notes. Each entry must still be true (the test says
 * so when it is not), so this list can only shrink.
 */
const STILL_TO_MOVE: { file: string; term: string }[] = [
  ...['Tigris', 'Baghdad', "Al-Qa'im", 'Abu Kamal', 'Kuwait'].map((term) => ({
    file: 'src/basemap/README.md',
    term,
  })),
  ...['Baghdad', "Al-Qa'im", 'Abu Kamal', 'Kuwait'].map((term) => ({ file: 'src/basemap/twins.ts', term })),
  ...['Tigris', 'Baghdad', '44, 33'].map((term) => ({ file: 'src/basemap/build.ts', term })),
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every way a story names itself: feature ids, names and labels, its slug and its own kinds. */
function storyTerms(): { term: string; what: string }[] {
  const out = new Map<string, string>();
  for (const f of content.features) {
    if (!f.file.startsWith('geo/')) continue;
    out.set(f.id, `the id of a place in ${f.file}`);
    for (const name of [f.properties.name, f.properties.label, ...Object.values(f.properties.labels ?? {})]) {
      // A name's distinctive part: "Kirkuk (city)" → "Kirkuk"; generic words alone name nothing.
      const core = name?.replace(/\s*\(.*\)\s*/g, ' ').trim();
      if (core && /[A-Z]/.test(core.slice(1)) === false && core.split(/\s+/).length > 1) continue;
      if (core) out.set(core, `a place's name in ${f.file}`);
    }
  }
  for (const s of content.stories) {
    out.set(s.slug, 'a story');
    for (const k of Object.keys(s.data.kinds))
      if (!DEFAULT_KINDS[k]) out.set(k, `a kind declared in ${s.file}`);
  }
  return [...out].map(([term, what]) => ({ term, what }));
}

test('src/ names no place, id, story or kind of the stories', () => {
  const found: string[] = [];
  for (const { term, what } of storyTerms()) {
    const re = new RegExp(`(?<![\\w-])${escape(term)}(?![\\w-])`, term.length <= 3 ? '' : 'i');
    for (const f of sources) {
      if (STILL_TO_MOVE.some((s) => s.file === f.path && s.term === term)) continue;
      const i = f.text.search(re);
      if (i >= 0) found.push(`${f.path}:${f.text.slice(0, i).split('\n').length} "${term}" (${what})`);
    }
  }
  expect(found).toEqual([]);
});

test('src/ writes down no coordinate of the stories (nor one a few tens of km off)', () => {
  const points = content.features
    .filter((f) => f.file.startsWith('geo/'))
    .flatMap((f) => {
      const out: number[][] = [];
      const visit = (c: unknown) => {
        if (Array.isArray(c) && typeof c[0] === 'number') out.push(c as number[]);
        else if (Array.isArray(c)) c.forEach(visit);
      };
      visit((f.geometry as { coordinates?: unknown }).coordinates);
      return out.map((p) => ({ p, id: f.id }));
    });
  const found: string[] = [];
  // A pair of numbers, as code writes a position: [44, 33], { lon: 44.1, lat: 33.2 }, center: [44.36, 33.31…
  const pair = /(-?\d{1,3}(?:\.\d+)?)\s*,\s*(?:lat:\s*)?(-?\d{1,2}(?:\.\d+)?)(?![\d.])/g;
  for (const f of sources) {
    for (const m of f.text.matchAll(pair)) {
      const [lon, lat] = [Number(m[1]), Number(m[2])];
      const near = points.find(({ p }) => Math.abs(p[0]! - lon) < 0.5 && Math.abs(p[1]! - lat) < 0.5);
      if (!near || STILL_TO_MOVE.some((s) => s.file === f.path && s.term === m[0])) continue;
      found.push(`${f.path}:${f.text.slice(0, m.index).split('\n').length} "${m[0]}" (near ${near.id})`);
    }
  }
  expect(found).toEqual([]);
});

test('every entry waiting to move is still there (else take it off the list)', () => {
  for (const s of STILL_TO_MOVE) {
    const text = readFileSync(join(root, s.file), 'utf8');
    expect(text.toLowerCase(), `${s.file} "${s.term}"`).toContain(s.term.toLowerCase());
  }
});
