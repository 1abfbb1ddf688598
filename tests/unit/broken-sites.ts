/**
 * The broken fixtures: every folder under tests/fixtures/broken/ is a small site with
 * mistakes (stories/ and geo/, and an `extra/` content root where the mistake needs two
 * roots), read the way `npm run check` reads a site.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readSite } from '../../src/site/read-content';
import type { Content } from '../../src/story/check-content';

export const brokenDir = fileURLToPath(new URL('../fixtures/broken/', import.meta.url));

export const brokenFixtures = readdirSync(brokenDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

export function readFixture(name: string): Promise<Content> {
  const dir = join(brokenDir, name);
  return readSite(dir, existsSync(join(dir, 'extra')) ? ['extra'] : []);
}
