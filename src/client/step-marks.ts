/**
 * What marks the reader's step in the page itself, apart from the map: the range an
 * embed shows, the active step's class, and the URL's hash.
 */
import { idFromHash, malformedHashWarning } from './embed-options';

/** An embed of a range: the other steps leave the page and the timeline. */
export function showRange(root: HTMLElement, stepEls: HTMLElement[], from: number, to: number): void {
  const links = root.querySelectorAll<HTMLElement>('.timeline li');
  stepEls.forEach((el, i) => {
    const out = i < from || i > to;
    el.closest('li')!.hidden = out;
    if (links[i]) links[i]!.hidden = out;
  });
}

/** The active step's text is marked; a paged embed shows only it. */
export function markActive(stepEls: HTMLElement[], index: number, paged: boolean): void {
  stepEls.forEach((el, i) => {
    el.classList.toggle('is-active', i === index);
    if (paged) el.closest('li')!.classList.toggle('is-current', i === index);
  });
}

/**
 * The step named by the URL's hash, if any. A malformed hash (`#%`) warns once and means
 * the first step shown (`first`).
 */
export function indexFromHash(steps: { id: string }[], first = 0): number | 'malformed' | undefined {
  const id = idFromHash(location.hash);
  if (typeof id === 'object') {
    console.warn(malformedHashWarning(id.malformed, steps[first]!.id));
    return 'malformed';
  }
  const i = steps.findIndex((s) => s.id === id);
  return i >= 0 ? i : undefined;
}

/** replaceState: the hash follows the reader without flooding Back. */
export function followHash(id: string): void {
  if (location.hash !== `#${id}`) history.replaceState(history.state, '', `#${id}`);
}
