import { describe, expect, test } from 'vitest';
import { namesToHide, type PlacedName } from '../../src/map/one-name-per-area';

const centre = { x: 400, y: 300 };
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
    expect([...namesToHide(placed, centre)].sort()).toEqual([1, 3, 4]);
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
    expect([...namesToHide(placed, centre)].sort()).toEqual([1, 6]);
  });

  test('a point placed from two tiles (one id, twice) is kept or hidden as one', () => {
    const placed = [
      p(7, 'country', 'Syria', 390, 300),
      p(7, 'country', 'Syria', 390, 300),
      p(8, 'country', 'Syria', 50, 50),
      p(8, 'country', 'Syria', 50, 50),
    ];
    expect([...namesToHide(placed, centre)]).toEqual([8]);
  });

  test('two points as near the centre: the same one is kept whatever the order', () => {
    const a = p(11, 'country', 'Iraq', 300, 300);
    const b = p(12, 'country', 'Iraq', 500, 300);
    expect([...namesToHide([a, b], centre)]).toEqual([12]);
    expect([...namesToHide([b, a], centre)]).toEqual([12]);
  });

  test('nothing placed, nothing hidden', () => {
    expect(namesToHide([], centre).size).toBe(0);
  });
});
