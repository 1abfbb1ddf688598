/**
 * Templates for `npm run new-story` and `npm run new-step`. Pure: given what is on
 * disk, it returns the files to create or the reason it won't. The commands write
 * them without ever replacing a file (src/cli/scaffold.ts).
 */
import type { Bbox } from '../core/bbox';
import { maxZoomToContain } from '../core/mercator';
import type { StepFrontmatter } from '../content/schema/step';
import { num } from './geo-checks';
import { says, type MessageId, type Said } from '../core/messages';
import { nearest } from '../core/suggest';
import { NAME, nearestName } from '../content/schema/primitives';

export interface NewFile {
  path: string;
  text: string;
}
/** A failure carries its message's catalogue id (src/core/messages) beside the text. */
export type Failure = { ok: false; error: string; id: MessageId };
export type Plan = { ok: true; files: NewFile[] } | Failure;

export const fail = ({ id, message }: Said): Failure => ({ ok: false, error: message, id });

function badName(what: 'story' | 'step', name: string): Said | undefined {
  if (NAME.test(name)) return undefined;
  const example = nearestName(name) || (what === 'story' ? 'floods-2024' : 'first-warning');
  return says('new.bad-name', { what, name, example });
}

/** "levee-breaks" → "Levee breaks": a first title the editor will rewrite. */
const titleFrom = (name: string) => name.charAt(0).toUpperCase() + name.slice(1).replace(/-/g, ' ');

export interface StepOnDisk {
  /** The step's number and id, from its file name. */
  order: number;
  id: string;
  file: string;
  /** Its frontmatter when it passes the schema, to start the new step from the same view and time. */
  data?: StepFrontmatter;
}

export interface StoryOnDisk {
  slug: string;
  steps: StepOnDisk[];
  sourceKeys: string[];
}

const pad = (n: number) => String(n).padStart(3, '0');

function cameraLine(c: NonNullable<StepFrontmatter['camera']>): string {
  const extra = `${c.bearing ? `, bearing: ${num(c.bearing)}` : ''}${c.pitch ? `, pitch: ${num(c.pitch)}` : ''}`;
  return `{ center: [${num(c.center[0]!)}, ${num(c.center[1]!)}], zoom: ${num(c.zoom)}${extra} }`;
}

/** A camera that shows a region whole on the reference map. */
function cameraFor(region: Bbox | undefined): NonNullable<StepFrontmatter['camera']> {
  if (!region) return { center: [0, 20], zoom: 1, bearing: 0, pitch: 0 };
  const center: [number, number] = [(region[0] + region[2]) / 2, (region[1] + region[3]) / 2];
  const zoom =
    Math.floor(
      Math.min(
        12,
        maxZoomToContain(center, region, {
          width: 768,
          height: 800,
          padding: { top: 40, right: 40, bottom: 40, left: 40 },
        }),
      ) * 10,
    ) / 10;
  return {
    center: [Math.round(center[0] * 100) / 100, Math.round(center[1] * 100) / 100],
    zoom,
    bearing: 0,
    pitch: 0,
  };
}

function stepText(o: {
  title: string;
  date: string;
  camera?: StepFrontmatter['camera'];
  fit?: string[];
  sources: string[];
}): string {
  const view = o.fit
    ? [
        `# Where the map looks: frame these places (ids from geo/*.geojson) …`,
        `fit: [${o.fit.join(', ')}]`,
        `# … or a fixed view; the camera picker in \`npm run dev\` writes one for you:`,
        `# camera: { center: [longitude, latitude], zoom: 8 }`,
      ]
    : [
        `# Where the map looks: a fixed view. Set it by moving the map in \`npm run dev\``,
        `# (the camera picker), or write it: center is [longitude, latitude].`,
        `camera: ${cameraLine(o.camera!)}`,
        `# … or frame places instead (use one of the two): fit: [feature-id, another-id]`,
      ];
  return [
    '---',
    '# Every field is explained in stories/README.md. Lines starting with # are notes.',
    '# A short heading for the step.',
    `title: ${o.title}`,
    '# When it happened: 2019-12-27, or 2019-12-27T19:20+03:00 with the local time and its offset.',
    `date: ${o.date}`,
    ...view,
    '# The places visible in this step (ids from geo/*.geojson), and those drawn with emphasis.',
    'show: []',
    'highlight: []',
    '# Where the facts come from: keys of the sources listed in story.md.',
    `sources: [${o.sources.join(', ')}]`,
    '---',
    "Write the step's text here, in Markdown. A blank line starts a new paragraph.",
    '',
  ].join('\n');
}

/** `npm run new-story -- <slug>`: story.md and a first step, 010-start.md. */
export function planNewStory(
  slug: string | undefined,
  existingSlugs: string[],
  today: string,
  region?: Bbox,
): Plan {
  if (!slug) return fail(says('new-story.no-name'));
  const bad = badName('story', slug);
  if (bad) return fail(bad);
  if (existingSlugs.includes(slug)) return fail(says('new-story.exists', { slug }));
  const story = [
    '---',
    '# Every field is explained in stories/README.md. Lines starting with # are notes.',
    "# The story's headline, and one or two sentences under it.",
    `title: ${titleFrom(slug)}`,
    'dek: One or two sentences that say what happened, where and when.',
    'byline: By the newsroom',
    '# Publication date; add updated: when you change the story later.',
    `published: ${today}`,
    '# The language of the text: en, ar, fr …',
    'language: en',
    '# Map labels also in other languages, e.g. [ar]: each place then needs "labels": { "ar": "…" } in geo/.',
    '# label_languages: [ar]',
    '# Every source the story cites. Steps refer to them by key.',
    'sources:',
    '  - key: first-source',
    '    publisher: The outlet or organisation',
    '    title: The headline of the report',
    `    date: ${today}`,
    '    # url: https://example.org/the-report',
    '---',
    'Write the introduction here, in Markdown. It appears under the headline, before the first step.',
    '',
  ].join('\n');
  return {
    ok: true,
    files: [
      { path: `stories/${slug}/story.md`, text: story },
      {
        path: `stories/${slug}/010-start.md`,
        text: stepText({ title: 'Start', date: today, camera: cameraFor(region), sources: ['first-source'] }),
      },
    ],
  };
}

/**
 * `npm run new-step -- <story> <name> [--after <step>]`: a step numbered to sort where
 * it belongs. At the end: the next multiple of ten. Between two steps: the number
 * halfway. Nothing is ever renumbered; when there is no number left between two
 * steps, it says so.
 */
export function planNewStep(
  story: StoryOnDisk | undefined,
  storyArg: string | undefined,
  name: string | undefined,
  after: string | undefined,
  allSlugs: string[],
  region?: Bbox,
): Plan {
  if (!storyArg || !name) return fail(says('new-step.no-name'));
  if (!story)
    return fail(
      says('new-step.no-story', { story: storyArg, near: nearest(storyArg, allSlugs), stories: allSlugs }),
    );
  const bad = badName('step', name);
  if (bad) return fail(bad);
  const steps = [...story.steps].sort((a, b) => a.order - b.order);
  const same = steps.find((s) => s.id === name);
  if (same) return fail(says('new-step.exists', { name, file: same.file }));
  let prev: StepOnDisk | undefined;
  let order: number;
  if (after !== undefined) {
    const i = steps.findIndex((s) => s.id === after);
    if (i < 0)
      return fail(
        says('new-step.no-step-after', {
          after,
          slug: story.slug,
          near: nearest(
            after,
            steps.map((s) => s.id),
          ),
          example: steps[0]?.id ?? 'start',
        }),
      );
    prev = steps[i]!;
    const next = steps[i + 1];
    if (next) {
      order = Math.floor((prev.order + next.order) / 2);
      if (order === prev.order) {
        return fail(says('new-step.no-number-between', { prev: base(prev.file), next: base(next.file) }));
      }
    } else order = nextTen(prev.order);
  } else {
    prev = steps.at(-1);
    order = prev ? nextTen(prev.order) : 10;
  }
  if (order > 999) return fail(says('new-step.no-number-after', { prev: base(prev!.file) }));
  const d = prev?.data;
  const text = stepText({
    title: titleFrom(name),
    date: d?.date ?? new Date().toISOString().slice(0, 10),
    ...(d?.fit ? { fit: d.fit } : { camera: d?.camera ?? cameraFor(region) }),
    sources: d?.sources ?? (story.sourceKeys[0] ? [story.sourceKeys[0]] : []),
  });
  return { ok: true, files: [{ path: `stories/${story.slug}/${pad(order)}-${name}.md`, text }] };
}

const nextTen = (n: number) => Math.floor(n / 10) * 10 + 10;
const base = (file: string) => file.slice(file.lastIndexOf('/') + 1);
