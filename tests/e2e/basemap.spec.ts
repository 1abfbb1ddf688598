import { readFileSync } from 'node:fs';
import * as turf from '@turf/turf';
import { expect, test, type Page } from '@playwright/test';
import { coveredAt, flagshipStoryPath, settled, watchPage } from './helpers';

/** Rendered basemap features (not story layers) in the map's viewport, by source layer. */
async function basemapFeatures(page: Page): Promise<{ layers: Record<string, number>; names: string[] }> {
  return page.evaluate(() => {
    const map = window.storyMap!.map!;
    const ids = map
      .getStyle()
      .layers.map((l) => l.id)
      .filter((id) => id === 'background' || id.startsWith('world-') || id.startsWith('region-'));
    const layers: Record<string, number> = {};
    const names = new Set<string>();
    for (const f of map.queryRenderedFeatures({ layers: ids.filter((id) => id !== 'background') })) {
      const key = `${f.source}:${f.sourceLayer}`;
      layers[key] = (layers[key] ?? 0) + 1;
      if (f.layer.type === 'symbol' && f.properties.name_en)
        names.add(`${f.properties.name_en}|${f.properties.name_ar}`);
    }
    return { layers, names: [...names] };
  });
}

async function open(page: Page, step: string): Promise<void> {
  const path = await flagshipStoryPath(page);
  await page.goto(`${path}#${step}`);
  await settled(page, step);
  // Symbol placement settles a frame after idle: draw one more frame and wait for the idle after it.
  await page.evaluate(
    () =>
      new Promise<void>((r) => {
        const m = window.storyMap!.map!;
        m.once('idle', () => r());
        m.triggerRepaint();
      }),
  );
}

test('regional view: land, borders and bilingual labels of countries and towns are drawn', async ({
  page,
}) => {
  const watch = watchPage(page);
  await open(page, 'setting');
  const { layers, names } = await basemapFeatures(page);
  expect(
    Object.keys(layers).some((k) => k.endsWith(':land')),
    JSON.stringify(layers),
  ).toBe(true);
  expect(
    Object.keys(layers).some((k) => k.endsWith(':boundaries')),
    JSON.stringify(layers),
  ).toBe(true);
  expect(names).toContain('Iraq|العراق');
  expect(names, names.join(', ')).toContain('Samarra|سامراء');
  expect(watch.external).toEqual([]);
  expect(watch.errors).toEqual([]);
});

test('provinces: the lines between governorates and their names in English and Arabic are drawn', async ({
  page,
}) => {
  const watch = watchPage(page);
  await open(page, 'setting');
  const regional = await basemapFeatures(page);
  expect(
    (regional.layers['world:provinces'] ?? 0) + (regional.layers['region:provinces'] ?? 0),
    JSON.stringify(regional.layers),
  ).toBeGreaterThan(0);
  // Large governorates are named at the regional view (smaller ones appear as the map zooms in).
  const big = [
    'Anbar|الأنبار',
    'Nineveh|نينوى',
    'Salah al-Din|صلاح الدين',
    'Diyala|ديالى',
    'Homs|حمص',
    'Deir ez-Zor|دير الزور',
  ];
  expect(
    regional.names.filter((n) => big.includes(n)).length,
    regional.names.join(', '),
  ).toBeGreaterThanOrEqual(2);
  expect(watch.external).toEqual([]);
  expect(watch.errors).toEqual([]);
});

test("the story's own place labels are in English with Arabic under it", async ({ page }) => {
  await open(page, 'setting');
  const shown = page.locator('.map-label:not([hidden])');
  expect(await shown.count()).toBeGreaterThanOrEqual(3);
  for (const label of await shown.all())
    await expect(label.locator('.map-label-alt[lang="ar"]')).toHaveText(/^[\u0600-\u06FF ]+$/);
  const baghdad = shown.filter({ hasText: 'Baghdad' });
  await expect(baghdad.locator('.map-label-alt')).toHaveText('بغداد');
});

test('zoomed out to Tehran, Iran and Iraq are land and the Caspian is water', async ({ page }) => {
  await open(page, 'trump-iran');
  // Land is a fill over the water-coloured background; the Caspian is a hole in it.
  const isLand = (lonLat: [number, number]) =>
    page.evaluate((p) => {
      const map = window.storyMap!.map!;
      const layers = map
        .getStyle()
        .layers.map((l) => l.id)
        .filter((id) => id.endsWith('-land'));
      return map.queryRenderedFeatures(map.project(p), { layers }).length > 0;
    }, lonLat);
  expect(await isLand([47.07, 34.31]), 'Kermanshah').toBe(true);
  expect(await isLand([44.4, 33.3]), 'Baghdad').toBe(true);
  expect(await isLand([51.0, 37.6]), 'the Caspian').toBe(false);
});

test("at Al-Qa'im the detailed region archive draws the border and the Euphrates, and has the town, named in English and Arabic", async ({
  page,
}) => {
  const watch = watchPage(page);
  await open(page, 'us-strikes');
  const { layers, names } = await basemapFeatures(page);
  expect(layers['region:boundaries'], JSON.stringify(layers)).toBeGreaterThan(0);
  expect(layers['region:rivers'], JSON.stringify(layers)).toBeGreaterThan(0);
  const town = await page.evaluate(() =>
    window
      .storyMap!.map!.querySourceFeatures('region', {
        sourceLayer: 'places',
        filter: ['==', ['get', 'name_en'], "Al-Qa'im"],
      })
      .map((f) => f.properties.name_ar),
  );
  expect(town).toContain('القائم');
  // The story labels the town itself here, so the basemap's label for it gives way.
  expect(names, names.join(', ')).not.toContain("Al-Qa'im|القائم");
  await expect(page.locator('.map-label[data-ref="al-qaim-town"]')).toBeVisible();
  expect(watch.external).toEqual([]);
});

test("a town the story labels itself is named once: the basemap's label gives way only while the story's shows", async ({
  page,
}) => {
  const towns = () =>
    page.evaluate(() =>
      window
        .storyMap!.map!.queryRenderedFeatures({ layers: ['world-places', 'region-places'] })
        .map((f) => f.properties.name_en as string),
    );
  await open(page, 'setting');
  await expect(page.locator('.map-label[data-ref="baghdad-city"]')).toBeVisible();
  await expect(page.locator('.map-label[data-ref="kirkuk-city"]')).toBeVisible();
  const regional = await towns();
  expect(regional).not.toContain('Baghdad');
  expect(regional).not.toContain('Kirkuk');
  expect(regional, 'the other towns stay').toContain('Samarra');
  // Zoomed out towards Tehran, Kirkuk is in view and the story does not label it: the basemap does.
  await open(page, 'trump-iran');
  await expect(page.locator('.map-label[data-ref="kirkuk-city"]')).toBeHidden();
  const wide = await towns();
  expect(wide).toContain('Kirkuk');
  expect(wide).not.toContain('Baghdad');
});

test('in the Green Zone the schematic Tigris is drawn as water over the land, with the nearest bridge', async ({
  page,
}) => {
  const watch = watchPage(page);
  await open(page, 'breach');
  const zoom = await page.evaluate(() => window.storyMap!.map!.getZoom());
  expect(zoom).toBeGreaterThan(11);
  const { layers } = await basemapFeatures(page);
  expect(layers['region:water_schematic'], JSON.stringify(layers)).toBeGreaterThan(0);
  expect(layers['region:land'], JSON.stringify(layers)).toBeGreaterThan(0);
  expect(layers['region:bridges_schematic'], JSON.stringify(layers)).toBeGreaterThan(0);
  expect(watch.external).toEqual([]);
  // Zoomed out to the city, the river line runs up to the authored water and stops at its
  // banks (one river, not a second line across it); it goes on beyond it.
  await open(page, 'iraq-reaction');
  const city = await basemapFeatures(page);
  expect(await page.evaluate(() => window.storyMap!.map!.getZoom())).toBeGreaterThan(11);
  expect(city.layers['region:water_schematic'], JSON.stringify(city.layers)).toBeGreaterThan(0);
  const river = await page.evaluate(() =>
    window
      .storyMap!.map!.queryRenderedFeatures({ layers: ['region-rivers'] })
      .flatMap((f) =>
        f.geometry.type === 'MultiLineString'
          ? f.geometry.coordinates.flat()
          : f.geometry.type === 'LineString'
            ? f.geometry.coordinates
            : [],
      ),
  );
  expect(river.length, 'the Tigris goes on beyond the city').toBeGreaterThan(0);
  const water = JSON.parse(
    readFileSync(new URL('../../geo/baghdad-river.geojson', import.meta.url), 'utf8'),
  ).features.find((x: { properties: { basemap?: string } }) => x.properties.basemap === 'water');
  const margin = turf.buffer(water, 1, { units: 'kilometers' }) as GeoJSON.Feature<GeoJSON.Polygon>;
  const banks = turf.polygonToLine(water) as GeoJSON.Feature<GeoJSON.LineString>;
  // Rendered lines come from tiles quantised to a few metres: 100 m is "on the bank".
  const acrossTheWater = river.filter(
    (p) =>
      turf.booleanPointInPolygon(p as [number, number], margin) &&
      turf.pointToLineDistance(p as [number, number], banks, { units: 'kilometers' }) > 0.1,
  );
  expect(acrossTheWater).toEqual([]);
});

test('a missing basemap file leaves the story readable, its layers drawn, and says so', async ({ page }) => {
  await page.route('**/basemap/*.pmtiles', (r) => r.fulfill({ status: 404, body: 'not found' }));
  const path = await flagshipStoryPath(page);
  await page.goto(`${path}#us-strikes`);
  const notice = page.locator('.map-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('background map could not be loaded');
  await expect(page.locator('article.step#us-strikes')).toBeVisible();
  await page.waitForFunction(() => window.storyMap?.map);
  await page.evaluate(() => window.storyMap!.whenIdle());
  const story = await page.evaluate(
    () => window.storyMap!.map!.queryRenderedFeatures({ layers: ['story-fill', 'story-point'] }).length,
  );
  expect(story).toBeGreaterThan(0);
  await expect(page.locator('.map-label:not([hidden]):not(.is-collided)').first()).toBeVisible();
});

test('the attribution names the basemap sources and is shown, not folded', async ({ page }) => {
  await open(page, 'setting');
  const attrib = page.locator('.maplibregl-ctrl-attrib');
  await expect(attrib).toBeVisible();
  await expect(attrib).toContainText('Natural Earth');
  await expect(attrib).toContainText('GeoNames');
  await expect(attrib).toContainText('Noto');
  // Readable, not just present: no overlay (the key, the buttons) covers any of it, on a
  // wide screen and on a small laptop's, where the map is narrower.
  expect(await coveredAt(page, '.maplibregl-ctrl-attrib')).toEqual([]);
  await page.setViewportSize({ width: 1000, height: 700 });
  await settled(page, 'setting');
  expect(await coveredAt(page, '.maplibregl-ctrl-attrib')).toEqual([]);
});

test('the basemap fonts are fetched once, by the page as soon as its text has painted, and the map draws its labels with them', async ({
  page,
}) => {
  // In the order asked for; the context also sees the request for MapLibre's worker.
  const asked: string[] = [];
  page.context().on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (/\/basemap\/fonts\/|maplibre-gl-worker/.test(path)) asked.push(path);
  });
  await open(page, 'setting');
  const named = await page
    .locator('story-map')
    .evaluate((el) =>
      (el as HTMLElement).dataset.basemapFonts!.split(' ').map((u) => new URL(u, location.href).pathname),
    );
  expect(named.map((p) => p.split('/').pop())).toEqual([
    'noto-sans-latin-400.woff2',
    'noto-sans-arabic-400.woff2',
  ]);
  const fonts = asked.filter((p) => p.includes('/fonts/'));
  expect(fonts.sort()).toEqual([...named].sort());
  // Before MapLibre's worker (MapLibre alone asks once the worker has laid out the first tiles).
  const worker = asked.findIndex((p) => p.includes('maplibre-gl-worker'));
  expect(worker).toBeGreaterThanOrEqual(0);
  for (const f of named) expect(asked.indexOf(f), f).toBeLessThan(worker);
  // And the map drew names in both scripts with them.
  const { names } = await basemapFeatures(page);
  expect(names.some((n) => /[A-Za-z]/.test(n) && /[\u0600-\u06FF]/.test(n))).toBe(true);
});

test("after a switch to another (hosted) style the story layers and labels stay on top, in the step's state", async ({
  page,
}) => {
  const watch = watchPage(page);
  await open(page, 'us-strikes');
  const before = await page.evaluate(
    () => window.storyMap!.map!.queryRenderedFeatures({ layers: ['story-fill', 'story-point'] }).length,
  );
  expect(before).toBeGreaterThan(0);
  // A stand-in for a hosted style, inline so nothing leaves the origin.
  await page.evaluate(() =>
    window.storyMap!.setBasemapStyle({
      version: 8,
      sources: {},
      layers: [{ id: 'hosted-background', type: 'background', paint: { 'background-color': '#203040' } }],
    }),
  );
  await page.evaluate(() => window.storyMap!.whenIdle());
  const after = await page.evaluate(() => {
    const map = window.storyMap!.map!;
    const ids = map.getStyle().layers.map((l) => l.id);
    return { ids, drawn: map.queryRenderedFeatures({ layers: ['story-fill', 'story-point'] }).length };
  });
  expect(after.ids[0]).toBe('hosted-background');
  // The offline basemap's credits went with it: the stand-in has no sources to credit, and
  // MapLibre hides an empty attribution.
  await expect(page.locator('.maplibregl-ctrl-attrib')).toHaveClass(/maplibregl-attrib-empty/);
  await expect(page.locator('.maplibregl-ctrl-attrib')).toBeHidden();
  expect(after.ids.some((id) => id.startsWith('world-'))).toBe(false);
  expect(after.ids.slice(1).every((id) => id.startsWith('story-'))).toBe(true);
  expect(after.drawn).toBe(before);
  await expect(page.locator('.map-label:not([hidden]):not(.is-collided)').first()).toBeVisible();
  expect(watch.external).toEqual([]);
  expect(watch.errors).toEqual([]);
});
