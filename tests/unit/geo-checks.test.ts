/**
 * The geographer's checks on their own: swapped pairs, and cameras that leave the
 * highlighted places off the map, against a known region and a known viewport.
 */
import { describe, expect, test } from 'vitest';
import type { StoryFeature } from '../../src/geo/read-geojson';
import { isOnLand } from '../../src/geo/land';
import { cameraViewMessage, swappedCenterMessage, swappedFeatureIssues } from '../../src/story/geo-checks';
import { formatIssue } from '../../src/core/issues';
import { checkContent } from '../../src/story/check-content';
import { GEO, site, STORY_MD } from './helpers';

const point = (id: string, lon: number, lat: number, index = 0): StoryFeature => ({
  id,
  file: 'geo/t.geojson',
  line: 1,
  index,
  geometryLine: 10 + index,
  properties: { name: id, kind: 'town', source: 't', precision_m: 100, schematic: false },
  geometry: { type: 'Point', coordinates: [lon, lat] },
});

describe('swapped camera centres, judged by where the pair lands', () => {
  const japan = [point('tokyo', 139.69, 35.69), point('osaka', 135.5, 34.69)];
  const beirut = [
    point('city', 35.5018, 33.8938),
    point('silos', 35.5185, 33.9013),
    point('square', 35.5075, 33.8958),
  ];

  test('a latitude beyond 90 whose swapped pair is among the places', () => {
    expect(swappedCenterMessage([35.69, 139.69], japan)?.message).toBe(
      '[35.69, 139.69] is not a place on Earth and reads as [latitude, longitude]: center is [longitude, latitude], so write [139.69, 35.69]',
    );
  });

  test('Beirut written [latitude, longitude] lands in the sea off northern Cyprus, 230 km away', () => {
    // |lon| ≈ |lat|: a box around the places with any margin holds both readings.
    expect(swappedCenterMessage([33.89, 35.5], beirut)?.message).toBe(
      "[33.89, 35.5] lands in the sea, 230 km from this story's places and reads as [latitude, longitude]: center is [longitude, latitude], so write [35.5, 33.89]",
    );
  });

  test('Baghdad written [latitude, longitude] lands in the Black Sea', () => {
    const iraq = [point('baghdad', 44.36, 33.31), point('al-qaim', 41.02, 34.37)];
    expect(swappedCenterMessage([33.31, 44.36], iraq)?.message).toBe(
      "[33.31, 44.36] lands in the sea, 1290 km from this story's places and reads as [latitude, longitude]: center is [longitude, latitude], so write [44.36, 33.31]",
    );
  });

  test('Latakia swapped is only 37 km out, but in the sea, while its swap is on the quay', () => {
    const coast = [
      point('latakia', 35.77, 35.52),
      point('jableh', 35.93, 35.36),
      point('baniyas', 35.94, 35.18),
    ];
    expect(swappedCenterMessage([35.52, 35.78], coast)?.message).toBe(
      "[35.52, 35.78] lands in the sea, 37 km from this story's places and reads as [latitude, longitude]: center is [longitude, latitude], so write [35.78, 35.52]",
    );
  });

  test('a centre among the places, or one whose swap lands nowhere near them, is left alone', () => {
    expect(swappedCenterMessage([139.0, 35.0], japan)).toBeUndefined();
    expect(swappedCenterMessage([2.35, 48.85], japan)).toBeUndefined();
    expect(swappedCenterMessage([35.51, 33.89], beirut)).toBeUndefined();
    // The Gulf: Bahrain and Doha are right; a centre over the water between them too.
    const gulf = [point('manama', 50.58, 26.23), point('doha', 51.53, 25.29)];
    expect(swappedCenterMessage([51.0, 25.9], gulf)).toBeUndefined();
    expect(swappedCenterMessage([35.0, 139.0], [])).toBeUndefined();
  });

  test('Manama written [latitude, longitude] lands on land in Russia, and says how far', () => {
    const gulf = [point('manama', 50.58, 26.23), point('doha', 51.53, 25.29)];
    expect(swappedCenterMessage([26.23, 50.58], gulf)?.message).toBe(
      "[26.23, 50.58] lands 3410 km from this story's places and reads as [latitude, longitude]: center is [longitude, latitude], so write [50.58, 26.23]",
    );
  });
});

describe('cameras that leave highlighted places out of view (768×800 reference map)', () => {
  const a = point('a', 44, 33);
  const b = point('b', 41, 34.4);

  // 3 degrees of longitude at zoom z is 3/360 × 512 × 2^z px; half the map is 384 px: z ≤ 6.49.
  test('a close camera on one place leaves a place 3 degrees away out', () => {
    expect(cameraViewMessage({ center: [44, 33], zoom: 9 }, [a, b])?.message).toBe(
      'the highlighted place "b" is outside this view on a 768×800 map, so readers get a wider view than written: zoom out to 6.4 or less, move the center, or use fit: [b]',
    );
  });

  test('at the suggested zoom both are in view', () => {
    expect(cameraViewMessage({ center: [44, 33], zoom: 6.4 }, [a, b])).toBeUndefined();
  });
});

describe('swapped coordinates in geo/', () => {
  const all = (fs: StoryFeature[]) => (f: StoryFeature) => fs.filter((g) => g !== f);

  test('one place of five written [lat, lon] is found, with the pair to write', () => {
    const fs = [
      point('a', 44, 33, 0),
      point('b', 41, 34.4, 1),
      point('c', 43.1, 36.3, 2),
      point('d', 44.4, 33.3, 3),
      point('e', 33.5, 44.5, 4),
    ];
    expect(swappedFeatureIssues(fs, all(fs)).map(formatIssue)).toEqual([
      'geo/t.geojson:14 features[4].geometry.coordinates — [33.5, 44.5] lands in the sea, 1560 km from the other places of its story and reads as [latitude, longitude] — positions are [longitude, latitude], so write [44.5, 33.5]',
    ]);
  });

  test('a Beirut square written [lat, lon] is found although longitude ≈ latitude there', () => {
    const fs = [
      point('city', 35.5018, 33.8938, 0),
      point('silos', 35.5185, 33.9013, 1),
      point('port', 35.52, 33.9, 2),
      point('square', 33.8958, 35.5075, 3),
    ];
    expect(swappedFeatureIssues(fs, all(fs)).map(formatIssue)).toEqual([
      'geo/t.geojson:13 features[3].geometry.coordinates — [33.8958, 35.5075] lands in the sea, 230 km from the other places of its story and reads as [latitude, longitude] — positions are [longitude, latitude], so write [35.5075, 33.8958]',
    ]);
  });

  test('two swapped places of one file do not vouch for each other', () => {
    const fs = [
      point('a', 44, 33, 0),
      point('b', 44.1, 33.1, 1),
      point('c', 44.2, 33.3, 2),
      point('d', 33.4, 44.3, 3),
      point('e', 33.5, 44.5, 4),
    ];
    expect(swappedFeatureIssues(fs, all(fs)).map((i) => i.feature.id)).toEqual(['d', 'e']);
  });

  test('places spread across a continent are not flagged', () => {
    const fs = [
      point('lisbon', -9.14, 38.72),
      point('moscow', 37.62, 55.75),
      point('cairo', 31.24, 30.04),
      point('oslo', 10.75, 59.91),
    ];
    expect(swappedFeatureIssues(fs, all(fs))).toEqual([]);
  });

  test('a harbour point in the water next to its city is not a swap', () => {
    const fs = [point('city', 35.5018, 33.8938, 0), point('breakwater', 35.51, 33.91, 1)];
    expect(swappedFeatureIssues(fs, all(fs))).toEqual([]);
  });
});

describe('land and sea (Natural Earth 1:10m)', () => {
  test.each([
    ['Beirut', [35.5, 33.89], true],
    ['Baghdad', [44.36, 33.31], true],
    ['Bahrain', [50.55, 26.07], true],
    ['the Gulf', [51, 27], false],
    ['the Caspian (a hole in Eurasia)', [51, 42], false],
    ['the sea north of Cyprus', [33.89, 35.5], false],
  ])('%s', (_, p, land) => expect(isOnLand(p as number[])).toBe(land));
});

describe('place labels in a second language (label_languages)', () => {
  const withLanguages = STORY_MD.replace(/^---\n/, '---\nlabel_languages: [ar]\n');
  const errors = (extra: Record<string, string>) =>
    checkContent(site(extra))
      .issues.filter((i) => i.severity === 'error')
      .map(formatIssue);

  test('every place the steps name needs its label in that language, reported at the place', () => {
    expect(errors({ 'stories/s/story.md': withLanguages })).toEqual([
      'geo/places.geojson:6 labels.ar — "town-a" has no Arabic (ar) label, and the story "s" shows its place labels in Arabic — add "labels": { "ar": "…" } to its properties, or take ar out of label_languages in stories/s/story.md',
    ]);
    const geo = GEO.replace(
      '"name": "Town A",',
      '"name": "Town A",\n        "labels": { "ar": "البلدة أ" },',
    );
    expect(errors({ 'stories/s/story.md': withLanguages, 'geo/places.geojson': geo })).toEqual([]);
    const loaded = checkContent(site({ 'stories/s/story.md': withLanguages, 'geo/places.geojson': geo }));
    expect(loaded.features.find((f) => f.id === 'town-a')!.properties.labels).toEqual({ ar: 'البلدة أ' });
  });

  test('a label language must be a language tag, and labels a list of names by tag', () => {
    const story = STORY_MD.replace(/^---\n/, '---\nlabel_languages: [Arabic]\n');
    const geo = GEO.replace('"name": "Town A",', '"name": "Town A",\n        "labels": "بلدة",');
    expect(errors({ 'stories/s/story.md': story, 'geo/places.geojson': geo })).toEqual([
      'geo/places.geojson:9 features[0].properties.labels — properties.labels is not a list of names by language — write e.g. { "ar": "القاهرة" }',
      'stories/s/story.md:2 label_languages[0] — this is not a language tag — write a BCP 47 tag such as en, ar or fr-CA',
      // A place with a mistake is left off the map until it is fixed: the step says where it is.
      'stories/s/010-one.md:5 highlight[0] — feature "town-a" is invalid (geo/places.geojson:6) — fix the errors reported there',
    ]);
  });
});
