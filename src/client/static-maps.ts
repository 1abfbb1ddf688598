/**
 * The static map in each step, for print and for readers without the live map. Lazy in the
 * HTML, so a browser fetches one as it comes into view where it shows (no JavaScript, no
 * WebGL, a failed map); with the live map they are hidden, and all fetched once it has
 * settled, or at once when the reader prints. Eager, the flagship's sixteen SVG images were
 * each parsed on the main thread while the page itself was: on a throttled phone the page
 * finished parsing, and the live map started, about a second later (npm run bench).
 */
export function loadStaticMaps(root: ParentNode): void {
  for (const img of root.querySelectorAll<HTMLImageElement>('.step-static-map img')) img.loading = 'eager';
}

/**
 * The same, once the browser has a moment: right after the map's first idle, its names are
 * still being sorted out and drawn again, and sixteen images asked for at once held that
 * frame back (a third of a second at 4× CPU). Safari has no requestIdleCallback: a timeout.
 */
export function loadStaticMapsWhenIdle(root: ParentNode): void {
  const load = () => loadStaticMaps(root);
  if ('requestIdleCallback' in window) requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 500);
}
