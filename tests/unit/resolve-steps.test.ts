/** Content → one complete map state per step, and the words that describe it. */
import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/story/check-content';
import { formatDate } from '../../src/story/dates';
import { compass, roundDistance } from '../../src/story/describe';
import { resolveSteps } from '../../src/story/resolve-steps';
import { storyGeoJson } from '../../src/story/display';
import { site, step } from './helpers';

const resolve = (extra: Record<string, string>) => {
  const c = checkContent(site(extra));
  expect(c.issues).toEqual([]);
  return resolveSteps(c.stories[0]!, c.features);
};

describe('resolveSteps', () => {
  test('visible features are show + fit + highlight, sorted and unique', () => {
    const [s] = resolve({
      'stories/s/010-one.md': step({
        camera: undefined,
        fit: '[town-b]',
        show: '[area-c, town-a]',
        highlight: '[town-a]',
      }),
    });
    expect(s!.state.visible).toEqual(['area-c', 'town-a', 'town-b']);
    expect(s!.state.highlight).toEqual(['town-a']);
  });

  test('fit frames the uncertainty circle of an approximate place, not just its centre', () => {
    const [s] = resolve({
      'stories/s/010-one.md': step({ camera: undefined, fit: '[area-c]', highlight: '[area-c]' }),
    });
    expect(s!.state.camera.type).toBe('bounds');
    const b = s!.state.camera.type === 'bounds' ? s!.state.camera.bounds : [];
    // 15 km radius ≈ 0.135° of latitude each way around 34.4°N.
    expect(b[1]).toBeCloseTo(34.4 - 0.135, 2);
    expect(b[3]).toBeCloseTo(34.4 + 0.135, 2);
  });

  test("a camera step keeps the author's view and the highlight as focus", () => {
    const [s] = resolve({});
    expect(s!.state.camera).toEqual({ type: 'center', center: [44.4, 33.3], zoom: 8, bearing: 0, pitch: 0 });
    expect(s!.state.focus).toEqual([44.4, 33.3, 44.4, 33.3]);
    expect(s!.state.transition).toBe('fly');
  });

  test('the generated description names places, approximation and the distance travelled', () => {
    const steps = resolve({
      'stories/s/020-two.md': step({
        date: '2019-12-29',
        camera: undefined,
        fit: '[area-c]',
        highlight: '[area-c]',
        show: '[town-a]',
      }),
    });
    expect(steps[0]!.alt).toBe('Marked on the map: Town A. In focus: Town A.');
    expect(steps[0]!.altGenerated).toBe(true);
    expect(steps[1]!.alt).toBe(
      'Marked on the map: C and Town A. In focus: C, about 340 km west-north-west of Town A. Approximate areas, not exact locations: C (within about 15 km).',
    );
  });

  test("an author's alt wins over the generated one", () => {
    const [s] = resolve({ 'stories/s/010-one.md': step({ alt: 'A city on a river.' }) });
    expect(s!.alt).toBe('A city on a river.');
    expect(s!.altGenerated).toBe(false);
  });

  test('the legend lists what is visible, the highlight and the approximation', () => {
    const [s] = resolve({ 'stories/s/010-one.md': step({ show: '[area-c]' }) });
    expect(s!.state.legend.map((l) => l.label)).toEqual([
      'Incident',
      'Town',
      'Highlighted',
      'Approximate location (circle = uncertainty)',
    ]);
  });

  test('a schematic outline says how far off it may be', () => {
    const zone = {
      type: 'Feature',
      id: 'zone-d',
      properties: { name: 'Zone D', kind: 'zone', source: 'fixture', precision_m: 500, schematic: true },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [44, 33],
            [44.1, 33],
            [44.1, 33.1],
            [44, 33],
          ],
        ],
      },
    };
    const [s] = resolve({
      'geo/zone.geojson': JSON.stringify({ type: 'FeatureCollection', features: [zone] }),
      'stories/s/010-one.md': step({ show: '[zone-d]' }),
    });
    expect(s!.state.legend.map((l) => l.label)).toContain('Schematic outline (not traced, ±500 m)');
  });

  test("sources resolve to the story's entries", () => {
    const [s] = resolve({});
    expect(s!.sources).toEqual([{ key: 'wire', publisher: 'A wire service', title: 'A report' }]);
  });
});

describe('display data', () => {
  test('a 15 km place is an area only; a 500 m place is a dot', () => {
    const c = checkContent(site());
    const fc = storyGeoJson(c.features);
    const draws = fc.features.map((f) => `${f.properties.ref}:${f.properties.draw}`);
    expect(draws).toEqual(['town-a:point', 'town-b:point', 'area-c:area']);
  });

  test('a label point draws no dot and no circle, however imprecise', () => {
    const label = {
      type: 'Feature',
      id: 'zone-name',
      properties: { name: 'Zone', kind: 'label', source: 'fixture', precision_m: 1500 },
      geometry: { type: 'Point', coordinates: [44, 33] },
    };
    const c = checkContent(
      site({ 'geo/labels.geojson': JSON.stringify({ type: 'FeatureCollection', features: [label] }) }),
    );
    expect(c.issues).toEqual([]);
    const fc = storyGeoJson(c.features.filter((f) => f.id === 'zone-name'));
    expect(fc.features).toEqual([]);
  });
});

describe('words', () => {
  test('dates keep the local time and say its offset', () => {
    expect(formatDate('2019-12-27T19:20+03:00')).toBe('Friday 27 December 2019, 19:20 (UTC+3)');
    expect(formatDate('2019-12-27T19:20+03:00', true)).toBe('Friday 27 December 2019, about 19:20 (UTC+3)');
    expect(formatDate('2020-01-08')).toBe('Wednesday 8 January 2020');
    expect(formatDate('2019-12-29T11:00-05:00')).toBe('Sunday 29 December 2019, 11:00 (UTC−5)');
  });
  test('compass words and distances', () => {
    expect(compass(0)).toBe('north');
    expect(compass(292.5)).toBe('west-north-west');
    expect(compass(-90)).toBe('west');
    expect(roundDistance(326.4)).toBe('330 km');
    expect(roundDistance(15.52)).toBe('15.5 km');
    expect(roundDistance(0.46)).toBe('500 m');
  });
});
