/** The built embed pages and oEmbed files, as a CMS or an LMS would read them. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extract } from '@extractus/oembed-extractor';
import { parse } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readContent } from '../../src/site/read-content';
import { siteWarning } from '../../src/site/urls';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'dist');
const content = await readContent(root);

for (const story of content.stories) {
  describe(`embed of "${story.slug}"`, () => {
    const html = readFileSync(join(dist, 'embed', story.slug, 'index.html'), 'utf8');
    const doc = parse(html);

    test('no site chrome, not indexed, and every step still in the HTML', () => {
      expect(doc.querySelector('.story-header')).toBeNull();
      expect(doc.querySelector('.skip-link')).toBeNull();
      expect(doc.querySelector('.embed-dialog')).toBeNull();
      expect(doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
      expect(doc.querySelector('story-map')?.hasAttribute('data-embedded')).toBe(true);
      expect(doc.querySelectorAll('article.step').map((a) => a.id)).toEqual(story.steps.map((s) => s.id));
      expect(doc.querySelector('.embed-header a')?.getAttribute('href')).toBe(`/${story.slug}/`);
    });

    test('a Content-Security-Policy with hashed scripts and no unsafe-inline', () => {
      for (const page of [
        html,
        readFileSync(join(dist, story.slug, 'index.html'), 'utf8'),
        readFileSync(join(dist, 'index.html'), 'utf8'),
      ]) {
        const csp =
          parse(page).querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ??
          '';
        expect(csp).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("worker-src 'self' blob:");
        expect(csp).not.toContain('unsafe-inline');
        expect(csp).not.toContain('unsafe-eval');
      }
    });

    test("a range's Sources and methods: every source and place row names the steps that use it", () => {
      const full = parse(readFileSync(join(dist, story.slug, 'index.html'), 'utf8'));
      for (const page of [doc, full]) {
        for (const source of story.data.sources) {
          const li = page.querySelector(`#source-${source.key}`)!;
          const citing = story.steps.filter((s) => s.data.sources.includes(source.key)).map((s) => s.id);
          expect(li.getAttribute('data-steps')?.split(' ').filter(Boolean), source.key).toEqual(citing);
        }
        const rows = page.querySelectorAll('table.places tbody tr');
        expect(rows.length).toBeGreaterThan(0);
        for (const row of rows) {
          const id = row.id.replace(/^place-/, '');
          const showing = story.steps
            .filter((s) => [...s.data.show, ...(s.data.fit ?? []), ...s.data.highlight].includes(id))
            .map((s) => s.id);
          const named = row.getAttribute('data-steps')!.split(' ').filter(Boolean);
          // Places a step shows belong to it; basemap overlays to the steps whose places they touch.
          for (const s of showing) expect(named, id).toContain(s);
          expect(named.length, `${id} is on some step's map`).toBeGreaterThan(0);
        }
      }
      // The embed links to the full list; the note shows only when a range hides rows (text first).
      const note = doc.querySelector('.sources-range-note');
      expect(note?.hasAttribute('hidden')).toBe(true);
      expect(note?.querySelector('a')?.getAttribute('href')).toBe(`/${story.slug}/#sources-and-methods`);
    });

    test('built without SITE: no oEmbed file, no discovery or canonical link (nothing to make absolute)', () => {
      expect(existsSync(join(dist, 'oembed', `${story.slug}.json`))).toBe(false);
      for (const page of [doc, parse(readFileSync(join(dist, story.slug, 'index.html'), 'utf8'))]) {
        expect(page.querySelector('link[type="application/json+oembed"]')).toBeNull();
        expect(page.querySelector('link[rel="canonical"]')).toBeNull();
      }
    });
  });
}

/** Every text file under a directory. */
function textFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(html|json|js|css|svg|txt|xml|webmanifest)$/.test(f) || f.endsWith('_headers'))
    .map((f) => join(dir, f));
}

test('no file in dist/ points at localhost', () => {
  const files = textFiles(dist);
  expect(files.length).toBeGreaterThan(20);
  const offenders = files.filter((f) => /localhost|127\.0\.0\.1/.test(readFileSync(f, 'utf8')));
  expect(offenders).toEqual([]);
});

test('the SITE warning is one line that says what to set and what is left out', () => {
  const warned: string[] = [];
  const hook = siteWarning(undefined).hooks['astro:build:start']!;
  const logger = { warn: (m: string) => warned.push(m) } as unknown as Parameters<typeof hook>[0]['logger'];
  void hook({ logger } as Parameters<typeof hook>[0]);
  expect(warned).toEqual([
    'SITE is not set: this build leaves out the oEmbed files, their discovery links and canonical links, which need absolute URLs; set SITE to the origin the site is served from (e.g. SITE=https://stories.example.org).',
  ]);
  expect(warned[0]).not.toContain('\n');
  const none: string[] = [];
  void siteWarning('https://stories.example.org').hooks['astro:build:start']!({
    logger: { warn: (m: string) => none.push(m) },
  } as unknown as Parameters<typeof hook>[0]);
  expect(none).toEqual([]);
});

/**
 * A build with SITE, served on that loopback origin, read by a real oEmbed consumer
 * (@extractus/oembed-extractor) that must find everything there and ask nobody else.
 */
describe('a build with SITE, read by an oEmbed consumer', () => {
  let server: Server;
  let site = '';
  let out = '';
  let log = '';

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'storymap-site-'));
    server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      let file = join(out, path);
      if (!file.startsWith(out)) return res.writeHead(403).end();
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!existsSync(file)) return res.writeHead(404).end();
      const type = file.endsWith('.html')
        ? 'text/html'
        : file.endsWith('.json')
          ? 'application/json'
          : 'application/octet-stream';
      res.writeHead(200, { 'Content-Type': type }).end(readFileSync(file));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const addr = server.address();
    site = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    const run = spawnSync('npx', ['astro', 'build', '--outDir', out], {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        SITE: site,
        ASTRO_TELEMETRY_DISABLED: '1',
        STORYMAP_EXTRA_CONTENT: 'tests/fixtures/content/ok',
      },
    });
    log = `${run.stdout}${run.stderr}`;
    expect(run.status, log).toBe(0);
  }, 300_000);
  afterAll(async () => {
    await new Promise<void>((r) => server.close(() => r()));
    if (out) rmSync(out, { recursive: true, force: true });
  });

  test('no SITE warning; oEmbed files, discovery links on the story and embed pages, canonical link', () => {
    expect(log).not.toContain('SITE is not set');
    for (const story of content.stories) {
      const json = JSON.parse(readFileSync(join(out, 'oembed', `${story.slug}.json`), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(json).toMatchObject({
        version: '1.0',
        type: 'rich',
        title: story.data.title,
        provider_url: `${site}/`,
        width: 800,
        height: 640,
      });
      const frame = parse(json.html as string).querySelector('iframe')!;
      expect(frame.getAttribute('src')).toBe(`${site}/embed/${story.slug}/`);
      for (const page of [
        join(out, story.slug, 'index.html'),
        join(out, 'embed', story.slug, 'index.html'),
      ]) {
        const link = parse(readFileSync(page, 'utf8')).querySelector('link[type="application/json+oembed"]');
        expect(link?.getAttribute('href'), page).toBe(`${site}/oembed/${story.slug}.json`);
      }
      const embed = parse(readFileSync(join(out, 'embed', story.slug, 'index.html'), 'utf8'));
      expect(embed.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
        `${site}/${story.slug}/`,
      );
    }
    expect(textFiles(out).filter((f) => readFileSync(f, 'utf8').includes('localhost'))).toEqual([]);
  });

  test('the oEmbed consumer discovers each story from its page and its embed page, asking only the site', async () => {
    const asked: string[] = [];
    const fetcher = (url: string) => {
      asked.push(url);
      if (new URL(url).origin !== site) throw new Error(`the consumer asked another origin: ${url}`);
      return fetch(url);
    };
    for (const story of content.stories) {
      for (const page of [`${site}/${story.slug}/`, `${site}/embed/${story.slug}/`]) {
        const data = await extract(page, { maxwidth: 600 }, fetcher);
        expect(data, page).toMatchObject({
          type: 'rich',
          version: '1.0',
          title: story.data.title,
          method: 'auto-discovery',
        });
        const src = parse(String(data.html)).querySelector('iframe')!.getAttribute('src')!;
        expect(src).toBe(`${site}/embed/${story.slug}/`);
        // The frame it would embed is there.
        expect((await fetcher(src)).status).toBe(200);
      }
    }
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((u) => new URL(u).origin !== site)).toEqual([]);
  });
});

test('the host script and the framing headers ship with the site', () => {
  expect(readFileSync(join(dist, 'embed.js'), 'utf8')).toContain("'storymap:host-viewport'");
  const headers = readFileSync(join(dist, '_headers'), 'utf8');
  expect(headers).toMatch(/\/embed\/\*\n {2}Content-Security-Policy: frame-ancestors \*/);
  expect(existsSync(join(dist, 'favicon.svg'))).toBe(true);
});
