/**
 * The MapLibre style: a plain background with country outlines, and the story's
 * layers. Visibility and highlight are filters on `ref`, set by the controller.
 */
import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, FilterSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { FALLBACK_KIND, HIGHLIGHT_COLOR, KINDS } from '../story/kinds';

export const HIGHLIGHT = HIGHLIGHT_COLOR;

const kindColor: ExpressionSpecification = [
  'match',
  ['get', 'kind'],
  ...Object.entries(KINDS).flatMap(([k, s]) => [k, s.color]),
  FALLBACK_KIND.color,
] as unknown as ExpressionSpecification;

const isPolygon: FilterSpecification = ['==', ['geometry-type'], 'Polygon'];
const isLine: FilterSpecification = ['==', ['geometry-type'], 'LineString'];
const isPoint: FilterSpecification = ['==', ['geometry-type'], 'Point'];
const dashed: FilterSpecification = ['any', ['==', ['get', 'draw'], 'area'], ['get', 'schematic']];

/** Each story layer, its own base filter; the controller adds the id filters. */
export const STORY_LAYERS: { id: string; role: 'visible' | 'highlight'; base: FilterSpecification; layer: Omit<LayerSpecification, 'id' | 'source' | 'filter'> }[] = [
  { id: 'story-fill', role: 'visible', base: isPolygon, layer: { type: 'fill', paint: { 'fill-color': kindColor, 'fill-opacity': ['case', ['==', ['get', 'draw'], 'area'], 0.16, 0.1] } } as never },
  { id: 'story-outline-dashed', role: 'visible', base: ['all', isPolygon, dashed], layer: { type: 'line', paint: { 'line-color': kindColor, 'line-width': 1.5, 'line-dasharray': [3, 2] } } as never },
  { id: 'story-outline', role: 'visible', base: ['all', isPolygon, ['!', dashed]], layer: { type: 'line', paint: { 'line-color': kindColor, 'line-width': 1.5 } } as never },
  { id: 'story-line', role: 'visible', base: isLine, layer: { type: 'line', layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': kindColor, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.5, 14, 6, 16, 14], 'line-opacity': 0.8 } } as never },
  { id: 'story-highlight-fill', role: 'highlight', base: isPolygon, layer: { type: 'fill', paint: { 'fill-color': HIGHLIGHT, 'fill-opacity': 0.14 } } as never },
  { id: 'story-highlight-outline', role: 'highlight', base: ['any', isPolygon, isLine], layer: { type: 'line', paint: { 'line-color': HIGHLIGHT, 'line-width': 3 } } as never },
  { id: 'story-point', role: 'visible', base: isPoint, layer: { type: 'circle', paint: { 'circle-radius': 5, 'circle-color': kindColor, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 } } as never },
  { id: 'story-highlight-point', role: 'highlight', base: isPoint, layer: { type: 'circle', paint: { 'circle-radius': 9, 'circle-color': 'rgba(0,0,0,0)', 'circle-stroke-color': HIGHLIGHT, 'circle-stroke-width': 3 } } as never },
];

export function storyStyle(countries: { land: FeatureCollection; borders: FeatureCollection }, story: FeatureCollection): StyleSpecification {
  const none: FilterSpecification = ['in', ['get', 'ref'], ['literal', []]];
  return {
    version: 8,
    sources: {
      land: { type: 'geojson', data: countries.land, attribution: 'Natural Earth' },
      borders: { type: 'geojson', data: countries.borders },
      story: { type: 'geojson', data: story },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#d9e4ea' } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#f3f0e8' } },
      { id: 'borders', type: 'line', source: 'borders', paint: { 'line-color': '#8f887c', 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.6, 10, 1.6] } },
      ...STORY_LAYERS.map((l) => ({ ...l.layer, id: l.id, source: 'story', filter: ['all', l.base, none] }) as LayerSpecification),
    ],
  };
}

export function idFilter(base: FilterSpecification, ids: string[]): FilterSpecification {
  return ['all', base, ['in', ['get', 'ref'], ['literal', ids]]] as FilterSpecification;
}
