/**
 * Legend swatch colours, from each story's kinds (src/story/kinds.ts: the engine's, as
 * the story extends or renames them), as a static stylesheet so no inline style is
 * needed (Content-Security-Policy). A story's rules are scoped to its <story-map>, so
 * two stories may give one kind different colours.
 */
import type { APIRoute } from 'astro';
import { DEFAULT_KINDS, HIGHLIGHT_COLOR, storyKinds } from '../story/kinds';
import { siteStories } from '../site/site-data';

export const GET: APIRoute = async () => {
  const rules = [
    `[data-kind]{--kind-color:${DEFAULT_KINDS.place!.color}}`,
    ...Object.entries(DEFAULT_KINDS).map(([kind, s]) => `[data-kind="${kind}"]{--kind-color:${s.color}}`),
  ];
  for (const story of await siteStories()) {
    const declared = story.loaded.data.kinds ?? {};
    const kinds = storyKinds(declared);
    for (const kind of Object.keys(declared))
      rules.push(
        `[data-story="${story.slug}"] [data-kind="${kind}"]{--kind-color:${kinds.style(kind).color}}`,
      );
  }
  rules.push(`[data-kind="highlight"]{--kind-color:${HIGHLIGHT_COLOR}}`);
  return new Response(rules.join('\n') + '\n', { headers: { 'Content-Type': 'text/css' } });
};
