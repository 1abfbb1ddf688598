/**
 * The scroll driver: tells which step the reader is on, nothing else. It knows no
 * map and no state; the story element decides what a step change means.
 *
 * scrollama says when something crosses the trigger line; the page's geometry then
 * decides which step that is (the last one whose top is above the line). Geometry is
 * the arbiter because events can be late or missing: a jump (End key, a scrollbar drag,
 * find-in-page) passes steps without crossing events, and on a busy machine an
 * observer's callback can arrive after the reader has moved on. A settle-time check
 * after scrolling stops catches what the events miss.
 */
import scrollama from 'scrollama';
import { NARROW_QUERY } from '../styles/breakpoints';

export interface ScrollDriver {
  /**
   * The story moved to this step itself (a button, a key, a link): the scroll that
   * follows is not the reader's, so reports are held back until it has settled.
   */
  hold(index: number): void;
  destroy(): void;
}

/** Where a step triggers, as a fraction of the viewport's height from its top. */
export const triggerOffset = (narrow: boolean): number => (narrow ? 0.7 : 0.5);

/** Phones stack the map above the text, so a step triggers lower on the screen. */
const NARROW = NARROW_QUERY;
const HOLD_MS = 400;
const SETTLE_MS = 120;

/** The last step whose top is at or above the trigger line; the first if none is. */
export function lastAtOrAbove(tops: number[], line: number): number {
  let found = 0;
  tops.forEach((t, i) => {
    if (t <= line) found = i;
  });
  return found;
}

export function createScrollDriver(steps: HTMLElement[], onStep: (index: number) => void): ScrollDriver {
  const mq = window.matchMedia(NARROW);
  const offset = () => triggerOffset(mq.matches);
  let last = -1;
  let holdUntil = 0;
  let timer: number | undefined;

  const stepAtLine = () =>
    lastAtOrAbove(
      steps.map((el) => el.getBoundingClientRect().top),
      window.innerHeight * offset(),
    );
  const check = () => {
    if (performance.now() < holdUntil) return;
    const i = stepAtLine();
    if (i !== last) {
      last = i;
      onStep(i);
    }
  };

  let scroller = scrollama();
  const setup = () => {
    scroller
      .setup({ step: steps, offset: offset() as 0.5 | 0.7 })
      .onStepEnter(check)
      .onStepExit(check);
  };
  setup();
  const onScroll = () => {
    clearTimeout(timer);
    timer = window.setTimeout(check, SETTLE_MS);
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
