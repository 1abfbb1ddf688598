/**
 * The camera picker's write: only the camera changes, byte for byte everything else
 * stays, including comments, quoting, CRLF line endings and the body.
 */
import { describe, expect, test } from 'vitest';
import { setCamera } from '../../src/site/set-camera';
import { checkContent } from '../../src/story/check-content';
import { site } from './helpers';

const picked = {
  center: [44.123456789, 33.987654321] as [number, number],
  zoom: 7.4567,
  bearing: 0,
  pitch: 0,
};
const ok = (text: string, cam = picked) => {
  const r = setCamera(text, cam);
  if (!r.ok) throw new Error(r.error);
  return r.text;
};

const FLOW = `---
# A note the editor wrote.
title: "Rockets: the first night"   # quoted, with a comment
date: 2019-12-27T19:20+03:00
camera: { center: [44.0, 33.0], zoom: 9 }   # the old view
highlight: [town-a]
sources: [wire]
---
Text with camera: { center: [1, 2] } in it.
`;

describe('setCamera', () => {
  test('a flow camera: only its value changes', () => {
    expect(ok(FLOW)).toBe(
      FLOW.replace('{ center: [44.0, 33.0], zoom: 9 }', '{ center: [44.12346, 33.98765], zoom: 7.46 }'),
    );
  });

  test('a block camera stays a block at its indentation; bearing and pitch appear when set', () => {
    const text =
      '---\ntitle: T\ndate: 2019-12-27\ncamera:\n    center: [44.0, 33.0]\n    zoom: 9\nsources: [wire]\n---\nBody.\n';
    expect(ok(text, { ...picked, bearing: 12.34, pitch: 30 })).toBe(
      '---\ntitle: T\ndate: 2019-12-27\ncamera:\n    center: [44.12346, 33.98765]\n    zoom: 7.46\n    bearing: 12.3\n    pitch: 30\nsources: [wire]\n---\nBody.\n',
    );
  });

  test('a bearing the editor wrote is kept even when it becomes 0', () => {
    const text =
      '---\ntitle: T\ndate: 2019-12-27\ncamera: { center: [44, 33], zoom: 9, bearing: 20 }\nsources: [wire]\n---\n';
    expect(ok(text)).toBe(
      '---\ntitle: T\ndate: 2019-12-27\ncamera: { center: [44.12346, 33.98765], zoom: 7.46, bearing: 0 }\nsources: [wire]\n---\n',
    );
  });

  test('CRLF files keep CRLF', () => {
    const text = FLOW.replace(/\n/g, '\r\n');
    const out = ok(text);
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    expect(out).toBe(
      text.replace('{ center: [44.0, 33.0], zoom: 9 }', '{ center: [44.12346, 33.98765], zoom: 7.46 }'),
    );
  });

  test('a step with fit: camera takes its place, the old fit stays as a note above it', () => {
    const text =
      '---\ntitle: T\ndate: 2019-12-27\nfit:\n  - town-a\n  - area-c\nhighlight: [town-a]\nsources: [wire]\n---\nBody.\n';
    const out = ok(text);
    expect(out).toBe(
      '---\ntitle: T\ndate: 2019-12-27\n# fit: [town-a, area-c] (replaced by the camera picker)\ncamera: { center: [44.12346, 33.98765], zoom: 7.46 }\nhighlight: [town-a]\nsources: [wire]\n---\nBody.\n',
    );
    // And the result passes the check.
    expect(
      checkContent(site({ 'stories/s/010-one.md': out })).issues.filter((i) => i.severity === 'error'),
    ).toEqual([]);
  });

  test('refusals say why, and what to do', () => {
    expect(setCamera('no frontmatter', picked)).toEqual({
      ok: false,
      error: 'the file does not start with a frontmatter block: fix it, then pick again',
      id: 'picker.no-frontmatter',
    });
    expect(setCamera('---\ntitle: "open\n---\n', picked)).toEqual({
      ok: false,
      error: 'the frontmatter does not parse: fix it (npm run check says where), then pick again',
      id: 'picker.frontmatter-does-not-parse',
    });
    expect(setCamera('---\ntitle: T\n---\n', picked)).toEqual({
      ok: false,
      error: 'the step has neither camera nor fit: add one (npm run check says how), then pick again',
      id: 'picker.no-view',
    });
    expect(setCamera(FLOW, { ...picked, zoom: 40 })).toEqual({
      ok: false,
      error:
        'the view is not a valid camera: zoom is above 22: use 0 to 22 (0 is the whole world, 16 a city block)',
      id: 'picker.not-a-camera',
    });
  });
});
