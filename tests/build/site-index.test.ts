/**
 * Several stories on one site. `npm test` builds with a second story from
 * tests/fixtures/content/ok (npm run build:test); the front page lists every story
 * with its title, dek, dates and a locator map, and each story has its own page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { readSite } from '../../src/site/read-content';
import { formatShortDate } from '../../src/story/dates';

const root = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = 'tests/fixtures/content/ok';
const content = await readSite(root, [FIXTURE]);
const index = parse(readFileSync(join(root, 'dist/index.html'), 'utf8'));
const text = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

describe('the front page', () => {
  test('lists every story, the fixture story included (run npm run build:test)', () => {
    const listed = index.querySelectorAll('.story-list > li').map((li) => li.getAttribute('data-story'));
    expect(listed.sort()).toEqual(content.stories.map((s) => s.slug).sort());
    expect(listed).toContain('mini');
  });

  for (const story of content.stories) {
    test(`"${story.slug}": title linking to its page, dek, dates, step count and a locator map`, () => {
      const li = index.querySelector(`.story-list > li[data-story="${story.slug}"]`)!;
      const a = li.querySelector('h2 a')!;
      expect(text(a.textContent)).toBe(story.data.title);
      expect(a.getAttribute('href')).toBe(`/${story.slug}/`);
      expect(text(li.querySelector('.dek')?.textContent)).toBe(story.data.dek);
      const first = story.steps[0]!.data.date;
      const last = story.steps.at(-1)!.data.date;
      expect(text(li.querySelector('.meta')?.textContent)).toBe(
        `${formatShortDate(first)} – ${formatShortDate(last)} · ${story.steps.length} steps`,
      );
      const svg = li.querySelector('svg.extent-map')!;
      expect(svg.getAttribute('role')).toBe('img');
      expect(svg.getAttribute('aria-label')).toMatch(
        /^Locator map: the story takes place around \d+°[NS] \d+°[EW]$/,
      );
      // Land, and the story's extent drawn on the card.
      expect(svg.querySelector('path')!.getAttribute('d')!.length).toBeGreaterThan(100);
      const box = svg.querySelector('rect.extent')!;
      const [x, y, w, h] = ['x', 'y', 'width', 'height'].map((k) => Number(box.getAttribute(k)));
      expect(x! >= 0 && y! >= 0 && x! + w! <= 160 && y! + h! <= 100, 'extent inside the card').toBe(true);
      expect(existsSync(join(root, 'dist', story.slug, 'index.html'))).toBe(true);
    });
  }

  test('the locator maps are small enough to inline: under 8 kB each', () => {
    for (const svg of index.querySelectorAll('svg.extent-map'))
      expect(svg.toString().length).toBeLessThan(8000);
  });
});

test('the fixture story has its own page with its steps', () => {
  const page = parse(readFileSync(join(root, 'dist/mini/index.html'), 'utf8'));
  expect(text(page.querySelector('h1')?.textContent)).toBe('A small story');
  expect(page.querySelectorAll('article.step').map((a) => a.id)).toEqual(['start', 'strikes']);
});

test('the story engine knows no particular story: no story folder name appears in src/', () => {
  const slugs = readdirSync(join(root, 'stories'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  const hits: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else
        for (const s of slugs)
          if (readFileSync(p, 'utf8').includes(s)) hits.push(`${p.slice(root.length)}: ${s}`);
    }
  };
  walk(join(root, 'src'));
  expect(hits).toEqual([]);
});

test('the built site has no camera picker: no panel, no endpoint in any page or script', () => {
  const hits: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(html|js|mjs)$/.test(e.name)) {
        const t = readFileSync(p, 'utf8');
        if (t.includes('camera-picker') || t.includes('__storymap/camera')) hits.push(p.slice(root.length));
      }
    }
  };
  walk(join(root, 'dist'));
  expect(hits).toEqual([]);
});
