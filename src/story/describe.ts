/**
 * Generates the words a screen-reader user hears for a step's map when the editor
 * wrote no `alt`: what is shown, what stands out, how approximate it is, and how far
 * the story just travelled.
 */
import * as turf from '@turf/turf';
import type { DisplayFeature } from '../geo/display';
import { AREA_ONLY_FROM_M, kindStyle } from './kinds';

const WINDS = [
  'north',
  'north-north-east',
  'north-east',
  'east-north-east',
  'east',
  'east-south-east',
  'south-east',
  'south-south-east',
  'south',
  'south-south-west',
  'south-west',
  'west-south-west',
  'west',
  'west-north-west',
  'north-west',
  'north-north-west',
];

/** 16-point compass word for a bearing in degrees. */
export function compass(bearing: number): string {
  const i = Math.round((((bearing % 360) + 360) % 360) / 22.5) % 16;
  return WINDS[i]!;
}

/** "317 km", "15.5 km", "500 m": rounded the way a reporter would say it. */
export function roundDistance(km: number): string {
  if (km < 1) return `${Math.round(km * 10) * 100} m`;
  if (km < 20) return `${Math.round(km * 10) / 10} km`;
  if (km < 100) return `${Math.round(km)} km`;
  return `${Math.round(km / 10) * 10} km`;
}

export function listWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "about 320 km west-north-west of K-1 Air Base". */
export function relativePosition(from: DisplayFeature, to: DisplayFeature): string {
  const a = turf.point(to.labelAt);
  const b = turf.point(from.labelAt);
  const km = turf.distance(a, b, { units: 'kilometers' });
  return `about ${roundDistance(km)} ${compass(turf.bearing(a, b))} of ${to.label}`;
}

export function describeMap(
  visible: DisplayFeature[],
  highlight: DisplayFeature[],
  previousFocus: DisplayFeature | undefined,
): string {
  const shown = visible.filter((f) => !kindStyle(f.kind).labelOnly);
  const sentences: string[] = [];
  if (shown.length === 0) sentences.push('The map shows the region with no places marked.');
  else sentences.push(`The map shows ${listWords(shown.map((f) => f.label))}.`);
  if (highlight.length > 0) {
    sentences.push(
      `${listWords(highlight.map((f) => f.label))} ${highlight.length === 1 ? 'is' : 'are'} highlighted.`,
    );
  }
  const approx = shown.filter((f) => f.approximate && f.precision_m >= AREA_ONLY_FROM_M);
  for (const f of approx) {
    sentences.push(
      `${f.label} is drawn as an approximate area about ${roundDistance(f.precision_m / 1000)} in radius, not an exact location.`,
    );
  }
  const schematic = shown.filter((f) => f.schematic);
  if (schematic.length > 0) {
    sentences.push(
      `The ${listWords(schematic.map((f) => f.label))} ${schematic.length === 1 ? 'is' : 'are'} drawn schematically.`,
    );
  }
  const focus = highlight[0];
  if (focus && previousFocus && previousFocus.id !== focus.id) {
    sentences.push(`${focus.label} is ${relativePosition(focus, previousFocus)}.`);
  }
  return sentences.join(' ');
}
