/**
 * What the tools that write to stories/ say when they write nothing: `npm run new-story`,
 * `npm run new-step` and the camera picker's "Use this view" in `npm run dev`.
 */
import { didYouMean, entry } from './entry';

const AGAIN = 'then pick again';

export const TOOL_MESSAGES = {
  'new-story.no-name': entry(
    'error',
    () => 'say which story to create: npm run new-story -- <name>, e.g. npm run new-story -- floods-2024',
    {},
  ),
  'new-story.exists': entry(
    'error',
    (p: { slug: string }) =>
      `stories/${p.slug}/ already exists: choose another name, or add steps to it with npm run new-step -- ${p.slug} <name>`,
    { slug: 'floods-2024' },
  ),
  'new.bad-name': entry(
    'error',
    (p: { what: 'story' | 'step'; name: string; example: string }) =>
      `"${p.name}" can't be a ${p.what} name: use lowercase letters, digits and hyphens, e.g. ${p.example}`,
    { what: 'story', name: 'Floods 2024', example: 'floods-2024' },
  ),
  'new-story.near-needs-place': entry(
    'error',
    () => `--near needs a place: e.g. --near "2.35,48.86" (longitude, latitude) or a town's name`,
    {},
  ),
  'new-story.near-not-on-earth': entry(
    'error',
    (p: { value: string; swapped?: string | undefined }) =>
      `--near "${p.value}" is not a place on Earth${p.swapped ? ' (it reads as latitude, longitude)' : ''}: write --near "<longitude>,<latitude>"${p.swapped ? `, here --near "${p.swapped}"` : ''}`,
    { value: '48.86,200', swapped: '200,48.86' },
  ),
  'new-story.near-unknown-town': entry(
    'error',
    (p: { value: string; near?: string | undefined }) =>
      `"${p.value}" is not a town of the packaged gazetteer${didYouMean(p.near)}: give its coordinates instead, --near "<longitude>,<latitude>"`,
    { value: 'Pariss', near: 'Paris' },
  ),
  'new-step.no-name': entry(
    'error',
    () =>
      'say which story and what to call the step: npm run new-step -- <story> <name> [--after <step>], e.g. npm run new-step -- floods-2024 first-warning',
    {},
  ),
  'new-step.after-needs-step': entry(
    'error',
    () => '--after needs the name of a step: e.g. --after first-warning',
    {},
  ),
  'new-step.no-story': entry(
    'error',
    (p: { story: string; near?: string | undefined; stories: string[] }) =>
      `there is no story "${p.story}" in stories/${didYouMean(p.near)}: use one of ${p.stories.join(', ') || '(none yet: npm run new-story -- <name>)'}`,
    { story: 'flods-2024', near: 'floods-2024', stories: ['floods-2024'] },
  ),
  'new-step.exists': entry(
    'error',
    (p: { name: string; file: string }) =>
      `the story already has a step "${p.name}" (${p.file}): choose another name; a step's name is its web address`,
    { name: 'levee-breaks', file: 'stories/floods-2024/020-levee-breaks.md' },
  ),
  'new-step.no-step-after': entry(
    'error',
    (p: { after: string; slug: string; near?: string | undefined; example: string }) =>
      `there is no step "${p.after}" in stories/${p.slug}/${didYouMean(p.near)}: use a step's name without its number, e.g. ${p.example}`,
    { after: 'levee-break', slug: 'floods-2024', near: 'levee-breaks', example: 'start' },
  ),
  'new-step.no-number-between': entry(
    'error',
    (p: { prev: string; next: string }) =>
      `there is no number left between ${p.prev} and ${p.next}: add the step elsewhere, or give one of them a number with room around it`,
    { prev: '010-start.md', next: '011-levee-breaks.md' },
  ),
  'new-step.no-number-after': entry(
    'error',
    (p: { prev: string }) =>
      `there is no number left after ${p.prev} (numbers have three digits): add the step between two others with --after`,
    { prev: '999-end.md' },
  ),
  'picker.not-a-camera': entry('error', (p: { why: string }) => `the view is not a valid camera: ${p.why}`, {
    why: 'zoom is above 22: use 0 to 22 (0 is the whole world, 16 a city block)',
  }),
  'picker.no-frontmatter': entry(
    'error',
    () => `the file does not start with a frontmatter block: fix it, ${AGAIN}`,
    {},
  ),
  'picker.frontmatter-not-closed': entry(
    'error',
    () => `the frontmatter is not closed: fix it, ${AGAIN}`,
    {},
  ),
  'picker.frontmatter-does-not-parse': entry(
    'error',
    () => `the frontmatter does not parse: fix it (npm run check says where), ${AGAIN}`,
    {},
  ),
  'picker.camera-empty': entry(
    'error',
    () => `camera has no value: write camera: { center: [longitude, latitude], zoom: 8 }, ${AGAIN}`,
    {},
  ),
  'picker.fit-empty': entry('error', () => `fit has no value: fix it, ${AGAIN}`, {}),
  'picker.no-view': entry(
    'error',
    () => `the step has neither camera nor fit: add one (npm run check says how), ${AGAIN}`,
    {},
  ),
  'picker.would-change-more': entry(
    'error',
    () => 'the camera could not be written without changing something else: set it by hand',
    {},
  ),
  'picker.not-a-step-file': entry(
    'error',
    () => 'only step files (stories/<story>/NNN-name.md) can be written: pick the view on a step of a story',
    {},
  ),
  'picker.no-such-file': entry(
    'error',
    (p: { file: string }) => `${p.file} does not exist: save the step, then pick again`,
    { file: 'stories/floods-2024/020-levee-breaks.md' },
  ),
  'picker.outside-stories': entry(
    'error',
    () => 'only step files inside stories/ can be written: pick the view on a step of a story',
    {},
  ),
};
