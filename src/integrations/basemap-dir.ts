/**
 * With STORYMAP_BASEMAP_DIR set, the built site's basemap/ is that folder instead of
 * public/basemap (which Astro has already copied): tests build a site with a fixture's
 * street detail this way and the committed archives stay as they are.
 */
import type { AstroIntegration } from 'astro';
import { cpSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { basemapDir } from '../basemap/site-basemap';

export default function basemapDirIntegration(): AstroIntegration {
  return {
    name: 'storymap-basemap-dir',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        if (!process.env.STORYMAP_BASEMAP_DIR?.trim()) return;
        const to = fileURLToPath(new URL('basemap/', dir));
        rmSync(to, { recursive: true, force: true });
        cpSync(basemapDir(), to, { recursive: true });
        logger.info(`basemap/ from ${process.env.STORYMAP_BASEMAP_DIR}`);
      },
    },
  };
}
