/**
 * `astro dev` for a browser test: on its own port, over a copy of the fixture content in
 * tests/.output (never the real stories), with its output in a log file. Shared by the
 * camera-picker and dev-errors specs.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));

export interface DevServer {
  url: string;
  /** Stops the server (the whole process group: npx, astro and its workers) and removes the copy. */
  stop(): void;
}

export async function startDevServer(o: {
  port: number;
  /** The copy's folder, relative to the root. */
  copy: string;
  /** The log's name in tests/.output/. */
  log: string;
  /** A page that answers once the server is up. */
  readyPath: string;
  /** Changes to the copy before the server starts. */
  prepare?: (copyDir: string) => void;
}): Promise<DevServer> {
  const dir = join(root, o.copy);
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(root, 'tests/fixtures/content/ok'), dir, { recursive: true });
  o.prepare?.(dir);
  mkdirSync(join(root, 'tests/.output'), { recursive: true });
  const log = openSync(join(root, 'tests/.output', o.log), 'w');
  const dev = spawn('npx', ['astro', 'dev', '--port', String(o.port), '--host', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', STORYMAP_EXTRA_CONTENT: o.copy },
    stdio: ['ignore', log, log],
    detached: true,
  });
  const url = `http://127.0.0.1:${o.port}`;
  const stop = () => {
    if (dev.pid) {
      try {
        process.kill(-dev.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
    rmSync(dir, { recursive: true, force: true });
  };
  for (let i = 0; i < 200; i++) {
    const ok = await fetch(`${url}${o.readyPath}`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return { url, stop };
    await new Promise((r) => setTimeout(r, 500));
  }
  stop();
  throw new Error(`the dev server did not start on port ${o.port}: see tests/.output/${o.log}`);
}
