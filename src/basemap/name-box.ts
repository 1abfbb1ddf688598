/**
 * About where a basemap name is drawn: its box, estimated from the style's type. The map reads
 * it to hide names cut by its edge (src/map/names-to-hide.ts); the build reads it to put a
 * country's name beside a border with room for it on its own side (border-labels.ts).
 */
import { AREA_NAME_TYPE, PLACE_NAME_TYPE } from './style';

/** The type of a kind of name: px and wrap width from the style, em a character measured. */
function typeOf(kind: string, zoom: number, rank: number) {
  const wrapEm = PLACE_NAME_TYPE.wrapEm;
  switch (kind) {
    case 'country':
      return { px: countryNamePx(zoom), emPerChar: 0.5, wrapEm: AREA_NAME_TYPE.countryWrapEm, belowEm: 0 };
    case 'province':
      return {
        px: AREA_NAME_TYPE.provincePx,
        emPerChar: 0.6,
        wrapEm: AREA_NAME_TYPE.provinceWrapEm,
        belowEm: 0,
      };
    case 'place': {
      const sizes = PLACE_NAME_TYPE.placePx;
      const px = sizes[Math.min(Math.max(rank, 1), sizes.length) - 1]!;
      return { px, emPerChar: 0.6, wrapEm, belowEm: PLACE_NAME_TYPE.placeOffsetEm };
    }
    default:
      return { px: PLACE_NAME_TYPE.waterPx, emPerChar: 0.55, wrapEm, belowEm: 0 };
  }
}

/**
 * About the box of a name at a zoom: half its width and height, and how far its middle lies
 * below its point (a town's name hangs under it). From the style's type (AREA_NAME_TYPE,
 * PLACE_NAME_TYPE) and the widths measured on the drawn map (Noto Sans: a country's name 0.46 em a
 * character with its spacing, a division's in spaced capitals 0.56, a town's 0.59, a lake's 0.5,
 * Arabic about 0.44), rounded up; English above Arabic (0.92 of its size), each wrapped at the
 * style's text-max-width. An estimate: MapLibre does not say where a label's box is, nor
 * whether a country name took its place a line above or below its point.
 */
export function nameBox(
  kind: string,
  en: string,
  ar: string,
  zoom: number,
  rank = 0,
): { dy: number; halfWidth: number; halfHeight: number } {
  const { px, emPerChar, wrapEm, belowEm } = typeOf(kind, zoom, rank);
  const wrap = wrapEm * px;
  const enWidth = en.length * emPerChar * px;
  const arWidth = ar.length * 0.45 * 0.92 * px;
  const lines = (width: number) => (width > 0 ? Math.ceil(width / wrap) : 0);
  const height = (lines(enWidth) + lines(arWidth) * 0.92) * px * 1.2;
  return {
    dy: belowEm ? belowEm * px + height / 2 : 0,
    halfWidth: Math.min(Math.max(enWidth, arWidth), wrap) / 2,
    halfHeight: height / 2,
  };
}

/** The style's country-name size at a zoom: its stops, linear between, flat outside. */
export function countryNamePx(zoom: number): number {
  const stops: readonly (readonly [number, number])[] = AREA_NAME_TYPE.countryPx;
  let [z0, px0] = stops[0]!;
  if (zoom <= z0) return px0;
  for (const [z1, px1] of stops.slice(1)) {
    if (zoom <= z1) return px0 + ((zoom - z0) / (z1 - z0)) * (px1 - px0);
    [z0, px0] = [z1, px1];
  }
  return px0;
}
