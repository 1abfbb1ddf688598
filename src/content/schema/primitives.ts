/**
 * Building blocks shared by the story, step and feature schemas.
 * Every message says what to write, because editors read them, not developers.
 */
import { z } from 'astro/zod';
import { EXAMPLE, schemaSays, type Args, type MessageId } from '../../core/messages';

export { EXAMPLE };

/** One message when a field is missing, another when it has the wrong type. */
export const missingOr = (missing: string, wrong: string) => (iss: { input?: unknown }) =>
  iss.input === undefined ? missing : wrong;

/** A catalogued message for zod's `error` option: the check reads its id back (src/core/messages). */
export const errorSays = <K extends MessageId>(id: K, ...args: Args<K>) => ({
  error: schemaSays(id, ...args),
});

/** Lowercase words joined by hyphens: story folders, step files and feature ids are named so. */
export const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** The name nearest to what was written, for a suggestion: "Old Town Hall" → "old-town-hall". */
export const nearestName = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** A feature id: lowercase words joined by hyphens, as used in `geo/*.geojson`. */
export const FeatureId = z
  .string(errorSays('step.feature-id-not-text'))
  .regex(NAME, errorSays('step.feature-id-invalid'));

/** A source key defined in the story's `sources` list. */
export const SourceKey = z
  .string(errorSays('source-key.not-text'))
  .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, errorSays('source-key.invalid'));

/** [longitude, latitude] in degrees, WGS84 (RFC 7946 order). */
export const LngLat = z
  .tuple([z.number(), z.number()], {
    error: missingOr(schemaSays('camera.center-missing'), schemaSays('camera.center-not-pair')),
  })
  .superRefine(([lon, lat], ctx) => {
    if (lon < -180 || lon > 180) {
      ctx.addIssue({
        code: 'custom',
        path: [0],
        message: schemaSays('camera.longitude-range', { value: lon }),
      });
    }
    if (lat < -90 || lat > 90) {
      ctx.addIssue({
        code: 'custom',
        path: [1],
        message: schemaSays('camera.latitude-range', { value: lat }),
      });
    }
  });

const range = (name: string, min: number, max: number, hint: string) => {
  const r = { name, min, max, hint };
  return z
    .number({
      error: missingOr(schemaSays('camera.value-missing', r), schemaSays('camera.value-not-number', r)),
    })
    .min(min, { error: schemaSays('camera.value-below', r) })
    .max(max, { error: schemaSays('camera.value-above', r) });
};

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
  errorSays('camera.not-a-view'),
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
    error: missingOr(schemaSays('date.missing'), schemaSays('date.not-text')),
  })
  .refine((s) => ISO_DATE.test(s) || ISO_DATE_TIME.test(s), { ...errorSays('date.not-iso'), abort: true })
  .refine(
    (s) => !Number.isNaN(Date.parse(s.length === 10 ? `${s}T00:00Z` : s)) && validCalendarDay(s),
    errorSays('date.not-a-day'),
  );

function validCalendarDay(s: string): boolean {
  const [y, m, d] = s.slice(0, 10).split('-').map(Number);
  const t = new Date(Date.UTC(y!, m! - 1, d!));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m! - 1 && t.getUTCDate() === d;
}

/** A BCP 47 language tag: `en`, `ar`, `fr-CA`. `what` names it in the message ("language", "this"). */
export const languageTag = (what: string) =>
  z
    .string({ error: schemaSays('story.language-tag', { what }) })
    .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { error: schemaSays('story.language-tag', { what }) });
