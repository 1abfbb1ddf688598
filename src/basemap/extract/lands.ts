/**
 * Extracts OpenStreetMap-derived land (10 m precision) for the areas the stories view closely,
 * into src/basemap/data/lands.json. Run once at development time, again after a story adds a
 * close-up elsewhere (`npm run check` does not need it; `npm run basemap` falls back to Natural
 * Earth's 1:10m coast where this file does not reach):
 *
 *   npm pack @geo-maps/earth-lands-10m && tar xzf geo-maps-earth-lands-10m-*.tgz
 *   npx tsx src/basemap/extract/lands.ts package/map.geo.json
 *
 * The package (ODbL, © OpenStreetMap contributors, built by simonepri/geo-maps from OSM's land
 * polygons) is 135 MB unpacked, so it is read here and not installed; the extract keeps only the
 * land inside the close areas, simplified to ~3 m and rounded to 1e-5° (~1 m).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import type { Position } from 'geojson';
import { contentViews } from '../content-views';
import { coverageFor, FINE_LAND_FROM_TILE_ZOOM, grow, tileZoomFor } from '../coverage';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const input = process.argv[2];
if (!input) throw new Error('usage: npx tsx src/basemap/extract/lands.ts <earth-lands-10m map.geo.json>');

const boxes = coverageFor(contentViews(root))
  .areas.filter((a) => tileZoomFor(a.zoom) >= FINE_LAND_FROM_TILE_ZOOM)
  .map((a) => grow(a.bbox, 0.1));
const world = JSON.parse(readFileSync(input, 'utf8')) as {
  geometries: { type: string; coordinates: Position[][][] }[];
};
const r5 = (x: number) => Math.round(x * 1e5) / 1e5;
const land: Position[][][][] = boxes.map((box) => {
  const polys: Position[][][] = [];
  for (const g of world.geometries) {
    for (const p of g.type === 'MultiPolygon' ? g.coordinates : [g.coordinates as unknown as Position[][]]) {
      const outer = p[0]!;
      // Cheap reject on the outer ring's box before clipping.
      let [x0, y0, x1, y1] = [180, 90, -180, -90];
      for (const [x, y] of outer) {
        x0 = Math.min(x0, x!);
        x1 = Math.max(x1, x!);
        y0 = Math.min(y0, y!);
        y1 = Math.max(y1, y!);
      }
      if (x0 > box[2] || x1 < box[0] || y0 > box[3] || y1 < box[1]) continue;
      const clipped = turf.bboxClip(turf.polygon(p), box);
      const simple = turf.simplify(clipped, { tolerance: 0.00003, highQuality: true });
      const rings = (simple.geometry.coordinates as Position[][])
        .map((r) => r.map(([x, y]) => [r5(x!), r5(y!)]))
        .filter((r) => r.length >= 4);
      if (rings.length) polys.push(rings);
    }
  }
  return polys;
});
const out = join(root, 'src/basemap/data/lands.json');
writeFileSync(out, `${JSON.stringify({ boxes, land })}\n`);
console.log(`${boxes.length} areas, ${land.flat(3).length} points → ${out}`);
