import { describe, expect, test } from 'vitest';
import { namesToHide, sparesToShow, type PlacedName } from '../../src/map/names-to-hide';
import { countryNamePx, nameBox } from '../../src/basemap/name-box';
import { basemapStyle } from '../../src/basemap/style';

const view = { width: 800, height: 600 };
const p = (id: number, kind: string, name: string, x: number, y: number): PlacedName => ({
  id,
  kind,
  name,
  x,
  y,
});

describe('namesToHide', () => {
  test('of four points naming one province, the one nearest the centre stays', () => {
    const placed = [
      p(1, 'province', 'Kirkuk', 100, 100),
      p(2, 'province', 'Kirkuk', 380, 320),
      p(3, 'province', 'Kirkuk', 700, 100),
      p(4, 'province', 'Kirkuk', 650, 550),
    ];
    expect([...namesToHide(placed, view)].sort()).toEqual([1, 3, 4]);
  });

  test('each name and kind keeps its own nearest point; a name drawn once is never hidden', () => {
    const placed = [
      p(1, 'country', 'Iraq', 100, 300),
      p(2, 'country', 'Iraq', 500, 300),
      p(3, 'country', 'Iran', 750, 50),
      p(4, 'province', 'Iraq', 100, 300),
      p(5, 'province', 'Diyala', 420, 280),
      p(6, 'province', 'Diyala', 10, 10),
    ];
    expect([...namesToHide(placed, view)].sort()).toEqual([1, 6]);
  });

  test('a point placed from two tiles (one id, twice) is kept or hidden as one', () => {
    const placed = [
      p(7, 'country', 'Syria', 390, 300),
      p(7, 'country', 'Syria', 390, 300),
      p(8, 'country', 'Syria', 50, 50),
      p(8, 'country', 'Syria', 50, 50),
    ];
    expect([...namesToHide(placed, view)]).toEqual([8]);
  });

  test('two points as near the centre: the same one is kept whatever the order', () => {
    const a = p(11, 'country', 'Iraq', 300, 300);
    const b = p(12, 'country', 'Iraq', 500, 300);
    expect([...namesToHide([a, b], view)]).toEqual([12]);
    expect([...namesToHide([b, a], view)]).toEqual([12]);
  });

  test('nothing placed, nothing hidden', () => {
    expect(namesToHide([], view).size).toBe(0);
  });

  test('a name cut by the edge of the map is hidden, even when it is the only one; one inside stays', () => {
    // Deir ez-Zor's division at the left edge of a laptop's map drew as "Z-ZOR".
    const box = nameBox('province', 'DEIR EZ-ZOR', 'دير الزور', 8);
    expect(box.halfWidth).toBeGreaterThan(30);
    const placed = [
      { ...p(21, 'province', 'Deir ez-Zor', 10, 200), ...box },
      { ...p(22, 'province', 'Salah al-Din', 500, 200), ...nameBox('province', 'SALAH AL-DIN', '', 8) },
      // Nearer the centre than 24, but half under the bottom edge.
      { ...p(23, 'country', 'Syria', 400, 598), ...nameBox('country', 'Syria', 'سوريا', 6) },
      { ...p(24, 'country', 'Syria', 60, 300), ...nameBox('country', 'Syria', 'سوريا', 6) },
    ];
    expect([...namesToHide(placed, view)].sort()).toEqual([21, 23]);
  });

  test("a long name's box is capped where the style wraps it", () => {
    const long = nameBox('province', 'SOME VERY LONG DIVISION NAME INDEED', '', 8);
    expect(long.halfWidth).toBe((8 * 10.5) / 2);
  });

  test("a country name's size follows the style's: 11 px to zoom 3, 15 from zoom 7, linear between", () => {
    expect([2, 3, 5, 7, 9].map(countryNamePx)).toEqual([11, 11, 13, 15, 15]);
    const layer = basemapStyle('http://x/').layers.find((l) => l.id.endsWith('-country-labels'));
    expect((layer as { layout: Record<string, unknown> }).layout['text-size']).toEqual([
      'interpolate',
      ['linear'],
      ['zoom'],
      3,
      11,
      7,
      15,
    ]);
  });

  test('a town or lake cut by the edge is hidden; two towns of one name are both kept', () => {
    // Laptop, Trump–Iran step: "osul" and "e Tharthar" on the left edge.
    const mosul = nameBox('place', 'Mosul', 'الموصل', 6, 2);
    const lake = nameBox('lake', 'Lake Tharthar', 'بحيرة الثرثار', 6);
    const placed = [
      { ...p(31, 'place', 'Mosul', 12, 160 + mosul.dy), ...mosul },
      { ...p(32, 'lake', 'Lake Tharthar', 20, 390), ...lake },
      { ...p(33, 'place', 'Kirkuk', 300, 250), ...nameBox('place', 'Kirkuk', 'كركوك', 6, 3) },
      { ...p(34, 'place', 'Kirkuk', 600, 250), ...nameBox('place', 'Kirkuk', 'كركوك', 6, 3) },
    ];
    expect([...namesToHide(placed, view)].sort()).toEqual([31, 32]);
  });

  test("a town's name hangs below its point: a point just inside the bottom edge is cut", () => {
    const box = nameBox('place', 'Amarah', 'العمارة', 6, 3);
    // Two lines of 11 px (English, then Arabic at 0.92), 0.3 em below the point.
    expect(box.halfHeight).toBeCloseTo(((1 + 0.92) * 11 * 1.2) / 2, 5);
    expect(box.dy).toBeCloseTo(0.3 * 11 + box.halfHeight, 5);
    const at = (y: number) => ({ ...p(41, 'place', 'Amarah', 400, y + box.dy), ...box });
    expect([...namesToHide([at(590)], view)]).toEqual([41]);
    expect([...namesToHide([at(560)], view)]).toEqual([]);
  });

  test('a name longer than the wrap width takes more lines, not more width', () => {
    const one = nameBox('place', 'Short', '', 8, 3);
    const long = nameBox('place', 'A Town With A Name Long Enough To Wrap Twice', '', 8, 3);
    expect(long.halfWidth).toBe((10 * 11) / 2);
    expect(long.halfHeight).toBeCloseTo(3 * one.halfHeight, 5);
  });
});

describe('sparesToShow', () => {
  const syria = (id: number, x: number, y: number) => ({
    ...p(id, 'country', 'Syria', x, y),
    ...nameBox('country', 'Syria', 'سوريا', 7),
  });

  test('a country the view names nowhere gets one spare name, the one nearest the centre', () => {
    // A laptop's view over Iraq with Syria's strip on its left: no point of the wide grid there.
    const spares = [syria(1, 60, 120), syria(2, 70, 330), syria(3, 60, 520)];
    expect([...sparesToShow(spares, new Set(['Iraq']), view)]).toEqual([2]);
  });

  test('a country already named in view gets none', () => {
    expect(sparesToShow([syria(1, 60, 120)], new Set(['Syria']), view).size).toBe(0);
  });

  test('a spare the edge would cut is never shown', () => {
    expect(sparesToShow([syria(1, 5, 300)], new Set(), view).size).toBe(0);
  });
});
