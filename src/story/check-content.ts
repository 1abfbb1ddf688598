/**
 * Turns the raw files of `stories/` and `geo/` into a validated content model, and
 * lists every problem at once. Pure: the caller reads the files; nothing is written.
 */
import type { z } from 'astro/zod';
import { parseMarkdownFile, type ParsedMarkdown } from '../content/read/frontmatter';
import { StepFrontmatter } from '../content/schema/step';
import { StoryFrontmatter } from '../content/schema/story';
import {
  duplicateIdIssues,
  readGeoJsonFile,
  type InvalidFeature,
  type StoryFeature,
} from '../geo/read-geojson';
import { fieldPath, type Issue } from '../core/issues';
import { cameraViewMessage, swappedCenterMessage, swappedFeatureIssues } from './geo-checks';
import { didYouMean } from '../core/suggest';
import { unknownKindIssues, type StoryKindsInUse } from './kind-checks';
import { withOwnExamples } from './own-examples';
import { NAME, nearestName } from '../content/schema/primitives';
import type { SourceFile } from '../content/read/source-files';

export interface LoadedStep {
  /** Stable id: the file name without its number and extension (`010-first-warning.md` → `first-warning`). */
  id: string;
  file: string;
  /** The number in the file name: steps are shown in this order. */
  order: number;
  data: StepFrontmatter;
  /** Markdown text of the step. */
  body: string;
}

export interface LoadedStory {
  slug: string;
  file: string;
  data: StoryFrontmatter;
  body: string;
  steps: LoadedStep[];
}

export interface Content {
  stories: LoadedStory[];
  features: StoryFeature[];
  issues: Issue[];
}

/** "Arabic" for `ar`: editors read language names, not tags. */
function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

export const STEP_FILE = new RegExp(`^(\\d{3})-(${NAME.source.slice(1, -1)})\\.md$`);
/** Paths inside a content root (the project's, or an extra one such as `tests/fixtures/x/`). */
const STORY_DIR = /^stories\/([^/]+)\/(.+)$/;
const GEO_FILE = /^geo\/[^/]+\.geojson$/;
const inRoot = (f: SourceFile) => f.path.slice(f.root?.length ?? 0);

/**
 * A check of one step that needs more than the content, such as the basemap's coverage: the
 * layer that reads the site passes it in, so this check stays pure.
 */
export type StepCheck = (
  file: string,
  step: StepFrontmatter,
  featureById: ReadonlyMap<string, StoryFeature>,
  lineOf: (path: (string | number)[]) => number | undefined,
) => Issue[];

export function checkContent(files: SourceFile[], stepCheck?: StepCheck): Content {
  const issues: Issue[] = [];
  for (const f of files) {
    if (!f.notUtf8) continue;
    const hex = f.notUtf8.byte.toString(16).toUpperCase().padStart(2, '0');
    issues.push({
      file: f.path,
      line: f.notUtf8.line,
      message: `the file is not UTF-8 (byte 0x${hex} on this line, as when "é" or "’" is saved in Windows-1252 or Latin-1): save it as UTF-8 (in most editors: Save with Encoding, or Save As → Encoding → UTF-8)`,
      severity: 'error',
    });
  }
  const features: StoryFeature[] = [];
  const invalidById = new Map<string, InvalidFeature>();
  for (const f of files.filter((f) => GEO_FILE.test(inRoot(f)))) {
    const r = readGeoJsonFile(f.path, f.text);
    issues.push(...r.issues);
    features.push(...r.features);
    for (const x of r.invalid) if (!invalidById.has(x.id)) invalidById.set(x.id, x);
  }
  issues.push(...duplicateIdIssues(features));
  const featureById = new Map(features.map((f) => [f.id, f]));
  const featureIds = new Set(featureById.keys());
  // Typos are matched against every id written, valid or not.
  const writtenIds = new Set([...featureIds, ...invalidById.keys()]);

  // Each place's neighbours, for the swap check: the places a story shows with it, and
  // those of its content root (a place no step shows yet still belongs near the others).
  const rootOf = (file: string) => files.find((x) => x.path === file)?.root ?? '';
  const neighbours = new Map<StoryFeature, Set<StoryFeature>>();
  const shownWith = (f: StoryFeature) => {
    let n = neighbours.get(f);
    if (!n) {
      const root = rootOf(f.file);
      neighbours.set(f, (n = new Set(features.filter((g) => g !== f && rootOf(g.file) === root))));
    }
    return n;
  };

  const bySlug = new Map<string, { dir: string; story?: SourceFile; steps: SourceFile[] }>();
  const clashes = new Set<string>();
  for (const f of files) {
    const m = STORY_DIR.exec(inRoot(f));
    if (!m || !f.path.endsWith('.md')) continue;
    const [, slug, name] = m as unknown as [string, string, string];
    const prefix = f.root ?? '';
    if (name.includes('/')) continue; // sub-folders hold assets or drafts, not steps
    const dir = `${prefix}stories/${slug}`;
    const entry = bySlug.get(slug) ?? { dir, steps: [] };
    if (entry.dir !== dir) {
      if (clashes.has(dir)) continue;
      clashes.add(dir);
      issues.push({
        file: dir,
        message: `the story "${slug}" is also in ${entry.dir}/: two stories can't share a web address, so rename one folder`,
        severity: 'error',
      });
      continue;
    }
    bySlug.set(slug, entry);
    if (name === 'story.md') entry.story = f;
    else if (STEP_FILE.test(name)) entry.steps.push(f);
    else if (name.toLowerCase() !== 'readme.md') {
      issues.push({
        file: f.path,
        message: `"${name}" is not a step file name: name steps NNN-name.md (three digits, then lowercase words joined by hyphens, e.g. ${stepFileName(name)})`,
        severity: 'error',
      });
    }
  }

  // Each story's step files, parsed once, and the places its steps name.
  const stepsOf = new Map<
    string,
    { stepFiles: { f: SourceFile; parsed: ParsedMarkdown }[]; used: StoryFeature[] }
  >();
  for (const [slug, entry] of bySlug) {
    const stepFiles = [...entry.steps]
      .sort((a, b) => a.path.localeCompare(b.path))
      .map((f) => ({ f, parsed: parseMarkdownFile(f.text) }));
    const usedIds = new Set(
      stepFiles.flatMap(({ parsed }) =>
        (['fit', 'show', 'highlight'] as const).flatMap((k) =>
          stringsAt(parsed.data ?? {}, k).map(([id]) => id),
        ),
      ),
    );
    const used = [...usedIds].flatMap((id) => featureById.get(id) ?? []);
    for (const f of used) for (const g of used) if (f !== g) shownWith(f).add(g);
    stepsOf.set(slug, { stepFiles, used });
  }
  const swapIssues = swappedFeatureIssues(features, (f) => [...shownWith(f)]);
  issues.push(...swapIssues.map(({ feature: _, ...i }) => i));
  const swappedPlaces = new Set(swapIssues.map((i) => i.feature));

  const stories: LoadedStory[] = [];
  const kindsInUse: StoryKindsInUse[] = [];
  for (const [slug, entry] of [...bySlug].sort(([a], [b]) => a.localeCompare(b))) {
    if (!NAME.test(slug)) {
      issues.push({
        file: entry.dir,
        message: `the folder name "${slug}" is the story's web address: use lowercase letters, digits and hyphens`,
        severity: 'error',
      });
    }
    if (!entry.story) {
      issues.push({
        file: `${entry.dir}/story.md`,
        message:
          'the story has steps but no story.md: create it with the title, dek, byline, published date and sources',
        severity: 'error',
      });
      continue;
    }
    const storyParsed = parseMarkdownFile(entry.story.text);
    const story = validate(entry.story.path, storyParsed, StoryFrontmatter, issues);
    const sourceKeys = new Set(story?.sources.map((s) => s.key) ?? []);

    const steps: LoadedStep[] = [];
    const seenIds = new Map<string, string>();
    const { stepFiles, used } = stepsOf.get(slug)!;
    // Where this story's cameras belong: near the places its steps name (else all of
    // geo/), leaving out places already found swapped, which would vouch for a swap.
    const trusted = (used.length > 0 ? used : features).filter((x) => !swappedPlaces.has(x));
    const places = trusted.length > 0 ? trusted : used;
    kindsInUse.push({
      file: entry.story.path,
      kinds: story?.kinds ?? {},
      lineOfLike: (k) => storyParsed.lineOf(['kinds', k, 'like']),
      uses: new Set(used.map((x) => x.id)),
    });
    for (const { f, parsed } of stepFiles) {
      const [, num, id] = STEP_FILE.exec(f.path.slice(f.path.lastIndexOf('/') + 1))! as unknown as [
        string,
        string,
        string,
      ];
      const prev = seenIds.get(id);
      if (prev) {
        issues.push({
          file: f.path,
          message: `step id "${id}" is also the id of ${prev}: a step's id is its file name without the number, so rename one`,
          severity: 'error',
        });
      } else seenIds.set(id, f.path);
      const before = issues.length;
      const data = validate(f.path, parsed, StepFrontmatter, issues);
      const raw = parsed.data ?? {};
      const center = (raw.camera as { center?: unknown } | undefined)?.center;
      const swapped =
        Array.isArray(center) && center.length === 2 && center.every((n) => typeof n === 'number')
          ? swappedCenterMessage(center as number[], places)
          : undefined;
      if (swapped) {
        // Replaces the schema's "latitude out of range", which only says half of it.
        for (let i = issues.length - 1; i >= before; i--)
          if (issues[i]!.field?.startsWith('camera.center')) issues.splice(i, 1);
        issues.push({
          file: f.path,
          line: parsed.lineOf(['camera', 'center']),
          field: 'camera.center',
          message: swapped,
          severity: 'error',
        });
      } else if (data?.camera && data.highlight.length > 0) {
        const lit = data.highlight.flatMap((id) => featureById.get(id) ?? []);
        const away = cameraViewMessage(data.camera, lit);
        if (away)
          issues.push({
            file: f.path,
            line: parsed.lineOf(['camera']),
            field: 'camera',
            message: away,
            severity: 'warning',
          });
      }
      if (!data && parsed.data) {
        for (const i of cameraOrFit(f.path, raw, parsed)) {
          if (!issues.some((x) => x.file === i.file && x.message === i.message)) issues.push(i);
        }
      }
      // Cross-references are checked on the raw fields, so they are reported in the
      // same run as schema errors elsewhere in the file.
      for (const field of ['fit', 'show', 'highlight'] as const) {
        stringsAt(raw, field).forEach(([fid, i]) => {
          const bad = featureIds.has(fid) ? undefined : invalidById.get(fid);
          if (bad) {
            issues.push({
              file: f.path,
              line: parsed.lineOf([field, i]),
              field: `${field}[${i}]`,
              message: `feature "${fid}" is invalid (${bad.file}:${bad.line}): fix the errors reported there`,
              severity: 'error',
            });
          } else if (!featureIds.has(fid)) {
            issues.push({
              file: f.path,
              line: parsed.lineOf([field, i]),
              field: `${field}[${i}]`,
              message: `no feature has the id "${fid}" in geo/${didYouMean(fid, writtenIds)}: use an id from geo/*.geojson`,
              severity: 'error',
            });
          }
        });
      }
      // Two places with the same label on one map read as one place named twice.
      const byLabel = new Map<string, string>();
      const seen = new Set<string>();
      for (const field of ['fit', 'show', 'highlight'] as const) {
        stringsAt(raw, field).forEach(([fid, i]) => {
          const feat = featureById.get(fid);
          // The map labels a place with its label, else its name (src/story/display.ts).
          const label = feat?.properties.label ?? feat?.properties.name;
          if (!label || seen.has(fid)) return;
          seen.add(fid);
          const first = byLabel.get(label);
          if (first === undefined) byLabel.set(label, fid);
          else {
            issues.push({
              file: f.path,
              line: parsed.lineOf([field, i]),
              field: `${field}[${i}]`,
              message: `"${fid}" and "${first}" are both labelled "${label}": the step's map would name it twice — leave one of them out`,
              severity: 'warning',
            });
          }
        });
      }
      if (story) {
        stringsAt(raw, 'sources').forEach(([key, i]) => {
          if (!sourceKeys.has(key)) {
            issues.push({
              file: f.path,
              line: parsed.lineOf(['sources', i]),
              field: `sources[${i}]`,
              message: `"${key}" is not a source of this story${didYouMean(key, sourceKeys)}: add it to the sources in ${entry.dir}/story.md, or use one of its keys`,
              severity: 'error',
            });
          }
        });
      }
      if (!data || swapped) continue;
      if (stepCheck) issues.push(...stepCheck(f.path, data, featureById, (p) => parsed.lineOf(p)));
      steps.push({ id, file: f.path, order: Number(num), data, body: parsed.body });
    }
    if (entry.steps.length === 0) {
      issues.push({
        file: entry.story.path,
        message: 'the story has no steps: add files named 010-name.md, 020-name.md … beside story.md',
        severity: 'error',
      });
    }
    for (let i = 1; i < steps.length; i++) {
      const a = steps[i - 1]!;
      const b = steps[i]!;
      if (instant(b.data.date) < instant(a.data.date)) {
        issues.push({
          file: b.file,
          line: stepFiles.find(({ f }) => f.path === b.file)!.parsed.lineOf(['date']),
          field: 'date',
          message: `${b.data.date} is earlier than the previous step (${a.file.slice(a.file.lastIndexOf('/') + 1)}, ${a.data.date}): check the date or the file's number`,
          severity: 'warning',
        });
      }
    }
    // A label language the story promises must be there for every place its steps name.
    for (const tag of story?.label_languages ?? []) {
      for (const feat of used) {
        if (feat.properties.basemap || feat.properties.labels?.[tag]) continue;
        issues.push({
          file: feat.file,
          line: feat.line,
          field: `labels.${tag}`,
          message: `"${feat.id}" has no ${languageName(tag)} (${tag}) label, and the story "${slug}" shows its place labels in ${languageName(tag)}: add "labels": { "${tag}": "…" } to its properties, or take ${tag} out of label_languages in ${entry.story.path}`,
          severity: 'error',
        });
      }
    }
    if (story) stories.push({ slug, file: entry.story.path, data: story, body: storyParsed.body, steps });
  }
  issues.push(...unknownKindIssues(features, kindsInUse));
  return { stories, features, issues: withOwnExamples(issues, features) };
}

function validate<S extends z.ZodType>(
  file: string,
  parsed: ParsedMarkdown,
  schema: S,
  issues: Issue[],
): z.infer<S> | undefined {
  for (const e of parsed.syntaxErrors)
    issues.push({ file, line: e.line, message: e.message, severity: 'error' });
  if (!parsed.data) return undefined;
  const r = schema.safeParse(parsed.data);
  if (r.success) return r.data;
  for (const issue of r.error.issues) {
    const path = issue.path as (string | number)[];
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(schema, path);
      for (const key of issue.keys) {
        issues.push({
          file,
          line: parsed.lineOf([...path, key]),
          field: fieldPath([...path, key]),
          message: `unknown field${didYouMean(key, known)}: remove it or correct its name`,
          severity: 'error',
        });
      }
      continue;
    }
    issues.push({
      file,
      line: parsed.lineOf(path),
      field: fieldPath(path),
      message: issue.message,
      severity: 'error',
    });
  }
  return undefined;
}

function stringsAt(raw: Record<string, unknown>, field: string): [string, number][] {
  const v = raw[field];
  return Array.isArray(v)
    ? v.flatMap((x, i) => (typeof x === 'string' ? [[x, i] as [string, number]] : []))
    : [];
}

/** The camera/fit rule, for files whose other errors stop zod before its refinement runs. */
function cameraOrFit(file: string, raw: Record<string, unknown>, parsed: ParsedMarkdown): Issue[] {
  const r = StepFrontmatter.safeParse({
    title: 't',
    date: '2000-01-01',
    sources: ['s'],
    ...(raw.camera !== undefined ? { camera: { center: [0, 0], zoom: 1 } } : {}),
    ...(raw.fit !== undefined ? { fit: ['x'] } : {}),
  });
  if (r.success) return [];
  return r.error.issues.map((i) => ({
    file,
    line: parsed.lineOf(i.path as (string | number)[]),
    field: fieldPath(i.path as (string | number)[]),
    message: i.message,
    severity: 'error' as const,
  }));
}

/** The field names the schema accepts at `path`, for "did you mean" hints. */
function knownKeys(schema: z.ZodType, path: (string | number)[]): string[] {
  // zod 4 keeps a schema's shape in its untyped internal definition.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let s: any = schema;
  const unwrap = () => {
    for (let i = 0; i < 10 && s; i++) {
      const def = s._zod?.def;
      if (!def) break;
      if (def.type === 'object') return;
      s = def.innerType ?? def.in ?? def.schema ?? def.element ?? undefined;
    }
  };
  unwrap();
  for (const p of path) {
    if (!s) return [];
    if (typeof p === 'number') {
      s = s._zod?.def?.element;
    } else {
      s = s._zod?.def?.shape?.[p];
    }
    unwrap();
  }
  return s?._zod?.def?.shape ? Object.keys(s._zod.def.shape) : [];
}

/** Milliseconds for ordering; a date alone counts as the start of that day in UTC+0. */
export function instant(date: string): number {
  return Date.parse(date.length === 10 ? `${date}T00:00Z` : date);
}

/**
 * A valid step file name nearest to what was written: a number the editor already put
 * in front is kept when it fits in three digits ("2 Second day.md" → "002-second-day.md"),
 * otherwise 045 stands for "a number between the steps around it".
 */
export function stepFileName(written: string): string {
  const m = /^(\d*)[\s_.-]*(.*)$/.exec(written.replace(/\.md$/i, ''))!;
  const num = m[1]!.length > 0 && m[1]!.length <= 3 ? m[1]!.padStart(3, '0') : '045';
  const words = nearestName(m[2]!.replace(/^\d+[\s_.-]*/, '')) || 'name';
  const name = `${num}-${words}.md`;
  return STEP_FILE.test(name) ? name : '045-name.md';
}
