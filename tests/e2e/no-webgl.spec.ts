/** A school laptop without WebGL: the story is complete, with static maps. */
import { expect, test } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../chromium';
import { fixtureStoryPath } from './helpers';

// A browser of its own: launch options can only be set for a whole file.
test.use({
  launchOptions: {
    executablePath: findChromium(),
    args: [...CHROMIUM_ARGS, '--disable-webgl', '--disable-webgl2', '--disable-3d-apis'],
  },
});

test.describe('without WebGL', () => {
  test('each step shows its static map, and a notice says why', async ({ page }) => {
    await page.goto(fixtureStoryPath());
    await expect(page.locator('.map-notice')).toHaveText(/needs WebGL/);
    const articles = page.locator('article.step');
    const n = await articles.count();
    expect(n).toBeGreaterThan(1);
    for (let i = 0; i < n; i++) {
      const img = articles.nth(i).locator('.step-static-map img');
      await img.scrollIntoViewIfNeeded();
      await expect(img).toBeVisible();
      await expect
        .poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth))
        .toBeGreaterThan(0);
    }
    // Keys still step through the text. The loop above left the reader near the end (where
    // exactly depends on the window), so start from the top: the first step is current.
    const current = page.locator('.timeline a[aria-current="step"]');
    const ids = await articles.evaluateAll((els) => els.map((el) => el.id));
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(current).toHaveAttribute('href', new RegExp(`#${ids[0]}$`));
    await page.locator('body').press('ArrowRight');
    await expect(current).toHaveAttribute('href', new RegExp(`#${ids[1]}$`));
    await expect(articles.nth(1)).toBeInViewport();
  });
});
