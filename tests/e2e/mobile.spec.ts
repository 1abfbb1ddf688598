/** On a phone the map stays on screen and the step's subject is never under the text. */
import { expect, test } from '@playwright/test';
import { coveredAt, firstStoryPath, scrollToStep, settled, steps, watchPage } from './helpers';

test("on a phone, each step's subject is drawn inside the visible map, clear of the text", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const watch = watchPage(page);
  await page.goto(await firstStoryPath(page));
  const all = await steps(page);
  for (const step of all) {
    await scrollToStep(page, step.id);
    await settled(page, step.id);
    const panel = await page.locator('.map-panel').boundingBox();
    expect(panel!.y).toBeGreaterThanOrEqual(-1);
    expect(panel!.height).toBeGreaterThan(200);
    // Labels shown on the map are whole: none runs off its edges (those near the right go left of their dot).
    const labels = await page.evaluate(() => {
      const box = window.storyMap!.map!.getContainer().getBoundingClientRect();
      const overlays = [...document.querySelectorAll<HTMLElement>('[data-map-overlay]')]
        .filter((o) => o.offsetParent !== null)
        .map((o) => o.getBoundingClientRect());
      return [...document.querySelectorAll<HTMLElement>('.map-label:not([hidden]):not(.is-collided)')].map(
        (el) => {
          const r = el.getBoundingClientRect();
          // How much of it the navigation, the key or the buttons cover, in px².
          const covered = overlays.reduce(
            (sum, o) =>
              sum +
              Math.max(0, Math.min(r.right, o.right) - Math.max(r.left, o.left)) *
                Math.max(0, Math.min(r.bottom, o.bottom) - Math.max(r.top, o.top)),
            0,
          );
          return { text: el.textContent, left: r.left - box.left, right: box.right - r.right, covered };
        },
      );
    });
    expect(labels.length, `${step.id} shows its labels`).toBeGreaterThan(0);
    for (const l of labels) {
      expect(l.right, `${step.id}: "${l.text}" runs off the map's right edge`).toBeGreaterThanOrEqual(-1);
      expect(l.left, `${step.id}: "${l.text}" runs off the map's left edge`).toBeGreaterThanOrEqual(-1);
      expect(l.covered, `${step.id}: "${l.text}" is partly under the page's controls`).toBe(0);
    }
    // The highlighted places keep their labels on a phone.
    const shownRefs = await page
      .locator('.map-label:not([hidden]):not(.is-collided)')
      .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.ref));
    for (const id of step.state.highlight) expect(shownRefs, `${step.id}: label of ${id}`).toContain(id);
    const focus = step.state.focus;
    expect(focus, `${step.id} has a subject to keep in view`).toBeDefined();
    if (!focus) continue;
    // Every corner of the subject projects inside the map panel and is not covered.
    const points = await page.evaluate((f) => {
      const m = window.storyMap!.map!;
      const rect = m.getContainer().getBoundingClientRect();
      return [
        [f[0], f[1]],
        [f[2], f[3]],
        [(f[0] + f[2]) / 2, (f[1] + f[3]) / 2],
      ].map(([lng, lat]) => {
        const p = m.project([lng!, lat!]);
        const x = rect.left + p.x;
        const y = rect.top + p.y;
        const top = document.elementFromPoint(x, y);
        return { x, y, inMap: Boolean(top?.closest('.map-panel')) };
      });
    }, focus);
    for (const p of points) {
      expect(p.x, `${step.id} subject inside the map horizontally`).toBeGreaterThanOrEqual(panel!.x);
      expect(p.x).toBeLessThanOrEqual(panel!.x + panel!.width);
      expect(p.y, `${step.id} subject inside the map vertically`).toBeGreaterThanOrEqual(panel!.y);
      expect(p.y).toBeLessThanOrEqual(panel!.y + panel!.height);
      expect(p.inMap, `${step.id} subject not covered by text`).toBe(true);
    }
  }
  expect(watch.external).toEqual([]);
  expect(watch.errors).toEqual([]);
});

test('on a phone the basemap attribution is readable: the key and the buttons sit above it', async ({
  page,
}) => {
  await page.goto(await firstStoryPath(page));
  const first = (await steps(page))[0]!.id;
  await scrollToStep(page, first);
  await settled(page, first);
  const attrib = page.locator('.maplibregl-ctrl-attrib');
  await expect(attrib).toContainText('GeoNames');
  expect(await coveredAt(page, '.maplibregl-ctrl-attrib')).toEqual([]);
  // With the key open too.
  await page.locator('.legend-toggle').click();
  await expect(page.locator('.legend-toggle')).toHaveAttribute('aria-expanded', 'true');
  expect(await coveredAt(page, '.maplibregl-ctrl-attrib')).toEqual([]);
  // On the narrowest phones (a folded phone, 280 px) it takes two lines, and still shows whole.
  await page.setViewportSize({ width: 280, height: 653 });
  await settled(page, first);
  await expect.poll(() => attrib.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(20);
  expect(await coveredAt(page, '.maplibregl-ctrl-attrib')).toEqual([]);
});
