/**
 * Messages about story.md: its fields, its sources and credits, the kinds it declares,
 * and the label languages it promises.
 */
import { entry } from './entry';

const required = (field: string, todo: string) => entry('error', () => `${field} is required: ${todo}`, {});

export const STORY_MESSAGES = {
  'story.title-missing': required('title', "add the story's headline"),
  'story.dek-missing': required('dek', 'add one or two sentences under the headline'),
  'story.byline-missing': required('byline', 'add who wrote it, e.g. "By the Storymap newsroom"'),
  'story.language-tag': entry(
    'error',
    (p: { what: string }) => `${p.what} is not a language tag: write a BCP 47 tag such as en, ar or fr-CA`,
    { what: 'language' },
  ),
  'story.label-languages-not-list': entry(
    'error',
    () => 'label_languages is not a list: write the language tags in brackets, e.g. [ar]',
    {},
  ),
  'story.sources-not-list': entry(
    'error',
    () => 'sources is not a list: write one entry { key, publisher, title, date?, url? } per source',
    {},
  ),
  'story.sources-empty': entry('error', () => 'sources is empty: add at least one source', {}),
  'story.methods-not-text': entry(
    'error',
    () => 'methods is not text: write the note on method as Markdown text, or leave methods out',
    {},
  ),
  'story.credits-not-list': entry(
    'error',
    () => 'credits is not a list: write one entry { role, name } per person',
    {},
  ),
  'story.kinds-not-map': entry(
    'error',
    () => 'kinds is not a list of kinds: write one kind per line, e.g. port: { label: Port, like: base }',
    {},
  ),
  'story.basemap-url': entry(
    'error',
    () =>
      'basemap is not the full https:// address of a MapLibre style: write its style.json URL, or leave basemap out for the offline basemap',
    {},
  ),
  'story.missing-label-language': entry(
    'error',
    (p: { id: string; language: string; tag: string; slug: string; story: string }) =>
      `"${p.id}" has no ${p.language} (${p.tag}) label, and the story "${p.slug}" shows its place labels in ${p.language}: add "labels": { "${p.tag}": "…" } to its properties, or take ${p.tag} out of label_languages in ${p.story}`,
    {
      id: 'old-lighthouse',
      language: 'Arabic',
      tag: 'ar',
      slug: 'floods-2024',
      story: 'stories/floods-2024/story.md',
    },
  ),
  'source.publisher-missing': required('publisher', 'add the outlet or organisation'),
  'source.title-missing': required('title', 'add the headline or a short description'),
  'source.url': entry('error', () => 'url is not a full web address: write it starting with https://', {}),
  'source.note-not-text': entry(
    'error',
    () => 'note is not text: write what the story takes from the source, or leave note out',
    {},
  ),
  'source.not-fields': entry(
    'error',
    () => 'this source is not a list of fields: write { key, publisher, title, date?, url?, note? }',
    {},
  ),
  'source.duplicate-key': entry(
    'error',
    (p: { key: string; first: number }) =>
      `source key "${p.key}" is already used by source ${p.first}: give each source its own key`,
    { key: 'wire', first: 1 },
  ),
  'credit.role-missing': required('role', 'add what they did, e.g. Maps'),
  'credit.name-missing': required('name', 'add who did it'),
  'credit.not-fields': entry('error', () => 'this credit is not a list of fields: write { role, name }', {}),
  'kind.name': entry(
    'error',
    () => 'the kind name is not lowercase words joined by hyphens: write it as e.g. grain-silo',
    {},
  ),
  'kind.not-fields': entry(
    'error',
    () => 'this kind is not a list of fields: write e.g. { label: Port, like: base }',
    {},
  ),
  'kind.label-not-text': entry('error', () => 'label is not text: write the words the legend shows', {}),
  'kind.label-empty': entry(
    'error',
    () => 'label is empty: write the words the legend shows, or leave label out for the default',
    {},
  ),
  'kind.like-not-text': entry(
    'error',
    () => 'like is not a kind name: write one of the kinds listed in the guide',
    {},
  ),
  'kind.like-unknown': entry(
    'error',
    (p: { like: string; near?: string | undefined; kinds: string[] }) =>
      `"${p.like}" is not one of the engine's kinds${p.near ? ` (the nearest is "${p.near}")` : ''}: like names one of ${p.kinds.join(', ')}`,
    { like: 'bse', near: 'base', kinds: ['base', 'place', 'town'] },
  ),
  'kind.color': entry('error', () => 'color is not a colour: write it as #rrggbb, e.g. "#1f5fa8"', {}),
  'kind.legend': entry('error', () => 'legend is not true or false: write true or false', {}),
  'kind.draw': entry('error', () => 'draw is not mark, name or country: write one of them', {}),
};
