/**
 * The buttons over the map: "Reduce motion" (with the system setting shown) and
 * "Explore the map" / "Back to the story". They change modes; the element decides what
 * the map then shows.
 */
import type { MapController } from '../map/controller';
import { onSystemMotionChange, readerReducesMotion, setReaderReducesMotion, motionSetting } from './motion';

export interface MapTools {
  exploring(): boolean;
  /** Explore mode on or off, as the button does (no-op until the map has loaded). */
  setExploring(on: boolean): void;
}

export function setUpMapTools(options: {
  root: HTMLElement;
  controller: () => MapController | null;
  /** Explore mode ended: the step's view comes back. */
  onReturn: () => void;
  announce: (text: string) => void;
  signal: AbortSignal;
}): MapTools {
  const { root, controller, onReturn, announce, signal } = options;
  let exploring = false;
  const setExploring = (on: boolean) => {
    const c = controller();
    if (!c) return;
    exploring = on;
    const button = root.querySelector<HTMLButtonElement>('.explore-toggle');
    button?.setAttribute('aria-pressed', String(on));
    if (button) button.textContent = on ? 'Back to the story' : 'Explore the map';
    root.classList.toggle('is-exploring', on);
    c.setExploring(on, 'Map. Drag or use the arrow keys to move, plus and minus to zoom.');
    if (!on) onReturn();
    if (on) announce('Exploring the map. Press "Back to the story" to return.');
  };
  const tools = { exploring: () => exploring, setExploring };

  const box = root.querySelector<HTMLElement>('.map-tools');
  const motion = root.querySelector<HTMLButtonElement>('.motion-toggle');
  const explore = root.querySelector<HTMLButtonElement>('.explore-toggle');
  if (!box || !motion || !explore) return tools;
  const showMotion = () => {
    const setting = motionSetting();
    motion.setAttribute('aria-pressed', String(setting.reduced));
    // The system setting wins: the toggle can reduce motion further, never add it back.
    motion.disabled = setting.system;
    motion.textContent = setting.system ? 'Motion reduced (system setting)' : 'Reduce motion';
  };
  showMotion();
  onSystemMotionChange(showMotion, signal);
  motion.addEventListener(
    'click',
    () => {
      setReaderReducesMotion(!readerReducesMotion());
      showMotion();
    },
    { signal },
  );
  explore.addEventListener('click', () => setExploring(!exploring), { signal });
  box.hidden = false;
  return tools;
}
