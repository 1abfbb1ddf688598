/**
 * The site's read of stories/ and geo/: it adds the basemap's coverage warning to the pure
 * check, and the loaders share one read for as long as the files stay the same.
 */
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { readContent, readSite, sharedSiteRead } from '../../src/site/read-content';
import { formatIssue } from '../../src/core/issues';
import type { Content } from '../../src/story/check-content';
import { site, step } from './helpers';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'storymap-read-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(files: { path: string; text: string }[]) {
  for (const f of files) {
    mkdirSync(dirname(join(root, f.path)), { recursive: true });
    writeFileSync(join(root, f.path), f.text);
  }
}

/** A read that counts how often it ran. */
function counted() {
  const calls: string[] = [];
  const read = (r: string): Promise<Content> => {
    calls.push(r);
    return readSite(r, []);
  };
  return { calls, read };
}

test("npm run check and the build warn when a step's view is outside the committed basemap", async () => {
  write(
    site({
      'stories/s/010-one.md': step({ camera: '{ center: [-58.4, -34.6], zoom: 9 }', highlight: '[]' }),
    }),
  );
  const expected = [
    "stories/s/010-one.md:4 camera — the view (zoom 9 around -58.4, -34.6) is outside the basemap's detailed coverage, so the map shows only coarse world outlines there — run npm run basemap (it covers every story’s places and views) and commit public/basemap/",
  ];
  expect((await readContent(root)).issues.map(formatIssue)).toEqual(expected);
  expect((await readSite(root, [])).issues.map(formatIssue)).toEqual(expected);
});

test('unchanged files are read and checked once, however many loaders ask and however long apart', async () => {
  write(site());
  const { calls, read } = counted();
  const shared = sharedSiteRead(read);
  // Astro's three loaders, at once.
  const [a, b, c] = await Promise.all([shared(root), shared(root), shared(root)]);
  expect(b).toBe(a);
  expect(c).toBe(a);
  // And later, with nothing saved in between: still the same result, no second read.
  expect(await shared(root)).toBe(a);
  expect(calls).toHaveLength(1);
  expect(a.stories.map((s) => s.data.title)).toEqual(['T']);
});

test('a saved step is always read again, even at the same size', async () => {
  write(site());
  const { calls, read } = counted();
  const shared = sharedSiteRead(read);
  const before = await shared(root);
  expect(before.stories[0]!.steps[0]!.data.title).toBe('One');

  // Same length, new title: only the modification time tells the files apart.
  const file = join(root, 'stories/s/010-one.md');
  writeFileSync(file, step({ title: 'Two' }));
  const later = new Date(Date.now() + 60_000);
  utimesSync(file, later, later);
  const after = await shared(root);
  expect(after).not.toBe(before);
  expect(after.stories[0]!.steps[0]!.data.title).toBe('Two');

  // A longer title changes the size.
  writeFileSync(file, step({ title: 'Three steps on' }));
  expect((await shared(root)).stories[0]!.steps[0]!.data.title).toBe('Three steps on');
  expect(calls).toHaveLength(3);
});

test('an added or deleted step is read again', async () => {
  write(site());
  const shared = sharedSiteRead((r) => readSite(r, []));
  expect((await shared(root)).stories[0]!.steps.map((s) => s.id)).toEqual(['one']);
  write([{ path: 'stories/s/020-two.md', text: step({ title: 'Two' }) }]);
  expect((await shared(root)).stories[0]!.steps.map((s) => s.id)).toEqual(['one', 'two']);
  unlinkSync(join(root, 'stories/s/010-one.md'));
  expect((await shared(root)).stories[0]!.steps.map((s) => s.id)).toEqual(['two']);
});
