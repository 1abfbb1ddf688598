/**
 * Whether the map may travel: the one place that decides it. Off when the system asks
 * for reduced motion, or when the reader turned motion off with the toggle (remembered
 * on this device). The planner turns "reduced" into jumps; nothing else reads the setting.
 */
const KEY = 'storymap:reduce-motion';
const media = () => window.matchMedia('(prefers-reduced-motion: reduce)');

export function readerReducesMotion(): boolean {
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false; // storage blocked (private mode, sandboxed frame): fall back to the system
  }
}

export function setReaderReducesMotion(on: boolean): void {
  try {
    if (on) localStorage.setItem(KEY, '1');
    else localStorage.removeItem(KEY);
  } catch {
    // Not remembered, but still applied for this visit.
  }
}

/** The reader's setting now: `system` when the operating system asks for less motion. */
export function motionSetting(): { reduced: boolean; system: boolean } {
  const system = media().matches;
  return { reduced: system || readerReducesMotion(), system };
}

export const reducedMotion = (): boolean => motionSetting().reduced;

export function onSystemMotionChange(f: () => void, signal: AbortSignal): void {
  media().addEventListener('change', f, { signal });
}
