/**
 * The basemap's detailed coverage comes from the content: every step's view, the test
 * fixtures' included. `npm run check` warns, file:line and field, when a view is not covered.
 */
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import * as turf from '@turf/turf';
import { checkContent } from '../../src/story/check-content';
import { formatIssue } from '../../src/core/issues';
import { contentViews } from '../../src/basemap/content-views';
import { coverageIssues } from '../../src/basemap/coverage-check';
import {
  cameraBox,
  coverageFor,
  coverageMessage,
  tileZoomFor,
  type Coverage,
} from '../../src/basemap/coverage';
import { lonLatToTile } from '../../src/basemap/tiles';
import { site, step } from './helpers';

const root = fileURLToPath(new URL('../..', import.meta.url));
const committed = JSON.parse(readFileSync(join(root, 'public/basemap/coverage.json'), 'utf8')) as Coverage;

describe('coverage from the content', () => {
  test('every step of every story, and of the fixtures, is covered by the committed basemap at its zoom', () => {
    const views = contentViews(root);
    // The flagship's 16 steps, the harbour's and mini's 5 and Valparaíso's 7.
    expect(views.length).toBe(28);
    for (const v of views) expect(coverageMessage(v, committed), JSON.stringify(v)).toBeUndefined();
    expect(coverageFor(views)).toEqual(committed);
  });

  test('the harbour fixture (Beirut, zoom 11–15) gets close tiles, not the Iraq box', () => {
    const harbour = committed.areas.filter((a) => a.bbox[0] < 36 && a.bbox[2] > 35.5 && a.bbox[1] < 33.9);
    expect(harbour.map((a) => a.zoom)).toContain(15);
    expect(Math.max(...harbour.map((a) => tileZoomFor(a.zoom)))).toBe(12);
  });

  test('the Valparaíso fixture (west of Greenwich, south of the equator) gets its own close tiles', () => {
    const chile = committed.areas.filter((a) => a.bbox[2] < -70 && a.bbox[3] < -32);
    expect(chile.map((a) => a.zoom)).toContain(14.5);
    expect(Math.max(...chile.map((a) => tileZoomFor(a.zoom)))).toBe(12);
  });

  test('a view far from every story, or closer than the basemap was built for, gets a warning that says what to run', () => {
    const { issues } = checkContent(
      site({
        'stories/s/010-one.md': step({ camera: '{ center: [-58.4, -34.6], zoom: 9 }', highlight: '[]' }),
        'stories/s/020-two.md': step({ camera: '{ center: [35.519, 33.902], zoom: 16.5 }', highlight: '[]' }),
        'stories/s/030-three.md': step({ camera: '{ center: [43.13, 36.34], zoom: 12.5 }', highlight: '[]' }),
        'stories/s/040-four.md': step({ camera: undefined, fit: '[town-b]', highlight: '[]' }),
      }),
      coverageIssues,
    );
    expect(issues.filter((i) => i.severity === 'warning').map(formatIssue)).toEqual([
      "stories/s/010-one.md:4 camera — the view (zoom 9 around -58.4, -34.6) is outside the basemap's detailed coverage, so the map shows only coarse world outlines there — run npm run basemap (it covers every story’s places and views) and commit public/basemap/",
      'stories/s/020-two.md:4 camera — the view (zoom 16.5 around 35.519, 33.902) zooms past the detail the basemap has there (up to zoom 16) — run npm run basemap (it covers every story’s places and views) and commit public/basemap/',
      'stories/s/030-three.md:4 camera — the view (zoom 12.5 around 43.13, 36.34) zooms past the detail the basemap has there (up to zoom 12) — run npm run basemap (it covers every story’s places and views) and commit public/basemap/',
    ]);
  });

  test('a view inside the coverage at a zoom it was built for gets no warning', () => {
    const area = committed.areas.find((a) => a.zoom >= 15)!;
    const c: [number, number] = [(area.bbox[0] + area.bbox[2]) / 2, (area.bbox[1] + area.bbox[3]) / 2];
    expect(coverageMessage({ bbox: cameraBox(c, 16), zoom: 16 }, committed)).toBeUndefined();
    // Mosul, in the region's zoom-10 tiles only: fine at 12, coarse past it.
    expect(coverageMessage({ bbox: cameraBox([43.13, 36.34], 12), zoom: 12 }, committed)).toBeUndefined();
    expect(coverageMessage({ bbox: cameraBox([43.13, 36.34], 12.5), zoom: 12.5 }, committed)?.id).toBe(
      'basemap.past-detail',
    );
  });
});

class BytesSource implements Source {
  constructor(private bytes: Uint8Array) {}
  getKey = () => 'mem';
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    return { data: this.bytes.slice(offset, offset + length).buffer };
  }
}

describe("the fixtures' coasts on land", () => {
  // Natural Earth's 1:10m coast put half the port in the sea; the OSM-derived land puts every
  // place of the harbour story on land in the close tiles, and the sea beyond the quay is water.
  const region = new PMTiles(
    new BytesSource(new Uint8Array(readFileSync(join(root, 'public/basemap/region.pmtiles')))),
  );
  const onLand = async ([lon, lat]: [number, number], z: number) => {
    const [x, y] = lonLatToTile(lon, lat, z);
    const tile = await region.getZxy(z, x, y);
    const land = tile && new VectorTile(new PbfReader(new Uint8Array(tile.data)) as never).layers.land;
    if (!land) return false;
    return Array.from({ length: land.length }, (_, i) => land.feature(i).toGeoJSON(x, y, z)).some((f) =>
      turf.booleanPointInPolygon([lon, lat], f as never),
    );
  };
  const geo = JSON.parse(readFileSync(join(root, 'tests/fixtures/content/ok/geo/harbour.geojson'), 'utf8'));
  test.each([10, 12])('the harbour at tile zoom %i', async (z) => {
    // The places (points); the port's zone takes in its basins, which are water.
    const points = (geo.features as GeoJSON.Feature[])
      .filter((f) => f.geometry.type === 'Point')
      .map((f) => (f.geometry as GeoJSON.Point).coordinates as [number, number]);
    expect(points.length).toBe(3);
    for (const p of points) expect(await onLand(p, z), `${p} on land`).toBe(true);
    // Out at sea off the port.
    expect(await onLand([35.52, 33.92], z)).toBe(false);
  });

  // On the Pacific (negative longitudes and latitudes): the old town's square and hill, the two
  // city centres on land; the ships' anchorage out in the bay is water.
  const valparaiso = JSON.parse(
    readFileSync(join(root, 'tests/fixtures/content/ok/geo/valparaiso.geojson'), 'utf8'),
  ) as GeoJSON.FeatureCollection;
  const at = (id: string) =>
    (valparaiso.features.find((f) => f.id === id)!.geometry as GeoJSON.Point).coordinates as [number, number];
  test.each([10, 12])('Valparaíso at tile zoom %i', async (z) => {
    for (const id of ['valpo-plaza', 'valpo-cerro-alegre', 'valpo-city', 'valpo-vina'])
      expect(await onLand(at(id), z), `${id} on land`).toBe(true);
    expect(await onLand(at('valpo-anchorage'), z), 'the anchorage at sea').toBe(false);
  });
});
