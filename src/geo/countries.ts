/**
 * Country land and borders from Natural Earth 1:50m (npm `world-atlas`, public domain):
 * drawn under the static maps (the live map uses the offline basemap), and the outline
 * of a place whose kind is drawn as a country.
 */
import { createRequire } from 'node:module';
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry, Polygon, Position } from 'geojson';
import { booleanPointInPolygon } from '@turf/turf';

const require = createRequire(import.meta.url);

type Box = [west: number, south: number, east: number, north: number];
type Countries = Topology<{ countries: GeometryCollection; land: GeometryCollection }>;

let world: { topo: Countries; countries: { f: Feature; bbox: Box }[] } | undefined;
function loadWorld() {
  if (!world) {
    const topo = require('world-atlas/countries-50m.json') as Countries;
    const all = feature(topo, topo.objects.countries) as FeatureCollection;
    world = {
      topo,
      countries: all.features.map((f) => ({
        f,
        bbox: bboxOf(f.geometry as Geometry & { coordinates: unknown }),
      })),
    };
  }
  return world;
}

const round = (x: unknown): unknown =>
  Array.isArray(x) ? x.map(round) : typeof x === 'number' ? Math.round(x * 1e3) / 1e3 : x;

/** The outline of the country a point lies in, or undefined at sea. */
export function countryAt(point: [number, number]): Geometry | undefined {
  const hit = loadWorld().countries.find(
    ({ f, bbox: b }) =>
      point[0] >= b[0] &&
      point[0] <= b[2] &&
      point[1] >= b[1] &&
      point[1] <= b[3] &&
      booleanPointInPolygon(point, f as Feature<Polygon>),
  );
  return (
    hit && ({ ...hit.f.geometry, coordinates: round((hit.f.geometry as Polygon).coordinates) } as Geometry)
  );
}

type Outlines = { land: FeatureCollection; borders: FeatureCollection };
let outlines: { land: { f: Feature; bbox: Box }[]; borders: { line: Position[]; bbox: Box }[] } | undefined;

/**
 * Every country's land, rounded, and every border between two countries, one line each with its
 * box: made once per process (the mesh is the costly part), then each map takes its share.
 */
function worldOutlines() {
  if (!outlines) {
    const { topo, countries } = loadWorld();
    const borders = mesh(topo, topo.objects.countries, (a, b) => a !== b);
    outlines = {
      land: countries.map(({ f, bbox }) => ({
        f: {
          type: 'Feature',
          properties: { name: f.properties?.name ?? '' },
          geometry: { ...f.geometry, coordinates: round((f.geometry as Polygon).coordinates) } as Geometry,
        },
        bbox,
      })),
      borders: (round(borders.coordinates) as Position[][]).map((line) => ({
        line,
        bbox: bboxOf({ coordinates: line }),
      })),
    };
  }
  return outlines;
}

/**
 * Land and borders of the countries that reach into `region` (the area a story's static
 * maps or a locator inset can show), so nothing outside it is drawn for nothing.
 */
export function countryOutlines(region: Box): Outlines {
  const { land, borders } = worldOutlines();
  const overlaps = (b: Box) => b[0] < region[2] && b[2] > region[0] && b[1] < region[3] && b[3] > region[1];
  return {
    // A country across the antimeridian has a world-wide box: keep it and let d3 clip it.
    land: {
      type: 'FeatureCollection',
      features: land.filter(({ bbox: b }) => b[2] - b[0] >= 180 || overlaps(b)).map(({ f }) => f),
    },
    borders: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: {},
          geometry: {
            type: 'MultiLineString',
            coordinates: borders
              .filter(({ bbox: b }) => b[2] - b[0] >= 180 || overlaps(b))
              .map(({ line }) => line),
          },
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
