import { expect, test } from 'vitest';
import { preloadLinks, withPreload } from '../../src/integrations/map-preload';

const story =
  '<html><head><link rel="stylesheet" href="/a.css"></head><body><story-map></story-map></body></html>';

test("a story page gets the map chunk's modulepreload at the end of its head, once", () => {
  const links = preloadLinks('/sub', ['_astro/controller.abc.js']);
  expect(links).toBe('<link rel="modulepreload" href="/sub/_astro/controller.abc.js">');
  const once = withPreload(story, links);
  expect(once).toBe(
    '<html><head><link rel="stylesheet" href="/a.css"><link rel="modulepreload" href="/sub/_astro/controller.abc.js"></head><body><story-map></story-map></body></html>',
  );
  expect(withPreload(once, links)).toBe(once);
});

test('a page without a story map downloads no map code', () => {
  const index = '<html><head></head><body><ul class="story-list"></ul></body></html>';
  expect(withPreload(index, preloadLinks('/', ['_astro/controller.abc.js']))).toBe(index);
});
