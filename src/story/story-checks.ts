/**
 * Checks across a story's steps and places: the steps' dates in order, and every place
 * its steps name labelled in each language the story promises.
 */
import { says } from '../core/messages';
import type { StoryFeature } from '../geo/read-geojson';
import type { Issue } from '../core/issues';

/** "Arabic" for `ar`: editors read language names, not tags. */
function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

/** Milliseconds for ordering; a date alone counts as the start of that day in UTC+0. */
export function instant(date: string): number {
  return Date.parse(date.length === 10 ? `${date}T00:00Z` : date);
}

/** A step dated before the one it follows: a typo in the date, or a file numbered out of place. */
export function dateOrderIssues(
  steps: { file: string; data: { date: string } }[],
  lineOfDate: (file: string) => number | undefined,
): Issue[] {
  const issues: Issue[] = [];
  for (let i = 1; i < steps.length; i++) {
    const a = steps[i - 1]!;
    const b = steps[i]!;
    if (instant(b.data.date) < instant(a.data.date)) {
      issues.push({
        file: b.file,
        line: lineOfDate(b.file),
        field: 'date',
        ...says('step.date-order', {
          date: b.data.date,
          previous: a.file.slice(a.file.lastIndexOf('/') + 1),
          previousDate: a.data.date,
        }),
      });
    }
  }
  return issues;
}

/** A label language the story promises must be there for every place its steps name. */
export function labelLanguageIssues(
  story: { slug: string; file: string; labelLanguages: readonly string[] },
  used: StoryFeature[],
): Issue[] {
  const issues: Issue[] = [];
  for (const tag of story.labelLanguages) {
    for (const feat of used) {
      if (feat.properties.basemap || feat.properties.labels?.[tag]) continue;
      issues.push({
        file: feat.file,
        line: feat.line,
        field: `labels.${tag}`,
        ...says('story.missing-label-language', {
          id: feat.id,
          language: languageName(tag),
          tag,
          slug: story.slug,
          story: story.file,
        }),
      });
    }
  }
  return issues;
}
