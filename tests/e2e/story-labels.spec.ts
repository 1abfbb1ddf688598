/**
 * The story's labels as a reader sees them, at every step of the flagship and of the fixture story,
 * on a phone and a laptop: no label covers another, and no label or highlighted place lies under the
 * map's orientation overlays (scale bar, locator inset, north arrow). Measured on what is rendered:
 * the labels are HTML, so their boxes are the DOM's.
 */
import { expect, test, type Page } from '@playwright/test';
import { fixtureStoryPath, flagshipStoryPath, scrollToStep, settled, steps } from './helpers';

const SIZES = [
  { width: 390, height: 844 },
  { width: 1366, height: 768 },
];

type R = { left: number; top: number; right: number; bottom: number };

/** What is on the map at the step now: shown story labels, overlays, highlighted places' boxes. */
async function measure(page: Page) {
  return page.evaluate(async () => {
    const host = document.querySelector<HTMLElement>('story-map')!;
    const w = window as unknown as { __storyData?: Promise<unknown> };
    w.__storyData ??= fetch(host.dataset.storyData!).then((r) => r.json());
    const data = (await w.__storyData) as {
      geojson: {
        features: { properties: { ref: string }; geometry: { type: string; coordinates: unknown } }[];
      };
    };
    const box = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    const labels = [
      ...document.querySelectorAll<HTMLElement>('.map-label:not([hidden]):not(.is-collided)'),
    ].map((el) => ({ ref: el.dataset.ref!, box: box(el.getBoundingClientRect()) }));
    const overlays = ['.maplibregl-ctrl-scale', '.map-locator', '.map-north'].flatMap((sel) =>
      [...document.querySelectorAll<HTMLElement>(sel)]
        .filter((el) => !el.hidden && el.getBoundingClientRect().width > 0)
        .map((el) => ({ what: sel, box: box(el.getBoundingClientRect()) })),
    );
    const m = window.storyMap!.map!;
    const rect = m.getContainer().getBoundingClientRect();
    const flat = (c: unknown): number[][] =>
      Array.isArray(c) && typeof c[0] === 'number' ? [c as number[]] : (c as unknown[]).flatMap(flat);
    // A highlighted point by its ring; a line or area by each of its vertices (a small box around it).
    const places = window.storyMap!.activeStep.state.highlight.flatMap((ref: string) =>
      data.geojson.features
        .filter((f) => f.properties.ref === ref)
        .flatMap((f) =>
          flat(f.geometry.coordinates).map(([lng, lat]) => {
            const p = m.project([lng!, lat!]);
            const r = f.geometry.type === 'Point' ? 10 : 2;
            const x = rect.left + p.x;
            const y = rect.top + p.y;
            return { ref, box: { left: x - r, right: x + r, top: y - r, bottom: y + r } };
          }),
        ),
    );
    // Basemap names drawn under an overlay: they give way to it, as to the story's labels.
    const symbols = m
      .getStyle()
      .layers.filter((l) => l.type === 'symbol' && /^(world|region|detail)-/.test(l.id))
      .map((l) => l.id);
    const hidden = overlays.flatMap((o) =>
      m
        .queryRenderedFeatures(
          [
            [o.box.left - rect.left + 1, o.box.top - rect.top + 1],
            [o.box.right - rect.left - 1, o.box.bottom - rect.top - 1],
          ],
          { layers: symbols },
        )
        .map((f) => `${o.what} covers the basemap's ${String(f.properties.name_en ?? f.properties.name)}`),
    );
    return { labels, overlays, places, hidden };
  });
}

const overlaps = (a: R, b: R) =>
  a.left < b.right - 0.5 && a.right > b.left + 0.5 && a.top < b.bottom - 0.5 && a.bottom > b.top + 0.5;

for (const story of ['fixture', 'flagship'] as const)
  for (const size of SIZES)
    test(`${story} at ${size.width}×${size.height}: no story label covers another, and no label or highlighted place is under the scale bar, the inset or the north arrow`, async ({
      page,
    }) => {
      test.setTimeout(300_000);
      await page.setViewportSize(size);
      const path = story === 'fixture' ? fixtureStoryPath() : await flagshipStoryPath(page);
      await page.goto(path);
      const problems: string[] = [];
      const counts: string[] = [];
      for (const step of await steps(page)) {
        await page.evaluate((id) => window.storyMap!.goTo(id), step.id);
        await settled(page, step.id);
        // As a reader has it: the step's text in the middle of the screen (on a phone the map's
        // height follows the scroll).
        await scrollToStep(page, step.id);
        await settled(page, step.id);
        const { labels, overlays, places, hidden } = await measure(page);
        problems.push(...hidden.map((h) => `${step.id}: ${h}`));
        // Reported, not asserted: how many boxes the basemap's labels are placed around at this step.
        const obstacles = await page.evaluate(async () => {
          const source = window.storyMap!.map!.getSource('story-obstacles') as
            { getData(): Promise<{ features: unknown[] }> } | undefined;
          return source ? (await source.getData()).features.length : 0;
        });
        counts.push(`${step.id} ${obstacles}`);
        labels.forEach((a, i) => {
          for (const b of labels.slice(i + 1))
            if (overlaps(a.box, b.box)) problems.push(`${step.id}: label ${a.ref} covers label ${b.ref}`);
        });
        for (const o of overlays) {
          for (const l of labels)
            if (overlaps(l.box, o.box)) problems.push(`${step.id}: ${o.what} covers label ${l.ref}`);
          for (const p of places)
            if (overlaps(p.box, o.box)) problems.push(`${step.id}: ${o.what} covers highlighted ${p.ref}`);
        }
      }
      test.info().annotations.push({ type: 'obstacle boxes', description: counts.join(', ') });
      console.log(`obstacle boxes, ${story} at ${size.width}×${size.height}: ${counts.join(', ')}`);
      expect([...new Set(problems)]).toEqual([]);
    });
