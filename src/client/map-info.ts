/**
 * The panel over the map that follows the step: its date and legend, and the button
 * that folds the legend on a phone.
 */
import { showLocator } from './orientation';
import { isNarrow } from '../core/layout';
import type { LegendItem } from '../story/map-state';
import type { StepState } from './story-api';

export function showStepInfo(root: HTMLElement, step: StepState): void {
  const date = root.querySelector('.map-date');
  if (date) date.textContent = step.dateLabel;
  const legend = root.querySelector('.map-info .legend');
  if (legend) legend.replaceChildren(...step.state.legend.map(legendItem));
  showLocator(root, step.locator);
}

/** On a phone the legend would cover a third of the map: it starts folded there. */
export function setUpLegendToggle(root: HTMLElement, signal: AbortSignal): void {
  const button = root.querySelector<HTMLButtonElement>('.legend-toggle');
  const legend = root.querySelector<HTMLElement>('.map-info .legend');
  if (!button || !legend) return;
  const set = (open: boolean) => {
    button.setAttribute('aria-expanded', String(open));
    legend.hidden = !open;
  };
  set(!isNarrow());
  button.hidden = false;
  button.addEventListener('click', () => set(button.getAttribute('aria-expanded') !== 'true'), { signal });
}

function legendItem(i: LegendItem): HTMLLIElement {
  const li = document.createElement('li');
  const sw = document.createElement('span');
  sw.className = 'swatch';
  sw.dataset.symbol = i.symbol;
  sw.dataset.kind = i.key;
  sw.setAttribute('aria-hidden', 'true');
  li.append(sw, i.label);
  return li;
}
