import { describe, expect, test } from 'vitest';
import { maxZoomToContain } from '../../src/core/mercator';

const view = { width: 400, height: 300, padding: { top: 0, right: 0, bottom: 0, left: 0 } };

describe('maxZoomToContain', () => {
  test('a box centred on the camera fits exactly at the returned zoom', () => {
    // One degree of longitude at the equator is 512/360 px at zoom 0: half of 400 px holds 0.5° at z = log2(200 / (0.5/360*512)).
    const z = maxZoomToContain([0, 0], [-0.5, -0.1, 0.5, 0.1], view);
    expect(z).toBeCloseTo(Math.log2(200 / ((0.5 / 360) * 512)), 6);
  });

  test('an off-centre subject needs a lower zoom than a centred one', () => {
    const centred = maxZoomToContain([44.4, 33.3], [44.3, 33.2, 44.5, 33.4], view);
    const offCentre = maxZoomToContain([44.0, 33.0], [44.3, 33.2, 44.5, 33.4], view);
    expect(offCentre).toBeLessThan(centred);
  });

  test('padding on one side lowers the zoom when the subject lies that way', () => {
    const free = maxZoomToContain([44, 33], [44, 32.5, 44.1, 33], view);
    const legend = maxZoomToContain([44, 33], [44, 32.5, 44.1, 33], {
      ...view,
      padding: { ...view.padding, bottom: 100 },
    });
    expect(legend).toBeLessThan(free);
  });

  test('a point at the centre puts no limit on the zoom', () => {
    expect(maxZoomToContain([44, 33], [44, 33, 44, 33], view)).toBe(Infinity);
  });
});
