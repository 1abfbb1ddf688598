import { describe, expect, test } from 'vitest';
import {
  cameraFor,
  framingPadding,
  NO_INSETS,
  type Camera,
  type Insets,
  type Viewport,
} from '../../src/map/camera';
import { mercX, mercY } from '../../src/core/mercator';
import type { CameraTarget } from '../../src/story/map-state';
import type { Bbox } from '../../src/core/bbox';
import { expectGolden } from './golden';

const laptop: Viewport = { width: 768, height: 800 };
const phone: Viewport = { width: 390, height: 500 };
/** The phone layout's overlays: the step navigation on top, the legend and date below. */
const phoneOverlays: Insets = { top: 60, right: 0, bottom: 140, left: 0 };

const center = (c: [number, number], zoom: number, bearing = 0): CameraTarget => ({
  type: 'center',
  center: c,
  zoom,
  bearing,
  pitch: 0,
});
const bounds = (b: Bbox, maxZoom = 12, bearing = 0): CameraTarget => ({
  type: 'bounds',
  bounds: b,
  maxZoom,
  bearing,
  pitch: 0,
});

/** Where a lon/lat lands on the map, in pixels from its top-left corner, for a camera. */
function pixel(cam: Camera, view: Viewport, [lon, lat]: [number, number]): [number, number] {
  const world = 512 * 2 ** cam.zoom;
  let dx = (mercX(lon) - mercX(cam.center[0])) * world;
  let dy = (mercY(lat) - mercY(cam.center[1])) * world;
  const a = (-cam.bearing * Math.PI) / 180;
  [dx, dy] = [Math.cos(a) * dx - Math.sin(a) * dy, Math.sin(a) * dx + Math.cos(a) * dy];
  return [view.width / 2 + dx, view.height / 2 + dy];
}

const corners = ([w, s, e, n]: Bbox): [number, number][] => [
  [w, n],
  [e, n],
  [e, s],
  [w, s],
];

const cases: {
  name: string;
  step: { target: CameraTarget; focus?: Bbox };
  view: Viewport;
  insets: Insets;
}[] = [
  {
    name: 'author centre on a laptop',
    step: { target: center([44.4, 33.3], 11) },
    view: laptop,
    insets: NO_INSETS,
  },
  {
    name: 'author centre on a phone, subject cropped: zooms out',
    step: { target: center([44.4, 33.3], 13), focus: [44.3, 33.25, 44.5, 33.35] },
    view: phone,
    insets: phoneOverlays,
  },
  {
    name: 'framed places on a laptop',
    step: { target: bounds([40.9, 33.3, 44.5, 36.2]) },
    view: laptop,
    insets: NO_INSETS,
  },
  {
    name: 'framed places on a phone under its overlays',
    step: { target: bounds([40.9, 33.3, 44.5, 36.2]) },
    view: phone,
    insets: phoneOverlays,
  },
  {
    name: 'framed places turned 30 degrees',
    step: { target: bounds([35.5, 33.89, 35.53, 33.91], 16, 30) },
    view: laptop,
    insets: { top: 0, right: 200, bottom: 0, left: 0 },
  },
  {
    name: 'a tiny box stops at maxZoom',
    step: { target: bounds([44.39, 33.29, 44.391, 33.291], 14) },
    view: laptop,
    insets: NO_INSETS,
  },
];

describe('cameraFor', () => {
  test('golden: the cameras for a laptop and a phone, with and without overlays', () => {
    expectGolden(
      'camera',
      cases.map((c) => ({ name: c.name, camera: cameraFor(c.step, c.view, c.insets) })),
    );
  });

  test.each(cases.filter((c) => c.step.target.type === 'bounds'))(
    'framed places land inside the room the overlays leave: $name',
    ({ step, view, insets }) => {
      const cam = cameraFor(step, view, insets);
      const pad = framingPadding(view, insets);
      const b = (step.target as { bounds: Bbox }).bounds;
      for (const p of corners(b)) {
        const [x, y] = pixel(cam, view, p);
        expect(x).toBeGreaterThanOrEqual(pad.left - 1e-6);
        expect(x).toBeLessThanOrEqual(view.width - pad.right + 1e-6);
        expect(y).toBeGreaterThanOrEqual(pad.top - 1e-6);
        expect(y).toBeLessThanOrEqual(view.height - pad.bottom + 1e-6);
      }
    },
  );

  test('the overlays push the framed places away from the edge they cover', () => {
    // A tall box, so that the height limits the zoom.
    const step = { target: bounds([44.0, 32.0, 44.2, 36.0]) };
    const free = cameraFor(step, phone, NO_INSETS);
    const covered = cameraFor(step, phone, { ...NO_INSETS, bottom: 180 });
    // Less room: a lower zoom; the legend below: the places sit higher, so the centre moves south.
    expect(covered.zoom).toBeLessThan(free.zoom);
    expect(covered.center[1]).toBeLessThan(free.center[1]);
    const right = cameraFor(step, laptop, { ...NO_INSETS, right: 250 });
    expect(right.center[0]).toBeGreaterThan(cameraFor(step, laptop).center[0]);
  });

  test("an author's centre is kept; its zoom only ever goes down", () => {
    const step = { target: center([44.4, 33.3], 13), focus: [44.3, 33.25, 44.5, 33.35] as Bbox };
    const cam = cameraFor(step, phone, phoneOverlays);
    expect(cam.center).toEqual([44.4, 33.3]);
    expect(cam.zoom).toBeLessThan(13);
    expect(cameraFor(step, { width: 4000, height: 4000 }).zoom).toBe(13);
  });

  test('an overlay takes at most 40% of the map from any side', () => {
    expect(framingPadding(phone, { top: 0, right: 0, bottom: 900, left: 0 }).bottom).toBe(200);
    expect(framingPadding(phone, { top: 0, right: 0, bottom: 0, left: 900 }).left).toBe(156);
  });
});
