/**
 * An area's name once in a view: the basemap repeats country and division names on a grid so a
 * small map names the area it shows (src/basemap/country-labels.ts), which puts the same name two
 * to four times on a wide map. Of the label points of one kind and name placed in the view, the
 * one nearest the view's centre stays; the others are hidden. A name cut by the map's edge
 * (the last letters of a division's name) is hidden too: MapLibre places a label whose box crosses the edge.
 */
import { AREA_NAME_TYPE } from '../basemap/style';

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
 * About half the box of an area's name at a zoom, from the style's type (AREA_NAME_TYPE) and
 * the widths measured on the drawn map (Noto Sans: "Iraq" 0.46 em a character, "SALAH AL-DIN"
 * 0.56 with its spacing, Arabic about 0.4), rounded up; English above Arabic, so two lines.
 * An estimate, around the name's point: MapLibre does not say where a label's box is, nor
 * whether a country name took its place a line above or below the point.
 */
export function nameHalfBox(
  kind: string,
  en: string,
  ar: string,
  zoom: number,
): { halfWidth: number; halfHeight: number } {
  const country = kind === 'country';
  const size = country ? countryNamePx(zoom) : AREA_NAME_TYPE.provincePx;
  const width = Math.max(en.length * (country ? 0.5 : 0.6), ar.length * 0.42) * size;
  // A long name wraps at the style's text-max-width.
  const wrap = country ? AREA_NAME_TYPE.countryWrapEm : AREA_NAME_TYPE.provinceWrapEm;
  return { halfWidth: Math.min(width, wrap * size) / 2, halfHeight: size * 1.2 };
}

/** The style's country-name size at a zoom: its stops, linear between, flat outside. */
export function countryNamePx(zoom: number): number {
  const stops: readonly (readonly [number, number])[] = AREA_NAME_TYPE.countryPx;
  let [z0, px0] = stops[0]!;
  if (zoom <= z0) return px0;
  for (const [z1, px1] of stops.slice(1)) {
    if (zoom <= z1) return px0 + ((zoom - z0) / (z1 - z0)) * (px1 - px0);
    [z0, px0] = [z1, px1];
  }
  return px0;
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
