/**
 * The page's breakpoints, written once: scripts read them here, and the stylesheets'
 * custom media queries (`@media (--narrow)`) are expanded to the same queries at build
 * time by src/styles/breakpoints.ts.
 */
export const BREAKPOINTS = {
  /** Phones and small tablets: the map panel sticks to the top, the text scrolls below it. */
  '--narrow': '(max-width: 899px)',
  '--wide': '(min-width: 900px)',
  /** Too narrow for two form fields side by side. */
  '--small': '(max-width: 600px)',
  '--tiny': '(max-width: 480px)',
} as const;

/** The phone layout's query. */
export const NARROW_MEDIA = BREAKPOINTS['--narrow'];

/** Whether the page is in its phone layout now. */
export const isNarrow = (): boolean => window.matchMedia(NARROW_MEDIA).matches;
