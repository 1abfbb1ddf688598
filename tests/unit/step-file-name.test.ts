/** The step file name offered when a file in a story folder is not named NNN-name.md. */
import { expect, test } from 'vitest';
import { STEP_FILE, stepFileName } from '../../src/story/check-content';
import { decodeUtf8 } from '../../src/content/read/utf8';

test.each([
  ['01930-second-day-x5.md', '045-second-day-x5.md'],
  ['Notes on K1.md', '045-notes-on-k1.md'],
  ['2 Second day.md', '002-second-day.md'],
  ['010 - Start.MD', '010-start.md'],
  ['ÉÉ.md', '045-name.md'],
])('"%s" → %s, a name the check accepts', (written, offered) => {
  expect(stepFileName(written)).toBe(offered);
  expect(STEP_FILE.test(stepFileName(written))).toBe(true);
});

test('a file saved in Windows-1252 is found at the line of its first non-UTF-8 byte', () => {
  const bytes = Uint8Array.from([...Buffer.from('---\ntitle: ok ’\n'), 0x43, 0x61, 0x66, 0xe9, 0x0a]);
  expect(decodeUtf8(bytes).notUtf8).toEqual({ line: 3, byte: 0xe9 });
  expect(decodeUtf8(Buffer.from('---\ntitle: Café ’ 😀\n')).notUtf8).toBeUndefined();
  // Overlong and surrogate encodings are not UTF-8 either.
  expect(decodeUtf8(Uint8Array.from([0xc0, 0xaf])).notUtf8).toEqual({ line: 1, byte: 0xc0 });
  expect(decodeUtf8(Uint8Array.from([0xed, 0xa0, 0x80])).notUtf8).toEqual({ line: 1, byte: 0xed });
});
