/**
 * Checks only a geographer would think of: a centre written [latitude, longitude], a
 * place in geo/ whose coordinates are swapped, a camera that leaves the step's
 * highlighted places off the map. Pure Web Mercator arithmetic and bounding boxes.
 */
import * as turf from '@turf/turf';
import type { Position } from 'geojson';
import type { Bbox } from '../geo/display';
import type { StoryFeature } from '../geo/read-geojson';
import { maxZoomToContain } from '../map/contain';
import type { Issue } from './issues';

/**
 * The map a camera is checked against: the map beside the text on a 1280×800 laptop
 * screen (the text column takes the other 40 %).
 */
const REFERENCE_MAP = { width: 768, height: 800 } as const;

/** Margin around a story's places, as a share of their extent, and at least this many degrees. */
const REGION_MARGIN = 0.5;
const REGION_MIN_MARGIN_DEG = 2;

function featureBbox(f: StoryFeature): Bbox {
  return turf.bbox(turf.feature(f.geometry)) as Bbox;
}

/** The bounding box of the places a story uses, with a margin: where its cameras belong. */
export function storyRegion(features: StoryFeature[]): Bbox | undefined {
  if (features.length === 0) return undefined;
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features) {
    const b = featureBbox(f);
    w = Math.min(w, b[0]);
    s = Math.min(s, b[1]);
    e = Math.max(e, b[2]);
    n = Math.max(n, b[3]);
  }
  const mx = Math.max(REGION_MIN_MARGIN_DEG, (e - w) * REGION_MARGIN);
  const my = Math.max(REGION_MIN_MARGIN_DEG, (n - s) * REGION_MARGIN);
  return [Math.max(-180, w - mx), Math.max(-90, s - my), Math.min(180, e + mx), Math.min(90, n + my)];
}

export const inside = ([x, y]: readonly number[], [w, s, e, n]: Bbox): boolean =>
  x! >= w && x! <= e && y! >= s && y! <= n;
const validLngLat = ([x, y]: readonly number[]) => x! >= -180 && x! <= 180 && y! >= -90 && y! <= 90;

/** Up to 5 decimals, without trailing zeros: how an editor would write the pair. */
export const num = (n: number) => String(Math.round(n * 1e5) / 1e5);
const pair = (p: readonly number[]) => `[${num(p[0]!)}, ${num(p[1]!)}]`;

/**
 * A camera centre that reads as [latitude, longitude]: outside the story's region
 * (or with a latitude beyond ±90) while the swapped pair falls inside it.
 * Returns the message, or undefined when the centre looks right.
 */
export function swappedCenterMessage(
  center: readonly number[],
  region: Bbox | undefined,
): string | undefined {
  if (!region) return undefined;
  const swapped = [center[1]!, center[0]!];
  if (!validLngLat(swapped) || !inside(swapped, region)) return undefined;
  if (validLngLat(center) && inside(center, region)) return undefined;
  return `${pair(center)} is ${validLngLat(center) ? "outside this story's region" : 'not a place on Earth'} and reads as [latitude, longitude]: center is [longitude, latitude], so write ${pair(swapped)}`;
}

/**
 * Highlighted places the camera leaves off a desktop-sized map. The map zooms out to
 * show them anyway, so this is a warning: the reader does not get the view written.
 */
export function cameraViewMessage(
  camera: { center: readonly number[]; zoom: number },
  highlighted: StoryFeature[],
): string | undefined {
  const out: string[] = [];
  let fits = Infinity;
  for (const f of highlighted) {
    const z = maxZoomToContain([camera.center[0]!, camera.center[1]!], featureBbox(f), {
      ...REFERENCE_MAP,
      padding: { top: 0, right: 0, bottom: 0, left: 0 },
    });
    fits = Math.min(fits, z);
    if (camera.zoom > z + 1e-9) out.push(f.id);
  }
  if (out.length === 0) return undefined;
  const names = out.map((id) => `"${id}"`).join(', ');
  const zoom = Math.floor(fits * 10) / 10;
  return `the highlighted ${out.length === 1 ? 'place' : 'places'} ${names} ${out.length === 1 ? 'is' : 'are'} outside this view on a ${REFERENCE_MAP.width}×${REFERENCE_MAP.height} map, so readers get a wider view than written: zoom out to ${zoom} or less, move the center, or use fit: [${out.join(', ')}]`;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** The first position of a geometry: where a feature "is" for the swap check. */
function firstPosition(f: StoryFeature): Position | undefined {
  let c: unknown = (f.geometry as { coordinates?: unknown }).coordinates;
  while (Array.isArray(c) && Array.isArray(c[0])) c = c[0];
  return Array.isArray(c) && typeof c[0] === 'number' ? (c as Position) : undefined;
}

/**
 * Places in geo/ whose coordinates read as [latitude, longitude]: far from where
 * most places are (a median centre, so one or two mistakes don't move it) while
 * the swapped pair is close. Needs at least four places to know where "most" are.
 */
export function swappedFeatureIssues(features: StoryFeature[]): Issue[] {
  const pts = features
    .map((f) => [f, firstPosition(f)] as const)
    .filter((x): x is [StoryFeature, Position] => Boolean(x[1]));
  if (pts.length < 4) return [];
  const lons = pts.map(([, p]) => p[0]!);
  const lats = pts.map(([, p]) => p[1]!);
  const [mx, my] = [median(lons), median(lats)];
  const spread = (xs: number[], m: number) => median(xs.map((x) => Math.abs(x - m)));
  const hx = Math.max(5, 4 * spread(lons, mx));
  const hy = Math.max(5, 4 * spread(lats, my));
  const region: Bbox = [mx - hx, my - hy, mx + hx, my + hy];
  const issues: Issue[] = [];
  for (const [f, p] of pts) {
    const swapped = [p[1]!, p[0]!];
    if (inside(p, region) || !inside(swapped, region)) continue;
    const point = f.geometry.type === 'Point';
    issues.push({
      file: f.file,
      line: f.geometryLine ?? f.line,
      field: `${f.index !== undefined ? `features[${f.index}].` : ''}geometry.coordinates`,
      message: point
        ? `${pair(p)} is far from the other places in geo/ and reads as [latitude, longitude]: positions are [longitude, latitude], so write ${pair(swapped)}`
        : `the coordinates of "${f.id}" are far from the other places in geo/ and read as [latitude, longitude] (its first position ${pair(p)} swapped is ${pair(swapped)}): positions are [longitude, latitude], so swap every pair`,
      severity: 'error',
    });
  }
  return issues;
}
