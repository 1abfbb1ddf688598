/**
 * The frontmatter of `stories/<slug>/story.md`. Its Markdown body is the introduction.
 */
import { z } from 'astro/zod';
import { schemaSays } from '../../core/messages';
import { errorSays, languageTag, SourceKey, StoryDate } from './primitives';

/** One entry of `kinds:`: a kind of place this story uses, or new words for one of the engine's. */
export const KindDeclaration = z.strictObject(
  {
    /** The legend's words for it, e.g. "Port". Default: the engine's words, or the kind's name. */
    label: z.string(errorSays('kind.label-not-text')).trim().min(1, errorSays('kind.label-empty')).optional(),
    /** An engine kind to draw it like (its colour and way of drawing), e.g. `base`. Default: place. */
    like: z.string(errorSays('kind.like-not-text')).optional(),
    /** Its colour on the map and in the legend, `#rrggbb`. Default: that of the kind it is like. */
    color: z
      .string(errorSays('kind.color'))
      .regex(/^#[0-9a-fA-F]{6}$/, errorSays('kind.color'))
      .optional(),
    /** `false` leaves it out of the legend (e.g. a name placed on the map). Default true. */
    legend: z.boolean(errorSays('kind.legend')).optional(),
    /** `mark` (its point, line or area), `name` (only its label) or `country` (the outline of the country its point is in). */
    draw: z.enum(['mark', 'name', 'country'], errorSays('kind.draw')).optional(),
  },
  errorSays('kind.not-fields'),
);

export const Source = z.strictObject(
  {
    /** The short key steps use to cite this source, e.g. `ap-2019-12-31`. */
    key: SourceKey,
    /** Who published it: outlet, agency or organisation. */
    publisher: z
      .string(errorSays('source.publisher-missing'))
      .trim()
      .min(1, errorSays('source.publisher-missing')),
    /** Its title or a short description. */
    title: z.string(errorSays('source.title-missing')).trim().min(1, errorSays('source.title-missing')),
    /** Publication date, ISO 8601 (`2019-12-31`). Optional. */
    date: StoryDate.optional(),
    /** Public address, where there is one. Optional. */
    url: z.url(errorSays('source.url')).optional(),
    /** What the story takes from it, or a caveat. Optional. */
    note: z.string(errorSays('source.note-not-text')).trim().optional(),
  },
  errorSays('source.not-fields'),
);
export type Source = z.infer<typeof Source>;

export const Credit = z.strictObject(
  {
    /** What they did, e.g. "Text", "Maps", "Research". */
    role: z.string(errorSays('credit.role-missing')).trim().min(1, errorSays('credit.role-missing')),
    /** Who did it. */
    name: z.string(errorSays('credit.name-missing')).trim().min(1, errorSays('credit.name-missing')),
  },
  errorSays('credit.not-fields'),
);

export const StoryFrontmatter = z
  .strictObject({
    /** The story's headline. Required. */
    title: z.string(errorSays('story.title-missing')).trim().min(1, errorSays('story.title-missing')),
    /** One or two sentences under the headline. Required. */
    dek: z.string(errorSays('story.dek-missing')).trim().min(1, errorSays('story.dek-missing')),
    /** Who wrote it, as it should appear. Required. */
    byline: z.string(errorSays('story.byline-missing')).trim().min(1, errorSays('story.byline-missing')),
    /** Publication date, ISO 8601. Required. */
    published: StoryDate,
    /** Date of the last substantive update, ISO 8601. Optional. */
    updated: StoryDate.optional(),
    /** Language of the text as a BCP 47 tag: `en`, `ar`, `fr`… Default en. */
    language: languageTag('language').default('en'),
    /**
     * More languages for the map's place labels, as BCP 47 tags, e.g. `[ar]`: each label then
     * shows its name in them under the story's language, and every place the steps name must
     * have that name in its `labels` (geo/). Default: the story's language only.
     */
    label_languages: z.array(languageTag('this'), errorSays('story.label-languages-not-list')).default([]),
    /** Every source the story cites; steps refer to them by `key`. At least one. */
    sources: z.array(Source, errorSays('story.sources-not-list')).min(1, errorSays('story.sources-empty')),
    /** A note on method, in Markdown, shown at the top of the "Sources and methods" section. Optional. */
    methods: z.string(errorSays('story.methods-not-text')).trim().optional(),
    /** Who made the story. Default: none listed. */
    credits: z.array(Credit, errorSays('story.credits-not-list')).default([]),
    /**
     * Kinds of place this story's features use beyond the engine's (listed in the guide), or
     * other legend words for the engine's, e.g. `port: { label: Port, like: base }`. Default: none.
     */
    kinds: z
      .record(
        z.string().regex(/^[a-z][a-z0-9-]*$/, errorSays('kind.name')),
        KindDeclaration,
        errorSays('story.kinds-not-map'),
      )
      .default({}),
    /**
     * A hosted MapLibre style URL to draw this story on instead of the offline basemap
     * (the site-wide setting is PUBLIC_BASEMAP_STYLE_URL). Default: the offline basemap.
     */
    basemap: z.url({ protocol: /^https?$/, ...errorSays('story.basemap-url') }).optional(),
  })
  .superRefine((story, ctx) => {
    const seen = new Map<string, number>();
    story.sources.forEach((s, i) => {
      const first = seen.get(s.key);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['sources', i, 'key'],
          message: schemaSays('source.duplicate-key', { key: s.key, first: first + 1 }),
        });
      } else seen.set(s.key, i);
    });
  });

export type StoryFrontmatter = z.infer<typeof StoryFrontmatter>;
