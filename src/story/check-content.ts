/**
 * Turns the raw files of `stories/` and `geo/` into a validated content model, and
 * lists every problem at once. Pure: the caller reads the files; nothing is written.
 * The checks themselves live beside it, one job each: story-files (which files are
 * stories and steps), validate-frontmatter, step-checks, story-checks, geo-checks,
 * kind-checks; their messages come from the catalogue in src/core/messages.
 */
import { says } from '../core/messages';
import { parseMarkdownFile, type ParsedMarkdown } from '../content/read/frontmatter';
import { NAME } from '../content/schema/primitives';
import { StepFrontmatter } from '../content/schema/step';
import { StoryFrontmatter } from '../content/schema/story';
import {
  duplicateIdIssues,
  readGeoJsonFile,
  type InvalidFeature,
  type StoryFeature,
} from '../geo/read-geojson';
import { swappedFeatureIssues } from './geo-checks';
import type { Issue } from '../core/issues';
import { unknownKindIssues, type StoryKindsInUse } from './kind-checks';
import { withOwnExamples } from './own-examples';
import {
  cameraIssues,
  placeReferenceIssues,
  PLACE_FIELDS,
  sameLabelIssues,
  sourceIssues,
  type Places,
} from './step-checks';
import { dateOrderIssues, labelLanguageIssues } from './story-checks';
import { encodingIssues, isGeoFile, STEP_FILE, storyFolders, type SourceFile } from './story-files';
import { cameraOrFit, stringsAt, validate } from './validate-frontmatter';

export { STEP_FILE, stepFileName, type SourceFile } from './story-files';
export { instant } from './story-checks';

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
  const issues: Issue[] = encodingIssues(files);
  const features: StoryFeature[] = [];
  const invalidById = new Map<string, InvalidFeature>();
  for (const f of files.filter(isGeoFile)) {
    const r = readGeoJsonFile(f.path, f.text);
    issues.push(...r.issues);
    features.push(...r.features);
    for (const x of r.invalid) if (!invalidById.has(x.id)) invalidById.set(x.id, x);
  }
  issues.push(...duplicateIdIssues(features));
  const byId = new Map(features.map((f) => [f.id, f]));
  const places: Places = { byId, invalidById, writtenIds: new Set([...byId.keys(), ...invalidById.keys()]) };

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

  const bySlug = storyFolders(files, issues);

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
        PLACE_FIELDS.flatMap((k) => stringsAt(parsed.data ?? {}, k).map(([id]) => id)),
      ),
    );
    const used = [...usedIds].flatMap((id) => byId.get(id) ?? []);
    for (const f of used) for (const g of used) if (f !== g) shownWith(f).add(g);
    stepsOf.set(slug, { stepFiles, used });
  }
  const swapIssues = swappedFeatureIssues(features, (f) => [...shownWith(f)]);
  issues.push(...swapIssues.map(({ feature: _, ...i }) => i));
  const swappedPlaces = new Set(swapIssues.map((i) => i.feature));

  const stories: LoadedStory[] = [];
  const kindsInUse: StoryKindsInUse[] = [];
  for (const [slug, entry] of [...bySlug].sort(([a], [b]) => a.localeCompare(b))) {
    if (!NAME.test(slug)) issues.push({ file: entry.dir, ...says('story.folder-name', { slug }) });
    if (!entry.story) {
      issues.push({ file: `${entry.dir}/story.md`, ...says('story.no-story-md') });
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
    const storyPlaces = { story: trusted.length > 0 ? trusted : used, byId };
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
      if (prev) issues.push({ file: f.path, ...says('step.duplicate-id', { id, other: prev }) });
      else seenIds.set(id, f.path);
      const before = issues.length;
      const data = validate(f.path, parsed, StepFrontmatter, issues);
      const step = { file: f.path, parsed, raw: parsed.data ?? {} };
      const { swapped } = cameraIssues(step, data, storyPlaces, issues, before);
      if (!data && parsed.data) {
        for (const i of cameraOrFit(f.path, step.raw, parsed)) {
          if (!issues.some((x) => x.file === i.file && x.message === i.message)) issues.push(i);
        }
      }
      issues.push(...placeReferenceIssues(step, places), ...sameLabelIssues(step, byId));
      if (story) issues.push(...sourceIssues(step, sourceKeys, `${entry.dir}/story.md`));
      if (!data || swapped) continue;
      if (stepCheck) issues.push(...stepCheck(f.path, data, byId, (p) => parsed.lineOf(p)));
      steps.push({ id, file: f.path, order: Number(num), data, body: parsed.body });
    }
    if (entry.steps.length === 0) issues.push({ file: entry.story.path, ...says('story.no-steps') });
    issues.push(
      ...dateOrderIssues(steps, (file) =>
        stepFiles.find(({ f }) => f.path === file)!.parsed.lineOf(['date']),
      ),
      ...labelLanguageIssues(
        { slug, file: entry.story.path, labelLanguages: story?.label_languages ?? [] },
        used,
      ),
    );
    if (story) stories.push({ slug, file: entry.story.path, data: story, body: storyParsed.body, steps });
  }
  issues.push(...unknownKindIssues(features, kindsInUse));
  return { stories, features, issues: withOwnExamples(issues, features, stories) };
}
