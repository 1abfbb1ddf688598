/**
 * The static map's orientation aids (src/static-map/locator.ts): a scale bar on every map,
 * a north arrow when the step turns the map, and at close zoom the locator inset, in the
 * first corner where it covers none of the story's shapes or labels.
 */
import type { GeoProjection } from 'd3-geo';
import type { FeatureCollection } from 'geojson';
import type { MapState } from '../story/map-state';
import {
  LOCATOR,
  needsLocator,
  renderLocator,
  renderNorthArrow,
  renderScaleBar,
  viewOf,
  type Town,
} from './locator';

export type { Town };
type Box = [number, number, number, number];

export function orientationLayers(input: {
  projection: GeoProjection;
  /** The map's size in pixels. */
  size: { width: number; height: number };
  state: MapState;
  countries: { land: FeatureCollection; borders: FeatureCollection };
  towns: Town[] | undefined;
  /** What the story draws, in map pixels: the inset keeps off it. */
  occupied: Box[];
}): string {
  const { width: W, height: H } = input.size;
  const view = viewOf(input.projection, W, H);
  const out = [renderScaleBar(view, 12, H - 12)];
  const bearing = input.state.camera.bearing;
  if (Math.abs(bearing) > 0.5) out.push(renderNorthArrow(bearing, W - 24, H - 38));
  if (input.towns && needsLocator(view)) {
    const { width: w, height: h } = LOCATOR;
    const corners: { x: number; y: number }[] = [
      { x: W - w - 10, y: 10 },
      { x: 10, y: 10 },
      { x: W - w - 10, y: H - h - 58 },
      { x: 10, y: H - h - 34 },
    ];
    const clear = (c: { x: number; y: number }) =>
      !input.occupied.some((b) => b[0] < c.x + w && b[2] > c.x && b[1] < c.y + h && b[3] > c.y);
    const at = corners.find(clear) ?? corners[0]!;
    out.push(renderLocator(view, input.countries, input.towns, at));
  }
  return out.join('\n');
}
