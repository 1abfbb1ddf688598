/** The static SVG map of a step: same places, same emphasis, framed like the live map. */
import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/story/check-content';
import { resolveSteps } from '../../src/story/resolve-steps';
import { displayFeature, storyGeoJson } from '../../src/story/display';
import { renderStaticMap, STATIC_MAP, staticMapRegion } from '../../src/static-map/render-svg';
import { countryOutlines } from '../../src/geo/countries';
import { site, step } from './helpers';

const c = checkContent(
  site({
    'stories/s/010-one.md': step({ show: '[town-b]' }),
    'stories/s/020-two.md': step({
      date: '2019-12-28',
      camera: undefined,
      fit: '[area-c, town-b]',
      highlight: '[area-c]',
    }),
  }),
);
const steps = resolveSteps(c.stories[0]!, c.features);
const geojson = storyGeoJson(c.features);
const labels = c.features
  .map((f) => displayFeature(f))
  .map((p) => ({
    id: p.id,
    label: p.label,
    at: p.labelAt,
    kind: p.kind,
    area: p.approximate && p.precision_m >= 10000,
    schematic: p.schematic,
  }));
const countries = countryOutlines(staticMapRegion(steps.map((s) => s.state)));
const render = (i: number) =>
  renderStaticMap({
    state: steps[i]!.state,
    countries,
    story: geojson,
    labels,
    title: `Map: ${steps[i]!.title}`,
  });

/** Every number pair of the circles and labels, to check they fall inside the picture. */
const circles = (svg: string) =>
  [...svg.matchAll(/<circle cx="([-\d.]+)" cy="([-\d.]+)" r="(\d+)"/g)].map((m) => ({
    x: +m[1]!,
    y: +m[2]!,
    r: +m[3]!,
  }));

describe('renderStaticMap', () => {
  test('an SVG image with an accessible name, land and borders', () => {
    const svg = render(0);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('role="img" aria-label="Map: One"');
    expect(svg).toMatch(/<path d="M[^"]+" fill="#f3f0e8"\/>/);
    expect(svg).toContain('Country outlines: Natural Earth');
  });

  test('the visible places are drawn and labelled; the highlighted one is ringed', () => {
    const svg = render(0);
    expect(svg).toContain('>Town A</text>');
    // Town B is 300 km away from the camera on Town A: drawn only if in the frame, never outside it.
    for (const p of circles(svg)) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.x).toBeLessThanOrEqual(STATIC_MAP.width);
    }
    expect(circles(svg).filter((p) => p.r === 9)).toHaveLength(1);
  });

  test('a framed step shows everything it frames, the approximate area as a dashed area', () => {
    const svg = render(1);
    expect(svg).toContain('>C (approximate area)</text>');
    expect(svg).toContain('>Town B</text>');
    expect(svg).toMatch(/stroke-dasharray="6 4"/);
    const points = circles(svg);
    expect(points.length).toBeGreaterThan(0);
    for (const p of points) {
      expect(p.x).toBeGreaterThanOrEqual(STATIC_MAP.padding - 1);
      expect(p.x).toBeLessThanOrEqual(STATIC_MAP.width - STATIC_MAP.padding + 1);
      expect(p.y).toBeGreaterThanOrEqual(STATIC_MAP.padding - 1);
      expect(p.y).toBeLessThanOrEqual(STATIC_MAP.height - STATIC_MAP.padding + 1);
    }
  });

  test("a label's other languages are drawn on lines under it, tagged with their language", () => {
    const bilingual = labels.map((l) =>
      l.id === 'town-a' ? { ...l, alt: [{ lang: 'ar', text: 'البلدة أ' }] } : l,
    );
    const svg = renderStaticMap({
      state: steps[0]!.state,
      countries,
      story: geojson,
      labels: bilingual,
      title: 'T',
    });
    const en = /<text x="([\d.]+)" y="([\d.]+)"[^>]*>Town A<\/text>/.exec(svg)!;
    const ar = /<text x="([\d.]+)" y="([\d.]+)"[^>]*xml:lang="ar">البلدة أ<\/text>/.exec(svg)!;
    expect(ar, svg).not.toBeNull();
    expect(ar[1]).toBe(en[1]);
    expect(Number(ar[2]) - Number(en[2])).toBe(14);
  });

  test('text from the data is escaped', () => {
    const evil = labels.map((l) => (l.id === 'town-a' ? { ...l, label: '<script>x</script> & co' } : l));
    const svg = renderStaticMap({
      state: steps[0]!.state,
      countries,
      story: geojson,
      labels: evil,
      title: 'A "quoted" title',
    });
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;x&lt;/script&gt; &amp; co');
    expect(svg).toContain('aria-label="A &quot;quoted&quot; title"');
  });
});
