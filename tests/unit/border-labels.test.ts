import { createRequire } from 'node:module';
import { describe, expect, test } from 'vitest';
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import { borderLabelPoints, countryNameExtent } from '../../src/basemap/border-labels';
import { countryNamePx, nameBox } from '../../src/basemap/name-box';
import { mercX, mercY } from '../../src/core/mercator';

const require = createRequire(import.meta.url);
type Outline = Feature<Polygon | MultiPolygon>;
const square = (w: number, s: number, e: number, n: number): Outline =>
  turf.polygon([
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ]);
/** Pixels at a zoom between two points (Web Mercator, 512 px world at zoom 0). */
const px = (a: number[], b: number[], z: number) =>
  Math.hypot(mercX(a[0]!) - mercX(b[0]!), mercY(a[1]!) - mercY(b[1]!)) * 512 * 2 ** z;
const extent = { halfWidth: 30, halfHeight: 20 };
const world: [number, number, number, number] = [-180, -85, 180, 85];

describe('borderLabelPoints', () => {
  // West and east of a north–south border at 1° E, sea on every other side. At zoom 8 a degree
  // is about 364 px.
  const west = square(0, 0, 1, 1);
  const east = square(1, 0, 2, 1);

  test("a country's name stands beside a land border, on its side, with its box clear of the line", () => {
    const points = borderLabelPoints(west, [east], 8, extent, world);
    // The border is ~364 px long: a point every 120 px along it, each with room for its box.
    expect(points).toHaveLength(3);
    for (const p of points) {
      const gap = px(p, [1, p[1]!], 8);
      // The box's half width, a 6 px gap, and no further in than a few steps of the search.
      expect(gap).toBeGreaterThanOrEqual(extent.halfWidth + 6 - 0.5);
      expect(gap).toBeLessThan(extent.halfWidth + 6 + 12);
      expect(turf.booleanPointInPolygon(p, west)).toBe(true);
    }
    // The neighbour's names, on its own side.
    const theirs = borderLabelPoints(east, [west], 8, extent, world);
    expect(theirs).toHaveLength(3);
    for (const p of theirs) expect(p[0]).toBeGreaterThan(1);
  });

  test('coasts get no name: the sea is no country', () => {
    expect(borderLabelPoints(west, [], 8, extent, world)).toEqual([]);
    expect(borderLabelPoints(west, [square(5, 5, 6, 6)], 8, extent, world)).toEqual([]);
  });

  test('across an east–west border a name keeps its height clear, and only points inside the box asked for come back', () => {
    const south = square(0, 0, 1, 1);
    const north = square(0, 1, 1, 2);
    const points = borderLabelPoints(south, [north], 8, extent, world);
    expect(points).toHaveLength(3);
    for (const p of points) expect(px(p, [p[0]!, 1], 8)).toBeGreaterThanOrEqual(extent.halfHeight + 6 - 0.5);
    const half = borderLabelPoints(south, [north], 8, extent, [0, 0, 0.5, 2]);
    expect(half.length).toBeGreaterThan(0);
    expect(half.length).toBeLessThan(points.length);
    for (const p of half) expect(p[0]).toBeLessThanOrEqual(0.5);
  });

  test('a narrow strip with no room for the name gets none', () => {
    // 0.1° is ~36 px at zoom 8: a 60 px wide name does not fit across it.
    const strip = square(0.9, 0, 1, 1);
    expect(borderLabelPoints(strip, [east], 8, extent, world)).toEqual([]);
  });

  test('on real outlines (Natural Earth 1:10m), a close-up of the Rhine at Strasbourg names France west of the border and Germany east of it', () => {
    const atlas = require('world-atlas/countries-10m.json');
    const countries = feature(atlas, atlas.objects.countries) as unknown as { features: Outline[] };
    const outlines = new Map(countries.features.map((f) => [f.properties!.name as string, f]));
    const [france, germany] = [outlines.get('France')!, outlines.get('Germany')!];
    const box: [number, number, number, number] = [7.5, 48.3, 8.1, 48.8];
    const z = 11;
    const fr = borderLabelPoints(france, [germany], z, countryNameExtent('France', 'فرنسا', z), box);
    const de = borderLabelPoints(germany, [france], z, countryNameExtent('Germany', 'ألمانيا', z), box);
    expect(fr.length).toBeGreaterThan(0);
    expect(de.length).toBeGreaterThan(0);
    // Each name's whole box is on its side, wherever MapLibre puts it: centred on its point,
    // or a line above or below (the style's variable anchors, one em of text each way).
    const degPerPx = 360 / (512 * 2 ** z);
    const boxInside = (at: number[], en: string, ar: string, outline: Outline) => {
      const box = nameBox('country', en, ar, z);
      // A line above or below: its box's edge one em from the point.
      const shift = countryNamePx(z) + box.halfHeight;
      const kmLat = Math.cos((at[1]! * Math.PI) / 180);
      return [-shift, 0, shift].every((dy) =>
        [-1, 1].every((sx) =>
          [-1, 1].every((sy) =>
            turf.booleanPointInPolygon(
              [
                at[0]! + sx * box.halfWidth * degPerPx,
                at[1]! - (dy + sy * box.halfHeight) * degPerPx * kmLat,
              ],
              outline,
            ),
          ),
        ),
      );
    };
    for (const at of fr) expect(boxInside(at, 'France', 'فرنسا', france), `France at ${at}`).toBe(true);
    for (const at of de) expect(boxInside(at, 'Germany', 'ألمانيا', germany), `Germany at ${at}`).toBe(true);
    // Beside the border: each within a couple of names' height of it, not deep inside.
    const lines = turf.flatten(turf.polygonToLine(germany) as never).features;
    const km = (at: number[]) =>
      Math.min(...lines.map((l) => turf.pointToLineDistance(at, l as never, { units: 'kilometers' })));
    const kmPerPx = (40075 * Math.cos((48.5 * Math.PI) / 180)) / (512 * 2 ** z);
    for (const at of [...fr, ...de]) expect(km(at)).toBeLessThan(200 * kmPerPx);
  });
});
