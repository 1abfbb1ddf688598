/**
 * A place's label on the story map, and how it reads and sits. Shared by the live map
 * (src/map/controller.ts) and the static maps (src/static-map/render-svg.ts) so both say
 * the same thing in the same place.
 */
export interface MapLabel {
  id: string;
  label: string;
  /** The label in the story's further languages (label_languages), shown under it. */
  alt?: { lang: string; text: string }[];
  at: [number, number];
  kind: string;
  /** Drawn as an approximate area (uncertainty circle only). */
  area: boolean;
  schematic: boolean;
  /** Its label sits on its place, not beside a dot: a bare name, or a country's outline. */
  onPlace?: boolean;
  /** The offline basemap's town of the same place and name, hidden while this label shows (src/basemap/twins.ts). */
  basemapTwin?: string;
}

/** Schematic outlines and approximate areas say so on the map itself, not only in the legend. */
export const labelText = (l: MapLabel): string =>
  l.schematic ? `${l.label} (schematic)` : l.area ? `${l.label} (approximate area)` : l.label;

/** Labels of areas (and bare label points) sit on their place; labels of points beside the dot. */
export const labelCentred = (l: MapLabel): boolean => l.area || l.schematic || Boolean(l.onPlace);
