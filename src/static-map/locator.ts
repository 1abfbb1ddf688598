/**
 * Orientation for close views, drawn at build time with d3-geo from the same data as the
 * static maps: a locator inset (where a street-level view sits: the town it is in, the
 * country around it), a scale bar and a north arrow. The live map shows the same inset
 * SVG (src/client/orientation.ts); the static maps draw all three. Pure: data in, SVG out.
 */
import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { FeatureCollection } from 'geojson';
import { LOCATOR } from './locator-size';

/** Narrower than this, a reader can't tell where the view is without an inset. */
export const LOCATOR_MAX_KM = 20;
export { LOCATOR };
/** The inset spans this many times the view's width, within these bounds (km). */
const SPAN_FACTOR = 40;
/** From a country's part (its capital and the border nearby) to a whole country. */
const SPAN_KM: [number, number] = [400, 1000];
const EARTH_M = 6378137;

export interface View {
  center: [number, number];
  /** MapLibre zoom (512-px tiles). */
  zoom: number;
  /** Width of the map in CSS pixels. */
  width: number;
}

export interface Town {
  en: string;
  pop: number;
  capital: boolean;
  lon: number;
  lat: number;
}

/** Metres per CSS pixel at the view's centre. */
export function metresPerPixel(lat: number, zoom: number): number {
  return (2 * Math.PI * EARTH_M * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

export function viewWidthKm(v: View): number {
  return (metresPerPixel(v.center[1], v.zoom) * v.width) / 1000;
}

export const needsLocator = (v: View) => viewWidthKm(v) < LOCATOR_MAX_KM;

/** The center and zoom of a d3 Mercator projection that draws a `width`-px map. */
export function viewOf(projection: GeoProjection, width: number, height: number): View {
  const c = projection.invert!([width / 2, height / 2])!;
  return {
    center: [c[0], c[1]],
    zoom: Math.log2((projection.scale() * 2 * Math.PI) / 512),
    width,
  };
}

/** The longest round length (1, 2 or 5 × 10ⁿ m) that fits in `maxPx`, and its width. */
export function scaleBar(
  lat: number,
  zoom: number,
  maxPx = 100,
): { metres: number; px: number; label: string } {
  const mpp = metresPerPixel(lat, zoom);
  const max = mpp * maxPx;
  const pow = 10 ** Math.floor(Math.log10(max));
  const metres = [5, 2, 1].map((d) => d * pow).find((m) => m <= max)!;
  const label = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
  return { metres, px: metres / mpp, label };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The inset: country land and borders around the view, the largest towns in it, and a
 * red frame (or dot, when tiny) where the view is. `x`/`y` place it inside another SVG.
 */
export function renderLocator(
  v: View,
  countries: { land: FeatureCollection; borders: FeatureCollection },
  towns: Town[],
  at?: { x: number; y: number },
): string {
  const { width: W, height: H } = LOCATOR;
  const spanKm = Math.min(SPAN_KM[1], Math.max(SPAN_KM[0], viewWidthKm(v) * SPAN_FACTOR));
  // The zoom at which spanKm fills the inset's width.
  const zoom = Math.log2(
    (2 * Math.PI * EARTH_M * Math.cos((v.center[1] * Math.PI) / 180) * W) / (512 * spanKm * 1000),
  );
  const projection = geoMercator()
    .scale((512 * 2 ** zoom) / (2 * Math.PI))
    .center(v.center)
    .translate([W / 2, H / 2])
    .clipExtent([
      [0, 0],
      [W, H],
    ]);
  const path = geoPath(projection).digits(1);
  const [lon0, lat0] = projection.invert!([0, 0])!;
  const [lon1, lat1] = projection.invert!([W, H])!;
  const inFrame = (t: Town) => t.lon > lon0 && t.lon < lon1 && t.lat < lat0 && t.lat > lat1;
  // The view itself: its width at the inset's scale, never smaller than a visible mark.
  const [cx, cy] = projection(v.center)!;
  const viewPx = (viewWidthKm(v) / spanKm) * W;
  type Rect = [number, number, number, number];
  const markBox: Rect =
    viewPx >= 6
      ? [cx - viewPx / 2 - 1, cy - viewPx / 3 - 1, cx + viewPx / 2 + 1, cy + viewPx / 3 + 1]
      : [cx - 5, cy - 5, cx + 5, cy + 5];
  const hits = (a: Rect, b: Rect) => a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1];
  // Capitals first, then by population: the two or three names a reader would know, each
  // clear of the others' names and of the red mark (a name over the mark hides where the view is).
  const placed: Rect[] = [];
  const townMarks = towns
    .filter(inFrame)
    .sort((a, b) => Number(b.capital) - Number(a.capital) || b.pop - a.pop)
    .flatMap((t) => {
      if (placed.length >= 3) return [];
      const [x, y] = projection([t.lon, t.lat])!;
      const w = t.en.length * 5.6 + 6;
      // The town the view is in (the capital, for a close-up in the capital) is the name a reader most
      // needs: its name goes just beside the mark, which stands for its dot.
      const atMark = x >= markBox[0] && x <= markBox[2] && y >= markBox[1] && y <= markBox[3];
      const [xr, xl] = atMark ? [markBox[2] + 1, markBox[0] - 1] : [x, x];
      const dotPad = atMark ? 0 : 3;
      const sides: [boolean, Rect][] = [
        [true, [xr - dotPad, y - 7, xr + w, y + 6]],
        [false, [xl - w, y - 7, xl + dotPad, y + 6]],
      ];
      // A name cut by the frame is worse than none.
      const fit = sides.find(
        ([, box]) =>
          box[0] >= 0 &&
          box[1] >= 0 &&
          box[2] <= W - 2 &&
          box[3] <= H &&
          !hits(box, markBox) &&
          !placed.some((b) => hits(box, b)),
      );
      if (!fit) return [];
      const [right, box] = fit;
      placed.push(box);
      const dot = atMark ? '' : `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="2" fill="#5d5a54"/>`;
      return [
        `${dot}<text x="${((right ? xr : xl) + (right ? 4 : -4)).toFixed(1)}" y="${(y + 3.5).toFixed(1)}"${right ? '' : ' text-anchor="end"'}>${esc(t.en)}</text>`,
      ];
    });
  const mark =
    viewPx >= 6
      ? `<rect x="${(cx - viewPx / 2).toFixed(1)}" y="${(cy - viewPx / 3).toFixed(1)}" width="${viewPx.toFixed(1)}" height="${((viewPx * 2) / 3).toFixed(1)}" fill="none" stroke="#c0392b" stroke-width="2"/>`
      : `<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="4" fill="none" stroke="#c0392b" stroke-width="2"/>`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="locator" ${at ? `x="${at.x}" y="${at.y}" ` : ''}width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" aria-hidden="true">`,
    `<rect width="${W}" height="${H}" fill="#d6e2e8"/>`,
    `<path d="${path(countries.land) ?? ''}" fill="#f4f2ec"/>`,
    `<path d="${path(countries.borders) ?? ''}" fill="none" stroke="#a39e94" stroke-width="0.8"/>`,
    `<g font-family="system-ui, sans-serif" font-size="10" fill="#3d3a35" stroke="#f4f2ec" stroke-width="2.5" paint-order="stroke">`,
    ...townMarks,
    `</g>`,
    mark,
    `<rect x="0.5" y="0.5" width="${W - 1}" height="${H - 1}" fill="none" stroke="#8f887c"/>`,
    `</svg>`,
  ].join('');
}

/** A scale bar with its length written above it, its left end at (x, y). */
export function renderScaleBar(v: View, x: number, y: number): string {
  const s = scaleBar(v.center[1], v.zoom);
  const w = s.px.toFixed(1);
  return `<g class="scale-bar" font-family="system-ui, sans-serif" font-size="11" fill="#3d3a35"><path d="M${x} ${y - 5}V${y}H${x + s.px}V${y - 5}" fill="none" stroke="#fff" stroke-width="4"/><path d="M${x} ${y - 5}V${y}H${(x + s.px).toFixed(1)}V${y - 5}" fill="none" stroke="#3d3a35" stroke-width="1.5"/><text x="${x}" y="${y - 8}" stroke="#fff" stroke-width="3" paint-order="stroke" data-width="${w}">${s.label}</text></g>`;
}

/** An arrow pointing north on a map turned by `bearing` degrees, centred at (x, y). */
export function renderNorthArrow(bearing: number, x: number, y: number): string {
  return `<g class="north-arrow" transform="translate(${x} ${y}) rotate(${(-bearing).toFixed(1)})"><circle r="14" fill="#fff" fill-opacity="0.9" stroke="#8f887c"/><path d="M0 -10L5 4L0 1L-5 4Z" fill="#c0392b"/><text y="11" text-anchor="middle" font-family="system-ui, sans-serif" font-size="8" fill="#3d3a35">N</text></g>`;
}
