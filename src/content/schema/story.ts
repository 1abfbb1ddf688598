/**
 * The frontmatter of `stories/<slug>/story.md`. Its Markdown body is the introduction.
 */
import { z } from 'astro/zod';
import { languageTag, SourceKey, StoryDate } from './primitives';

/** One entry of `kinds:`: a kind of place this story uses, or new words for one of the engine's. */
export const KindDeclaration = z.strictObject(
  {
    /** The legend's words for it, e.g. "Port". Default: the engine's words, or the kind's name. */
    label: z
      .string({ error: 'label is not text: write the words the legend shows' })
      .trim()
      .min(1)
      .optional(),
    /** An engine kind to draw it like (its colour and way of drawing), e.g. `base`. Default: place. */
    like: z
      .string({ error: 'like is not a kind name: write one of the kinds listed in the guide' })
      .optional(),
    /** Its colour on the map and in the legend, `#rrggbb`. Default: that of the kind it is like. */
    color: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, { error: 'color is not a colour: write it as #rrggbb, e.g. "#1f5fa8"' })
      .optional(),
    /** `false` leaves it out of the legend (e.g. a name placed on the map). Default true. */
    legend: z.boolean({ error: 'legend is not true or false: write true or false' }).optional(),
    /** `mark` (its point, line or area), `name` (only its label) or `country` (the outline of the country its point is in). */
    draw: z
      .enum(['mark', 'name', 'country'], { error: 'draw is not mark, name or country: write one of them' })
      .optional(),
  },
  { error: 'this kind is not a list of fields: write e.g. { label: Port, like: base }' },
);

export const Source = z.strictObject(
  {
    /** The short key steps use to cite this source, e.g. `ap-2019-12-31`. */
    key: SourceKey,
    /** Who published it: outlet, agency or organisation. */
    publisher: z.string({ error: 'publisher is required: add the outlet or organisation' }).trim().min(1),
    /** Its title or a short description. */
    title: z.string({ error: 'title is required: add the headline or a short description' }).trim().min(1),
    /** Publication date, ISO 8601 (`2019-12-31`). Optional. */
    date: StoryDate.optional(),
    /** Public address, where there is one. Optional. */
    url: z.url({ error: 'url is not a full web address: write it starting with https://' }).optional(),
    /** What the story takes from it, or a caveat. Optional. */
    note: z.string().trim().optional(),
  },
  { error: 'this source is not a list of fields: write { key, publisher, title, date?, url?, note? }' },
);
export type Source = z.infer<typeof Source>;

export const Credit = z.strictObject(
  {
    /** What they did, e.g. "Text", "Maps", "Research". */
    role: z.string({ error: 'role is required: add what they did, e.g. Maps' }).trim().min(1),
    /** Who did it. */
    name: z.string({ error: 'name is required: add who did it' }).trim().min(1),
  },
  { error: 'this credit is not a list of fields: write { role, name }' },
);

export const StoryFrontmatter = z
  .strictObject({
    /** The story's headline. Required. */
    title: z.string({ error: "title is required: add the story's headline" }).trim().min(1),
    /** One or two sentences under the headline. Required. */
    dek: z.string({ error: 'dek is required: add one or two sentences under the headline' }).trim().min(1),
    /** Who wrote it, as it should appear. Required. */
    byline: z
      .string({ error: 'byline is required: add who wrote it, e.g. "By the Storymap newsroom"' })
      .trim()
      .min(1),
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
    label_languages: z
      .array(languageTag('this'), {
        error: 'label_languages is not a list: write the language tags in brackets, e.g. [ar]',
      })
      .default([]),
    /** Every source the story cites; steps refer to them by `key`. At least one. */
    sources: z
      .array(Source, {
        error: 'sources is not a list: write one entry { key, publisher, title, date?, url? } per source',
      })
      .min(1, { error: 'sources is empty: add at least one source' }),
    /** A note on method, in Markdown, shown at the top of the "Sources and methods" section. Optional. */
    methods: z.string().trim().optional(),
    /** Who made the story. Default: none listed. */
    credits: z
      .array(Credit, { error: 'credits is not a list: write one entry { role, name } per person' })
      .default([]),
    /**
     * Kinds of place this story's features use beyond the engine's (listed in the guide), or
     * other legend words for the engine's, e.g. `port: { label: Port, like: base }`. Default: none.
     */
    kinds: z
      .record(
        z.string().regex(/^[a-z][a-z0-9-]*$/, {
          error: 'a kind name is lowercase words joined by hyphens, e.g. grain-silo',
        }),
        KindDeclaration,
        {
          error:
            'kinds is not a list of kinds: write one kind per line, e.g. port: { label: Port, like: base }',
        },
      )
      .default({}),
    /**
     * A hosted MapLibre style URL to draw this story on instead of the offline basemap
     * (the site-wide setting is PUBLIC_BASEMAP_STYLE_URL). Default: the offline basemap.
     */
    basemap: z
      .url({
        protocol: /^https?$/,
        error:
          'basemap is not the full https:// address of a MapLibre style: write its style.json URL, or leave basemap out for the offline basemap',
      })
      .optional(),
  })
  .superRefine((story, ctx) => {
    const seen = new Map<string, number>();
    story.sources.forEach((s, i) => {
      const first = seen.get(s.key);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['sources', i, 'key'],
          message: `source key "${s.key}" is already used by source ${first + 1}: give each source its own key`,
        });
      } else seen.set(s.key, i);
    });
  });

export type StoryFrontmatter = z.infer<typeof StoryFrontmatter>;
