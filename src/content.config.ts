/**
 * Content collections: the stories, their steps and the map features. The schemas are
 * the editors' API (src/content/schema/); the loaders add where each entry came from.
 */
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { storyLoader } from './site/story-loaders';
import { FeatureProperties } from './content/schema/feature';
import { StepFrontmatter } from './content/schema/step';
import { StoryFrontmatter } from './content/schema/story';

const stories = defineCollection({
  loader: storyLoader('stories'),
  schema: z.object({
    frontmatter: StoryFrontmatter,
    file: z.string(),
    stepCount: z.number(),
    methodsHtml: z.string().optional(),
  }),
});

const steps = defineCollection({
  loader: storyLoader('steps'),
  schema: z.object({
    frontmatter: StepFrontmatter,
    story: z.string(),
    stepId: z.string(),
    order: z.number(),
    file: z.string(),
  }),
});

const features = defineCollection({
  loader: storyLoader('features'),
  schema: z.object({
    properties: FeatureProperties,
    // Geometry was checked by the loader (src/geo/read-geojson.ts); zod only carries it.
    geometry: z.looseObject({ type: z.string() }),
    file: z.string(),
    line: z.number(),
  }),
});

export const collections = { stories, steps, features };
