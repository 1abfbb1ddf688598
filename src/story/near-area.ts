/**
 * Where `npm run new-story -- <slug> --near …` opens a story: a longitude-latitude pair or
 * a town of the packaged gazetteer, turned into a first view about 50 km across.
 */
import type { Bbox } from '../core/bbox';
import { says } from '../core/messages';
import { nearest } from '../core/suggest';
import { num } from './geo-checks';
import { fail, type Failure } from './scaffold';

/** A town of the packaged gazetteer (src/basemap/places.ts). */
export interface GazetteerPlace {
  en: string;
  lon: number;
  lat: number;
}

const plain = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * `--near "<lon>,<lat>"` or `--near <town>`: the area a new story's first view shows,
 * about 50 km across, so the editor starts where the story is rather than anywhere.
 */
export function nearArea(
  value: string,
  gazetteer: GazetteerPlace[],
): { ok: true; area: Bbox; what: string } | Failure {
  const pair = /^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$/.exec(value);
  let at: [number, number];
  let what: string;
  if (pair) {
    const [lon, lat] = [Number(pair[1]), Number(pair[2])];
    if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      const swapped = Math.abs(lat) <= 180 && Math.abs(lon) <= 90;
      return fail(
        says('new-story.near-not-on-earth', { value, swapped: swapped ? `${lat},${lon}` : undefined }),
      );
    }
    at = [lon, lat];
    what = `${num(lon)}, ${num(lat)}`;
  } else {
    const want = plain(value);
    const hit = gazetteer.find((p) => plain(p.en) === want);
    if (!hit) {
      const names = gazetteer.map((p) => p.en);
      return fail(says('new-story.near-unknown-town', { value, near: nearest(value, names) }));
    }
    at = [hit.lon, hit.lat];
    what = hit.en;
  }
  const dLat = 0.25;
  const dLon = dLat / Math.max(0.1, Math.cos((at[1] * Math.PI) / 180));
  return { ok: true, area: [at[0] - dLon, at[1] - dLat, at[0] + dLon, at[1] + dLat], what };
}
