/** What a frame sized by its host understands: pym.js's messages and the host's trigger line. */
import { describe, expect, test } from 'vitest';
import { checkedViewport, pymMessage, pymViewport } from '../../src/client/embed-frame';
import { stepAtHostLine } from '../../src/scroll/host-driver';

describe('pym.js messages', () => {
  test('are written the way pym.js parents parse them', () => {
    expect(pymMessage('story', 'scrollToChildPos', '1200')).toBe(
      'pymxPYMxstoryxPYMxscrollToChildPosxPYMx1200',
    );
    // pym.js's own parent pattern for child id "story".
    expect(
      /^pymxPYMxstoryxPYMx(\S+)xPYMx(.*)$/.exec(pymMessage('story', 'height', '4100'))?.slice(1),
    ).toEqual(['height', '4100']);
  });

  test('the viewport message gives the frame top and the window height', () => {
    expect(
      pymViewport('pymxPYMxstoryxPYMxviewport-iframe-positionxPYMx1280 720 -850.5 0 3100 800', 'story'),
    ).toEqual({ top: -850.5, height: 720 });
  });

  test('messages for another frame or of another type are not ours', () => {
    expect(
      pymViewport('pymxPYMxotherxPYMxviewport-iframe-positionxPYMx1280 720 0 0 1 1', 'story'),
    ).toBeUndefined();
    expect(pymViewport('pymxPYMxstoryxPYMxwidthxPYMx1280', 'story')).toBeUndefined();
    expect(pymViewport({ type: 'storymap:host-viewport', top: 0, height: 700 }, 'story')).toBeUndefined();
  });

  test('ours with values the frame cannot use are bad: not numbers, no height, absurd, too long', () => {
    const v = (rest: string) =>
      pymViewport(`pymxPYMxstoryxPYMxviewport-iframe-positionxPYMx${rest}`, 'story');
    expect(v('1280 tall')).toBe('bad');
    expect(v('1280 0 0 0 0 0')).toBe('bad');
    expect(v('1280 1e308 0 0 0 0')).toBe('bad');
    expect(v('1280 720 Infinity 0 0 0')).toBe('bad');
    expect(v(`1280 720 ${'9'.repeat(1_000_000)}`)).toBe('bad');
  });
});

describe('a host viewport is checked', () => {
  test('finite numbers and a window no taller than any screen', () => {
    expect(checkedViewport(-500, 800, 40_000)).toEqual({ top: -500, height: 800 });
    expect(checkedViewport(0, 1e308, 40_000)).toBeUndefined();
    expect(checkedViewport(0, 20_001, 40_000)).toBeUndefined();
    expect(checkedViewport(NaN, 800, 40_000)).toBeUndefined();
    expect(checkedViewport(-Infinity, 800, 40_000)).toBeUndefined();
    expect(checkedViewport('0', 800, 40_000)).toBeUndefined();
    expect(checkedViewport(0, -1, 40_000)).toBeUndefined();
  });
  test("the frame's top is kept within the document: past the end, or not reached yet", () => {
    expect(checkedViewport(-1e300, 800, 40_000)).toEqual({ top: -40_000, height: 800 });
    expect(checkedViewport(1e300, 800, 40_000)).toEqual({ top: 40_000, height: 800 });
  });
});

describe('the step at the host trigger line', () => {
  const tops = [0, 900, 1800, 2700];
  test('is the last step whose top the line has passed, in frame coordinates', () => {
    // The frame's top is 1000 px above the host window; the line is at 40% of 700 px.
    expect(stepAtHostLine(tops, { top: -1000, height: 700 }, 0.4)).toBe(1);
    expect(stepAtHostLine(tops, { top: -1600, height: 700 }, 0.4)).toBe(2);
  });
  test('before the frame reaches the line, the first step', () => {
    expect(stepAtHostLine(tops, { top: 500, height: 700 }, 0.4)).toBe(0);
  });
});
