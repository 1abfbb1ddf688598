/**
 * <story-map> removed from the page and put back: nothing of the first life is left
 * running, and nothing is set up twice.
 */
import { expect, test } from '@playwright/test';
import { fixtureStoryPath, settled, steps, watchPage } from './helpers';

test('removing and re-adding <story-map> leaves one map and one set of listeners', async ({ page }) => {
  const seen = watchPage(page);
  await page.goto(fixtureStoryPath());
  const all = await steps(page);
  await settled(page, all[0]!.id);
  await page.evaluate(() => {
    const w = window as unknown as { stepEvents: string[] };
    w.stepEvents = [];
    document.addEventListener('storymap:step', (e) =>
      w.stepEvents.push((e as CustomEvent<{ id: string }>).detail.id),
    );
  });
  const events = () => page.evaluate(() => (window as unknown as { stepEvents: string[] }).stepEvents);

  // Removed: the map goes with it, and the page's keys no longer move a story that is gone.
  await page.evaluate(() => {
    const el = document.querySelector('story-map')!;
    (window as unknown as { parked: [Element, Node, Node | null] }).parked = [
      el,
      el.parentNode!,
      el.nextSibling,
    ];
    el.remove();
  });
  expect(await page.evaluate(() => window.storyMap)).toBeUndefined();
  expect(await page.evaluate(() => document.querySelectorAll('canvas.maplibregl-canvas').length)).toBe(0);
  await page.keyboard.press('ArrowRight');
  await page.evaluate(() => window.dispatchEvent(new HashChangeEvent('hashchange')));
  expect(await events()).toEqual([]);

  // Back: one map, and a key or a button moves exactly one step, announced once.
  await page.evaluate(() => {
    const [el, parent, next] = (window as unknown as { parked: [Element, Node, Node | null] }).parked;
    parent.insertBefore(el, next);
  });
  await settled(page, all[0]!.id);
  expect(await page.locator('story-map canvas.maplibregl-canvas').count()).toBe(1);
  // Put back, it opens at its step, once.
  expect(await events()).toEqual([all[0]!.id]);
  await page.keyboard.press('ArrowRight');
  await settled(page, all[1]!.id);
  expect(await events()).toEqual([all[0]!.id, all[1]!.id]);
  await page.locator('.nav-next').click();
  await settled(page, all[2]!.id);
  expect(await events()).toEqual([all[0]!.id, all[1]!.id, all[2]!.id]);
  // Labels are the map's markers: one per label, not two.
  const refs = await page
    .locator('story-map .map-label')
    .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.ref));
  expect(refs.length).toBeGreaterThan(0);
  expect(new Set(refs).size).toBe(refs.length);
  expect(seen.errors).toEqual([]);
});
