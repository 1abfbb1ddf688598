/**
 * The highest zoom at which a box stays on screen around a fixed centre. Pure Web
 * Mercator arithmetic, so it can be tested without a map: an author's camera keeps
 * its centre on a phone, and zooms out just enough to keep the subject in view.
 */
import type { Bbox } from './bbox';

/** MapLibre's world is 512 px wide at zoom 0. */
const TILE = 512;

/** Web Mercator x and y of a longitude and latitude, 0–1 across the world. */
export const mercX = (lon: number) => (lon + 180) / 360;
export const mercY = (lat: number) => {
  const s = Math.sin((Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
};

export interface Box {
  width: number;
  height: number;
  /** Pixels kept clear at each side; a missing side is 0 (MapLibre's PaddingOptions fits). */
  padding: { top?: number; right?: number; bottom?: number; left?: number };
}

export function maxZoomToContain(center: [number, number], bbox: Bbox, view: Box): number {
  const cx = mercX(center[0]);
  const cy = mercY(center[1]);
  const [w, s, e, n] = bbox;
  // Room from the centre to each padded edge, in pixels.
  const room = {
    left: view.width / 2 - (view.padding.left ?? 0),
    right: view.width / 2 - (view.padding.right ?? 0),
    top: view.height / 2 - (view.padding.top ?? 0),
    bottom: view.height / 2 - (view.padding.bottom ?? 0),
  };
  // Distance from the centre to each side of the box, in world units (0…1).
  const need = {
    left: Math.max(0, cx - mercX(w)),
    right: Math.max(0, mercX(e) - cx),
    top: Math.max(0, cy - mercY(n)),
    bottom: Math.max(0, mercY(s) - cy),
  };
  let zoom = Infinity;
  for (const side of ['left', 'right', 'top', 'bottom'] as const) {
    if (need[side] === 0) continue;
    // A centre too close to the edge for any zoom: show the whole world.
    if (room[side] <= 0) return 0;
    zoom = Math.min(zoom, Math.log2(room[side] / (need[side] * TILE)));
  }
  return Math.max(0, zoom);
}
