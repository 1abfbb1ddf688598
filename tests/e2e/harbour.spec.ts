/**
 * A story that is not the flagship (the fixture tests/fixtures/content/ok/stories/harbour,
 * on another coast, with kinds of its own declared in its story.md): the reader gets its
 * legend in its own words and colours, its labels, and each step's map.
 */
import { expect, test } from '@playwright/test';
import { expectCamera, renderedRefs, scrollToStep, settled, steps, watchPage } from './helpers';

const SCHEMATIC = 'Schematic outline (not traced, ±150 m)';
const APPROXIMATE = 'Approximate location (circle = uncertainty)';
/** What the reader reads in the legend and on the map at each step. */
const EXPECTED: Record<string, { legend: string[]; labels: string[] }> = {
  city: {
    legend: ['Capital city', 'Port area', 'Highlighted', APPROXIMATE, SCHEMATIC],
    labels: ['Beirut', 'Port (schematic)'],
  },
  port: {
    legend: ['Port area', 'Grain silo', 'Highlighted', SCHEMATIC],
    labels: ['Grain silos', 'Port (schematic)'],
  },
  square: {
    legend: ['Port area', 'Square', 'Highlighted', SCHEMATIC],
    labels: ["Martyrs' Square", 'Port (schematic)'],
  },
};

test("the harbour story: its own legend words and colours, its labels, each step's map", async ({ page }) => {
  test.setTimeout(180_000);
  const watch = watchPage(page);
  await page.goto('/harbour/');
  const all = await steps(page);
  expect(all.map((s) => s.id)).toEqual(Object.keys(EXPECTED));
  for (const step of all) {
    await scrollToStep(page, step.id);
    await settled(page, step.id);
    await expectCamera(page, step);
    const want = EXPECTED[step.id]!;
    await expect(page.locator('.map-info .legend li')).toHaveText(want.legend);
    const labels = await page
      .locator('.map-label:not([hidden]):not(.is-collided)')
      .evaluateAll((els) => els.map((el) => el.firstChild?.textContent ?? ''));
    expect(labels.sort(), `${step.id} labels`).toEqual([...want.labels].sort());
    const drawn = await renderedRefs(page);
    expect(drawn.visible, `${step.id} draws exactly its places`).toEqual(step.state.visible);
    expect(drawn.highlight, `${step.id} highlighted`).toEqual(step.state.highlight);
  }
  // The story's own colour for its own kind, on the legend's swatch (kinds.css, scoped to the story).
  const swatch = page.locator('.map-info .legend li', { hasText: 'Port area' }).locator('.swatch');
  expect(await swatch.evaluate((el) => getComputedStyle(el).getPropertyValue('--kind-color').trim())).toBe(
    '#0b6e69',
  );
  expect(watch.external).toEqual([]);
  expect(watch.errors).toEqual([]);
});
