/**
 * The project's own content passes its checks, and checking never touches a file.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';
import { readContent } from '../../src/site/read-content';
import { formatIssue } from '../../src/core/issues';

const root = fileURLToPath(new URL('../..', import.meta.url));

function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[p] = `${createHash('sha256').update(readFileSync(p)).digest('hex')} ${statSync(p).mtimeMs}`;
    }
  };
  walk(dir);
  return out;
}

test('stories/ and geo/ have no errors or warnings', async () => {
  const content = await readContent(root);
  expect(content.issues.map(formatIssue)).toEqual([]);
  expect(content.stories.length).toBeGreaterThan(0);
});

test('checking leaves every file byte for byte and mtime for mtime as it was', async () => {
  const before = {
    ...fingerprint(join(root, 'stories')),
    ...fingerprint(join(root, 'geo')),
    ...fingerprint(join(root, 'tests/fixtures')),
  };
  await readContent(root);
  for (const dir of ['content', 'broken']) {
    for (const c of readdirSync(join(root, 'tests/fixtures', dir)))
      await readContent(join(root, 'tests/fixtures', dir, c));
  }
  const after = {
    ...fingerprint(join(root, 'stories')),
    ...fingerprint(join(root, 'geo')),
    ...fingerprint(join(root, 'tests/fixtures')),
  };
  expect(after).toEqual(before);
});
