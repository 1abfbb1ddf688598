/**
 * How each kind of place is named in the legend and drawn on the map. The engine only
 * knows a neutral, generic set; a story adds its own kinds or renames these in the
 * `kinds:` of its story.md (the legend speaks the story's words, not the engine's).
 */

/**
 * mark: the feature's own geometry (a dot, with its uncertainty disc when approximate;
 * a line; an area). name: only a label on the place, no mark. country: the outline of the
 * country the point lies in (from the packaged Natural Earth borders), never a disc.
 */
export type KindDraw = 'mark' | 'name' | 'country';

export interface KindStyle {
  /** Legend text. */
  label: string;
  /** Legend swatch and map colour. */
  color: string;
  /** Listed in the legend. */
  legend: boolean;
  draw: KindDraw;
}

/** What a story's `kinds:` may say about one kind (src/content/schema/story.ts). */
export interface KindDeclaration {
  label?: string;
  like?: string;
  color?: string;
  legend?: boolean;
  draw?: KindDraw;
}

const kind = (label: string, color: string, extra: Partial<KindStyle> = {}): KindStyle => ({
  label,
  color,
  legend: true,
  draw: 'mark',
  ...extra,
});

const PLACE = '#333333';
const FACILITY = '#1f5fa8';
const EVENT = '#c0392b';
const DIPLOMATIC = '#6b2c91';
const AREA = '#8a6d1f';
const WATER = '#2b7bb9';
const STRUCTURE = '#555555';

/** The engine's own kinds: neutral words any story can use as they are, rename or build on (`like:`). */
export const DEFAULT_KINDS: Readonly<Record<string, KindStyle>> = {
  place: kind('Place', PLACE),
  town: kind('Town', PLACE),
  city: kind('City', PLACE),
  capital: kind('Capital', PLACE),
  country: kind('Country', PLACE, { draw: 'country' }),
  base: kind('Base', FACILITY),
  airport: kind('Airport', FACILITY),
  embassy: kind('Embassy', DIPLOMATIC),
  zone: kind('Zone', AREA),
  area: kind('Area', AREA),
  incident: kind('Incident', EVENT),
  route: kind('Route', STRUCTURE),
  river: kind('River', WATER),
  water: kind('Water', WATER),
  bridge: kind('Bridge', STRUCTURE),
  crossing: kind('Crossing', PLACE),
  landmark: kind('Landmark', STRUCTURE),
  square: kind('Square', STRUCTURE),
  building: kind('Building', STRUCTURE),
  label: kind('Label', PLACE, { legend: false, draw: 'name' }),
};

/** "grain-silo" → "Grain silo": the legend word of a declared kind that gives none. */
const wordsOf = (name: string) => name.charAt(0).toUpperCase() + name.slice(1).replace(/-/g, ' ');

export type Kinds = {
  /** Every kind name the story may use, sorted. */
  names: string[];
  /** The style of a kind; an unknown one (reported by the check) is drawn as a place. */
  style(kind: string): KindStyle;
};

/**
 * The kinds of one story: the engine's, extended or renamed by its `kinds:`. A declared
 * kind starts from the one it is `like` (else the kind of the same name, else "place").
 */
export function storyKinds(declared: Readonly<Record<string, KindDeclaration>> = {}): Kinds {
  const all: Record<string, KindStyle> = { ...DEFAULT_KINDS };
  for (const [name, d] of Object.entries(declared)) {
    const base = (d.like && DEFAULT_KINDS[d.like]) || DEFAULT_KINDS[name] || DEFAULT_KINDS.place!;
    all[name] = {
      label: d.label ?? (DEFAULT_KINDS[name] ? base.label : wordsOf(name)),
      color: d.color ?? base.color,
      legend: d.legend ?? base.legend,
      draw: d.draw ?? base.draw,
    };
  }
  return {
    names: Object.keys(all).sort(),
    style: (k) => all[k] ?? all.place!,
  };
}

/** Points known no better than this are drawn with their uncertainty circle. */
export const APPROXIMATE_FROM_M = 1000;
/** Points this uncertain are drawn as an area only: a dot would claim a precision nobody has. */
export const AREA_ONLY_FROM_M = 10000;

/** The colour of emphasis, on the live map, the static maps and the legend. */
export const HIGHLIGHT_COLOR = '#e8590c';
