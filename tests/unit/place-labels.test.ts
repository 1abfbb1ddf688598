import { describe, expect, test } from 'vitest';
import type { Box } from '../../src/map/boxes';
import { obstaclesOf, type Obstacle } from '../../src/map/label-obstacles';
import { placeLabels, type LabelBox } from '../../src/map/place-labels';
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

  test('an area smaller on screen than its name has the name beside it, not over it; at the right edge, on its left', () => {
    // A city's 16-px circle at a country's zoom, its 100-px name centred on it, and one near the right edge.
    const city: Box = { left: 292, right: 308, top: 102, bottom: 118 };
    const edge: Box = { left: 762, right: 778, top: 302, bottom: 318 };
    const p = byId(
      placeLabels(
        [
          label('city', at(250, 100), { area: true, highlighted: true, own: city }),
          label('edge', at(720, 300), { area: true, own: edge }),
          label('wide', at(250, 400), { area: true, own: { left: 180, right: 420, top: 350, bottom: 470 } }),
        ],
        map,
        [],
      ),
    );
    // Its left edge 8 px right of the circle (308 + 8 − 250).
    expect(p.city).toMatchObject({ dx: 66, dy: 0, collided: false });
    // Its right edge 8 px left of the circle: 762 − 8 − 100 − 720.
    expect(p.edge).toMatchObject({ dx: -66, dy: 0, flipped: true, collided: false });
    // A large area keeps its name on it.
    expect(p.wide).toMatchObject({ dx: 0, dy: 0, collided: false });
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

  test("a label under the page's controls moves off them; with no room near its place it is hidden; a highlighted one may go farther", () => {
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
    // Above the legend (its top, 500, less 2 px), four of its heights up: the step's subject keeps its name.
    expect(p.key).toMatchObject({ dx: 0, dy: -82, collided: false });
  });

  test('two highlighted areas whose names meet: the second moves clear of the first, not over it', () => {
    // A phone's map: two strike areas side by side, their names centred on them, overlapping.
    const phone: Box = { left: 0, top: 0, right: 390, bottom: 500 };
    const labels = [
      label('iraq', at(60, 240, 260, 18), { area: true, highlighted: true }),
      label('syria', at(20, 246, 250, 18), { area: true, highlighted: true }),
    ];
    const ps = placeLabels(labels, phone, []);
    const p = byId(ps);
    expect(p.iraq).toMatchObject({ dx: 0, dy: 0, collided: false });
    expect(p.syria!.collided).toBe(false);
    expect(overlap(placedBox(labels[0]!, p.iraq!), placedBox(labels[1]!, p.syria!))).toBe(false);
  });

  test('a highlighted label with nowhere clear is hidden, not drawn over another', () => {
    const tiny: Box = { left: 0, top: 0, right: 120, bottom: 24 };
    const p = byId(
      placeLabels(
        [
          label('first', at(10, 2, 100, 20), { highlighted: true }),
          label('second', at(12, 3, 100, 20), { highlighted: true }),
        ],
        tiny,
        [],
      ),
    );
    expect(p.first!.collided).toBe(false);
    expect(p.second!.collided).toBe(true);
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

  test("a label never covers a highlighted place's ring, line or outline, nor another place's dot; by its own it stays", () => {
    // A highlighted crossing whose ring the town's label would cover, a river highlighted across
    // the map, a highlighted area's outline, and the town's own dot under its label's edge.
    const drawn = [
      ...crossingAndRiver(),
      ...obstaclesOf(
        'zone',
        {
          type: 'polygon',
          rings: [
            [
              [500, 400],
              [700, 400],
              [700, 480],
              [500, 480],
              [500, 400],
            ],
          ],
          width: 3,
        },
        map,
      ),
    ];
    const labels = [
      label('town', at(300, 100)),
      label('crossing', at(341, 100), { highlighted: true }),
      label('bridge', at(380, 310)),
      label('zone', at(540, 430, 120, 20), { area: true, highlighted: true }),
      label('inside', at(560, 470)),
    ];
    const ps = placeLabels(labels, map, [], drawn);
    const shown = ps.filter((p) => !p.collided);
    for (const p of shown) {
      const box = placedBox(
        labels.find((l) => l.id === p.id)!,
        p,
      );
      for (const d of drawn.filter((d) => d.owner !== p.id))
        expect(overlap(box, d.box), `${p.id} over ${d.owner}`).toBe(false);
    }
    const p = byId(ps);
    // The highlighted label stays by its ring; the zone's label on its own area.
    expect(p.crossing).toMatchObject({ dx: 0, dy: 0, collided: false });
    expect(p.zone).toMatchObject({ dx: 0, dy: 0, collided: false });
    // The town's label would cover the crossing's ring: it moves just below it, still shown.
    expect(p.town).toMatchObject({ dx: 0, dy: 22, collided: false });
    // Over the river, just off it; on the zone's outline, off it.
    expect(p.bridge!.collided).toBe(false);
    expect(p.bridge!.dy).not.toBe(0);
    expect(p.inside!.collided || p.inside!.dy !== 0).toBe(true);
  });

  test('a small area is in the way as a whole, a large one by its outline; boxes off the map are left out', () => {
    const square = (x: number, y: number, s: number): [number, number][] => [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
      [x, y],
    ];
    const small = obstaclesOf('small', { type: 'polygon', rings: [square(100, 100, 40)], width: 3 }, map);
    expect(small.map((o) => o.box)).toEqual([{ left: 100, right: 140, top: 100, bottom: 140 }]);
    const large = obstaclesOf('large', { type: 'polygon', rings: [square(100, 100, 300)], width: 3 }, map);
    const inner = { left: 120, right: 380, top: 120, bottom: 380 };
    expect(large.some((o) => overlap(o.box, inner))).toBe(false);
    // No gap in the chain: every pixel of the outline is under a box.
    for (let t = 0; t <= 300; t++)
      for (const [x, y] of [
        [100 + t, 100],
        [400, 100 + t],
        [100 + t, 400],
        [100, 100 + t],
      ])
        expect(
          large.some((o) => o.box.left <= x! && x! <= o.box.right && o.box.top <= y! && y! <= o.box.bottom),
          `${x},${y}`,
        ).toBe(true);
    const off = obstaclesOf('off', { type: 'point', at: [900, 100], radius: 7 }, map);
    expect(off).toEqual([]);
  });
});

/** The four sides of a square, clockwise from its top-left corner. */
const square = (x: number, y: number, s: number): [number, number][] => [
  [x, y],
  [x + s, y],
  [x + s, y + s],
  [x, y + s],
  [x, y],
];
const crossingAndRiver = () => [
  ...obstaclesOf('crossing', { type: 'point', at: [330, 110], radius: 11 }, map),
  ...obstaclesOf('town', { type: 'point', at: [292, 110], radius: 7 }, map),
  ...obstaclesOf(
    'river',
    {
      type: 'line',
      path: [
        [0, 300],
        [400, 330],
        [800, 290],
      ],
      width: 3,
    },
    map,
  ),
];

/** Golden placements: each case's labels, controls and drawn places, and its file in tests/unit/golden/. */
const GOLDEN: {
  name: string;
  what: string;
  labels: LabelBox[];
  covers: Box[];
  drawn?: () => Obstacle[];
}[] = [
  {
    name: 'place-labels',
    what: 'a crowded story map',
    labels: [
      label('capital', at(380, 290), { highlighted: true }),
      label('province', at(300, 250, 160, 20), { area: true }),
      label('river', at(390, 300)),
      label('airport', at(720, 310)),
      label('border-town', at(-20, 200, 120, 20), { area: true }),
      label('under-legend', at(400, 520)),
    ],
    covers: [at(0, 500, 800, 100)],
  },
  {
    name: 'place-labels-obstacles',
    what: 'labels around a highlighted crossing, a river and an area',
    labels: [
      label('town', at(300, 100)),
      label('crossing', at(341, 100), { highlighted: true }),
      label('bridge', at(380, 310)),
      label('ford', at(100, 290)),
      label('airport', at(720, 280)),
    ],
    covers: [at(0, 500, 800, 100)],
    drawn: crossingAndRiver,
  },
  {
    name: 'place-labels-two-areas',
    what: "two highlighted areas side by side, their names meeting, a scale bar in the map's corner",
    labels: [
      label('north-area', at(250, 300, 300, 20), { area: true, highlighted: true }),
      label('south-area', at(230, 310, 280, 20), { area: true, highlighted: true }),
      label('town', at(520, 560)),
    ],
    covers: [at(690, 570, 100, 22)],
    drawn: () => [
      ...obstaclesOf('north-area', { type: 'polygon', rings: [square(200, 150, 400)], width: 3 }, map),
      ...obstaclesOf('south-area', { type: 'polygon', rings: [square(180, 260, 380)], width: 3 }, map),
      ...obstaclesOf('town', { type: 'point', at: [512, 570], radius: 5 }, map),
    ],
  },
];

describe('placeLabels: golden placements', () => {
  test.each(GOLDEN)('$what ($name)', ({ name, labels, covers, drawn }) => {
    expectGolden(name, placeLabels(labels, map, covers, drawn?.() ?? []));
  });
});
