/**
 * Whether the map may travel: the one place that decides it. Off when the system asks
 * for reduced motion, or when the reader turned motion off with the toggle. The reader's
 * choice is kept in memory for this visit and, where storage is allowed, remembered on
 * the device: a sandboxed embed or a private window that blocks storage still gets the
 * toggle it pressed. The planner turns "reduced" into jumps; nothing else reads the setting.
 */
const KEY = 'storymap:reduce-motion';
const media = () => window.matchMedia('(prefers-reduced-motion: reduce)');

/** The reader's choice this visit; undefined until they press the toggle. */
let chosen: boolean | undefined;

export function readerReducesMotion(): boolean {
  if (chosen !== undefined) return chosen;
  try {
    return localStorage.getItem(KEY) === '1';
  } catch {
    return false; // storage blocked and nothing chosen yet: the system setting decides
  }
}

export function setReaderReducesMotion(on: boolean): void {
  chosen = on;
  try {
    if (on) localStorage.setItem(KEY, '1');
    else localStorage.removeItem(KEY);
  } catch {
    // Storage blocked: not remembered on the device, but applied for this visit (above).
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
