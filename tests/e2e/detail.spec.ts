/**
 * Street-level detail (`npm run basemap -- --detail`), end to end: the test writes a small
 * Protomaps-schema extract, merges it with the real CLI into a temporary copy of the
 * basemap, builds the site with that basemap (STORYMAP_BASEMAP_DIR) into a temporary folder
 * and serves it; the committed public/basemap is never touched. At zoom 15 on the harbour
 * fixture's port, roads and buildings are drawn, and nothing is requested from elsewhere.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { makeFixtureExtract } from '../fixtures/detail/make-extract';
import { settled, watchPage } from './helpers';

const root = fileURLToPath(new URL('../..', import.meta.url));
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
};

/** A static server for the built site, with the byte ranges PMTiles reads. */
function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    let path = normalize(decodeURIComponent(new URL(req.url!, 'http://x').pathname));
    if (path.endsWith('/')) path += 'index.html';
    const file = join(dir, path);
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      res.writeHead(404).end();
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    const range = /bytes=(\d+)-(\d+)?/.exec(req.headers.range ?? '');
    if (range) {
      const start = Number(range[1]);
      const end = Math.min(size - 1, range[2] ? Number(range[2]) : size - 1);
      res.writeHead(206, {
        'content-type': type,
        'content-range': `bytes ${start}-${end}/${size}`,
        'content-length': end - start + 1,
      });
      createReadStream(file, { start, end }).pipe(res);
    } else {
      res.writeHead(200, { 'content-type': type, 'content-length': size });
      createReadStream(file).pipe(res);
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({ server, origin: `http://127.0.0.1:${port}` });
    }),
  );
}

let tmp: string;
let site: { server: Server; origin: string };

test.beforeAll(async () => {
  test.setTimeout(600_000);
  tmp = mkdtempSync(join(tmpdir(), 'storymap-detail-'));
  const extract = join(tmp, 'extract.pmtiles');
  writeFileSync(extract, makeFixtureExtract());
  const env = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    STORYMAP_EXTRA_CONTENT: 'tests/fixtures/content/ok',
    STORYMAP_BASEMAP_DIR: join(tmp, 'basemap'),
  };
  const said = execFileSync(
    'npx',
    ['tsx', 'src/basemap/build.ts', '--detail', extract, join(tmp, 'basemap')],
    {
      cwd: root,
      env,
      encoding: 'utf8',
    },
  );
  expect(said).toMatch(/detail\.pmtiles: \d+ KiB, \d+ tiles over \d+ close-ups/);
  execFileSync('npx', ['astro', 'build', '--outDir', join(tmp, 'dist')], { cwd: root, env, stdio: 'ignore' });
  site = await serve(join(tmp, 'dist'));
});

test.afterAll(async () => {
  await new Promise((r) => site?.server.close(r));
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

test('with a detail extract merged, roads and buildings are drawn at zoom 15, all from the site', async ({
  page,
}) => {
  const watch = watchPage(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${site.origin}/harbour/#port`);
  await settled(page, 'port');
  const counts = await page.evaluate(async () => {
    const map = window.storyMap!.map!;
    map.jumpTo({ center: [35.519, 33.902], zoom: 15 });
    await new Promise((r) => map.once('idle', r));
    const count = (layer: string) => map.queryRenderedFeatures({ layers: [layer] }).length;
    return {
      roads: count('detail-roads'),
      buildings: count('detail-buildings'),
      landuse: count('detail-landuse'),
      kinds: [
        ...new Set(map.queryRenderedFeatures({ layers: ['detail-roads'] }).map((f) => f.properties.kind)),
      ].sort(),
      attribution: document.querySelector('.maplibregl-ctrl-attrib')?.textContent ?? '',
    };
  });
  expect(counts.roads).toBeGreaterThan(0);
  expect(counts.buildings).toBeGreaterThan(0);
  expect(counts.landuse).toBeGreaterThan(0);
  expect(counts.kinds).toEqual(['highway', 'major_road', 'medium_road', 'minor_road', 'path']);
  // OpenStreetMap's licence asks for its credit wherever its data is shown.
  expect(counts.attribution).toContain('OpenStreetMap');
  expect(requests.some((u) => u.endsWith('/basemap/detail.pmtiles'))).toBe(true);
  expect(requests.filter((u) => !u.startsWith(site.origin) && !/^(data|blob):/.test(u))).toEqual([]);
  expect(watch.external).toEqual([]);
  expect(watch.errors).toEqual([]);
});
