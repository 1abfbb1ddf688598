/**
 * Messages about geo/*.geojson: JSON syntax, the FeatureCollection and its features,
 * their properties and kinds, their geometry (RFC 7946), and coordinates that read as
 * [latitude, longitude].
 */
import { entry } from './entry';

const GEOMETRY = 'Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon';

export const PLACE_MESSAGES = {
  'geo.trailing-comma': entry(
    'error',
    (p: { before: string }) => `a trailing comma before "${p.before}" (JSON allows none): remove that comma`,
    { before: '}' },
  ),
  'geo.unclosed-bracket': entry(
    'error',
    (p: { open: string; close: string; found?: { char: string; line: number } | undefined }) =>
      `the "${p.open}" on this line is never closed${p.found ? ` (a "${p.found.char}" comes first, on line ${p.found.line})` : ''}: close it with "${p.close}" where it ends`,
    { open: '{', close: '}', found: { char: ']', line: 5 } },
  ),
  'geo.invalid-json': entry(
    'error',
    (p: { what: string }) =>
      `invalid JSON (${p.what}): fix this line; GeoJSON is strict JSON, with no comments or trailing commas`,
    { what: 'a comma was expected' },
  ),
  'geo.empty': entry('error', () => 'the file is empty: write a GeoJSON FeatureCollection', {}),
  'geo.not-collection': entry(
    'error',
    () =>
      'the file is not a GeoJSON FeatureCollection: write { "type": "FeatureCollection", "features": [ … ] }',
    {},
  ),
  'geo.not-feature': entry(
    'error',
    () =>
      'this entry of "features" is not a GeoJSON Feature: write { "type": "Feature", "id": …, "properties": { … }, "geometry": { … } }',
    {},
  ),
  'geo.no-id': entry(
    'error',
    (p: { propertiesId?: string | undefined }) =>
      `the feature has no top-level "id": add "id": "a-unique-name" next to "type"${p.propertiesId ? ` (move properties.id "${p.propertiesId}" up)` : ''}`,
    { propertiesId: 'old-lighthouse' },
  ),
  'geo.bad-id': entry('error', (p: { id: string; why: string }) => `"id" ${p.id} is not valid: ${p.why}`, {
    id: '"Old Lighthouse"',
    why: 'this is not a feature id: use lowercase letters, digits and hyphens, e.g. old-lighthouse',
  }),
  'geo.duplicate-id': entry(
    'error',
    (p: { id: string; first: string }) =>
      `id "${p.id}" is already used in ${p.first}: ids are unique across geo/, rename one`,
    { id: 'old-lighthouse', first: 'geo/harbour.geojson:6' },
  ),
  'feature.name-missing': entry('error', () => "properties.name is required: add the place's full name", {}),
  'feature.label': entry(
    'error',
    () =>
      'properties.label is empty or not text: write the short name the map shows, or leave it out to show the name',
    {},
  ),
  'feature.labels-not-map': entry(
    'error',
    () => 'properties.labels is not a list of names by language: write e.g. { "ar": "القاهرة" }',
    {},
  ),
  'feature.labels-not-text': entry('error', () => 'this label is not text: write the name in quotes', {}),
  'feature.labels-empty': entry(
    'error',
    () => 'this label is empty: write the name, or leave the language out',
    {},
  ),
  'feature.kind-missing': entry(
    'error',
    () => 'properties.kind is required: add what sort of place it is, e.g. town, base, zone',
    {},
  ),
  'feature.kind-name': entry(
    'error',
    () => 'properties.kind is not a kind name: write lowercase words joined by hyphens, e.g. grain-silo',
    {},
  ),
  'feature.kind-unknown': entry(
    'error',
    (p: { kind: string; near?: string | undefined; kinds: string[]; declareIn: string }) =>
      `"${p.kind}" is not a known kind${p.near ? ` (the nearest is "${p.near}")` : ''}: the kinds are ${p.kinds.join(', ')} — use one of them, or declare it under kinds: in ${p.declareIn}`,
    {
      kind: 'lanmark',
      near: 'landmark',
      kinds: ['landmark', 'place', 'town'],
      declareIn: 'stories/harbour/story.md',
    },
  ),
  'feature.source-missing': entry(
    'error',
    () => 'properties.source is required: say where the coordinates come from',
    {},
  ),
  'feature.precision-missing': entry(
    'error',
    () => 'properties.precision_m is required: add the uncertainty radius in metres, e.g. 1000',
    {},
  ),
  'feature.precision-not-positive': entry(
    'error',
    () =>
      'properties.precision_m is not a positive number: write the uncertainty radius in metres, e.g. 1000',
    {},
  ),
  'feature.schematic': entry(
    'error',
    () => 'properties.schematic is not true or false: write true or false',
    {},
  ),
  'feature.basemap': entry(
    'error',
    () => 'properties.basemap is not water or bridge: write one of them, or leave it out',
    {},
  ),
  'feature.note-not-text': entry(
    'error',
    () => 'properties.note is not text: write the caveat in quotes, or leave note out',
    {},
  ),
  'geo.no-geometry': entry(
    'error',
    () =>
      'the feature has no geometry: add "geometry": { "type": "Point", "coordinates": [longitude, latitude] }',
    {},
  ),
  'geo.geometry-type': entry(
    'error',
    (p: { type: string }) => `geometry type ${p.type} is not supported: use one of ${GEOMETRY}`,
    { type: '"Circle"' },
  ),
  'geo.position-not-pair': entry(
    'error',
    () => 'this position is not two numbers: write [longitude, latitude]',
    {},
  ),
  'geo.longitude-range': entry(
    'error',
    (p: { value: number }) => `longitude ${p.value} is outside -180…180: positions are [longitude, latitude]`,
    { value: 244 },
  ),
  'geo.latitude-range': entry(
    'error',
    (p: { value: number }) =>
      `latitude ${p.value} is outside -90…90: positions are [longitude, latitude]; are they swapped?`,
    { value: 133 },
  ),
  'geo.too-few-positions': entry(
    'error',
    (p: { what: string; min: number }) => `${p.what} has too few positions: it needs at least ${p.min}`,
    { what: 'a line', min: 2 },
  ),
  'geo.ring-not-closed': entry(
    'error',
    (p: { first: string }) => `the ring is not closed: repeat its first position ${p.first} as its last`,
    { first: '[12.33, 45.44]' },
  ),
  'geo.polygon-not-rings': entry(
    'error',
    () => 'this polygon is not a list of rings: write [[[lon, lat], …]]',
    {},
  ),
  'geo.multiline-not-lines': entry(
    'error',
    () => 'this MultiLineString is not a list of lines: write [[[lon, lat], …], …]',
    {},
  ),
  'geo.multipolygon-not-polygons': entry(
    'error',
    () => 'this MultiPolygon is not a list of polygons: write [[[[lon, lat], …]], …]',
    {},
  ),
  'geo.swapped-point': entry(
    'error',
    (p: { written: string; where: string; swapped: string }) =>
      `${p.written} ${p.where} and reads as [latitude, longitude]: positions are [longitude, latitude], so write ${p.swapped}`,
    {
      written: '[45.44, 12.33]',
      where: 'lands in the sea, 3550 km from the other places of its story',
      swapped: '[12.33, 45.44]',
    },
  ),
  'geo.swapped-geometry': entry(
    'error',
    (p: { id: string; first: string; where: string; swapped: string }) =>
      `the coordinates of "${p.id}" read as [latitude, longitude] (its first position ${p.first} ${p.where}; swapped it is ${p.swapped}): positions are [longitude, latitude], so swap every pair`,
    {
      id: 'harbour-wall',
      first: '[45.44, 12.33]',
      where: 'lands in the sea, 3550 km from the other places of its story',
      swapped: '[12.33, 45.44]',
    },
  ),
};
