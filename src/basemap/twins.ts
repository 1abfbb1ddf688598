/**
 * A story label and the offline basemap's town label for the same place ("Baghdad" twice,
 * one above the other) read as clutter. A town is the twin of a story label when it sits
 * within TWIN_KM of the label's point and has the same name, give or take a spelling
 * ("Abu Kamal" / "Albu Kamal", "Kuwait" / "Kuwait City"). The live map hides the twin while
 * the story's label for it is on the map, and only then.
 */
import { distance } from '@turf/turf';
import { nearest } from '../core/suggest';

export interface BasemapPlace {
  en: string;
  lon: number;
  lat: number;
}

/** Towns are points for whole cities: a story's point for one may be a few km from GeoNames'. */
export const TWIN_KM = 3;

/** Letters and digits only, without accents: "Al-Qa'im" → "alqaim". */
const plain = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

/** The label's name is the town's, the start of it ("Kuwait" / "Kuwait City") or a spelling of it; "Erbil Citadel" is not Erbil. */
const sameName = (label: string, town: string) =>
  label === town || town.startsWith(label) || nearest(label, [town]) !== undefined;

/** The English name of the basemap town this label doubles, if any. */
export function basemapTwin(
  label: { label: string; at: [number, number] },
  places: readonly BasemapPlace[],
): string | undefined {
  const name = plain(label.label);
  if (name.length < 3) return undefined;
  let best: { en: string; km: number } | undefined;
  for (const p of places) {
    const km = distance(label.at, [p.lon, p.lat], { units: 'kilometers' });
    if (km <= TWIN_KM && (!best || km < best.km) && sameName(name, plain(p.en))) best = { en: p.en, km };
  }
  return best?.en;
}
