/**
 * Street-level detail on demand: `npm run basemap -- --detail <extract.pmtiles>` keeps, from a
 * Protomaps-schema extract (what `pmtiles extract` cuts from a Protomaps daily build), the
 * tiles the stories look at closely, and writes them as the site's `detail.pmtiles`.
 * The tiles are copied zoom for zoom (no re-projection, so no loss), less the layers,
 * features and properties the style does not draw. See src/basemap/README.md.
 */
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { PbfReader } from 'pbf';
import { VectorTile, type VectorTileFeature, type VectorTileLayer } from '@mapbox/vector-tile';
import { fromVectorTileJs, type VectorTileLayerLike } from '@maplibre/vt-pbf';
import type { MapState } from '../story/map-state';
import { gzip, writePmtiles, type TileInput } from './pmtiles-writer';
import { lonLatToTile, type Bbox } from './tiles';
import { DETAIL_ATTRIBUTION, DETAIL_MAXZOOM, DETAIL_MINZOOM } from './detail-style';
import { cameraView, closestZoom, grow } from './coverage';

/** The Protomaps layers the style draws, and the properties it reads from each. */
export const DETAIL_LAYERS: Record<string, readonly string[]> = {
  landuse: ['kind'],
  water: ['kind'],
  roads: ['kind', 'kind_detail', 'min_zoom'],
  buildings: ['kind'],
};

/** An area the stories look at, and the closest zoom they look at it with. */
export interface DetailArea {
  bbox: Bbox;
  maxZoom: number;
}

/** How much wider than the view a close-up's detail reaches on each side (a share of the view). */
const DETAIL_MARGIN = 0.5;

/**
 * The stories' close-ups: every step seen at zoom DETAIL_MINZOOM - 1 or closer, its view as the
 * basemap's coverage measures it (cameraView in src/basemap/coverage.ts) with half of it again
 * on each side as margin, and its highlighted places; to one zoom past the closest the step is
 * seen at. Regional steps need no streets.
 */
export function detailAreas(states: MapState[]): DetailArea[] {
  return states.flatMap((s) => {
    const zoom = closestZoom(s.camera);
    if (zoom < DETAIL_MINZOOM - 1) return [];
    const maxZoom = Math.min(DETAIL_MAXZOOM, Math.ceil(zoom) + 1);
    const view = cameraView(s.camera);
    return [view.bbox, ...(s.focus ? [s.focus] : [])].map((b) => ({ bbox: grow(b, DETAIL_MARGIN), maxZoom }));
  });
}

/** The tiles of zoom z that the areas need, as "x/y" keys, sorted. */
export function detailTiles(areas: DetailArea[], z: number): [number, number][] {
  const keys = new Set<string>();
  for (const a of areas) {
    if (z > a.maxZoom) continue;
    const [x0, y0] = lonLatToTile(a.bbox[0], a.bbox[3], z);
    const [x1, y1] = lonLatToTile(a.bbox[2], a.bbox[1], z);
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) keys.add(`${x}/${y}`);
  }
  return [...keys].sort().map((k) => k.split('/').map(Number) as [number, number]);
}

/** The extract, read in memory through the official reader. */
class BytesSource implements Source {
  constructor(
    private bytes: Uint8Array,
    private key: string,
  ) {}
  getKey(): string {
    return this.key;
  }
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    const slice = this.bytes.slice(offset, offset + length);
    return { data: slice.buffer };
  }
}

/** A decoded layer, less the features and properties the style does not use. */
function keptLayer(layer: VectorTileLayer, name: string, z: number): VectorTileLayerLike | undefined {
  const props = DETAIL_LAYERS[name]!;
  const features: VectorTileFeature[] = [];
  for (let i = 0; i < layer.length; i++) {
    const f = layer.feature(i);
    // Protomaps marks each feature with the zoom it is meant for; a tile can carry some early.
    const minZoom = f.properties.min_zoom;
    if (typeof minZoom === 'number' && minZoom > z + 1) continue;
    // The style draws buildings from zoom 14 only: below it they would be bytes nobody sees.
    if (name === 'buildings' && z < 14) continue;
    features.push(f);
  }
  if (features.length === 0) return undefined;
  return {
    version: 2,
    name,
    extent: layer.extent,
    length: features.length,
    feature: (i: number) => {
      const f = features[i]!;
      const properties: Record<string, string | number | boolean> = {};
      for (const p of props) if (f.properties[p] !== undefined) properties[p] = f.properties[p]!;
      return {
        type: f.type,
        properties,
        id: undefined,
        extent: f.extent,
        loadGeometry: () => f.loadGeometry(),
      };
    },
  };
}

export interface DetailResult {
  archive: Uint8Array;
  tiles: number;
  /** Tiles the areas need that the extract does not have (it was cut for another bbox). */
  missing: number;
}

/**
 * Reads `extract` (a PMTiles archive of Protomaps-schema vector tiles) and returns the
 * site's detail archive: zooms DETAIL_MINZOOM..15 over the stories' close-ups. Zooms past
 * the extract's deepest are left out; MapLibre draws its deepest tiles enlarged.
 */
export async function buildDetail(
  extract: Uint8Array,
  areas: DetailArea[],
  file = 'the extract',
): Promise<DetailResult> {
  const reader = new PMTiles(new BytesSource(extract, file));
  let header;
  try {
    header = await reader.getHeader();
  } catch (e) {
    throw new Error(
      `${file}: not a PMTiles archive (${(e as Error).message}). Cut one with \`pmtiles extract\`.`,
      { cause: e },
    );
  }
  if (header.tileType !== 1)
    throw new Error(
      `${file}: holds tile type ${header.tileType}, not vector tiles (MVT): use a Protomaps basemap build.`,
    );
  const maxZoom = Math.min(DETAIL_MAXZOOM, header.maxZoom);
  const tiles: TileInput[] = [];
  let missing = 0;
  for (let z = Math.max(DETAIL_MINZOOM, header.minZoom); z <= maxZoom; z++) {
    for (const [x, y] of detailTiles(areas, z)) {
      const got = await reader.getZxy(z, x, y);
      if (!got) {
        missing++;
        continue;
      }
      const decoded = new VectorTile(new PbfReader(new Uint8Array(got.data)) as never);
      const layers: Record<string, VectorTileLayerLike> = {};
      for (const name of Object.keys(DETAIL_LAYERS)) {
        const layer = decoded.layers[name];
        const kept = layer && keptLayer(layer, name, z);
        if (kept) layers[name] = kept;
      }
      if (Object.keys(layers).length === 0) continue;
      tiles.push({ z, x, y, data: gzip(fromVectorTileJs({ layers })) });
    }
  }
  if (tiles.length === 0)
    throw new Error(
      `${file}: has no tiles where the stories zoom in (zoom ${DETAIL_MINZOOM}–${DETAIL_MAXZOOM}): cut it with a bbox around the stories' places.`,
    );
  const all = areas.map((a) => a.bbox);
  const bounds: Bbox = [
    Math.min(...all.map((b) => b[0])),
    Math.min(...all.map((b) => b[1])),
    Math.max(...all.map((b) => b[2])),
    Math.max(...all.map((b) => b[3])),
  ];
  const archive = writePmtiles(tiles, {
    tileType: 1,
    tileCompression: 2,
    minZoom: DETAIL_MINZOOM,
    maxZoom: Math.max(...tiles.map((t) => t.z)),
    bounds,
    center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2, DETAIL_MINZOOM],
    metadata: {
      name: 'storymap detail',
      attribution: DETAIL_ATTRIBUTION,
      vector_layers: Object.keys(DETAIL_LAYERS).map((id) => ({ id, fields: {} })),
    },
  });
  return { archive, tiles: tiles.length, missing };
}
