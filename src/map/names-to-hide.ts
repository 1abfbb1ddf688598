/**
 * Which of the basemap's names the map hides once a view is placed:
 * - an area's name shown more than once: the basemap repeats country and division names on a
 *   grid so a small map names the area it shows (src/basemap/country-labels.ts), which puts the
 *   same name two to four times on a wide map. Of the points of one kind and name placed in the
 *   view, the one nearest the view's centre stays;
 * - any name the map's edge cuts (a town's, a lake's, an area's): MapLibre places a label whose
 *   box crosses the edge, and half a word reads as another word.
 */

export type PlacedName = {
  /** The feature's id: the same point may be placed from two tiles. */
  id: string | number;
  /** 'country', 'province', 'place', 'sea', 'lake'. */
  kind: string;
  name: string;
  /** The middle of its box, in the map's pixels (its point moved by nameBox's dy). */
  x: number;
  y: number;
  /** Half its box, in pixels (nameBox): a name whose box crosses the map's edge is cut. */
  halfWidth?: number;
  halfHeight?: number;
};

/** The kinds whose names repeat on a grid, shown once a view. */
const REPEATED = new Set(['country', 'province']);

const isCut = (p: PlacedName, view: { width: number; height: number }) =>
  p.x - (p.halfWidth ?? 0) < 0 ||
  p.x + (p.halfWidth ?? 0) > view.width ||
  p.y - (p.halfHeight ?? 0) < 0 ||
  p.y + (p.halfHeight ?? 0) > view.height;

/** Of some points, per kind and name, the one nearest the view's centre (ties to the lower id, so a view always keeps the same). */
function nearestPerName(placed: PlacedName[], view: { width: number; height: number }): PlacedName[] {
  const nearest = new Map<string, PlacedName>();
  const d = (p: PlacedName) => (p.x - view.width / 2) ** 2 + (p.y - view.height / 2) ** 2;
  for (const p of placed) {
    const key = `${p.kind}\u0000${p.name}`;
    const best = nearest.get(key);
    if (!best || d(p) < d(best) || (d(p) === d(best) && String(p.id) < String(best.id))) nearest.set(key, p);
  }
  return [...nearest.values()];
}

/**
 * The ids to hide so that each area's name is drawn once, nearest the centre of the map
 * (`view` wide and high), and no name is cut by its edge.
 */
export function namesToHide(
  placed: PlacedName[],
  view: { width: number; height: number },
): Set<string | number> {
  const whole = placed.filter((p) => !isCut(p, view));
  const keep = new Set([
    ...whole.filter((p) => !REPEATED.has(p.kind)).map((p) => p.id),
    ...nearestPerName(
      whole.filter((p) => REPEATED.has(p.kind)),
      view,
    ).map((p) => p.id),
  ]);
  return new Set(placed.filter((p) => !keep.has(p.id)).map((p) => p.id));
}

/**
 * The spare names to show: a wide map draws the sparse grid of country names, and a country
 * whose strip in view falls between its points goes unnamed (a neighbour's edge of a view).
 * The tiles also carry the phone's denser grid, which a wide map places, unseen, in whatever
 * room its other names leave (the style's spare layers). Of those placed and whole in view,
 * for each country the view names nowhere else, the one nearest the centre is shown.
 */
export function sparesToShow(
  spares: PlacedName[],
  named: ReadonlySet<string>,
  view: { width: number; height: number },
): Set<string | number> {
  const unnamed = spares.filter((p) => !named.has(p.name) && !isCut(p, view));
  return new Set(nearestPerName(unnamed, view).map((p) => p.id));
}
