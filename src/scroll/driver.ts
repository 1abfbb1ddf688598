/**
 * The scroll driver: tells which step the reader is on, nothing else. It knows no
 * map and no state; the story element decides what a step change means.
 */
import scrollama from 'scrollama';

export interface ScrollDriver {
  destroy(): void;
}

/** Phones stack the map above the text, so a step triggers lower on the screen. */
const NARROW = '(max-width: 899px)';

export function createScrollDriver(steps: HTMLElement[], onStep: (index: number) => void): ScrollDriver {
  const mq = window.matchMedia(NARROW);
  let scroller = scrollama();
  const setup = () => {
    scroller.setup({ step: steps, offset: mq.matches ? 0.7 : 0.5 }).onStepEnter(({ index }) => onStep(index));
  };
  setup();
  const onMq = () => {
    scroller.destroy();
    scroller = scrollama();
    setup();
  };
  mq.addEventListener('change', onMq);
  return {
    destroy() {
      mq.removeEventListener('change', onMq);
      scroller.destroy();
    },
  };
}
