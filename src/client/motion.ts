/**
 * Whether the map may fly. Off when the system asks for reduced motion, or when the
 * reader turned motion off with the toggle (remembered on this device).
 */
const KEY = 'storymap:reduce-motion';
const media = () => window.matchMedia('(prefers-reduced-motion: reduce)');

export const systemReducesMotion = (): boolean => media().matches;

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

export const reducedMotion = (): boolean => systemReducesMotion() || readerReducesMotion();

export function onSystemMotionChange(f: () => void): void {
  media().addEventListener('change', f);
}
