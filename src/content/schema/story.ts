/**
 * The frontmatter of `stories/<slug>/story.md`. Its Markdown body is the introduction.
 */
import { z } from 'astro/zod';
import { SourceKey, StoryDate } from './primitives';

export const Source = z.strictObject(
  {
    /** The short key steps use to cite this source, e.g. `ap-2019-12-31`. */
    key: SourceKey,
    /** Who published it: outlet, agency or organisation. */
    publisher: z.string({ error: 'publisher is required: the outlet or organisation' }).trim().min(1),
    /** Its title or a short description. */
    title: z.string({ error: 'title is required: the headline or a short description' }).trim().min(1),
    /** Publication date, ISO 8601 (`2019-12-31`). Optional. */
    date: StoryDate.optional(),
    /** Public address, where there is one. Optional. */
    url: z.url({ error: 'url is a full web address starting with https://' }).optional(),
    /** What the story takes from it, or a caveat. Optional. */
    note: z.string().trim().optional(),
  },
  { error: 'each source is { key, publisher, title, date?, url?, note? }' },
);
export type Source = z.infer<typeof Source>;

export const Credit = z.strictObject(
  {
    /** What they did, e.g. "Text", "Maps", "Research". */
    role: z.string({ error: 'role is required, e.g. Maps' }).trim().min(1),
    /** Who did it. */
    name: z.string({ error: 'name is required' }).trim().min(1),
  },
  { error: 'each credit is { role, name }' },
);

export const StoryFrontmatter = z
  .strictObject({
    /** The story's headline. Required. */
    title: z.string({ error: 'title is required: the story\'s headline' }).trim().min(1),
    /** One or two sentences under the headline. Required. */
    dek: z.string({ error: 'dek is required: one or two sentences under the headline' }).trim().min(1),
    /** Who wrote it, as it should appear. Required. */
    byline: z.string({ error: 'byline is required, e.g. "By the Storymap newsroom"' }).trim().min(1),
    /** Publication date, ISO 8601. Required. */
    published: StoryDate,
    /** Date of the last substantive update, ISO 8601. Optional. */
    updated: StoryDate.optional(),
    /** Language of the text as a BCP 47 tag: `en`, `ar`, `fr`… Default en. */
    language: z
      .string()
      .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, { error: 'language is a BCP 47 tag such as en, ar or fr-CA' })
      .default('en'),
    /** Every source the story cites; steps refer to them by `key`. At least one. */
    sources: z
      .array(Source, { error: 'sources is a list of { key, publisher, title, date?, url? }' })
      .min(1, { error: 'sources needs at least one entry' }),
    /** A note on method, in Markdown, shown at the top of the "Sources and methods" section. Optional. */
    methods: z.string().trim().optional(),
    /** Who made the story. Default: none listed. */
    credits: z.array(Credit, { error: 'credits is a list of { role, name }' }).default([]),
    /**
     * A hosted MapLibre style URL to draw this story on instead of the offline basemap
     * (the site-wide setting is PUBLIC_BASEMAP_STYLE_URL). Default: the offline basemap.
     */
    basemap: z
      .url({ protocol: /^https?$/, error: 'basemap is the full https:// address of a MapLibre style (style.json); leave it out for the offline basemap' })
      .optional(),
  })
  .superRefine((story, ctx) => {
    const seen = new Map<string, number>();
    story.sources.forEach((s, i) => {
      const first = seen.get(s.key);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: ['sources', i, 'key'], message: `source key "${s.key}" is already used by source ${first + 1}: give each source its own key` });
      } else seen.set(s.key, i);
    });
  });

export type StoryFrontmatter = z.infer<typeof StoryFrontmatter>;
