/**
 * Checks only a geographer would think of: a centre written [latitude, longitude], a
 * place in geo/ whose coordinates are swapped, a camera that leaves the step's
 * highlighted places off the map. Distances, land and sea, Web Mercator arithmetic.
 */
import * as turf from '@turf/turf';
import type { Position } from 'geojson';
import type { Bbox } from '../core/bbox';
import type { StoryFeature } from '../geo/read-geojson';
import { maxZoomToContain } from '../core/mercator';
import { isOnLand } from '../geo/land';
import { says, type Said } from '../core/messages';
import type { Issue } from '../core/issues';

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

/** Great-circle distance in km (haversine): how far apart two [lon, lat] pairs are. */
export function km(a: readonly number[], b: readonly number[]): number {
  const rad = Math.PI / 180;
  const dLat = (b[1]! - a[1]!) * rad;
  const dLon = (b[0]! - a[0]!) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1]! * rad) * Math.cos(b[1]! * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function positions(f: StoryFeature): Position[] {
  const out: Position[] = [];
  const walk = (c: unknown) => {
    if (Array.isArray(c) && typeof c[0] === 'number') out.push(c as Position);
    else if (Array.isArray(c)) c.forEach(walk);
  };
  walk((f.geometry as { coordinates?: unknown }).coordinates);
  return out;
}

/**
 * How far a pair is from the k-th nearest of the places (each place by its nearest
 * vertex). k > 1 makes two or three swapped places of one file not vouch for each other.
 */
function kmToNearest(p: readonly number[], places: StoryFeature[], k = 1): number {
  const d = places.map((f) => Math.min(...positions(f).map((q) => km(p, q)))).sort((x, y) => x - y);
  return d.length === 0 ? Infinity : d[Math.min(k, d.length) - 1]!;
}

/** The diagonal of the places' bounding box: how big the story's world is. */
function extentKm(places: StoryFeature[]): number {
  const b = places.map(featureBbox);
  return km(
    [Math.min(...b.map((x) => x[0])), Math.min(...b.map((x) => x[1]))],
    [Math.max(...b.map((x) => x[2])), Math.max(...b.map((x) => x[3]))],
  );
}

/** Beyond this, a pair is far from a place whatever the story's scale. */
const FAR_KM = 50;

export interface Swap {
  /** The swapped pair, to offer the editor. */
  swapped: [number, number];
  /** Why the written pair is wrong: not a place on Earth, in the sea, or this far from the others. */
  reason: 'invalid' | 'sea' | 'far';
  /** km from the written pair to the nearest of the places. */
  away: number;
}

/**
 * A pair written [latitude, longitude], judged by where it lands rather than by a box
 * (in the Levant and the Gulf, longitude ≈ latitude, and a box around the places holds
 * both readings). It is a swap when the swapped pair lands near the places and the
 * written one does not: it is not a place on Earth, or it lands in the sea while the
 * swap is on land, or it is far from every place while the swap is close.
 */
export function detectSwap(
  p: readonly number[],
  places: StoryFeature[],
  { vouchers = 1 } = {},
): Swap | undefined {
  const swapped: [number, number] = [p[1]!, p[0]!];
  if (places.length === 0 || !validLngLat(swapped)) return undefined;
  const dS = kmToNearest(swapped, places, vouchers);
  if (!validLngLat(p))
    return dS <= Math.max(FAR_KM, extentKm(places))
      ? { swapped, reason: 'invalid', away: Infinity }
      : undefined;
  const dP = kmToNearest(p, places, vouchers);
  // The swap must land clearly nearer to the places than what was written.
  if (dS * 4 > dP) return undefined;
  // Land is read only now, for a pair that already looks swapped.
  const sea = () => !isOnLand(p) && isOnLand(swapped);
  if (dP > FAR_KM) return { swapped, reason: sea() ? 'sea' : 'far', away: dP };
  // Close enough to be a real place: only the sea gives it away.
  return sea() ? { swapped, reason: 'sea', away: dP } : undefined;
}

const howFar = (km: number) => (km >= 100 ? `${Math.round(km / 10) * 10} km` : `${Math.round(km)} km`);

function landsWhere(s: Swap, others: string): string {
  if (s.reason === 'invalid') return 'is not a place on Earth';
  if (s.reason === 'sea') return `lands in the sea, ${howFar(s.away)} from ${others}`;
  return `lands ${howFar(s.away)} from ${others}`;
}

/**
 * A camera centre that reads as [latitude, longitude] against the places the story
 * shows. Returns the message, or undefined when the centre looks right.
 */
export function swappedCenterMessage(center: readonly number[], places: StoryFeature[]): Said | undefined {
  const s = detectSwap(center, places);
  if (!s) return undefined;
  return says('camera.swapped-center', {
    written: pair(center),
    where: landsWhere(s, "this story's places"),
    swapped: pair(s.swapped),
  });
}

/**
 * Highlighted places the camera leaves off a desktop-sized map. The map zooms out to
 * show them anyway, so this is a warning: the reader does not get the view written.
 */
export function cameraViewMessage(
  camera: { center: readonly number[]; zoom: number },
  highlighted: StoryFeature[],
): Said | undefined {
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
  return says('camera.places-off-view', { ids: out, ...REFERENCE_MAP, zoom: Math.floor(fits * 10) / 10 });
}

/** The first position of a geometry: where a feature "is" for the swap check. */
function firstPosition(f: StoryFeature): Position | undefined {
  return positions(f)[0];
}

/**
 * Places in geo/ whose coordinates read as [latitude, longitude], each judged against
 * its neighbours (the places its stories show with it, and those of its own file).
 */
export function swappedFeatureIssues(
  features: StoryFeature[],
  neighbours: (f: StoryFeature) => StoryFeature[],
): (Issue & { feature: StoryFeature })[] {
  const issues: (Issue & { feature: StoryFeature })[] = [];
  for (const f of features) {
    const p = firstPosition(f);
    const s = p && detectSwap(p, neighbours(f), { vouchers: 3 });
    if (!s) continue;
    const point = f.geometry.type === 'Point';
    const where = landsWhere(s, 'the other places of its story');
    issues.push({
      file: f.file,
      line: f.geometryLine ?? f.line,
      field: `${f.index !== undefined ? `features[${f.index}].` : ''}geometry.coordinates`,
      ...(point
        ? says('geo.swapped-point', { written: pair(p), where, swapped: pair(s.swapped) })
        : says('geo.swapped-geometry', { id: f.id, first: pair(p), where, swapped: pair(s.swapped) })),
      feature: f,
    });
  }
  return issues;
}
