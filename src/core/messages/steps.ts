/**
 * Messages about a step's fields (the step schema) and what they refer to: places in
 * geo/, the story's sources, the order of dates, labels that would show twice.
 */
import { didYouMean, entry, EXAMPLE } from './entry';

const DATE_EXAMPLE = '2024-03-05, or 2024-03-05T14:30+01:00 with the local time and its offset';

export const STEP_MESSAGES = {
  'step.title-missing': entry('error', () => 'title is required: add a short heading for the step', {}),
  'step.title-empty': entry('error', () => 'title is empty: write a short heading for the step', {}),
  'date.missing': entry('error', () => `date is missing: add when it happened, e.g. ${DATE_EXAMPLE}`, {}),
  'date.not-text': entry(
    'error',
    () => 'date is not text: write it as ISO 8601, e.g. 2024-03-05 or 2024-03-05T14:30+01:00',
    {},
  ),
  'date.not-iso': entry(
    'error',
    () => `date is not ISO 8601: write ${DATE_EXAMPLE} (a time needs an offset)`,
    {},
  ),
  'date.not-a-day': entry('error', () => 'date is not a real calendar day: check the month and the day', {}),
  'step.time-approximate': entry(
    'error',
    () => 'time_approximate is not true or false: write true or false',
    {},
  ),
  'step.ids-not-list': entry(
    'error',
    (p: { field: string }) =>
      `${p.field} is not a list: write feature ids from geo/ in brackets, e.g. ${EXAMPLE.ids}`,
    { field: 'show' },
  ),
  'step.fit-empty': entry(
    'error',
    () => 'fit is empty: add at least one feature id, or use camera instead',
    {},
  ),
  'step.feature-id-not-text': entry(
    'error',
    () => `a feature id is not text: write an id from geo/, e.g. ${EXAMPLE.id}`,
    {},
  ),
  'step.feature-id-invalid': entry(
    'error',
    () => `this is not a feature id: use lowercase letters, digits and hyphens, e.g. ${EXAMPLE.id}`,
    {},
  ),
  'step.transition': entry('error', () => 'transition is not fly, ease or jump: use one of those three', {}),
  'step.alt-not-text': entry('error', () => 'alt is not text: describe what the map shows in words', {}),
  'step.alt-empty': entry(
    'error',
    () => 'alt is empty: describe what the map shows, or remove the field to generate one',
    {},
  ),
  'step.sources-missing': entry(
    'error',
    () =>
      `sources is missing: add the keys of the story.md sources this step relies on, e.g. sources: [${EXAMPLE.source}]`,
    {},
  ),
  'step.sources-not-list': entry(
    'error',
    () => `sources is not a list: write keys from story.md in brackets, e.g. [${EXAMPLE.source}]`,
    {},
  ),
  'step.sources-empty': entry(
    'error',
    () => 'sources needs at least one key from story.md: every step cites where its facts come from',
    {},
  ),
  'source-key.not-text': entry(
    'error',
    () => `a source key is not text: write a key, e.g. ${EXAMPLE.source}`,
    {},
  ),
  'source-key.invalid': entry(
    'error',
    () => `this is not a source key: use lowercase letters, digits and hyphens, e.g. ${EXAMPLE.source}`,
    {},
  ),
  'step.unknown-field': entry(
    'error',
    (p: { near?: string | undefined }) => `unknown field${didYouMean(p.near)}: remove it or correct its name`,
    { near: 'highlight' },
  ),
  'step.unknown-feature': entry(
    'error',
    (p: { id: string; near?: string | undefined }) =>
      `no feature has the id "${p.id}" in geo/${didYouMean(p.near)}: use an id from geo/*.geojson`,
    { id: 'old-lighthous', near: 'old-lighthouse' },
  ),
  'step.invalid-feature': entry(
    'error',
    (p: { id: string; where: string }) =>
      `feature "${p.id}" is invalid (${p.where}): fix the errors reported there`,
    { id: 'old-lighthouse', where: 'geo/harbour.geojson:12' },
  ),
  'step.same-label': entry(
    'warning',
    (p: { id: string; first: string; label: string }) =>
      `"${p.id}" and "${p.first}" are both labelled "${p.label}": the step's map would name it twice — leave one of them out`,
    { id: 'harbour-town', first: 'harbour-district', label: 'Harbour' },
  ),
  'step.unknown-source': entry(
    'error',
    (p: { key: string; near?: string | undefined; story: string }) =>
      `"${p.key}" is not a source of this story${didYouMean(p.near)}: add it to the sources in ${p.story}, or use one of its keys`,
    { key: 'wires', near: 'wire', story: 'stories/floods-2024/story.md' },
  ),
  'step.date-order': entry(
    'warning',
    (p: { date: string; previous: string; previousDate: string }) =>
      `${p.date} is earlier than the previous step (${p.previous}, ${p.previousDate}): check the date or the file's number`,
    { date: '2024-03-04', previous: '010-start.md', previousDate: '2024-03-05' },
  ),
};
