/**
 * A country's name beside its land borders, on its own side. Past the zooms of the country
 * grids (country-labels.ts) a view a few dozen kilometres across a border showed the line and
 * the towns on it, but neither country's name: a graphics editor writes each country's name on
 * its side. Along each land border, every BORDER_LABEL_PX on screen at the tile's zoom, a point as
 * near the line as lets the name's whole box (every anchor the style may pick) stay inside the
 * country. Coasts get none: the sea's side is no country's. The tiles tag them spare names
 * (`for: 'spare'`): a map shows one only where the country is named nowhere else in view, and
 * they are placed last, so they take no town's room (names-to-hide.ts, the style's spare
 * layers). 120 px apart: a border crossing a 390 px map is often under 400 px long, and at
 * 240 px apart (480 on screen at the zoom's far end) its one point fell at the edge.
 *
 * Geometry in the tile zoom's Web Mercator pixels, so "near" and "room" mean what a reader
 * sees; the map draws a zoom's tiles up to twice that size, which only moves a name further in.
 */
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { mercX, mercY } from '../core/mercator';
import { countryNamePx, nameBox } from './name-box';
import { AREA_NAME_TYPE } from './style';
import type { Bbox } from './tiles';

/**
 * The first tile zoom with border names, the world archive's last: from there a country's strip
 * at a view's edge can be too narrow for either grid (Saudi Arabia and Iran on a phone's view
 * of the Gulf at zoom 5.4). Below it a country's grid or one point names it.
 */
export const BORDER_LABELS_FROM_ZOOM = 5;
/** Distance between two names of one country along a border, in pixels at the tile's zoom (120–240 on screen). */
export const BORDER_LABEL_PX = 120;
/** Least gap between the border line and a name's box, in pixels. */
const GAP_PX = 6;
/** How much further in than its least distance a name may be pushed to find room, in pixels. */
const SEARCH_PX = 90;

type Outline = Feature<Polygon | MultiPolygon>;
type Px = [number, number];

/** Half the box a name may take around its point, in pixels: all anchors the style allows. */
export type NameExtent = { halfWidth: number; halfHeight: number };

/**
 * Half the box a country's name may take around its point at a zoom: centred on it, or a line
 * above or below it (the style's variable anchors), so it stays inside whichever MapLibre picks.
 */
export function countryNameExtent(en: string, ar: string, zoom: number): NameExtent {
  const box = nameBox('country', en, ar, zoom);
  return {
    halfWidth: box.halfWidth,
    halfHeight: 2 * box.halfHeight + AREA_NAME_TYPE.countryShiftEm * countryNamePx(zoom),
  };
}

const worldPx = (z: number) => 512 * 2 ** z;
const lonOf = (x: number, z: number) => (x / worldPx(z)) * 360 - 180;
const latOf = (y: number, z: number) =>
  (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / worldPx(z)))) * 180) / Math.PI;
const toPx = ([lon, lat]: Position, z: number): Px => [mercX(lon!) * worldPx(z), mercY(lat!) * worldPx(z)];
const toLonLat = ([x, y]: Px, z: number): Position => [lonOf(x, z), latOf(y, z)];

const ringsOf = (o: Outline): Position[][] =>
  o.geometry.type === 'Polygon' ? o.geometry.coordinates : o.geometry.coordinates.flat();

/** Points every `step` along a ring (its length in pixels), each with the ring's direction there. */
function along(ring: Px[], step: number): { at: Px; dir: Px }[] {
  const out: { at: Px; dir: Px }[] = [];
  let next = step / 2;
  let walked = 0;
  for (let i = 1; i < ring.length; i++) {
    const [a, b] = [ring[i - 1]!, ring[i]!];
    const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
    while (len > 0 && next <= walked + len) {
      const t = (next - walked) / len;
      out.push({ at: [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])], dir: directionNear(ring, i, t) });
      next += step;
    }
    walked += len;
  }
  return out;
}

/** The ring's direction across ~40 px around a point on segment i: a jagged line's one vertex does not turn a name. */
function directionNear(ring: Px[], i: number, t: number): Px {
  const at = (k: number) => ring[Math.max(0, Math.min(ring.length - 1, k))]!;
  const [a, b] = [at(i - 1), at(i)];
  const p: Px = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
  let [back, ahead] = [at(i - 1), at(i)];
  for (let k = i - 1; k > 0 && Math.hypot(back[0] - p[0], back[1] - p[1]) < 20; k--) back = at(k - 1);
  for (let k = i; k < ring.length - 1 && Math.hypot(ahead[0] - p[0], ahead[1] - p[1]) < 20; k++)
    ahead = at(k + 1);
  const [dx, dy] = [ahead[0] - back[0], ahead[1] - back[1]];
  const len = Math.hypot(dx, dy) || 1;
  return [dx / len, dy / len];
}

/**
 * The points, rounded to 1e-4°, inside `within`, where `country`'s name stands beside its land
 * borders with `neighbours` (those near `within` will do) at a tile zoom: `extent` is the name's
 * half box there; one every BORDER_LABEL_PX along the line.
 */
export function borderLabelPoints(
  country: Outline,
  neighbours: Outline[],
  zoom: number,
  extent: NameExtent,
  within: Bbox,
): Position[] {
  // Point-in-polygon on the outlines cut to the box (and the room a name's search needs around
  // it) rather than on a whole country's thousands of vertices: the build's slowest step.
  const m = 400 * (360 / worldPx(zoom));
  const around: Bbox = [within[0] - m, within[1] - m, within[2] + m, within[3] + m];
  const local = (o: Outline) => {
    const cut = turf.bboxClip(o, around) as Outline;
    const polys = (cut.geometry.type === 'Polygon' ? [cut.geometry.coordinates] : cut.geometry.coordinates)
      .map((rings) => rings.filter((r) => r.length >= 4))
      .filter((rings) => rings.length);
    return polys.length ? turf.multiPolygon(polys) : undefined;
  };
  const mine = local(country);
  if (!mine) return [];
  const theirs = neighbours.flatMap((o) => local(o) ?? []);
  const inCountry = (p: Px) => turf.booleanPointInPolygon(toLonLat(p, zoom), mine);
  const inNeighbour = (p: Px) => {
    const at = toLonLat(p, zoom);
    return theirs.some((o) => turf.booleanPointInPolygon(at, o));
  };
  const [w, s, e, n] = within;
  const inWithin = ([lon, lat]: Position) => lon! >= w && lon! <= e && lat! >= s && lat! <= n;
  // The name's box around a point: corners, side midpoints and quarter points, all inside.
  const { halfWidth: hw, halfHeight: hh } = extent;
  const rim: Px[] = [-1, -0.5, 0, 0.5, 1].flatMap((u) =>
    [-1, -0.5, 0, 0.5, 1].flatMap((v): Px[] =>
      Math.abs(u) === 1 || Math.abs(v) === 1 ? [[u * hw, v * hh]] : [],
    ),
  );
  const fits = (c: Px) => rim.every(([dx, dy]) => inCountry([c[0] + dx, c[1] + dy]));

  const points: Position[] = [];
  for (const ring of ringsOf(country)) {
    const px = ring.map((p) => toPx(p, zoom));
    for (const { at, dir } of along(px, BORDER_LABEL_PX)) {
      if (!inWithin(toLonLat(at, zoom))) continue;
      // The normal that points into the country, and a land border: the other side is a neighbour.
      const normal: Px = [-dir[1], dir[0]];
      const side = [1, -1].find((k) => inCountry([at[0] + k * 3 * normal[0], at[1] + k * 3 * normal[1]]));
      if (!side) continue;
      const inward: Px = [side * normal[0], side * normal[1]];
      if (!inNeighbour([at[0] - 6 * inward[0], at[1] - 6 * inward[1]])) continue;
      // The least distance at which the box clears the line, then further in until it fits.
      const least = Math.abs(inward[0]) * hw + Math.abs(inward[1]) * hh + GAP_PX;
      for (let d = least; d <= least + SEARCH_PX; d += 6) {
        const c: Px = [at[0] + d * inward[0], at[1] + d * inward[1]];
        if (!fits(c)) continue;
        const p = toLonLat(c, zoom).map((v) => Math.round(v * 1e4) / 1e4);
        if (inWithin(p)) points.push(p);
        break;
      }
    }
  }
  return points;
}
