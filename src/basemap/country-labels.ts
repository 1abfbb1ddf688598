/**
 * Country names wherever a country is in view: one label point per country is off screen at
 * zoom 5–7 for a large country (Syria and Iran went unnamed beside a story in Iraq). From
 * GRID_FROM_ZOOM, each zoom gets its own points, on a grid about GRID_PX apart on screen inside
 * the country (far enough inside for the name to fit), so any view over a country shows its
 * name about once; a country too small for the grid keeps its one hand-placed point.
 */
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

export const GRID_FROM_ZOOM = 5;
export const GRID_TO_ZOOM = 9;
/** Screen distance between two labels of one country, in CSS pixels (a phone is 390 wide). */
export const GRID_PX = 520;
export type CountryLabel = { en: string; ar: string; at: [number, number] };

const degPerPx = (z: number) => 360 / (512 * 2 ** z);

export function countryLabelPoints(
  label: CountryLabel,
  outline: Feature<Polygon | MultiPolygon> | undefined,
  zoom: number,
  within: [number, number, number, number] = [-180, -85, 180, 85],
): Position[] {
  if (zoom < GRID_FROM_ZOOM || !outline) return [label.at];
  // Past GRID_TO_ZOOM (a view under ~100 km across) the last grid serves, enlarged.
  const step = GRID_PX * degPerPx(Math.min(zoom, GRID_TO_ZOOM));
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
  const rowStep = step * Math.cos((((s + n) / 2) * Math.PI) / 180);
  for (let row = Math.floor(s / rowStep); row * rowStep <= n; row++) {
    // A degree of latitude is 1/cos(lat) times as long on a Mercator map as one of longitude.
    const lat = row * rowStep;
    const dx = step;
    const shift = row % 2 ? dx / 2 : 0;
    for (let col = Math.floor((w - shift) / dx); col * dx + shift <= e; col++) {
      const p = [Math.round((col * dx + shift) * 1e4) / 1e4, Math.round(lat * 1e4) / 1e4];
      // Room for the name: a quarter step each way is still the same country.
      const r = step / 4;
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
