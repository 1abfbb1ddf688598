/**
 * A step's map as a static SVG, drawn at build time from the same data as the live
 * map: for readers without WebGL or JavaScript, and for print. Pure: data in, text out.
 */
import { geoMercator, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { DisplayProps } from '../story/display';
import { maxZoomToContain } from '../core/mercator';
import { HIGHLIGHT_COLOR } from '../story/kinds';
import { labelCentred, labelText, type MapLabel } from '../story/map-label';
import type { MapState } from '../story/map-state';
import { orientationLayers, type Town } from './orientation-layers';

export const STATIC_MAP = { width: 800, height: 520, padding: 40 } as const;

export interface StaticMapInput {
  state: MapState;
  countries: { land: FeatureCollection; borders: FeatureCollection };
  story: FeatureCollection<Geometry, DisplayProps>;
  labels: MapLabel[];
  /** Accessible name of the image, e.g. the step title. */
  title: string;
  /** Towns the locator inset may name (the basemap's); no inset without them. */
  towns?: Town[];
}

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** d3 draws polygons clockwise (the opposite of RFC 7946): rewind a copy. */
function forD3<T extends Feature | FeatureCollection>(f: T): T {
  return turf.rewind(f as never, { reverse: true, mutate: false }) as unknown as T;
}

/** Every step of every story draws the same land: rewind it once. */
const rewoundLand = new WeakMap<FeatureCollection, FeatureCollection>();
function landForD3(land: FeatureCollection): FeatureCollection {
  let r = rewoundLand.get(land);
  if (!r) rewoundLand.set(land, (r = forD3(land)));
  return r;
}

/** The projection of one step's static map: the same view as the live map's. */
function projectionFor(state: MapState) {
  const { width: W, height: H, padding: P } = STATIC_MAP;
  const projection = geoMercator().precision(0.2);
  if (state.camera.type === 'bounds') {
    const [w, s, e, n] = state.camera.bounds;
    const box = turf.bboxPolygon([w, s, e, n]);
    projection.fitExtent(
      [
        [P, P],
        [W - P, H - P],
      ],
      forD3(box),
    );
    // Same limit as the live map: a lone point keeps its surroundings.
    const maxScale = (512 * 2 ** state.camera.maxZoom) / (2 * Math.PI);
    if (projection.scale() > maxScale)
      projection
        .scale(maxScale)
        .center(turf.center(box).geometry.coordinates as [number, number])
        .translate([W / 2, H / 2]);
  } else {
    const cam = state.camera;
    const padding = { top: P, right: P, bottom: P, left: P };
    const zoom = state.focus
      ? Math.min(cam.zoom, maxZoomToContain(cam.center, state.focus, { width: W, height: H, padding }))
      : cam.zoom;
    projection
      .scale((512 * 2 ** zoom) / (2 * Math.PI))
      .center(cam.center)
      .translate([W / 2, H / 2])
      .angle(-cam.bearing);
  }
  return projection.clipExtent([
    [0, 0],
    [W, H],
  ]);
}

/**
 * The part of the world a story's static maps show, from its steps' views (with a margin):
 * the countries drawn under them are those that reach into it, wherever the story is.
 */
export function staticMapRegion(states: MapState[]): [number, number, number, number] {
  const { width: W, height: H } = STATIC_MAP;
  const r: [number, number, number, number] = [180, 90, -180, -90];
  for (const state of states) {
    const projection = projectionFor(state);
    for (const corner of [
      [0, 0],
      [W, 0],
      [0, H],
      [W, H],
    ] as [number, number][]) {
      const [lon, lat] = projection.invert!(corner) ?? [NaN, NaN];
      if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
      r[0] = Math.min(r[0], lon);
      r[1] = Math.min(r[1], lat);
      r[2] = Math.max(r[2], lon);
      r[3] = Math.max(r[3], lat);
    }
  }
  if (r[0] > r[2]) return [-180, -90, 180, 90];
  const mx = (r[2] - r[0]) * 0.1;
  const my = (r[3] - r[1]) * 0.1;
  return [
    Math.max(-180, r[0] - mx),
    Math.max(-90, r[1] - my),
    Math.min(180, r[2] + mx),
    Math.min(90, r[3] + my),
  ];
}

export function renderStaticMap(input: StaticMapInput): string {
  const { width: W, height: H } = STATIC_MAP;
  const { state } = input;
  const projection = projectionFor(state);
  const path = geoPath(projection).digits(1);
  const d = (g: GeoPermissibleObjects) => path(g) ?? '';
  /** Points are drawn by hand, so they are clipped by hand. */
  const inView = (p: [number, number] | null): p is [number, number] =>
    Boolean(p) && p![0] >= 0 && p![0] <= W && p![1] >= 0 && p![1] <= H;

  const visible = new Set(state.visible);
  const highlight = new Set(state.highlight);
  const story = input.story.features.filter((f) => visible.has(f.properties.ref));
  const shapes = story.map((f) => {
    const color = f.properties.color;
    const g = forD3(f);
    const dashed = f.properties.draw === 'area' || f.properties.schematic;
    if (f.geometry.type === 'Point') {
      const p = projection(f.geometry.coordinates as [number, number]);
      if (!inView(p)) return '';
      return `<circle cx="${p[0].toFixed(1)}" cy="${p[1].toFixed(1)}" r="5" fill="${color}" stroke="#fff" stroke-width="1.5"/>`;
    }
    if (f.geometry.type === 'LineString' || f.geometry.type === 'MultiLineString') {
      return `<path d="${d(g)}" fill="none" stroke="${color}" stroke-width="4" stroke-linecap="round" stroke-opacity="0.8"/>`;
    }
    const fillOpacity = f.properties.draw === 'area' ? 0.16 : 0.1;
    return `<path d="${d(g)}" fill="${color}" fill-opacity="${fillOpacity}" stroke="${color}" stroke-width="1.5"${dashed ? ' stroke-dasharray="6 4"' : ''}/>`;
  });
  const highlights = story
    .filter((f) => highlight.has(f.properties.ref))
    .map((f) => {
      if (f.geometry.type === 'Point') {
        const p = projection(f.geometry.coordinates as [number, number]);
        return inView(p)
          ? `<circle cx="${p[0].toFixed(1)}" cy="${p[1].toFixed(1)}" r="9" fill="none" stroke="${HIGHLIGHT_COLOR}" stroke-width="3"/>`
          : '';
      }
      return `<path d="${d(forD3(f))}" fill="${f.geometry.type.includes('Polygon') ? HIGHLIGHT_COLOR : 'none'}" fill-opacity="0.12" stroke="${HIGHLIGHT_COLOR}" stroke-width="3"/>`;
    });

  // Labels, most important first; a label that would cover a placed one is left out.
  const placed: [number, number, number, number][] = [];
  const labels = input.labels
    .filter((l) => visible.has(l.id))
    .sort(
      (a, b) => Number(highlight.has(b.id)) - Number(highlight.has(a.id)) || Number(b.area) - Number(a.area),
    )
    .flatMap((l) => {
      const p = projection(l.at);
      if (!inView(p)) return [];
      const text = labelText(l);
      const centred = labelCentred(l);
      const alt = l.alt ?? [];
      const w = Math.max(text.length, ...alt.map((a) => a.text.length)) * 7.2;
      const x = centred ? p[0] - w / 2 : p[0] + 9;
      // The story's further label languages go on lines under the label, as on the live map.
      const box: [number, number, number, number] = [x - 2, p[1] - 10, x + w + 2, p[1] + 6 + alt.length * 14];
      if (placed.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1])) return [];
      placed.push(box);
      const weight = highlight.has(l.id) ? 700 : 600;
      return [
        `<text x="${x.toFixed(1)}" y="${(p[1] + 4).toFixed(1)}" font-weight="${weight}">${esc(text)}</text>`,
        ...alt.map(
          (a, i) =>
            `<text x="${x.toFixed(1)}" y="${(p[1] + 18 + i * 14).toFixed(1)}" font-weight="500" xml:lang="${esc(a.lang)}">${esc(a.text)}</text>`,
        ),
      ];
    });

  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(input.title)}">`,
    `<rect width="${W}" height="${H}" fill="#d9e4ea"/>`,
    `<path d="${d(landForD3(input.countries.land))}" fill="#f3f0e8"/>`,
    `<path d="${d(input.countries.borders)}" fill="none" stroke="#8f887c" stroke-width="1"/>`,
    ...shapes,
    ...highlights,
    `<g font-family="system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', Arial, sans-serif" font-size="13" fill="#1d1d1f" stroke="#fff" stroke-width="3" paint-order="stroke" stroke-linejoin="round">`,
    ...labels,
    `</g>`,
    // Scale bar, north arrow when turned, locator inset at close zoom: clear of what is drawn.
    orientationLayers({
      projection,
      size: STATIC_MAP,
      state,
      countries: input.countries,
      towns: input.towns,
      occupied: [
        ...placed,
        ...story.map((f) => {
          const [[x0, y0], [x1, y1]] = path.bounds(forD3(f));
          return [x0 - 10, y0 - 10, x1 + 10, y1 + 10] as [number, number, number, number];
        }),
      ],
    }),
    `<text x="${W - 6}" y="${H - 6}" text-anchor="end" font-family="system-ui, sans-serif" font-size="11" fill="#5a5a5e">Country outlines: Natural Earth</text>`,
    `</svg>`,
  ].join('\n');
}
