/**
 * Embeds, as a teacher's page on another origin would use them: a plain iframe, a range,
 * the self-sizing script, step messages to the host, and hostile query strings.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import { expect, test, type Frame, type Page } from '@playwright/test';
import { firstStoryPath } from './helpers';

const STORY_ORIGIN = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 4391)}`;
let host: Server;
let hostOrigin = '';
let hostHtml = '';

test.beforeAll(async () => {
  // Another origin: the host page is served from its own port, with pym.js as a newsroom CMS would load it.
  const pym = readFileSync(createRequire(import.meta.url).resolve('pym.js/dist/pym.v1.min.js'));
  host = createServer((req, res) =>
    req.url === '/pym.js'
      ? res.writeHead(200, { 'Content-Type': 'text/javascript' }).end(pym)
      : res.writeHead(200, { 'Content-Type': 'text/html' }).end(hostHtml),
  );
  await new Promise<void>((r) => host.listen(0, '127.0.0.1', () => r()));
  const addr = host.address();
  hostOrigin = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
});
test.afterAll(() => new Promise<void>((r) => host.close(() => r())));

async function slugOf(page: Page) {
  return (await firstStoryPath(page)).replace(/^\/|\/$/g, '');
}

/** A host page with one embed; collects the messages the frame sends. */
async function openHost(page: Page, body: string): Promise<Frame> {
  hostHtml = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course page</title></head><body>
    <h1>Week 3</h1><p style="height:300px">Read the story below.</p>${body}<div style="height:1500px"></div>
    <script>window.received = []; addEventListener('message', (e) => { if (e.data && e.data.type === 'storymap:step') received.push(e.data); });</script>
    </body></html>`;
  await page.goto(`${hostOrigin}/`);
  const frame = page.locator('iframe').first().contentFrame();
  await frame.locator('story-map').waitFor({ state: 'attached' });
  const f = page.frames().find((x) => x.url().startsWith(STORY_ORIGIN))!;
  await f.waitForFunction(() => window.storyMap?.map);
  return f;
}

/** The host sized the frame to the whole story, and the story knows: returns its step ids. */
async function expectHostSized(page: Page, frame: Frame): Promise<string[]> {
  await expect
    .poll(() => page.locator('iframe').evaluate((f: HTMLIFrameElement) => f.getBoundingClientRect().height))
    .toBeGreaterThan(3000);
  await expect(frame.locator('story-map')).toHaveClass(/host-driven/);
  return frame.evaluate(() => window.storyMap!.steps.map((s) => s.id));
}

/** Scrolls the host page until the step's text is 40% down the host's window; that step becomes active. */
async function scrollHostToStep(page: Page, frame: Frame, id: string): Promise<void> {
  const top = await frame
    .locator(`article.step#${id}`)
    .evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  await page.evaluate((t) => {
    const frameTop = document.querySelector('iframe')!.getBoundingClientRect().top + window.scrollY;
    window.scrollTo(0, frameTop + t - window.innerHeight * 0.4);
  }, top);
  await frame.waitForFunction((want) => window.storyMap!.activeStep.id === want, id);
}

test('a plain iframe: scrolling inside and the buttons change steps; the host hears each step', async ({
  page,
}) => {
  const slug = await slugOf(page);
  const frame = await openHost(
    page,
    `<iframe src="${STORY_ORIGIN}/embed/${slug}/" title="Story" width="800" height="600" style="border:0"></iframe>`,
  );
  const steps = await frame.evaluate(() => window.storyMap!.steps.map((s) => ({ id: s.id, title: s.title })));
  await expect(frame.locator('.story-header')).toHaveCount(0);
  await frame
    .locator(`article.step#${steps[2]!.id}`)
    .evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await frame.waitForFunction((id) => window.storyMap!.activeStep.id === id, steps[2]!.id);
  await frame.getByRole('button', { name: 'Next step' }).click();
  await frame.waitForFunction((id) => window.storyMap!.activeStep.id === id, steps[3]!.id);
  await frame.evaluate(() => window.storyMap!.whenIdle());
  const received = await page.evaluate(
    () =>
      (window as unknown as { received: { id: string; index: number; title: string; story: string }[] })
        .received,
  );
  expect(received.at(-1)).toEqual({
    type: 'storymap:step',
    story: slug,
    id: steps[3]!.id,
    index: 3,
    title: steps[3]!.title,
  });
  expect(received.map((r) => r.id)).toContain(steps[2]!.id);
});

test('a range embed shows only its steps, and starts where asked', async ({ page }) => {
  const slug = await slugOf(page);
  await page.goto(`/${slug}/`);
  const ids = await page.evaluate(() => window.storyMap!.steps.map((s) => s.id));
  const [from, step, to] = [ids[4]!, ids[5]!, ids[6]!];
  const frame = await openHost(
    page,
    `<iframe src="${STORY_ORIGIN}/embed/${slug}/?from=${from}&to=${to}&step=${step}" title="Story" width="800" height="600"></iframe>`,
  );
  await expect(frame.locator('article.step:visible')).toHaveCount(3);
  await expect(frame.locator('.timeline li:visible')).toHaveCount(3);
  expect(await frame.evaluate(() => window.storyMap!.activeStep.id)).toBe(step);
  await frame.getByRole('button', { name: 'Next step' }).click();
  await frame.waitForFunction((id) => window.storyMap!.activeStep.id === id, to);
  // The end of the range is the end: Next is marked disabled and the keys stop there.
  await expect(frame.getByRole('button', { name: 'Next step' })).toHaveAttribute('aria-disabled', 'true');
  await frame.locator('body').press('ArrowRight');
  await frame.waitForTimeout(500);
  expect(await frame.evaluate(() => window.storyMap!.activeStep.id)).toBe(to);
});

test('paged navigation shows one step at a time', async ({ page }) => {
  const slug = await slugOf(page);
  const frame = await openHost(
    page,
    `<iframe src="${STORY_ORIGIN}/embed/${slug}/?nav=paged" title="Story" width="800" height="600"></iframe>`,
  );
  await expect(frame.locator('article.step:visible')).toHaveCount(1);
  const first = await frame.evaluate(() => window.storyMap!.steps[1]!.id);
  await frame.getByRole('button', { name: 'Next step' }).click();
  await expect(frame.locator('article.step:visible')).toHaveAttribute('id', first);
});

test('hostile query strings change nothing but fall back to the first step, with a warning', async ({
  page,
}) => {
  const slug = await slugOf(page);
  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  page.on('dialog', (d) => {
    throw new Error(`a dialog opened: ${d.message()}`);
  });
  const evil = encodeURIComponent('"><script>alert(1)</script>');
  await page.goto(`/embed/${slug}/?step=${evil}&from=${'x'.repeat(3000)}&nav=${evil}&to=__proto__`);
  await page.waitForFunction(() => window.storyMap !== undefined);
  const first = await page.evaluate(() => window.storyMap!.steps[0]!.id);
  expect(await page.evaluate(() => window.storyMap!.activeStep.id)).toBe(first);
  await expect(page.locator('article.step:visible')).toHaveCount(await page.locator('article.step').count());
  expect(await page.content()).not.toContain('<script>alert(1)');
  expect(warnings.some((w) => w.startsWith('embed: step='))).toBe(true);
  expect(warnings.some((w) => w.startsWith('embed: nav='))).toBe(true);
});

test("the self-sizing script sizes the frame and the host's scrolling drives the steps", async ({ page }) => {
  const slug = await slugOf(page);
  const frame = await openHost(
    page,
    `<iframe data-storymap src="${STORY_ORIGIN}/embed/${slug}/" title="Story" width="800" height="600" style="border:0"></iframe><script src="${STORY_ORIGIN}/embed.js" async></script>`,
  );
  const steps = await expectHostSized(page, frame);
  await scrollHostToStep(page, frame, steps[3]!);
  // The map stays in the host's window.
  const mapBox = await page.evaluate(() => {
    const f = document.querySelector('iframe')!.getBoundingClientRect();
    return { frameTop: f.top, vh: window.innerHeight };
  });
  const panelTop = await frame.locator('.map-panel').evaluate((el) => el.getBoundingClientRect().top);
  expect(mapBox.frameTop + panelTop).toBeGreaterThanOrEqual(-2);
  expect(mapBox.frameTop + panelTop).toBeLessThan(mapBox.vh);
});

test('a paged embed with the host script stays on its step as the host scrolls; the buttons move it', async ({
  page,
}) => {
  const slug = await slugOf(page);
  const frame = await openHost(
    page,
    `<iframe data-storymap src="${STORY_ORIGIN}/embed/${slug}/?nav=paged" title="Story" width="800" height="600" style="border:0"></iframe><script src="${STORY_ORIGIN}/embed.js" async></script>`,
  );
  await expect(frame.locator('story-map')).toHaveClass(/host-driven/);
  const steps = await frame.evaluate(() => window.storyMap!.steps.map((s) => s.id));
  await page.evaluate(() => window.scrollBy(0, 200));
  await page.waitForTimeout(300);
  expect(await frame.evaluate(() => window.storyMap!.activeStep.id)).toBe(steps[0]);
  await frame.getByRole('button', { name: 'Next step' }).click();
  await expect(frame.locator('article.step:visible')).toHaveAttribute('id', steps[1]!);
  await page.evaluate(() => window.scrollBy(0, 100));
  await page.waitForTimeout(300);
  expect(await frame.evaluate(() => window.storyMap!.activeStep.id)).toBe(steps[1]);
});

test('a pym.js parent sizes the frame, its scrolling drives the steps, and Next scrolls it to the step', async ({
  page,
}) => {
  const slug = await slugOf(page);
  const frame = await openHost(
    page,
    `<div id="story"></div><script src="/pym.js"></script><script>new pym.Parent('story', '${STORY_ORIGIN}/embed/${slug}/', { title: 'Story', trackscroll: true });</script>`,
  );
  const steps = await expectHostSized(page, frame);
  await scrollHostToStep(page, frame, steps[3]!);
  // Next asks pym.js to scroll the host page: the next step's text comes into the host's window.
  await frame.getByRole('button', { name: 'Next step' }).click();
  await frame.waitForFunction((id) => window.storyMap!.activeStep.id === id, steps[4]!);
  const textTop = async () => {
    const stepTop = await frame
      .locator(`article.step#${steps[4]!}`)
      .evaluate((el) => el.getBoundingClientRect().top);
    return page.evaluate((t) => document.querySelector('iframe')!.getBoundingClientRect().top + t, stepTop);
  };
  const vh = await page.evaluate(() => window.innerHeight);
  await expect.poll(textTop).toBeLessThan(vh * 0.5);
  expect(await textTop()).toBeGreaterThanOrEqual(0);
  // And the scroll it caused does not move the reader off the step.
  await page.waitForTimeout(300);
  expect(await frame.evaluate(() => window.storyMap!.activeStep.id)).toBe(steps[4]!);
});

test('a pym.js parent without trackscroll: Next scrolls it to the step, and the map comes along', async ({
  page,
}) => {
  const slug = await slugOf(page);
  const frame = await openHost(
    page,
    `<div id="story"></div><script src="/pym.js"></script><script>new pym.Parent('story', '${STORY_ORIGIN}/embed/${slug}/', { title: 'Story' });</script>`,
  );
  const steps = await expectHostSized(page, frame);
  // Down the story with the buttons alone: the host never tells the frame it scrolled.
  for (const id of steps.slice(1, 4)) {
    await frame.getByRole('button', { name: 'Next step' }).click();
    await frame.waitForFunction((want) => window.storyMap!.activeStep.id === want, id);
  }
  const inHost = async (selector: string) => {
    const r = await frame.locator(selector).evaluate((el) => el.getBoundingClientRect().toJSON());
    return page.evaluate(
      (r) => ({
        top: document.querySelector('iframe')!.getBoundingClientRect().top + r.top,
        vh: window.innerHeight,
      }),
      r,
    );
  };
  await expect.poll(async () => (await inHost(`article.step#${steps[3]!}`)).top).toBeLessThan(400);
  // The map and its buttons are in the host's window, not left at the top of the frame.
  await expect.poll(async () => (await inHost('.story-nav')).top).toBeGreaterThanOrEqual(-2);
  const nav = await inHost('.story-nav');
  expect(nav.top).toBeLessThan(nav.vh);
});

test('a step asked for in the URL stays when the host script sizes the frame, until the host page scrolls', async ({
  page,
}) => {
  const slug = await slugOf(page);
  await page.goto(`/${slug}/`);
  const ids = await page.evaluate(() => window.storyMap!.steps.map((s) => s.id));
  const frame = await openHost(
    page,
    `<iframe data-storymap src="${STORY_ORIGIN}/embed/${slug}/?step=${ids[5]}" title="Story" width="800" height="600" style="border:0"></iframe><script src="${STORY_ORIGIN}/embed.js" async></script>`,
  );
  await expectHostSized(page, frame);
  await page.waitForTimeout(500);
  expect(await frame.evaluate(() => window.storyMap!.activeStep.id)).toBe(ids[5]);
  // Once the reader scrolls the host, its scrolling drives the steps again.
  await scrollHostToStep(page, frame, ids[2]!);
});

test('a frame the host page adds later (an LMS editor, a single-page app) is sized too', async ({ page }) => {
  const slug = await slugOf(page);
  hostHtml = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course page</title></head><body><p>Lesson</p><script src="${STORY_ORIGIN}/embed.js" async></script></body></html>`;
  await page.goto(`${hostOrigin}/`);
  await page.waitForLoadState('load');
  // Unrelated changes first, then the frame, wrapped as an editor would.
  await page.evaluate(() => document.body.append(document.createElement('p')));
  await page.evaluate((src) => {
    const box = document.createElement('div');
    box.innerHTML = `<iframe data-storymap src="${src}" title="Story" width="800" height="600" style="border:0"></iframe>`;
    document.body.append(box);
  }, `${STORY_ORIGIN}/embed/${slug}/`);
  await expect
    .poll(() => page.locator('iframe').evaluate((f: HTMLIFrameElement) => f.getBoundingClientRect().height))
    .toBeGreaterThan(3000);
});

test('the Embed dialog builds the snippet for a range and previews it', async ({ page }) => {
  const slug = await slugOf(page);
  await page.goto(`/${slug}/`);
  const ids = await page.evaluate(() => window.storyMap!.steps.map((s) => s.id));
  await page.getByRole('button', { name: 'Embed this story' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this story' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('From', { exact: true }).selectOption(ids[6]!);
  await dialog.getByLabel('To', { exact: true }).selectOption(ids[8]!);
  const plain = await dialog.getByLabel('Plain iframe').inputValue();
  expect(plain).toBe(
    `<iframe src="${STORY_ORIGIN}/embed/${slug}/?from=${ids[6]}&amp;to=${ids[8]}" title="${await page.locator('h1').innerText()}" width="100%" height="640" style="border:0" loading="lazy" allow="fullscreen"></iframe>`.replace(
      /'/g,
      "'",
    ),
  );
  expect(await dialog.getByLabel('With the self-sizing script').inputValue()).toContain(
    `<script src="${STORY_ORIGIN}/embed.js" async></script>`,
  );
  const preview = page.frameLocator('.embed-preview');
  await expect(preview.locator('article.step:visible')).toHaveCount(3);
  await dialog.getByLabel('To', { exact: true }).selectOption(ids[2]!);
  await expect(dialog.getByRole('alert')).toHaveText('"From" comes after "To": pick a later "To" step.');
});
