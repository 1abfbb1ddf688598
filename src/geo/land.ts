/**
 * Is a position on land? The one question the swap check asks of the world, behind
 * one function so a sharper coastline can replace this one without touching the
 * checks. Today: Natural Earth 1:10m land (world-atlas `land-10m`, already packaged),
 * good to about a kilometre at the coast (1:50m puts central Beirut in the sea), so
 * callers use it to tell sea from land, never to judge a harbour quay. Reading it takes
 * a few seconds, so it is read only when a check first asks.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { Topology, GeometryObject } from 'topojson-specification';
import type { Position } from 'geojson';

interface Ring {
  bbox: [number, number, number, number];
  points: Position[];
}

let rings: Ring[] | undefined;

/** Every ring of every land polygon, with its bounding box (read once, on first use). */
function landRings(): Ring[] {
  if (rings) return rings;
  const path = createRequire(import.meta.url).resolve('world-atlas/land-10m.json');
  const topo = JSON.parse(readFileSync(path, 'utf8')) as Topology<{ land: GeometryObject }>;
  const land = feature(topo, topo.objects.land);
  const out: Ring[] = [];
  const geoms = 'features' in land ? land.features.map((f) => f.geometry) : [land.geometry];
  for (const g of geoms) {
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    for (const poly of polys)
      for (const points of poly) {
        let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
        for (const [x, y] of points) {
          w = Math.min(w, x!);
          e = Math.max(e, x!);
          s = Math.min(s, y!);
          n = Math.max(n, y!);
        }
        out.push({ bbox: [w, s, e, n], points });
      }
  }
  return (rings = out);
}

function inRing([x, y]: readonly number[], ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi! > y! !== yj! > y! && x! < ((xj! - xi!) * (y! - yi!)) / (yj! - yi!) + xi!) inside = !inside;
  }
  return inside;
}

/**
 * True when [longitude, latitude] falls on land. Even-odd over all rings, so it does
 * not depend on which ring topojson lists first (it lists the Caspian before Eurasia):
 * inside a continent and a lake is water, inside an island in that lake is land.
 */
export function isOnLand(position: readonly number[]): boolean {
  const [x, y] = position;
  let count = 0;
  for (const r of landRings()) {
    const [w, s, e, n] = r.bbox;
    if (x! < w || x! > e || y! < s || y! > n) continue;
    if (inRing(position, r.points)) count++;
  }
  return count % 2 === 1;
}
