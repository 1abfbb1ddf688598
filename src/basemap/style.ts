/**
 * The offline basemap's MapLibre style: quiet reference colours so the story layers
 * stand out. Pure: give it the URL of the basemap folder, get a style back.
 *
 * Long file: one style, its layers in drawing order. Split by layer type, a reader would have
 * to stitch files together to see what is drawn over what; the street detail's layers, which
 * stand apart, are in detail-style.ts.
 */
import { DETAIL_ATTRIBUTION, DETAIL_FILE, detailLayers } from './detail-style';
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  StyleSpecification,
  SymbolLayerSpecification,
} from 'maplibre-gl';

/** The detailed archive covers the stories' areas (coverage.ts) from REGION_MINZOOM on. */
export const WORLD_MAXZOOM = 5;
export const REGION_MINZOOM = 6;
export const REGION_MAXZOOM = 10;
/**
 * The packaged river lines (GSHHG, ~100 m) and their names stop here: closer in, a line drawn
 * across a city's blocks is visibly not where the river is.
 */
export const RIVERS_TO_ZOOM = 12;
/**
 * The zooms past the last tiles whose own grid of division names the closest tiles carry
 * (tagged `grid`; src/basemap/country-labels.ts): the labels layer draws the grid of the
 * zoom it is at, and the tiles' own points below the first of these.
 */
export const CLOSE_GRID_ZOOMS = [13, 14] as const;

export const FONT = 'Noto Sans Regular';
/**
 * Font files (Noto, OFL) and the Unicode ranges each covers: Latin from @fontsource,
 * Arabic subset to the letters the labels use (src/basemap/extract/subset-arabic-font.py).
 * `preload`: needed by any first view, so a story page asks for it as soon as its text has
 * painted (src/client/map-loader.ts): every view has English names, and the countries'
 * names carry their Arabic under them everywhere. Latin Extended waits until a name needs it.
 */
export const BASEMAP_FONTS = [
  {
    file: 'noto-sans-latin-400.woff2',
    from: '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2',
    preload: true,
    range: [
      'U+0000-00FF',
      'U+0131',
      'U+0152-0153',
      'U+02BB-02BC',
      'U+02C6',
      'U+02DA',
      'U+02DC',
      'U+2000-206F',
      'U+20AC',
      'U+2122',
      'U+2212',
      'U+2215',
    ],
  },
  {
    file: 'noto-sans-latin-ext-400.woff2',
    from: '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2',
    preload: false,
    range: ['U+0100-02AF', 'U+1E00-1EFF'],
  },
  {
    file: 'noto-sans-arabic-400.woff2',
    from: 'src/basemap/data/fonts/noto-sans-arabic-basemap.woff2',
    preload: true,
    range: ['U+0600-06FF', 'U+0750-077F', 'U+0870-08FF', 'U+200C-200E', 'U+FB50-FDFF', 'U+FE70-FEFF'],
  },
] as const;

/** The town layers, and which towns they draw: by rank as the map zooms in, less any the story labels itself (src/basemap/twins.ts). */
export const PLACE_LAYERS = ['world-places', 'region-places'];
/**
 * The area names the basemap repeats on a grid (src/basemap/country-labels.ts): the map hides all
 * but one of a name in view through the feature state `hidden` (src/map/names-to-hide.ts).
 * Without it, as in the style used alone, every one is drawn.
 */
export const AREA_LABEL_LAYERS = ['world-country-labels', 'region-country-labels', 'region-province-labels'];
/**
 * Spare country names, each shown only where its country is named nowhere else in view: the
 * phone's grid on a wide map, and the names beside each border on every map (border-labels.ts).
 */
export const SPARE_COUNTRY_LAYERS = ['world-spare-country-labels', 'region-spare-country-labels'];
const COUNTRY_NAME_COLOR = '#8a857b';
/** The sea and lake names. */
export const WATER_LABEL_LAYERS = ['world-water-labels', 'region-water-labels'];
/**
 * Every layer of names the map hides one of when the map's edge cuts it (feature state
 * `hidden`, src/map/names-to-hide.ts): half a word on the edge reads worse than none.
 */
export const NAME_LAYERS = [...AREA_LABEL_LAYERS, ...PLACE_LAYERS, ...WATER_LABEL_LAYERS];
const UNLESS_HIDDEN: ExpressionSpecification = [
  'case',
  ['boolean', ['feature-state', 'hidden'], false],
  0,
  1,
];
/** A town's rank: 1 capitals and cities of a million, 2 from 300,000, 3 from 100,000, 4 the rest
 * of the gazetteer; SMALL_TOWN_RANK the villages of the close-ups (src/basemap/places.ts). */
export const placeRank = (t: { capital: boolean; pop: number }): number =>
  t.capital || t.pop >= 1e6 ? 1 : t.pop >= 3e5 ? 2 : t.pop >= 1e5 ? 3 : 4;
/** From this zoom the close-ups name their villages: a reader looking at a few kilometres expects them. */
export const SMALL_TOWNS_FROM_ZOOM = 9;
export const SMALL_TOWN_RANK = 5;
/** The largest rank drawn from each zoom on (the build puts no smaller town in that zoom's tiles). */
const RANK_FROM_ZOOM: [zoom: number, rank: number][] = [
  [0, 1],
  [5, 2],
  [6, 3],
  [7, 4],
  [SMALL_TOWNS_FROM_ZOOM, SMALL_TOWN_RANK],
];
/** The smallest division (km²) named from each zoom on: large ones first, small ones as the map zooms in. */
const PROVINCE_KM2_FROM_ZOOM: [zoom: number, km2: number][] = [
  [0, 15000],
  [7, 2000],
  [8, 0],
];
export const provinceNamedAt = (zoom: number, km2: number): boolean =>
  km2 >= PROVINCE_KM2_FROM_ZOOM.filter(([z]) => z <= Math.floor(zoom)).at(-1)![1];
export const rankShownAt = (zoom: number): number =>
  RANK_FROM_ZOOM.filter(([z]) => z <= Math.floor(zoom)).at(-1)![1];
export function placesFilter(hidden: readonly string[]): FilterSpecification {
  const byRank = [
    '<=',
    ['get', 'rank'],
    ['step', ['zoom'], RANK_FROM_ZOOM[0]![1], ...RANK_FROM_ZOOM.slice(1).flat()],
  ] as ExpressionSpecification;
  return hidden.length
    ? ['all', byRank, ['!', ['in', ['get', 'name_en'], ['literal', [...hidden]]]]]
    : byRank;
}

/** Short enough for one line on a phone's map; "Sources and methods" says the rest. */
export const ATTRIBUTION =
  '<a href="https://www.naturalearthdata.com/">Natural Earth</a> · <a href="https://www.openstreetmap.org/copyright">© OpenStreetMap</a> (ODbL) · GSHHG (LGPL) · <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0) · Noto fonts (OFL)';

export const COLORS = {
  water: '#d6e2e8',
  land: '#f4f2ec',
  border: '#a39e94',
  province: '#c3bcb0',
  river: '#a9c4d2',
  text: '#5d5a54',
  provinceText: '#8d877c',
  halo: '#f4f2ec',
};

/**
 * English above, Arabic below (MapLibre shapes and orders the Arabic itself); English alone for
 * a town GeoNames gives no Arabic name.
 */
const bilingual: ExpressionSpecification = [
  'case',
  ['has', 'name_ar'],
  ['format', ['get', 'name_en'], {}, '\n', {}, ['get', 'name_ar'], { 'font-scale': 0.92 }],
  ['format', ['get', 'name_en'], {}],
];

/**
 * The type of area names. src/map/names-to-hide.ts estimates their boxes from the same
 * numbers, so a change here reaches the rule that hides names cut by the map's edge.
 */
export const AREA_NAME_TYPE = {
  /** Country names grow with the zoom: [zoom, px] stops, linear between, flat outside. */
  countryPx: [
    [3, 11],
    [7, 15],
  ],
  /** Where a long name wraps, in em. */
  countryWrapEm: 10,
  /** How far a country name may move from its point (above or below it), in em. */
  countryShiftEm: 1,
  provincePx: 10.5,
  provinceWrapEm: 8,
} as const;

/** The type of town and water names, read by the same estimate (src/map/names-to-hide.ts). */
export const PLACE_NAME_TYPE = {
  /** By rank: the largest towns (rank 1) 13 px, rank 2 12 px, the rest 11. */
  placePx: [13, 12, 11],
  /** A town's name hangs below its point, this many em down. */
  placeOffsetEm: 0.3,
  waterPx: 12,
  /** MapLibre's default text-max-width, which these layers keep. */
  wrapEm: 10,
} as const;

/**
 * A map narrower than this (a phone's) draws the denser of the two country-name grids the tiles
 * carry, and of the division names (src/basemap/country-labels.ts); the controller switches it
 * when the map is resized.
 */
export const NARROW_MAP_PX = 600;
/** The style's global state that says which grid is drawn: 'wide' or 'narrow'. */
export const AREA_GRID_STATE = 'areaGrid';
export const areaGridFor = (mapWidth: number): 'wide' | 'narrow' =>
  mapWidth < NARROW_MAP_PX ? 'narrow' : 'wide';

/**
 * `base` must be absolute (a style's relative URLs resolve against the page, not the style).
 * `detail`: the site has street-level detail (`npm run basemap -- --detail`, src/basemap/detail.ts).
 * `mapWidth`: the map's width in CSS pixels, which picks the grid of area names (areaGridFor).
 */
export function basemapStyle(
  base: string,
  options: { detail?: boolean; mapWidth?: number } = {},
): StyleSpecification {
  const dir = base.endsWith('/') ? base : `${base}/`;
  const src = (name: string) => ({
    type: 'vector' as const,
    url: `pmtiles://${dir}${name}`,
    attribution: ATTRIBUTION,
  });
  type Zooms = { minzoom?: number; maxzoom?: number };
  /** One layer drawn from the world archive below REGION_MINZOOM and from the region archive from it. */
  const pair = (
    id: string,
    l: object,
    zoom: { world?: Zooms; region?: Zooms } = {},
  ): LayerSpecification[] => [
    {
      ...l,
      id: `world-${id}`,
      source: 'world',
      maxzoom: REGION_MINZOOM,
      ...zoom.world,
    } as LayerSpecification,
    {
      ...l,
      id: `region-${id}`,
      source: 'region',
      minzoom: REGION_MINZOOM,
      ...zoom.region,
    } as LayerSpecification,
  ];
  // A label point of one grid only ('for') is drawn on maps of that width (country-labels.ts).
  const onThisMap: ExpressionSpecification = [
    'any',
    ['!', ['has', 'for']],
    ['==', ['get', 'for'], ['global-state', AREA_GRID_STATE]],
  ];
  const text = { 'text-color': COLORS.text, 'text-halo-color': COLORS.halo, 'text-halo-width': 1.4 };
  const countryNameLayout: SymbolLayerSpecification['layout'] = {
    'text-field': bilingual,
    'text-font': [FONT],
    'text-size': ['interpolate', ['linear'], ['zoom'], ...AREA_NAME_TYPE.countryPx.flat()],
    'text-max-width': AREA_NAME_TYPE.countryWrapEm,
    // An area's name may sit a line above or below its point: a point a few pixels too close
    // to a story label then still names the country.
    'text-variable-anchor': ['center', 'top', 'bottom'],
    'text-radial-offset': AREA_NAME_TYPE.countryShiftEm,
    'text-transform': 'none',
    'text-letter-spacing': 0.08,
  };
  return {
    version: 8,
    state: { [AREA_GRID_STATE]: { default: areaGridFor(options.mapWidth ?? Infinity) } },
    'font-faces': {
      [FONT]: BASEMAP_FONTS.map((f) => ({ url: `${dir}fonts/${f.file}`, 'unicode-range': [...f.range] })),
    },
    sources: {
      world: src('world.pmtiles'),
      region: src('region.pmtiles'),
      ...(options.detail
        ? { detail: { ...src(DETAIL_FILE), attribution: `${ATTRIBUTION} · ${DETAIL_ATTRIBUTION}` } }
        : {}),
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': COLORS.water } },
      {
        id: 'world-land',
        type: 'fill',
        source: 'world',
        'source-layer': 'land',
        paint: { 'fill-color': COLORS.land },
      },
      {
        id: 'world-lakes',
        type: 'fill',
        source: 'world',
        'source-layer': 'lakes',
        paint: { 'fill-color': COLORS.water },
      },
      {
        id: 'world-boundaries',
        type: 'line',
        source: 'world',
        'source-layer': 'boundaries',
        maxzoom: REGION_MINZOOM,
        paint: {
          'line-color': COLORS.border,
          'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.5, 6, 1.2],
        },
      },
      // Inside the region the detailed archive takes over: its mask hides the coarse layers.
      {
        id: 'region-mask',
        type: 'fill',
        source: 'region',
        'source-layer': 'mask',
        minzoom: REGION_MINZOOM,
        paint: { 'fill-color': COLORS.water, 'fill-antialias': false },
      },
      {
        id: 'region-land',
        type: 'fill',
        source: 'region',
        'source-layer': 'land',
        minzoom: REGION_MINZOOM,
        paint: { 'fill-color': COLORS.land, 'fill-antialias': false },
      },
      {
        id: 'region-lakes',
        type: 'fill',
        source: 'region',
        'source-layer': 'lakes',
        minzoom: REGION_MINZOOM,
        paint: { 'fill-color': COLORS.water },
      },
      ...(options.detail ? detailLayers() : []),
      // Rivers are in the world archive from zoom 4 (the 1:110m cut below has none). From zoom 10 the
      // region archive leaves them out around authored water (src/basemap/build.ts), which takes over.
      ...pair(
        'rivers',
        {
          type: 'line',
          'source-layer': 'rivers',
          layout: { 'line-join': 'round', 'line-cap': 'round' },
          paint: {
            'line-color': COLORS.river,
            'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 8, 1.6, 12, 3],
          },
        },
        { world: { minzoom: 4 }, region: { maxzoom: RIVERS_TO_ZOOM } },
      ),
      {
        id: 'region-water-schematic',
        type: 'fill',
        source: 'region',
        'source-layer': 'water_schematic',
        minzoom: 9,
        paint: {
          'fill-color': COLORS.river,
          'fill-opacity': ['interpolate', ['linear'], ['zoom'], 9.5, 0, 10, 0.9],
        },
      },
      {
        id: 'region-bridges-schematic',
        type: 'line',
        source: 'region',
        'source-layer': 'bridges_schematic',
        minzoom: 11,
        layout: { 'line-cap': 'butt' },
        paint: {
          'line-color': '#b3ada2',
          'line-width': ['interpolate', ['exponential', 2], ['zoom'], 11, 1.5, 16, 12],
        },
      },
      // The river's name along the authored water's banks, where the river line has given way to it.
      {
        id: 'region-water-schematic-labels',
        type: 'symbol',
        source: 'region',
        'source-layer': 'water_schematic',
        minzoom: 11,
        filter: ['has', 'name_en'],
        layout: {
          'symbol-placement': 'line',
          // Closer in, more places along the banks to try: on a phone's street-level view the
          // water is a corner of the map, partly under the scale bar, and one try in 350 px missed it.
          'symbol-spacing': ['step', ['zoom'], 350, 13, 160],
          'text-field': bilingual,
          'text-font': [FONT],
          'text-size': 12,
          'text-max-angle': 30,
        },
        paint: {
          'text-color': '#4f7a92',
          'text-halo-color': COLORS.halo,
          'text-halo-width': 1.4,
        },
      },
      // First-level divisions: quieter than country borders, dashed, under them.
      ...pair(
        'provinces',
        {
          type: 'line',
          'source-layer': 'provinces',
          layout: { 'line-join': 'round' },
          paint: {
            'line-color': COLORS.province,
            'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.6, 10, 1.2],
            'line-dasharray': [3, 2],
          },
        },
        { world: { minzoom: 5 } },
      ),
      {
        id: 'region-boundaries',
        type: 'line',
        source: 'region',
        'source-layer': 'boundaries',
        minzoom: REGION_MINZOOM,
        paint: {
          'line-color': COLORS.border,
          'line-width': ['interpolate', ['linear'], ['zoom'], 6, 1.2, 12, 2.2],
        },
      },
      ...(['world', 'region'] as const).flatMap((s): LayerSpecification[] => {
        const zoom = s === 'world' ? { maxzoom: REGION_MINZOOM } : { minzoom: REGION_MINZOOM };
        return [
          // Lowest of the names, so placed last: the phone's grid of country names on a wide
          // map and the names beside each border, unseen, in the room every other name leaves;
          // the map shows one where a country in view is named nowhere else (sparesToShow in
          // src/map/names-to-hide.ts).
          {
            id: `${s}-spare-country-labels`,
            type: 'symbol',
            source: s,
            'source-layer': 'labels',
            ...zoom,
            filter: [
              'all',
              ['==', ['get', 'kind'], 'country'],
              [
                'any',
                ['==', ['get', 'for'], 'spare'],
                ['all', ['==', ['get', 'for'], 'narrow'], ['==', ['global-state', AREA_GRID_STATE], 'wide']],
              ],
            ],
            layout: countryNameLayout,
            paint: {
              ...text,
              'text-color': COUNTRY_NAME_COLOR,
              'text-opacity': ['case', ['boolean', ['feature-state', 'spare'], false], 1, 0],
            },
          },
          {
            id: `${s}-river-labels`,
            type: 'symbol',
            source: s,
            'source-layer': 'rivers',
            // Named only where the line is drawn: past RIVERS_TO_ZOOM the line strays from the water
            // (the authored water's own labels carry the name there).
            ...(s === 'world'
              ? { minzoom: 5, maxzoom: REGION_MINZOOM }
              : { ...zoom, maxzoom: RIVERS_TO_ZOOM }),
            filter: ['has', 'name_en'],
            layout: {
              'symbol-placement': 'line',
              // Closer in, a river's meanders leave few stretches straight enough for its name:
              // try more of them, and allow more bend.
              'symbol-spacing': ['step', ['zoom'], 400, SMALL_TOWNS_FROM_ZOOM, 150],
              'text-field': bilingual,
              'text-font': [FONT],
              'text-size': 12,
              'text-max-angle': 45,
            },
            paint: { ...text, 'text-color': '#4f7a92' },
          },
          {
            id: `${s}-water-labels`,
            type: 'symbol',
            source: s,
            'source-layer': 'labels',
            ...zoom,
            filter: ['in', ['get', 'kind'], ['literal', ['sea', 'lake']]],
            layout: {
              'text-field': bilingual,
              'text-font': [FONT],
              'text-size': PLACE_NAME_TYPE.waterPx,
              'text-letter-spacing': 0.05,
            },
            paint: { ...text, 'text-color': '#4f7a92', 'text-opacity': UNLESS_HIDDEN },
          },
          // Division names, in capitals and letter-spaced so they read as areas, not towns; town
          // and country labels sit above them in the stack, so MapLibre places those first where
          // they collide. Repeated inside each division from zoom 6 to the closest zooms
          // (src/basemap/country-labels.ts), so even a close-up with no town in it says where it is.
          ...(s === 'region'
            ? [
                {
                  id: 'region-province-labels',
                  type: 'symbol',
                  source: s,
                  'source-layer': 'labels',
                  minzoom: REGION_MINZOOM,
                  filter: [
                    'all',
                    ['==', ['get', 'kind'], 'province'],
                    onThisMap,
                    [
                      '==',
                      ['coalesce', ['get', 'grid'], 0],
                      ['step', ['zoom'], 0, ...CLOSE_GRID_ZOOMS.flatMap((z) => [z, z])],
                    ],
                    [
                      '>=',
                      ['get', 'km2'],
                      [
                        'step',
                        ['zoom'],
                        PROVINCE_KM2_FROM_ZOOM[0]![1],
                        ...PROVINCE_KM2_FROM_ZOOM.slice(1).flat(),
                      ],
                    ],
                  ],
                  layout: {
                    'text-field': bilingual,
                    'text-font': [FONT],
                    'text-size': AREA_NAME_TYPE.provincePx,
                    'text-transform': 'uppercase',
                    'text-letter-spacing': 0.12,
                    'text-max-width': AREA_NAME_TYPE.provinceWrapEm,
                    'symbol-sort-key': ['-', ['get', 'km2']],
                  },
                  paint: { ...text, 'text-color': COLORS.provinceText, 'text-opacity': UNLESS_HIDDEN },
                } as LayerSpecification,
              ]
            : []),
          {
            id: `${s}-places`,
            type: 'symbol',
            source: s,
            'source-layer': 'places',
            ...zoom,
            filter: placesFilter([]),
            layout: {
              'text-field': bilingual,
              'text-font': [FONT],
              'text-size': [
                'match',
                ['get', 'rank'],
                1,
                PLACE_NAME_TYPE.placePx[0],
                2,
                PLACE_NAME_TYPE.placePx[1],
                PLACE_NAME_TYPE.placePx[2],
              ],
              'text-anchor': 'top',
              'text-offset': [0, PLACE_NAME_TYPE.placeOffsetEm],
              'symbol-sort-key': ['get', 'rank'],
            },
            paint: { ...text, 'text-color': '#55524c', 'text-opacity': UNLESS_HIDDEN },
          },
          {
            id: `${s}-country-labels`,
            type: 'symbol',
            source: s,
            'source-layer': 'labels',
            ...zoom,
            filter: ['all', ['==', ['get', 'kind'], 'country'], onThisMap],
            layout: countryNameLayout,
            paint: { ...text, 'text-color': COUNTRY_NAME_COLOR, 'text-opacity': UNLESS_HIDDEN },
          },
        ];
      }),
    ],
  };
}
