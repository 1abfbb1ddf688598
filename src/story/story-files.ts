/**
 * Which of an editor's files are stories and steps: story folders (one per web address),
 * step files named NNN-name.md, story.md; and files that are not UTF-8.
 */
import { says } from '../core/messages';
import { NAME, nearestName } from '../content/schema/primitives';
import type { Issue } from '../core/issues';
import type { SourceFile } from '../content/read/source-files';

export type { SourceFile } from '../content/read/source-files';

export interface StoryFolder {
  /** `stories/<slug>`, under its content root. */
  dir: string;
  story?: SourceFile;
  steps: SourceFile[];
}

export const STEP_FILE = new RegExp(`^(\\d{3})-(${NAME.source.slice(1, -1)})\\.md$`);
/** Paths inside a content root (the project's, or an extra one such as `tests/fixtures/x/`). */
const STORY_DIR = /^stories\/([^/]+)\/(.+)$/;
const GEO_FILE = /^geo\/[^/]+\.geojson$/;
const inRoot = (f: SourceFile) => f.path.slice(f.root?.length ?? 0);

export const isGeoFile = (f: SourceFile): boolean => GEO_FILE.test(inRoot(f));

export function encodingIssues(files: SourceFile[]): Issue[] {
  return files.flatMap((f) =>
    f.notUtf8
      ? [{ file: f.path, line: f.notUtf8.line, ...says('file.not-utf8', { byte: f.notUtf8.byte }) }]
      : [],
  );
}

/** The story folders by slug, each with its story.md and step files; misnamed files are issues. */
export function storyFolders(files: SourceFile[], issues: Issue[]): Map<string, StoryFolder> {
  const bySlug = new Map<string, StoryFolder>();
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
      issues.push({ file: dir, ...says('story.folder-clash', { slug, other: entry.dir }) });
      continue;
    }
    bySlug.set(slug, entry);
    if (name === 'story.md') entry.story = f;
    else if (STEP_FILE.test(name)) entry.steps.push(f);
    else if (name.toLowerCase() !== 'readme.md') {
      issues.push({ file: f.path, ...says('step.file-name', { name, suggestion: stepFileName(name) }) });
    }
  }
  return bySlug;
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
