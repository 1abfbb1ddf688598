/**
 * Every message in the catalogue (src/core/messages) is pinned by its exact text: the
 * real check runs over the broken fixtures (tests/fixtures/broken/*), every line it
 * reports is kept under its message's id in tests/unit/golden/messages.json, and an
 * entry no fixture makes the check emit fails the test by name. After a deliberate
 * change, `UPDATE_GOLDEN=1` rewrites the file; review its diff like code.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { fromSchema, MESSAGES, type MessageId } from '../../src/core/messages';
import { formatIssue, splitWhatToDo, type Issue } from '../../src/story/issues';
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
      `no fixture in tests/fixtures/broken/ makes the check say: ${missing.join(', ')}`,
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
  // The camera picker's and the scaffolding's replies (src/content/write/set-camera.ts,
  // src/story/scaffold.ts) are not the check's messages and are not catalogued yet; issues.ts
  // declares the Issue type.
  const notYet = new Set(['src/content/write/set-camera.ts', 'src/story/issues.ts']);
  const checked = [
    ...sources('src/story'),
    ...sources('src/content'),
    ...sources('src/geo'),
    'src/basemap/coverage.ts',
    'src/basemap/coverage-check.ts',
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
