/**
 * Builds what the browser draws from the validated features: uncertainty circles for
 * approximate points, label positions and bounding boxes. Runs at build time (Turf).
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, Polygon } from 'geojson';
import { APPROXIMATE_FROM_M, AREA_ONLY_FROM_M, kindStyle } from '../story/kinds';
import type { StoryFeature } from './read-geojson';

export type Bbox = [west: number, south: number, east: number, north: number];

/** Properties of features in the data file the map loads. */
export interface DisplayProps {
  /** The story feature this shape belongs to: visibility and highlight filter on it. */
  ref: string;
  kind: string;
  /** point: a dot; area: an uncertainty circle; shape: the feature's own line or polygon. */
  draw: 'point' | 'area' | 'shape';
  schematic: boolean;
  precision_m: number;
}

export interface DisplayFeature {
  id: string;
  label: string;
  kind: string;
  precision_m: number;
  schematic: boolean;
  /** Drawn as an approximate area (uncertainty circle). */
  approximate: boolean;
  /** Where the label goes: the point, a polygon's centre, a line's middle. */
  labelAt: [number, number];
  /** Bounding box of everything drawn for the feature, circle included. */
  bbox: Bbox;
}

const round = (n: number) => Math.round(n * 1e5) / 1e5;

export function uncertaintyCircle(f: StoryFeature): Feature<Polygon> | undefined {
  if (f.geometry.type !== 'Point' || f.properties.precision_m < APPROXIMATE_FROM_M || kindStyle(f.properties.kind).labelOnly) return undefined;
  const c = turf.circle(f.geometry.coordinates as [number, number], f.properties.precision_m / 1000, { steps: 64, units: 'kilometers' });
  c.geometry.coordinates = c.geometry.coordinates.map((ring) => ring.map(([x, y]) => [round(x!), round(y!)]));
  return c;
}

export function displayFeature(f: StoryFeature): DisplayFeature {
  const circle = uncertaintyCircle(f);
  const g = f.geometry;
  let labelAt: [number, number];
  if (g.type === 'Point') labelAt = g.coordinates as [number, number];
  else if (g.type === 'LineString') {
    const len = turf.length(turf.feature(g));
    labelAt = turf.along(turf.feature(g), len / 2).geometry.coordinates as [number, number];
  } else labelAt = turf.pointOnFeature(turf.feature(g)).geometry.coordinates as [number, number];
  const bbox = turf.bbox(circle ?? turf.feature(g)) as Bbox;
  return {
    id: f.id,
    label: f.properties.label ?? f.properties.name,
    kind: f.properties.kind,
    precision_m: f.properties.precision_m,
    schematic: f.properties.schematic,
    approximate: Boolean(circle),
    labelAt: [round(labelAt[0]), round(labelAt[1])],
    bbox: bbox.map(round) as Bbox,
  };
}

/** The GeoJSON the map loads for a story: only the features its steps use. */
export function storyGeoJson(features: StoryFeature[]): FeatureCollection<Geometry, DisplayProps> {
  const out: Feature<Geometry, DisplayProps>[] = [];
  for (const f of features) {
    const base = { ref: f.id, kind: f.properties.kind, schematic: f.properties.schematic, precision_m: f.properties.precision_m };
    const circle = uncertaintyCircle(f);
    if (circle) out.push({ type: 'Feature', id: `${f.id}~area`, properties: { ...base, draw: 'area' }, geometry: circle.geometry });
    if (kindStyle(f.properties.kind).labelOnly) continue;
    if (f.geometry.type === 'Point') {
      if (f.properties.precision_m < AREA_ONLY_FROM_M) out.push({ type: 'Feature', id: f.id, properties: { ...base, draw: 'point' }, geometry: f.geometry });
    } else out.push({ type: 'Feature', id: f.id, properties: { ...base, draw: 'shape' }, geometry: f.geometry });
  }
  return { type: 'FeatureCollection', features: out };
}

export function unionBbox(boxes: Bbox[]): Bbox | undefined {
  if (boxes.length === 0) return undefined;
  return boxes.reduce((a, b) => [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]);
}
