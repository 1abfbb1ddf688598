/**
 * The scroll driver for a frame sized to its content: the host page scrolls, not the
 * frame, so the host's viewport (sent by the host script) decides the active step.
 * Like the scroll driver, it reports an index and nothing else.
 */
import type { HostViewport } from '../client/embed-frame';

/** The step whose top has passed the trigger line, measured in the frame's coordinates. */
export function stepAtHostLine(tops: number[], viewport: HostViewport, offset: number): number {
  const line = -viewport.top + viewport.height * offset;
  let found = 0;
  tops.forEach((t, i) => {
    if (t <= line) found = i;
  });
  return found;
}

export function createHostDriver(steps: HTMLElement[], onStep: (index: number) => void) {
  let last = -1;
  return {
    update(viewport: HostViewport, offset: number) {
      const tops = steps.map((el) => el.getBoundingClientRect().top + window.scrollY);
      const i = stepAtHostLine(tops, viewport, offset);
      if (i !== last) {
        last = i;
        onStep(i);
      }
    },
  };
}
