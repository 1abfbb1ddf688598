/**
 * Readers who don't scroll, don't want motion, explore, print, or use a screen reader:
 * keys, buttons, the timeline, reduced motion, explore mode, print and resilience.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expectCamera, fixtureStoryPath, scrollToStep, settled, steps, watchPage } from './helpers';

async function open(page: Page, hash = '') {
  const path = fixtureStoryPath();
  await page.goto(path + hash);
  const all = await steps(page);
  await settled(page, hash ? hash.slice(1) : all[0]!.id);
  return { path, all };
}

/** Records how long each camera move lasts, from movestart to moveend. */
/** Frames drawn per camera movement: a jump is one frame, a flight many (counted, not timed). */
async function recordMoves(page: Page) {
  await page.evaluate(() => {
    const m = window.storyMap!.map!;
    const w = window as unknown as { moves: number[]; frames: number };
    w.moves = [];
    m.on('movestart', () => (w.frames = 0));
    m.on('move', () => w.frames++);
    m.on('moveend', () => w.moves.push(w.frames));
  });
  return () => page.evaluate(() => (window as unknown as { moves: number[] }).moves);
}

test("keys step through the story and move focus to the step's text", async ({ page }) => {
  const { all } = await open(page);
  await page.keyboard.press('ArrowRight');
  await settled(page, all[1]!.id);
  await expect(page.locator(`article.step#${all[1]!.id}`)).toBeFocused();
  await expect(page.locator(`article.step#${all[1]!.id}`)).toBeInViewport();
  await expect(page.locator('.story-announcer')).toHaveText(
    new RegExp(`^Step 2 of ${all.length}, .*: ${all[1]!.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
  );
  await page.keyboard.press('j');
  await settled(page, all[2]!.id);
  await expectCamera(page, all[2]!);
  await page.keyboard.press('k');
  await settled(page, all[1]!.id);
  await page.keyboard.press('ArrowLeft');
  await settled(page, all[0]!.id);
  expect(await page.evaluate(() => location.hash)).toBe(`#${all[0]!.id}`);
});

test('Previous and Next buttons move a step and keep focus for the next press', async ({ page }) => {
  const { all } = await open(page);
  const next = page.getByRole('button', { name: 'Next step' });
  await expect(page.getByRole('button', { name: 'Previous step' })).toHaveAttribute('aria-disabled', 'true');
  for (const i of [1, 2, 3]) {
    await next.click();
    await settled(page, all[i]!.id);
    await expect(next).toBeFocused();
  }
  await expectCamera(page, all[3]!);
  await page.getByRole('button', { name: 'Previous step' }).click();
  await settled(page, all[2]!.id);
  await expect(page.locator('.timeline a[aria-current="step"]')).toHaveAttribute('href', `#${all[2]!.id}`);
});

test('the timeline is a real navigation: links to every step, the current one marked', async ({ page }) => {
  const { all } = await open(page);
  const links = page.getByRole('navigation', { name: 'Story steps' }).getByRole('link');
  await expect(links).toHaveCount(all.length);
  await expect(links.first()).toHaveAttribute('aria-current', 'step');
  const last = all.at(-1)!;
  await links.last().click();
  await settled(page, last.id);
  await expectCamera(page, last);
  await expect(links.last()).toHaveAttribute('aria-current', 'step');
  await expect(links.first()).not.toHaveAttribute('aria-current', 'step');
  await expect(page.locator(`article.step#${last.id}`)).toBeFocused();
});

test('with reduced motion the camera never travels; without it, it flies', async ({ page }) => {
  const { all } = await open(page);
  let moves = await recordMoves(page);
  await page.getByRole('button', { name: 'Next step' }).click();
  await settled(page, all[1]!.id);
  // More than one frame is an animation, one is a jump: how many more depends on the machine's load.
  expect(Math.max(...(await moves())), 'a normal step change animates over several frames').toBeGreaterThan(
    1,
  );

  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.reload();
  await settled(page, all[1]!.id);
  moves = await recordMoves(page);
  const next = page.getByRole('button', { name: 'Next step' });
  const prev = page.getByRole('button', { name: 'Previous step' });
  for (const [button, i] of [
    [next, 2],
    [next, 3],
    [next, 4],
    [prev, 3],
  ] as const) {
    await button.click();
    await settled(page, all[i]!.id);
    await expectCamera(page, all[i]!);
  }
  const durations = await moves();
  expect(durations.length).toBeGreaterThan(0);
  expect(Math.max(...durations), 'no camera animation: every move is a single frame').toBe(1);
  await expect(page.getByRole('button', { name: 'Motion reduced (system setting)' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
});

test('the motion toggle stops flying, and the choice is remembered', async ({ page }) => {
  const { all } = await open(page);
  const toggle = page.getByRole('button', { name: 'Reduce motion' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const moves = await recordMoves(page);
  await page.getByRole('button', { name: 'Next step' }).click();
  await settled(page, all[1]!.id);
  await expectCamera(page, all[1]!);
  const frames = await moves();
  expect(frames.length, 'the camera moved').toBeGreaterThan(0);
  expect(Math.max(...frames), 'in one jump').toBe(1);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Reduce motion' })).toHaveAttribute('aria-pressed', 'true');
});

test("explore mode unlocks the map; returning restores the step's view", async ({ page }) => {
  const { all } = await open(page);
  // Reading the first step: the map is stuck to the top of the window.
  await scrollToStep(page, all[0]!.id);
  await settled(page, all[0]!.id);
  const before = await page.evaluate(() => window.storyMap!.map!.getCenter().toArray());
  await page.getByRole('button', { name: 'Explore the map' }).click();
  await expect(page.getByRole('button', { name: 'Back to the story' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(page.getByRole('application')).toBeVisible();
  const box = (await page.locator('.map-panel canvas').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 200, box.y + box.height / 2 + 80, { steps: 8 });
  await page.mouse.up();
  await page.evaluate(() => window.storyMap!.whenIdle());
  const moved = await page.evaluate(() => window.storyMap!.map!.getCenter().toArray());
  expect(Math.abs(moved[0]! - before[0]!) + Math.abs(moved[1]! - before[1]!)).toBeGreaterThan(0.01);
  // The camera flies back from where the reader left it: wait for that flight to end.
  await page.evaluate(() => {
    const m = window.storyMap!.map!;
    (window as unknown as { back: Promise<void> }).back = new Promise((r) => m.once('moveend', () => r()));
  });
  await page.getByRole('button', { name: 'Back to the story' }).click();
  await page.evaluate(() => (window as unknown as { back: Promise<void> }).back);
  await settled(page, all[0]!.id);
  await expectCamera(page, all[0]!);
  await expect(page.locator('.map-panel .maplibregl-canvas-container')).toHaveAttribute(
    'aria-hidden',
    'true',
  );
  await expect(page.getByRole('application')).toHaveCount(0);
});

test('fast scrolling through the story ends on the step in view, in its state', async ({ page }) => {
  const { all } = await open(page);
  for (const s of all) await scrollToStep(page, s.id); // no waiting in between
  const target = all[Math.floor(all.length / 3)]!;
  await scrollToStep(page, target.id);
  await settled(page, target.id);
  await expectCamera(page, target);
});

test('a failed data request leaves the text, a notice and static maps', async ({ page }) => {
  await page.route(/\/data\/story-.*\.json$/, (r) => r.fulfill({ status: 404, body: 'gone' }));
  const path = fixtureStoryPath();
  await page.goto(path);
  await expect(page.locator('.map-notice')).toBeVisible();
  await expect(page.locator('.map-notice')).toContainText('static map');
  const first = page.locator('article.step').first();
  await expect(first.locator('.step-body')).toBeVisible();
  await first.locator('.step-static-map img').scrollIntoViewIfNeeded();
  await expect(first.locator('.step-static-map img')).toBeVisible();
  await expect
    .poll(() =>
      first.locator('.step-static-map img').evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth),
    )
    .toBeGreaterThan(0);
});

test('a lost WebGL context swaps in the static maps', async ({ page }) => {
  await open(page);
  await page.evaluate(() => {
    const gl = (window.storyMap!.map!.getCanvas().getContext('webgl2') ??
      window.storyMap!.map!.getCanvas().getContext('webgl'))!;
    gl.getExtension('WEBGL_lose_context')!.loseContext();
  });
  await expect(page.locator('.map-notice')).toBeVisible();
  await expect(page.locator('article.step').first().locator('.step-static-map')).toBeVisible();
});

/** The static maps not yet loaded: a printout would show an empty frame for each. */
const unloadedStaticMaps = (page: Page) =>
  page
    .locator('.step-static-map img')
    .evaluateAll((imgs) =>
      (imgs as HTMLImageElement[]).filter((i) => !i.complete || i.naturalWidth === 0).map((i) => i.src),
    );

test('print right after load: every step with its loaded static map, date and sources, no controls', async ({
  page,
}) => {
  // Every step checked one by one: room for a loaded machine.
  test.setTimeout(180_000);
  // As soon as the page has loaded: no scrolling, no waiting for the live map. The static
  // maps are lazy (hidden behind the live map, they would slow its start on a phone); the
  // reader's print command fires beforeprint, which fetches them all.
  await page.goto(fixtureStoryPath(), { waitUntil: 'load' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  const articles = page.locator('article.step');
  const n = await articles.count();
  expect(n).toBeGreaterThan(1);
  for (let i = 0; i < n; i++) {
    const a = articles.nth(i);
    await expect(a.locator('.step-static-map')).toBeVisible();
    await expect(a.locator('.step-date')).toBeVisible();
    await expect(a.locator('.step-sources')).toBeVisible();
  }
  await expect.poll(() => unloadedStaticMaps(page)).toEqual([]);
  await expect(page.locator('.map-panel')).toBeHidden();
  await expect(page.locator('.story-nav')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Embed this story' })).toBeHidden();
});

test('the static maps wait for the live map: none is fetched while it loads, all are once it has settled', async ({
  page,
}) => {
  // Hidden behind the live map, they would compete with it on a phone; a browser that fires
  // no beforeprint still prints them once the map has settled.
  const fetched: string[] = [];
  page.on('request', (r) => {
    if (/\/maps\/.*\.svg$/.test(r.url()) && !/-locator\./.test(r.url())) fetched.push(r.url());
  });
  // The map held back: its data answers only when the test says.
  let release!: () => void;
  const held = new Promise<void>((done) => (release = done));
  await page.route(/\/data\/story-.*\.json$/, async (r) => {
    await held;
    await r.continue();
  });
  // By the time the page is parsed, an eager image has been asked for.
  await page.goto(fixtureStoryPath(), { waitUntil: 'domcontentloaded' });
  await expect(page.locator('article.step').first()).toBeVisible();
  expect(fetched).toEqual([]);
  release();
  const first = (await steps(page))[0]!.id;
  await settled(page, first);
  await page.evaluate(() => window.storyMap!.ready);
  await expect.poll(() => unloadedStaticMaps(page)).toEqual([]);
  expect(new Set(fetched).size).toBe(await page.locator('.step-static-map img').count());
});

test('with storage blocked (a sandboxed embed), the motion toggle still stops flying', async ({ page }) => {
  test.setTimeout(180_000);
  await page.addInitScript(() => {
    const deny = () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    };
    Object.defineProperty(window, 'localStorage', { get: deny, configurable: true });
  });
  const { all } = await open(page);
  expect(
    await page.evaluate(() => {
      try {
        return Boolean(localStorage);
      } catch {
        return 'blocked';
      }
    }),
  ).toBe('blocked');
  const toggle = page.getByRole('button', { name: 'Reduce motion' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const moves = await recordMoves(page);
  for (const i of [1, 2]) {
    await page.getByRole('button', { name: 'Next step' }).click();
    await settled(page, all[i]!.id);
    await expectCamera(page, all[i]!);
  }
  const frames = await moves();
  expect(frames.length, 'the camera moved').toBeGreaterThan(0);
  expect(Math.max(...frames), 'in one jump each time').toBe(1);
  // And it can be turned off again.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
});

for (const width of [320, 390, 768, 1280, 1920]) {
  test(`at ${width} px the Embed dialog fits its content and its preview is inert`, async ({ page }) => {
    await page.setViewportSize({ width, height: width < 900 ? 800 : 900 });
    await page.goto(fixtureStoryPath());
    await page.getByRole('button', { name: 'Embed this story' }).click();
    const dialog = page.getByRole('dialog', { name: 'Embed this story' });
    await expect(dialog).toBeVisible();
    const fit = await dialog.evaluate((d) => {
      const box = d.getBoundingClientRect();
      const inner = d.querySelector('form')!;
      const cut = [...d.querySelectorAll<HTMLElement>('select, textarea, label, iframe, button')]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.left < box.left - 0.5 || r.right > box.right + 0.5;
        })
        .map((el) => el.id || el.className || el.tagName);
      return {
        inWindow: box.left >= 0 && box.right <= window.innerWidth,
        scrollsSideways: inner.scrollWidth > inner.clientWidth + 1 || d.scrollWidth > d.clientWidth + 1,
        cut,
      };
    });
    expect(fit).toEqual({ inWindow: true, scrollsSideways: false, cut: [] });
    // The preview is a picture of the result: nothing in it takes focus or is read out.
    await expect(dialog.locator('iframe.embed-preview')).toHaveAttribute('inert', '');
    const tree = await page.locator('.embed-dialog').ariaSnapshot();
    expect(tree).not.toContain('Story steps');
    const stops: string[] = [];
    await dialog.getByLabel('From', { exact: true }).focus();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      stops.push(
        await page.evaluate(() =>
          document.activeElement?.closest('.embed-dialog')
            ? document.activeElement!.className ||
              document.activeElement!.id ||
              document.activeElement!.tagName
            : 'outside',
        ),
      );
    }
    expect(stops).not.toContain('embed-preview');
    expect(stops).toContain('embed-close');
  });
}

test('no accessibility violations (axe, WCAG 2.2 A and AA) on the story, the embed page and the index', async ({
  page,
}) => {
  const watch = watchPage(page);
  const { path } = await open(page);
  const rules = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
  const story = await new AxeBuilder({ page }).withTags(rules).analyze();
  expect(
    story.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
  await page.getByRole('button', { name: 'Embed this story' }).click();
  const dialog = await new AxeBuilder({ page }).include('.embed-dialog').withTags(rules).analyze();
  expect(
    dialog.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
  await page.goto(`/embed${path}`);
  await page.waitForFunction(() => window.storyMap?.map);
  const embed = await new AxeBuilder({ page }).withTags(rules).analyze();
  expect(
    embed.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
  await page.goto('/');
  const index = await new AxeBuilder({ page }).withTags(rules).analyze();
  expect(
    index.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);
  expect(watch.errors).toEqual([]);
});
