/**
 * Which basemap folder the site is built with: public/basemap, or the folder named in
 * STORYMAP_BASEMAP_DIR (tests build with a fixture's street detail without touching the
 * committed archives; src/integrations/basemap-dir.ts copies it into the build).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DETAIL_FILE } from './detail-style';

export function basemapDir(env = process.env.STORYMAP_BASEMAP_DIR): string {
  return resolve(env?.trim() || 'public/basemap');
}

/** The site has street-level detail: `npm run basemap -- --detail` wrote it. */
export function siteHasDetail(dir = basemapDir()): boolean {
  return existsSync(join(dir, DETAIL_FILE));
}
