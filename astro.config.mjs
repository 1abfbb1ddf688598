// @ts-check
import { defineConfig } from 'astro/config';
import cameraPicker from './src/integrations/camera-picker.ts';
import { customMedia } from './src/styles/breakpoints.ts';
import { siteFromEnv, siteWarning } from './src/site/urls.ts';

const site = siteFromEnv(process.env.SITE);
import contentErrors from './src/integrations/content-errors.ts';
import basemapDir from './src/integrations/basemap-dir.ts';
import mapPreload from './src/integrations/map-preload.ts';

// Static output: every story is plain HTML plus hashed assets, hostable anywhere.
export default defineConfig({
  output: 'static',
  // SITE: the origin the site is served from (oEmbed and canonical links need it; without it
  // they are left out, with one warning). BASE: a sub-path (e.g. BASE=/stories/).
  site,
  base: process.env.BASE ?? '/',
  trailingSlash: 'ignore',
  server: { host: '127.0.0.1', port: 4321 },
  devToolbar: { enabled: false },
  // Content-Security-Policy on every page: Astro hashes its scripts and styles, nothing
  // inline runs unhashed, and nothing loads from another origin. (frame-ancestors cannot
  // be set from a <meta>: see public/_headers for hosts that read it.)
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "font-src 'self'",
        "frame-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
      ],
      styleDirective: { resources: ["'self'"] },
      scriptDirective: { resources: ["'self'"] },
    },
  },
  // `npm run dev` only: the camera picker writes a step's camera into its file, and
  // content errors show in the browser until they are fixed. siteWarning: one line at
  // build time when SITE is not set. basemapDir: STORYMAP_BASEMAP_DIR builds with another
  // basemap folder than public/basemap (tests use it). mapPreload: story pages fetch the map's
  // chunk with the page, and run it after the text.
  integrations: [cameraPicker(), contentErrors(), siteWarning(site), basemapDir(), mapPreload()],
  build: { inlineStylesheets: 'never' },
  // Stories are prose: no code to highlight, and Shiki's inline styles would break the
  // CSP above (Astro warned about it on every build).
  markdown: { syntaxHighlight: false },
  vite: {
    // MapLibre GL is one ~1.1 MB chunk by design, loaded after the text is on screen:
    // Vite's 500 kB warning would print on every build with nothing an editor can do.
    build: { assetsInlineLimit: 0, chunkSizeWarningLimit: 1500 },
    // `@media (--narrow)` and the other breakpoints, written once in src/core/layout.ts
    // (expanded by src/styles/breakpoints.ts).
    plugins: [customMedia()],
  },
});
