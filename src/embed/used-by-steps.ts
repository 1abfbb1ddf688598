/**
 * Which steps use each source and each place, so that an embed of a range (or a paged
 * embed, one step at a time) lists only what its steps use. The rows are all in the HTML
 * (text first); each carries its steps' ids and the embed hides the others at run time,
 * since the range comes from the query string of a static page.
 */
import type { Bbox } from '../core/bbox';

interface StepUse {
  id: string;
  sources: { key: string }[];
  state: { visible: string[] };
}
interface PlaceUse {
  id: string;
  bbox: Bbox;
  /** Drawn by the basemap wherever it lies, not by a step (a river's banks, bridge decks). */
  basemap?: string;
}

const overlaps = (a: Bbox, b: Bbox) => a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];

export function usedBySteps(
  steps: StepUse[],
  places: PlaceUse[],
): { sources: Map<string, string[]>; places: Map<string, string[]> } {
  const sources = new Map<string, string[]>();
  for (const step of steps)
    for (const s of step.sources) sources.set(s.key, [...(sources.get(s.key) ?? []), step.id]);
  const bboxOf = new Map(places.map((p) => [p.id, p.bbox]));
  const placeSteps = new Map<string, string[]>();
  for (const p of places) {
    const ids = steps
      .filter((step) =>
        p.basemap && !step.state.visible.includes(p.id)
          ? // A basemap overlay is on a step's map when it lies among the step's places.
            step.state.visible.some((v) => {
              const b = bboxOf.get(v);
              return b !== undefined && overlaps(b, p.bbox);
            })
          : step.state.visible.includes(p.id),
      )
      .map((step) => step.id);
    placeSteps.set(p.id, ids);
  }
  return { sources, places: placeSteps };
}
