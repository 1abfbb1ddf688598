/**
 * What one step's fields refer to, checked on the raw fields so they are reported in the
 * same run as schema errors elsewhere in the file: places in geo/ (missing, or invalid
 * there), two places one map would label alike, the story's sources; and its camera: a
 * centre written [latitude, longitude], highlighted places left off the view.
 */
import { says } from '../core/messages';
import type { ParsedMarkdown } from '../content/read/frontmatter';
import type { StepFrontmatter } from '../content/schema/step';
import type { InvalidFeature, StoryFeature } from '../geo/read-geojson';
import { cameraViewMessage, swappedCenterMessage } from './geo-checks';
import type { Issue } from '../core/issues';
import { nearest } from '../core/suggest';
import { stringsAt } from './validate-frontmatter';

/** A step file as read: its path, its parsed frontmatter and the raw fields. */
export interface StepFile {
  file: string;
  parsed: ParsedMarkdown;
  raw: Record<string, unknown>;
}

export const PLACE_FIELDS = ['fit', 'show', 'highlight'] as const;

export interface Places {
  byId: ReadonlyMap<string, StoryFeature>;
  invalidById: ReadonlyMap<string, InvalidFeature>;
  /** Every id written in geo/, valid or not: typos are matched against them. */
  writtenIds: ReadonlySet<string>;
}

/** Ids in fit, show and highlight that name no place, or a place with errors of its own. */
export function placeReferenceIssues({ file, parsed, raw }: StepFile, places: Places): Issue[] {
  const issues: Issue[] = [];
  for (const field of PLACE_FIELDS) {
    stringsAt(raw, field).forEach(([fid, i]) => {
      if (places.byId.has(fid)) return;
      const bad = places.invalidById.get(fid);
      const where = { file, line: parsed.lineOf([field, i]), field: `${field}[${i}]` };
      issues.push(
        bad
          ? { ...where, ...says('step.invalid-feature', { id: fid, where: `${bad.file}:${bad.line}` }) }
          : { ...where, ...says('step.unknown-feature', { id: fid, near: nearest(fid, places.writtenIds) }) },
      );
    });
  }
  return issues;
}

/** Two places with the same label on one map read as one place named twice. */
export function sameLabelIssues(
  { file, parsed, raw }: StepFile,
  byId: ReadonlyMap<string, StoryFeature>,
): Issue[] {
  const issues: Issue[] = [];
  const byLabel = new Map<string, string>();
  const seen = new Set<string>();
  for (const field of PLACE_FIELDS) {
    stringsAt(raw, field).forEach(([fid, i]) => {
      const feat = byId.get(fid);
      // The map labels a place with its label, else its name (src/geo/display.ts).
      const label = feat?.properties.label ?? feat?.properties.name;
      if (!label || seen.has(fid)) return;
      seen.add(fid);
      const first = byLabel.get(label);
      if (first === undefined) byLabel.set(label, fid);
      else
        issues.push({
          file,
          line: parsed.lineOf([field, i]),
          field: `${field}[${i}]`,
          ...says('step.same-label', { id: fid, first, label }),
        });
    });
  }
  return issues;
}

/** Source keys the story's story.md does not define. */
export function sourceIssues(
  { file, parsed, raw }: StepFile,
  sourceKeys: ReadonlySet<string>,
  storyFile: string,
): Issue[] {
  return stringsAt(raw, 'sources').flatMap(([key, i]) =>
    sourceKeys.has(key)
      ? []
      : [
          {
            file,
            line: parsed.lineOf(['sources', i]),
            field: `sources[${i}]`,
            ...says('step.unknown-source', { key, near: nearest(key, sourceKeys), story: storyFile }),
          },
        ],
  );
}

/**
 * A centre that reads as [latitude, longitude] against the story's places replaces the
 * schema's "latitude out of range", which only says half of it (its issues are taken out of
 * `issues` from `from` on). Else, a camera that leaves highlighted places off the map.
 */
export function cameraIssues(
  { file, parsed, raw }: StepFile,
  data: StepFrontmatter | undefined,
  places: { story: StoryFeature[]; byId: ReadonlyMap<string, StoryFeature> },
  issues: Issue[],
  from: number,
): { swapped: boolean } {
  const center = (raw.camera as { center?: unknown } | undefined)?.center;
  const swapped =
    Array.isArray(center) && center.length === 2 && center.every((n) => typeof n === 'number')
      ? swappedCenterMessage(center as number[], places.story)
      : undefined;
  if (swapped) {
    for (let i = issues.length - 1; i >= from; i--)
      if (issues[i]!.field?.startsWith('camera.center')) issues.splice(i, 1);
    issues.push({ file, line: parsed.lineOf(['camera', 'center']), field: 'camera.center', ...swapped });
  } else if (data?.camera && data.highlight.length > 0) {
    const lit = data.highlight.flatMap((id) => places.byId.get(id) ?? []);
    const away = cameraViewMessage(data.camera, lit);
    if (away) issues.push({ file, line: parsed.lineOf(['camera']), field: 'camera', ...away });
  }
  return { swapped: swapped !== undefined };
}
