/**
 * The story as a reader meets it, in a real Chromium with a software GPU: text at once,
 * the map following the scroll, deep links, nothing fetched from elsewhere.
 */
import { expect, test } from '@playwright/test';
import {
  expectCamera,
  flagshipStoryPath,
  renderedRefs,
  scrollToStep,
  settled,
  steps,
  watchPage,
} from './helpers';

test('scrolling step by step makes each step active and brings the map to its state', async ({ page }) => {
  test.setTimeout(240_000);
  const watch = watchPage(page);
  const path = await flagshipStoryPath(page);
  await page.goto(path);
  const all = await steps(page);
  expect(all.length).toBeGreaterThanOrEqual(2);
  // Label points (e.g. a zone's name) are drawn as a label only.
  const labelOnly = new Set(
    await page.evaluate(async () => {
      const data = (await (
        await fetch(document.querySelector<HTMLElement>('story-map')!.dataset.storyData!)
      ).json()) as { labels: { id: string; kind: string }[] };
      return data.labels.filter((l) => l.kind === 'zone-label').map((l) => l.id);
    }),
  );
  const events: { id: string; index: number }[] = [];
  await page.exposeFunction('recordStep', (d: { id: string; index: number }) => events.push(d));
  await page.evaluate(() =>
    document
      .querySelector('story-map')!
      .addEventListener('storymap:step', (e) =>
        (window as unknown as { recordStep: (d: unknown) => void }).recordStep((e as CustomEvent).detail),
      ),
  );
  for (const step of all) {
    await scrollToStep(page, step.id);
    await settled(page, step.id);
    await expect(page.locator(`article.step#${step.id}`)).toHaveClass(/is-active/);
    await expectCamera(page, step);
    // The hash follows the reader.
    expect(await page.evaluate(() => location.hash)).toBe(`#${step.id}`);
    // What is drawn is what the step says: its features, and only those.
    const drawn = await renderedRefs(page);
    expect(drawn.highlight, `${step.id} highlighted`).toEqual(step.state.highlight);
    // Every place but a bare label point has a shape on the map, and each has its label.
    expect(drawn.visible, `${step.id} draws exactly its features`).toEqual(
      step.state.visible.filter((id) => !labelOnly.has(id)),
    );
    expect(
      (
        await page
          .locator('.map-label:not([hidden])')
          .evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.ref))
      ).sort(),
    ).toEqual(step.state.visible);
    // The legend and date beside the map follow the step.
    await expect(page.locator('.map-date')).toHaveText(
      await page.locator(`article.step#${step.id} .step-date`).innerText(),
    );
    await expect(page.locator('.map-info .legend li')).toHaveText(step.state.legend.map((l) => l.label));
  }
  expect(events.map((e) => e.id)).toEqual(all.slice(1).map((s) => s.id));
  expect(events.map((e) => e.index)).toEqual(all.slice(1).map((s) => s.index));
  expect(watch.external).toEqual([]);
  expect(watch.errors).toEqual([]);
});

test("jumping from the first step to the last ends on the last step's state", async ({ page }) => {
  const watch = watchPage(page);
  await page.goto(await flagshipStoryPath(page));
  const all = await steps(page);
  const last = all.at(-1)!;
  await settled(page, all[0]!.id);
  // One jump to the end of the page, as End or a dragged scrollbar does (scrolled directly:
  // Chromium's own keyboard scrolling was seen to go missing on a loaded machine).
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await settled(page, last.id);
  await expectCamera(page, last);
  const drawn = await renderedRefs(page);
  expect(drawn.highlight).toEqual(last.state.highlight);
  // And straight back to the top.
  await page.evaluate(() => window.scrollTo(0, 0));
  await settled(page, all[0]!.id);
  await expectCamera(page, all[0]!);
  expect(watch.errors).toEqual([]);
});

test('a deep link opens its step with its map state, and so does a reload', async ({ page }) => {
  const watch = watchPage(page);
  const path = await flagshipStoryPath(page);
  await page.goto(path);
  const all = await steps(page);
  const target = all[Math.floor(all.length / 2)]!;
  await page.goto(`${path}#${target.id}`);
  await settled(page, target.id);
  await expectCamera(page, target);
  await expect(page.locator(`article.step#${target.id}`)).toBeInViewport();
  const before = await page.evaluate(() => window.storyMap!.map!.getCenter().toArray());
  await page.reload();
  await settled(page, target.id);
  await expectCamera(page, target);
  const after = await page.evaluate(() => window.storyMap!.map!.getCenter().toArray());
  expect(after[0]).toBeCloseTo(before[0]!, 4);
  expect(after[1]).toBeCloseTo(before[1]!, 4);
  expect(watch.external).toEqual([]);
  expect(watch.errors).toEqual([]);
});

test('goTo() and the hash follow without flooding the history', async ({ page }) => {
  await page.goto(await flagshipStoryPath(page));
  const all = await steps(page);
  await settled(page, all[0]!.id);
  const length = await page.evaluate(() => history.length);
  for (const s of all.slice(1, 4)) {
    await page.evaluate((id) => window.storyMap!.goTo(id), s.id);
    await settled(page, s.id);
    await expectCamera(page, s);
  }
  expect(await page.evaluate(() => history.length)).toBe(length);
  expect(await page.evaluate(() => location.hash)).toBe(`#${all[Math.min(3, all.length - 1)]!.id}`);
});

test('a place the step frames keeps its name, clear of the other labels', async ({ page }) => {
  const path = await flagshipStoryPath(page);
  await page.goto(`${path}#march`);
  await settled(page, 'march');
  // Tahrir Square sits beside al-Jumhuriya Bridge: whichever side of its dot its label takes
  // (the flip itself is pinned in tests/unit/place-labels.test.ts), it is shown and covers no
  // other label.
  const tahrir = page.locator('.map-label[data-ref="tahrir-square"]');
  await expect(tahrir).toBeVisible();
  await expect(tahrir).not.toHaveClass(/is-collided/);
  const boxes = await page
    .locator('.map-label:not([hidden]):not(.is-collided)')
    .evaluateAll((els) =>
      els.map((el) => ({ ref: (el as HTMLElement).dataset.ref, ...el.getBoundingClientRect().toJSON() })),
    );
  const t = boxes.find((b) => b.ref === 'tahrir-square')!;
  for (const b of boxes)
    if (b !== t)
      expect(
        t.left < b.right && t.right > b.left && t.top < b.bottom && t.bottom > b.top,
        `Tahrir Square's label covers ${b.ref}'s`,
      ).toBe(false);
});
