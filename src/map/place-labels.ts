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
import { moved, overlaps, inside, width, height, type Box } from './boxes';
import type { Obstacle } from './label-obstacles';

export interface LabelBox {
  id: string;
  /** Where the label is drawn before placement (at its anchor, unmoved). */
  rect: Box;
  /** An area's name, centred on it; otherwise a point's, to the right of its dot. */
  area: boolean;
  highlighted: boolean;
  /** What the map draws of the label's own place, on screen (an area's circle or outline). */
  own?: Box;
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

/** Gap between a point and its label, flipped or not. */
const GAP = 16;

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
    // An area narrower on screen than its name (a city's uncertainty circle at a country's zoom)
    // would vanish under a centred label: its name goes beside it, as a point's goes by its dot.
    const beside = l.area && l.own !== undefined && width(l.own) < width(l.rect);
    const area = l.area && !beside;
    const shift = beside ? l.own!.right + GAP / 2 - l.rect.left : 0;
    const r = moved(l.rect, shift, 0);
    // To the other side of its dot, or of its whole small area.
    const flip = width(r) + GAP + (beside ? width(l.own!) : 0);
    const out = (dx: number, dy: number, flipped: boolean, collided = false): Placement => ({
      id: l.id,
      dx: collided ? 0 : dx + shift,
      dy,
      flipped,
      collided,
    });
    let dx = 0;
    let flipped = false;
    if (!area && r.right > map.right && r.left - flip >= map.left) {
      dx = -flip;
      flipped = true;
    } else if (area && (r.right > map.right || r.left < map.left)) {
      dx = r.left < map.left ? map.left - r.left + 2 : map.right - r.right - 2;
      if (Math.abs(dx) >= width(r) / 2) return out(0, 0, false, true);
    }
    let dy = 0;
    if (hitting(moved(r, dx, 0))) {
      const w = width(r);
      const h = height(r);
      // How far it may go, in its own heights: a highlighted place's name farther than another's
      // (it is the step's subject). Any other name stays close: three heights off, a small area's
      // name read as naming the place next to it (the embassy compound's, on a phone).
      const reach = l.highlighted ? 5 : 1.5;
      // First just below or above what it hits, then, for a point's label, on the other side of
      // its dot (and below or above there); then rows above and below, an area's label also slid
      // along its area (its anchor still under it).
      const sides = area || dx ? [dx] : [dx, -flip];
      const tries = (x: number): [number, number][] => {
        const hit = hitting(moved(r, x, 0));
        if (!hit) return [[x, 0]];
        return [hit.bottom + 2 - r.top, hit.top - 2 - r.bottom]
          .filter((y) => Math.abs(y) <= h * reach)
          .map((y) => [x, y]);
      };
      const slides = area ? [0, w / 4, -w / 4, w * 0.45, -w * 0.45] : [0];
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
      if (dx < 0 && !area) flipped = true;
    }
    placed.push(moved(r, dx, dy));
    return out(dx, dy, flipped);
  });
}
