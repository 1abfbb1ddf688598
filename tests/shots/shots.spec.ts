/**
 * Writes shots/<story>/<size>/<nn>-<step>.png for every step of every story on the front
 * page, and shots/<story>/print.pdf, so a person can look through what readers get.
 */
import { mkdirSync } from 'node:fs';
import { test } from '@playwright/test';
import { settled, steps } from '../e2e/helpers';

const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'laptop', width: 1366, height: 768 },
];
const OUT = new URL('../../shots/', import.meta.url).pathname;

test('every step at a phone and a laptop size', async ({ browser }) => {
  const index = await browser.newPage();
  await index.goto('/');
  const hrefs = await index
    .locator('.story-list h2 a')
    .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  await index.close();
  for (const href of hrefs) {
    const story = href.replace(/^\/|\/$/g, '') || 'index';
    for (const size of SIZES) {
      const dir = `${OUT}${story}/${size.name}`;
      mkdirSync(dir, { recursive: true });
      const page = await browser.newPage({ viewport: size, deviceScaleFactor: 1 });
      await page.goto(href);
      const all = await steps(page);
      for (const [i, step] of all.entries()) {
        await page.evaluate((id) => window.storyMap!.goTo(id), step.id);
        await settled(page, step.id);
        // The step's own text at the top of the screen, as a reader scrolling would see it.
        await page.locator(`#${step.id}`).evaluate((el) => el.scrollIntoView({ block: 'center' }));
        await settled(page, step.id);
        await page.screenshot({ path: `${dir}/${String(i + 1).padStart(2, '0')}-${step.id}.png` });
      }
      if (size.name === 'laptop') await page.pdf({ path: `${OUT}${story}/print.pdf` }).catch(() => {});
      await page.close();
    }
  }
});
