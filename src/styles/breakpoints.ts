/**
 * The page's breakpoints, written once. CSS can't put a breakpoint in a custom property
 * (media queries don't read them), so stylesheets write custom media queries —
 * `@media (--narrow) { … }` — and `customMedia()`, a Vite plugin in astro.config.mjs,
 * replaces each with its query below at build time. Scripts read the same queries from src/core/layout.ts.
 */
import type { Plugin } from 'vite';
import { BREAKPOINTS } from '../core/layout';

/** `(--name)` in a media query → the query it stands for; an unknown name is an error, not a silent miss. */
export function expandCustomMedia(css: string, file = 'CSS'): string {
  return css.replace(/@media([^{]*)\{/g, (rule: string, query: string) => {
    if (!query.includes('(--')) return rule;
    const out = query.replace(/\((--[\w-]+)\)/g, (_m: string, name: string) => {
      const q = BREAKPOINTS[name as keyof typeof BREAKPOINTS];
      if (!q)
        throw new Error(
          `${file}: @media (${name}) — unknown breakpoint — use one of ${Object.keys(BREAKPOINTS).join(', ')} (src/core/layout.ts)`,
        );
      return q;
    });
    return `@media${out}{`;
  });
}

export function customMedia(): Plugin {
  return {
    name: 'storymap:custom-media',
    enforce: 'pre',
    transform(code, id) {
      if (!/\.css(\?|$)/.test(id)) return null;
      return { code: expandCustomMedia(code, id.split('?')[0]), map: null };
    },
  };
}
