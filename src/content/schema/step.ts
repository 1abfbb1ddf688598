/**
 * The frontmatter of one step: `stories/<slug>/NNN-<name>.md`.
 * Each field's doc comment is the editors' documentation; keep them plain.
 */
import { z } from 'astro/zod';
import { schemaSays } from '../../core/messages';
import { Camera, errorSays, FeatureId, missingOr, SourceKey, StoryDate } from './primitives';

const ids = (field: string) => z.array(FeatureId, errorSays('step.ids-not-list', { field }));

export const StepFrontmatter = z
  .strictObject({
    /** Short heading of the step, shown above its text. Required. */
    title: z.string(errorSays('step.title-missing')).trim().min(1, errorSays('step.title-empty')),
    /**
     * When it happened, ISO 8601. `2019-12-27` when the time is unknown,
     * `2019-12-27T19:20+03:00` with the local time and its UTC offset. Required.
     */
    date: StoryDate,
    /** Set to true when the time is approximate ("about 19:20"). Default false. */
    time_approximate: z.boolean(errorSays('step.time-approximate')).default(false),
    /** A fixed view: `{ center: [longitude, latitude], zoom, bearing?, pitch? }`. Use this or `fit`. */
    camera: Camera.optional(),
    /** Frame these features (ids from geo/), clear of the text at every screen size. Use this or `camera`. */
    fit: ids('fit').min(1, errorSays('step.fit-empty')).optional(),
    /** The features visible in this step: the complete list, not a change from the previous step. Features in `fit` and `highlight` are shown too. Default: none besides those. */
    show: ids('show').default([]),
    /** Features drawn with emphasis in this step. Default: none. */
    highlight: ids('highlight').default([]),
    /** How the map moves to this step: `fly` (an arc), `ease` (a glide) or `jump` (no animation). Default fly. Readers who ask for reduced motion always get a jump. */
    transition: z.enum(['fly', 'ease', 'jump'], errorSays('step.transition')).default('fly'),
    /** What the map shows, in words, for readers who can't see it. Default: a description generated from the data. */
    alt: z.string(errorSays('step.alt-not-text')).trim().min(1, errorSays('step.alt-empty')).optional(),
    /** Keys of the story's sources (defined in story.md) that this step relies on. At least one. */
    sources: z
      .array(SourceKey, {
        error: missingOr(schemaSays('step.sources-missing'), schemaSays('step.sources-not-list')),
      })
      .min(1, errorSays('step.sources-empty')),
  })
  .superRefine((step, ctx) => {
    if (step.camera && step.fit) {
      ctx.addIssue({
        code: 'custom',
        path: ['fit'],
        message: schemaSays('step.camera-and-fit'),
      });
    }
    if (!step.camera && !step.fit) {
      ctx.addIssue({
        code: 'custom',
        path: ['camera'],
        message: schemaSays('step.camera-or-fit'),
      });
    }
  });

export type StepFrontmatter = z.infer<typeof StepFrontmatter>;
