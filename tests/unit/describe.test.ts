/**
 * Generated map descriptions read as a person would write a map's caption: places by
 * their short names, a caption-like label turned into a noun phrase, never spliced into
 * a sentence. Five pinned in full.
 */
import { describe, expect, test } from 'vitest';
import type { DisplayFeature } from '../../src/story/display';
import { describeMap, spokenName } from '../../src/story/describe';

/** The legend's words of the kinds below, as a story's kinds: would give them. */
const KIND_WORDS: Record<string, string> = {
  'strike-area': 'U.S. strike area',
  'military-base': 'Military base',
  city: 'City',
  town: 'Town',
};

const place = (
  id: string,
  label: string,
  kind: string,
  labelAt: [number, number],
  more: Partial<DisplayFeature> = {},
): DisplayFeature => ({
  id,
  label,
  kind,
  labelAt,
  precision_m: 100,
  schematic: false,
  approximate: false,
  nameOnly: false,
  kindLabel: KIND_WORDS[kind] ?? kind,
  shape: 'point',
  bbox: [labelAt[0], labelAt[1], labelAt[0], labelAt[1]],
  ...more,
});

const baghdad = place('baghdad', 'Baghdad', 'city', [44.4009, 33.3406]);
const k1 = place('k1', 'K-1 Air Base', 'military-base', [44.2842, 35.5125]);
const kirkuk = place('kirkuk', 'Kirkuk', 'city', [44.3922, 35.4681]);
const alQaim = place('al-qaim', "Al-Qa'im", 'town', [41.0945, 34.3688]);
const abuKamal = place('abu-kamal', 'Abu Kamal', 'town', [40.9185, 34.4523]);
const strikesIraq = place('strikes-iraq', 'U.S. strikes: 3 sites in Iraq', 'strike-area', [41.04, 34.38], {
  precision_m: 15000,
  approximate: true,
});
const strikesSyria = place('strikes-syria', 'U.S. strikes: 2 sites in Syria', 'strike-area', [40.92, 34.45], {
  precision_m: 15000,
  approximate: true,
});
const greenZone = place('green-zone', 'Green Zone', 'zone', [44.39, 33.31], {
  schematic: true,
  precision_m: 500,
});
const embassy = place('embassy', 'U.S. Embassy', 'embassy', [44.3957, 33.2986]);

describe('spokenName', () => {
  test('a name stays a name', () => {
    expect(spokenName(k1, [kirkuk])).toBe('K-1 Air Base');
  });
  test('a caption becomes a noun phrase: its kind near the closest named place within 50 km', () => {
    expect(spokenName(strikesIraq, [baghdad])).toBe('the U.S. strike area');
    expect(spokenName(strikesIraq, [baghdad, abuKamal, alQaim, strikesSyria])).toBe(
      "the U.S. strike area near Al-Qa'im",
    );
    expect(spokenName(strikesSyria, [alQaim, abuKamal])).toBe('the U.S. strike area near Abu Kamal');
  });
});

describe('describeMap (five pinned)', () => {
  test('one place in focus, the first step', () => {
    expect(describeMap([baghdad, k1, kirkuk], [k1], undefined)).toBe(
      'Marked on the map: Baghdad, K-1 Air Base and Kirkuk. In focus: K-1 Air Base.',
    );
  });

  test('the focus moves: where it lies from the last one', () => {
    expect(describeMap([alQaim, baghdad], [alQaim], k1)).toBe(
      "Marked on the map: Al-Qa'im and Baghdad. In focus: Al-Qa'im, about 320 km west-south-west of K-1 Air Base.",
    );
  });

  test('caption-like labels are named by noun phrases, in every sentence', () => {
    const text = describeMap(
      [alQaim, abuKamal, strikesIraq, strikesSyria],
      [strikesIraq, strikesSyria],
      alQaim,
    );
    expect(text).toBe(
      "Marked on the map: Al-Qa'im, Abu Kamal, the U.S. strike area near Al-Qa'im and the U.S. strike area near Abu Kamal. In focus: the U.S. strike area near Al-Qa'im and the U.S. strike area near Abu Kamal. Approximate areas, not exact locations: the U.S. strike area near Al-Qa'im (within about 15 km) and the U.S. strike area near Abu Kamal (within about 15 km).",
    );
    expect(text).not.toContain(':  ');
    expect(text).not.toMatch(/strikes: \d/);
  });

  test('a caption as the previous focus reads as a noun phrase after "of", "near" only a place close by', () => {
    expect(describeMap([baghdad, greenZone], [baghdad], strikesIraq)).toBe(
      'Marked on the map: Baghdad and Green Zone. In focus: Baghdad, about 330 km east-south-east of the U.S. strike area. Drawn schematically: Green Zone.',
    );
  });

  test('schematic outlines are said to be schematic', () => {
    expect(describeMap([greenZone, embassy], [greenZone], undefined)).toBe(
      'Marked on the map: Green Zone and U.S. Embassy. In focus: Green Zone. Drawn schematically: Green Zone.',
    );
  });

  test('an empty map says so', () => {
    expect(describeMap([], [], undefined)).toBe('The map shows the region with no places marked.');
  });
});
