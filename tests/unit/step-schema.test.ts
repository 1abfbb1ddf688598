/**
 * The exact messages an editor sees for mistakes in a step's frontmatter. They are
 * the editors' interface: a change here is a change to the product, made on purpose.
 */
import { describe, expect, test } from 'vitest';
import { checkContent } from '../../src/story/check-content';
import { formatIssue } from '../../src/core/issues';
import { site, step } from './helpers';

const report = (fields: Record<string, string | undefined>, name = '010-one.md') =>
  checkContent(site({ [`stories/s/${name}`]: step(fields) }))
    .issues.filter((i) => i.severity === 'error')
    .map(formatIssue);

describe('step frontmatter errors name the file, line, field and the fix', () => {
  test('a valid step has no issues', () => {
    expect(checkContent(site()).issues).toEqual([]);
  });

  test('missing title', () => {
    expect(report({ title: undefined })).toEqual([
      'stories/s/010-one.md:2 title — title is required — add a short heading for the step',
    ]);
  });

  test('center out of range says the order is [longitude, latitude]', () => {
    expect(report({ camera: '{ center: [33.3, 244.4], zoom: 8 }' })).toEqual([
      'stories/s/010-one.md:4 camera.center[1] — latitude 244.4 is outside -90…90 — center is [longitude, latitude]; did you swap them?',
    ]);
  });

  test('center that is not a pair', () => {
    expect(report({ camera: '{ center: 44.4, zoom: 8 }' })).toEqual([
      'stories/s/010-one.md:4 camera.center — center is not a pair of numbers — write [longitude, latitude], e.g. [44.4, 33.3]',
    ]);
  });

  test('zoom out of range', () => {
    expect(report({ camera: '{ center: [44.4, 33.3], zoom: 30 }' })).toEqual([
      'stories/s/010-one.md:4 camera.zoom — zoom is above 22 — use 0 to 22 (0 is the whole world, 16 a city block)',
    ]);
  });

  test('camera and fit together', () => {
    expect(report({ fit: '[town-a]' })).toEqual([
      'stories/s/010-one.md:7 fit — camera and fit are both set — keep one (camera for a fixed view, fit to frame features)',
    ]);
  });

  test('neither camera nor fit', () => {
    expect(report({ camera: undefined })).toEqual([
      'stories/s/010-one.md:2 camera — camera or fit is required — add camera: { center: [longitude, latitude], zoom } or fit: [feature ids]',
    ]);
  });

  test('unknown field suggests the nearest known name', () => {
    expect(report({ hightlight: '[town-a]' })).toEqual([
      'stories/s/010-one.md:7 hightlight — unknown field (did you mean "highlight"?) — remove it or correct its name',
    ]);
  });

  test('a time without an offset', () => {
    expect(report({ date: '2019-12-27T19:20' })).toEqual([
      'stories/s/010-one.md:3 date — date is not ISO 8601 — write 2024-03-05, or 2024-03-05T14:30+01:00 with the local time and its offset (a time needs an offset)',
    ]);
  });

  test('a day that does not exist', () => {
    expect(report({ date: '2019-02-30' })).toEqual([
      'stories/s/010-one.md:3 date — date is not a real calendar day — check the month and the day',
    ]);
  });

  test('transition not in the list', () => {
    expect(report({ transition: 'zoom' })).toEqual([
      'stories/s/010-one.md:7 transition — transition is not fly, ease or jump — use one of those three',
    ]);
  });

  test('a step with no source', () => {
    expect(report({ sources: '[]' })).toEqual([
      'stories/s/010-one.md:6 sources — sources needs at least one key from story.md — every step cites where its facts come from',
    ]);
  });

  test('a source key the story does not define', () => {
    expect(report({ sources: '[wires]' })).toEqual([
      'stories/s/010-one.md:6 sources[0] — "wires" is not a source of this story (did you mean "wire"?) — add it to the sources in stories/s/story.md, or use one of its keys',
    ]);
  });

  test('a feature id that is not in geo/, with the nearest id', () => {
    expect(report({ highlight: '[town-aa]' })).toEqual([
      'stories/s/010-one.md:5 highlight[0] — no feature has the id "town-aa" in geo/ (did you mean "town-a"?) — use an id from geo/*.geojson',
    ]);
  });

  test('YAML that does not parse gives its line', () => {
    expect(report({ title: '"One' })).toEqual([
      "stories/s/010-one.md:2 — a bracket or quote is not closed (YAML: Missing closing 'quote) — close it where the value ends",
    ]);
  });

  test('every problem in a file is reported at once', () => {
    const r = report({ title: undefined, transition: 'zoom', highlight: '[nope]', sources: '[]' });
    expect(r).toHaveLength(4);
    expect(r.join('\n')).toContain('title is required');
    expect(r.join('\n')).toContain('transition is not fly, ease or jump');
    expect(r.join('\n')).toContain('"nope"');
    expect(r.join('\n')).toContain('sources needs at least one');
  });

  test('a badly named step file', () => {
    const issues = checkContent(site({ 'stories/s/Notes on K1.md': 'x' })).issues.map(formatIssue);
    expect(issues).toEqual([
      'stories/s/Notes on K1.md — "Notes on K1.md" is not a step file name — name steps NNN-name.md (three digits, then lowercase words joined by hyphens, e.g. 045-notes-on-k1.md)',
    ]);
  });

  test('two steps with the same id', () => {
    const issues = checkContent(site({ 'stories/s/020-one.md': step({}) })).issues.map(formatIssue);
    expect(issues).toContain(
      'stories/s/020-one.md — step id "one" is also the id of stories/s/010-one.md — a step\'s id is its file name without the number, so rename one',
    );
  });

  test('dates out of order are a warning, not an error', () => {
    const issues = checkContent(site({ 'stories/s/020-two.md': step({ date: '2019-12-01' }) })).issues;
    expect(issues.map((i) => [i.severity, formatIssue(i)])).toEqual([
      [
        'warning',
        "stories/s/020-two.md:3 date — 2019-12-01 is earlier than the previous step (010-one.md, 2019-12-27T19:20+03:00) — check the date or the file's number",
      ],
    ]);
  });

  test('two places with the same label on one step are a warning: the map would name it twice', () => {
    const point = (id: string) => ({
      type: 'Feature',
      id,
      properties: { name: id, label: 'Green Zone', kind: 'town', source: 'fixture', precision_m: 500 },
      geometry: { type: 'Point', coordinates: [44.4, 33.3] },
    });
    const geo = JSON.stringify({ type: 'FeatureCollection', features: [point('zone'), point('zone-label')] });
    const issues = checkContent(
      site({ 'geo/zone.geojson': geo, 'stories/s/010-one.md': step({ show: '[town-a, zone, zone-label]' }) }),
    ).issues;
    expect(issues.map((i) => [i.severity, formatIssue(i)])).toEqual([
      [
        'warning',
        'stories/s/010-one.md:7 show[2] — "zone-label" and "zone" are both labelled "Green Zone" — the step\'s map would name it twice — leave one of them out',
      ],
    ]);
  });

  test('the same place named twice by name, when there is no label, is warned about once however often the step lists it', () => {
    const point = (id: string) => ({
      type: 'Feature',
      id,
      properties: { name: 'Tahrir Square', kind: 'town', source: 'fixture', precision_m: 500 },
      geometry: { type: 'Point', coordinates: [44.4, 33.3] },
    });
    const geo = JSON.stringify({ type: 'FeatureCollection', features: [point('tahrir'), point('tahrir-2')] });
    const issues = checkContent(
      site({
        'geo/t.geojson': geo,
        'stories/s/010-one.md': step({
          camera: undefined,
          fit: '[tahrir, tahrir-2]',
          highlight: '[tahrir-2]',
        }),
      }),
    ).issues;
    expect(issues.map((i) => [i.severity, formatIssue(i)])).toEqual([
      [
        'warning',
        'stories/s/010-one.md:6 fit[1] — "tahrir-2" and "tahrir" are both labelled "Tahrir Square" — the step\'s map would name it twice — leave one of them out',
      ],
    ]);
  });

  test('a date with seconds and offset stays as written (no time-zone conversion)', () => {
    const c = checkContent(site({ 'stories/s/010-one.md': step({ date: '2019-12-27T19:20:00+03:00' }) }));
    expect(c.issues).toEqual([]);
    expect(c.stories[0]!.steps[0]!.data.date).toBe('2019-12-27T19:20:00+03:00');
  });
});

describe('story.md errors', () => {
  test('a missing story.md', () => {
    const files = site().filter((f) => f.path !== 'stories/s/story.md');
    expect(checkContent(files).issues.map(formatIssue)).toEqual([
      'stories/s/story.md — the story has steps but no story.md — create it with the title, dek, byline, published date and sources',
    ]);
  });

  test('duplicate source keys', () => {
    const text = `---\ntitle: T\ndek: D\nbyline: B\npublished: 2020-01-01\nsources:\n  - { key: wire, publisher: P, title: T }\n  - { key: wire, publisher: Q, title: U }\n---\n`;
    expect(checkContent(site({ 'stories/s/story.md': text })).issues.map(formatIssue)).toEqual([
      'stories/s/story.md:8 sources[1].key — source key "wire" is already used by source 1 — give each source its own key',
    ]);
  });

  test('a source with a bad url and an unknown field', () => {
    const text = `---\ntitle: T\ndek: D\nbyline: B\npublished: 2020-01-01\nsources:\n  - key: wire\n    publisher: P\n    title: T\n    url: example.com/x\n    auther: Z\n---\n`;
    expect(checkContent(site({ 'stories/s/story.md': text })).issues.map(formatIssue)).toEqual([
      'stories/s/story.md:10 sources[0].url — url is not a full web address — write it starting with https://',
      'stories/s/story.md:11 sources[0].auther — unknown field — remove it or correct its name',
    ]);
  });
});
