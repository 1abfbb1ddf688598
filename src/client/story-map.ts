/**
 * <story-map>: upgrades the server-rendered story. It only wires its parts together:
 * the scroll driver (or the host's, in a frame) and the reader's controls report a step;
 * the planner turns the step into map operations for the controller; the hash, date,
 * legend and timeline follow. The text never waits for the map. Everything it sets up
 * is undone when the element leaves the page (one AbortSignal for every listener).
 */
import { plan } from '../map/plan';
import type { MapController } from '../map/controller';
import type { MapState } from '../story/map-state';
import { createScrollDriver, type ScrollDriver } from '../scroll/driver';
import { parseEmbedOptions, type EmbedOptions } from './embed-options';
import { setUpEmbedDialog } from './embed-dialog';
import { linkToHost, type FrameLink } from './frame-link';
import { setUpLegendToggle, showStepInfo } from './map-info';
import { loadMap } from './map-loader';
import { setUpMapTools, type MapTools } from './map-tools';
import { reducedMotion } from './motion';
import { setUpReaderControls } from './reader-controls';
import { showSourcesOf } from './embed-sources';
import { followHash, indexFromHash, markActive, showRange } from './step-marks';
import { loadStaticMaps, loadStaticMapsWhenIdle } from './static-maps';
import { createStoryMapApi, type StepState } from './story-api';

export type { StoryMapApi } from './story-api';

class StoryMapElement extends HTMLElement {
  private steps: StepState[] = [];
  private stepEls: HTMLElement[] = [];
  private active = -1;
  private applied: MapState | null = null;
  private controller: MapController | null = null;
  private controls: { update(index: number): void } | undefined;
  private tools: MapTools | undefined;
  /** Embed options; on the story page: every step, scrolling. */
  private options: EmbedOptions = { from: 0, to: 0, start: 0, nav: 'scroll', warnings: [] };
  private driver: ScrollDriver | undefined;
  private frame: FrameLink | undefined;
  private teardown: AbortController | undefined;

  connectedCallback(): void {
    this.steps = JSON.parse(this.querySelector('script.story-states')?.textContent ?? '[]') as StepState[];
    this.stepEls = [...this.querySelectorAll<HTMLElement>('article.step')];
    if (this.steps.length === 0) return;
    const signal = (this.teardown = new AbortController()).signal;
    const embedded = this.hasAttribute('data-embedded');
    const ids = this.steps.map((s) => s.id);
    this.options = embedded
      ? parseEmbedOptions(new URLSearchParams(location.search), ids)
      : { from: 0, to: ids.length - 1, start: 0, nav: 'scroll', warnings: [] };
    for (const w of this.options.warnings) console.warn(w);
    const { from, to, nav } = this.options;
    showRange(this, this.stepEls, from, to);
    // A range lists its steps' sources; a paged embed, the shown step's (in setActive).
    if (nav === 'scroll') showSourcesOf(this, ids.slice(from, to + 1), to - from + 1 === ids.length);
    this.classList.toggle('nav-paged', nav === 'paged');
    const go = (i: number, how: { focus: boolean; announce: boolean }) => this.goToIndex(i, how);
    this.controls = setUpReaderControls({
      root: this,
      first: from,
      last: to,
      current: () => this.active,
      signal,
      go: (i, { focus }) => go(i, { focus, announce: true }),
    });
    setUpLegendToggle(this, signal);
    this.tools = setUpMapTools({
      root: this,
      controller: () => this.controller,
      signal,
      onReturn: () => this.applyMap({ cameraMoved: true }),
      announce: (text) => this.announce(text),
    });
    if (!embedded) setUpEmbedDialog(this, signal);
    const fromHash = indexFromHash(this.steps, from);
    const start =
      fromHash === 'malformed'
        ? from
        : fromHash !== undefined && fromHash >= from && fromHash <= to
          ? fromHash
          : this.options.start;
    [this.active, this.applied] = [-1, null];
    this.setActive(start, { updateHash: false });
    if (embedded && start !== from && nav === 'scroll')
      this.stepEls[start]!.scrollIntoView({ block: 'start', behavior: 'instant' });
    const api = (window.storyMap = createStoryMapApi({
      steps: this.steps,
      start,
      range: { from, to },
      controller: () => this.controller,
      goTo: (i) => go(i, { focus: false, announce: false }),
      exploring: () => this.tools?.exploring() ?? false,
      setExploring: (on) => this.tools?.setExploring(on),
    }));
    const shown = this.stepEls.slice(from, to + 1);
    const onStep = (i: number) => this.setActive(from + i, { updateHash: true });
    if (nav === 'scroll') this.driver = createScrollDriver(shown, onStep);
    if (embedded) {
      const [root, steps, embed, active] = [this, this.steps, this.options, () => this.active];
      const onHostSized = () => this.driver?.destroy();
      this.frame = linkToHost({ root, steps, shown, embed, active, onStep, onHostSized, signal });
    }
    const onHash = () => {
      const i = indexFromHash(this.steps, from);
      if (i === 'malformed') go(from, { focus: false, announce: false });
      else if (i !== undefined && i !== this.active && i >= from && i <= to)
        this.setActive(i, { updateHash: false });
    };
    window.addEventListener('hashchange', onHash, { signal });
    // A printout shows every step's static map (static-maps.ts).
    window.addEventListener('beforeprint', () => loadStaticMaps(this), { signal });
    api.ready = loadMap({ root: this, current: () => this.steps[this.active]!, signal }).then((loaded) => {
      if (!loaded) return;
      const { controller, opened } = loaded;
      this.controller = controller;
      api.map = controller.map;
      // The map opened on a step's state; if the reader has moved on since, it jumps there.
      this.applied = opened;
      this.applyMap({ instant: true });
      return controller.idle();
    });
    // Once the live map has settled (or there is none), the static maps load for print.
    const loadForPrint = () => loadStaticMapsWhenIdle(this);
    void api.ready.then(() => api.whenIdle()).then(loadForPrint, loadForPrint);
  }

  /** Removed from the page: every listener, observer, driver and the map go with it. */
  disconnectedCallback(): void {
    this.teardown?.abort();
    this.driver?.destroy();
    [this.teardown, this.driver, this.frame, this.controller] = [undefined, undefined, undefined, null];
    this.classList.remove('map-ready', 'is-exploring', 'host-driven');
    if (window.storyMap?.steps === this.steps) delete window.storyMap;
  }

  private goToIndex(i: number, { focus, announce }: { focus: boolean; announce: boolean }): void {
    const el = this.stepEls[i]!;
    // Instant scroll: smooth scrolling would pass every step in between.
    if (this.classList.contains('host-driven')) {
      // The host page scrolls, not this frame: ask the host to bring the step up. (A paged
      // embed shows the step in place: nothing to scroll to.)
      if (this.options.nav === 'scroll')
        this.frame?.scrollHostTo(el.getBoundingClientRect().top + window.scrollY);
    } else if (this.options.nav === 'scroll') {
      this.driver?.hold(i - this.options.from);
      el.scrollIntoView({ block: 'start', behavior: 'instant' });
    }
    if (focus) el.focus({ preventScroll: true });
    this.setActive(i, { updateHash: true });
    const s = this.steps[i]!;
    if (announce) this.announce(`Step ${i + 1} of ${this.steps.length}, ${s.dateLabel}: ${s.title}`);
  }

  private announce(text: string): void {
    const el = this.querySelector('.story-announcer');
    if (el) el.textContent = text;
  }

  private setActive(index: number, { updateHash }: { updateHash: boolean }): void {
    const step = this.steps[index]!;
    if (updateHash) followHash(step.id);
    if (index === this.active) return;
    this.active = index;
    markActive(this.stepEls, index, this.options.nav === 'paged');
    if (this.options.nav === 'paged') showSourcesOf(this, [step.id], false);
    this.controls?.update(index);
    showStepInfo(this, step);
    if (window.storyMap) window.storyMap.activeStep = step;
    this.applyMap();
    this.dispatchEvent(new CustomEvent('storymap:step', { detail: { id: step.id, index }, bubbles: true }));
  }

  /** While the reader explores, the map stays theirs; "Back to the story" brings the step. */
  private applyMap(options: { cameraMoved?: boolean; instant?: boolean } = {}): void {
    if (!this.controller || this.tools?.exploring()) return;
    const next = this.steps[this.active]!.state;
    this.controller.apply(plan(this.applied, next, { reducedMotion: reducedMotion(), ...options }));
    this.applied = next;
  }
}

if (!customElements.get('story-map')) customElements.define('story-map', StoryMapElement);

// `npm run dev` only: the camera picker panel. Builds drop this line and its chunk.
if (import.meta.env.DEV) void import('./camera-picker');
