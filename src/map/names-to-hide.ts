/**
 * Which of the basemap's names the map hides once a view is placed:
 * - an area's name shown more than once: the basemap repeats country and division names on a
 *   grid so a small map names the area it shows (src/basemap/country-labels.ts), which puts the
 *   same name two to four times on a wide map. Of the points of one kind and name placed in the
 *   view, the one nearest the view's centre stays;
 * - any name the map's edge cuts (a town's, a lake's, an area's): MapLibre places a label whose
 *   box crosses the edge, and half a word reads as another word.
 */
import { AREA_NAME_TYPE, PLACE_NAME_TYPE } from '../basemap/style';

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

/** The type of a kind of name: px and wrap width from the style, em a character measured. */
function typeOf(kind: string, zoom: number, rank: number) {
  const wrapEm = PLACE_NAME_TYPE.wrapEm;
  switch (kind) {
    case 'country':
      return { px: countryNamePx(zoom), emPerChar: 0.5, wrapEm: AREA_NAME_TYPE.countryWrapEm, belowEm: 0 };
    case 'province':
      return {
        px: AREA_NAME_TYPE.provincePx,
        emPerChar: 0.6,
        wrapEm: AREA_NAME_TYPE.provinceWrapEm,
        belowEm: 0,
      };
    case 'place': {
      const sizes = PLACE_NAME_TYPE.placePx;
      const px = sizes[Math.min(Math.max(rank, 1), sizes.length) - 1]!;
      return { px, emPerChar: 0.6, wrapEm, belowEm: PLACE_NAME_TYPE.placeOffsetEm };
    }
    default:
      return { px: PLACE_NAME_TYPE.waterPx, emPerChar: 0.55, wrapEm, belowEm: 0 };
  }
}

/**
 * About the box of a name at a zoom: half its width and height, and how far its middle lies
 * below its point (a town's name hangs under it). From the style's type (AREA_NAME_TYPE,
 * PLACE_NAME_TYPE) and the widths measured on the drawn map (Noto Sans: a country's name 0.46 em a
 * character with its spacing, a division's in spaced capitals 0.56, a town's 0.59, a lake's 0.5,
 * Arabic about 0.44), rounded up; English above Arabic (0.92 of its size), each wrapped at the
 * style's text-max-width. An estimate: MapLibre does not say where a label's box is, nor
 * whether a country name took its place a line above or below its point.
 */
export function nameBox(
  kind: string,
  en: string,
  ar: string,
  zoom: number,
  rank = 0,
): { dy: number; halfWidth: number; halfHeight: number } {
  const { px, emPerChar, wrapEm, belowEm } = typeOf(kind, zoom, rank);
  const wrap = wrapEm * px;
  const enWidth = en.length * emPerChar * px;
  const arWidth = ar.length * 0.45 * 0.92 * px;
  const lines = (width: number) => (width > 0 ? Math.ceil(width / wrap) : 0);
  const height = (lines(enWidth) + lines(arWidth) * 0.92) * px * 1.2;
  return {
    dy: belowEm ? belowEm * px + height / 2 : 0,
    halfWidth: Math.min(Math.max(enWidth, arWidth), wrap) / 2,
    halfHeight: height / 2,
  };
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
