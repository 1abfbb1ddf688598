/**
 * The built site, read from dist/ as a browser without JavaScript would get it:
 * every step's text, date, map description and sources are in the story's HTML.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type HTMLElement } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { readContent } from '../../src/site/read-content';
import { formatDate } from '../../src/story/dates';
import { resolveSteps } from '../../src/story/resolve-steps';
import { storyKinds } from '../../src/story/kinds';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = join(root, 'dist');
const content = await readContent(root);
const text = (el: HTMLElement | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** Markdown's plain words, to find a step's text in the rendered HTML. */
const plain = (md: string) =>
  md
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`>#]/g, '')
    // Markdown typesets quotes and dashes; compare the words, not the glyphs.
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();

test('the build produced a page for every story', () => {
  expect(existsSync(dist), 'run `npm run build` first').toBe(true);
  expect(content.stories.length).toBeGreaterThan(0);
  for (const s of content.stories) expect(existsSync(join(dist, s.slug, 'index.html')), s.slug).toBe(true);
});

for (const story of content.stories) {
  describe(`story "${story.slug}"`, () => {
    const html = readFileSync(join(dist, story.slug, 'index.html'), 'utf8');
    const doc = parse(html);
    const resolved = resolveSteps(story, content.features);

    test('header: title, dek, byline and language', () => {
      expect(text(doc.querySelector('h1'))).toBe(story.data.title);
      expect(text(doc.querySelector('.dek'))).toBe(story.data.dek);
      expect(text(doc.querySelector('.byline'))).toContain(story.data.byline);
      expect(doc.querySelector('html')!.getAttribute('lang')).toBe(story.data.language);
    });

    test('every step: id, title, text, date, map description and sources, in order', () => {
      const articles = doc.querySelectorAll('article.step');
      expect(articles.map((a) => a.id)).toEqual(story.steps.map((s) => s.id));
      story.steps.forEach((step, i) => {
        const a = articles[i]!;
        const r = resolved[i]!;
        expect(text(a.querySelector('.step-title'))).toBe(step.data.title);
        const words = plain(step.body).split(' ').slice(0, 12).join(' ');
        expect(plain(text(a.querySelector('.step-body'))), `${step.id} text`).toContain(words);
        const time = a.querySelector('time.step-date')!;
        expect(time.getAttribute('datetime')).toBe(step.data.date);
        expect(text(time)).toBe(formatDate(step.data.date, step.data.time_approximate));
        expect(text(a.querySelector('.step-map-description'))).toBe(`Map: ${r.alt}`);
        const cited = a.querySelectorAll('.step-sources a').map((l) => l.getAttribute('href'));
        expect(cited, `${step.id} sources`).toEqual(step.data.sources.map((k) => `#source-${k}`));
        for (const k of step.data.sources)
          expect(doc.getElementById(`source-${k}`), `source ${k} listed`).not.toBeNull();
      });
    });

    test('"Sources and methods" lists every source and every place on the map with its precision and origin', () => {
      const section = doc.getElementById('sources-and-methods')!;
      expect(section).not.toBeNull();
      for (const s of story.data.sources)
        expect(text(doc.getElementById(`source-${s.key}`))).toContain(s.publisher);
      // Schematic overlays drawn by the basemap in the story's area are listed too.
      const overlays = content.features.filter((f) => f.properties.basemap).map((f) => f.id);
      for (const id of overlays)
        expect(text(doc.getElementById(`place-${id}`)), `overlay ${id}`).toContain('in the basemap');
      const shown = new Set(resolved.flatMap((r) => r.state.visible));
      for (const id of shown) {
        const f = content.features.find((x) => x.id === id)!;
        const row = doc.getElementById(`place-${id}`);
        expect(row, `place ${id}`).not.toBeNull();
        expect(text(row)).toContain(f.properties.source);
      }
    });

    test('map data is a hashed static file, not inlined; nothing loads from another origin', () => {
      const el = doc.querySelector('story-map')!;
      const dataUrl = el.getAttribute('data-story-data')!;
      expect(dataUrl).toMatch(new RegExp(`/data/story-${story.slug}\\.[0-9a-f]{10}\\.json$`));
      expect(existsSync(join(dist, dataUrl))).toBe(true);
      const basemap = el.getAttribute('data-basemap')!;
      expect(basemap).toMatch(/^\/(?!\/).*basemap\/$/);
      for (const f of ['world.pmtiles', 'region.pmtiles'])
        expect(existsSync(join(dist, basemap, f)), f).toBe(true);
      expect(html).not.toContain('"coordinates"');
      expect(html).not.toContain('FeatureCollection');
      for (const tag of doc.querySelectorAll(
        'script[src], link[rel="stylesheet"], link[rel="icon"], link[rel="modulepreload"], img[src]',
      )) {
        const url = tag.getAttribute('src') ?? tag.getAttribute('href')!;
        expect(url, `${tag.tagName} ${url}`).toMatch(/^\/(?!\/)/);
        expect(existsSync(join(dist, url.split('?')[0]!)), url).toBe(true);
      }
    });

    test("the head preloads the map's chunk, the one the story's script imports, and runs nothing more", () => {
      const script = doc.querySelector('script[type="module"][src]')!.getAttribute('src')!;
      const imported = [...readFileSync(join(dist, script), 'utf8').matchAll(/import\(`\.\/([^`]+\.js)`\)/g)];
      expect(
        imported.map((m) => m[1]),
        'one dynamic import: the map',
      ).toHaveLength(1);
      const preloads = doc
        .querySelectorAll('head link[rel="modulepreload"]')
        .map((l) => l.getAttribute('href'));
      expect(preloads).toContain(`/_astro/${imported[0]![1]}`);
      expect(readFileSync(join(dist, '_astro', imported[0]![1]!), 'utf8')).toContain('maplibregl');
      // A hint, not a script: the map still waits for the text (src/client/map-loader.ts).
      expect(doc.querySelectorAll('script[src]').map((s) => s.getAttribute('src'))).toEqual([script]);
    });

    test("the map's data is asked for in the head; the basemap's Latin and Arabic fonts are named for the map to ask for, and exist", () => {
      for (const page of [doc, parse(readFileSync(join(dist, 'embed', story.slug, 'index.html'), 'utf8'))]) {
        const map = page.querySelector('story-map')!;
        const preloads = page.querySelectorAll('head link[rel="preload"]');
        expect(
          preloads.map((l) => [l.getAttribute('href'), l.getAttribute('as'), l.getAttribute('crossorigin')]),
        ).toEqual([[map.getAttribute('data-story-data'), 'fetch', 'anonymous']]);
        const fonts = map.getAttribute('data-basemap-fonts')!.split(' ');
        expect(fonts).toEqual([
          `${map.getAttribute('data-basemap')}fonts/noto-sans-latin-400.woff2`,
          `${map.getAttribute('data-basemap')}fonts/noto-sans-arabic-400.woff2`,
        ]);
        for (const href of fonts) expect(existsSync(join(dist, href)), href).toBe(true);
      }
    });
  });
}

test('in a story with label_languages every place label carries its name in each of them', () => {
  const stories = content.stories.filter((s) => s.data.label_languages.length > 0);
  // The flagship story labels its places in English and Arabic.
  expect(stories.map((s) => s.slug)).toContain('iraq-escalation-2019');
  for (const story of stories) {
    const file = readdirSync(join(dist, 'data')).find((f) => f.startsWith(`story-${story.slug}.`))!;
    const data = JSON.parse(readFileSync(join(dist, 'data', file), 'utf8')) as {
      labels: { id: string; label: string; alt?: { lang: string; text: string }[] }[];
    };
    expect(data.labels.length).toBeGreaterThan(10);
    for (const l of data.labels) {
      expect(l.label, l.id).toMatch(/[A-Za-z]/);
      expect(
        l.alt?.map((a) => a.lang),
        l.id,
      ).toEqual(story.data.label_languages);
      for (const a of l.alt!) if (a.lang === 'ar') expect(a.text, l.id).toMatch(/^[\u0600-\u06FF0-9 :()]+$/);
    }
  }
});

test('the story data holds the features the steps show, with areas for approximate places', () => {
  for (const story of content.stories) {
    const file = readdirSync(join(dist, 'data')).find((f) => f.startsWith(`story-${story.slug}.`))!;
    const data = JSON.parse(readFileSync(join(dist, 'data', file), 'utf8')) as {
      geojson: { features: { properties: { ref: string; draw: string } }[] };
      labels: { id: string }[];
    };
    const refs = new Set(data.geojson.features.map((f) => f.properties.ref));
    const labels = new Set(data.labels.map((l) => l.id));
    for (const s of resolveSteps(story, content.features)) {
      for (const id of s.state.visible) {
        // Every visible place has a label; all but label points also have a shape.
        expect(labels.has(id), `${id} label`).toBe(true);
        const kind = content.features.find((f) => f.id === id)!.properties.kind;
        if (kind !== 'zone-label') expect(refs.has(id), `${id} shape`).toBe(true);
      }
    }
    const kinds = storyKinds(story.data.kinds);
    for (const f of content.features.filter(
      (f) => refs.has(f.id) && f.geometry.type === 'Point' && f.properties.precision_m >= 10000,
    )) {
      const draws = data.geojson.features
        .filter((x) => x.properties.ref === f.id)
        .map((x) => x.properties.draw);
      // A country is its outline, never a circle; any other far-from-exact point, its circle alone.
      if (kinds.style(f.properties.kind).draw === 'country')
        expect(draws, `${f.id} is drawn as its country's outline`).toEqual(['shape']);
      else expect(draws, `${f.id} is drawn as an area only`).toEqual(['area']);
    }
  }
});
