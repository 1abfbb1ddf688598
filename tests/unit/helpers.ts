import type { SourceFile } from '../../src/content/read/source-files';

export const STORY_MD = `---
title: T
dek: D
byline: B
published: 2020-01-01
sources:
  - key: wire
    publisher: A wire service
    title: A report
---
Intro.
`;

export const GEO = JSON.stringify(
  {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        id: 'town-a',
        properties: { name: 'Town A', kind: 'town', source: 'fixture', precision_m: 500 },
        geometry: { type: 'Point', coordinates: [44.4, 33.3] },
      },
      {
        type: 'Feature',
        id: 'town-b',
        properties: { name: 'Town B', kind: 'town', source: 'fixture', precision_m: 500 },
        geometry: { type: 'Point', coordinates: [41.1, 34.4] },
      },
      {
        type: 'Feature',
        id: 'area-c',
        properties: {
          name: 'Area C',
          label: 'C',
          kind: 'incident',
          source: 'fixture',
          precision_m: 15000,
        },
        geometry: { type: 'Point', coordinates: [41.0, 34.4] },
      },
    ],
  },
  null,
  2,
);

/** A valid one-story site, with files replaced or added by `extra`. */
export function site(extra: Record<string, string> = {}): SourceFile[] {
  const files: Record<string, string> = {
    'geo/places.geojson': GEO,
    'stories/s/story.md': STORY_MD,
    'stories/s/010-one.md': step({}),
    ...extra,
  };
  return Object.entries(files).map(([path, text]) => ({ path, text }));
}

/** Step file text from frontmatter lines (YAML), with sensible valid defaults. */
export function step(fields: Record<string, string | undefined>, body = 'Text.'): string {
  const defaults: Record<string, string | undefined> = {
    title: 'One',
    date: '2019-12-27T19:20+03:00',
    camera: '{ center: [44.4, 33.3], zoom: 8 }',
    highlight: '[town-a]',
    sources: '[wire]',
  };
  const all = { ...defaults, ...fields };
  const lines = Object.entries(all)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v}`);
  return `---\n${lines.join('\n')}\n---\n${body}\n`;
}
