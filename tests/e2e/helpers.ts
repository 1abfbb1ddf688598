import { readdirSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';

/** What the page exposes as window.storyMap, as much as the tests read. */
export interface StepInfo {
  id: string;
  index: number;
  title: string;
  state: {
    camera:
      | { type: 'center'; center: [number, number]; zoom: number; bearing: number; pitch: number }
      | { type: 'bounds'; bounds: [number, number, number, number]; maxZoom: number; pitch: number };
    visible: string[];
    highlight: string[];
    focus?: [number, number, number, number];
    legend: { label: string }[];
  };
}

/**
 * The story the generic browser tests read: a fixture built into the test site by `npm run
 * build:test` (tests/fixtures/content/ok/stories/valparaiso), so a change to the flagship's
 * text or places never breaks a test of the reader, the embeds or the map. Seven steps on the
 * Chilean coast (negative longitudes and latitudes): a regional view, the bay, a close-up with
 * the locator inset, a turned map, an approximate place, a line and an area, two framed steps.
 */
export const FIXTURE_STORY = 'valparaiso';

export function fixtureStoryPath(): string {
  return `/${FIXTURE_STORY}/`;
}

/** The project's own stories (stories/), as opposed to the fixtures the test build adds. */
const OWN_STORIES = readdirSync(new URL('../../stories/', import.meta.url), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

/** The flagship, for the tests whose subject it is: the first of the project's own stories on the front page. */
export async function flagshipStoryPath(page: Page): Promise<string> {
  await page.goto('/');
  const hrefs = await page
    .locator('.story-list h2 a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  const href = hrefs.find((h) => OWN_STORIES.includes(h.replace(/^\/|\/$/g, '')));
  expect(href, `one of ${OWN_STORIES.join(', ')} on the front page`).toBeTruthy();
  return href!;
}

/** Collects what must never happen: requests to other origins, console errors. */
export function watchPage(page: Page) {
  const external: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (
      !['127.0.0.1', 'localhost'].includes(u.hostname) &&
      !r.url().startsWith('data:') &&
      !r.url().startsWith('blob:')
    )
      external.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return { external, errors };
}

export async function steps(page: Page): Promise<StepInfo[]> {
  await page.waitForFunction(() => window.storyMap !== undefined);
  return page.evaluate(() => window.storyMap!.steps as unknown as StepInfo[]);
}

/** Waits until the map exists, the step is active and the camera has stopped. */
export async function settled(page: Page, id: string): Promise<void> {
  await page.waitForFunction((id) => window.storyMap?.map && window.storyMap.activeStep.id === id, id);
  // whenIdle() also waits for a re-frame a resize has asked for.
  await page.evaluate(() => window.storyMap!.whenIdle());
}

/**
 * Where something else is drawn over the element: samples points along three rows (a
 * quarter, half and three quarters down, so each line of a two-line text is hit) and names
 * the element on top at each one that isn't it. Empty when the reader sees all of it.
 */
export async function coveredAt(page: Page, selector: string): Promise<string[]> {
  return page.locator(selector).evaluate((el) => {
    const r = el.getBoundingClientRect();
    const out: string[] = [];
    for (const row of [0.25, 0.5, 0.75]) {
      for (let i = 0; i <= 8; i++) {
        const x = r.left + 2 + ((r.width - 4) * i) / 8;
        const y = r.top + r.height * row;
        const top = document.elementFromPoint(x, y);
        if (!top || !el.contains(top))
          out.push(
            `${Math.round(x)},${Math.round(y)}: ${top ? `${top.tagName.toLowerCase()}.${[...top.classList].join('.')}` : 'outside the window'}`,
          );
      }
    }
    return out;
  });
}

/** Scrolls the reader's way: the step's text to the middle of the screen. */
export async function scrollToStep(page: Page, id: string): Promise<void> {
  await page
    .locator(`article.step#${id}`)
    .evaluate((el) => el.scrollIntoView({ block: 'center', behavior: 'instant' }));
}

/** The map shows the step's camera, or frames its fit features. */
export async function expectCamera(page: Page, step: StepInfo): Promise<void> {
  const view = await page.evaluate(() => {
    const m = window.storyMap!.map!;
    const b = m.getBounds();
    return {
      center: m.getCenter().toArray(),
      zoom: m.getZoom(),
      bearing: m.getBearing(),
      pitch: m.getPitch(),
      bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()],
      width: m.getContainer().clientWidth,
    };
  });
  expect(view.pitch, `${step.id} pitch`).toBeCloseTo(step.state.camera.pitch, 1);
  const cam = step.state.camera;
  if (cam.type === 'center') {
    expect(view.center[0], `${step.id} centre longitude`).toBeCloseTo(cam.center[0], 3);
    expect(view.center[1], `${step.id} centre latitude`).toBeCloseTo(cam.center[1], 3);
    // The map may zoom out on a small screen to keep the subject in view, never in.
    expect(view.zoom, `${step.id} zoom`).toBeLessThanOrEqual(cam.zoom + 0.01);
    expect(view.zoom, `${step.id} zoom`).toBeGreaterThan(cam.zoom - 3);
    // A laptop's map is as large as the authors' reference map: the author's zoom, exactly.
    if (view.width >= 700) expect(view.zoom, `${step.id} zoom on a wide map`).toBeCloseTo(cam.zoom, 2);
    expect(view.bearing).toBeCloseTo(cam.bearing, 1);
  } else {
    const [w, s, e, n] = view.bounds as [number, number, number, number];
    const [bw, bs, be, bn] = cam.bounds;
    const eps = 1e-6;
    expect(w, `${step.id} west edge`).toBeLessThanOrEqual(bw + eps);
    expect(s, `${step.id} south edge`).toBeLessThanOrEqual(bs + eps);
    expect(e, `${step.id} east edge`).toBeGreaterThanOrEqual(be - eps);
    expect(n, `${step.id} north edge`).toBeGreaterThanOrEqual(bn - eps);
    // Framed, not lost in a world view: the fit area fills a fair part of the map.
    // Fitted: on its tighter axis the area spans a good part of the map (padding takes the rest).
    const fill = Math.max((be - bw) / (e - w), (bn - bs) / (n - s));
    expect(fill, `${step.id} fit fills the view`).toBeGreaterThan(0.4);
  }
}

/** The ids whose shapes the map actually drew (GeoJSON source parsed by the worker). */
export async function renderedRefs(page: Page): Promise<{ visible: string[]; highlight: string[] }> {
  return page.evaluate(() => {
    const m = window.storyMap!.map!;
    const refs = (layers: string[]) =>
      [...new Set(m.queryRenderedFeatures({ layers }).map((f) => f.properties.ref as string))].sort();
    return {
      visible: refs(['story-fill', 'story-line', 'story-point', 'story-outline', 'story-outline-dashed']),
      highlight: refs(['story-highlight-fill', 'story-highlight-outline', 'story-highlight-point']),
    };
  });
}

/** What the reader reads at a step: the legend's words, and the story labels shown on the map. */
export interface StepAsWritten {
  legend: string[];
  labels: string[];
}

/**
 * Opens a story and checks its steps are the ones listed, in order; returns them and what the
 * page did that it must never do (requests elsewhere, console errors), to check at the end.
 */
export async function openStory(page: Page, path: string, ids: string[]) {
  const watch = watchPage(page);
  await page.goto(path);
  const all = await steps(page);
  expect(all.map((s) => s.id)).toEqual(ids);
  return { all, watch };
}

/**
 * Scrolls to the step as a reader would and checks the map shows it as its author wrote it: the
 * camera, the legend's words, the labels shown (not hidden, not given way), and exactly the step's
 * places drawn and highlighted.
 */
export async function expectStepAsWritten(page: Page, step: StepInfo, want: StepAsWritten): Promise<void> {
  await scrollToStep(page, step.id);
  await settled(page, step.id);
  await expectCamera(page, step);
  await expect(page.locator('.map-info .legend li')).toHaveText(want.legend);
  const labels = await page
    .locator('.map-label:not([hidden]):not(.is-collided)')
    .evaluateAll((els) => els.map((el) => el.firstChild?.textContent ?? ''));
  expect(labels.sort(), `${step.id} labels`).toEqual([...want.labels].sort());
  const drawn = await renderedRefs(page);
  expect(drawn.visible, `${step.id} draws exactly its places`).toEqual(step.state.visible);
  expect(drawn.highlight, `${step.id} highlighted`).toEqual(step.state.highlight);
}
