/**
 * A story that is not the flagship (the fixture tests/fixtures/content/ok/stories/harbour,
 * on another coast, with kinds of its own declared in its story.md): the reader gets its
 * legend in its own words and colours, its labels, and each step's map.
 */
import { expect, test } from '@playwright/test';
import { expectStepAsWritten, openStory, type StepAsWritten } from './helpers';

const SCHEMATIC = 'Schematic outline (not traced, ±150 m)';
const APPROXIMATE = 'Approximate location (circle = uncertainty)';
/** What the reader reads in the legend and on the map at each step. */
const EXPECTED: Record<string, StepAsWritten> = {
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
  const { all, watch } = await openStory(page, '/harbour/', Object.keys(EXPECTED));
  for (const step of all) await expectStepAsWritten(page, step, EXPECTED[step.id]!);
  // The story's own colour for its own kind, on the legend's swatch (kinds.css, scoped to the story).
  const swatch = page.locator('.map-info .legend li', { hasText: 'Port area' }).locator('.swatch');
  expect(await swatch.evaluate((el) => getComputedStyle(el).getPropertyValue('--kind-color').trim())).toBe(
    '#0b6e69',
  );
  expect(watch.external).toEqual([]);
  expect(watch.errors).toEqual([]);
});
