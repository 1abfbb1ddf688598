/**
 * The one contract test against the real MapLibre: the map has every method, handler and
 * event the controller uses (the names the unit tests' fake map implements), and camera.ts
 * frames a box exactly as MapLibre's own cameraForBounds would. A MapLibre upgrade that
 * changes any of it fails here, by name.
 */
import { expect, test } from '@playwright/test';
import { cameraFor, framingPadding, type Insets, type Viewport } from '../../src/map/camera';
import type { Bbox } from '../../src/core/bbox';
import { MAP_EVENTS, MAP_HANDLERS, MAP_METHODS } from '../unit/fake-map';
import { fixtureStoryPath, settled, steps } from './helpers';

test('the real map has what the controller uses, and frames boxes as camera.ts does', async ({ page }) => {
  // Loads the map and then a whole style again: on a software GPU that outlasts the default.
  test.setTimeout(180_000);
  await page.goto(fixtureStoryPath());
  const all = await steps(page);
  await settled(page, all[0]!.id);

  const missing = await page.evaluate(
    ({ methods, handlers }) => {
      const m = window.storyMap!.map! as unknown as Record<string, unknown>;
      return [
        ...methods.filter((n) => typeof m[n] !== 'function').map((n) => `Map.${n}()`),
        ...handlers
          .filter((h) => {
            const handler = m[h] as { enable?: unknown; disable?: unknown } | undefined;
            return typeof handler?.enable !== 'function' || typeof handler.disable !== 'function';
          })
          .map((h) => `Map.${h}.enable()/disable()`),
      ];
    },
    { methods: [...MAP_METHODS], handlers: [...MAP_HANDLERS] },
  );
  expect(missing, 'members of maplibre-gl Map that src/map/controller.ts calls').toEqual([]);

  // The events fire as the controller expects: a jump ends with moveend, then the map is idle;
  // a new style fires style.load; tiles fire sourcedata.
  const fired = await page.evaluate(
    async (events) => {
      const m = window.storyMap!.map!;
      const seen = new Set<string>();
      for (const e of events) m.on(e as 'idle', () => seen.add(e));
      const idle = new Promise<void>((r) => m.once('idle', () => r()));
      m.jumpTo({ zoom: m.getZoom() + 0.5 });
      await idle;
      const styled = new Promise<void>((r) => m.once('style.load', () => r()));
      // diff: false — the same style again would otherwise be diffed to nothing, with no style.load.
      m.setStyle(m.getStyle(), { diff: false });
      await styled;
      await new Promise<void>((r) => (m.loaded() ? r() : m.once('idle', () => r())));
      return [...seen].sort();
    },
    [...MAP_EVENTS],
  );
  expect(fired).toEqual(expect.arrayContaining(['idle', 'moveend', 'sourcedata', 'style.load']));

  // camera.ts fits a box where MapLibre's cameraForBounds would, for the same room.
  const cases: { bounds: Bbox; bearing: number; insets: Insets; maxZoom: number }[] = [
    {
      bounds: [40.9, 33.3, 44.5, 36.2],
      bearing: 0,
      insets: { top: 0, right: 0, bottom: 0, left: 0 },
      maxZoom: 12,
    },
    {
      bounds: [44.3, 33.2, 44.5, 33.4],
      bearing: 0,
      insets: { top: 60, right: 0, bottom: 180, left: 0 },
      maxZoom: 14,
    },
    {
      bounds: [35.5, 33.89, 35.53, 33.91],
      bearing: 30,
      insets: { top: 0, right: 200, bottom: 0, left: 40 },
      maxZoom: 16,
    },
  ];
  const view: Viewport = await page.evaluate(() => {
    const c = window.storyMap!.map!.getContainer();
    return { width: c.clientWidth, height: c.clientHeight };
  });
  for (const c of cases) {
    const ours = cameraFor(
      { target: { type: 'bounds', bounds: c.bounds, maxZoom: c.maxZoom, bearing: c.bearing, pitch: 0 } },
      view,
      c.insets,
    );
    const padding = framingPadding(view, c.insets);
    const theirs = await page.evaluate(
      ({ bounds, bearing, maxZoom, padding }) => {
        const m = window.storyMap!.map!;
        m.jumpTo({ padding: { top: 0, right: 0, bottom: 0, left: 0 } });
        const cam = m.cameraForBounds(bounds, { padding, maxZoom, bearing })!;
        const center = cam.center as { lng: number; lat: number };
        return { center: [center.lng, center.lat], zoom: cam.zoom! };
      },
      { bounds: c.bounds, bearing: c.bearing, maxZoom: c.maxZoom, padding },
    );
    expect(ours.zoom, `zoom for ${c.bounds.join(',')}`).toBeCloseTo(theirs.zoom, 6);
    expect(ours.center[0], `centre longitude for ${c.bounds.join(',')}`).toBeCloseTo(theirs.center[0]!, 6);
    expect(ours.center[1], `centre latitude for ${c.bounds.join(',')}`).toBeCloseTo(theirs.center[1]!, 6);
  }
});
