/**
 * Build only: a `<link rel="modulepreload">` for the live map's chunk (MapLibre and the
 * controller, ~300 KB gzipped) in the head of every page with a <story-map>. The chunk is
 * imported only once the text has painted (src/client/map-loader.ts); without the hint the
 * browser starts fetching it only then, and on a throttled phone the map opened about a
 * second after a bare MapLibre page with the same basemap (npm run bench). The hint only
 * fetches and parses: the map's code still runs when the import asks for it, after the text.
 * The chunk's hashed name is known only once Vite has written it, hence the two hooks.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The module the dynamic import loads: its chunk, and the chunks that chunk imports. */
const MAP_MODULE = /\/src\/map\/controller\.ts$/;

/** The head's links, one per file, in the order the browser should fetch them. */
export function preloadLinks(base: string, files: readonly string[]): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return files.map((f) => `<link rel="modulepreload" href="${prefix}${f}">`).join('');
}

/** Adds the links at the end of a story page's head; other pages are returned as they are. */
export function withPreload(html: string, links: string): string {
  if (!links || !html.includes('<story-map') || html.includes(links)) return html;
  const end = html.indexOf('</head>');
  return end < 0 ? html : html.slice(0, end) + links + html.slice(end);
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => join(e.parentPath, e.name));
}

export default function mapPreload(): AstroIntegration {
  let files: string[] = [];
  let base = '/';
  return {
    name: 'storymap-map-preload',
    hooks: {
      'astro:config:setup': ({ config, updateConfig }) => {
        base = config.base;
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'storymap-map-chunk',
                apply: 'build',
                generateBundle(_options, bundle) {
                  for (const chunk of Object.values(bundle))
                    if (
                      chunk.type === 'chunk' &&
                      chunk.facadeModuleId &&
                      MAP_MODULE.test(chunk.facadeModuleId)
                    )
                      files = [chunk.fileName, ...chunk.imports];
                },
              },
            ],
          },
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        if (files.length === 0) {
          logger.warn('no chunk for src/map/controller.ts: story pages get no modulepreload for the map');
          return;
        }
        const links = preloadLinks(base, files);
        for (const file of htmlFiles(fileURLToPath(dir))) {
          const html = readFileSync(file, 'utf8');
          const out = withPreload(html, links);
          if (out !== html) writeFileSync(file, out);
        }
      },
    },
  };
}
