/**
 * The frontmatter of one step: `stories/<slug>/NNN-<name>.md`.
 * Each field's doc comment is the editors' documentation; keep them plain.
 */
import { z } from 'astro/zod';
import { Camera, EXAMPLE, FeatureId, missingOr, SourceKey, StoryDate } from './primitives';

const ids = (field: string) =>
  z.array(FeatureId, {
    error: `${field} is not a list: write feature ids from geo/ in brackets, e.g. ${EXAMPLE.ids}`,
  });

export const StepFrontmatter = z
  .strictObject({
    /** Short heading of the step, shown above its text. Required. */
    title: z
      .string({ error: 'title is required: add a short heading for the step' })
      .trim()
      .min(1, { error: 'title is empty: write a short heading for the step' }),
    /**
     * When it happened, ISO 8601. `2019-12-27` when the time is unknown,
     * `2019-12-27T19:20+03:00` with the local time and its UTC offset. Required.
     */
    date: StoryDate,
    /** Set to true when the time is approximate ("about 19:20"). Default false. */
    time_approximate: z
      .boolean({ error: 'time_approximate is not true or false: write true or false' })
      .default(false),
    /** A fixed view: `{ center: [longitude, latitude], zoom, bearing?, pitch? }`. Use this or `fit`. */
    camera: Camera.optional(),
    /** Frame these features (ids from geo/), clear of the text at every screen size. Use this or `camera`. */
    fit: ids('fit')
      .min(1, { error: 'fit is empty: add at least one feature id, or use camera instead' })
      .optional(),
    /** The features visible in this step: the complete list, not a change from the previous step. Features in `fit` and `highlight` are shown too. Default: none besides those. */
    show: ids('show').default([]),
    /** Features drawn with emphasis in this step. Default: none. */
    highlight: ids('highlight').default([]),
    /** How the map moves to this step: `fly` (an arc), `ease` (a glide) or `jump` (no animation). Default fly. Readers who ask for reduced motion always get a jump. */
    transition: z
      .enum(['fly', 'ease', 'jump'], { error: 'transition is not fly, ease or jump: use one of those three' })
      .default('fly'),
    /** What the map shows, in words, for readers who can't see it. Default: a description generated from the data. */
    alt: z
      .string({ error: 'alt is not text: describe what the map shows in words' })
      .trim()
      .min(1, { error: 'alt is empty: describe what the map shows, or remove the field to generate one' })
      .optional(),
    /** Keys of the story's sources (defined in story.md) that this step relies on. At least one. */
    sources: z
      .array(SourceKey, {
        error: missingOr(
          'sources is missing: add the keys of the story.md sources this step relies on, e.g. sources: [ap-2019-12-31]',
          'sources is not a list: write keys from story.md in brackets, e.g. [ap-2019-12-31]',
        ),
      })
      .min(1, {
        error: 'sources needs at least one key from story.md: every step cites where its facts come from',
      }),
  })
  .superRefine((step, ctx) => {
    if (step.camera && step.fit) {
      ctx.addIssue({
        code: 'custom',
        path: ['fit'],
        message: 'camera and fit are both set: keep one (camera for a fixed view, fit to frame features)',
      });
    }
    if (!step.camera && !step.fit) {
      ctx.addIssue({
        code: 'custom',
        path: ['camera'],
        message:
          'camera or fit is required: add camera: { center: [longitude, latitude], zoom } or fit: [feature ids]',
      });
    }
  });

export type StepFrontmatter = z.infer<typeof StepFrontmatter>;
