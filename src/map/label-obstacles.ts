/**
 * What the story's places take on screen, as boxes that labels (and, through the
 * story-obstacles layer, the basemap's names) keep clear of.
 */
import { grow, overlaps, width, height, type Box } from './boxes';

/** Something drawn on the map that labels keep clear of, as boxes; its own place's label may touch it. */
export interface Obstacle {
  owner: string;
  box: Box;
}

/** A story place as the map draws it, in viewport pixels (projected by the controller). */
export type Drawn =
  | { type: 'point'; at: [number, number]; radius: number }
  | { type: 'line'; path: [number, number][]; width: number }
  | { type: 'polygon'; rings: [number, number][][]; width: number };

/**
 * A polygon no wider or taller than this (pixels) is in the way as a whole: a label over a small
 * area hides it. A larger one only by its outline, since the places inside it carry labels of their own.
 */
export const SMALL_AREA_PX = 48;

/**
 * A line or outline is in the way as runs of boxes along it: each run at most this thick and this
 * long (pixels, before its line's half-width is added round it).
 */
const RUN_THICKNESS = 12;
const RUN_LENGTH = 96;

/**
 * The boxes a drawn place takes on the map: a point's mark; a line or outline as a chain of
 * boxes about its width apart (a line's bounding box would block everything around a river
 * bend). Boxes wholly off the map are left out.
 */
export function obstaclesOf(owner: string, drawn: Drawn, map: Box): Obstacle[] {
  const box = (x: number, y: number, r: number): Box => ({
    left: x - r,
    right: x + r,
    top: y - r,
    bottom: y + r,
  });
  const boxes: Box[] = [];
  const along = (path: [number, number][], lineWidth: number) => {
    // At least 4 px: a thin line is in the way 8 px wide.
    const r = Math.max(4, lineWidth / 2 + 1);
    // Points a radius apart (no gap at any angle), gathered into runs: a run is one box, its
    // points' box grown by the radius, for as long as that stays thin (a straight stretch, or a
    // short diagonal one) and not too long. A large disc's outline is then tens of boxes, not
    // thousands, each hugging the line as closely as a chain of small ones would.
    let run: Box | undefined;
    let last: [number, number] | undefined;
    const add = ([x, y]: [number, number]) => {
      if (run) {
        const grown = {
          left: Math.min(run.left, x),
          right: Math.max(run.right, x),
          top: Math.min(run.top, y),
          bottom: Math.max(run.bottom, y),
        };
        const thin = Math.min(width(grown), height(grown)) <= RUN_THICKNESS;
        if (thin && Math.max(width(grown), height(grown)) <= RUN_LENGTH) run = grown;
        else {
          boxes.push(grow(run, r));
          // The next run starts where this one ended: no gap between them.
          const [lx, ly] = last!;
          run = {
            left: Math.min(lx, x),
            right: Math.max(lx, x),
            top: Math.min(ly, y),
            bottom: Math.max(ly, y),
          };
        }
      } else run = box(x, y, 0);
      last = [x, y];
    };
    path.forEach(([x, y], i) => {
      const [px, py] = path[i - 1] ?? [x, y];
      const n = Math.ceil(Math.hypot(x - px, y - py) / r);
      for (let k = 1; k < n; k++) add([px + ((x - px) * k) / n, py + ((y - py) * k) / n]);
      add([x, y]);
    });
    if (run) boxes.push(grow(run, r));
  };
  if (drawn.type === 'point') boxes.push(box(drawn.at[0], drawn.at[1], drawn.radius));
  else if (drawn.type === 'line') along(drawn.path, drawn.width);
  else {
    const outer = drawn.rings[0] ?? [];
    const xs = outer.map((p) => p[0]);
    const ys = outer.map((p) => p[1]);
    const whole: Box = {
      left: Math.min(...xs),
      right: Math.max(...xs),
      top: Math.min(...ys),
      bottom: Math.max(...ys),
    };
    if (outer.length && width(whole) <= SMALL_AREA_PX && height(whole) <= SMALL_AREA_PX) boxes.push(whole);
    else for (const ring of drawn.rings) along(ring, drawn.width);
  }
  return boxes.filter((b) => overlaps(b, map)).map((b) => ({ owner, box: b }));
}
