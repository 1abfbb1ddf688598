/** On a phone the map stays on screen and the step's subject is never under the text. */
import { expect, test } from '@playwright/test';
import { coveredAt, fixtureStoryPath, scrollToStep, settled, steps, watchPage } from './helpers';

test("on a phone, each step's subject is drawn inside the visible map, clear of the text", async ({
  page,
}) => {
  test.setTimeout(240_000);
  const watch = watchPage(page);
  await page.goto(fixtureStoryPath());
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
  await page.goto(fixtureStoryPath());
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

test('on a phone the map opens on the camera it keeps: framed clear of the attribution before its text arrives', async ({
  page,
}) => {
  // The attribution's text comes from the basemap's sources. Filled in only once they had
  // loaded, it wrapped to a second line on a phone, and the step was framed again a few
  // kilometres off: a second round of tiles on the first map's way to idle. Each camera the
  // map holds from the moment the page gets it (just after it loads) is recorded.
  await page.addInitScript(() => {
    const w = window as unknown as { __cameras: string[] };
    w.__cameras = [];
    let api: object | undefined;
    Object.defineProperty(window, 'storyMap', {
      configurable: true,
      get: () => api,
      set(value: object) {
        api = value;
        let map: import('maplibre-gl').Map | null = null;
        const camera = () => JSON.stringify([map!.getCenter().toArray(), map!.getZoom()]);
        Object.defineProperty(value, 'map', {
          configurable: true,
          enumerable: true,
          get: () => map,
          set(m: import('maplibre-gl').Map | null) {
            map = m;
            if (!m) return;
            w.__cameras.push(camera());
            m.on('moveend', () => w.__cameras.push(camera()));
          },
        });
      },
    });
  });
  // The flagship: its first step is framed to its places, which the attribution's line moved.
  await page.goto('/iraq-escalation-2019/');
  const first = (await steps(page))[0]!.id;
  await settled(page, first);
  await expect(page.locator('.maplibregl-ctrl-attrib')).toContainText('GeoNames');
  const cameras = await page.evaluate(() => (window as unknown as { __cameras: string[] }).__cameras);
  expect(cameras.length).toBeGreaterThan(0);
  expect(new Set(cameras)).toEqual(new Set([cameras[0]]));
});

/**
 * At every width, at every step: each highlighted place and its label are drawn on the
 * visible map with nothing over them (no control, key, date, attribution or text card),
 * and the timeline shows the current step's dot. Points are sampled across each box and
 * the element on top at each must be the map itself (labels let clicks through, so the
 * map is what is found under a label that nothing covers).
 */
const WIDTHS = [
  { width: 320, height: 568 },
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];
for (const size of WIDTHS) {
  test(`at ${size.width}×${size.height} no step's highlighted place or its label is under a control or a card`, async ({
    browser,
  }) => {
    test.setTimeout(300_000);
    const narrow = size.width < 900;
    const context = await browser.newContext({ viewport: size, isMobile: narrow, hasTouch: narrow });
    const page = await context.newPage();
    const watch = watchPage(page);
    await page.goto(fixtureStoryPath());
    const all = await steps(page);
    // The map leads on a phone: more than half the screen while a step is read.
    if (size.width === 390) {
      await page.evaluate((id) => window.storyMap!.goTo(id), all[1]!.id);
      await settled(page, all[1]!.id);
      const map = (await page.locator('.map-stage').boundingBox())!;
      expect(map.height / size.height, 'the map takes at least half the phone screen').toBeGreaterThanOrEqual(
        0.5,
      );
    }
    const problems: string[] = [];
    for (const step of all) {
      await page.evaluate((id) => window.storyMap!.goTo(id), step.id);
      await settled(page, step.id);
      problems.push(
        ...(await page.evaluate(
          async ({ id, highlight }) => {
            const host = document.querySelector<HTMLElement>('story-map')!;
            const w = window as unknown as { __storyData?: Promise<unknown> };
            w.__storyData ??= fetch(host.dataset.storyData!).then((r) => r.json());
            const data = (await w.__storyData) as {
              geojson: { features: { properties: { ref: string }; geometry: { coordinates: unknown } }[] };
            };
            const m = window.storyMap!.map!;
            const canvas = m.getContainer();
            const rect = canvas.getBoundingClientRect();
            const out: string[] = [];
            const flat = (c: unknown): number[][] =>
              Array.isArray(c) && typeof c[0] === 'number' ? [c as number[]] : (c as unknown[]).flatMap(flat);
            /** What is on top at each of 5×5 points over the box; fine when it is the map. */
            const check = (what: string, b: { left: number; top: number; right: number; bottom: number }) => {
              for (let i = 0; i <= 4; i++)
                for (let j = 0; j <= 4; j++) {
                  const x = b.left + 1 + ((b.right - b.left - 2) * i) / 4;
                  const y = b.top + 1 + ((b.bottom - b.top - 2) * j) / 4;
                  const top = document.elementFromPoint(x, y);
                  const onMap = top && canvas.contains(top) && !top.closest('.maplibregl-ctrl');
                  if (!onMap) {
                    const name = top
                      ? `${top.tagName.toLowerCase()}${top.className ? '.' + String(top.className).split(' ').join('.') : ''}`
                      : 'off the screen';
                    out.push(`${id}: ${what} at ${Math.round(x)},${Math.round(y)} is under ${name}`);
                    return;
                  }
                }
            };
            for (const ref of highlight) {
              const pts = data.geojson.features
                .filter((f) => f.properties.ref === ref)
                .flatMap((f) => flat(f.geometry.coordinates))
                .map(([lng, lat]) => m.project([lng!, lat!]));
              if (pts.length === 0) {
                out.push(`${id}: highlighted ${ref} has no shape`);
                continue;
              }
              const xs = pts.map((p) => rect.left + p.x);
              const ys = pts.map((p) => rect.top + p.y);
              check(`highlighted ${ref}`, {
                left: Math.min(...xs),
                right: Math.max(...xs),
                top: Math.min(...ys),
                bottom: Math.max(...ys),
              });
              const label = document.querySelector<HTMLElement>(
                `.map-label[data-ref="${ref}"]:not([hidden]):not(.is-collided)`,
              );
              if (label) check(`the label of ${ref}`, label.getBoundingClientRect());
            }
            // The timeline shows where the reader is.
            const dot = document.querySelector<HTMLElement>('.timeline a[aria-current="step"]')!;
            const d = dot.getBoundingClientRect();
            const t = document.querySelector('.timeline')!.getBoundingClientRect();
            if (d.left < t.left - 0.5 || d.right > t.right + 0.5)
              out.push(`${id}: the timeline's current dot is scrolled out of view`);
            const onDot = document.elementFromPoint((d.left + d.right) / 2, (d.top + d.bottom) / 2);
            if (!onDot || !dot.contains(onDot)) out.push(`${id}: the timeline's current dot is covered`);
            return out;
          },
          { id: step.id, highlight: step.state.highlight },
        )),
      );
    }
    expect(problems).toEqual([]);
    expect(watch.errors).toEqual([]);
    await context.close();
  });
}
