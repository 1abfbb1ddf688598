/**
 * A locator map for the front page: a small static SVG of where a story takes place,
 * its places' extent drawn over the land (Natural Earth 1:110m via `world-atlas`).
 * Built at build time, a few kilobytes, no WebGL and nothing to load.
 */
import { createRequire } from 'node:module';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Bbox } from '../core/bbox';
import { mercX, mercY } from '../core/mercator';

const require = createRequire(import.meta.url);

export const EXTENT_MAP = { width: 160, height: 100 } as const;

let land: Position[][][] | undefined;
function landPolygons(): Position[][][] {
  if (land) return land;
  const topo = require('world-atlas/land-110m.json') as Topology<{ land: GeometryCollection }>;
  const fc = feature(topo, topo.objects.land) as unknown as {
    features: { geometry: Polygon | MultiPolygon }[];
  };
  land = fc.features.flatMap((f) =>
    f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates,
  );
  return land;
}

let borders: Position[][] | undefined;
function borderLines(): Position[][] {
  if (borders) return borders;
  const topo = require('world-atlas/countries-110m.json') as Topology<{ countries: GeometryCollection }>;
  borders = mesh(topo, topo.objects.countries, (a, b) => a !== b).coordinates;
  return borders;
}

/**
 * The view: the story's box three times over (so neighbouring countries show), at
 * least 20 degrees across, with the card's aspect ratio.
 */
function extentView(bbox: Bbox): { x0: number; y0: number; scale: number } {
  const { width, height } = EXTENT_MAP;
  const [x1, x2, y1, y2] = [mercX(bbox[0]), mercX(bbox[2]), mercY(bbox[3]), mercY(bbox[1])];
  const cx = (x1 + x2) / 2;
  const cy = (y1 + y2) / 2;
  let w = Math.max((x2 - x1) * 3, 20 / 360);
  let h = Math.max((y2 - y1) * 3, w * (height / width));
  w = Math.max(w, h * (width / height));
  h = w * (height / width);
  return { x0: cx - w / 2, y0: cy - h / 2, scale: width / w };
}

/** Whole pixels: on a 160 px card finer detail only adds bytes. */
const r1 = (n: number) => Math.round(n);

export function extentSvg(bbox: Bbox, label: string): string {
  const { width, height } = EXTENT_MAP;
  const v = extentView(bbox);
  const px = ([lon, lat]: Position): [number, number] => [
    (mercX(lon!) - v.x0) * v.scale,
    (mercY(lat!) - v.y0) * v.scale,
  ];
  // Clamping to a frame just outside the card keeps fills right and drops the rest of the world.
  const clamp = ([x, y]: [number, number]): [number, number] => [
    r1(Math.max(-2, Math.min(width + 2, x))),
    r1(Math.max(-2, Math.min(height + 2, y))),
  ];
  const paths: string[] = [];
  for (const poly of landPolygons()) {
    for (const ring of poly) {
      const pts = ring.map((p) => px(p));
      if (
        pts.every(([x]) => x < 0) ||
        pts.every(([x]) => x > width) ||
        pts.every(([, y]) => y < 0) ||
        pts.every(([, y]) => y > height)
      )
        continue;
      const out: [number, number][] = [];
      for (const p of pts.map(clamp)) {
        const last = out[out.length - 1];
        if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
      }
      if (out.length >= 3) paths.push(`M${out.map(([x, y]) => `${x} ${y}`).join('L')}Z`);
    }
  }
  const inView = ([x, y]: [number, number]) => x >= -2 && x <= width + 2 && y >= -2 && y <= height + 2;
  const lines: string[] = [];
  for (const line of borderLines()) {
    const pts = line.map((p) => px(p));
    let d = '';
    const at = (p: [number, number]) => `${r1(p[0])} ${r1(p[1])}`;
    pts.forEach((p, i) => {
      const prev = pts[i - 1];
      // Keep a segment when either end is on the card; start afresh after a gap.
      if (!inView(p) && !(prev && inView(prev))) return;
      if (!prev) d += `M${at(p)}`;
      else if (inView(prev)) d += `${d ? 'L' : `M${at(prev)}L`}${at(p)}`;
      else d += `M${at(prev)}L${at(p)}`;
    });
    if (d.includes('L')) lines.push(d);
  }
  const [a, b] = [px([bbox[0], bbox[3]]), px([bbox[2], bbox[1]])];
  // A box at least 6 px across, so a story about one town still shows where it is.
  const bw = Math.max(6, b[0] - a[0]);
  const bh = Math.max(6, b[1] - a[1]);
  const bx = (a[0] + b[0]) / 2 - bw / 2;
  const by = (a[1] + b[1]) / 2 - bh / 2;
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return [
    `<svg class="extent-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(label)}">`,
    `<rect width="${width}" height="${height}" fill="#d9e4ea"/>`,
    `<path d="${paths.join('')}" fill="#f4f1ea" stroke="#b9b3a6" stroke-width="0.5" fill-rule="evenodd"/>`,
    `<path d="${lines.join('')}" fill="none" stroke="#9a9486" stroke-width="0.6" stroke-dasharray="2 1.5"/>`,
    `<rect class="extent" x="${r1(bx)}" y="${r1(by)}" width="${r1(bw)}" height="${r1(bh)}" fill="rgba(192,57,43,0.15)" stroke="#c0392b" stroke-width="1.5"/>`,
    '</svg>',
  ].join('');
}

/** "33°N 44°E": where a box's middle is, for the map's text alternative. */
export function placeLabel(bbox: Bbox): string {
  const lat = (bbox[1] + bbox[3]) / 2;
  const lon = (bbox[0] + bbox[2]) / 2;
  return `${Math.round(Math.abs(lat))}°${lat >= 0 ? 'N' : 'S'} ${Math.round(Math.abs(lon))}°${lon >= 0 ? 'E' : 'W'}`;
}
