/**
 * The camera picker's dev endpoint: which files it may write, and that a write
 * changes only the camera and leaves no temporary file behind.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { allowedStepFile, handleCamera } from '../../src/integrations/camera-picker';

const fixture = fileURLToPath(new URL('../fixtures/content/ok', import.meta.url));
let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'storymap-picker-'));
  cpSync(fixture, root, { recursive: true });
  writeFileSync(join(root, 'package.json'), '{}\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const camera = { center: [44.2, 33.4], zoom: 8.5, bearing: 0, pitch: 0 };

test('only step files directly in a story folder under stories/', async () => {
  expect(await allowedStepFile(root, 'stories/mini/010-start.md', [])).toEqual({
    path: join(root, 'stories/mini/010-start.md'),
  });
  const refused = { error: 'only step files (stories/<story>/NNN-name.md) can be written' };
  expect(await allowedStepFile(root, 'stories/mini/story.md', [])).toEqual(refused);
  expect(await allowedStepFile(root, 'package.json', [])).toEqual(refused);
  expect(await allowedStepFile(root, 42, [])).toEqual(refused);
  expect(await allowedStepFile(root, 'stories/mini/099-nope.md', [])).toEqual({
    error: 'stories/mini/099-nope.md does not exist',
  });
  // A step-looking file outside stories/, reached by "..", or by a link out of it.
  writeFileSync(join(root, '010-outside.md'), 'x');
  expect(await allowedStepFile(root, 'stories/mini/../../010-outside.md', [])).toEqual({
    error: 'only step files inside stories/ can be written',
  });
  symlinkSync(join(root, '010-outside.md'), join(root, 'stories/mini/020-link.md'));
  expect(await allowedStepFile(root, 'stories/mini/020-link.md', [])).toEqual({
    error: 'only step files inside stories/ can be written',
  });
});

test('a write changes the camera line only, atomically, leaving no temporary file', async () => {
  const file = join(root, 'stories/mini/010-start.md');
  const before = readFileSync(file, 'utf8');
  const r = await handleCamera(root, { file: 'stories/mini/010-start.md', camera });
  expect(r.status).toBe(200);
  expect(readFileSync(file, 'utf8')).toBe(
    before.replace(
      'camera: { center: [44.0, 33.0], zoom: 9 }',
      'camera: { center: [44.2, 33.4], zoom: 8.5 }',
    ),
  );
  expect(readdirSync(join(root, 'stories/mini')).sort()).toEqual([
    '010-start.md',
    '020-strikes.md',
    'story.md',
  ]);
});

test('a bad camera is refused with the reason, and the file is untouched', async () => {
  const file = join(root, 'stories/mini/010-start.md');
  const before = readFileSync(file, 'utf8');
  const r = await handleCamera(root, {
    file: 'stories/mini/010-start.md',
    camera: { ...camera, center: [44.2, 133] },
  });
  expect(r).toEqual({
    status: 400,
    body: {
      ok: false,
      error:
        'the view is not a valid camera: latitude 133 is outside -90…90: center is [longitude, latitude]; did you swap them?',
    },
  });
  expect(readFileSync(file, 'utf8')).toBe(before);
});
