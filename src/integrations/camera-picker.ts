/**
 * The camera picker's server half, in `astro dev` only: POST /__storymap/camera with
 * `{ file, camera }` writes that camera into the step file. Only step files
 * (`NNN-name.md`) inside a stories/ folder the site reads can be written, only from a
 * page of this dev server, and the write is atomic (a temporary file, then a rename).
 * `astro build` and `astro preview` never load this endpoint.
 */
import { says, type MessageId, type Said } from '../core/messages';
import type { AstroIntegration } from 'astro';
import { randomBytes } from 'node:crypto';
import { readFile, realpath, rename, unlink, writeFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extraRoots } from '../content/read/source-files';
import { setCamera, type PickedCamera } from '../site/set-camera';
import { STEP_FILE } from '../story/check-content';
import { CAMERA_ENDPOINT } from './camera-endpoint';

type Reply = {
  status: number;
  body: { ok: true; file: string; text: string } | { ok: false; error: string };
};

const refusal = ({ id, message }: Said) => ({ error: message, id });

/** Resolves an editor's file path to a step file under an allowed stories/ folder, or says why not. */
export async function allowedStepFile(
  root: string,
  file: unknown,
  extras = extraRoots(),
): Promise<{ path: string } | { error: string; id: MessageId }> {
  if (typeof file !== 'string' || !STEP_FILE.test(basename(file)))
    return refusal(says('picker.not-a-step-file'));
  const folders = ['stories', ...extras.map((e) => `${e}/stories`)];
  let real: string;
  try {
    real = await realpath(join(root, file));
  } catch {
    return refusal(says('picker.no-such-file', { file }));
  }
  for (const f of folders) {
    let dir: string;
    try {
      dir = await realpath(join(root, f));
    } catch {
      continue;
    }
    const rel = relative(dir, real).split(sep);
    // stories/<story>/<step>.md exactly: no "..", no deeper folders.
    if (rel.length === 2 && !rel.includes('..')) return { path: real };
  }
  return refusal(says('picker.outside-stories'));
}

async function writeAtomic(path: string, text: string): Promise<void> {
  const tmp = join(path, '..', `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, text, { flag: 'wx' });
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => {});
    throw e;
  }
}

export async function handleCamera(root: string, body: unknown): Promise<Reply> {
  const { file, camera } = (body ?? {}) as { file?: unknown; camera?: PickedCamera };
  const allowed = await allowedStepFile(root, file);
  if ('error' in allowed) return { status: 403, body: { ok: false, error: allowed.error } };
  const before = await readFile(allowed.path, 'utf8');
  const r = setCamera(before, camera as PickedCamera);
  if (!r.ok) return { status: 400, body: { ok: false, error: r.error } };
  if (r.text !== before) await writeAtomic(allowed.path, r.text);
  return { status: 200, body: { ok: true, file: file as string, text: r.text } };
}

/** The largest body the picker sends is a few hundred bytes; anything past this is refused. */
export const MAX_BODY_BYTES = 10_000;

class TooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) reject(new TooLarge());
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** True when the request comes from a page of this server (or names no origin, as curl). */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false; // "null" (a sandboxed frame, a file://) or garbage: not this server
  }
}

const refuse = (status: number, error: string): Reply => ({ status, body: { ok: false, error } });

/**
 * The endpoint as a Connect middleware: 403 for anything but a JSON POST from this
 * server's own pages, 413 for a body over MAX_BODY_BYTES, 400 for a body that is not
 * `{ file, camera }` JSON, and a short JSON error (never a stack trace) for the rest.
 */
export function cameraMiddleware(
  root: () => string,
  log: (line: string) => void = () => {},
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const send = (r: Reply) => {
      if (res.headersSent) return;
      res.statusCode = r.status;
      res.setHeader('content-type', 'application/json');
      // A refused body is not read to its end: close the connection rather than drain it.
      if (r.status === 413) res.setHeader('connection', 'close');
      res.end(JSON.stringify(r.body));
    };
    // Only this dev server's own pages may write: a page elsewhere can't forge a
    // same-origin JSON POST.
    if (
      req.method !== 'POST' ||
      !String(req.headers['content-type']).startsWith('application/json') ||
      !sameOrigin(req)
    ) {
      send(refuse(403, 'the camera picker only accepts JSON posted from this dev server'));
      return;
    }
    readBody(req)
      .then(async (raw) => {
        let body: unknown;
        try {
          body = JSON.parse(raw);
        } catch {
          return refuse(400, 'the request body is not JSON: send { "file": …, "camera": { … } }');
        }
        if (typeof body !== 'object' || body === null || Array.isArray(body))
          return refuse(400, 'the request body is not an object: send { "file": …, "camera": { … } }');
        return handleCamera(root(), body);
      })
      .then((r) => {
        if (r.body.ok) log(`camera picker: wrote the camera of ${r.body.file}`);
        send(r);
      })
      .catch((e: unknown) =>
        send(
          e instanceof TooLarge
            ? refuse(413, `the request body is over ${MAX_BODY_BYTES} bytes: send only { file, camera }`)
            : refuse(500, `the camera could not be written: ${e instanceof Error ? e.message : String(e)}`),
        ),
      );
  };
}

export default function cameraPicker(): AstroIntegration {
  let root = process.cwd();
  return {
    name: 'storymap-camera-picker',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:server:setup': ({ server, logger }) => {
        server.middlewares.use(
          CAMERA_ENDPOINT,
          cameraMiddleware(
            () => root,
            (line) => logger.info(line),
          ),
        );
      },
    },
  };
}
