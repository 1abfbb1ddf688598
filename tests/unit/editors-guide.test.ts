/**
 * stories/README.md is generated from the schemas and the pinned messages: it must
 * match what `npm run docs` would write today, so the guide never drifts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { MESSAGES } from '../../src/core/messages';
import { docComments, renderGuide } from '../../src/docs/editors-guide';
import { readContent } from '../../src/site/read-content';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('stories/README.md is up to date (else run npm run docs)', () => {
  expect(
    readFileSync(join(root, 'stories/README.md'), 'utf8'),
    'stories/README.md is out of date: run npm run docs',
  ).toBe(renderGuide(root));
});

test('the guide lists every step field with its doc comment, and every message of the catalogue', () => {
  const guide = renderGuide(root);
  expect(guide).toContain(
    '| `camera` | this or `fit` |  | A fixed view: `{ center: [longitude, latitude], zoom, bearing?, pitch? }`. Use this or `fit`. |',
  );
  expect(guide).toContain('| `transition` | no | `fly` |');
  expect(guide).toContain(
    "| `camera.swapped-center` | error | [45.44, 12.33] lands in the sea, 3550 km from this story's places and reads as [latitude, longitude] | center is [longitude, latitude], so write [12.33, 45.44] |",
  );
  for (const id of Object.keys(MESSAGES)) expect(guide, id).toContain(`| \`${id}\` |`);
  expect(guide).not.toMatch(/<!-- (fields:|messages)/);
});

test('doc comments are read field by field', () => {
  const src =
    'export const A = z.object({\n  /** One\n   * two. */\n  a: z.string(),\n  /** Three. */\n  b_c: z.number(),\n});\nexport const B = 1;';
  expect(docComments(src, 'A')).toEqual([
    ['a', 'One two.'],
    ['b_c', 'Three.'],
  ]);
});

test('the guide in stories/ is not taken for a story', async () => {
  const content = await readContent(root);
  expect(content.stories.map((s) => s.file)).not.toContain('stories/README.md');
  expect(content.issues).toEqual([]);
});
