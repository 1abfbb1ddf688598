/**
 * Where the story's labels go once the camera stops: pure arithmetic on boxes, no map.
 *
 * HTML labels don't avoid each other as symbol layers do, so they are placed here, most
 * important first (highlighted, then areas, then points in story order). A point's label
 * that runs off the map's right edge goes left of its dot; an area's label slides sideways
 * into view (hidden when its anchor is off the map: half a label names nothing the reader
 * can see). One that would cover a placed label or the page's controls (the map's scale bar,
 * locator inset and north arrow among them) moves just below or above it, or to the other side
 * of its dot, or a row or more up or down (an area's also along its area), and is hidden if
 * none of these is clear: a name over another name, or under a control, is worse than none.
 * The step's highlighted places' labels may go farthest. The places the map draws are in the way too: a label
 * never covers a highlighted place's mark, line or outline, nor another place's dot (its own
 * it may touch: a label sits by its dot).
 */

/** A box on screen, in viewport pixels. */
export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface LabelBox {
  id: string;
  /** Where the label is drawn before placement (at its anchor, unmoved). */
  rect: Box;
  /** An area's name, centred on it; otherwise a point's, to the right of its dot. */
  area: boolean;
  highlighted: boolean;
}

export interface Placement {
  id: string;
  /** How far to move the label from where it was measured, in pixels. */
  dx: number;
  dy: number;
  /** A point's label drawn left of its dot. */
  flipped: boolean;
  /** No clear place: hidden. */
  collided: boolean;
}

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

/** Gap between a point and its label, flipped or not. */
const GAP = 16;

const moved = (r: Box, dx: number, dy: number): Box => ({
  left: r.left + dx,
  right: r.right + dx,
  top: r.top + dy,
  bottom: r.bottom + dy,
});
const grow = (b: Box, r: number): Box => ({
  left: b.left - r,
  right: b.right + r,
  top: b.top - r,
  bottom: b.bottom + r,
});
const overlaps = (a: Box, b: Box) =>
  a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
const inside = (c: Box, box: Box) =>
  c.top >= box.top && c.bottom <= box.bottom && c.left >= box.left && c.right <= box.right;
const width = (r: Box) => r.right - r.left;
const height = (r: Box) => r.bottom - r.top;

/**
 * Placements in the order the labels were placed (most important first).
 * `map` is the map's box; `covers` are the page's controls drawn over it; `drawn` the places'
 * marks, lines and outlines (obstaclesOf).
 */
export function placeLabels(
  labels: readonly LabelBox[],
  map: Box,
  covers: readonly Box[],
  drawn: readonly Obstacle[] = [],
): Placement[] {
  const rank = (l: LabelBox) => (l.highlighted ? 0 : l.area ? 1 : 2);
  const order = [...labels].sort((a, b) => rank(a) - rank(b));
  // The page's controls over the map (navigation, key, buttons) are in the way as placed labels are.
  const placed: Box[] = [...covers];
  return order.map((l) => {
    const hitting = (r: Box) =>
      placed.find((p) => overlaps(r, p)) ?? drawn.find((d) => d.owner !== l.id && overlaps(r, d.box))?.box;
    const r = l.rect;
    const out = (dx: number, dy: number, flipped: boolean, collided = false): Placement => ({
      id: l.id,
      dx,
      dy,
      flipped,
      collided,
    });
    let dx = 0;
    let flipped = false;
    if (!l.area && r.right > map.right && r.left - width(r) - GAP >= map.left) {
      dx = -(width(r) + GAP);
      flipped = true;
    } else if (l.area && (r.right > map.right || r.left < map.left)) {
      dx = r.left < map.left ? map.left - r.left + 2 : map.right - r.right - 2;
      if (Math.abs(dx) >= width(r) / 2) return out(0, 0, false, true);
    }
    let dy = 0;
    if (hitting(moved(r, dx, 0))) {
      const w = width(r);
      const h = height(r);
      // How far it may go, in its own heights: a highlighted place's name farther than another's
      // (it is the step's subject), an area's farther than a point's (it names all of its area).
      const reach = l.highlighted ? 5 : l.area ? 3 : 1.5;
      // First just below or above what it hits, then, for a point's label, on the other side of
      // its dot (and below or above there); then rows above and below, an area's label also slid
      // along its area (its anchor still under it).
      const sides = l.area || dx ? [dx] : [dx, -(w + GAP)];
      const tries = (x: number): [number, number][] => {
        const hit = hitting(moved(r, x, 0));
        if (!hit) return [[x, 0]];
        return [hit.bottom + 2 - r.top, hit.top - 2 - r.bottom]
          .filter((y) => Math.abs(y) <= h * reach)
          .map((y) => [x, y]);
      };
      const slides = l.area ? [0, w / 4, -w / 4, w * 0.45, -w * 0.45] : [0];
      const rows = Array.from({ length: Math.floor(reach) }, (_, k) => (k + 1) * (h + 2));
      const candidates: [number, number][] = [
        ...sides.flatMap(tries),
        ...slides.slice(1).map((s): [number, number] => [dx + s, 0]),
        ...rows.flatMap((y) =>
          sides.flatMap((x) =>
            slides.flatMap((s): [number, number][] => [
              [x + s, y],
              [x + s, -y],
            ]),
          ),
        ),
      ];
      const fit = candidates.find(([x, y]) => inside(moved(r, x, y), map) && !hitting(moved(r, x, y)));
      // Nowhere clear: hidden, even a highlighted place's name, rather than drawn over another
      // label, a control or a highlighted place.
      if (!fit) return out(0, 0, false, true);
      [dx, dy] = fit;
      if (dx < 0 && !l.area) flipped = true;
    }
    placed.push(moved(r, dx, dy));
    return out(dx, dy, flipped);
  });
}
