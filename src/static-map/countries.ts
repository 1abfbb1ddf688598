/**
 * Country land and borders from Natural Earth 1:50m (npm `world-atlas`, public domain),
 * drawn under the static maps (the live map uses the offline basemap).
 */
import { createRequire } from 'node:module';
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, Geometry, Polygon } from 'geojson';

const require = createRequire(import.meta.url);

/** The part of the world stories are drawn in, with margin: Europe's edge to Iran. */
const REGION: [number, number, number, number] = [20, 10, 70, 48];

export function countryOutlines(): { land: FeatureCollection; borders: FeatureCollection } {
  const topo = require('world-atlas/countries-50m.json') as Topology<{
    countries: GeometryCollection;
    land: GeometryCollection;
  }>;
  const all = feature(topo, topo.objects.countries) as FeatureCollection;
  const inRegion = all.features.filter((f) => {
    const b = bboxOf(f.geometry as Geometry & { coordinates: unknown });
    return b[0] < REGION[2] && b[2] > REGION[0] && b[1] < REGION[3] && b[3] > REGION[1] && b[2] - b[0] < 180;
  });
  const names = new Set(inRegion.map((f) => f.id));
  const borders = mesh(
    topo,
    topo.objects.countries,
    (a, b) => a !== b && (names.has(a.id as string) || names.has(b.id as string)),
  );
  const round = (x: unknown): unknown =>
    Array.isArray(x) ? x.map(round) : typeof x === 'number' ? Math.round(x * 1e3) / 1e3 : x;
  return {
    land: {
      type: 'FeatureCollection',
      features: inRegion.map((f) => ({
        type: 'Feature',
        properties: { name: f.properties?.name ?? '' },
        geometry: { ...f.geometry, coordinates: round((f.geometry as Polygon).coordinates) } as Geometry,
      })),
    },
    borders: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: { ...borders, coordinates: round(borders.coordinates) } as Geometry,
        },
      ],
    },
  };
}

function bboxOf(g: { coordinates: unknown }): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown) => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      b[0] = Math.min(b[0], c[0] as number);
      b[1] = Math.min(b[1], c[1] as number);
      b[2] = Math.max(b[2], c[0] as number);
      b[3] = Math.max(b[3], c[1] as number);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  visit(g.coordinates);
  return b;
}
