/**
 * What every feature in `geo/*.geojson` must carry besides its geometry.
 */
import { z } from 'astro/zod';
import { FeatureId, languageTag } from './primitives';

export const FeatureProperties = z.looseObject({
  /** Full name, as a reader would search for it. Required. */
  name: z.string({ error: "properties.name is required: add the place's full name" }).trim().min(1),
  /** Short label drawn on the map and in the legend. Default: the name. */
  label: z.string().trim().min(1).optional(),
  /**
   * The short label in other languages, by language tag, e.g. `{ "ar": "القاهرة" }`. Shown under
   * the label in stories whose `label_languages` lists the tag. Optional.
   */
  labels: z
    .record(
      languageTag('this'),
      z
        .string({ error: 'this label is not text: write the name in quotes' })
        .trim()
        .min(1, { error: 'this label is empty: write the name, or leave the language out' }),
      {
        error: 'properties.labels is not a list of names by language: write e.g. { "ar": "القاهرة" }',
      },
    )
    .optional(),
  /** What sort of place it is: one of the engine's kinds (town, base, zone, river… listed in the guide) or one its story declares under `kinds:`. Required; it picks the symbol and the legend's words. */
  kind: z
    .string({
      error: 'properties.kind is required: add what sort of place it is, e.g. town, base, zone',
    })
    .regex(/^[a-z][a-z0-9-]*$/, {
      error: 'properties.kind is not a kind name: write lowercase words joined by hyphens, e.g. grain-silo',
    }),
  /** Where the coordinates come from. Required: every place on the map says how it is known. */
  source: z
    .string({ error: 'properties.source is required: say where the coordinates come from' })
    .trim()
    .min(1),
  /** Estimated uncertainty radius in metres. Required. Points known to within 1 km or worse are drawn as areas. */
  precision_m: z
    .number({ error: 'properties.precision_m is required: add the uncertainty radius in metres, e.g. 1000' })
    .positive({
      error:
        'properties.precision_m is not a positive number: write the uncertainty radius in metres, e.g. 1000',
    }),
  /** True when the outline was constructed from descriptions rather than traced: it is drawn and labelled as schematic. Default false. */
  schematic: z
    .boolean({ error: 'properties.schematic is not true or false: write true or false' })
    .default(false),
  /**
   * Drawn into the offline basemap (npm run basemap) instead of as a story layer: `water` for a
   * river or lake area, `bridge` for a bridge deck. Such places are listed in "Sources and
   * methods" of the stories whose area they lie in. Default: a story feature.
   */
  basemap: z
    .enum(['water', 'bridge'], {
      error: 'properties.basemap is not water or bridge: write one of them, or leave it out',
    })
    .optional(),
  /** Caveats about the place or its coordinates. Optional. */
  note: z.string().optional(),
});
export type FeatureProperties = z.infer<typeof FeatureProperties>;

export { FeatureId };
