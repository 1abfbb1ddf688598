/**
 * An area's name once in a view: the basemap repeats country and division names on a grid so a
 * small map names the area it shows (src/basemap/country-labels.ts), which puts the same name two
 * to four times on a wide map. Of the label points of one kind and name placed in the view, the
 * one nearest the view's centre stays; the others are hidden.
 */
export type PlacedName = {
  /** The feature's id: the same point may be placed from two tiles. */
  id: string | number;
  kind: string;
  name: string;
  /** Where it is drawn, in the map's pixels. */
  x: number;
  y: number;
};

/** The ids to hide so that each kind and name is drawn once, nearest `centre`. */
export function namesToHide(placed: PlacedName[], centre: { x: number; y: number }): Set<string | number> {
  const nearest = new Map<string, PlacedName>();
  const d = (p: PlacedName) => (p.x - centre.x) ** 2 + (p.y - centre.y) ** 2;
  const key = (p: PlacedName) => `${p.kind}\u0000${p.name}`;
  for (const p of placed) {
    const best = nearest.get(key(p));
    // Ties go to the lower id, so the same view always keeps the same point.
    if (!best || d(p) < d(best) || (d(p) === d(best) && String(p.id) < String(best.id)))
      nearest.set(key(p), p);
  }
  const keep = new Set([...nearest.values()].map((p) => p.id));
  return new Set(placed.filter((p) => !keep.has(p.id)).map((p) => p.id));
}
