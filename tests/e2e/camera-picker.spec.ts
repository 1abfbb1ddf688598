/**
 * The camera picker and live preview, in `astro dev` on its own port, on a copy of
 * the fixture story (never the real one): move the map, "Use this view", and the step
 * file changes only in its camera line; the page reloads showing the new camera.
 */
import { expect, test } from '@playwright/test';
import { root, startDevServer, type DevServer } from './dev-server';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { watchPage } from './helpers';

const PORT = Number(process.env.E2E_DEV_PORT ?? 4394);
const URL_ = `http://127.0.0.1:${PORT}`;
const COPY = 'tests/.output/picker-e2e';
const STEP = join(root, COPY, 'stories/picker-test/010-start.md');

test.describe.configure({ mode: 'serial' });

let dev: DevServer | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dev = await startDevServer({
    port: PORT,
    copy: COPY,
    log: 'picker-dev.log',
    readyPath: '/picker-test/',
    prepare: (dir) => renameSync(join(dir, 'stories/mini'), join(dir, 'stories/picker-test')),
  });
});

test.afterAll(() => dev?.stop());

test('move the map, "Use this view": only the camera line changes, and the page shows it', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const watch = watchPage(page);
  const before = readFileSync(STEP, 'utf8');
  await page.goto(`${URL_}/picker-test/#start`);
  await page.waitForFunction(() => window.storyMap?.map && window.storyMap.activeStep.id === 'start');
  await page.evaluate(() => window.storyMap!.ready);
  const panel = page.getByRole('complementary', { name: 'Camera picker' });
  await expect(panel.locator('[data-cp-step]')).toHaveText('start');
  await expect(panel.locator('[data-cp-file]')).toHaveText(`${COPY}/stories/picker-test/010-start.md`);

  // Story mode: the map does not move under the mouse.
  const map = page.locator('.map-panel .map');
  const box = (await map.boundingBox())!;
  const mid = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  // MapLibre applies a drag to the camera in the next animation frame: two frames after the
  // mouse is released, a drag that moved the map has moved it (and the map is idle again).
  const still = () =>
    page.evaluate(() =>
      window
        .storyMap!.whenIdle()
        .then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
        .then(() => window.storyMap!.whenIdle())
        .then(() => window.storyMap!.view()!),
    );
  const start = await still();
  await page.mouse.move(mid.x, mid.y);
  await page.mouse.down();
  await page.mouse.move(mid.x - 150, mid.y + 80, { steps: 8 });
  await page.mouse.up();
  expect(await still()).toEqual(start);

  await panel.getByRole('button', { name: 'Pick a view' }).click();
  await expect(panel.getByRole('status')).toHaveText(
    'Drag to pan, scroll to zoom, right-drag to turn and tilt. Then press "Use this view".',
  );
  await page.mouse.move(mid.x, mid.y);
  await page.mouse.down();
  await page.mouse.move(mid.x - 150, mid.y + 80, { steps: 8 });
  await page.mouse.up();
  // The wheel zooms in an animation that ends with zoomend (it starts after MapLibre has told a
  // wheel from a trackpad): wait for that, then for the tiles.
  await page.evaluate(() => {
    const m = window.storyMap!.map!;
    (window as unknown as { zoomed: Promise<void> }).zoomed = new Promise((r) =>
      m.once('zoomend', () => r()),
    );
  });
  await page.mouse.wheel(0, -300);
  await page.evaluate(() => (window as unknown as { zoomed: Promise<void> }).zoomed);
  await page.evaluate(() => window.storyMap!.whenIdle());
  const picked = await page.evaluate(() => window.storyMap!.view()!);
  expect(picked.center[0]).toBeGreaterThan(start.center[0] + 0.01);
  expect(picked.center[1]).toBeGreaterThan(start.center[1] + 0.01);
  expect(picked.zoom).not.toBeCloseTo(start.zoom, 1);
  await expect(panel.locator('[data-cp-view]')).toContainText('center [');

  // No page shown after the save has the old camera. On a loaded machine the dev server used to
  // write its store, and reload the page, between one collection's refill and the next: the
  // first reload showed the old camera, and the right one came 10 s later, or never. Each page
  // loaded after the save notes, as it loads, whether its story data holds the old camera (a
  // page itself: the test's own reads raced the reloads).
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('picker-saved')) return;
    document.addEventListener('DOMContentLoaded', () => {
      const seen = JSON.parse(sessionStorage.getItem('picker-loads') ?? '[]') as boolean[];
      seen.push(document.documentElement.innerHTML.includes('"center":[44,33]'));
      sessionStorage.setItem('picker-loads', JSON.stringify(seen));
    });
  });
  await page.evaluate(() => sessionStorage.setItem('picker-saved', '1'));
  await panel.getByRole('button', { name: 'Use this view' }).click();

  // The file: the camera line is the picked view; every other line is as it was.
  await expect.poll(() => readFileSync(STEP, 'utf8'), { timeout: 30_000 }).not.toBe(before);
  const after = readFileSync(STEP, 'utf8');
  const r5 = (n: number) => Math.round(n * 1e5) / 1e5;
  const r2 = (n: number) => Math.round(n * 100) / 100;
  const [b, a] = [before.split('\n'), after.split('\n')];
  expect(a.length).toBe(b.length);
  const changed = b.flatMap((line, i) => (line === a[i] ? [] : [i]));
  expect(changed.map((i) => b[i])).toEqual(['camera: { center: [44.0, 33.0], zoom: 9 }']);
  expect(changed.map((i) => a[i])).toEqual([
    `camera: { center: [${r5(picked.center[0])}, ${r5(picked.center[1])}], zoom: ${r2(picked.zoom)} }`,
  ]);

  // The page reloads by itself, on the same step, with the new camera. Read through reloads: the
  // dev server's own reload and the picker's may both come.
  await expect(async () => {
    const state = await page.evaluate(() =>
      window.storyMap?.activeStep.id === 'start'
        ? (window.storyMap.steps[0]!.state.camera as { center: number[]; zoom: number })
        : null,
    );
    expect(state?.center).toEqual([r5(picked.center[0]), r5(picked.center[1])]);
    expect(state?.zoom).toBe(r2(picked.zoom));
  }).toPass({ timeout: 60_000 });
  const loads = await page.evaluate(
    () => JSON.parse(sessionStorage.getItem('picker-loads') ?? '[]') as boolean[],
  );
  expect(loads.length).toBeGreaterThan(0);
  expect(loads).not.toContain(true);
  expect(watch.external).toEqual([]);
});

test('"Cancel" writes nothing and returns the map to the step', async ({ page }) => {
  const before = readFileSync(STEP, 'utf8');
  await page.goto(`${URL_}/picker-test/#start`);
  await page.waitForFunction(() => window.storyMap?.map && window.storyMap.activeStep.id === 'start');
  await page.evaluate(() => window.storyMap!.ready);
  const start = await page.evaluate(() => window.storyMap!.whenIdle().then(() => window.storyMap!.view()!));
  const panel = page.getByRole('complementary', { name: 'Camera picker' });
  await panel.getByRole('button', { name: 'Pick a view' }).click();
  const box = (await page.locator('.map-panel .map').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 120, box.y + box.height / 2, { steps: 6 });
  await page.mouse.up();
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel.getByRole('status')).toHaveText('Cancelled: nothing was written.');
  await page.evaluate(() => window.storyMap!.whenIdle());
  const back = await page.evaluate(() => window.storyMap!.view()!);
  expect(back.center[0]).toBeCloseTo(start.center[0], 4);
  expect(back.center[1]).toBeCloseTo(start.center[1], 4);
  expect(readFileSync(STEP, 'utf8')).toBe(before);
});

test('live preview: saving a step file updates the open page without a restart', async ({ page }) => {
  await page.goto(`${URL_}/picker-test/`);
  await expect(page.locator('article.step#strikes .step-title')).toHaveText('Strikes');
  const file = join(root, COPY, 'stories/picker-test/020-strikes.md');
  writeFileSync(file, readFileSync(file, 'utf8').replace('title: Strikes', 'title: Strikes, as edited'));
  // The dev server reloads the editor's page by itself: once, on a loaded machine (two suites
  // side by side), 12 s after the save and still loading 8 s on, past a 20 s wait.
  await expect(page.locator('article.step#strikes .step-title')).toHaveText('Strikes, as edited', {
    timeout: 60_000,
  });
});
