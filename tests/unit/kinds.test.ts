import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/story/check-content';
import { formatIssue } from '../../src/core/issues';
import { resolveSteps } from '../../src/story/resolve-steps';
import { storyGeoJson } from '../../src/story/display';
import { storyKinds } from '../../src/story/kinds';
import { GEO, site, step, STORY_MD } from './helpers';

const KNOWN =
  'airport, area, base, bridge, building, capital, city, country, crossing, embassy, incident, label, landmark, place, river, route, square, town, water, zone';

/** The helpers' site with one more place, of the given kind, that the step shows. */
function withPlace(kind: string, storyMd = STORY_MD, extra: Record<string, string> = {}) {
  const geo = JSON.parse(GEO) as { features: unknown[] };
  geo.features.push({
    type: 'Feature',
    id: 'old-lighthouse',
    properties: { name: 'Old lighthouse', kind, source: 'fixture', precision_m: 50 },
    geometry: { type: 'Point', coordinates: [41.2, 34.3] },
  });
  return site({
    'geo/places.geojson': JSON.stringify(geo, null, 2),
    'stories/s/story.md': storyMd,
    'stories/s/010-one.md': step({ show: '[old-lighthouse, town-a]', highlight: '[]' }),
    ...extra,
  });
}

const withKinds = (kinds: string) => STORY_MD.replace('sources:', `kinds:\n${kinds}\nsources:`);

describe('kinds of place', () => {
  test('an unknown kind is an error naming the known kinds and the nearest one', () => {
    const c = checkContent(withPlace('lanmark'));
    expect(c.issues.map(formatIssue)).toEqual([
      `geo/places.geojson:58 properties.kind — "lanmark" is not a known kind (the nearest is "landmark") — the kinds are ${KNOWN} — use one of them, or declare it under kinds: in stories/s/story.md`,
    ]);
    expect(c.issues[0]!.severity).toBe('error');
  });

  test("a kind the story declares is known, and the legend speaks the story's words", () => {
    const md = withKinds('  lighthouse: { label: Lighthouse, like: landmark, color: "#0b6e69" }');
    const c = checkContent(withPlace('lighthouse', md));
    expect(c.issues).toEqual([]);
    const [s] = resolveSteps(c.stories[0]!, c.features);
    expect(s!.state.legend.map((l) => [l.label, l.color, l.symbol])).toEqual([
      ['Lighthouse', '#0b6e69', 'point'],
      ['Town', '#333333', 'point'],
    ]);
    const kinds = storyKinds(c.stories[0]!.data.kinds);
    const map = storyGeoJson(c.features, kinds).features.find((f) => f.properties.ref === 'old-lighthouse');
    expect(map!.properties.color).toBe('#0b6e69');
  });

  test("a story can rename an engine kind in its legend; another story keeps the engine's word", () => {
    const md = withKinds('  town: { label: Fishing village }');
    const c = checkContent(
      withPlace('landmark', md, {
        'stories/t/story.md': STORY_MD,
        'stories/t/010-one.md': step({ show: '[town-a]', highlight: '[]' }),
      }),
    );
    expect(c.issues).toEqual([]);
    const legend = (slug: string) =>
      resolveSteps(
        c.stories.find((s) => s.slug === slug)!,
        c.features,
      )[0]!.state.legend.map((l) => l.label);
    expect(legend('s')).toEqual(['Landmark', 'Fishing village']);
    expect(legend('t')).toEqual(['Town']);
  });

  test('a kind declared by one story is unknown to another that shows the place', () => {
    const c = checkContent(
      withPlace('lighthouse', withKinds('  lighthouse: { like: landmark }'), {
        'stories/t/story.md': STORY_MD,
        'stories/t/010-one.md': step({ show: '[old-lighthouse]', highlight: '[]' }),
      }),
    );
    expect(c.issues.map(formatIssue)).toEqual([
      `geo/places.geojson:58 properties.kind — "lighthouse" is not a known kind — the kinds are ${KNOWN} — use one of them, or declare it under kinds: in stories/t/story.md`,
    ]);
  });

  test('like must name an engine kind', () => {
    const c = checkContent(withPlace('lighthouse', withKinds('  lighthouse: { like: lanmark }')));
    expect(c.issues.map(formatIssue)).toEqual([
      `stories/s/story.md:7 kinds.lighthouse.like — "lanmark" is not one of the engine's kinds (the nearest is "landmark") — like names one of ${KNOWN}`,
    ]);
  });

  test('a country is drawn as its outline, never as an uncertainty circle', () => {
    const geo = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'far-country',
          properties: { name: 'Chile', kind: 'country', source: 'fixture', precision_m: 50000 },
          geometry: { type: 'Point', coordinates: [-70.6, -33.4] },
        },
      ],
    });
    const c = checkContent(
      site({
        'geo/country.geojson': geo,
        'stories/s/010-one.md': step({ show: '[far-country]', highlight: '[]' }),
      }),
    );
    expect(c.issues).toEqual([]);
    const drawn = storyGeoJson(c.features.filter((f) => f.id === 'far-country')).features;
    expect(drawn.map((f) => [f.id, f.properties.draw, f.geometry.type])).toEqual([
      ['far-country', 'shape', 'MultiPolygon'],
    ]);
    const [s] = resolveSteps(c.stories[0]!, c.features);
    expect(s!.state.legend.map((l) => [l.label, l.symbol])).toEqual([['Country', 'outline']]);
    // Chile reaches from the Atacama to Cape Horn: the outline, not a 50 km disc.
    expect(s!.alt).toBe('Marked on the map: Chile.');
  });
});
