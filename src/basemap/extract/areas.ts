/**
 * Prints the basemap's coverage computed from the content (src/basemap/coverage.ts), and the
 * boxes viewed closely enough for fine land, for the extract scripts beside this one.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentViews } from '../content-views';
import { coverageFor, FINE_LAND_FROM_TILE_ZOOM, grow, tileZoomFor } from '../coverage';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const coverage = coverageFor(contentViews(root));
const fine = coverage.areas
  .filter((a) => tileZoomFor(a.zoom) >= FINE_LAND_FROM_TILE_ZOOM)
  .map((a) => grow(a.bbox, 0.1));
console.log(JSON.stringify({ ...coverage, fine }));
