/**
 * Where the basemap needs detail, computed from the content: every step's view (its camera, or
 * the places it fits) with a margin, at the zooms the step uses. Pure, shared by the build
 * (`npm run basemap` cuts detailed tiles there) and by `npm run check` (which warns when a
 * step's view is not in the committed coverage). Both compute a step's view the same way, so a
 * basemap built from the current content covers every one of its views exactly.
 */
import { says, type Said } from '../core/messages';
import { displayFeature, unionBbox } from '../story/display';
import type { Bbox } from '../core/bbox';
import type { StoryFeature } from '../geo/read-geojson';
import type { StepFrontmatter } from '../content/schema/step';

/**
 * The largest map a reader sees: the desktop's width and the phone's height (CSS pixels). A
 * view is measured with both, so one box serves every screen.
 */
export const VIEW_PX = { width: 1366, height: 844 } as const;
/** Region tiles (coast, borders, provinces, towns) start at this zoom; the world archive draws below it. */
export const REGIONAL_MIN = 6;
/** The closest tiles cut; MapLibre draws them enlarged beyond (10 m of data is 2 units of a zoom-12 tile). */
export const TILES_MAX = 12;
/**
 * The closest zoom an area's tiles serve before they look coarse: two zooms past its tiles (the
 * shapes are simplified for their own zoom), and to the map's closest zoom for the close tiles,
 * whose land is cut to ~10 m.
 */
export const MAP_MAX_ZOOM = 16;
export const detailZoomFor = (zoom: number): number => {
  const t = tileZoomFor(zoom);
  return t >= TILES_MAX ? MAP_MAX_ZOOM : t + 2;
};

/**
 * From this tile zoom the region archive draws land from the OSM-derived extract
 * (src/basemap/data/lands.json) where it has one: Natural Earth's 1:10m coast is a kilometre
 * off, which puts a harbour in the sea at a city's zoom.
 */
export const FINE_LAND_FROM_TILE_ZOOM = 10;
/** Steps wider than this (a continent) are drawn by the world archive alone. */
export const REGIONAL_FROM_ZOOM = 4.5;
/** How much wider than the view itself the coverage reaches on each side (a share of the view). */
export const MARGIN = 0.25;
/**
 * The deepest tiles an area built for views up to `zoom` gets: two zooms more than the view, so
 * the view and a flight into it find detail, up to TILES_MAX (a wide view over a whole region
 * does not pay for zoom-10 tiles of all of it).
 */
export const tileZoomFor = (zoom: number): number =>
  Math.min(TILES_MAX, Math.max(REGIONAL_MIN + 1, Math.ceil(zoom) + 2));

export interface StepView {
  /** The view's box, without margin. */
  bbox: Bbox;
  zoom: number;
}

/**
 * The committed record of what `npm run basemap` covered (public/basemap/coverage.json): boxes,
 * each with the closest step zoom it was built for (its tiles go to tileZoomFor(zoom)).
 */
export interface Coverage {
  areas: { bbox: Bbox; zoom: number }[];
}

const TILE = 512;
const degPerPx = (zoom: number) => 360 / (TILE * 2 ** zoom);
const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
const clampLat = (lat: number) => Math.max(-85, Math.min(85, lat));
const r4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** The box a map of VIEW_PX shows around `center` at `zoom` (pitch shows more towards the horizon). */
export function cameraBox(center: [number, number], zoom: number, pitch = 0): Bbox {
  const grow = pitch > 0 ? 1 + Math.tan((Math.min(pitch, 60) * Math.PI) / 180) : 1;
  const halfW = (VIEW_PX.width / 2) * degPerPx(zoom) * grow;
  const halfH = (VIEW_PX.height / 2) * degPerPx(zoom) * Math.cos((center[1] * Math.PI) / 180) * grow;
  return [
    r4(Math.max(-180, center[0] - halfW)),
    r4(clampLat(center[1] - halfH)),
    r4(Math.min(180, center[0] + halfW)),
    r4(clampLat(center[1] + halfH)),
  ];
}

/** The narrowest map a reader sees (a phone's width, CSS pixels): where a framed view zooms least. */
const NARROW_PX = 390;

/**
 * The zoom at which `b` fits a map `widthPx` wide and VIEW_PX high, capped as the map caps a
 * fit: on the narrower screen (a phone) by default, where a framed view is widest.
 */
export function fitZoom(b: Bbox, maxZoom: number, widthPx: number = NARROW_PX): number {
  const dx = Math.max(b[2] - b[0], 1e-6);
  const dy = Math.max(((mercY(b[3]) - mercY(b[1])) * 180) / Math.PI, 1e-6);
  const z = Math.log2(Math.min((widthPx * 360) / (TILE * dx), (VIEW_PX.height * 360) / (TILE * dy)));
  return Math.min(maxZoom, Math.round(z * 100) / 100);
}

/** A camera, as a step writes it or as its resolved map state holds it. */
export type ViewCamera =
  | { type: 'center'; center: [number, number]; zoom: number; pitch?: number }
  | { type: 'bounds'; bounds: Bbox; maxZoom: number };

/**
 * What a camera shows, measured once for the whole basemap (the region archive's coverage,
 * `npm run check`'s coverage warning and the street detail of src/basemap/detail.ts): a fixed
 * camera's box on a VIEW_PX map; a framed one's bounds with the box around them at the zoom
 * that fits them on a phone, its widest view.
 */
export function cameraView(c: ViewCamera): StepView {
  if (c.type === 'center') return { bbox: cameraBox(c.center, c.zoom, c.pitch ?? 0), zoom: c.zoom };
  const b = c.bounds;
  const zoom = fitZoom(b, c.maxZoom);
  return { bbox: unionBbox([b, cameraBox([(b[0] + b[2]) / 2, (b[1] + b[3]) / 2], zoom)])!, zoom };
}

/**
 * The closest zoom a camera is seen at on any screen: a fixed camera's zoom; a framed one's
 * on the widest map (VIEW_PX), where it fits tightest.
 */
export const closestZoom = (c: ViewCamera): number =>
  c.type === 'center' ? c.zoom : fitZoom(c.bounds, c.maxZoom, VIEW_PX.width);

/** A step's view from its frontmatter: its camera, or the places it fits (cameraView). */
export function stepView(
  step: Pick<StepFrontmatter, 'camera' | 'fit'>,
  featureById: ReadonlyMap<string, StoryFeature>,
  fitMaxZoom: number,
): StepView | undefined {
  if (step.camera)
    return cameraView({
      type: 'center',
      center: step.camera.center as [number, number],
      zoom: step.camera.zoom,
      pitch: step.camera.pitch ?? 0,
    });
  const places = (step.fit ?? []).flatMap((id) => {
    const f = featureById.get(id);
    return f ? [displayFeature(f).bbox] : [];
  });
  const b = unionBbox(places);
  return b && cameraView({ type: 'bounds', bounds: b, maxZoom: fitMaxZoom });
}

export const grow = (b: Bbox, share: number): Bbox => {
  const dx = (b[2] - b[0]) * share;
  const dy = (b[3] - b[1]) * share;
  return [
    r4(Math.max(-180, b[0] - dx)),
    r4(clampLat(b[1] - dy)),
    r4(Math.min(180, b[2] + dx)),
    r4(clampLat(b[3] + dy)),
  ];
};
const overlaps = (a: Bbox, b: Bbox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
export const contains = (outer: Bbox, inner: Bbox) =>
  outer[0] <= inner[0] && outer[1] <= inner[1] && outer[2] >= inner[2] && outer[3] >= inner[3];

/** Boxes merged into the box around them wherever they overlap, until none do; sorted, so the result is deterministic. */
export function mergeBoxes<T extends { bbox: Bbox }>(items: T[], merge: (a: T, b: T, bbox: Bbox) => T): T[] {
  let out = [...items];
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 0; i < out.length && !changed; i++)
      for (let j = i + 1; j < out.length && !changed; j++) {
        if (!overlaps(out[i]!.bbox, out[j]!.bbox)) continue;
        const m = merge(out[i]!, out[j]!, unionBbox([out[i]!.bbox, out[j]!.bbox])!);
        out = [...out.filter((_, k) => k !== i && k !== j), m];
        changed = true;
      }
  }
  return out.sort((a, b) => a.bbox[0] - b.bbox[0] || a.bbox[1] - b.bbox[1]);
}

/** The coverage the steps' views need: each view with MARGIN around it, merged where boxes of the same depth overlap. */
export function coverageFor(views: StepView[]): Coverage {
  const byDepth = new Map<number, { bbox: Bbox; zoom: number }[]>();
  for (const v of views.filter((v) => v.zoom >= REGIONAL_FROM_ZOOM)) {
    const zoom = Math.ceil(v.zoom * 10) / 10;
    const depth = tileZoomFor(zoom);
    byDepth.set(depth, [...(byDepth.get(depth) ?? []), { bbox: grow(v.bbox, MARGIN), zoom }]);
  }
  const areas = [...byDepth.keys()]
    .sort((a, b) => a - b)
    .flatMap((d) => mergeBoxes(byDepth.get(d)!, (a, b, bbox) => ({ bbox, zoom: Math.max(a.zoom, b.zoom) })));
  return { areas };
}

/**
 * What is wrong with a step's view for the committed coverage, or undefined when it is covered.
 * The message says what to run; the caller adds the file, line and field.
 */
export function coverageMessage(view: StepView, coverage: Coverage): Said | undefined {
  // Below REGIONAL_MIN the map draws the world archive alone, which covers the whole earth.
  if (view.zoom < REGIONAL_MIN) return undefined;
  const zoom = Math.round(view.zoom * 10) / 10;
  const where = `zoom ${zoom} around ${r4((view.bbox[0] + view.bbox[2]) / 2)}, ${r4((view.bbox[1] + view.bbox[3]) / 2)}`;
  const around = coverage.areas.filter((a) => contains(a.bbox, view.bbox));
  if (around.length === 0) return says('basemap.outside-coverage', { where });
  const best = Math.max(...around.map((a) => detailZoomFor(a.zoom)));
  if (view.zoom > best) return says('basemap.past-detail', { where, best });
  return undefined;
}
