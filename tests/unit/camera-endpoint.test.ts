/**
 * The camera picker's dev endpoint: which files it may write, and that a write
 * changes only the camera and leaves no temporary file behind.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  allowedStepFile,
  cameraMiddleware,
  handleCamera,
  MAX_BODY_BYTES,
} from '../../src/integrations/camera-picker';

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
  const refused = {
    error: 'only step files (stories/<story>/NNN-name.md) can be written: pick the view on a step of a story',
    id: 'picker.not-a-step-file',
  };
  expect(await allowedStepFile(root, 'stories/mini/story.md', [])).toEqual(refused);
  expect(await allowedStepFile(root, 'package.json', [])).toEqual(refused);
  expect(await allowedStepFile(root, 42, [])).toEqual(refused);
  expect(await allowedStepFile(root, 'stories/mini/099-nope.md', [])).toEqual({
    error: 'stories/mini/099-nope.md does not exist: save the step, then pick again',
    id: 'picker.no-such-file',
  });
  // A step-looking file outside stories/, reached by "..", or by a link out of it.
  writeFileSync(join(root, '010-outside.md'), 'x');
  expect(await allowedStepFile(root, 'stories/mini/../../010-outside.md', [])).toEqual({
    error: 'only step files inside stories/ can be written: pick the view on a step of a story',
    id: 'picker.outside-stories',
  });
  symlinkSync(join(root, '010-outside.md'), join(root, 'stories/mini/020-link.md'));
  expect(await allowedStepFile(root, 'stories/mini/020-link.md', [])).toEqual({
    error: 'only step files inside stories/ can be written: pick the view on a step of a story',
    id: 'picker.outside-stories',
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

describe('over HTTP: the status says what is wrong, and the body is a short JSON error', () => {
  let server: Server;
  let port: number;
  beforeEach(async () => {
    server = createServer(cameraMiddleware(() => root));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
  });
  afterEach(() => new Promise<void>((done) => server.close(() => done())));

  const post = (body: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; body: unknown }>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}`, ...headers },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (text += c));
          res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
        },
      );
      // The server may close a refused upload before it is all sent.
      req.on('error', reject);
      req.end(body);
    });
  const ok = JSON.stringify({ file: 'stories/mini/010-start.md', camera });

  test('200 for a good camera from this server, and the file is written', async () => {
    const r = await post(ok);
    expect(r.status).toBe(200);
    expect(readFileSync(join(root, 'stories/mini/010-start.md'), 'utf8')).toContain(
      'camera: { center: [44.2, 33.4], zoom: 8.5 }',
    );
  });

  test('400 for a body that is not JSON or not an object', async () => {
    expect(await post('{"file": "stories/mini/010-start.md", ')).toEqual({
      status: 400,
      body: { ok: false, error: 'the request body is not JSON: send { "file": …, "camera": { … } }' },
    });
    expect(await post('null')).toEqual({
      status: 400,
      body: { ok: false, error: 'the request body is not an object: send { "file": …, "camera": { … } }' },
    });
  });

  test('413 for a body over the limit', async () => {
    const big = JSON.stringify({
      file: 'stories/mini/010-start.md',
      camera,
      pad: 'x'.repeat(MAX_BODY_BYTES),
    });
    expect(await post(big)).toEqual({
      status: 413,
      body: { ok: false, error: 'the request body is over 10000 bytes: send only { file, camera }' },
    });
  });

  test('403 for a foreign origin, an unparsable one, and "null"; nothing is written', async () => {
    const before = readFileSync(join(root, 'stories/mini/010-start.md'), 'utf8');
    const refused = {
      status: 403,
      body: { ok: false, error: 'the camera picker only accepts JSON posted from this dev server' },
    };
    expect(await post(ok, { origin: 'https://elsewhere.example' })).toEqual(refused);
    expect(await post(ok, { origin: 'not a url' })).toEqual(refused);
    expect(await post(ok, { origin: 'null' })).toEqual(refused);
    expect(await post(ok, { 'content-type': 'text/plain' })).toEqual(refused);
    expect(readFileSync(join(root, 'stories/mini/010-start.md'), 'utf8')).toBe(before);
  });

  test('403 for a path out of stories/, as before', async () => {
    expect(await post(JSON.stringify({ file: '../010-x.md', camera }))).toMatchObject({ status: 403 });
  });
});
