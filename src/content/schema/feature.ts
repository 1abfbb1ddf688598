/**
 * What every feature in `geo/*.geojson` must carry besides its geometry.
 */
import { z } from 'astro/zod';
import { errorSays, FeatureId, languageTag } from './primitives';

export const FeatureProperties = z.looseObject({
  /** Full name, as a reader would search for it. Required. */
  name: z.string(errorSays('feature.name-missing')).trim().min(1, errorSays('feature.name-missing')),
  /** Short label drawn on the map and in the legend. Default: the name. */
  label: z.string(errorSays('feature.label')).trim().min(1, errorSays('feature.label')).optional(),
  /**
   * The short label in other languages, by language tag, e.g. `{ "ar": "القاهرة" }`. Shown under
   * the label in stories whose `label_languages` lists the tag. Optional.
   */
  labels: z
    .record(
      languageTag('this'),
      z.string(errorSays('feature.labels-not-text')).trim().min(1, errorSays('feature.labels-empty')),
      errorSays('feature.labels-not-map'),
    )
    .optional(),
  /** What sort of place it is: one of the engine's kinds (town, base, zone, river… listed in the guide) or one its story declares under `kinds:`. Required; it picks the symbol and the legend's words. */
  kind: z
    .string(errorSays('feature.kind-missing'))
    .regex(/^[a-z][a-z0-9-]*$/, errorSays('feature.kind-name')),
  /** Where the coordinates come from. Required: every place on the map says how it is known. */
  source: z.string(errorSays('feature.source-missing')).trim().min(1, errorSays('feature.source-missing')),
  /** Estimated uncertainty radius in metres. Required. Points known to within 1 km or worse are drawn as areas. */
  precision_m: z
    .number(errorSays('feature.precision-missing'))
    .positive(errorSays('feature.precision-not-positive')),
  /** True when the outline was constructed from descriptions rather than traced: it is drawn and labelled as schematic. Default false. */
  schematic: z.boolean(errorSays('feature.schematic')).default(false),
  /**
   * Drawn into the offline basemap (npm run basemap) instead of as a story layer: `water` for a
   * river or lake area, `bridge` for a bridge deck. Such places are listed in "Sources and
   * methods" of the stories whose area they lie in. Default: a story feature.
   */
  basemap: z.enum(['water', 'bridge'], errorSays('feature.basemap')).optional(),
  /** Caveats about the place or its coordinates. Optional. */
  note: z.string(errorSays('feature.note-not-text')).optional(),
});
export type FeatureProperties = z.infer<typeof FeatureProperties>;

export { FeatureId };
