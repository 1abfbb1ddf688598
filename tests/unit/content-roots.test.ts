/**
 * Extra content roots (STORYMAP_EXTRA_CONTENT) for tests: off unless set, their files
 * named from the project root in messages, and no two stories on one address.
 */
import { expect, test } from 'vitest';
import { extraRoots } from '../../src/content/read/source-files';
import { checkContent } from '../../src/story/check-content';
import { formatIssue } from '../../src/core/issues';
import { site, step, STORY_MD } from './helpers';

test('no extra roots unless the variable names them', () => {
  expect(extraRoots(undefined)).toEqual([]);
  expect(extraRoots('')).toEqual([]);
  expect(extraRoots('tests/fixtures/a/, tests/fixtures/b')).toEqual(['tests/fixtures/a', 'tests/fixtures/b']);
});

test('a story under an extra root is checked and reported with its full path', () => {
  const files = [
    ...site(),
    { path: 'extra/stories/t/story.md', text: STORY_MD, root: 'extra/' },
    { path: 'extra/stories/t/010-one.md', text: step({ sources: '[wires]' }), root: 'extra/' },
  ];
  const c = checkContent(files);
  expect(c.issues.map(formatIssue)).toEqual([
    'extra/stories/t/010-one.md:6 sources[0] — "wires" is not a source of this story (did you mean "wire"?) — add it to the sources in extra/stories/t/story.md, or use one of its keys',
  ]);
});

test('two stories with the same folder name in two roots: one web address, so an error', () => {
  const files = [
    ...site(),
    { path: 'extra/stories/s/story.md', text: STORY_MD, root: 'extra/' },
    { path: 'extra/stories/s/010-one.md', text: step({}), root: 'extra/' },
  ];
  expect(checkContent(files).issues.map(formatIssue)).toEqual([
    'extra/stories/s — the story "s" is also in stories/s/ — two stories can\'t share a web address, so rename one folder',
  ]);
});

test("only a root's own geo/ and stories/ count: files kept in a story's sub-folder are not places or stories", () => {
  const stray = JSON.stringify({
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', id: 'stray', properties: {}, geometry: { type: 'Point', coordinates: [0, 0] } },
    ],
  });
  const c = checkContent([
    ...site(),
    { path: 'stories/s/drafts/geo/old.geojson', text: stray },
    { path: 'stories/s/drafts/stories/x/story.md', text: 'not a story' },
  ]);
  expect(c.issues.map(formatIssue)).toEqual([]);
  expect(c.features.map((f) => f.id)).not.toContain('stray');
  expect(c.stories.map((s) => s.slug)).toEqual(['s']);
});
