/**
 * The scroll driver for a frame sized to its content: the host page scrolls, not the
 * frame, so the host's viewport (sent by the host script) decides the active step.
 * Like the scroll driver, it reports an index and nothing else.
 */
import type { HostViewport } from '../client/embed-frame';
import { lastAtOrAbove } from './driver';

/** The step whose top has passed the trigger line, measured in the frame's coordinates. */
export const stepAtHostLine = (tops: number[], viewport: HostViewport, offset: number): number => lastAtOrAbove(tops, -viewport.top + viewport.height * offset);

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
