/**
 * Errors where the editor looks: in `astro dev` (its own port, a copy of the fixture
 * content, never the real one), a content error replaces the page with the report,
 * and the page comes back by itself once the file is fixed.
 */
import { expect, test } from '@playwright/test';
import { root, startDevServer, type DevServer } from './dev-server';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Beside the camera picker's dev server, never on it: the two specs run one after the other.
const PORT = Number(process.env.E2E_DEV_PORT ?? 4394) + 1;
const URL_ = `http://127.0.0.1:${PORT}`;
const COPY = 'tests/.output/dev-errors-e2e';
const STEP = join(root, COPY, 'stories/harbour/020-port.md');
test.describe.configure({ mode: 'serial' });

let dev: DevServer | undefined;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  dev = await startDevServer({
    port: PORT,
    copy: COPY,
    log: 'dev-errors.log',
    readyPath: '/harbour/',
  });
});

test.afterAll(() => dev?.stop());

test('a misspelt id shows its report in the browser, and the story comes back when it is fixed', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const good = readFileSync(STEP, 'utf8');
  await page.goto(`${URL_}/harbour/`);
  await expect(page.locator('h1')).toHaveText('A harbour story');

  writeFileSync(
    STEP,
    good.replace('show: [harbour-port, harbour-silos]', 'show: [harbour-port, harbour-silo]'),
  );
  await page.reload();
  const report = page.locator('#storymap-content-errors');
  await expect(report.locator('h1')).toHaveText('The story content has 1 error');
  await expect(report.locator('li')).toHaveText([
    `${COPY}/stories/harbour/020-port.md:5 show[1] — no feature has the id "harbour-silo" in geo/ (did you mean "harbour-silos"?) — use an id from geo/*.geojson`,
  ]);

  // Fixed and saved: the page reloads by itself, with the story. Waited for on the page, not on
  // its first load event: on a loaded machine a reload can come before the content is synced.
  writeFileSync(STEP, good);
  await expect(page.locator('h1')).toHaveText('A harbour story', { timeout: 60_000 });
  await expect(report).toHaveCount(0);
});
