/**
 * <story-map>: upgrades the server-rendered story. It wires the scroll driver to the
 * map controller through the planner, keeps the hash, legend and date in step, and
 * exposes `window.storyMap`. The text never waits for any of it.
 */
import { plan } from '../map/plan';
import type { MapController, StoryData } from '../map/controller';
import type { LegendItem, MapState } from '../story/map-state';
import { createScrollDriver } from '../scroll/driver';

interface StepState {
  id: string;
  index: number;
  title: string;
  dateLabel: string;
  state: MapState;
}

export interface StoryMapApi {
  /** The MapLibre map, once it has loaded (null before, or without WebGL). */
  map: import('maplibre-gl').Map | null;
  steps: StepState[];
  /** The step the reader is on. */
  activeStep: StepState;
  /** Go to a step by id: scrolls its text into view and sets the map. */
  goTo(id: string): void;
  /** Resolves when the map has finished moving to the active step. */
  ready: Promise<void>;
  whenIdle(): Promise<void>;
  /**
   * Draw the story on another basemap: a MapLibre style URL or object. The story's
   * layers and labels stay on top, in the step's state.
   */
  setBasemapStyle(style: string | import('maplibre-gl').StyleSpecification): Promise<void>;
}

declare global {
  interface Window {
    storyMap?: StoryMapApi;
  }
  interface HTMLElementEventMap {
    'storymap:step': CustomEvent<{ id: string; index: number }>;
  }
}

class StoryMapElement extends HTMLElement {
  private steps: StepState[] = [];
  private stepEls: HTMLElement[] = [];
  private active = -1;
  private applied: MapState | null = null;
  private controller: MapController | null = null;
  private reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');

  connectedCallback(): void {
    const json = this.querySelector('script.story-states')?.textContent ?? '[]';
    this.steps = JSON.parse(json) as StepState[];
    this.stepEls = [...this.querySelectorAll<HTMLElement>('article.step')];
    if (this.steps.length === 0) return;
    const start = this.indexFromHash() ?? 0;
    this.setActive(start, { fromScroll: false, updateHash: false });
    const api: StoryMapApi = {
      map: null,
      steps: this.steps,
      activeStep: this.steps[start]!,
      goTo: (id) => this.goTo(id),
      ready: Promise.resolve(),
      whenIdle: () => this.controller?.idle() ?? Promise.resolve(),
      setBasemapStyle: async (style) => {
        await api.ready;
        await this.controller?.setBasemapStyle(style);
      },
    };
    window.storyMap = api;
    this.setUpLegendToggle();
    createScrollDriver(this.stepEls, (i) => this.setActive(i, { fromScroll: true, updateHash: true }));
    window.addEventListener('hashchange', () => {
      const i = this.indexFromHash();
      if (i !== undefined && i !== this.active) this.setActive(i, { fromScroll: false, updateHash: false });
    });
    api.ready = this.loadMap().then(() => this.controller?.idle());
  }

  /** On a phone the legend would cover a third of the map: it starts folded there. */
  private setUpLegendToggle(): void {
    const button = this.querySelector<HTMLButtonElement>('.legend-toggle');
    const legend = this.querySelector<HTMLElement>('.legend');
    if (!button || !legend) return;
    const set = (open: boolean) => {
      button.setAttribute('aria-expanded', String(open));
      legend.hidden = !open;
    };
    set(!window.matchMedia('(max-width: 899px)').matches);
    button.hidden = false;
    button.addEventListener('click', () => set(button.getAttribute('aria-expanded') !== 'true'));
  }

  private indexFromHash(): number | undefined {
    const id = decodeURIComponent(location.hash.slice(1));
    const i = this.steps.findIndex((s) => s.id === id);
    return i >= 0 ? i : undefined;
  }

  goTo(id: string): void {
    const i = this.steps.findIndex((s) => s.id === id);
    if (i < 0) {
      console.warn(`storyMap.goTo: no step "${id}"`);
      return;
    }
    // Instant scroll: smooth scrolling would pass every step in between.
    this.stepEls[i]!.scrollIntoView({ block: 'start', behavior: 'instant' });
    this.setActive(i, { fromScroll: false, updateHash: true });
  }

  private setActive(index: number, { updateHash }: { fromScroll: boolean; updateHash: boolean }): void {
    const step = this.steps[index]!;
    if (index === this.active) {
      if (updateHash) this.followHash(step.id);
      return;
    }
    this.active = index;
    this.stepEls.forEach((el, i) => el.classList.toggle('is-active', i === index));
    this.renderInfo(step);
    if (updateHash) this.followHash(step.id);
    if (window.storyMap) window.storyMap.activeStep = step;
    this.applyMap();
    this.dispatchEvent(new CustomEvent('storymap:step', { detail: { id: step.id, index }, bubbles: true }));
  }

  /** replaceState: the hash follows the reader without flooding Back. */
  private followHash(id: string): void {
    if (location.hash !== `#${id}`) history.replaceState(history.state, '', `#${id}`);
  }

  private applyMap(): void {
    if (!this.controller) return;
    const next = this.steps[this.active]!.state;
    this.controller.apply(plan(this.applied, next, { reducedMotion: this.reducedMotion.matches }));
    this.applied = next;
  }

  private renderInfo(step: StepState): void {
    const date = this.querySelector('.map-date');
    if (date) date.textContent = step.dateLabel;
    const legend = this.querySelector('.legend');
    if (legend) legend.replaceChildren(...step.state.legend.map(legendItem));
  }

  private notice(message: string, failed = true): void {
    const el = this.querySelector<HTMLElement>('.map-notice');
    if (!el) return;
    el.textContent = message;
    el.hidden = false;
    if (failed) this.classList.add('map-failed');
  }

  private async loadMap(): Promise<void> {
    const container = this.querySelector<HTMLElement>('.map');
    if (!container) return;
    if (!webglAvailable()) {
      this.notice('The interactive map needs WebGL, which this browser does not offer. The story text and its map descriptions are complete without it.');
      return;
    }
    try {
      const [{ MapController }, story] = await Promise.all([import('../map/controller'), fetchJson<StoryData>(this.dataset.storyData!)]);
      const hosted = this.dataset.basemapStyle;
      this.controller = await MapController.create({
        container,
        basemap: hosted ? { type: 'hosted', styleUrl: hosted } : { type: 'offline', base: this.dataset.basemap! },
        story,
        onBasemapError: (m) => {
          console.error(`storymap: basemap: ${m}`);
          this.notice(`The background map could not be loaded (${m}). The story's places are still shown, and the text is complete without the map.`, false);
        },
        onError: (m) => {
          console.error(`storymap: ${m}`);
          this.notice(`The map could not be drawn (${m}). The story text is complete without it.`);
        },
      });
      if (window.storyMap) window.storyMap.map = this.controller.map;
      this.classList.add('map-ready');
      this.applyMap();
      let t: number | undefined;
      let size = `${container.clientWidth}x${container.clientHeight}`;
      new ResizeObserver(() => {
        const now = `${container.clientWidth}x${container.clientHeight}`;
        if (now === size) return;
        size = now;
        clearTimeout(t);
        // Rotation or resize: keep the step's subject framed.
        t = window.setTimeout(() => this.controller?.reframe(), 150);
      }).observe(container);
    } catch (e) {
      const m = e instanceof Error ? e.message : String(e);
      console.error(`storymap: ${m}`);
      this.notice(`The map could not be loaded (${m}). The story text is complete without it.`);
    }
  }
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

async function fetchJson<T>(url: string): Promise<T> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url} answered ${r.status}`);
  return (await r.json()) as T;
}

function webglAvailable(): boolean {
  try {
    const c = document.createElement('canvas');
    return Boolean(c.getContext('webgl2') ?? c.getContext('webgl'));
  } catch {
    return false;
  }
}

if (!customElements.get('story-map')) customElements.define('story-map', StoryMapElement);
