/**
 * The geographer's checks on their own: swapped pairs, and cameras that leave the
 * highlighted places off the map, against a known region and a known viewport.
 */
import { describe, expect, test } from 'vitest';
import type { StoryFeature } from '../../src/geo/read-geojson';
import {
  cameraViewMessage,
  storyRegion,
  swappedCenterMessage,
  swappedFeatureIssues,
} from '../../src/story/geo-checks';
import { formatIssue } from '../../src/story/issues';
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

describe('swapped camera centres', () => {
  const japan = storyRegion([point('tokyo', 139.69, 35.69), point('osaka', 135.5, 34.69)]);

  test('the region is the places with a margin of half their extent, at least 2 degrees', () => {
    [133.405, 32.69, 141.785, 37.69].forEach((v, i) => expect(japan![i]).toBeCloseTo(v, 9));
  });

  test('a latitude beyond 90 whose swapped pair is in the region', () => {
    expect(swappedCenterMessage([35.69, 139.69], japan)).toBe(
      '[35.69, 139.69] is not a place on Earth and reads as [latitude, longitude]: center is [longitude, latitude], so write [139.69, 35.69]',
    );
  });

  test('a valid pair outside the region whose swap is inside', () => {
    const iraq = storyRegion([point('baghdad', 44.36, 33.31), point('al-qaim', 41.02, 34.37)]);
    expect(swappedCenterMessage([33.31, 44.36], iraq)).toMatch(
      /^\[33\.31, 44\.36\] is outside this story's region/,
    );
  });

  test('a centre inside the region, or one whose swap is elsewhere too, is left alone', () => {
    expect(swappedCenterMessage([139.0, 35.0], japan)).toBeUndefined();
    expect(swappedCenterMessage([2.35, 48.85], japan)).toBeUndefined();
    expect(swappedCenterMessage([35.0, 139.0], undefined)).toBeUndefined();
  });
});

describe('cameras that leave highlighted places out of view (768×800 reference map)', () => {
  const a = point('a', 44, 33);
  const b = point('b', 41, 34.4);

  // 3 degrees of longitude at zoom z is 3/360 × 512 × 2^z px; half the map is 384 px: z ≤ 6.49.
  test('a close camera on one place leaves a place 3 degrees away out', () => {
    expect(cameraViewMessage({ center: [44, 33], zoom: 9 }, [a, b])).toBe(
      'the highlighted place "b" is outside this view on a 768×800 map, so readers get a wider view than written: zoom out to 6.4 or less, move the center, or use fit: [b]',
    );
  });

  test('at the suggested zoom both are in view', () => {
    expect(cameraViewMessage({ center: [44, 33], zoom: 6.4 }, [a, b])).toBeUndefined();
  });
});

describe('swapped coordinates in geo/', () => {
  test('one place of five written [lat, lon] is found, with the pair to write', () => {
    const fs = [
      point('a', 44, 33, 0),
      point('b', 41, 34.4, 1),
      point('c', 43.1, 36.3, 2),
      point('d', 44.4, 33.3, 3),
      point('e', 33.5, 44.5, 4),
    ];
    expect(swappedFeatureIssues(fs).map(formatIssue)).toEqual([
      'geo/t.geojson:14 features[4].geometry.coordinates — [33.5, 44.5] is far from the other places in geo/ and reads as [latitude, longitude] — positions are [longitude, latitude], so write [44.5, 33.5]',
    ]);
  });

  test('places spread across a continent are not flagged', () => {
    const fs = [
      point('lisbon', -9.14, 38.72),
      point('moscow', 37.62, 55.75),
      point('cairo', 31.24, 30.04),
      point('oslo', 10.75, 59.91),
    ];
    expect(swappedFeatureIssues(fs)).toEqual([]);
  });
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
      // A place with a mistake is left off the map until it is fixed, so the step can't use it.
      'stories/s/010-one.md:5 highlight[0] — no feature has the id "town-a" in geo/ (did you mean "town-b"?) — use an id from geo/*.geojson',
    ]);
  });
});
