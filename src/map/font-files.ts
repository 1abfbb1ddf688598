/**
 * The offline basemap's font files, fetched by the page as soon as its text has painted
 * (src/client/map-loader.ts) and kept for the map (src/map/font-protocol.ts). MapLibre asks
 * for them only once its worker has laid out the first tiles, and the labels, and the map's
 * first idle, waited that round trip on a throttled phone. A `<link rel="preload">` in the
 * head cost the text its first paint; with the bytes in hand, the map uses them whatever a
 * browser's rules for matching a preload added late. No MapLibre here: this runs in the
 * page's own script, before the map's chunk has loaded.
 */

/** Absolute URL → its bytes (a failed fetch is retried when the map asks). */
const files = new Map<string, Promise<ArrayBuffer>>();

/** Starts fetching each URL (absolute, or relative to the page). */
export function prefetchFonts(urls: readonly string[]): void {
  for (const url of urls) {
    const href = new URL(url, document.baseURI).href;
    if (files.has(href)) continue;
    const bytes = fetchBytes(href);
    bytes.catch(() => {}); // handled when the map asks
    files.set(href, bytes);
  }
}

/** The bytes of a font file fetched ahead, or undefined if it was not. */
export const prefetchedFont = (url: string): Promise<ArrayBuffer> | undefined => files.get(url);

export async function fetchBytes(url: string, signal?: AbortSignal): Promise<ArrayBuffer> {
  const r = await fetch(url, signal ? { signal } : {});
  if (!r.ok) throw new Error(`${url} answered ${r.status}`);
  return r.arrayBuffer();
}
