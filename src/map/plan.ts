/**
 * The planner: from the state the map shows to the state a step needs, the list of
 * operations to apply. Pure and total: any pair of states, in any order.
 */
import type { Bbox } from '../core/bbox';
import type { CameraTarget, MapState } from '../story/map-state';

export type MapOp =
  | { type: 'setVisible'; ids: string[] }
  | { type: 'setHighlight'; ids: string[] }
  | { type: 'moveCamera'; target: CameraTarget; mode: 'fly' | 'ease' | 'jump'; focus?: Bbox };

export interface PlanOptions {
  /** The reader asked for less motion: the camera changes without travel. */
  reducedMotion: boolean;
  /** The reader moved the map themselves (explore mode): the camera must be set again. */
  cameraMoved?: boolean;
  /** The map has just opened, on an earlier step than the reader's: no travel to catch up. */
  instant?: boolean;
}

export function plan(prev: MapState | null, next: MapState, options: PlanOptions): MapOp[] {
  const ops: MapOp[] = [];
  if (!prev || !sameIds(prev.visible, next.visible)) ops.push({ type: 'setVisible', ids: next.visible });
  if (!prev || !sameIds(prev.highlight, next.highlight))
    ops.push({ type: 'setHighlight', ids: next.highlight });
  if (!prev || options.cameraMoved || !sameCamera(prev, next)) {
    // The first view, a map catching up as it opens and reduced motion never animate;
    // otherwise the step chooses.
    const mode = !prev || options.reducedMotion || options.instant ? 'jump' : next.transition;
    ops.push({ type: 'moveCamera', target: next.camera, mode, ...(next.focus ? { focus: next.focus } : {}) });
  }
  return ops;
}

function sameIds(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function sameCamera(a: MapState, b: MapState): boolean {
  return JSON.stringify([a.camera, a.focus]) === JSON.stringify([b.camera, b.focus]);
}
