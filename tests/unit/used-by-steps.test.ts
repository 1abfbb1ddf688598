/** Which steps use each source and place: what a range embed's "Sources and methods" keeps. */
import { expect, test } from 'vitest';
import { usedBySteps } from '../../src/embed/used-by-steps';
import type { Bbox } from '../../src/core/bbox';

const steps = [
  { id: 'a', sources: [{ key: 's1' }], state: { visible: ['city'] } },
  { id: 'b', sources: [{ key: 's1' }, { key: 's2' }], state: { visible: ['port'] } },
  { id: 'c', sources: [], state: { visible: ['city', 'port'] } },
];
const places: { id: string; bbox: Bbox; basemap?: string }[] = [
  { id: 'city', bbox: [0, 0, 1, 1] },
  { id: 'port', bbox: [5, 5, 6, 6] },
  // Drawn by the basemap, never named by a step: on the map of the steps whose places it touches.
  { id: 'river', bbox: [5.5, 4, 5.6, 7], basemap: 'water' },
];

test('a source belongs to the steps that cite it, a place to the steps that show it', () => {
  const used = usedBySteps(steps, places);
  expect(Object.fromEntries(used.sources)).toEqual({ s1: ['a', 'b'], s2: ['b'] });
  expect(Object.fromEntries(used.places)).toEqual({ city: ['a', 'c'], port: ['b', 'c'], river: ['b', 'c'] });
});
