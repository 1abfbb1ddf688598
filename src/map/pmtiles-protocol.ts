/**
 * Registers the `pmtiles://` protocol with MapLibre once (the `pmtiles` package's
 * reader; archives are read with HTTP Range requests). Tile requests go through a
 * shared loader so a tile is downloaded once however many overzoomed tiles ask for it.
 */
import { addProtocol } from 'maplibre-gl';
import { Protocol } from 'pmtiles';
import { sharedLoader } from './tile-cache';

type TileResponse = { data: unknown; cacheControl?: string; expires?: string };

/** Decoded tiles of the offline basemap are 1–30 KB: 256 of them stay well under 8 MB. */
const MAX_TILES = 256;

let registered = false;
export function registerPmtiles(): void {
  if (registered) return;
  const protocol = new Protocol();
  const tile = sharedLoader<TileResponse>(
    (url, abort) => protocol.tile({ url, type: 'arrayBuffer' }, abort),
    // MapLibre may hand the bytes to its worker as a transfer, which empties them: each caller gets a copy.
    { max: MAX_TILES, copy: (r) => ({ ...r, data: r.data instanceof Uint8Array ? r.data.slice() : r.data }) },
  );
  addProtocol(
    'pmtiles',
    (params, abort) =>
      (params.type === 'json' ? protocol.tile(params, abort) : tile(params.url, abort.signal)) as never,
  );
  registered = true;
}
