/**
 * Orientation at close zoom: the locator inset shows at street level and not at regional
 * zoom, keeps off the step's highlighted places, and is hidden from screen readers; a scale
 * bar at every zoom; a north arrow only while the map is turned. The static maps carry the
 * scale bar and, at close zoom, the same inset.
 */
import { expect, test, type Page } from '@playwright/test';
import { fixtureStoryPath, settled, steps, watchPage, type StepInfo } from './helpers';

const zoomOf = (s: StepInfo) => (s.state.camera.type === 'center' ? s.state.camera.zoom : undefined);
const bearingOf = (s: StepInfo) => (s.state.camera.type === 'center' ? s.state.camera.bearing : 0);
/** A view of a region: framed on bounds a degree or more across, or zoom 8 and out. */
const regionalStep = (s: StepInfo) =>
  s.state.camera.type === 'bounds'
    ? s.state.camera.bounds[2] - s.state.camera.bounds[0] >= 1
    : s.state.camera.zoom <= 8;

async function open(page: Page, id: string): Promise<void> {
  const path = fixtureStoryPath();
  // A fresh load each time: the step from the link, not a flight from the one before.
  await page.goto(`${path}#${id}`);
  await settled(page, id);
}

/** The highlighted places' box on screen, and the inset's and north arrow's. */
async function boxes(page: Page) {
  return page.evaluate(() => {
    const map = window.storyMap!.map!;
    const focus = window.storyMap!.activeStep.state.focus!;
    const m = map.getContainer().getBoundingClientRect();
    const a = map.project([focus[0], focus[3]]);
    const b = map.project([focus[2], focus[1]]);
    const rect = (sel: string) => {
      const el = document.querySelector<HTMLElement>(sel);
      if (!el || el.hidden) return null;
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    return {
      focus: { left: m.left + a.x, top: m.top + a.y, right: m.left + b.x, bottom: m.top + b.y },
      inset: rect('.map-locator'),
      north: rect('.map-north'),
    };
  });
}
type R = { left: number; top: number; right: number; bottom: number };
const overlaps = (a: R, b: R) => a.left < b.right && a.right > b.left && a.top < b.bottom && a.bottom > b.top;

test('the locator inset shows at close zoom, not at regional zoom; a scale bar at both', async ({ page }) => {
  // Two map loads on a shared software GPU.
  test.setTimeout(180_000);
  const watch = watchPage(page);
  await page.goto(fixtureStoryPath());
  const all = await steps(page);
  const close = all.find((s) => (zoomOf(s) ?? 0) >= 14 && bearingOf(s) === 0)!;
  const regional = all.find(regionalStep)!;
  expect(close && regional).toBeTruthy();

  await open(page, close.id);
  const inset = page.locator('.map-locator');
  await expect(inset).toBeVisible();
  await expect(inset).toHaveAttribute('aria-hidden', 'true');
  // The SVG drew: the image has loaded with its size.
  await expect
    .poll(() => inset.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth))
    .toBeGreaterThan(0);
  await expect(page.locator('.maplibregl-ctrl-scale')).toHaveText(/^\d+\s(m|km)$/);
  await expect(page.locator('.map-north')).toBeHidden();

  await open(page, regional.id);
  await expect(inset).toBeHidden();
  await expect(page.locator('.maplibregl-ctrl-scale')).toHaveText(/^\d+\skm$/);
  expect(watch.external).toEqual([]);
  expect(watch.errors).toEqual([]);
});

test('a north arrow only while the map is turned', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(fixtureStoryPath());
  const all = await steps(page);
  // The fixture has a step that turns the map (its hills, seen from the sea).
  const turned = all.find((s) => bearingOf(s) !== 0)!;
  expect(turned, 'a step with a bearing').toBeTruthy();
  const north = page.locator('.map-north');
  await open(page, turned.id);
  await expect(north).toBeVisible();
  await expect(north).toHaveAttribute('aria-hidden', 'true');
  const flat = all.find((s) => bearingOf(s) === 0 && s.state.camera.type === 'center')!;
  await open(page, flat.id);
  await expect(north).toBeHidden();
  // Turned by hand (the explore mode lets a reader do this): the arrow follows.
  await page.evaluate(() => window.storyMap!.map!.setBearing(40));
  await expect(north).toBeVisible();
  await page.evaluate(() => window.storyMap!.map!.setBearing(0));
  await expect(north).toBeHidden();
});

for (const [width, height] of [
  [1366, 768],
  [390, 844],
] as const) {
  test(`at ${width}×${height}, neither the inset nor the north arrow covers a close step's highlighted places`, async ({
    page,
  }) => {
    test.setTimeout(300_000);
    await page.setViewportSize({ width, height });
    await page.goto(fixtureStoryPath());
    const close = (await steps(page)).filter((s) => (zoomOf(s) ?? 0) >= 13 && s.state.focus);
    expect(close.length).toBeGreaterThan(0);
    for (const s of close) {
      await open(page, s.id);
      const b = await boxes(page);
      expect(b.inset, s.id).not.toBeNull();
      expect(overlaps(b.inset!, b.focus), `${s.id}: inset over ${JSON.stringify(b.focus)}`).toBe(false);
      if (b.north) expect(overlaps(b.north, b.focus), `${s.id}: north arrow`).toBe(false);
    }
  });
}

test('static maps: a scale bar on every one, the locator inset on close ones only', async ({ page }) => {
  await page.goto(fixtureStoryPath());
  const all = await steps(page);
  const close = all.find((s) => (zoomOf(s) ?? 0) >= 14)!;
  const regional = all.find(regionalStep)!;
  const svgOf = async (id: string) => {
    const src = await page.locator(`#${id} .step-static-map img`).getAttribute('src');
    return (await page.request.get(src!)).text();
  };
  const near = await svgOf(close.id);
  expect(near).toMatch(/class="scale-bar"[^]*>\d+ m<\/text>/);
  expect(near).toContain('class="locator"');
  const far = await svgOf(regional.id);
  expect(far).toMatch(/class="scale-bar"[^]*>\d+ km<\/text>/);
  expect(far).not.toContain('class="locator"');
});
