/**
 * Pure pipeline pieces: GeoJSON layers → gzipped MVT tiles for a zoom range and area.
 */
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { Feature, FeatureCollection } from 'geojson';
import { gzip, type TileInput } from './pmtiles-writer';

export type Bbox = [number, number, number, number];
const isBbox = (b: Bbox | Area[]): b is Bbox => typeof b[0] === 'number';

export function lonLatToTile(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return [Math.min(n - 1, Math.max(0, x)), Math.min(n - 1, Math.max(0, y))];
}

/**
 * A layer's features; or its features for a range of zooms, optionally under another layer
 * name, so that one tile layer can hold other features from some zoom on.
 */
export type LayerInput =
  Feature[] | { features: Feature[]; minZoom?: number; maxZoom?: number; layer?: string };

/** An area to cut tiles for, up to its own zoom (a wide view needs fewer zooms than a close one). */
export type Area = { bbox: Bbox; maxZoom: number };

/** The tiles of zoom z that cover the boxes: each once, in x then y order. */
function tilesAt(z: number, boxes: Bbox[]): [number, number][] {
  const seen = new Set<number>();
  const out: [number, number][] = [];
  for (const b of boxes) {
    const [x0, y0] = lonLatToTile(b[0], b[3], z);
    const [x1, y1] = lonLatToTile(b[2], b[1], z);
    for (let x = x0; x <= x1; x++)
      for (let y = y0; y <= y1; y++) {
        const key = x * 2 ** z + y;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push([x, y]);
      }
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/**
 * Tiles of `layers` (name → features) for zooms minZoom..maxZoom within bbox, or within areas
 * each up to its own zoom; empty tiles left out.
 */
export function cutTiles(
  layers: Record<string, LayerInput>,
  opts: { minZoom: number; maxZoom: number; bbox: Bbox | Area[] },
): TileInput[] {
  const indexes = Object.entries(layers).map(([key, input]) => {
    const {
      features,
      minZoom = 0,
      maxZoom = Infinity,
      layer = key,
    } = Array.isArray(input) ? { features: input } : input;
    const fc: FeatureCollection = { type: 'FeatureCollection', features };
    return [
      layer,
      new GeoJSONVT(
        fc as never,
        {
          maxZoom: opts.maxZoom,
          indexMaxZoom: opts.maxZoom,
          tolerance: 3,
          extent: 4096,
          buffer: 64,
        } as never,
      ),
      minZoom,
      maxZoom,
    ] as const;
  });
  const out: TileInput[] = [];
  for (let z = opts.minZoom; z <= opts.maxZoom; z++) {
    const areas: Area[] = isBbox(opts.bbox) ? [{ bbox: opts.bbox, maxZoom: opts.maxZoom }] : opts.bbox;
    const boxes = areas.filter((a) => a.maxZoom >= z).map((a) => a.bbox);
    for (const [x, y] of tilesAt(z, boxes)) {
      const tile: Record<string, unknown> = {};
      for (const [name, index, from, to] of indexes) {
        if (z < from || z > to) continue;
        const t = (
          index as { getTile(z: number, x: number, y: number): { features: unknown[] } | null }
        ).getTile(z, x, y);
        if (t && t.features.length > 0) tile[name] = t;
      }
      if (Object.keys(tile).length === 0) continue;
      out.push({
        z,
        x,
        y,
        data: gzip(fromGeojsonVt(tile as never, { version: 2, extent: 4096 } as never)),
      });
    }
  }
  return out;
}
