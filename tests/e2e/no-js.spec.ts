/** A browser without JavaScript: the header, every step's text, date, sources and static map. */
import { expect, test } from '@playwright/test';
import { fixtureStoryPath } from './helpers';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test("the story is complete: header, every step's text, date, sources and a static map that loads", async ({
    page,
    request,
  }) => {
    await page.goto(fixtureStoryPath());
    await expect(page.locator('h1')).toBeVisible();
    await expect(page.locator('#sources-and-methods')).toBeAttached();
    await expect(page.locator('.map-panel')).toBeHidden();
    const articles = page.locator('article.step');
    const n = await articles.count();
    expect(n).toBeGreaterThan(1);
    for (let i = 0; i < n; i++) {
      const a = articles.nth(i);
      await expect(a.locator('.step-title')).not.toBeEmpty();
      await expect(a.locator('.step-body')).toBeVisible();
      await expect(a.locator('time.step-date')).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}/);
      await expect(a.locator('.step-sources a').first()).toBeAttached();
      await expect(a.locator('.step-static-map')).toBeVisible();
      const src = await a.locator('.step-static-map img').getAttribute('src');
      const r = await request.get(src!);
      expect(r.status()).toBe(200);
      expect(r.headers()['content-type']).toContain('image/svg+xml');
      expect(await r.text()).toContain('<svg');
    }
  });
});
