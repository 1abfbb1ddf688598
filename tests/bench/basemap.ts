/**
 * `npm run bench:basemap`: serves the built site (run `npm run build` first), opens the
 * story in Chromium and measures basemap bytes on the wire (archives' Range responses
 * and fonts under /basemap/): the first view, then the whole story flown through step
 * by step. Also prints the basemap's size in the repository and in dist/.
 * Budgets (issues 3 and 11): first view ≤ 100 KB, whole story ≤ 600 KB, files in the repository ≤ 8 MB.
 * BENCH_STORY=<slug> measures that story instead of the first one listed; BENCH_PORT the port.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../chromium';

const root = fileURLToPath(new URL('../..', import.meta.url));
const port = Number(process.env.BENCH_PORT ?? 4393);
const KB = 1000;

function du(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce(
    (n, e) => n + (e.isDirectory() ? du(join(dir, e.name)) : statSync(join(dir, e.name)).size),
    0,
  );
}

const server = spawn(
  process.execPath,
  [join(root, 'node_modules/astro/bin/astro.mjs'), 'preview', '--port', String(port), '--host', '127.0.0.1'],
  { cwd: root, stdio: 'ignore', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } },
);
try {
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (
      await fetch(`${base}/`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 120) throw new Error('astro preview did not start');
    await new Promise((r) => setTimeout(r, 500));
  }
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  let bytes = 0;
  const files = new Map<string, number>();
  // Sizes arrive asynchronously: a count is read only once every request seen so far is in.
  const pending = new Set<Promise<void>>();
  const settled = async () => {
    while (pending.size) await Promise.all(pending);
  };
  page.on('requestfinished', (r) => {
    if (!new URL(r.url()).pathname.includes('/basemap/')) return;
    const p = r.sizes().then(async (s) => {
      // Served from the browser's cache: nothing crossed the wire.
      if (s.responseBodySize === 0) return;
      const n = s.responseBodySize + s.responseHeadersSize;
      bytes += n;
      const name = new URL(r.url()).pathname.split('/').pop()!;
      files.set(name, (files.get(name) ?? 0) + n);
      if (process.env.BENCH_VERBOSE)
        console.log(name, (await r.response())?.status(), (await r.allHeaders()).range, n);
    });
    pending.add(p);
    void p.finally(() => pending.delete(p));
  });
  // The map's idle: camera still, every tile of the view loaded (and so every request made).
  const idle = (p: typeof page) =>
    p.evaluate(async () => {
      await window.storyMap!.ready;
      await window.storyMap!.whenIdle();
    });
  await page.goto(`${base}/`);
  const story = process.env.BENCH_STORY;
  const href = story ? `/${story}/` : await page.locator('.story-list a').first().getAttribute('href');
  await page.goto(`${base}${href}`);
  await page.waitForFunction(() => window.storyMap?.map);
  await idle(page);
  await page.waitForLoadState('networkidle');
  await settled();
  const first = bytes;
  const firstFiles = new Map(files);
  const ids = await page.evaluate(() => window.storyMap!.steps.map((s) => s.id));
  for (const id of ids.slice(1)) {
    // goTo starts the camera at once, so the idle that follows is the new step's.
    await page.evaluate(async (id) => {
      window.storyMap!.goTo(id);
      await window.storyMap!.whenIdle();
    }, id);
  }
  await page.waitForLoadState('networkidle');
  await settled();
  // A phone's first view: a smaller map, so a lower zoom and other tiles. Fresh context: nothing cached.
  const phone = await browser.newPage({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 3,
  });
  let phoneFirst = 0;
  const phoneFiles = new Map<string, number>();
  phone.on('requestfinished', (r) => {
    if (!new URL(r.url()).pathname.includes('/basemap/')) return;
    const p = r.sizes().then((s) => {
      const n = s.responseBodySize + s.responseHeadersSize;
      phoneFirst += n;
      const name = new URL(r.url()).pathname.split('/').pop()!;
      phoneFiles.set(name, (phoneFiles.get(name) ?? 0) + n);
    });
    pending.add(p);
    void p.finally(() => pending.delete(p));
  });
  await phone.goto(`${base}${href}`);
  await phone.waitForFunction(() => window.storyMap?.map);
  await idle(phone);
  await phone.waitForLoadState('networkidle');
  await settled();
  await browser.close();
  const fmt = (n: number) => `${(n / KB).toFixed(1)} KB`;
  console.log(
    `basemap bytes, first view on a phone: ${fmt(phoneFirst)} (budget 100 KB) ${phoneFirst <= 100 * KB ? 'ok' : 'OVER'}`,
  );
  for (const [f, n] of phoneFiles) console.log(`  ${f.padEnd(32)} ${fmt(n)}`);
  console.log(
    `basemap bytes, first view:          ${fmt(first)} (budget 100 KB) ${first <= 100 * KB ? 'ok' : 'OVER'}`,
  );
  for (const [f, n] of firstFiles) console.log(`  ${f.padEnd(32)} ${fmt(n)}`);
  console.log(
    `basemap bytes, whole story (${ids.length} steps): ${fmt(bytes)} (budget 600 KB) ${bytes <= 600 * KB ? 'ok' : 'OVER'}`,
  );
  for (const [f, n] of files) console.log(`  ${f.padEnd(32)} ${fmt(n)}`);
  // In the repository: the built files and the committed extracts they are built from.
  const repo = du(join(root, 'public/basemap')) + du(join(root, 'src/basemap/data'));
  const dist = du(join(root, 'dist/basemap'));
  console.log(
    `basemap files in the repository: ${fmt(repo)} (budget 8 MB) ${repo <= 8000 * KB ? 'ok' : 'OVER'}; in dist/ ${fmt(dist)}`,
  );
} finally {
  server.kill();
}
