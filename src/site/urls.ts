/**
 * The site's public origin (SITE). oEmbed files, their discovery links and canonical links
 * need absolute URLs; without SITE the build leaves them out rather than invent an origin
 * (a made-up one, such as the preview server's, would ship in every page).
 */
import type { AstroIntegration } from 'astro';

export const SITE_WARNING =
  'SITE is not set: this build leaves out the oEmbed files, their discovery links and canonical links, which need absolute URLs; set SITE to the origin the site is served from (e.g. SITE=https://stories.example.org).';

/** SITE as Astro's `site` option, or undefined when it is unset or empty. */
export function siteFromEnv(value: string | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}

/** Warns once per build (one line) when SITE is unset. */
export function siteWarning(site: string | undefined): AstroIntegration {
  return {
    name: 'storymap:site',
    hooks: {
      'astro:build:start': ({ logger }) => {
        if (!site) logger.warn(SITE_WARNING);
      },
    },
  };
}

/** The site's base path, with a trailing slash. */
export const siteBasePath = (): string => import.meta.env.BASE_URL.replace(/\/?$/, '/');

/** Where a story's map data is served (src/pages/data/[file].ts). */
export const storyDataPath = (fileName: string): string => `${siteBasePath()}data/${fileName}`;

/** The story's oEmbed file, or undefined without SITE (no absolute URL to give). */
export const oembedUrl = (site: URL | undefined, slug: string): string | undefined =>
  site ? new URL(`${siteBasePath()}oembed/${slug}.json`, site).href : undefined;
