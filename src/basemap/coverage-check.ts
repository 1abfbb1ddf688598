/**
 * `npm run check`'s basemap warning: a step whose view the committed basemap does not cover in
 * detail (public/basemap/coverage.json, written by `npm run basemap`).
 */
import type { StepFrontmatter } from '../content/schema/step';
import type { StoryFeature } from '../geo/read-geojson';
import type { Issue } from '../core/issues';
import { FIT_MAX_ZOOM } from '../story/resolve-steps';
import { coverageMessage, stepView, type Coverage } from './coverage';
import committed from '../../public/basemap/coverage.json';

export function coverageIssues(
  file: string,
  step: StepFrontmatter,
  featureById: ReadonlyMap<string, StoryFeature>,
  lineOf: (path: (string | number)[]) => number | undefined,
  coverage: Coverage = committed as Coverage,
): Issue[] {
  const view = stepView(step, featureById, FIT_MAX_ZOOM);
  const said = view && coverageMessage(view, coverage);
  if (!said) return [];
  const field = step.camera ? 'camera' : 'fit';
  return [{ file, line: lineOf([field]), field, ...said }];
}
