/**
 * What the page's other scripts (the camera picker, host pages' tests) may use:
 * `window.storyMap` and the `storymap:step` event. Types only, and the one function
 * that builds the object from the element's parts.
 */
import type { Map as MlMap, StyleSpecification } from 'maplibre-gl';
import type { MapState } from '../story/map-state';
import type { MapController } from '../map/controller';

export interface StepState {
  id: string;
  index: number;
  title: string;
  dateLabel: string;
  state: MapState;
  /** A close step's locator inset (src/client/orientation.ts). */
  locator?: string;
}

export type View = { center: [number, number]; zoom: number; bearing: number; pitch: number };

export interface StoryMapApi {
  /** The MapLibre map, once it has loaded (null before, or without WebGL). */
  map: MlMap | null;
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
  view(): View | null;
  /**
   * Draw the story on another basemap: a MapLibre style URL or object. The story's
   * layers and labels stay on top, in the step's state.
   */
  setBasemapStyle(style: string | StyleSpecification): Promise<void>;
}

declare global {
  interface Window {
    storyMap?: StoryMapApi;
  }
  interface HTMLElementEventMap {
    'storymap:step': CustomEvent<{ id: string; index: number }>;
  }
}

/** `window.storyMap`, from the element's parts: what it answers is read from them at call time. */
export function createStoryMapApi(parts: {
  steps: StepState[];
  start: number;
  /** The steps the page shows (an embed may show a range). */
  range: { from: number; to: number };
  goTo: (index: number) => void;
  controller: () => MapController | null;
  exploring: () => boolean;
  setExploring: (on: boolean) => void;
}): StoryMapApi {
  const { steps, range } = parts;
  const api: StoryMapApi = {
    map: null,
    steps,
    activeStep: steps[parts.start]!,
    goTo: (id) => {
      const i = steps.findIndex((s) => s.id === id);
      if (i < range.from || i > range.to) console.warn(`storyMap.goTo: no step "${id}" here`);
      else parts.goTo(i);
    },
    ready: Promise.resolve(),
    whenIdle: () => parts.controller()?.idle() ?? Promise.resolve(),
    explore: (on) => {
      if (on !== parts.exploring()) parts.setExploring(on);
    },
    view: () => parts.controller()?.view() ?? null,
    setBasemapStyle: async (style) => {
      await api.ready;
      await parts.controller()?.setBasemapStyle(style);
    },
  };
  return api;
}
