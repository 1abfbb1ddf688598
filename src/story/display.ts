/**
 * Builds what the browser draws from the validated features: uncertainty circles for
 * approximate points, label positions and bounding boxes. Runs at build time (Turf).
 */
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, Polygon } from 'geojson';
import { APPROXIMATE_FROM_M, AREA_ONLY_FROM_M, storyKinds, type Kinds } from './kinds';
import { countryAt } from '../geo/countries';
import type { StoryFeature } from '../geo/read-geojson';
import type { Bbox } from '../core/bbox';

/** Properties of features in the data file the map loads. */
export interface DisplayProps {
  /** The story feature this shape belongs to: visibility and highlight filter on it. */
  ref: string;
  kind: string;
  /** point: a dot; area: an uncertainty circle; shape: the feature's own line or polygon. */
  draw: 'point' | 'area' | 'shape';
  schematic: boolean;
  precision_m: number;
  /** The kind's colour in this story (src/story/kinds.ts), so the map needs no table of kinds. */
  color: string;
}

export interface DisplayFeature {
  id: string;
  label: string;
  kind: string;
  precision_m: number;
  schematic: boolean;
  /** Drawn as an approximate area (uncertainty circle). */
  approximate: boolean;
  /** Only its name is on the map (a kind drawn as `name`): no dot, no circle. */
  nameOnly: boolean;
  /** Its kind in the story's legend words ("Port area"), for descriptions. */
  kindLabel: string;
  /** What the map draws: a dot (maybe with its circle), a line, or an area (a country's outline included). */
  shape: 'point' | 'line' | 'polygon';
  /** Where the label goes: the point, a polygon's centre, a line's middle. */
  labelAt: [number, number];
  /** Bounding box of everything drawn for the feature, circle included. */
  bbox: Bbox;
}

const round = (n: number) => Math.round(n * 1e5) / 1e5;

/**
 * The geometry the map draws for a feature: a point of a kind drawn as `country` becomes
 * the outline of the country it lies in (a circle 50 km wide would say "somewhere here",
 * which is not what a country is). Elsewhere, its own geometry.
 */
function drawnGeometry(f: StoryFeature, kinds: Kinds): Geometry {
  if (f.geometry.type !== 'Point' || kinds.style(f.properties.kind).draw !== 'country') return f.geometry;
  return countryAt(f.geometry.coordinates as [number, number]) ?? f.geometry;
}

export function uncertaintyCircle(
  f: StoryFeature,
  kinds: Kinds = storyKinds(),
): Feature<Polygon> | undefined {
  const draw = kinds.style(f.properties.kind).draw;
  if (f.geometry.type !== 'Point' || f.properties.precision_m < APPROXIMATE_FROM_M || draw !== 'mark')
    return undefined;
  const c = turf.circle(f.geometry.coordinates as [number, number], f.properties.precision_m / 1000, {
    steps: 64,
    units: 'kilometers',
  });
  c.geometry.coordinates = c.geometry.coordinates.map((ring) => ring.map(([x, y]) => [round(x!), round(y!)]));
  return c;
}

export function displayFeature(f: StoryFeature, kinds: Kinds = storyKinds()): DisplayFeature {
  const circle = uncertaintyCircle(f, kinds);
  const g = drawnGeometry(f, kinds);
  let labelAt: [number, number];
  // A country's name goes where the editor put its point, not at an arbitrary inner point.
  if (f.geometry.type === 'Point') labelAt = f.geometry.coordinates as [number, number];
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
    nameOnly: kinds.style(f.properties.kind).draw === 'name',
    kindLabel: kinds.style(f.properties.kind).label,
    shape: g.type.includes('Polygon') ? 'polygon' : g.type.includes('Line') ? 'line' : 'point',
    labelAt: [round(labelAt[0]), round(labelAt[1])],
    bbox: bbox.map(round) as Bbox,
  };
}

/** The GeoJSON the map loads for a story: only the features its steps use. */
export function storyGeoJson(
  features: StoryFeature[],
  kinds: Kinds = storyKinds(),
): FeatureCollection<Geometry, DisplayProps> {
  const out: Feature<Geometry, DisplayProps>[] = [];
  for (const f of features) {
    const style = kinds.style(f.properties.kind);
    const base = {
      ref: f.id,
      kind: f.properties.kind,
      schematic: f.properties.schematic,
      precision_m: f.properties.precision_m,
      color: style.color,
    };
    const circle = uncertaintyCircle(f, kinds);
    if (circle)
      out.push({
        type: 'Feature',
        id: `${f.id}~area`,
        properties: { ...base, draw: 'area' },
        geometry: circle.geometry,
      });
    if (style.draw === 'name') continue;
    const g = drawnGeometry(f, kinds);
    if (g.type === 'Point') {
      if (f.properties.precision_m < AREA_ONLY_FROM_M || style.draw === 'country')
        out.push({ type: 'Feature', id: f.id, properties: { ...base, draw: 'point' }, geometry: g });
    } else out.push({ type: 'Feature', id: f.id, properties: { ...base, draw: 'shape' }, geometry: g });
  }
  return { type: 'FeatureCollection', features: out };
}

export function unionBbox(boxes: Bbox[]): Bbox | undefined {
  if (boxes.length === 0) return undefined;
  return boxes.reduce((a, b) => [
    Math.min(a[0], b[0]),
    Math.min(a[1], b[1]),
    Math.max(a[2], b[2]),
    Math.max(a[3], b[3]),
  ]);
}
