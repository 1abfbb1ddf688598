/**
 * How each kind of place is named in the legend and drawn on the map.
 * Unknown kinds fall back to a generic "place", so a new kind never breaks a story.
 */
export type Symbol = 'point' | 'area' | 'line' | 'outline';

export interface KindStyle {
  /** Legend text. */
  label: string;
  /** Legend swatch and map colour. */
  color: string;
  /** Left out of the legend (label-only features). */
  hidden?: boolean;
  /** Only a label: a point that places a name, not a place of its own (no dot, no circle). */
  labelOnly?: boolean;
}

export const KINDS: Record<string, KindStyle> = {
  'strike-area': { label: 'U.S. strike area', color: '#c0392b' },
  'incident-site': { label: 'Incident site', color: '#c0392b' },
  'military-base': { label: 'Military base', color: '#1f5fa8' },
  airport: { label: 'Airport', color: '#1f5fa8' },
  embassy: { label: 'Embassy', color: '#6b2c91' },
  'embassy-compound': { label: 'Embassy compound', color: '#6b2c91' },
  zone: { label: 'Fortified zone', color: '#8a6d1f' },
  'zone-label': { label: 'Zone', color: '#8a6d1f', hidden: true, labelOnly: true },
  river: { label: 'River', color: '#2b7bb9' },
  bridge: { label: 'Bridge', color: '#555555' },
  landmark: { label: 'Landmark', color: '#555555' },
  square: { label: 'Square', color: '#555555' },
  city: { label: 'City', color: '#333333' },
  town: { label: 'Town', color: '#333333' },
  'border-crossing': { label: 'Border crossing', color: '#333333' },
  'country-point': { label: 'Country (location approximate)', color: '#333333' },
};

export const FALLBACK_KIND: KindStyle = { label: 'Place', color: '#333333' };

export const kindStyle = (kind: string): KindStyle => KINDS[kind] ?? FALLBACK_KIND;

/** Points known no better than this are drawn with their uncertainty circle. */
export const APPROXIMATE_FROM_M = 1000;
/** Points this uncertain are drawn as an area only: a dot would claim a precision nobody has. */
export const AREA_ONLY_FROM_M = 10000;

/** The colour of emphasis, on the live map, the static maps and the legend. */
export const HIGHLIGHT_COLOR = '#e8590c';
