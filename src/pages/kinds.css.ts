/**
 * Legend swatch colours, generated from the same table the map uses (src/story/kinds.ts),
 * as a static stylesheet so no inline style is needed (Content-Security-Policy).
 */
import type { APIRoute } from 'astro';
import { FALLBACK_KIND, HIGHLIGHT_COLOR, KINDS } from '../story/kinds';

export const GET: APIRoute = () => {
  const rules = Object.entries(KINDS).map(([kind, s]) => `[data-kind="${kind}"]{--kind-color:${s.color}}`);
  rules.unshift(
    `[data-kind]{--kind-color:${FALLBACK_KIND.color}}`,
    `[data-kind="highlight"]{--kind-color:${HIGHLIGHT_COLOR}}`,
  );
  return new Response(rules.join('\n') + '\n', { headers: { 'Content-Type': 'text/css' } });
};
