/**
 * The planner, against a fake map that records what it is told. Whatever route a
 * reader takes to a step, the map ends in that step's state.
 */
import { describe, expect, test } from 'vitest';
import { plan, type MapOp } from '../../src/map/plan';
import type { MapState } from '../../src/story/map-state';
import { checkContent } from '../../src/story/check-content';
import { resolveSteps } from '../../src/story/resolve-steps';
import { site, step } from './helpers';

/** What a map shows after a list of operations: all that the planner controls. */
class FakeMap {
  visible: string[] = [];
  highlight: string[] = [];
  camera: unknown;
  moves: string[] = [];
  apply(ops: MapOp[]) {
    for (const op of ops) {
      if (op.type === 'setVisible') this.visible = op.ids;
      if (op.type === 'setHighlight') this.highlight = op.ids;
      if (op.type === 'moveCamera') {
        this.camera = op.target;
        this.moves.push(op.mode);
      }
    }
  }
  snapshot() {
    return { visible: this.visible, highlight: this.highlight, camera: this.camera };
  }
}

const states: MapState[] = (() => {
  const c = checkContent(
    site({
      'stories/s/020-two.md': step({
        date: '2019-12-28',
        camera: undefined,
        fit: '[area-c]',
        highlight: '[area-c]',
        transition: 'ease',
      }),
      'stories/s/030-three.md': step({
        date: '2019-12-29',
        camera: undefined,
        fit: '[town-b, area-c]',
        show: '[town-a]',
        highlight: '[town-b]',
        transition: 'jump',
      }),
      'stories/s/040-four.md': step({
        date: '2019-12-30',
        camera: '{ center: [44.4, 33.3], zoom: 12, bearing: 30, pitch: 40 }',
        highlight: '[town-a]',
      }),
    }),
  );
  expect(c.issues).toEqual([]);
  return resolveSteps(c.stories[0]!, c.features).map((s) => s.state);
})();

function travel(route: number[], reducedMotion = false): FakeMap {
  const map = new FakeMap();
  let prev: MapState | null = null;
  for (const i of route) {
    map.apply(plan(prev, states[i]!, { reducedMotion }));
    prev = states[i]!;
  }
  return map;
}

describe('plan', () => {
  test('the first view sets everything and jumps', () => {
    const ops = plan(null, states[0]!, { reducedMotion: false });
    expect(ops.map((o) => o.type)).toEqual(['setVisible', 'setHighlight', 'moveCamera']);
    expect(ops[2]).toMatchObject({ mode: 'jump' });
  });

  test('the same state plans nothing', () => {
    expect(plan(states[1]!, states[1]!, { reducedMotion: false })).toEqual([]);
  });

  test('the step chooses its transition', () => {
    expect(plan(states[0]!, states[1]!, { reducedMotion: false }).at(-1)).toMatchObject({
      type: 'moveCamera',
      mode: 'ease',
    });
    expect(plan(states[1]!, states[2]!, { reducedMotion: false }).at(-1)).toMatchObject({
      type: 'moveCamera',
      mode: 'jump',
    });
    expect(plan(states[2]!, states[3]!, { reducedMotion: false }).at(-1)).toMatchObject({
      type: 'moveCamera',
      mode: 'fly',
    });
  });

  test('after the reader explored, the same step sets its camera again', () => {
    expect(plan(states[1]!, states[1]!, { reducedMotion: false })).toEqual([]);
    expect(plan(states[1]!, states[1]!, { reducedMotion: false, cameraMoved: true })).toEqual([
      { type: 'moveCamera', target: states[1]!.camera, mode: 'ease', focus: states[1]!.focus },
    ]);
  });

  test('a map that opened on an earlier step catches up with a jump, whatever the step asks', () => {
    // Step 2 eases in, step 1 flies: the reader scrolled on while the map loaded.
    for (const [from, to] of [
      [0, 1],
      [0, 3],
      [2, 1],
    ] as const) {
      const ops = plan(states[from]!, states[to]!, { reducedMotion: false, instant: true });
      expect(ops.filter((op) => op.type === 'moveCamera').map((op) => op.mode)).toEqual(['jump']);
    }
    // The same step: nothing to do.
    expect(plan(states[1]!, states[1]!, { reducedMotion: false, instant: true })).toEqual([]);
  });

  test('reduced motion never flies or eases', () => {
    const map = travel([0, 1, 2, 3, 2, 1, 0], true);
    expect(new Set(map.moves)).toEqual(new Set(['jump']));
  });

  test('every route to a step ends in the same state', () => {
    const n = states.length;
    for (let target = 0; target < n; target++) {
      const direct = travel([target]).snapshot();
      const routes = [
        [...Array(target + 1).keys()], // scrolling down one by one
        [n - 1, ...[...Array(n - 1 - target).keys()].map((k) => n - 2 - k)].filter((i) => i >= target), // from the end, back up
        [0, n - 1, target], // jump to the end, then a deep link
        [target, (target + 1) % n, target], // away and back
      ];
      for (const route of routes) {
        expect(travel(route).snapshot(), `route ${route.join('→')}`).toEqual(direct);
      }
    }
  });
});
