/**
 * Builds stories/README.md, the editors' guide: the hand-written text in
 * editors-guide.md, with every field table generated from the schemas (their doc
 * comments say what a field is; zod says whether it is required and its default) and
 * every message from the catalogue (src/core/messages), each with its example. So the
 * guide can't drift from what the code accepts and says; a unit test compares it with the file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'astro/zod';
import { FeatureProperties } from '../content/schema/feature';
import { Camera } from '../content/schema/primitives';
import { StepFrontmatter } from '../content/schema/step';
import { Credit, KindDeclaration, Source, StoryFrontmatter } from '../content/schema/story';
import { DEFAULT_KINDS } from '../story/kinds';
import { unknownKindIssues } from '../story/kind-checks';
import { MESSAGE_GROUPS, type Entry } from '../core/messages';
import { formatIssue, splitWhatToDo } from '../core/issues';

interface Table {
  file: string;
  name: string;
  schema: z.ZodType;
  prefix?: string;
  /** What to write in "required" where the schema's own rule is more than yes or no. */
  required?: Record<string, string>;
}

const TABLES: Record<string, Table> = {
  step: {
    file: 'src/content/schema/step.ts',
    name: 'StepFrontmatter',
    schema: StepFrontmatter,
    required: { camera: 'this or `fit`', fit: 'this or `camera`' },
  },
  camera: { file: 'src/content/schema/primitives.ts', name: 'Camera', schema: Camera },
  story: { file: 'src/content/schema/story.ts', name: 'StoryFrontmatter', schema: StoryFrontmatter },
  source: { file: 'src/content/schema/story.ts', name: 'Source', schema: Source },
  credit: { file: 'src/content/schema/story.ts', name: 'Credit', schema: Credit },
  kind: { file: 'src/content/schema/story.ts', name: 'KindDeclaration', schema: KindDeclaration },
  feature: {
    file: 'src/content/schema/feature.ts',
    name: 'FeatureProperties',
    schema: FeatureProperties,
    prefix: 'properties.',
  },
};

/** The doc comment above each field of `export const <name> = …`, in order. */
export function docComments(source: string, name: string): [string, string][] {
  const start = source.indexOf(`export const ${name} =`);
  if (start < 0) throw new Error(`no "export const ${name}" in the schema file`);
  const end = source.indexOf('\nexport ', start + 1);
  const chunk = source.slice(start, end < 0 ? undefined : end);
  const out: [string, string][] = [];
  for (const m of chunk.matchAll(/\/\*\*([\s\S]*?)\*\/\s*\n\s*([a-z_]+):/g)) {
    const text = m[1]!
      .split('\n')
      .map((l) => l.replace(/^\s*\*\s?/, '').trim())
      .filter(Boolean)
      .join(' ');
    out.push([m[2]!, text]);
  }
  return out;
}

function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  // zod 4 keeps a schema's shape in its untyped internal definition.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let s: any = schema;
  for (let i = 0; i < 5 && s && !s._zod?.def?.shape; i++)
    s = s._zod?.def?.in ?? s._zod?.def?.innerType ?? s._zod?.def?.schema;
  return s?._zod?.def?.shape ?? {};
}

const cell = (s: string) => s.replace(/\|/g, '\\|');

function fieldTable(root: string, t: Table): string {
  const shape = shapeOf(t.schema);
  const docs = docComments(readFileSync(join(root, t.file), 'utf8'), t.name);
  const documented = new Set(docs.map(([k]) => k));
  const missing = Object.keys(shape).filter((k) => !documented.has(k));
  if (missing.length) throw new Error(`${t.file} ${t.name}: no doc comment on ${missing.join(', ')}`);
  const rows = docs.map(([key, doc]) => {
    const field = shape[key];
    if (!field) throw new Error(`${t.file} ${t.name}: "${key}" has a doc comment but is not in the schema`);
    const r = field.safeParse(undefined);
    const required = t.required?.[key] ?? (r.success ? 'no' : 'yes');
    const def =
      r.success && r.data !== undefined ? `\`${Array.isArray(r.data) ? '[]' : String(r.data)}\`` : '';
    return `| \`${t.prefix ?? ''}${key}\` | ${required} | ${def} | ${cell(doc)} |`;
  });
  return ['| field | required | default | what it is |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** A message's two halves, as the report prints them: what is wrong, and what to do. */
function halves(text: string): [string, string] {
  const split = splitWhatToDo(text);
  let i = 0;
  while (i < text.length && text[i] === split[i]) i++;
  return i === text.length ? [text, ''] : [text.slice(0, i), text.slice(i + 2)];
}

/** Every message of the catalogue, grouped, with its id, severity and example. */
function messageSection(): string {
  return Object.entries(MESSAGE_GROUPS)
    .map(([title, entries]) => {
      const rows = Object.entries(entries as Record<string, Entry<unknown>>).map(([id, e]) => {
        const [what, fix] = halves(e.text(e.example));
        return `| \`${id}\` | ${e.severity} | ${cell(what)} | ${cell(fix)} |`;
      });
      return [
        `### ${title}`,
        '',
        '| id | severity | what is wrong (an example) | what to do |',
        '| --- | --- | --- | --- |',
        ...rows,
      ].join('\n');
    })
    .join('\n\n');
}

const DRAWN = {
  mark: 'its point, line or area',
  name: 'only its name, on the place; not in the legend',
  country: 'the outline of the country its point lies in',
} as const;

/** The engine's kinds, with the legend's words and how each is drawn. */
function kindTable(): string {
  const rows = Object.entries(DEFAULT_KINDS).map(
    ([name, k]) => `| \`${name}\` | ${k.legend ? k.label : '—'} | ${DRAWN[k.draw]} | \`${k.color}\` |`,
  );
  return ['| kind | legend | drawn as | colour |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** The message a misspelt kind gets, from the check itself. */
function unknownKindExample(): string {
  const [issue] = unknownKindIssues(
    [
      {
        id: 'old-lighthouse',
        file: 'geo/harbour.geojson',
        line: 12,
        properties: {
          name: 'Old lighthouse',
          kind: 'lanmark',
          source: '',
          precision_m: 50,
          schematic: false,
        },
        geometry: { type: 'Point', coordinates: [0, 0] },
      },
    ],
    [{ file: 'stories/harbour/story.md', kinds: {}, uses: new Set(['old-lighthouse']) }],
  );
  return ['```text', `error  ${formatIssue(issue!)}`, '```'].join('\n');
}

export function renderGuide(root: string): string {
  const template = readFileSync(join(root, 'src/docs/editors-guide.md'), 'utf8');
  return template
    .replace(/<!-- fields:([a-z]+) -->/g, (_, k: string) => {
      const t = TABLES[k];
      if (!t) throw new Error(`editors-guide.md: no field table "${k}"`);
      return fieldTable(root, t);
    })
    .replace('<!-- kinds -->', kindTable())
    .replace('<!-- kinds:unknown -->', unknownKindExample())
    .replace('<!-- messages -->', messageSection());
}
