/** What a frame sized by its host understands: pym.js's messages and the host's trigger line. */
import { describe, expect, test } from 'vitest';
import { pymMessage, pymViewport } from '../../src/client/embed-frame';
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

  test('messages for another frame, of another type, or malformed are ignored', () => {
    expect(
      pymViewport('pymxPYMxotherxPYMxviewport-iframe-positionxPYMx1280 720 0 0 1 1', 'story'),
    ).toBeUndefined();
    expect(pymViewport('pymxPYMxstoryxPYMxwidthxPYMx1280', 'story')).toBeUndefined();
    expect(pymViewport('pymxPYMxstoryxPYMxviewport-iframe-positionxPYMx1280 tall', 'story')).toBeUndefined();
    expect(
      pymViewport('pymxPYMxstoryxPYMxviewport-iframe-positionxPYMx1280 0 0 0 0 0', 'story'),
    ).toBeUndefined();
    expect(pymViewport({ type: 'storymap:host-viewport', top: 0, height: 700 }, 'story')).toBeUndefined();
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
