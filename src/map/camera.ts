/**
 * Where a step's camera goes on this screen: pure arithmetic, no map. From the step's
 * camera target (an author's centre and zoom, or features to frame), the area that must
 * stay in view, the map's size and how far the page's overlays reach into it, to the
 * centre, zoom, bearing and pitch the controller hands to MapLibre.
 *
 * This file and `src/story/resolve-steps.ts` (which turns a step's frontmatter into its
 * target) are the two that decide a step's camera.
 */
import type { Bbox } from '../core/bbox';
import type { CameraTarget } from '../story/map-state';
import { maxZoomToContain, mercX, mercY } from '../core/mercator';

/** Pixels covered at each edge of the map by the page's own overlays (navigation, legend, buttons). */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface Viewport {
  width: number;
  height: number;
}

export interface Camera {
  center: [number, number];
  zoom: number;
  bearing: number;
  pitch: number;
}

/** MapLibre's world is 512 px wide at zoom 0; its default deepest zoom is 22. */
const TILE = 512;
const MAX_ZOOM = 22;

export const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 };

/**
 * The room kept clear around a framed subject: a margin everywhere, wider at the sides
 * because labels run to the right of their dots, and at least what the overlays cover.
 * An overlay may take at most 40% of the map from any side: what is left must still
 * frame the subject.
 */
export function framingPadding({ width: w, height: h }: Viewport, insets: Insets): Insets {
  const v = Math.round(Math.max(24, h * 0.08));
  const side = Math.round(Math.max(32, w * 0.14));
  return {
    top: Math.max(v, Math.min(h * 0.4, insets.top)),
    right: Math.max(side, Math.min(w * 0.4, insets.right)),
    bottom: Math.max(v, Math.min(h * 0.4, insets.bottom)),
    left: Math.max(side, Math.min(w * 0.4, insets.left)),
  };
}

/**
 * The camera for a step. An author's centre is kept; its zoom is lowered just enough on
 * a small screen to keep `focus` in view. Framed features are fitted into the room the
 * padding leaves, as MapLibre's `cameraForBounds` does (same result, checked in the
 * browser), up to the target's `maxZoom`.
 */
export function cameraFor(
  step: { target: CameraTarget; focus?: Bbox },
  viewport: Viewport,
  insets: Insets = NO_INSETS,
): Camera {
  const { target, focus } = step;
  const padding = framingPadding(viewport, insets);
  if (target.type === 'bounds') {
    const fit = fitBounds(
      target.bounds,
      target.bearing,
      viewport,
      padding,
      Math.min(target.maxZoom, MAX_ZOOM),
    );
    return { ...fit, bearing: target.bearing, pitch: target.pitch };
  }
  let zoom = Math.min(target.zoom, MAX_ZOOM);
  // On a small screen the author's zoom may crop the subject: zoom out until it fits.
  if (focus) zoom = Math.min(zoom, maxZoomToContain(target.center, focus, { ...viewport, padding }));
  return { center: target.center, zoom, bearing: target.bearing, pitch: target.pitch };
}

/**
 * The largest zoom at which the box, turned by the bearing, fits between the paddings,
 * and the centre that puts it in the middle of that room.
 */
function fitBounds(
  [w, s, e0, n]: Bbox,
  bearing: number,
  viewport: Viewport,
  padding: Insets,
  maxZoom: number,
): { center: [number, number]; zoom: number } {
  // A box across the antimeridian is written west > east.
  const e = e0 < w ? e0 + 360 : e0;
  const corners = [
    [mercX(w), mercY(n)],
    [mercX(e), mercY(n)],
    [mercX(e), mercY(s)],
    [mercX(w), mercY(s)],
  ] as const;
  const turn = (-bearing * Math.PI) / 180;
  const rotated = corners.map(([x, y]) => rotate(x, y, turn));
  const xs = rotated.map(([x]) => x);
  const ys = rotated.map(([, y]) => y);
  const size = { x: Math.max(...xs) - Math.min(...xs), y: Math.max(...ys) - Math.min(...ys) };
  // Never less than a pixel of room: a map smaller than its paddings still shows the box, small.
  const roomX = Math.max(1, viewport.width - padding.left - padding.right);
  const roomY = Math.max(1, viewport.height - padding.top - padding.bottom);
  const scale = Math.min(roomX / (size.x * TILE), roomY / (size.y * TILE));
  const zoom = Math.max(0, Math.min(Number.isFinite(scale) ? Math.log2(scale) : maxZoom, maxZoom));
  // Uneven paddings move the box off the map's middle: the centre moves the other way.
  const [ox, oy] = rotate((padding.left - padding.right) / 2, (padding.top - padding.bottom) / 2, -turn);
  const world = TILE * 2 ** zoom;
  const mx = (mercX(w) + mercX(e)) / 2 - ox / world;
  const my = (mercY(n) + mercY(s)) / 2 - oy / world;
  return { center: [lonOf(mx), latOf(my)], zoom };
}

function rotate(x: number, y: number, angle: number): [number, number] {
  const [c, s] = [Math.cos(angle), Math.sin(angle)];
  return [c * x - s * y, s * x + c * y];
}

const lonOf = (x: number) => {
  const lon = x * 360 - 180;
  return lon > 180 ? lon - 360 : lon;
};
const latOf = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
