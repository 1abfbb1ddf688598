/** Which basemap town a story label doubles: same place, same name give or take a spelling. */
import { describe, expect, test } from 'vitest';
import { basemapTwin } from '../../src/basemap/twins';
import { GAZETTEER as places } from '../../src/basemap/places';

describe('basemapTwin', () => {
  test('a town labelled by the story, on the same spot, is its twin', () => {
    expect(basemapTwin({ label: 'Baghdad', at: [44.40088, 33.34058] }, places)).toBe('Baghdad');
    expect(basemapTwin({ label: 'Kirkuk', at: [44.3922, 35.4681] }, places)).toBe('Kirkuk');
    expect(basemapTwin({ label: "Al-Qa'im", at: [41.0945, 34.3688] }, places)).toBe("Al-Qa'im");
  });

  test('other spellings of the same name count', () => {
    expect(basemapTwin({ label: 'Abu Kamal', at: [40.917, 34.452] }, places)).toBe('Albu Kamal');
    expect(basemapTwin({ label: 'Kuwait', at: [47.98, 29.37] }, places)).toBe('Kuwait City');
  });

  test('a different place nearby, or the same name elsewhere, is not', () => {
    // The embassy and the Green Zone are in Baghdad, not Baghdad.
    expect(basemapTwin({ label: 'U.S. Embassy', at: [44.395, 33.298] }, places)).toBeUndefined();
    // Husaybah lies 10 km from both Al-Qa'im and Albu Kamal.
    expect(basemapTwin({ label: 'Husaybah', at: [41.03, 34.41] }, places)).toBeUndefined();
    // A landmark named after the town it stands in.
    expect(basemapTwin({ label: 'Erbil Citadel', at: [44.0093, 36.1912] }, places)).toBeUndefined();
    // A place called Baghdad, but 50 km away.
    expect(basemapTwin({ label: 'Baghdad', at: [44.9, 33.34] }, places)).toBeUndefined();
  });
});
