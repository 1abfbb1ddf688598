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
  /**
   * The story moved to this step itself (a button, a key, a link): the scroll that
   * follows is not the reader's, so reports are held back until it has settled.
   */
  hold(index: number): void;
  destroy(): void;
}

const HOLD_MS = 400;

/** Where a step triggers, as a fraction of the viewport's height from its top. */
export const triggerOffset = (narrow: boolean): number => (narrow ? 0.7 : 0.5);

/** Phones stack the map above the text, so a step triggers lower on the screen. */
const NARROW = '(max-width: 899px)';

export function createScrollDriver(steps: HTMLElement[], onStep: (index: number) => void): ScrollDriver {
  const mq = window.matchMedia(NARROW);
  const offset = () => triggerOffset(mq.matches);
  let scroller = scrollama();
  let last = -1;
  let holdUntil = 0;
  const held = () => performance.now() < holdUntil;
  const report = (i: number) => {
    if (held()) return;
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
    if (held()) return;
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
    hold(index: number) {
      last = index;
      holdUntil = performance.now() + HOLD_MS;
      clearTimeout(timer);
    },
    destroy() {
      clearTimeout(timer);
      window.removeEventListener('scroll', onScroll);
      mq.removeEventListener('change', onMq);
      scroller.destroy();
    },
  };
}
