/**
 * The page's one layout breakpoint, as scripts see it. The stylesheet writes the same
 * width (`max-width: 899px`) for the phone layout; this is its only copy in code.
 */
export const NARROW_MEDIA = '(max-width: 899px)';

/** Whether the page is in its phone layout now. */
export const isNarrow = (): boolean => window.matchMedia(NARROW_MEDIA).matches;
