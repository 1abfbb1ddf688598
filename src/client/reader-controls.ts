/**
 * Ways to move through the story besides scrolling: Previous/Next buttons, the
 * timeline links, and keys (← → and j k). They only ask the story to go somewhere.
 */
export interface ReaderControlsOptions {
  root: HTMLElement;
  /** The steps the reader can reach (an embed may show a range). */
  first: number;
  last: number;
  current: () => number;
  /** Go to step i; `focus` moves keyboard focus to the step's text. */
  go: (index: number, how: { focus: boolean }) => void;
  /** Removes every listener when the story leaves the page. */
  signal: AbortSignal;
}

const TYPING = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]';

export function setUpReaderControls({ root, first, last, current, go, signal }: ReaderControlsOptions): {
  update(index: number): void;
} {
  const prev = root.querySelector<HTMLButtonElement>('.nav-prev');
  const next = root.querySelector<HTMLButtonElement>('.nav-next');
  const links = [...root.querySelectorAll<HTMLAnchorElement>('.timeline a')];
  prev?.removeAttribute('hidden');
  next?.removeAttribute('hidden');
  const step = (delta: number, focus: boolean) => {
    const i = Math.min(last, Math.max(first, current() + delta));
    if (i !== current()) go(i, { focus });
  };
  // Buttons keep focus, so they can be pressed again and again.
  prev?.addEventListener('click', () => step(-1, false), { signal });
  next?.addEventListener('click', () => step(1, false), { signal });
  links.forEach((a, i) =>
    a.addEventListener(
      'click',
      (e) => {
        e.preventDefault();
        go(i, { focus: true });
      },
      { signal },
    ),
  );
  document.addEventListener(
    'keydown',
    (e) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target as Element | null;
      if (target?.closest(TYPING)) return;
      // The map takes the arrow keys while the reader explores it.
      if (target?.closest('.maplibregl-canvas, .maplibregl-ctrl')) return;
      const delta =
        e.key === 'ArrowRight' || e.key === 'j' ? 1 : e.key === 'ArrowLeft' || e.key === 'k' ? -1 : 0;
      if (!delta) return;
      e.preventDefault();
      step(delta, true);
    },
    { signal },
  );
  const timeline = root.querySelector<HTMLElement>('.timeline');
  let centring = 0;
  const update = (index: number) => {
    links.forEach((a, i) =>
      i === index ? a.setAttribute('aria-current', 'step') : a.removeAttribute('aria-current'),
    );
    // Where the dots don't all fit the timeline scrolls sideways: centre the current step
    // (scrollLeft, not scrollIntoView, which would also scroll the page). The timeline is
    // the dots' offsetParent (position: relative in map-bar.css). Measured in the next frame,
    // with the layout that frame makes anyway: measured here, on the first step, it laid out
    // the whole page before its first paint, and again once the step's other changes were in.
    const dot = links[index]?.parentElement;
    cancelAnimationFrame(centring);
    centring = requestAnimationFrame(() => {
      if (timeline && dot && timeline.scrollWidth > timeline.clientWidth)
        timeline.scrollLeft = dot.offsetLeft + dot.offsetWidth / 2 - timeline.clientWidth / 2;
    });
    // aria-disabled, not disabled: a focused button must keep focus at either end.
    prev?.setAttribute('aria-disabled', String(index <= first));
    next?.setAttribute('aria-disabled', String(index >= last));
  };
  return { update };
}
