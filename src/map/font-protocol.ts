/**
 * MapLibre reads the font files the page fetched ahead (font-files.ts) from memory, through
 * a protocol of ours: `transformRequest` sends a font file's request there when its bytes
 * are on the way, and any other request as it was.
 */
import { addProtocol, type RequestParameters, type ResourceType } from 'maplibre-gl';
import { fetchBytes, prefetchedFont } from './font-files';

const SCHEME = 'storymap-font';
let registered = false;

export function prefetchedRequest(url: string, type?: ResourceType): RequestParameters | undefined {
  if (type !== 'Glyphs' || !prefetchedFont(url)) return undefined;
  register();
  return { url: `${SCHEME}://${encodeURIComponent(url)}` };
}

function register(): void {
  if (registered) return;
  addProtocol(SCHEME, async (params, abort) => {
    const url = decodeURIComponent(params.url.slice(`${SCHEME}://`.length));
    // Fetched again if the early fetch failed (a dropped connection): MapLibre would have asked.
    const data = await prefetchedFont(url)!.catch(() => fetchBytes(url, abort.signal));
    // A copy each time: a buffer handed on may be transferred, and so emptied.
    return { data: data.slice(0) };
  });
  registered = true;
}
