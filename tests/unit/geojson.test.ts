/** GeoJSON validation: every problem, with its file, line and field, in plain words. */
import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/story/check-content';
import { readGeoJsonFile } from '../../src/geo/read-geojson';
import { formatIssue } from '../../src/core/issues';

const fc = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features }, null, 2);
const point = (id: string | undefined, coords: unknown, props: Record<string, unknown> = {}) => ({
  type: 'Feature',
  ...(id !== undefined ? { id } : {}),
  properties: { name: id ?? 'x', kind: 'town', source: 'fixture', precision_m: 100, ...props },
  geometry: { type: 'Point', coordinates: coords },
});
const messages = (text: string) => readGeoJsonFile('geo/t.geojson', text).issues.map(formatIssue);

describe('GeoJSON validation', () => {
  test('a valid file gives its features with their lines', () => {
    const r = readGeoJsonFile('geo/t.geojson', fc(point('a', [44, 33]), point('b', [41, 34])));
    expect(r.issues).toEqual([]);
    expect(r.features.map((f) => [f.id, f.line])).toEqual([
      ['a', 6],
      ['b', 23],
    ]);
  });

  test('invalid JSON names its line', () => {
    expect(messages('{\n  "type": FeatureCollection,\n  "features": []\n}')).toEqual([
      'geo/t.geojson:2 — invalid JSON (unexpected character) — fix this line; GeoJSON is strict JSON, with no comments or trailing commas',
    ]);
  });

  test('a trailing comma is reported on its own line, with the fix', () => {
    const text = fc(point('a', [44, 33])).replace(/\}(\s*)\]/, '},$1]');
    const line = text.slice(0, text.lastIndexOf('},') + 1).split('\n').length;
    expect(messages(text)).toEqual([
      `geo/t.geojson:${line} — a trailing comma before "]" (JSON allows none) — remove that comma`,
    ]);
  });

  test('an unclosed bracket is reported where it opens, with what to close it with', () => {
    expect(
      messages('{\n  "type": "FeatureCollection",\n  "features": [\n    { "type": "Feature"\n  ]\n}'),
    ).toEqual([
      'geo/t.geojson:4 — the "{" on this line is never closed (a "]" comes first, on line 5) — close it with "}" where it ends',
    ]);
    expect(messages('{\n  "type": "FeatureCollection",\n  "features": [\n')).toEqual([
      'geo/t.geojson:3 — the "[" on this line is never closed — close it with "]" where it ends',
    ]);
  });

  test('not a FeatureCollection', () => {
    expect(messages('{ "type": "Feature" }')).toEqual([
      'geo/t.geojson:1 type — the file is not a GeoJSON FeatureCollection — write { "type": "FeatureCollection", "features": [ … ] }',
    ]);
  });

  test('an id only inside properties is moved up by the editor, not guessed', () => {
    expect(messages(fc(point(undefined, [44, 33], { id: 'k1' })))).toEqual([
      'geo/t.geojson:4 features[0].id — the feature has no top-level "id" — add "id": "a-unique-name" next to "type" (move properties.id "k1" up)',
    ]);
  });

  test('missing name, source and precision are all reported', () => {
    const f = {
      type: 'Feature',
      id: 'a',
      properties: { kind: 'town' },
      geometry: { type: 'Point', coordinates: [44, 33] },
    };
    expect(messages(fc(f))).toEqual([
      "geo/t.geojson:7 features[0].properties.name — properties.name is required — add the place's full name",
      'geo/t.geojson:7 features[0].properties.source — properties.source is required — say where the coordinates come from',
      'geo/t.geojson:7 features[0].properties.precision_m — properties.precision_m is required — add the uncertainty radius in metres, e.g. 1000',
    ]);
  });

  test('coordinates out of range', () => {
    expect(messages(fc(point('a', [33.3, 144.4])))).toEqual([
      'geo/t.geojson:17 features[0].geometry.coordinates[1] — latitude 144.4 is outside -90…90 — positions are [longitude, latitude]; are they swapped?',
    ]);
  });

  test('an unclosed ring says which position to repeat', () => {
    const poly = {
      type: 'Feature',
      id: 'z',
      properties: { name: 'Z', kind: 'zone', source: 's', precision_m: 500 },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [44, 33],
            [44.1, 33],
            [44.1, 33.1],
            [44, 33.1],
          ],
        ],
      },
    };
    expect(messages(fc(poly))).toEqual([
      'geo/t.geojson:16 features[0].geometry.coordinates[0] — the ring is not closed — repeat its first position [44, 33] as its last',
    ]);
  });

  test('ids are unique across every file in geo/', () => {
    const issues = checkContent([
      { path: 'geo/a.geojson', text: fc(point('same', [44, 33])) },
      { path: 'geo/b.geojson', text: fc(point('same', [41, 34])) },
    ]).issues.map(formatIssue);
    expect(issues).toEqual([
      'geo/b.geojson:6 id — id "same" is already used in geo/a.geojson:6 — ids are unique across geo/, rename one',
    ]);
  });
});
