// @vitest-environment happy-dom
/**
 * Font files fetched ahead by the page reach MapLibre from memory; others, and anything
 * that is not a font file, go as MapLibre asked.
 */
import { afterEach, expect, test, vi } from 'vitest';
import type { ResourceType } from 'maplibre-gl';

type Handler = (params: { url: string }, abort: AbortController) => Promise<{ data: ArrayBuffer }>;
const protocols = new Map<string, Handler>();
vi.mock('maplibre-gl', () => ({ addProtocol: (scheme: string, h: Handler) => protocols.set(scheme, h) }));

const { prefetchFonts } = await import('../../src/map/font-files');
const { prefetchedRequest } = await import('../../src/map/font-protocol');

const bytes = (...b: number[]) => new Uint8Array(b).buffer;
// MapLibre's ResourceType is a const enum of these strings.
const GLYPHS = 'Glyphs' as ResourceType;
const SOURCE = 'Source' as ResourceType;
afterEach(() => vi.unstubAllGlobals());

test('a font file fetched ahead is read once, from memory, and each reader gets its own copy', async () => {
  const fetch = vi.fn(async () => new Response(bytes(1, 2, 3)));
  vi.stubGlobal('fetch', fetch);
  prefetchFonts(['/basemap/fonts/a.woff2', '/basemap/fonts/a.woff2']);
  const url = new URL('/basemap/fonts/a.woff2', document.baseURI).href;
  const request = prefetchedRequest(url, GLYPHS)!;
  expect(request.url).toMatch(/^storymap-font:\/\//);
  const [scheme] = [...protocols.keys()];
  const first = await protocols.get(scheme!)!(request, new AbortController());
  const second = await protocols.get(scheme!)!(request, new AbortController());
  expect([...new Uint8Array(first.data)]).toEqual([1, 2, 3]);
  expect(first.data).not.toBe(second.data);
  expect(fetch).toHaveBeenCalledTimes(1);
});

test('tiles, styles and font files not fetched ahead go as MapLibre asked', () => {
  const url = new URL('/basemap/fonts/b.woff2', document.baseURI).href;
  expect(prefetchedRequest(url, GLYPHS)).toBeUndefined();
  expect(prefetchedRequest('pmtiles:///basemap/world.pmtiles', SOURCE)).toBeUndefined();
});

test('a font file whose early fetch failed is fetched again when the map asks', async () => {
  const fetch = vi
    .fn()
    .mockResolvedValueOnce(new Response('gone', { status: 503 }))
    .mockResolvedValueOnce(new Response(bytes(7)));
  vi.stubGlobal('fetch', fetch);
  prefetchFonts(['/basemap/fonts/c.woff2']);
  const url = new URL('/basemap/fonts/c.woff2', document.baseURI).href;
  const request = prefetchedRequest(url, GLYPHS)!;
  const { data } = await [...protocols.values()][0]!(request, new AbortController());
  expect([...new Uint8Array(data)]).toEqual([7]);
  expect(fetch).toHaveBeenCalledTimes(2);
});
