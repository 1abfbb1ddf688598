/**
 * Building blocks shared by the story, step and feature schemas.
 * Every message says what to write, because editors read them, not developers.
 */
import { z } from 'astro/zod';

/** One message when a field is missing, another when it has the wrong type. */
export const missingOr = (missing: string, wrong: string) => (iss: { input?: unknown }) =>
  iss.input === undefined ? missing : wrong;

/** Lowercase words joined by hyphens: story folders, step files and feature ids are named so. */
export const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** The name nearest to what was written, for a suggestion: "Old Town Hall" → "old-town-hall". */
export const nearestName = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * Stand-ins for examples in messages: the check replaces them with ids and a position from
 * the editor's own geo/ (src/story/own-examples.ts), so no message speaks of another story.
 */
export const EXAMPLE = {
  ids: '[a-place-id, another-place-id]',
  id: 'a-place-id',
  center: '[12.49, 41.89]',
} as const;

/** A feature id: lowercase words joined by hyphens, as used in `geo/*.geojson`. */
export const FeatureId = z
  .string({ error: `a feature id is not text: write an id from geo/, e.g. ${EXAMPLE.id}` })
  .regex(NAME, {
    error: `this is not a feature id: use lowercase letters, digits and hyphens, e.g. ${EXAMPLE.id}`,
  });

/** A source key defined in the story's `sources` list. */
export const SourceKey = z
  .string({ error: 'a source key is not text: write a key, e.g. ap-2019-12-31' })
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, {
    error: 'this is not a source key: use lowercase letters, digits and hyphens, e.g. ap-2019-12-31',
  });

/** [longitude, latitude] in degrees, WGS84 (RFC 7946 order). */
export const LngLat = z
  .tuple([z.number(), z.number()], {
    error: missingOr(
      `center is missing: add [longitude, latitude], e.g. ${EXAMPLE.center}`,
      `center is not a pair of numbers: write [longitude, latitude], e.g. ${EXAMPLE.center}`,
    ),
  })
  .superRefine(([lon, lat], ctx) => {
    if (lon < -180 || lon > 180) {
      ctx.addIssue({
        code: 'custom',
        path: [0],
        message: `longitude ${lon} is outside -180…180: center is [longitude, latitude]`,
      });
    }
    if (lat < -90 || lat > 90) {
      ctx.addIssue({
        code: 'custom',
        path: [1],
        message: `latitude ${lat} is outside -90…90: center is [longitude, latitude]; did you swap them?`,
      });
    }
  });

const range = (name: string, min: number, max: number, hint: string) =>
  z
    .number({
      error: missingOr(
        `${name} is missing: add a number from ${min} to ${max} (${hint})`,
        `${name} is not a number: write a number from ${min} to ${max}`,
      ),
    })
    .min(min, { error: `${name} is below ${min}: use ${min} to ${max} (${hint})` })
    .max(max, { error: `${name} is above ${max}: use ${min} to ${max} (${hint})` });

/** A map view: where the map looks and from how high. */
export const Camera = z.strictObject(
  {
    /** [longitude, latitude] of the middle of the map. */
    center: LngLat,
    /** Zoom level: 0 shows the world, 6 a country, 10 a city, 15 a street. */
    zoom: range('zoom', 0, 22, '0 is the whole world, 16 a city block'),
    /** Compass direction at the top of the map, in degrees. Default 0 (north up). */
    bearing: range('bearing', -360, 360, 'degrees; 0 is north up').default(0),
    /** Tilt of the map in degrees. Default 0 (straight down). */
    pitch: range('pitch', 0, 85, 'degrees; 0 looks straight down').default(0),
  },
  { error: 'camera is not a view: write { center: [longitude, latitude], zoom, bearing?, pitch? }' },
);
export type Camera = z.infer<typeof Camera>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A date as ISO 8601: `2019-12-27` when the time is unknown, or
 * `2019-12-27T19:20+03:00` with the local time and its UTC offset.
 * The text is kept as written so the local time is shown, not a converted one.
 */
export const StoryDate = z
  .string({
    error: missingOr(
      'date is missing: add when it happened, e.g. 2019-12-27, or 2019-12-27T19:20+03:00 with the local time and its offset',
      'date is not text: write it as ISO 8601, e.g. 2019-12-27 or 2019-12-27T19:20+03:00',
    ),
  })
  .refine((s) => ISO_DATE.test(s) || ISO_DATE_TIME.test(s), {
    error:
      'date is not ISO 8601: write 2019-12-27, or 2019-12-27T19:20+03:00 with the local time and its offset (a time needs an offset)',
    abort: true,
  })
  .refine((s) => !Number.isNaN(Date.parse(s.length === 10 ? `${s}T00:00Z` : s)) && validCalendarDay(s), {
    error: 'date is not a real calendar day: check the month and the day',
  });

function validCalendarDay(s: string): boolean {
  const [y, m, d] = s.slice(0, 10).split('-').map(Number);
  const t = new Date(Date.UTC(y!, m! - 1, d!));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m! - 1 && t.getUTCDate() === d;
}

/** A BCP 47 language tag: `en`, `ar`, `fr-CA`. `what` names it in the message ("language", "this"). */
export const languageTag = (what: string) =>
  z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, {
    error: `${what} is not a language tag: write a BCP 47 tag such as en, ar or fr-CA`,
  });
