/**
 * The story's MapLibre layers, drawn on top of a basemap style (src/basemap/style.ts
 * or a hosted one). Visibility and highlight are filters on `ref`, set by the controller.
 */
import type { FeatureCollection } from 'geojson';
import type {
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';
import { AREA_ONLY_FROM_M, HIGHLIGHT_COLOR } from '../story/kinds';

/** Each feature carries its kind's colour in this story (src/story/display.ts). */
const kindColor: ExpressionSpecification = ['get', 'color'];

/**
 * How much an uncertainty disc shows: fully once the view is close enough for a town's
 * few kilometres to be worth reading, barely in a regional view, where a disc of a
 * few km would otherwise cover the towns and borders around it. A disc that is the
 * only sign of its place (10 km or more: no dot) always shows.
 */
const discOpacity = (disc: number, other: number): ExpressionSpecification => {
  const isDisc: ExpressionSpecification = ['==', ['get', 'draw'], 'area'];
  const alone: ExpressionSpecification = ['>=', ['get', 'precision_m'], AREA_ONLY_FROM_M];
  // MapLibre takes the zoom only at the top of an expression: the cases go inside.
  return [
    'interpolate',
    ['linear'],
    ['zoom'],
    7,
    ['case', isDisc, ['case', alone, disc, 0], other],
    10,
    ['case', isDisc, disc, other],
  ];
};

const isPolygon: FilterSpecification = ['==', ['geometry-type'], 'Polygon'];
const isLine: FilterSpecification = ['==', ['geometry-type'], 'LineString'];
const isPoint: FilterSpecification = ['==', ['geometry-type'], 'Point'];
const dashed: FilterSpecification = ['any', ['==', ['get', 'draw'], 'area'], ['get', 'schematic']];

/** Half the width of what the story layers draw at a zoom (pixels), for the labels to keep clear of. */
export function drawnWidths(zoom: number) {
  const lineWidth =
    zoom <= 8 ? 1.5 : zoom <= 14 ? 1.5 + ((zoom - 8) * 4.5) / 6 : Math.min(14, 6 + (zoom - 14) * 4);
  return {
    /** A place's dot: radius 5 and its 1.5-px white ring. */
    dot: 7,
    /** A highlighted place's ring: radius 9, stroke 3. */
    ring: 11,
    line: Math.max(3, lineWidth),
    outline: 3,
    /** Whether a polygon is drawn at this zoom: a small uncertainty disc fades in from 7 to 10. */
    disc: (p: Record<string, unknown>) =>
      p.draw !== 'area' || (p.precision_m as number) >= AREA_ONLY_FROM_M || zoom >= 8.5,
  };
}

/**
 * The basemap's labels give way to the story's: each story label and drawn place is a transparent
 * icon of its box's size (images named `${OBSTACLE_IMAGE}<width>x<height>`, made by the controller)
 * in the topmost symbol layer, which MapLibre places first.
 */
export const OBSTACLE_SOURCE = 'story-obstacles';
export const OBSTACLE_IMAGE = 'story-obstacle-';
const obstacleLayer: LayerSpecification = {
  id: 'story-obstacles',
  type: 'symbol',
  source: OBSTACLE_SOURCE,
  layout: {
    'icon-image': ['get', 'image'],
    'icon-allow-overlap': true,
    'icon-ignore-placement': false,
    'icon-pitch-alignment': 'viewport',
    'icon-rotation-alignment': 'viewport',
  },
  paint: { 'icon-opacity': 0 },
};

/** Each story layer, its own base filter; the controller adds the id filters. */
export const STORY_LAYERS: {
  id: string;
  role: 'visible' | 'highlight';
  base: FilterSpecification;
  layer: Omit<LayerSpecification, 'id' | 'source' | 'filter'>;
}[] = [
  {
    id: 'story-fill',
    role: 'visible',
    base: isPolygon,
    layer: {
      type: 'fill',
      paint: {
        'fill-color': kindColor,
        'fill-opacity': discOpacity(0.16, 0.1),
      },
    } as never,
  },
  {
    id: 'story-outline-dashed',
    role: 'visible',
    base: ['all', isPolygon, dashed],
    layer: {
      type: 'line',
      paint: {
        'line-color': kindColor,
        'line-width': 1.5,
        'line-dasharray': [3, 2],
        'line-opacity': discOpacity(1, 1),
      },
    } as never,
  },
  {
    id: 'story-outline',
    role: 'visible',
    base: ['all', isPolygon, ['!', dashed]],
    layer: { type: 'line', paint: { 'line-color': kindColor, 'line-width': 1.5 } } as never,
  },
  {
    id: 'story-line',
    role: 'visible',
    base: isLine,
    layer: {
      type: 'line',
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': kindColor,
        'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.5, 14, 6, 16, 14],
        'line-opacity': 0.8,
      },
    } as never,
  },
  {
    id: 'story-highlight-fill',
    role: 'highlight',
    base: isPolygon,
    layer: {
      type: 'fill',
      paint: { 'fill-color': HIGHLIGHT_COLOR, 'fill-opacity': discOpacity(0.14, 0.14) },
    } as never,
  },
  {
    id: 'story-highlight-outline',
    role: 'highlight',
    base: ['any', isPolygon, isLine],
    layer: {
      type: 'line',
      paint: { 'line-color': HIGHLIGHT_COLOR, 'line-width': 3, 'line-opacity': discOpacity(1, 1) },
    } as never,
  },
  {
    id: 'story-point',
    role: 'visible',
    base: isPoint,
    layer: {
      type: 'circle',
      paint: {
        'circle-radius': 5,
        'circle-color': kindColor,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 1.5,
      },
    } as never,
  },
  {
    id: 'story-highlight-point',
    role: 'highlight',
    base: isPoint,
    layer: {
      type: 'circle',
      paint: {
        'circle-radius': 9,
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': HIGHLIGHT_COLOR,
        'circle-stroke-width': 3,
      },
    } as never,
  },
];

/**
 * Any basemap style (the offline one or a hosted one) with the story's source and
 * layers added on top. `filters` carries the current visibility so a style change
 * keeps the step's state.
 */
export function withStoryLayers(
  basemap: StyleSpecification,
  story: FeatureCollection,
  filters: Record<string, FilterSpecification> = {},
): StyleSpecification {
  const none: FilterSpecification = ['in', ['get', 'ref'], ['literal', []]];
  return {
    ...basemap,
    sources: {
      ...basemap.sources,
      story: { type: 'geojson', data: story },
      [OBSTACLE_SOURCE]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
    },
    layers: [
      ...basemap.layers.filter((l) => l.id !== obstacleLayer.id && !STORY_LAYERS.some((s) => s.id === l.id)),
      ...STORY_LAYERS.map(
        (l) =>
          ({
            ...l.layer,
            id: l.id,
            source: 'story',
            filter: filters[l.id] ?? ['all', l.base, none],
          }) as LayerSpecification,
      ),
      obstacleLayer,
    ],
  };
}

/** Each story layer's filter for the features drawn and those drawn with emphasis. */
export function storyFilters(ids: {
  visible: readonly string[];
  highlight: readonly string[];
}): Record<string, FilterSpecification> {
  return Object.fromEntries(STORY_LAYERS.map((l) => [l.id, idFilter(l.base, [...ids[l.role]])]));
}

function idFilter(base: FilterSpecification, ids: string[]): FilterSpecification {
  return ['all', base, ['in', ['get', 'ref'], ['literal', ids]]] as FilterSpecification;
}
