/**
 * Generates the words a screen-reader user hears for a step's map when the editor
 * wrote no `alt`: what is shown, what stands out, how approximate it is, and how far
 * the story just travelled.
 */
import * as turf from '@turf/turf';
import type { DisplayFeature } from './display';
import { AREA_ONLY_FROM_M } from './kinds';

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

/**
 * How a place is named in prose. A label that reads as a name ("Old Harbour") is used as
 * it is. A label written as a caption for the map ("Floods: 3 villages cut off") is not a
 * name: it becomes a noun phrase from its kind, in the story's words, and the nearest named
 * place ("the flooded area near Millbrook"), so no caption is ever spliced into a sentence.
 */
export function spokenName(f: DisplayFeature, around: readonly DisplayFeature[] = []): string {
  if (!isCaption(f.label)) return f.label;
  const kind = f.kindLabel;
  const noun = /^[A-Z][a-z]/.test(kind) ? kind[0]!.toLowerCase() + kind.slice(1) : kind;
  const at = turf.point(f.labelAt);
  const km = (o: DisplayFeature) => turf.distance(at, turf.point(o.labelAt), { units: 'kilometers' });
  // "Near" only means something within a short drive; farther off, the kind alone.
  const named = around.filter((o) => o.id !== f.id && !isCaption(o.label) && km(o) <= NEAR_KM);
  if (named.length === 0) return `the ${noun}`;
  const nearest = named.reduce((a, b) => (km(a) <= km(b) ? a : b));
  return `the ${noun} near ${nearest.label}`;
}

const NEAR_KM = 50;

/** A label with a colon, or a count of things, is a caption for the map rather than a name. */
const isCaption = (label: string): boolean => /:|\b\d+ (?:sites?|places?|targets?)\b/i.test(label);

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "about 320 km west-north-west of the port" (`to` named as `toName`). */
export function relativePosition(from: DisplayFeature, to: DisplayFeature, toName = to.label): string {
  const a = turf.point(to.labelAt);
  const b = turf.point(from.labelAt);
  const km = turf.distance(a, b, { units: 'kilometers' });
  return `about ${roundDistance(km)} ${compass(turf.bearing(a, b))} of ${toName}`;
}

/**
 * The words for a step's map when its editor wrote no `alt`, in the form of a map's
 * caption: what is marked, what is in focus and where it lies from the previous step's
 * focus, which places are approximate and which are drawn schematically.
 */
export function describeMap(
  visible: DisplayFeature[],
  highlight: DisplayFeature[],
  previousFocus: DisplayFeature | undefined,
): string {
  const shown = visible.filter((f) => !f.nameOnly);
  const everyone = [...visible, ...highlight, ...(previousFocus ? [previousFocus] : [])];
  const name = (f: DisplayFeature) => spokenName(f, everyone);
  const sentences: string[] = [];
  if (shown.length === 0) sentences.push('The map shows the region with no places marked.');
  else sentences.push(`Marked on the map: ${listWords(shown.map(name))}.`);
  const focus = highlight[0];
  if (focus) {
    const where =
      highlight.length === 1 && previousFocus && previousFocus.id !== focus.id
        ? `, ${relativePosition(focus, previousFocus, name(previousFocus))}`
        : '';
    sentences.push(`In focus: ${listWords(highlight.map(name))}${where}.`);
  }
  const approx = shown.filter((f) => f.approximate && f.precision_m >= AREA_ONLY_FROM_M);
  if (approx.length > 0) {
    const items = approx.map((f) => `${name(f)} (within about ${roundDistance(f.precision_m / 1000)})`);
    sentences.push(`Approximate areas, not exact locations: ${listWords(items)}.`);
  }
  const schematic = shown.filter((f) => f.schematic);
  if (schematic.length > 0) sentences.push(`Drawn schematically: ${listWords(schematic.map(name))}.`);
  return sentences.map(capitalise).join(' ');
}
