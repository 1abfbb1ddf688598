/**
 * An area's name once in a view: the basemap repeats country and division names on a grid so a
 * small map names the area it shows (src/basemap/country-labels.ts), which puts the same name two
 * to four times on a wide map. Of the label points of one kind and name placed in the view, the
 * one nearest the view's centre stays; the others are hidden. A name cut by the map's edge
 * (the last letters of a division's name) is hidden too: MapLibre places a label whose box crosses the edge.
 */
export type PlacedName = {
  /** The feature's id: the same point may be placed from two tiles. */
  id: string | number;
  kind: string;
  name: string;
  /** Where it is drawn, in the map's pixels. */
  x: number;
  y: number;
  /** Half its box, in pixels (nameHalfBox): a name whose box crosses the map's edge is cut. */
  halfWidth?: number;
  halfHeight?: number;
};

/**
 * About half the box of an area's name at a zoom, from the style's sizes (src/basemap/style.ts:
 * countries 11 px at zoom 3 to 15 at 7, divisions 10.5 px in letter-spaced capitals) and the
 * widths measured on the drawn map (Noto Sans: "Iraq" 0.46 em a character, "SALAH AL-DIN"
 * 0.56 with its spacing, Arabic about 0.4), rounded up; English above Arabic, so two lines.
 * An estimate: MapLibre does not say where a label's box is.
 */
export function nameHalfBox(
  kind: string,
  en: string,
  ar: string,
  zoom: number,
): { halfWidth: number; halfHeight: number } {
  const country = kind === 'country';
  const size = country ? Math.min(15, Math.max(11, 11 + zoom - 3)) : 10.5;
  const width = Math.max(en.length * (country ? 0.5 : 0.6), ar.length * 0.42) * size;
  // A long name wraps at the style's text-max-width: 10 em for countries, 8 for divisions.
  return { halfWidth: Math.min(width, (country ? 10 : 8) * size) / 2, halfHeight: size * 1.2 };
}

/**
 * The ids to hide so that each kind and name is drawn once, nearest the centre of the map
 * (`view` wide and high), and never cut by its edge.
 */
export function namesToHide(
  placed: PlacedName[],
  view: { width: number; height: number },
): Set<string | number> {
  const nearest = new Map<string, PlacedName>();
  const centre = { x: view.width / 2, y: view.height / 2 };
  const d = (p: PlacedName) => (p.x - centre.x) ** 2 + (p.y - centre.y) ** 2;
  const key = (p: PlacedName) => `${p.kind}\u0000${p.name}`;
  const cut = (p: PlacedName) =>
    p.x - (p.halfWidth ?? 0) < 0 ||
    p.x + (p.halfWidth ?? 0) > view.width ||
    p.y - (p.halfHeight ?? 0) < 0 ||
    p.y + (p.halfHeight ?? 0) > view.height;
  for (const p of placed) {
    if (cut(p)) continue;
    const best = nearest.get(key(p));
    // Ties go to the lower id, so the same view always keeps the same point.
    if (!best || d(p) < d(best) || (d(p) === d(best) && String(p.id) < String(best.id)))
      nearest.set(key(p), p);
  }
  const keep = new Set([...nearest.values()].map((p) => p.id));
  return new Set(placed.filter((p) => !keep.has(p.id)).map((p) => p.id));
}
