/**
 * Area names wherever an area is in view: one label point per country is off screen at zoom 5–7
 * for a large country (Syria and Iran went unnamed beside a story in Iraq), and one per province
 * is off screen at a town's zoom. From a grid's first zoom, each zoom gets its own points, on a
 * grid about `px` apart on screen inside the area (far enough inside for the name to fit), so any
 * view over it shows its name about once; an area too small for the grid keeps its one
 * hand-placed point.
 */
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

export type AreaGrid = {
  fromZoom: number;
  /** Past this zoom the last grid serves, enlarged. */
  toZoom: number;
  /** Screen distance between two labels of one area, in CSS pixels (a phone is 390 wide). */
  px: number;
  /** Fraction of a step the grid is moved by, east and north, so two grids interleave. */
  offset: number;
  /** Least room between a label point and the area's edge, in degrees, whatever the zoom. */
  margin: number;
};

/**
 * Countries: from zoom 4 to 9 (a view under ~100 km across). A zoom's tiles are drawn from that
 * zoom to twice that size, so names 260 px apart in the tile are 260–520 px apart on screen: at
 * least one in a phone's map (390 px wide) at most zooms, two to four in a laptop's.
 */
export const COUNTRY_GRID: AreaGrid = { fromZoom: 4, toZoom: 9, px: 260, offset: 0, margin: 0 };
/**
 * The same for a phone's map (NARROW_MAP_PX in style.ts): 260–520 px apart on screen can fall
 * either side of the strip of a country a 390 px map shows (a country 240 px wide at the edge
 * of a phone's map at zoom 4.8 went unnamed); 130 apart is 130–260 on screen. The tiles
 * carry both grids, each point tagged `for: 'wide'` or `'narrow'`, and untagged points, drawn
 * on every map, past NARROW_TO_ZOOM and for a country too small for either grid. A laptop's
 * map drawing the phone's grid would hide three names in four (src/map/names-to-hide.ts),
 * and a hidden name still keeps its room from the towns' names.
 */
export const NARROW_COUNTRY_GRID: AreaGrid = { ...COUNTRY_GRID, px: 130, offset: 0.25 };
/**
 * The last tile zoom with a phone's grid (its tiles are drawn to zoom 8): closer, a phone's map
 * is a province or two across, and the names of those and of the towns say where it is; the
 * grid to zoom 12 would add 250 KB to the region archive for that.
 */
export const NARROW_TO_ZOOM = 7;
/**
 * A country outside the story's region is named from the zoom where the side of a square of
 * its area is this many pixels (Kenya from zoom 3, Belgium from 4, Luxembourg from 6): before,
 * its name covers its neighbours'.
 */
export const COUNTRY_NAMED_PX = 40;
/**
 * Provinces: to the region archive's closest tiles (zoom 12), so a close-up with no town in it
 * still says where it is; as far apart as countries, moved half a step off the country grid,
 * so a division's name sits between its country's names rather than on them. At least 3 km inside
 * the outline: Natural Earth's division outlines are a few kilometres off at places, which shows
 * at a town's zoom.
 */
export const PROVINCE_GRID: AreaGrid = { fromZoom: 6, toZoom: 12, px: 260, offset: 0.5, margin: 0.03 };
/**
 * A phone's grid of division names, tagged `for: 'narrow'` as the countries' is, from tile zoom
 * 8 inside the areas built for views that close: on a 390 px map 60 km across a border, the
 * grid every map draws had no point in view far enough inside either division, and the one
 * name there was cut by the map's edge. Narrow maps draw both grids; of two names, the one
 * nearer the centre stays (names-to-hide.ts).
 */
export const NARROW_PROVINCE_GRID: AreaGrid = { ...PROVINCE_GRID, px: 130, offset: 0.25 };
export const NARROW_PROVINCES_FROM_ZOOM = 8;
/**
 * Past the last tiles (zoom 12) the grid is drawn enlarged: at a street's zoom (13.5 and more)
 * its names were 370–1000 px apart, so a phone's map could show none, or only one under the
 * attribution. The closest tiles also carry the grid of each zoom in CLOSE_GRID_ZOOMS
 * (style.ts, which the browser loads without this module), only inside the close-up areas (a
 * few thousand points, not a country's worth), each point tagged with its zoom; the style
 * draws the grid of the zoom it is at.
 */
export { CLOSE_GRID_ZOOMS } from './style';
export type AreaLabel = { en: string; ar?: string; at: [number, number] };

/** Half a name's width, in CSS pixels at the tile's zoom: a label point is this far inside. */
const ROOM_PX = 60;
const degPerPx = (z: number) => 360 / (512 * 2 ** z);

export function areaLabelPoints(
  label: AreaLabel,
  outline: Feature<Polygon | MultiPolygon> | undefined,
  zoom: number,
  grid: AreaGrid,
  within: [number, number, number, number] = [-180, -85, 180, 85],
): Position[] {
  if (zoom < grid.fromZoom || !outline) return [label.at];
  const step = grid.px * degPerPx(Math.min(zoom, grid.toZoom));
  const [w0, s0, e0, n0] = turf.bbox(outline);
  const [w, s, e, n] = [
    Math.max(w0, within[0]),
    Math.max(s0, within[1]),
    Math.min(e0, within[2]),
    Math.min(n0, within[3]),
  ];
  if (w > e || s > n) return [];
  const inside = (p: Position) => turf.booleanPointInPolygon(p, outline);
  const points: Position[] = [];
  // Rows and columns on a grid anchored at 0°, so the points are the same on every build; every
  // other row shifted by half a step, so a wide view never lines them up in a column.
  // A degree of latitude is 1/cos(lat) times as long on a Mercator map as one of longitude.
  const rowStep = step * Math.cos((((s + n) / 2) * Math.PI) / 180);
  const rowOffset = grid.offset * rowStep;
  for (let row = Math.floor((s - rowOffset) / rowStep); row * rowStep + rowOffset <= n; row++) {
    const lat = row * rowStep + rowOffset;
    const shift = ((row % 2 ? 0.5 : 0) + grid.offset) * step;
    for (let col = Math.floor((w - shift) / step); col * step + shift <= e; col++) {
      const p = [Math.round((col * step + shift) * 1e4) / 1e4, Math.round(lat * 1e4) / 1e4];
      // Room for the name: ROOM_PX each way (half that up and down) is still the same area.
      const r = Math.max(ROOM_PX * degPerPx(Math.min(zoom, grid.toZoom)), grid.margin * 2);
      if (
        [p, [p[0]! - r, p[1]!], [p[0]! + r, p[1]!], [p[0]!, p[1]! - r / 2], [p[0]!, p[1]! + r / 2]].every(
          inside,
        )
      )
        points.push(p);
    }
  }
  return points.length ? points : [label.at];
}

/**
 * A label point's feature id, the same on every build: the map hides a name through feature
 * state (src/map/names-to-hide.ts: an area's name shown once in a view, no name cut by the
 * map's edge), which needs ids. A hash of the kind, name and place (FNV-1a, 32 bits).
 */
export function labelId(kind: string, name: string, at: Position): number {
  let h = 0x811c9dc5;
  for (const ch of `${kind}|${name}|${at[0]},${at[1]}`) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
