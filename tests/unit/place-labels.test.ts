import { describe, expect, test } from 'vitest';
import { placeLabels, type Box, type LabelBox } from '../../src/map/place-labels';
import { expectGolden } from './golden';

const map: Box = { left: 0, top: 0, right: 800, bottom: 600 };
/** A label 100 × 20 px whose top-left corner is at x, y. */
const at = (x: number, y: number, w = 100, h = 20): Box => ({ left: x, top: y, right: x + w, bottom: y + h });
const label = (id: string, rect: Box, over: Partial<LabelBox> = {}): LabelBox => ({
  id,
  rect,
  area: false,
  highlighted: false,
  ...over,
});
const byId = (ps: ReturnType<typeof placeLabels>) => Object.fromEntries(ps.map((p) => [p.id, p]));
const overlap = (a: Box, b: Box) =>
  a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;
const placedBox = (l: LabelBox, p: { dx: number; dy: number }): Box => ({
  left: l.rect.left + p.dx,
  right: l.rect.right + p.dx,
  top: l.rect.top + p.dy,
  bottom: l.rect.bottom + p.dy,
});

describe('placeLabels', () => {
  test("a point's label that runs off the right edge goes left of its dot", () => {
    const p = byId(placeLabels([label('east', at(750, 100))], map, []));
    expect(p.east).toMatchObject({ dx: -116, dy: 0, flipped: true, collided: false });
  });

  test("an area's label slides into view, unless its anchor is off the map", () => {
    const p = byId(
      placeLabels(
        [label('west', at(-30, 100), { area: true }), label('gone', at(-70, 300), { area: true })],
        map,
        [],
      ),
    );
    expect(p.west).toMatchObject({ dx: 32, collided: false });
    expect(p.gone).toMatchObject({ collided: true });
  });

  test('the highlighted label is placed first: the other one gives way, not it', () => {
    const ps = placeLabels(
      [label('other', at(100, 100)), label('main', at(120, 105), { highlighted: true })],
      map,
      [],
    );
    expect(ps.map((p) => p.id)).toEqual(['main', 'other']);
    const p = byId(ps);
    expect(p.main).toMatchObject({ dx: 0, dy: 0 });
    // Just below "main" (its bottom, 125, plus 2 px), the first place tried.
    expect(p.other!.dy).toBe(27);
  });

  test("a label under the page's controls moves below them; with no room it is hidden, unless highlighted", () => {
    const legend = at(0, 500, 800, 100);
    const p = byId(
      placeLabels(
        [
          label('low', at(300, 490)),
          label('buried', at(300, 560)),
          label('key', at(500, 560), { highlighted: true }),
        ],
        map,
        [legend],
      ),
    );
    expect(p.low).toMatchObject({ dy: -12, collided: false });
    expect(p.buried!.collided).toBe(true);
    expect(p.key).toMatchObject({ dx: 0, dy: 0, collided: false });
  });

  test('no two shown labels overlap, and none covers a control (a crowded map)', () => {
    const labels = Array.from({ length: 30 }, (_, i) =>
      label(`l${i}`, at(((i * 137) % 700) + 10, ((i * 89) % 560) + 5)),
    );
    const covers = [at(0, 0, 800, 40)];
    const ps = placeLabels(labels, map, covers);
    const shown = ps
      .filter((p) => !p.collided)
      .map((p) =>
        placedBox(
          labels.find((l) => l.id === p.id)!,
          p,
        ),
      );
    expect(shown.length).toBeGreaterThan(10);
    shown.forEach((a, i) => {
      for (const b of shown.slice(i + 1)) expect(overlap(a, b)).toBe(false);
      for (const c of covers) expect(overlap(a, c)).toBe(false);
    });
  });

  test('golden: a crowded story map', () => {
    const labels = [
      label('capital', at(380, 290), { highlighted: true }),
      label('province', at(300, 250, 160, 20), { area: true }),
      label('river', at(390, 300)),
      label('airport', at(720, 310)),
      label('border-town', at(-20, 200, 120, 20), { area: true }),
      label('under-legend', at(400, 520)),
    ];
    expectGolden('place-labels', placeLabels(labels, map, [at(0, 500, 800, 100)]));
  });
});
