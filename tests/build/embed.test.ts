/** The built embed pages and oEmbed files, as a CMS or an LMS would read them. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'node-html-parser';
import { describe, expect, test } from 'vitest';
import { readContent } from '../../src/content/loaders/read-content';

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

    test('oEmbed JSON is valid, discoverable, and points at the embed page', () => {
      const json = JSON.parse(readFileSync(join(dist, 'oembed', `${story.slug}.json`), 'utf8')) as Record<
        string,
        unknown
      >;
      expect(json).toMatchObject({
        version: '1.0',
        type: 'rich',
        title: story.data.title,
        width: 800,
        height: 640,
      });
      const frame = parse(json.html as string).querySelector('iframe')!;
      expect(new URL(frame.getAttribute('src')!).pathname).toBe(`/embed/${story.slug}/`);
      expect(frame.getAttribute('title')).toBe(story.data.title);
      const link = parse(readFileSync(join(dist, story.slug, 'index.html'), 'utf8')).querySelector(
        'link[type="application/json+oembed"]',
      );
      expect(new URL(link!.getAttribute('href')!).pathname).toBe(`/oembed/${story.slug}.json`);
    });
  });
}

test('the host script and the framing headers ship with the site', () => {
  expect(readFileSync(join(dist, 'embed.js'), 'utf8')).toContain("'storymap:host-viewport'");
  const headers = readFileSync(join(dist, '_headers'), 'utf8');
  expect(headers).toMatch(/\/embed\/\*\n {2}Content-Security-Policy: frame-ancestors \*/);
  expect(existsSync(join(dist, 'favicon.svg'))).toBe(true);
});
