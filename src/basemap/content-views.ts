/**
 * The steps' views the basemap must cover, read from the content on disk: the project's
 * stories/ and geo/, and the test fixtures' content root (its stories are built into the
 * test site, so their maps need a basemap too). Reads only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceFile } from '../content/read/source-files';
import { checkContent } from '../story/check-content';
import { FIT_MAX_ZOOM } from '../story/resolve-steps';
import { stepView, type StepView } from './coverage';

/** Content roots besides the project's own whose stories the basemap covers. */
export const COVERED_EXTRA_ROOTS = ['tests/fixtures/content/ok'];

function walk(root: string, dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(join(root, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => !e.name.startsWith('.'))
    .flatMap((e) =>
      e.isDirectory()
        ? walk(root, `${dir}/${e.name}`)
        : e.name.endsWith('.md') || e.name.endsWith('.geojson')
          ? [`${dir}/${e.name}`]
          : [],
    );
}

export function contentViews(root: string, extras = COVERED_EXTRA_ROOTS): StepView[] {
  const files: SourceFile[] = [];
  for (const prefix of ['', ...extras.map((e) => `${e}/`)])
    for (const dir of ['stories', 'geo'])
      for (const p of walk(join(root, prefix), dir))
        files.push({
          path: `${prefix}${p}`,
          text: readFileSync(join(root, prefix, p), 'utf8'),
          ...(prefix ? { root: prefix } : {}),
        });
  files.sort((a, b) => a.path.localeCompare(b.path));
  const content = checkContent(files);
  const byId = new Map(content.features.map((f) => [f.id, f]));
  return content.stories.flatMap((s) =>
    s.steps.flatMap((step) => stepView(step.data, byId, FIT_MAX_ZOOM) ?? []),
  );
}
