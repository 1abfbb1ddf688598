/**
 * The street-level detail layers (src/basemap/detail.ts), in the basemap's quiet palette:
 * built-up areas and parks as faint tints, water as the basemap's water, roads as pale
 * lines widening by class, buildings only at the closest zooms. Drawn above the region's
 * land and below its rivers, borders and labels, so the story layers stay on top.
 */
import type { LayerSpecification } from 'maplibre-gl';

export const DETAIL_MINZOOM = 12;
export const DETAIL_MAXZOOM = 15;
export const DETAIL_FILE = 'detail.pmtiles';
export const DETAIL_ATTRIBUTION =
  '<a href="https://www.openstreetmap.org/copyright">© OpenStreetMap</a> (ODbL) via <a href="https://protomaps.com/">Protomaps</a>';

const C = {
  builtUp: '#ece8df',
  green: '#e4e8d9',
  water: '#d6e2e8',
  road: '#fffdf8',
  casing: '#dcd5c9',
  major: '#fbf3e1',
  rail: '#cdc7bc',
  building: '#e3ded4',
  buildingLine: '#d5cfc3',
};

/** Width of a road of each class, at zoom 12 and 16. */
const widths: [string, number, number][] = [
  ['highway', 1.6, 9],
  ['major_road', 1.2, 7],
  ['medium_road', 0.8, 5],
  ['minor_road', 0.3, 3],
  ['path', 0, 1],
  ['other', 0, 1.5],
];
const roadWidth = (extra: number) =>
  [
    'interpolate',
    ['exponential', 1.6],
    ['zoom'],
    12,
    ['match', ['get', 'kind'], ...widths.flatMap(([k, w]) => [k, w + (w ? extra : 0)]), 0.3],
    16,
    ['match', ['get', 'kind'], ...widths.flatMap(([k, , w]) => [k, w + extra]), 1],
  ] as unknown as number;

export function detailLayers(): LayerSpecification[] {
  const base = { source: 'detail', minzoom: DETAIL_MINZOOM } as const;
  const roads = ['!=', ['get', 'kind'], 'rail'] as const;
  return [
    {
      ...base,
      id: 'detail-landuse',
      type: 'fill',
      'source-layer': 'landuse',
      filter: [
        'in',
        ['get', 'kind'],
        [
          'literal',
          [
            'residential',
            'commercial',
            'industrial',
            'retail',
            'railway',
            'military',
            'hospital',
            'school',
            'university',
            'pedestrian',
            'aerodrome',
            'park',
            'garden',
            'cemetery',
            'grass',
            'forest',
            'wood',
            'golf_course',
            'playground',
            'stadium',
          ],
        ],
      ],
      paint: {
        'fill-color': [
          'match',
          ['get', 'kind'],
          ['park', 'garden', 'cemetery', 'grass', 'forest', 'wood', 'golf_course', 'playground'],
          C.green,
          C.builtUp,
        ],
        'fill-antialias': false,
      },
    },
    {
      ...base,
      id: 'detail-water',
      type: 'fill',
      'source-layer': 'water',
      paint: { 'fill-color': C.water, 'fill-antialias': false },
    },
    {
      ...base,
      id: 'detail-buildings',
      type: 'fill',
      'source-layer': 'buildings',
      minzoom: 14,
      paint: {
        'fill-color': C.building,
        'fill-outline-color': C.buildingLine,
        'fill-opacity': ['interpolate', ['linear'], ['zoom'], 14, 0, 14.5, 1],
      },
    },
    {
      ...base,
      id: 'detail-rail',
      type: 'line',
      'source-layer': 'roads',
      minzoom: 13,
      filter: ['==', ['get', 'kind'], 'rail'],
      paint: { 'line-color': C.rail, 'line-width': 1, 'line-dasharray': [3, 2] },
    },
    {
      ...base,
      id: 'detail-roads-casing',
      type: 'line',
      'source-layer': 'roads',
      minzoom: 13,
      filter: ['all', roads, ['!=', ['get', 'kind'], 'path']],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: { 'line-color': C.casing, 'line-width': roadWidth(1.5) },
    },
    {
      ...base,
      id: 'detail-roads',
      type: 'line',
      'source-layer': 'roads',
      filter: roads as never,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        // Before their casings appear (zoom 13), roads are drawn in the casing's tone to show at all.
        'line-color': [
          'step',
          ['zoom'],
          C.casing,
          13,
          ['match', ['get', 'kind'], ['highway', 'major_road'], C.major, ['path'], C.casing, C.road],
        ],
        'line-width': roadWidth(0),
      },
    },
  ] as LayerSpecification[];
}
