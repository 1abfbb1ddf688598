/**
 * The story's places as the map draws them at a zoom, in viewport pixels: the highlighted
 * ones whole (mark, line, outline) and the other places' dots. Pure, given how to project a
 * position, so the controller only supplies the map's projection and what is shown.
 */
import type { Feature, Position } from 'geojson';
import { drawnWidths } from './layers';
import type { Box } from './boxes';
import { obstaclesOf, type Drawn, type Obstacle } from './label-obstacles';

export interface DrawnQuery {
  visible: ReadonlySet<string>;
  highlighted: ReadonlySet<string>;
  zoom: number;
  /** A position to viewport pixels. */
  project: (p: Position) => [number, number];
  map: Box;
}

/** An uncertainty disc that the zoom fades out (layers.ts) is not in the way. */
export function drawnPlaces(
  features: readonly Feature[],
  { visible, highlighted, zoom, project, map }: DrawnQuery,
): (Obstacle & { outline: boolean })[] {
  const widths = drawnWidths(zoom);
  return features.flatMap((f) => {
    const ref = f.properties?.ref as string | undefined;
    if (!ref || !visible.has(ref)) return [];
    const lit = highlighted.has(ref);
    const g = f.geometry;
    const shapes: Drawn[] = [];
    if (g.type === 'Point')
      shapes.push({ type: 'point', at: project(g.coordinates), radius: lit ? widths.ring : widths.dot });
    else if (!lit) return [];
    else if (!widths.disc(f.properties ?? {})) return [];
    else if (g.type === 'LineString')
      shapes.push({ type: 'line', path: g.coordinates.map(project), width: widths.line });
    else if (g.type === 'MultiLineString')
      for (const l of g.coordinates) shapes.push({ type: 'line', path: l.map(project), width: widths.line });
    else if (g.type === 'Polygon')
      shapes.push({
        type: 'polygon',
        rings: g.coordinates.map((r) => r.map(project)),
        width: widths.outline,
      });
    else if (g.type === 'MultiPolygon')
      for (const p of g.coordinates)
        shapes.push({ type: 'polygon', rings: p.map((r) => r.map(project)), width: widths.outline });
    return shapes.flatMap((d) =>
      obstaclesOf(ref, d, map).map((o) => ({ ...o, outline: d.type === 'polygon' })),
    );
  });
}
