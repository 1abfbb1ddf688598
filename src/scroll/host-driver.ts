/**
 * The scroll driver for a frame sized to its content: the host page scrolls, not the
 * frame, so the host's viewport (sent by the host script or a pym.js parent) decides the
 * active step. Like the scroll driver, it reports an index and nothing else.
 */
import { lastAtOrAbove } from './driver';

/** What the host page tells the frame about its viewport. */
export interface HostViewport {
  /** Top of the frame relative to the host's viewport, in CSS pixels (negative once scrolled past). */
  top: number;
  /** Height of the host's viewport. */
  height: number;
}

/** The step whose top has passed the trigger line, measured in the frame's coordinates. */
export const stepAtHostLine = (tops: number[], viewport: HostViewport, offset: number): number =>
  lastAtOrAbove(tops, -viewport.top + viewport.height * offset);

/**
 * Measures once, and again only after the frame's content or width changed. The host
 * sends its viewport on every scroll frame; measuring each time would force a layout per
 * frame for numbers that only change when something resizes. `forget()` is for changes the
 * frame cannot see coming (the host's window height, which sizes the steps).
 */
export function measuredUntilResize<T>(
  measure: () => T,
  signal?: AbortSignal,
): (() => T) & { forget(): void } {
  let cached: T | undefined;
  const forget = () => {
    cached = undefined;
  };
  const observer = new ResizeObserver(forget);
  observer.observe(document.body);
  signal?.addEventListener('abort', () => observer.disconnect());
  window.addEventListener('resize', forget, { signal });
  return Object.assign(() => (cached ??= measure()), { forget });
}

export function createHostDriver(
  steps: HTMLElement[],
  onStep: (index: number) => void,
  signal?: AbortSignal,
) {
  let last = -1;
  let heldAt: number | undefined;
  const tops = measuredUntilResize(
    () => steps.map((el) => el.getBoundingClientRect().top + window.scrollY),
    signal,
  );
  return {
    /** The step tops are measured again at the next update. */
    forget: tops.forget,
    /**
     * Keep the step the page opened at (?step=, #id) until the host page scrolls: the host's
     * first messages come at load, with the frame wherever the page put it.
     */
    holdUntilScrolled(viewport: HostViewport) {
      heldAt = viewport.top;
    },
    update(viewport: HostViewport, offset: number) {
      if (heldAt !== undefined && Math.abs(viewport.top - heldAt) < 2) return;
      heldAt = undefined;
      const i = stepAtHostLine(tops(), viewport, offset);
      if (i !== last) {
        last = i;
        onStep(i);
      }
    },
  };
}
