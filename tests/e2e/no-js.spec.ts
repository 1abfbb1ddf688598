/** A browser without JavaScript: every step's text and static map. */
import { expect, test } from '@playwright/test';
import { firstStoryPath } from './helpers';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('every step has its text and a static map that loads', async ({ page, request }) => {
    await page.goto(await firstStoryPath(page));
    await expect(page.locator('.map-panel')).toBeHidden();
    const articles = page.locator('article.step');
    const n = await articles.count();
    expect(n).toBeGreaterThan(1);
    for (let i = 0; i < n; i++) {
      const a = articles.nth(i);
      await expect(a.locator('.step-body')).toBeVisible();
      await expect(a.locator('.step-static-map')).toBeVisible();
      const src = await a.locator('.step-static-map img').getAttribute('src');
      const r = await request.get(src!);
      expect(r.status()).toBe(200);
      expect(r.headers()['content-type']).toContain('image/svg+xml');
      expect(await r.text()).toContain('<svg');
    }
  });
});
