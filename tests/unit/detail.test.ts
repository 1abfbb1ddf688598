/**
 * Street-level detail on demand (`npm run basemap -- --detail`): a Protomaps-schema extract
 * the test writes itself is cut to the stories' close-ups, read back with the official
 * `pmtiles` reader, and drawn by the style only when the site has it.
 */
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { buildDetail, detailAreas, type DetailArea } from '../../src/basemap/detail';
import { cameraView, closestZoom, contains } from '../../src/basemap/coverage';
import { detailArgs } from '../../src/basemap/detail-build';
import { basemapStyle } from '../../src/basemap/style';
import { lonLatToTile } from '../../src/basemap/tiles';
import { readContent } from '../../src/site/read-content';
import { resolveSteps } from '../../src/story/resolve-steps';
import { makeFixtureExtract } from '../fixtures/detail/make-extract';

const root = fileURLToPath(new URL('../..', import.meta.url));

class BytesSource implements Source {
  constructor(private bytes: Uint8Array) {}
  getKey = () => 'mem';
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    return { data: this.bytes.slice(offset, offset + length).buffer };
  }
}
const decode = (data: ArrayBuffer) => new VectorTile(new PbfReader(new Uint8Array(data)) as never);

async function harbourAreas(): Promise<DetailArea[]> {
  const content = await readContent(join(root, 'tests/fixtures/content/ok'));
  const story = content.stories.find((s) => s.slug === 'harbour')!;
  return detailAreas(resolveSteps(story, content.features).map((s) => s.state));
}

describe('detail areas come from the stories', () => {
  test('a close-up gets detail to zoom 15 around its view; a regional view none', () => {
    const camera = (zoom: number) => ({
      camera: {
        type: 'center' as const,
        center: [44.4, 33.3] as [number, number],
        zoom,
        bearing: 0,
        pitch: 0,
      },
      visible: [],
      highlight: [],
      transition: 'fly' as const,
      legend: [],
    });
    expect(detailAreas([camera(7)])).toEqual([]);
    const [close] = detailAreas([camera(15)]);
    expect(close!.maxZoom).toBe(15);
    const [w, s, e, n] = close!.bbox;
    expect(w < 44.4 && e > 44.4 && s < 33.3 && n > 33.3).toBe(true);
    // Wider than a desktop view at zoom 15 (~2.5 km), but a close-up, not the city.
    expect((e - w) * 93).toBeGreaterThan(3);
    expect((e - w) * 93).toBeLessThan(15);
  });

  test('a close-up covers the view the basemap coverage measures for the step, half again as margin; a framed one to its closest zoom', () => {
    const base = { visible: [], highlight: [], transition: 'fly' as const, legend: [] };
    const fixed = {
      type: 'center' as const,
      center: [35.519, 33.902] as [number, number],
      zoom: 15,
      bearing: 0,
      pitch: 0,
    };
    const [close] = detailAreas([{ ...base, camera: fixed }]);
    const view = cameraView(fixed).bbox;
    expect(contains(close!.bbox, view)).toBe(true);
    expect(close!.bbox[2] - close!.bbox[0]).toBeCloseTo(2 * (view[2] - view[0]), 6);
    // Framed: a harbour 4 km across fits at zoom 14 on a wide map, 12.7 on a phone: detail to 15.
    const framed = {
      type: 'bounds' as const,
      bounds: [35.49, 33.88, 35.53, 33.91] as [number, number, number, number],
      maxZoom: 14,
      bearing: 0,
      pitch: 0,
    };
    const [harbour] = detailAreas([{ ...base, camera: framed }]);
    expect(closestZoom(framed)).toBeGreaterThan(cameraView(framed).zoom);
    expect(harbour!.maxZoom).toBe(Math.min(15, Math.ceil(closestZoom(framed)) + 1));
    expect(contains(harbour!.bbox, cameraView(framed).bbox)).toBe(true);
  });
});

describe('--detail merges a Protomaps extract', () => {
  test('the harbour story gets roads, buildings, built-up land and water at zoom 15, nothing else', async () => {
    const areas = await harbourAreas();
    expect(areas.length).toBeGreaterThan(0);
    const { archive, tiles } = await buildDetail(makeFixtureExtract(), areas);
    const reader = new PMTiles(new BytesSource(archive));
    const header = await reader.getHeader();
    expect([header.minZoom, header.maxZoom]).toEqual([12, 15]);
    expect(header.numAddressedTiles).toBe(tiles);
    // The port, where step 2 of the story looks at zoom 15.
    const [x, y] = lonLatToTile(35.519, 33.902, 15);
    const tile = decode((await reader.getZxy(15, x, y))!.data);
    expect(Object.keys(tile.layers).sort()).toEqual(['buildings', 'landuse', 'roads', 'water']);
    const roads = tile.layers.roads!;
    const kinds = new Set<unknown>();
    for (let i = 0; i < roads.length; i++) {
      const f = roads.feature(i);
      kinds.add(f.properties.kind);
      // Names are left out (the basemap's fonts carry only Latin and the labels' Arabic letters).
      expect(Object.keys(f.properties).sort()).toEqual(['kind', 'kind_detail', 'min_zoom']);
    }
    // Every class drawn; the service road meant for zoom 17 left out.
    expect([...kinds].sort()).toEqual(['highway', 'major_road', 'medium_road', 'minor_road', 'path']);
    expect(tile.layers.buildings!.length).toBeGreaterThan(5);
    const meta = (await reader.getMetadata()) as { attribution: string };
    expect(meta.attribution).toContain('OpenStreetMap');
  });

  test('only the tiles the stories look at are kept', async () => {
    const extract = makeFixtureExtract();
    const src = await new PMTiles(new BytesSource(extract)).getHeader();
    // One small close-up in a corner of the extract, looked at up to zoom 14.
    const area: DetailArea = { bbox: [35.5, 33.885, 35.502, 33.887], maxZoom: 14 };
    const { archive } = await buildDetail(extract, [area]);
    const header = await new PMTiles(new BytesSource(archive)).getHeader();
    expect(header.maxZoom).toBe(14);
    // z12, z13 and z14: one tile each (the area is smaller than a tile).
    expect(header.numAddressedTiles).toBeLessThanOrEqual(6);
    expect(header.numAddressedTiles).toBeLessThan(src.numAddressedTiles / 5);
  });

  test('bad input says what is wrong and what to do', async () => {
    const areas: DetailArea[] = [{ bbox: [35.5, 33.885, 35.502, 33.887], maxZoom: 15 }];
    await expect(
      buildDetail(new TextEncoder().encode('not tiles at all'), areas, 'city.pmtiles'),
    ).rejects.toThrow(
      'city.pmtiles: not a PMTiles archive (Wrong magic number for PMTiles archive). Cut one with `pmtiles extract`.',
    );
    const elsewhere: DetailArea[] = [{ bbox: [44.3, 33.2, 44.4, 33.3], maxZoom: 15 }];
    await expect(buildDetail(makeFixtureExtract(), elsewhere, 'city.pmtiles')).rejects.toThrow(
      "city.pmtiles: has no tiles where the stories zoom in (zoom 12–15): cut it with a bbox around the stories' places.",
    );
    expect(() => detailArgs(['--detail'])).toThrow(
      '--detail needs a file: npm run basemap -- --detail city.pmtiles (see src/basemap/README.md)',
    );
    expect(detailArgs(['out', '--detail', 'x.pmtiles'])).toEqual({ detail: 'x.pmtiles', rest: ['out'] });
  });
});

describe('the style draws detail only when the site has it', () => {
  test('without an extract: no detail source, no request for it', () => {
    const style = basemapStyle('https://example.org/basemap/');
    expect(Object.keys(style.sources).sort()).toEqual(['region', 'world']);
    expect(style.layers.some((l) => l.id.startsWith('detail-'))).toBe(false);
  });
  test('with: valid MapLibre; roads, buildings and land use above the land, below borders and labels', () => {
    const style = basemapStyle('https://example.org/basemap/', { detail: true });
    expect(validateStyleMin(style as never)).toEqual([]);
    expect((style.sources.detail as { url: string }).url).toBe(
      'pmtiles://https://example.org/basemap/detail.pmtiles',
    );
    const ids = style.layers.map((l) => l.id);
    const at = (id: string) => ids.indexOf(id);
    for (const id of ['detail-landuse', 'detail-water', 'detail-buildings', 'detail-roads'])
      expect(at(id)).toBeGreaterThan(at('region-land'));
    expect(at('detail-roads')).toBeLessThan(at('region-boundaries'));
    expect(at('detail-roads')).toBeLessThan(at('region-places'));
  });
});
