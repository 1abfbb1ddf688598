/** Orientation aids drawn at build time: scale bar lengths, when the inset shows, where it goes. */
import { describe, expect, test } from 'vitest';
import { renderStaticMap } from '../../src/static-map/render-svg';
import { countryOutlines } from '../../src/geo/countries';
import { needsLocator, renderLocator, scaleBar, viewWidthKm } from '../../src/static-map/locator';
import type { MapState } from '../../src/story/map-state';

const towns = [
  { en: 'Capital', pop: 5_000_000, capital: true, lon: 44.4, lat: 33.34 },
  { en: 'Smalltown', pop: 20_000, capital: false, lon: 45.2, lat: 32.6 },
];
const state = (zoom: number, bearing = 0): MapState => ({
  camera: { type: 'center', center: [44.4, 33.3], zoom, bearing, pitch: 0 },
  visible: [],
  highlight: [],
  transition: 'fly',
  legend: [],
});
const countries = countryOutlines([30, 20, 60, 45]);
const render = (s: MapState, story: GeoJSON.Feature[] = []) =>
  renderStaticMap({
    state: s,
    countries,
    story: { type: 'FeatureCollection', features: story } as never,
    labels: [],
    title: 'Map',
    towns,
  });

describe('scale bar', () => {
  test('a round length that fits in 100 px, in m or km', () => {
    const near = scaleBar(33.3, 15);
    expect(near.label).toBe('100 m');
    expect(near.px).toBeLessThanOrEqual(100);
    expect(near.px).toBeGreaterThan(40);
    expect(scaleBar(33.3, 6).label).toBe('100 km');
  });
});

describe('locator inset', () => {
  test('at a street-level view (under ~20 km across), not at a city or regional one', () => {
    const v = (zoom: number) => ({ center: [44.4, 33.3] as [number, number], zoom, width: 800 });
    expect(viewWidthKm(v(15))).toBeCloseTo(2.0, 0);
    expect(needsLocator(v(13))).toBe(true);
    expect(needsLocator(v(10))).toBe(false);
    expect(render(state(15))).toContain('class="locator"');
    expect(render(state(7))).not.toContain('class="locator"');
    expect(render(state(7))).toContain('class="scale-bar"');
  });

  test('names the capital first and marks the view; hidden from screen readers', () => {
    const svg = renderLocator({ center: [44.4, 33.3], zoom: 15, width: 800 }, countries, towns);
    expect(svg).toContain('aria-hidden="true"');
    expect(svg.indexOf('Capital')).toBeLessThan(svg.indexOf('Smalltown'));
    expect(svg).toContain('stroke="#c0392b"');
  });

  test("a town's name never covers the red mark of the view: it goes to the dot's other side, or beside the mark for the town the view is in", () => {
    const v = { center: [44.4, 33.3] as [number, number], zoom: 15, width: 800 };
    const near = [
      // Just west of the view: its name written to the right would run over the mark.
      { en: 'Hit', pop: 900_000, capital: false, lon: 43.88, lat: 33.3 },
      // On the view itself.
      { en: 'Mid', pop: 800_000, capital: false, lon: 44.4, lat: 33.3 },
    ];
    const svg = renderLocator(v, countries, near);
    expect(svg).toMatch(/text-anchor="end">Hit</);
    // The town the view is in keeps its name, just beside the mark (10 px across, at 66,50),
    // without a dot of its own under the mark.
    expect(svg).toMatch(/<text x="76\.0" y="53\.5">Mid</);
    expect(svg).not.toMatch(/<circle cx="66\.0" cy="50\.0" r="2"/);
  });

  test('in the static map, it moves out of the corner the story uses', () => {
    const empty = render(state(15));
    expect(empty).toMatch(/class="locator" x="658" y="10"/);
    // A place drawn in the top-right corner of the map.
    const place: GeoJSON.Feature = {
      type: 'Feature',
      properties: { ref: 'p', kind: 'site', draw: 'point' },
      geometry: { type: 'Point', coordinates: [44.4 + 0.008, 33.3 + 0.0045] },
    };
    const s = { ...state(15), visible: ['p'] };
    const moved = render(s, [place]);
    expect(moved).toMatch(/<circle cx="7\d\d/);
    expect(moved).toMatch(/class="locator" x="10" y="10"/);
  });

  test('a north arrow only when the map is turned', () => {
    expect(render(state(15, 30))).toContain('class="north-arrow"');
    expect(render(state(15))).not.toContain('class="north-arrow"');
  });
});

describe('country outlines for the insets', () => {
  test('made once and shared: two regions get the same outline objects, each only the countries reaching into it', () => {
    const levant = countryOutlines([30, 28, 40, 38]);
    const gulf = countryOutlines([40, 22, 60, 35]);
    const names = (o: typeof levant) => o.land.features.map((f) => f.properties!.name as string);
    expect(names(levant)).toEqual(expect.arrayContaining(['Lebanon', 'Syria', 'Jordan', 'Iraq']));
    expect(names(levant)).not.toContain('Qatar');
    expect(names(gulf)).toEqual(expect.arrayContaining(['Qatar', 'Iraq', 'Kuwait']));
    expect(names(gulf)).not.toContain('Lebanon');
    // Iraq reaches into both: one feature, not one rebuilt per region.
    const iraq = (o: typeof levant) => o.land.features.find((f) => f.properties!.name === 'Iraq');
    expect(iraq(levant)).toBe(iraq(gulf));
    // Only the borders that reach into the region: none in the Americas for the Levant.
    const lines = levant.borders.features[0]!.geometry as GeoJSON.MultiLineString;
    expect(lines.coordinates.length).toBeGreaterThan(5);
    expect(lines.coordinates.flat().some(([lon]) => lon! < -30)).toBe(false);
  });
});
