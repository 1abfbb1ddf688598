/**
 * The scroll driver: tells which step the reader is on, nothing else. It knows no
 * map and no state; the story element decides what a step change means.
 *
 * scrollama reports steps as they cross the trigger line. A jump (End key, a
 * scrollbar drag, a find-in-page) can pass steps without any of them crossing it, so
 * when scrolling stops the driver also checks which step is above the line.
 */
import scrollama from 'scrollama';

export interface ScrollDriver {
  destroy(): void;
}

/** Where a step triggers, as a fraction of the viewport's height from its top. */
export const triggerOffset = (narrow: boolean): number => (narrow ? 0.7 : 0.5);

/** Phones stack the map above the text, so a step triggers lower on the screen. */
const NARROW = '(max-width: 899px)';

export function createScrollDriver(steps: HTMLElement[], onStep: (index: number) => void): ScrollDriver {
  const mq = window.matchMedia(NARROW);
  const offset = () => triggerOffset(mq.matches);
  let scroller = scrollama();
  let last = -1;
  const report = (i: number) => {
    last = i;
    onStep(i);
  };
  const setup = () => {
    scroller.setup({ step: steps, offset: offset() as 0.5 | 0.7 }).onStepEnter(({ index }) => report(index));
  };
  setup();

  /** The last step whose top is above the trigger line; the first if none is. */
  const stepAtLine = () => {
    const line = window.innerHeight * offset();
    let found = 0;
    steps.forEach((el, i) => {
      if (el.getBoundingClientRect().top <= line) found = i;
    });
    return found;
  };
  let timer: number | undefined;
  const onScroll = () => {
    clearTimeout(timer);
    timer = window.setTimeout(() => {
      const i = stepAtLine();
      if (i !== last) report(i);
    }, 120);
  };
  window.addEventListener('scroll', onScroll, { passive: true });

  const onMq = () => {
    scroller.destroy();
    scroller = scrollama();
    setup();
  };
  mq.addEventListener('change', onMq);
  return {
    destroy() {
      clearTimeout(timer);
      window.removeEventListener('scroll', onScroll);
      mq.removeEventListener('change', onMq);
      scroller.destroy();
    },
  };
}
