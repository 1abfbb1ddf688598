/**
 * Every message in the catalogue (src/core/messages) is pinned by its exact text: the
 * real check runs over the broken fixtures (tests/fixtures/broken/*), and new-story,
 * new-step and the camera picker are asked for each refusal; every line they produce is
 * kept under its message's id in tests/unit/golden/messages.json, and an entry nothing
 * here emits fails the test by name. After a deliberate change, `UPDATE_GOLDEN=1`
 * rewrites the file; review its diff like code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { fromSchema, MESSAGES, type MessageId } from '../../src/core/messages';
import { formatIssue, splitWhatToDo, type Issue } from '../../src/core/issues';
import { GAZETTEER as gazetteer } from '../../src/basemap/places';
import { newStep, newStory } from '../../src/cli/scaffold';
import { setCamera } from '../../src/site/set-camera';
import { allowedStepFile } from '../../src/integrations/camera-picker';
import { planNewStep, planNewStory, type StoryOnDisk } from '../../src/story/scaffold';
import { nearArea } from '../../src/story/near-area';
import { expectGolden } from './golden';
import { brokenFixtures, readFixture } from './broken-sites';

const root = fileURLToPath(new URL('../..', import.meta.url));

const emitted = new Map<string, Set<string>>();
const note = (where: string, issues: Issue[]) => {
  for (const i of issues) {
    const lines = emitted.get(i.id) ?? new Set();
    lines.add(`${where}: ${i.severity}  ${formatIssue(i)}`);
    emitted.set(i.id, lines);
  }
};
for (const name of brokenFixtures) note(name, (await readFixture(name)).issues);
// What new-story, new-step and the camera picker say when they write nothing: each
// refusal, from the real functions, as the editor reads it.
const tools = join(root, 'tests/fixtures/broken/story-folders');
const story: StoryOnDisk = {
  slug: 's',
  sourceKeys: ['wire'],
  steps: [
    { order: 10, id: 'start', file: 'stories/s/010-start.md' },
    { order: 11, id: 'levee', file: 'stories/s/011-levee.md' },
    { order: 999, id: 'end', file: 'stories/s/999-end.md' },
  ],
};
const flow = '---\ntitle: T\ncamera: { center: [44, 33], zoom: 6 }\n---\n';
const picked = { center: [44, 33] as [number, number], zoom: 6, bearing: 0, pitch: 0 };
/** A refusal: its id, and its text (`error`), or the command's whole output (`out`). */
type Reply = { id?: MessageId | undefined; error?: string; out?: string };
const replies: [string, object][] = [
  ['npm run new-story --', planNewStory(undefined, [], '2024-03-05')],
  ['npm run new-story -- "Floods 2024"', planNewStory('Floods 2024', [], '2024-03-05')],
  ['npm run new-story -- s', planNewStory('s', ['s'], '2024-03-05')],
  ['npm run new-story -- x --near', await newStory(tools, ['x', '--near'])],
  ['npm run new-story -- x --near "48.86,200"', nearArea('48.86,200', gazetteer)],
  ['npm run new-story -- x --near Bagdad', nearArea('Bagdad', gazetteer)],
  ['npm run new-step -- s', planNewStep(story, 's', undefined, undefined, ['s'])],
  ['npm run new-step -- x levee', planNewStep(undefined, 'x', 'levee', undefined, ['s'])],
  ['npm run new-step -- s "Levee Breaks"', planNewStep(story, 's', 'Levee Breaks', undefined, ['s'])],
  ['npm run new-step -- s levee', planNewStep(story, 's', 'levee', undefined, ['s'])],
  ['npm run new-step -- s x --after', await newStep(tools, ['s', 'x', '--after'])],
  ['npm run new-step -- s x --after strt', planNewStep(story, 's', 'x', 'strt', ['s'])],
  ['npm run new-step -- s x --after start', planNewStep(story, 's', 'x', 'start', ['s'])],
  ['npm run new-step -- s x --after end', planNewStep(story, 's', 'x', 'end', ['s'])],
  ['picker: zoom 40', setCamera(flow, { ...picked, zoom: 40 })],
  ['picker: no frontmatter', setCamera('no frontmatter', picked)],
  ['picker: frontmatter not closed', setCamera('---\ntitle: T\n', picked)],
  ['picker: frontmatter does not parse', setCamera('---\ntitle: "open\n---\n', picked)],
  ['picker: ? camera', setCamera('---\n? camera\n---\n', picked)],
  ['picker: ? fit', setCamera('---\n? fit\n---\n', picked)],
  ['picker: neither', setCamera('---\ntitle: T\n---\n', picked)],
  // An empty camera: the writer can't tell what its value would replace.
  ['picker: camera: with no value', setCamera('---\ntitle: T\ncamera:\n---\n', picked)],
  ['picker: story.md', await allowedStepFile(tools, 'stories/s/story.md', [])],
  ['picker: a step that is not there', await allowedStepFile(tools, 'stories/s/020-gone.md', [])],
  ['picker: a step outside stories/', await allowedStepFile(tools, 'extra/stories/s/010-a.md', [])],
];
for (const [what, reply] of replies) {
  const r = reply as Reply;
  if (!r.id) continue;
  const lines = emitted.get(r.id) ?? new Set();
  lines.add(`${what}: ${r.out ?? r.error}`);
  emitted.set(r.id, lines);
}

// A zod rule written without a catalogue entry still reaches the editor, in zod's words.
note('(a schema rule without an entry)', [
  { file: 'stories/s/010-a.md', field: 'x', ...fromSchema('Invalid input') },
]);

describe('the message catalogue', () => {
  test('every message the check emits over the fixtures, by id, is as pinned', () => {
    expectGolden(
      'messages',
      Object.fromEntries(
        [...emitted].sort(([a], [b]) => a.localeCompare(b)).map(([id, lines]) => [id, [...lines].sort()]),
      ),
    );
  });

  test('every catalogue entry is emitted by some fixture', () => {
    const missing = Object.keys(MESSAGES).filter((id) => !emitted.has(id));
    expect(
      missing,
      `nothing here (the broken fixtures, the tools' refusals above) says: ${missing.join(', ')}`,
    ).toEqual([]);
  });

  test('every emitted id is in the catalogue', () => {
    expect([...emitted.keys()].filter((id) => !(id in MESSAGES))).toEqual([]);
  });

  test("each entry's example reads as the report does: what is wrong, then what to do", () => {
    for (const [id, e] of Object.entries(MESSAGES) as [MessageId, (typeof MESSAGES)[MessageId]][]) {
      const text = (e.text as (p: unknown) => string)(e.example);
      expect(splitWhatToDo(text), id).toMatch(/^[^\n]+ — [^\n]+$/);
    }
  });
});

/**
 * No author-facing text outside the catalogue: in the files that report issues, nothing
 * builds an issue's message or a zod rule's error from a string of its own.
 */
describe('no message is written outside the catalogue', () => {
  const sources = (dir: string): string[] =>
    readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? sources(`${dir}/${e.name}`) : e.name.endsWith('.ts') ? [`${dir}/${e.name}`] : [],
    );
  // issues.ts declares the Issue type.
  const notYet = new Set(['src/story/issues.ts']);
  const checked = [
    ...sources('src/story'),
    ...sources('src/content'),
    ...sources('src/geo'),
    'src/basemap/coverage.ts',
    'src/basemap/coverage-check.ts',
    'src/cli/scaffold.ts',
    'src/integrations/camera-picker.ts',
  ].filter((f) => !notYet.has(f));
  // A message, an error or a missingOr text given as a literal (quoted or a template).
  const literal = /\b(message|error)\s*:\s*['"`]|missingOr\(\s*['"`]|severity\s*:\s*['"]/;

  test.each(checked)('%s', (file) => {
    const text = readFileSync(join(root, file), 'utf8');
    const hits = text
      .split('\n')
      .map((line, i) => ({ line, at: i + 1 }))
      .filter(({ line }) => literal.test(line))
      .map(({ line, at }) => `${relative(root, join(root, file))}:${at} ${line.trim()}`);
    expect(hits, 'write the message into src/core/messages and use says / errorSays / schemaSays').toEqual(
      [],
    );
  });
});
