/**
 * The one snippet an educator pastes: a plain iframe, or the variant that adds the
 * optional host script. Used by the Embed dialog and the oEmbed files.
 */
export interface SnippetOptions {
  /** Absolute URL of the embed page, query string included. */
  src: string;
  /** The iframe's accessible name. */
  title: string;
  height?: number;
  /** Absolute URL of the host script: adds it, and marks the frame for it. */
  script?: string;
}

/** A frame tall enough for the map and a step's text on most screens. */
export const EMBED_HEIGHT = 640;

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function iframeSnippet({ src, title, height = EMBED_HEIGHT, script }: SnippetOptions): string {
  const frame = `<iframe ${script ? 'data-storymap ' : ''}src="${attr(src)}" title="${attr(title)}" width="100%" height="${height}" style="border:0" loading="lazy" allow="fullscreen"></iframe>`;
  return script ? `${frame}\n<script src="${attr(script)}" async></script>` : frame;
}

/** The embed page URL for a story, with only the options that differ from the defaults. */
export function embedUrl(
  siteBase: string,
  slug: string,
  options: { step?: string; from?: string; to?: string; nav?: string } = {},
): string {
  const url = new URL(`embed/${slug}/`, siteBase);
  for (const [k, v] of Object.entries(options)) if (v) url.searchParams.set(k, v);
  return url.href;
}
