/**
 * `npm run bench`: how much the map costs the reader. Builds the site, serves dist/ on
 * 127.0.0.1, and loads a story page, a "bare" copy of it (same text, no scripts, no
 * map) and a "bare map" (MapLibre alone, full window, with the same basemap style and the
 * story's first camera, nothing else) in turn in one Chromium, on a desktop and a throttled
 * phone profile. The story's first map idle ÷ the bare map's says what the story adds on top
 * of MapLibre and the basemap (aim ≤ 1.2).
 * Prints medians and writes tests/.output/bench.json. A benchmark, not a test: it
 * never fails on a timing, only when something crashes.
 *
 *   npm run bench -- [--runs N] [--story <slug>] [--no-build]
 *   (built with BASE=/sub/? run the bench with the same BASE.)
 */
import { spawnSync } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContextOptions } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../chromium.ts';
import { basemapStyle } from '../../src/basemap/style.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'dist');
const args = process.argv.slice(2);
const flag = (name: string): string | undefined =>
  args.includes(name) ? args[args.indexOf(name) + 1] : undefined;
const RUNS = Math.max(1, Number(flag('--runs') ?? 5) || 5);
const BASE = `/${(process.env.BASE ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
const IDLE_TIMEOUT = 60_000;

interface Profile {
  name: string;
  label: string;
  context: BrowserContextOptions;
  cpuSlowdown?: number;
  /** CDP Network.emulateNetworkConditions: latency in ms, throughput in bytes/s. */
  network?: { latency: number; downloadThroughput: number; uploadThroughput: number };
}
const PROFILES: Profile[] = [
  { name: 'desktop', label: '1280×800, no throttling', context: { viewport: { width: 1280, height: 800 } } },
  {
    name: 'mobile',
    label: '390×844 @3x, CPU 4×, slow 4G',
    context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
    cpuSlowdown: 4,
    // Lighthouse's mobile "slow 4G": RTT 150 ms, 1638.4 kbit/s down, 750 kbit/s up.
    network: { latency: 150, downloadThroughput: (1638.4 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
  },
];

type Load = {
  lcp: number | null;
  mapIdle: number | null;
  jsBytes: number;
  totalBytes: number;
  requests: number;
};

// ---- 1. Build -------------------------------------------------------------------------
if (!args.includes('--no-build')) {
  console.log('Building the site (npm run build)…');
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', env: process.env });
  if (r.status !== 0) fail(`npm run build failed (exit ${r.status ?? r.signal})`);
}
if (!existsSync(join(dist, 'index.html'))) fail('dist/index.html is missing: build the site first');

// ---- 2. The story and its bare twin ---------------------------------------------------
const isStory = (d: string) =>
  existsSync(join(dist, d, 'index.html')) &&
  readFileSync(join(dist, d, 'index.html'), 'utf8').includes('<story-map');
const slug = flag('--story') ?? readdirSync(dist).sort().find(isStory);
if (!slug || !existsSync(join(dist, slug, 'index.html')))
  fail(`no story page found in dist/ (${slug ?? 'none with <story-map'})`);
const bare = Buffer.from(makeBare(readFileSync(join(dist, slug, 'index.html'), 'utf8')));

/** The story's HTML without any script (nor its preloads) and without the map panel: what the text alone costs. */
function makeBare(html: string): string {
  const out = html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    // The map's chunk and its data: the bare page has no map to use them.
    .replace(/<link\b[^>]*rel="(?:modulepreload|preload)"[^>]*>/gi, '');
  const start = out.indexOf('<div class="map-panel"');
  if (start < 0) return out;
  // The panel holds nested divs: walk the tags, counting depth, to find its own </div>.
  const tag = /<div\b[^>]*>|<\/div\s*>/gi;
  tag.lastIndex = start;
  let depth = 0;
  for (let m = tag.exec(out); m; m = tag.exec(out)) {
    depth += m[0].startsWith('</') ? -1 : 1;
    if (depth === 0) return out.slice(0, start) + out.slice(tag.lastIndex);
  }
  throw new Error('unbalanced <div class="map-panel">');
}

/**
 * MapLibre alone: the basemap style and the story's first camera (read from the page's step
 * states), in a full-window map; window.__idle is when it first went idle (ms from navigation).
 * MapLibre and the PMTiles reader come straight from node_modules, unbundled.
 */
function makeBareMap(html: string, origin: string): string {
  const states = /<script[^>]*class="story-states"[^>]*>([\s\S]*?)<\/script>/.exec(html);
  if (!states) throw new Error(`${slug}: no story-states in the page`);
  const first = (JSON.parse(states[1]!) as { state: { camera: Record<string, unknown> } }[])[0]!.state.camera;
  const style = basemapStyle(`${origin}${BASE}basemap/`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>bare map</title>
<link rel="stylesheet" href="/__bench/maplibre/maplibre-gl.css">
<style>html,body,#map{margin:0;height:100%}</style></head><body><div id="map"></div>
<script src="/__bench/pmtiles.js"></script>
<script type="module">
import * as maplibregl from '/__bench/maplibre/maplibre-gl.mjs';
maplibregl.setWorkerUrl('/__bench/maplibre/maplibre-gl-worker.mjs');
const protocol = new pmtiles.Protocol();
maplibregl.addProtocol('pmtiles', protocol.tile);
const camera = ${JSON.stringify(first)};
const map = new maplibregl.Map({
  container: 'map', style: ${JSON.stringify(style)}, attributionControl: false,
  ...(camera.type === 'center'
    ? { center: camera.center, zoom: camera.zoom, bearing: camera.bearing ?? 0, pitch: camera.pitch ?? 0 }
    : { bounds: camera.bounds, fitBoundsOptions: { maxZoom: camera.maxZoom, padding: 40 } }),
});
map.once('idle', () => { window.__idle = performance.now(); });
</script></body></html>`;
}

// ---- 3. Static server ---------------------------------------------------------------
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};
const gzipped = new Map<string, Buffer>();

/** Sends a body whole, gzipped (as any static host would: it is what readers download), or one byte range. */
function send(req: IncomingMessage, res: ServerResponse, key: string, body: Buffer): void {
  const headers = {
    'content-type': TYPES[extname(key)] ?? 'application/octet-stream',
    'accept-ranges': 'bytes',
    vary: 'accept-encoding',
  };
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  if (range && (range[1] || range[2])) {
    // One range per request is all tile readers (PMTiles) ask for; "-N" is the last N bytes.
    const first = range[1] ? Number(range[1]) : Math.max(0, body.length - Number(range[2]));
    const last = range[1] && range[2] ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
    if (first > last) return void res.writeHead(416, { 'content-range': `bytes */${body.length}` }).end();
    res.writeHead(206, {
      ...headers,
      'content-range': `bytes ${first}-${last}/${body.length}`,
      'content-length': last - first + 1,
    });
    return void res.end(req.method === 'HEAD' ? undefined : body.subarray(first, last + 1));
  }
  if (TYPES[extname(key)] && /\bgzip\b/.test(String(req.headers['accept-encoding']))) {
    if (!gzipped.has(key)) gzipped.set(key, gzipSync(body));
    body = gzipped.get(key)!;
    Object.assign(headers, { 'content-encoding': 'gzip' });
  }
  res.writeHead(200, { ...headers, 'content-length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}

function serve(): Promise<Server> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === `/__bench/bare/${slug}/`) return send(req, res, 'bare/index.html', bare);
    if (path === `/__bench/baremap/${slug}/`) {
      const html = makeBareMap(
        readFileSync(join(dist, slug!, 'index.html'), 'utf8'),
        `http://${req.headers.host}`,
      );
      return send(req, res, 'baremap/index.html', Buffer.from(html));
    }
    if (path === '/__bench/pmtiles.js')
      return send(req, res, path, readFileSync(join(root, 'node_modules/pmtiles/dist/pmtiles.js')));
    if (path.startsWith('/__bench/maplibre/')) {
      const lib = join(root, 'node_modules/maplibre-gl/dist');
      const f = resolve(lib, `.${path.slice('/__bench/maplibre'.length)}`);
      if (f.startsWith(lib + sep) && existsSync(f)) return send(req, res, f, readFileSync(f));
    }
    // The site lives under BASE; never serve anything outside dist/ (think "..%2f").
    let file = path.startsWith(BASE) ? resolve(dist, `.${path.slice(BASE.length - 1)}`) : '';
    if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dist + sep) || !existsSync(file))
      return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    send(req, res, file, readFileSync(file));
  });
  return new Promise((ok, ko) => server.once('error', ko).listen(0, '127.0.0.1', () => ok(server)));
}

// ---- 4. One cold load -----------------------------------------------------------------
/** Records LCP candidates from the first paint on; read once the page has settled. */
function recordLcp(): void {
  const w = window as unknown as { __lcp: number[] };
  w.__lcp = [];
  new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__lcp.push(e.startTime))).observe({
    type: 'largest-contentful-paint',
    buffered: true,
  });
}

async function load(
  browser: Browser,
  profile: Profile,
  url: string,
  story: boolean,
  bareMap = false,
): Promise<Load> {
  // A fresh context per load: nothing cached, no service worker, no storage.
  const context = await browser.newContext(profile.context);
  try {
    await context.addInitScript(recordLcp);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (profile.network)
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network });
    if (profile.cpuSlowdown) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpuSlowdown });

    // Context-level events also see the MapLibre worker's requests (its .mjs included).
    const sizes: Promise<{ js: boolean; bytes: number }>[] = [];
    context.on('requestfinished', (req) => {
      const js = req.resourceType() === 'script' || /\.m?js$/.test(new URL(req.url()).pathname);
      // A worker's own script reports a body size of 0: fall back to its Content-Length.
      const size = async () => {
        const [s, headers] = await Promise.all([req.sizes(), req.response().then((r) => r?.headers() ?? {})]);
        return {
          js,
          bytes: s.responseHeadersSize + (s.responseBodySize || Number(headers['content-length'] ?? 0)),
        };
      };
      sizes.push(size().catch(() => ({ js, bytes: 0 })));
    });

    const response = await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status() ?? 'nothing'}`);
    let mapIdle: number | null = null;
    if (story) {
      // ready resolves once the map has loaded and reached the first step; whenIdle once its
      // tiles are drawn, as the bare map's first idle. performance.now() counts from navigation
      // start, like LCP's startTime. (No named function inside: tsx would wrap it in a helper
      // the page does not have.)
      mapIdle = await page
        .waitForFunction(() => window.storyMap, undefined, { timeout: IDLE_TIMEOUT })
        .then(() =>
          page.evaluate(
            (budget) =>
              Promise.race([
                window.storyMap!.ready.then(() => window.storyMap!.whenIdle()).then(() => performance.now()),
                new Promise<null>((done) => setTimeout(() => done(null), budget - performance.now())),
              ]),
            IDLE_TIMEOUT,
          ),
        )
        .catch(() => null);
    } else if (bareMap) {
      mapIdle = await page
        .waitForFunction(() => (window as unknown as { __idle?: number }).__idle, undefined, {
          timeout: IDLE_TIMEOUT,
        })
        .then((h) => h.jsonValue() as Promise<number>)
        .catch(() => null);
    }
    // Let late requests (data, tiles) finish so the byte counts are complete.
    await page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => {});
    // An LCP entry arrives with the frame's presentation, which a throttled CPU can delay.
    await page
      .waitForFunction(() => (window as unknown as { __lcp: number[] }).__lcp.length > 0, undefined, {
        timeout: 10_000,
      })
      .catch(() => {});
    const lcps = await page.evaluate(() => (window as unknown as { __lcp: number[] }).__lcp);
    const done = await Promise.all(sizes);
    const sum = (xs: { bytes: number }[]) => xs.reduce((a, s) => a + s.bytes, 0);
    return {
      lcp: lcps.at(-1) ?? null,
      mapIdle,
      jsBytes: sum(done.filter((s) => s.js)),
      totalBytes: sum(done),
      requests: done.length,
    };
  } finally {
    await context.close();
  }
}

// ---- 5. Report ------------------------------------------------------------------------
function median(xs: (number | null)[]): number | null {
  const v = xs.filter((x): x is number => x !== null).sort((a, b) => a - b);
  const m = Math.floor(v.length / 2);
  return v.length === 0 ? null : v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
}
const ms = (x: number | null) => (x === null ? 'n/a' : `${Math.round(x)} ms`);
const kb = (x: number | null) => (x === null ? 'n/a' : `${(x / 1024).toFixed(1)} KiB`);

function summarize(story: Load[], bare: Load[], bareMap: Load[]) {
  const lcpStory = median(story.map((l) => l.lcp));
  const lcpBare = median(bare.map((l) => l.lcp));
  const mapIdle = median(story.map((l) => l.mapIdle));
  const bareMapIdle = median(bareMap.map((l) => l.mapIdle));
  return {
    bareMapIdle,
    mapIdleRatio: mapIdle !== null && bareMapIdle ? mapIdle / bareMapIdle : null,
    totalBytesBareMap: median(bareMap.map((l) => l.totalBytes)),
    lcpStory,
    lcpBare,
    lcpRatio: lcpStory !== null && lcpBare ? lcpStory / lcpBare : null,
    mapIdle,
    jsBytesStory: median(story.map((l) => l.jsBytes)),
    totalBytesStory: median(story.map((l) => l.totalBytes)),
    totalBytesBare: median(bare.map((l) => l.totalBytes)),
  };
}

function print(profile: Profile, s: ReturnType<typeof summarize>): void {
  const rows: [string, string, string, string?][] = [
    ['LCP', ms(s.lcpStory), ms(s.lcpBare)],
    ['LCP story/bare (aim ≤ 1.1)', s.lcpRatio === null ? 'n/a' : s.lcpRatio.toFixed(2), ''],
    ['first map idle', ms(s.mapIdle), '—', ms(s.bareMapIdle)],
    [
      'map idle story/bare map (aim ≤ 1.2)',
      s.mapIdleRatio === null ? 'n/a' : s.mapIdleRatio.toFixed(2),
      '',
      '',
    ],
    ['JS bytes', kb(s.jsBytesStory), '—'],
    ['total bytes', kb(s.totalBytesStory), kb(s.totalBytesBare), kb(s.totalBytesBareMap)],
  ];
  console.log(`\n${profile.name} (${profile.label}), median of ${RUNS} runs`);
  console.log(`  ${''.padEnd(38)}${'story'.padStart(12)}${'bare'.padStart(12)}${'bare map'.padStart(12)}`);
  for (const [k, a, b, c = '—'] of rows)
    console.log(`  ${k.padEnd(38)}${a.padStart(12)}${b.padStart(12)}${c.padStart(12)}`);
}

function fail(message: string): never {
  console.error(`bench: ${message}`);
  process.exit(1);
}

// ---- main -----------------------------------------------------------------------------
const server = await serve().catch((e: Error) => fail(`could not start the server: ${e.message}`));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const storyUrl = `${origin}${BASE}${slug}/`;
const bareUrl = `${origin}/__bench/bare/${slug}/`;
const bareMapUrl = `${origin}/__bench/baremap/${slug}/`;
console.log(`Story    ${storyUrl}\nBare     ${bareUrl}\nBare map ${bareMapUrl}`);
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const chromiumVersion = browser.version();
const results: Record<string, unknown> = {};
try {
  // One unmeasured load: the first one pays for Chromium's own warm-up (GPU process, code caches).
  await load(browser, PROFILES[0]!, storyUrl, true);
  for (const profile of PROFILES) {
    const story: Load[] = [];
    const bare: Load[] = [];
    const bareMap: Load[] = [];
    process.stdout.write(`\n${profile.name}: run`);
    for (let i = 0; i < RUNS; i++) {
      process.stdout.write(` ${i + 1}`);
      story.push(await load(browser, profile, storyUrl, true));
      bare.push(await load(browser, profile, bareUrl, false));
      bareMap.push(await load(browser, profile, bareMapUrl, false, true));
    }
    const summary = summarize(story, bare, bareMap);
    print(profile, summary);
    results[profile.name] = { label: profile.label, summary, runs: { story, bare, bareMap } };
  }
} catch (e) {
  console.error(`\nbench: a page load failed: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  server.close();
}
if (process.exitCode) process.exit();

const out = join(root, 'tests', '.output');
mkdirSync(out, { recursive: true });
const report = {
  date: new Date().toISOString(),
  story: slug,
  base: BASE,
  runs: RUNS,
  chromium: chromiumVersion,
  profiles: results,
};
writeFileSync(join(out, 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nWrote ${join('tests', '.output', 'bench.json')}`);
