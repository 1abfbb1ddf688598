/**
 * The offline basemap: the PMTiles writer reads back with the official reader, the
 * style is valid MapLibre, every label a reader sees is in English and Arabic, the
 * pipeline is deterministic and the committed archives are what it builds.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PMTiles, type Source, type RangeResponse } from 'pmtiles';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { gunzipSync } from 'node:zlib';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { gzip, writePmtiles } from '../../src/basemap/pmtiles-writer';
import { cutTiles } from '../../src/basemap/tiles';
import { basemapStyle, BASEMAP_FONTS } from '../../src/basemap/style';
import { buildBasemap } from '../../src/basemap/build';
import { GAZETTEER, type GazetteerTown } from '../../src/basemap/places';
import { checkContent } from '../../src/story/check-content';
import { formatIssue } from '../../src/core/issues';
import { site, STORY_MD } from './helpers';
import { codePoints } from './font-cmap';
import { lonLatToTile } from '../../src/basemap/tiles';
import * as turf from '@turf/turf';

const root = fileURLToPath(new URL('../..', import.meta.url));

class BytesSource implements Source {
  constructor(private bytes: Uint8Array) {}
  getKey = () => 'mem';
  async getBytes(offset: number, length: number): Promise<RangeResponse> {
    return { data: this.bytes.slice(offset, offset + length).buffer };
  }
}

/** The reader hands back tiles decompressed, as the header's tile compression says. */
const decode = (data: ArrayBuffer | Uint8Array) =>
  new VectorTile(new PbfReader(new Uint8Array(data)) as never);
const gunzip = (data: Uint8Array) => new Uint8Array(gunzipSync(data));

describe('PMTiles writer', () => {
  const square = {
    type: 'Feature' as const,
    properties: { name: 'square' },
    geometry: {
      type: 'Polygon' as const,
      coordinates: [
        [
          [40, 30],
          [46, 30],
          [46, 36],
          [40, 36],
          [40, 30],
        ],
      ],
    },
  };
  const point = {
    type: 'Feature' as const,
    properties: { name_en: 'Baghdad', name_ar: 'بغداد' },
    geometry: { type: 'Point' as const, coordinates: [44.4, 33.34] },
  };
  const tiles = cutTiles(
    { land: [square], places: [point] },
    { minZoom: 0, maxZoom: 8, bbox: [39, 29, 47, 37] },
  );
  const bytes = writePmtiles(tiles, {
    tileType: 1,
    tileCompression: 2,
    minZoom: 0,
    maxZoom: 8,
    bounds: [39, 29, 47, 37],
    center: [44, 33, 5],
    metadata: { name: 'test', vector_layers: [{ id: 'land' }] },
  });
  const archive = new PMTiles(new BytesSource(bytes));

  test('the header reads back with the official reader', async () => {
    const h = await archive.getHeader();
    expect(h.specVersion).toBe(3);
    expect([h.minZoom, h.maxZoom]).toEqual([0, 8]);
    expect([h.minLon, h.minLat, h.maxLon, h.maxLat]).toEqual([39, 29, 47, 37]);
    expect(h.numAddressedTiles).toBe(tiles.length);
    expect(h.clustered).toBe(true);
    expect(await archive.getMetadata()).toMatchObject({ name: 'test' });
  });

  test('a layer can take other features from some zoom on', () => {
    const other = { ...point, properties: { name_en: 'Not Baghdad' } };
    const cut = cutTiles(
      {
        places: { features: [point], maxZoom: 1 },
        later: { features: [other], minZoom: 2, layer: 'places' },
      },
      { minZoom: 0, maxZoom: 2, bbox: [39, 29, 47, 37] },
    );
    const names = cut.map((t) => {
      const layer = decode(gunzip(t.data)).layers.places!;
      return [t.z, layer.feature(0).properties.name_en, Object.keys(decode(gunzip(t.data)).layers)];
    });
    expect(names).toEqual([
      [0, 'Baghdad', ['places']],
      [1, 'Baghdad', ['places']],
      [2, 'Not Baghdad', ['places']],
    ]);
  });

  test('every tile written is found at its z/x/y and decodes to its features', async () => {
    for (const t of tiles) {
      const got = await archive.getZxy(t.z, t.x, t.y);
      expect(got, `${t.z}/${t.x}/${t.y}`).toBeDefined();
      expect(new Uint8Array(got!.data)).toEqual(gunzip(t.data));
    }
    const z8 = tiles.find((t) => t.z === 8 && decode(gunzip(t.data)).layers.places)!;
    const got = await archive.getZxy(z8.z, z8.x, z8.y);
    const place = decode(got!.data).layers.places!.feature(0);
    expect(place.properties).toEqual({ name_en: 'Baghdad', name_ar: 'بغداد' });
    const [lon, lat] = (place.toGeoJSON(z8.x, z8.y, z8.z).geometry as { coordinates: number[] }).coordinates;
    expect(lon).toBeCloseTo(44.4, 2);
    expect(lat).toBeCloseTo(33.34, 2);
    // A tile outside the data is absent, not an error.
    expect(await archive.getZxy(8, 0, 0)).toBeUndefined();
  });

  test('identical tiles are stored once and runs share an entry', async () => {
    const same = gzip(new Uint8Array([1, 2, 3]));
    const b = writePmtiles(
      [0, 1, 2, 3].map((i) => ({ z: 1, x: i % 2, y: Math.floor(i / 2), data: same })),
      {
        tileType: 1,
        tileCompression: 2,
        minZoom: 1,
        maxZoom: 1,
        bounds: [-180, -85, 180, 85],
        center: [0, 0, 1],
        metadata: {},
      },
    );
    const h = await new PMTiles(new BytesSource(b)).getHeader();
    expect([h.numAddressedTiles, h.numTileEntries, h.numTileContents]).toEqual([4, 1, 1]);
    for (const [x, y] of [
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
    ] as const)
      expect(new Uint8Array((await new PMTiles(new BytesSource(b)).getZxy(1, x, y))!.data)).toEqual(
        new Uint8Array([1, 2, 3]),
      );
  });
});

describe('basemap style', () => {
  const style = basemapStyle('https://example.org/sub/basemap/');

  test('validates against the MapLibre style spec', () => {
    expect(validateStyleMin(style as never).map((e) => e.message)).toEqual([]);
  });

  test("a phone's map starts on the phone's grid of area names, a laptop's on the other", () => {
    const grid = (mapWidth: number) =>
      (
        basemapStyle('https://example.org/basemap/', { mapWidth }).state as Record<
          string,
          { default: string }
        >
      ).areaGrid!.default;
    expect([grid(390), grid(599), grid(600), grid(820)]).toEqual(['narrow', 'narrow', 'wide', 'wide']);
    expect(
      validateStyleMin(basemapStyle('https://example.org/basemap/', { mapWidth: 390 }) as never),
    ).toEqual([]);
  });

  test('URLs are absolute against the basemap folder, so a sub-path deploy works', () => {
    expect(style.sources.world).toMatchObject({
      url: 'pmtiles://https://example.org/sub/basemap/world.pmtiles',
    });
    expect(style.sources.region).toMatchObject({
      url: 'pmtiles://https://example.org/sub/basemap/region.pmtiles',
    });
    const faces = Object.values(
      style['font-faces'] as Record<string, { url: string; 'unicode-range': string[] }[]>,
    )[0]!;
    expect(faces.map((f) => f.url)).toEqual(
      BASEMAP_FONTS.map((f) => `https://example.org/sub/basemap/fonts/${f.file}`),
    );
    // Shaped Arabic is drawn in presentation forms: the Arabic font must cover them.
    expect(faces.flatMap((f) => f['unicode-range'])).toEqual(
      expect.arrayContaining(['U+FB50-FDFF', 'U+FE70-FEFF']),
    );
  });
});

describe('basemap data', () => {
  let archives: ReturnType<typeof buildBasemap> | undefined;
  /**
   * One build for the tests that need it. It takes seconds, more on a busy machine, so it
   * is made before them with room to spare: a slow build is not a failed test.
   */
  beforeAll(() => {
    archives = buildBasemap();
  });
  const built = () => archives!;
  const arabic = /[\u0600-\u06FF]/;
  const latin = /^[A-Za-z][A-Za-z' -]*$/;

  const data = (name: string) => JSON.parse(readFileSync(join(root, 'src/basemap/data', name), 'utf8'));
  // The towns of the flagship region: each named in Arabic too (src/basemap/extract/places.py).
  const inRegion = (t: GazetteerTown) =>
    ['IQ', 'SY', 'JO', 'KW', 'SA', 'IR', 'TR'].includes(t.cc) &&
    t.lon >= 35 &&
    t.lon <= 50.5 &&
    t.lat >= 28 &&
    t.lat <= 38.5;
  const places = GAZETTEER.filter(inRegion) as { en: string; ar: string }[];
  const labels = data('labels.json') as Record<string, { en: string; ar: string }[]>;
  const provinces = (data('provinces.json') as { provinces: { en: string; ar: string; adm0: string }[] })
    .provinces;
  const world = (data('world-countries.json') as { countries: { en: string; ar?: string; at: number[] }[] })
    .countries;
  const allLabels = [
    ...places,
    ...provinces,
    ...labels.countries!,
    ...labels.seas!,
    ...labels.lakes!,
    ...labels.rivers!,
  ];

  test('every label on the basemap (towns, provinces, countries, seas, lakes, rivers) has an English and an Arabic name', () => {
    const all = allLabels;
    expect(all.length).toBeGreaterThan(160);
    for (const p of all) {
      expect(p.en, JSON.stringify(p)).toMatch(latin);
      expect(p.ar, JSON.stringify(p)).toMatch(arabic);
      // Persian/Kurdish letters would mean an untagged alternate name slipped in.
      expect(p.ar, JSON.stringify(p)).not.toMatch(/[پچژگکۆێڕڵەی]/);
    }
    for (const name of ['Baghdad', 'Kirkuk', "Al-Qa'im", 'Erbil', 'Damascus', 'Amman', 'Kuwait City'])
      expect(places.map((p) => p.en)).toContain(name);
    // All 18 governorates of Iraq and 14 of Syria are named.
    expect(provinces.filter((p) => p.adm0 === 'IRQ')).toHaveLength(18);
    expect(provinces.filter((p) => p.adm0 === 'SYR')).toHaveLength(14);
    expect(provinces.map((p) => `${p.en}|${p.ar}`)).toEqual(
      expect.arrayContaining([
        'Anbar|الأنبار',
        'Baghdad|بغداد',
        'Nineveh|نينوى',
        'Kirkuk|كركوك',
        'Deir ez-Zor|دير الزور',
      ]),
    );
  });

  test('towns of the whole world: English names in the letters of the basic Latin font, Arabic where GeoNames has it', () => {
    expect(GAZETTEER.length).toBeGreaterThan(20000);
    // Drawn by the basic Latin font alone (U+0020–00FF and curly quotes): a single "ā" would
    // make every reader of that view download the Latin Extended font too (56 KB).
    const latinFont = /^[\u0020-\u007E\u00A0-\u00FF\u2018\u2019]+$/u;
    for (const t of GAZETTEER) {
      expect(t.en, JSON.stringify(t)).toMatch(latinFont);
      expect(t.en, JSON.stringify(t)).toMatch(/\p{Script=Latin}/u);
      if (t.ar !== undefined) {
        expect(t.ar, JSON.stringify(t)).toMatch(arabic);
        expect(t.ar, JSON.stringify(t)).not.toMatch(/[پچژگکۆێڕڵەی]/);
      }
    }
    // Every capital, English exonyms where readers know one, accents kept.
    const en = new Set(GAZETTEER.map((t) => t.en));
    for (const name of [
      'Wellington',
      'Buenos Aires',
      'Reykjavik',
      'Munich',
      'Cologne',
      'Valparaíso',
      'São Paulo',
    ])
      expect(en, name).toContain(name);
    expect(GAZETTEER.filter((t) => t.capital).length).toBeGreaterThan(200);
    // Capitals first, then by population: the first town of a name is the one a reader means.
    expect(GAZETTEER.find((t) => t.en === 'Wellington')!.cc).toBe('NZ');
    expect(GAZETTEER.find((t) => t.en === 'Valparaíso')!.cc).toBe('CL');
  });

  test('every country of the world has a name: in the basic Latin font, Arabic where GeoNames has it, a point inside it', () => {
    expect(world.length).toBeGreaterThan(230);
    const latinFont = /^[\u0020-\u007E\u00A0-\u00FF\u2018\u2019]+$/u;
    for (const c of world) {
      expect(c.en, JSON.stringify(c)).toMatch(latinFont);
      if (c.ar !== undefined) {
        expect(c.ar, JSON.stringify(c)).toMatch(arabic);
        expect(c.ar, JSON.stringify(c)).not.toMatch(/[پچژگکۆێڕڵەی]/);
      }
    }
    expect(world.filter((c) => c.ar).length).toBeGreaterThan(230);
    const kenya = world.find((c) => c.en === 'Kenya')!;
    expect(kenya.ar).toBe('كينيا');
    // The label point lies in the country (Kenya: 4.7° S to 5° N, 34° to 42° E).
    expect(kenya.at[0]).toBeGreaterThan(34);
    expect(kenya.at[0]).toBeLessThan(42);
    expect(kenya.at[1]).toBeGreaterThan(-4.7);
    expect(kenya.at[1]).toBeLessThan(5);
  });

  test('the Arabic font draws every letter the labels use, in every form MapLibre shapes it into', () => {
    const font = codePoints(
      readFileSync(join(root, 'src/basemap/data/fonts/noto-sans-arabic-basemap.woff2')),
    );
    // Arabic letters: a hyphen or space in an Arabic name is drawn by the Latin font.
    const letters = new Set(
      [...allLabels, ...GAZETTEER, ...world]
        .flatMap((l) => [...(l.ar ?? '')])
        .filter((c) => /[\u0600-\u06FF]/.test(c)),
    );
    const missing = [...letters].filter((c) => !font.has(c.codePointAt(0)!));
    // Contextual forms (initial, medial, final, isolated) and the lam-alef ligatures.
    const alefs = ['\u0627', '\u0622', '\u0623', '\u0625'];
    for (let cp = 0xfb50; cp <= 0xfeff; cp++) {
      const base = String.fromCodePoint(cp).normalize('NFKC');
      const needed =
        (base.length === 1 && letters.has(base)) ||
        (base.length === 2 &&
          base[0] === 'ل' &&
          letters.has('ل') &&
          alefs.includes(base[1]!) &&
          letters.has(base[1]!));
      if (needed && !font.has(cp)) missing.push(`U+${cp.toString(16).toUpperCase()} (${base})`);
    }
    expect(missing, 'run src/basemap/extract/subset-arabic-font.py again').toEqual([]);
  });

  test('land is drawn as land: each polygon has its outside ring first, so Iran is land and the Caspian water', async () => {
    const world = new PMTiles(new BytesSource(built()['world.pmtiles']!));
    const land = async (lon: number, lat: number, z: number) => {
      const [x, y] = lonLatToTile(lon, lat, z);
      const layer = decode((await world.getZxy(z, x, y))!.data).layers.land;
      const features = layer
        ? Array.from({ length: layer.length }, (_, i) => layer.feature(i).toGeoJSON(x, y, z))
        : [];
      return features.some((f) => turf.booleanPointInPolygon([lon, lat], f as never));
    };
    for (const z of [2, 3, 4, 5]) {
      expect(await land(47.07, 34.31, z), `Kermanshah at zoom ${z}`).toBe(true);
      expect(await land(44.4, 33.3, z), `Baghdad at zoom ${z}`).toBe(true);
      expect(await land(50.5, 42, z), `the Caspian at zoom ${z}`).toBe(false);
    }
  });

  test('at city scale the Tigris line gives way to the authored water in Baghdad, and only there, and joins it', async () => {
    const region = new PMTiles(new BytesSource(built()['region.pmtiles']!));
    const water = JSON.parse(readFileSync(join(root, 'geo/baghdad-river.geojson'), 'utf8')).features.find(
      (x: { properties: { basemap?: string } }) => x.properties.basemap === 'water',
    );
    /** Distance in km from the authored water to the nearest river vertex in the tile around a point. */
    const nearest = async (lon: number, lat: number, z: number, to: [number, number]) => {
      const [x, y] = lonLatToTile(lon, lat, z);
      const layer = decode((await region.getZxy(z, x, y))!.data).layers.rivers;
      const pts = layer
        ? Array.from({ length: layer.length }, (_, i) =>
            turf.coordAll(layer.feature(i).toGeoJSON(x, y, z) as never),
          ).flat()
        : [];
      return Math.min(...pts.map((p) => turf.distance(p, to)));
    };
    const centre = turf.centroid(water).geometry.coordinates as [number, number];
    // Below zoom 10 the Tigris line runs through the city (no authored water is drawn there yet).
    expect(await nearest(centre[0], centre[1], 9, centre)).toBeLessThan(3);
    // From zoom 10 it runs up to the authored water and stops there: one river, not a line across it…
    const [x, y] = lonLatToTile(centre[0], centre[1], 10);
    const layer = decode((await region.getZxy(10, x, y))!.data).layers.rivers;
    const vertices = layer
      ? Array.from({ length: layer.length }, (_, i) =>
          turf.coordAll(layer.feature(i).toGeoJSON(x, y, 10) as never),
        ).flat()
      : [];
    const outline = turf.polygonToLine(water) as GeoJSON.Feature<GeoJSON.LineString>;
    const toWater = (v: number[]) => turf.pointToLineDistance(v, outline, { units: 'kilometers' });
    const margin = turf.buffer(water, 1.2, { units: 'kilometers' }) as GeoJSON.Feature<GeoJSON.Polygon>;
    for (const v of vertices)
      if (turf.booleanPointInPolygon(v, margin))
        expect(
          toWater(v),
          `river vertex ${v} inside the authored water's margin, not on its edge`,
        ).toBeLessThan(0.05);
    expect(Math.min(...vertices.map(toWater)), 'the river line reaches the authored water').toBeLessThan(
      0.05,
    );
    // …and goes on elsewhere: the Tigris at Samarra is still drawn at zoom 10.
    expect(await nearest(43.88, 34.2, 10, [43.88, 34.2])).toBeLessThan(3);
  });

  test('a story far from the Middle East gets its towns: a covered area in Chile has Valparaíso and its neighbours, ranked by zoom', async () => {
    // A fixture coverage: one step at zoom 9 over the port of Valparaíso, nothing else.
    const chile = buildBasemap({ areas: [{ bbox: [-71.9, -33.3, -71.1, -32.8], zoom: 9 }] });
    const region = new PMTiles(new BytesSource(chile['region.pmtiles']!));
    const world = new PMTiles(new BytesSource(chile['world.pmtiles']!));
    const towns = async (archive: PMTiles, z: number, lon: number, lat: number) => {
      const [x, y] = lonLatToTile(lon, lat, z);
      const tile = await archive.getZxy(z, x, y);
      const layer = tile && decode(tile.data).layers.places;
      return layer ? Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties.name_en) : [];
    };
    const at = [-71.45, -33.03] as const;
    // Zoom 9, as the step looks: the port, its neighbours, the small towns inland.
    expect(await towns(region, 9, ...at)).toEqual(
      expect.arrayContaining(['Valparaíso', 'Viña del Mar', 'Quilpué', 'Villa Alemana', 'Limache']),
    );
    // Zoom 6 carries towns from 100,000 people only; the world archive the largest only.
    const z6 = await towns(region, 6, ...at);
    expect(z6).toEqual(expect.arrayContaining(['Valparaíso', 'Quilpué']));
    expect(z6).not.toContain('Limache');
    expect(await towns(world, 5, ...at)).not.toContain('Valparaíso');
    expect(await towns(world, 5, -70.65, -33.45)).toContain('Santiago');
    const z3 = await towns(world, 3, ...at);
    expect(z3).toContain('Santiago');
    expect(z3).not.toContain('Valparaíso');
    // Arabic where GeoNames has it; a town without one carries no empty name.
    const [x, y] = lonLatToTile(...at, 9);
    const layer = decode((await region.getZxy(9, x, y))!.data).layers.places!;
    const props = Array.from({ length: layer.length }, (_, i) => layer.feature(i).properties);
    expect(props.find((p) => p.name_en === 'Valparaíso')!.name_ar).toBe('فالبارايسو');
    expect(props.find((p) => p.name_en === 'Limache')).not.toHaveProperty('name_ar');
  });

  // The committed archives were built in another process, on another day: a build here that
  // gives the same bytes shows the pipeline is deterministic and the commit is up to date.
  test('the pipeline is deterministic and the committed archives are up to date', () => {
    const a = built();
    for (const name of Object.keys(a)) {
      const committed = readFileSync(join(root, 'public/basemap', name));
      expect(
        committed.equals(Buffer.from(a[name]!)),
        `public/basemap/${name} is stale: run npm run basemap and commit it`,
      ).toBe(true);
    }
  });
});

describe('story frontmatter basemap:', () => {
  test('a hosted style must be a full web address', () => {
    const md = STORY_MD.replace(/^---\n/, '---\nbasemap: tiles.example.org/style.json\n');
    const issues = checkContent(site({ 'stories/s/story.md': md }))
      .issues.filter((i) => i.severity === 'error')
      .map(formatIssue);
    expect(issues).toEqual([
      'stories/s/story.md:2 basemap — basemap is not the full https:// address of a MapLibre style — write its style.json URL, or leave basemap out for the offline basemap',
    ]);
  });
});
