/**
 * <story-map>: upgrades the server-rendered story. It wires the scroll driver and the
 * reader's controls to the map controller through the planner, keeps the hash, legend,
 * date and timeline in step, and exposes `window.storyMap`. The text never waits.
 */
import { plan } from '../map/plan';
import type { MapController, StoryData } from '../map/controller';
import type { LegendItem, MapState } from '../story/map-state';
import { createScrollDriver, triggerOffset, type ScrollDriver } from '../scroll/driver';
import { createHostDriver, measuredUntilResize } from '../scroll/host-driver';
import { parseEmbedOptions, type EmbedOptions } from './embed-options';
import {
  inFrame,
  onHostViewport,
  postToHost,
  postToPym,
  reportHeight,
  type HostViewport,
} from './embed-frame';
import {
  onSystemMotionChange,
  readerReducesMotion,
  reducedMotion,
  setReaderReducesMotion,
  systemReducesMotion,
} from './motion';
import { setUpReaderControls } from './reader-controls';
import { setUpEmbedDialog } from './embed-dialog';
import { NARROW_QUERY } from '../styles/breakpoints';

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
  /** Resolves when the map has loaded and shows the first step (at once without WebGL). */
  ready: Promise<void>;
  /** Resolves when the camera has stopped. */
  whenIdle(): Promise<void>;
  /**
   * Free exploration (the camera picker uses it): the reader can pan, zoom and turn
   * the map, and scrolling no longer moves it. `explore(false)` returns to the active
   * step's view. No-op until the map has loaded.
   */
  explore(on: boolean): void;
  /** The view on screen: `{ center: [lon, lat], zoom, bearing, pitch }`, or null before the map loads. */
  view(): { center: [number, number]; zoom: number; bearing: number; pitch: number } | null;
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
  private exploring = false;
  private controls: { update(index: number): void } | undefined;
  /** Embed options; on the story page: every step, scrolling. */
  private options: EmbedOptions = { from: 0, to: 0, start: 0, nav: 'scroll', warnings: [] };
  private driver: ScrollDriver | undefined;
  /** The host's window, once a host that sizes this frame has sent it. */
  private hostViewport: HostViewport | undefined;

  connectedCallback(): void {
    const json = this.querySelector('script.story-states')?.textContent ?? '[]';
    this.steps = JSON.parse(json) as StepState[];
    this.stepEls = [...this.querySelectorAll<HTMLElement>('article.step')];
    if (this.steps.length === 0) return;
    const embedded = this.hasAttribute('data-embedded');
    this.options = embedded
      ? parseEmbedOptions(
          new URLSearchParams(location.search),
          this.steps.map((s) => s.id),
        )
      : { from: 0, to: this.steps.length - 1, start: 0, nav: 'scroll', warnings: [] };
    for (const w of this.options.warnings) console.warn(w);
    this.applyRange();
    this.controls = setUpReaderControls({
      root: this,
      first: this.options.from,
      last: this.options.to,
      current: () => this.active,
      go: (i, { focus }) => this.goToIndex(i, { focus, announce: true }),
    });
    this.setUpLegendToggle();
    this.setUpMapTools();
    if (!embedded) setUpEmbedDialog(this);
    const fromHash = this.indexFromHash();
    const start =
      fromHash !== undefined && fromHash >= this.options.from && fromHash <= this.options.to
        ? fromHash
        : this.options.start;
    this.setActive(start, { updateHash: false });
    if (embedded && start !== this.options.from && this.options.nav === 'scroll') {
      this.stepEls[start]!.scrollIntoView({ block: 'start', behavior: 'instant' });
    }
    const api: StoryMapApi = {
      map: null,
      steps: this.steps,
      activeStep: this.steps[start]!,
      goTo: (id) => {
        const i = this.steps.findIndex((s) => s.id === id);
        if (i < this.options.from || i > this.options.to) console.warn(`storyMap.goTo: no step "${id}" here`);
        else this.goToIndex(i, { focus: false, announce: false });
      },
      ready: Promise.resolve(),
      whenIdle: () => this.controller?.idle() ?? Promise.resolve(),
      explore: (on) => this.explore(on),
      view: () => this.controller?.view() ?? null,
      setBasemapStyle: async (style) => {
        await api.ready;
        await this.controller?.setBasemapStyle(style);
      },
    };
    window.storyMap = api;
    const shown = this.stepEls.slice(this.options.from, this.options.to + 1);
    if (this.options.nav === 'scroll') {
      this.driver = createScrollDriver(shown, (i) =>
        this.setActive(this.options.from + i, { updateHash: true }),
      );
    }
    if (embedded) this.setUpFrame(shown);
    window.addEventListener('hashchange', () => {
      const i = this.indexFromHash();
      if (i !== undefined && i !== this.active && i >= this.options.from && i <= this.options.to)
        this.setActive(i, { updateHash: false });
    });
    api.ready = this.loadMap().then(() => this.controller?.idle());
  }

  /** An embed of a range: the other steps leave the page and the timeline. */
  private applyRange(): void {
    const { from, to, nav } = this.options;
    const links = this.querySelectorAll<HTMLElement>('.timeline li');
    this.stepEls.forEach((el, i) => {
      const out = i < from || i > to;
      el.closest('li')!.hidden = out;
      if (links[i]) links[i]!.hidden = out;
    });
    this.classList.toggle('nav-paged', nav === 'paged');
  }

  /**
   * In a frame: tell the host about steps and height. When the host sizes the frame to
   * its content (our host script, or a pym.js parent), the host's scrolling drives the
   * steps instead of the frame's, and the map is kept in the host's window.
   */
  private setUpFrame(shown: HTMLElement[]): void {
    if (!inFrame()) return;
    const slug = this.dataset.story!;
    const { childId } = this.options;
    this.addEventListener('storymap:step', (e) => {
      const s = this.steps[e.detail.index]!;
      postToHost({ type: 'storymap:step', story: slug, id: s.id, index: s.index, title: s.title });
    });
    const host = createHostDriver(shown, (i) => this.setActive(this.options.from + i, { updateHash: true }));
    const frame = measuredUntilResize(() => {
      const layout = this.querySelector<HTMLElement>('.story-layout')!;
      const panel = this.querySelector<HTMLElement>('.map-panel')!;
      return {
        layoutTop: layout.getBoundingClientRect().top + window.scrollY,
        room: Math.max(0, layout.offsetHeight - panel.offsetHeight),
      };
    });
    const hostSized = () => {
      // The frame no longer scrolls: sizes come from the host's viewport, not the frame's.
      this.driver?.destroy();
      this.classList.add('host-driven');
    };
    onHostViewport(childId, (v) => {
      const before = this.hostViewport;
      if (!before) {
        hostSized();
        if (!childId) reportHeight(slug, undefined);
        if (this.active !== this.options.from) host.holdUntilScrolled(v);
      }
      this.hostViewport = v;
      this.style.setProperty('--host-vh', `${v.height}px`);
      if (before && before.height !== v.height) {
        // The steps' sizes follow the host's window height: measure again.
        frame.forget();
        host.forget();
      }
      // Keep the map in the host's viewport, as position: sticky would.
      const { layoutTop, room } = frame();
      this.style.setProperty('--host-offset', `${Math.min(room, Math.max(0, -v.top - layoutTop))}px`);
      // Paged embeds show one step at a time: only the buttons and keys change it.
      if (this.options.nav === 'scroll')
        host.update(v, triggerOffset(window.matchMedia(NARROW_QUERY).matches));
    });
    if (childId) {
      // pym.js parents size the frame to its content. Until the parent sends its viewport
      // (it does on every scroll when made with trackscroll: true), sizes come from a fixed height.
      hostSized();
      this.style.setProperty('--host-vh', '640px');
      reportHeight(slug, childId);
      postToPym(childId, 'parentPositionInfo', '');
    }
    postToHost({ type: 'storymap:ready', story: slug, steps: shown.length });
  }

  /** Asks the host to scroll its page so that this frame's `top` comes near the top of its window. */
  private scrollHostTo(top: number): void {
    postToHost({ type: 'storymap:scroll-to', story: this.dataset.story, top });
    const { childId } = this.options;
    if (!childId) return;
    // pym.js scrolls the host to exactly this offset in the frame: leave the same room above as embed.js does.
    postToPym(
      childId,
      'scrollToChildPos',
      String(Math.max(0, Math.round(top - (this.hostViewport?.height ?? 0) * 0.2))),
    );
    // A parent without trackscroll says nothing of the scroll it just made: ask, so the map follows.
    postToPym(childId, 'parentPositionInfo', '');
  }

  private indexFromHash(): number | undefined {
    const id = decodeURIComponent(location.hash.slice(1));
    const i = this.steps.findIndex((s) => s.id === id);
    return i >= 0 ? i : undefined;
  }

  private goToIndex(i: number, { focus, announce }: { focus: boolean; announce: boolean }): void {
    const el = this.stepEls[i]!;
    // Instant scroll: smooth scrolling would pass every step in between.
    if (this.classList.contains('host-driven')) {
      // The host page scrolls, not this frame: ask the host to bring the step up. (A paged
      // embed shows the step in place: nothing to scroll to.)
      if (this.options.nav === 'scroll') this.scrollHostTo(el.getBoundingClientRect().top + window.scrollY);
    } else if (this.options.nav === 'scroll') {
      this.driver?.hold(i - this.options.from);
      el.scrollIntoView({ block: 'start', behavior: 'instant' });
    }
    if (focus) el.focus({ preventScroll: true });
    this.setActive(i, { updateHash: true });
    if (announce) {
      const s = this.steps[i]!;
      this.announce(`Step ${i + 1} of ${this.steps.length}, ${s.dateLabel}: ${s.title}`);
    }
  }

  private announce(text: string): void {
    const el = this.querySelector('.story-announcer');
    if (el) el.textContent = text;
  }

  private setActive(index: number, { updateHash }: { updateHash: boolean }): void {
    const step = this.steps[index]!;
    if (index === this.active) {
      if (updateHash) this.followHash(step.id);
      return;
    }
    this.active = index;
    this.stepEls.forEach((el, i) => el.classList.toggle('is-active', i === index));
    // Paged embeds show one step at a time.
    if (this.options.nav === 'paged')
      this.stepEls.forEach((el, i) => el.closest('li')!.classList.toggle('is-current', i === index));
    this.controls?.update(index);
    this.renderInfo(step);
    if (updateHash) this.followHash(step.id);
    if (window.storyMap) window.storyMap.activeStep = step;
    // While the reader explores, the map stays theirs; "Back to the story" brings this step.
    this.applyMap();
    this.dispatchEvent(new CustomEvent('storymap:step', { detail: { id: step.id, index }, bubbles: true }));
  }

  /** replaceState: the hash follows the reader without flooding Back. */
  private followHash(id: string): void {
    if (location.hash !== `#${id}`) history.replaceState(history.state, '', `#${id}`);
  }

  private applyMap(options: { cameraMoved?: boolean } = {}): void {
    if (!this.controller || this.exploring) return;
    const next = this.steps[this.active]!.state;
    this.controller.apply(plan(this.applied, next, { reducedMotion: reducedMotion(), ...options }));
    this.applied = next;
  }

  private renderInfo(step: StepState): void {
    const date = this.querySelector('.map-date');
    if (date) date.textContent = step.dateLabel;
    const legend = this.querySelector('.map-info .legend');
    if (legend) legend.replaceChildren(...step.state.legend.map(legendItem));
  }

  /** On a phone the legend would cover a third of the map: it starts folded there. */
  private setUpLegendToggle(): void {
    const button = this.querySelector<HTMLButtonElement>('.legend-toggle');
    const legend = this.querySelector<HTMLElement>('.map-info .legend');
    if (!button || !legend) return;
    const set = (open: boolean) => {
      button.setAttribute('aria-expanded', String(open));
      legend.hidden = !open;
    };
    set(!window.matchMedia(NARROW_QUERY).matches);
    button.hidden = false;
    button.addEventListener('click', () => set(button.getAttribute('aria-expanded') !== 'true'));
  }

  private setUpMapTools(): void {
    const tools = this.querySelector<HTMLElement>('.map-tools');
    const motion = this.querySelector<HTMLButtonElement>('.motion-toggle');
    const explore = this.querySelector<HTMLButtonElement>('.explore-toggle');
    if (!tools || !motion || !explore) return;
    const showMotion = () => {
      motion.setAttribute('aria-pressed', String(reducedMotion()));
      // The system setting wins: the toggle can reduce motion further, never add it back.
      motion.disabled = systemReducesMotion();
      motion.textContent = systemReducesMotion() ? 'Motion reduced (system setting)' : 'Reduce motion';
    };
    showMotion();
    onSystemMotionChange(showMotion);
    motion.addEventListener('click', () => {
      setReaderReducesMotion(!readerReducesMotion());
      showMotion();
    });
    explore.addEventListener('click', () => this.setExploring(!this.exploring, { restore: true }));
    tools.hidden = false;
  }

  /** storyMap.explore(): the same mode as the "Explore the map" button (the camera picker uses it). */
  private explore(on: boolean): void {
    if (on !== this.exploring) this.setExploring(on, { restore: true });
  }

  private setExploring(on: boolean, { restore }: { restore: boolean }): void {
    if (!this.controller) return;
    this.exploring = on;
    const explore = this.querySelector<HTMLButtonElement>('.explore-toggle')!;
    explore.setAttribute('aria-pressed', String(on));
    explore.textContent = on ? 'Back to the story' : 'Explore the map';
    this.classList.toggle('is-exploring', on);
    this.controller.setExploring(on, 'Map. Drag or use the arrow keys to move, plus and minus to zoom.');
    if (!on && restore) this.applyMap({ cameraMoved: true });
    if (on) this.announce('Exploring the map. Press "Back to the story" to return.');
  }

  private notice(message: string, failed = true): void {
    const el = this.querySelector<HTMLElement>('.map-notice');
    if (!el) return;
    el.textContent = message;
    el.hidden = false;
    if (failed) {
      // The static maps in each step take over (see styles/story/static-map.css).
      this.classList.add('map-failed');
      this.querySelector<HTMLElement>('.map-tools')?.setAttribute('hidden', '');
    }
  }

  private async loadMap(): Promise<void> {
    const container = this.querySelector<HTMLElement>('.map');
    if (!container) return;
    if (!webglAvailable()) {
      this.notice(
        'The interactive map needs WebGL, which this browser does not offer: each step shows a static map instead.',
      );
      return;
    }
    // Text first: let the browser paint the story before MapLibre (~1 MB of script) is
    // fetched and parsed on the main thread.
    await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    try {
      const [{ MapController }, story] = await Promise.all([
        import('../map/controller'),
        fetchJson<StoryData>(this.dataset.storyData!),
      ]);
      const hosted = this.dataset.basemapStyle;
      // The step the reader is on now (a deep link, or where the page was scrolled to while loading).
      const first = this.steps[this.active]!.state;
      this.controller = await MapController.create({
        container,
        basemap: hosted
          ? { type: 'hosted', styleUrl: hosted }
          : { type: 'offline', base: this.dataset.basemap! },
        story,
        initial: { target: first.camera, ...(first.focus ? { focus: first.focus } : {}) },
        insets: () => overlayInsets(container, this.querySelectorAll<HTMLElement>('[data-map-overlay]')),
        onBasemapError: (m) => {
          console.error(`storymap: basemap: ${m}`);
          this.notice(
            `The background map could not be loaded (${m}). The story's places are still shown, and the text is complete without the map.`,
            false,
          );
        },
        onError: (m) => {
          console.error(`storymap: ${m}`);
          this.notice(`The map could not be drawn (${m}): each step shows a static map instead.`);
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
      this.notice(`The map could not be loaded (${m}): each step shows a static map instead.`);
    }
  }
}

/**
 * How far the elements drawn over the map reach in from its top or bottom edge, by where
 * they are now (the page's CSS moves them between phone and laptop): one in the upper half
 * pushes the top in, one in the lower half the bottom, with a small gap. Their boxes too,
 * for the labels to keep clear of.
 */
function overlayInsets(
  map: HTMLElement,
  overlays: Iterable<HTMLElement>,
): { top: number; bottom: number; covers: DOMRect[] } {
  const m = map.getBoundingClientRect();
  let top = 0;
  let bottom = 0;
  const covers: DOMRect[] = [];
  for (const el of overlays) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue; // hidden
    covers.push(r);
    if ((r.top + r.bottom) / 2 < (m.top + m.bottom) / 2) top = Math.max(top, r.bottom - m.top + 12);
    else bottom = Math.max(bottom, m.bottom - r.top + 8);
  }
  return { top, bottom, covers };
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

// `npm run dev` only: the camera picker panel. Builds drop this line and its chunk.
if (import.meta.env.DEV) void import('./camera-picker');
