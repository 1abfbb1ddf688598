/**
 * The story the generic browser tests read (helpers.ts: tests/fixtures/content/ok/stories/valparaiso,
 * on the Pacific coast, west of Greenwich and south of the equator, with kinds of its own): the
 * reader gets, at each step, its legend in its own words, its labels, its places and the
 * offline basemap under them — land, the border, the coast at street level.
 */
import { expect, test, type Page } from '@playwright/test';
import { expectStepAsWritten, fixtureStoryPath, openStory, type StepAsWritten } from './helpers';

const SCHEMATIC_TERMINAL = 'Schematic outline (not traced, ±150 m)';
const SCHEMATIC_ROAD = 'Schematic outline (not traced, ±100 m)';
const SCHEMATIC_ALL = 'Schematic outline (not traced, ±100–150 m)';
const APPROXIMATE = 'Approximate location (circle = uncertainty)';
/** What the reader reads in the legend and on the map at each step. */
const EXPECTED: Record<string, StepAsWritten> = {
  coast: {
    legend: ['City or town', 'Capital', 'Highlighted', APPROXIMATE],
    labels: ['San Antonio', 'Santiago', 'Valparaíso', 'Viña del Mar'],
  },
  bay: {
    legend: ['City or town', 'Coast road', 'Container terminal', 'Highlighted', APPROXIMATE, SCHEMATIC_ALL],
    labels: ['Coast road (schematic)', 'Terminal (schematic)', 'Valparaíso', 'Viña del Mar'],
  },
  terminal: {
    legend: ['Square', 'Container terminal', 'Highlighted', SCHEMATIC_TERMINAL],
    labels: ['Plaza Sotomayor', 'Terminal (schematic)'],
  },
  hills: {
    legend: ['Hill district', 'Square', 'Container terminal', 'Highlighted', SCHEMATIC_TERMINAL],
    labels: ['Cerro Alegre', 'Plaza Sotomayor', 'Terminal (schematic)'],
  },
  anchorage: {
    legend: ['Anchorage', 'Coast road', 'Container terminal', 'Highlighted', APPROXIMATE, SCHEMATIC_ALL],
    labels: ['Anchorage', 'Coast road (schematic)', 'Terminal (schematic)'],
  },
  road: {
    legend: ['City or town', 'Coast road', 'Highlighted', APPROXIMATE, SCHEMATIC_ROAD],
    labels: ['Coast road (schematic)', 'Valparaíso', 'Viña del Mar'],
  },
  south: {
    legend: ['City or town', 'Container terminal', 'Highlighted', APPROXIMATE, SCHEMATIC_TERMINAL],
    labels: ['San Antonio', 'Terminal (schematic)', 'Valparaíso'],
  },
};

const PLAZA: [number, number] = [-71.6283, -33.0393];
const CITY: [number, number] = [-71.6197, -33.0458];
const ANCHORAGE: [number, number] = [-71.605, -33.012];

/**
 * Is the point drawn on the detailed basemap's land (a fill over the sea-coloured background)? The
 * world archive's coarse land lies under the region's mask here, out of sight, so it is not asked.
 */
const isLand = (page: Page, lonLat: [number, number]) =>
  page.evaluate((p) => {
    const map = window.storyMap!.map!;
    const at = map.project(p);
    const { clientWidth: w, clientHeight: h } = map.getContainer();
    if (at.x < 0 || at.y < 0 || at.x > w || at.y > h) throw new Error(`${p} is off the map`);
    const layers = map
      .getStyle()
      .layers.map((l) => l.id)
      .filter((id) => id.startsWith('region-') && id.endsWith('-land'));
    return map.queryRenderedFeatures(at, { layers }).length > 0;
  }, lonLat);

/** The basemap's source layers drawn in the view, e.g. "region:land". */
const basemapLayers = (page: Page) =>
  page.evaluate(() => {
    const map = window.storyMap!.map!;
    const ids = map
      .getStyle()
      .layers.map((l) => l.id)
      .filter((id) => id.startsWith('world-') || id.startsWith('region-'));
    return [
      ...new Set(map.queryRenderedFeatures({ layers: ids }).map((f) => `${f.source}:${f.sourceLayer}`)),
    ];
  });

test("the fixture story: its own legend words, its labels, each step's places on its basemap", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const { all, watch } = await openStory(page, fixtureStoryPath(), Object.keys(EXPECTED));
  for (const step of all) {
    await expectStepAsWritten(page, step, EXPECTED[step.id]!);
    // The basemap's detailed region archive reaches this coast (its coverage comes from the content).
    expect(await basemapLayers(page), `${step.id} basemap`).toContain('region:land');
    if (step.id === 'coast')
      expect(await basemapLayers(page), 'the Chile–Argentina border').toContain('region:boundaries');
    if (step.id === 'terminal') expect(await isLand(page, PLAZA), 'the square on land').toBe(true);
    if (step.id === 'anchorage') {
      // The OSM-derived coast at city scale: the town on land, the anchorage out in the bay.
      expect(await isLand(page, CITY), 'Valparaíso on land').toBe(true);
      expect(await isLand(page, ANCHORAGE), 'the anchorage at sea').toBe(false);
    }
  }
  // The story's own colour for its own kind, on the legend's swatch (kinds.css, scoped to the story).
  const swatch = page.locator('.map-info .legend li', { hasText: 'Container terminal' }).locator('.swatch');
  expect(await swatch.evaluate((el) => getComputedStyle(el).getPropertyValue('--kind-color').trim())).toBe(
    '#1d6f8a',
  );
  expect(watch.external).toEqual([]);
  expect(watch.errors).toEqual([]);
});
