/**
 * The one module that touches MapLibre. It creates the map and applies planned
 * operations; it decides nothing about the story.
 */
import {
  Map as MlMap,
  Marker,
  NavigationControl,
  setWorkerUrl,
  type FilterSpecification,
  type JumpToOptions,
  type StyleSpecification,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import type { Bbox } from '../geo/display';
import type { CameraTarget } from '../story/map-state';
import { labelCentred, labelText, type MapLabel } from '../story/map-label';
import { maxZoomToContain } from './contain';
import { basemapStyle, PLACE_LAYERS, placesFilter } from '../basemap/style';
import { idFilter, withStoryLayers, STORY_LAYERS } from './layers';
import { registerPmtiles } from './pmtiles-protocol';
import type { MapOp } from './plan';

// MapLibre 6 is ESM-only: without this its worker is looked up next to a bundle that doesn't exist.
setWorkerUrl(workerUrl);

export interface StoryData {
  geojson: FeatureCollection;
  labels: MapLabel[];
}

export interface MapControllerOptions {
  container: HTMLElement;
  /** The offline basemap's folder (absolute URL), or a hosted MapLibre style URL. */
  basemap: Basemap;
  story: StoryData;
  /** Called when the map can't draw (lost WebGL context, failed style). */
  onError: (message: string) => void;
  /** Called when the basemap's files can't be read: the story layers still draw. */
  onBasemapError: (message: string) => void;
  /**
   * How far the page's own overlays (navigation, legend, buttons) reach into the map from
   * its top and bottom edge, in pixels: framed places are kept clear of them. With `covers`,
   * the overlays' boxes (viewport coordinates): labels are placed clear of them too. Default none.
   */
  insets?: () => { top: number; bottom: number; covers?: readonly Box[] };
  /** Where the map opens: the reader's step. Without it, a whole-region overview. */
  initial?: { target: CameraTarget; focus?: Bbox };
}

/** A box on screen, in viewport pixels. */
type Box = { left: number; right: number; top: number; bottom: number };

export type Basemap = { type: 'offline'; base: string } | { type: 'hosted'; styleUrl: string };

/** MapLibre doesn't resolve `new URL()`'s percent-encoded `{z}` back: undo it. */
const absolute = (url: string) =>
  new URL(url, document.baseURI).href.replace(/%7B/gi, '{').replace(/%7D/gi, '}');

export class MapController {
  readonly map: MlMap;
  private labels = new Map<string, { marker: Marker; el: HTMLElement; area: boolean }>();
  private highlighted = new Set<string>();
  /** Story label id → the basemap town it doubles; the towns hidden now. */
  private readonly twins = new Map<string, string>();
  private hiddenTowns: string[] = [];
  private nav: NavigationControl | undefined;
  private lastCamera: { target: CameraTarget; focus?: Bbox } | undefined;

  private readonly story: FeatureCollection;
  private readonly insets: MapControllerOptions['insets'];

  private constructor(map: MlMap, options: MapControllerOptions) {
    this.map = map;
    // The drawing and its labels are hidden from assistive technology: each step's text
    // carries a description of the map. The controls (attribution) stay reachable.
    map.getCanvasContainer().setAttribute('aria-hidden', 'true');
    this.story = options.story.geojson;
    this.insets = options.insets;
    for (const l of options.story.labels) {
      const el = document.createElement('div');
      el.className = 'map-label';
      el.dataset.kind = l.kind;
      el.dataset.ref = l.id;
      if (labelCentred(l)) el.classList.add('map-label--area');
      el.textContent = labelText(l);
      for (const a of l.alt ?? []) {
        const line = document.createElement('span');
        line.className = 'map-label-alt';
        line.lang = a.lang;
        // Arabic or Hebrew runs right to left: let the text say which way it goes.
        line.dir = 'auto';
        line.textContent = a.text;
        el.append(line);
      }
      el.hidden = true;
      const marker = new Marker({
        element: el,
        anchor: labelCentred(l) ? 'center' : 'left',
        offset: labelCentred(l) ? [0, 0] : [8, 0],
      })
        .setLngLat(l.at)
        .addTo(map);
      this.labels.set(l.id, { marker, el, area: labelCentred(l) });
      if (l.basemapTwin) this.twins.set(l.id, l.basemapTwin);
    }
    map.on('moveend', () => this.placeLabels());
  }

  /**
   * HTML labels don't avoid each other like symbol layers do: when the camera stops,
   * place them, most important first (highlighted, then areas, then points in story
   * order). A label that runs off the map's right edge goes left of its dot; an area's
   * label slides sideways into view; one that would cover a placed label or the page's
   * controls moves just below or above it, or to the other side of its dot, and is hidden
   * if none of these is clear (a highlighted one stays where it is). Every label is measured once,
   * in one layout, and the rest is arithmetic.
   */
  private placeLabels(): void {
    const visible = [...this.labels].filter(([, l]) => !l.el.hidden);
    const rank = ([id, l]: (typeof visible)[number]) => (this.highlighted.has(id) ? 0 : l.area ? 1 : 2);
    visible.sort((a, b) => rank(a) - rank(b));
    for (const [, l] of visible) {
      l.el.classList.remove('is-collided', 'is-flipped');
      l.el.style.translate = '';
    }
    const box = this.map.getContainer().getBoundingClientRect();
    const rects = visible.map(([, l]) => l.el.getBoundingClientRect());
    const moved = (r: Box, dx: number, dy: number): Box => ({
      left: r.left + dx,
      right: r.right + dx,
      top: r.top + dy,
      bottom: r.bottom + dy,
    });
    // The page's controls over the map (navigation, key, buttons) are in the way as placed labels are.
    const placed: Box[] = [...(this.insets?.().covers ?? [])];
    const hitting = (r: Box) =>
      placed.find((p) => r.left < p.right && r.right > p.left && r.top < p.bottom && r.bottom > p.top);
    visible.forEach(([id, l], i) => {
      const r = rects[i]!;
      let dx = 0;
      if (!l.area && r.right > box.right && r.left - r.width - 16 >= box.left) {
        dx = -(r.width + 16);
        l.el.classList.add('is-flipped');
      } else if (l.area && (r.right > box.right || r.left < box.left)) {
        dx = r.left < box.left ? box.left - r.left + 2 : box.right - r.right - 2;
        // Its anchor is off the map: half a label names nothing the reader can see.
        if (Math.abs(dx) >= r.width / 2) {
          l.el.classList.add('is-collided');
          return;
        }
      }
      let dy = 0;
      if (hitting(moved(r, dx, 0))) {
        // Where it is in the way: just below or above what it hits, then, for a point's label,
        // on the other side of its dot (and below or above there).
        const inMap = (c: Box) =>
          c.top >= box.top && c.bottom <= box.bottom && c.left >= box.left && c.right <= box.right;
        const tries = (x: number): [number, number][] => {
          const hit = hitting(moved(r, x, 0));
          if (!hit) return [[x, 0]];
          return [hit.bottom + 2 - r.top, hit.top - 2 - r.bottom]
            .filter((y) => Math.abs(y) <= r.height * 1.5)
            .map((y) => [x, y]);
        };
        const sides = l.area || dx ? [dx] : [dx, -(r.width + 16)];
        const fit = sides.flatMap(tries).find(([x, y]) => inMap(moved(r, x, y)) && !hitting(moved(r, x, y)));
        // A step's highlighted place keeps its name even where the controls crowd it.
        if (!fit && !this.highlighted.has(id)) {
          l.el.classList.add('is-collided');
          return;
        }
        [dx, dy] = fit ?? [dx, 0];
        if (dx < 0 && !l.area) l.el.classList.add('is-flipped');
      }
      if (dx || dy) l.el.style.translate = `${Math.round(dx)}px ${Math.round(dy)}px`;
      placed.push(moved(r, dx, dy));
    });
    // A story label that had to give way leaves its town to the basemap's label, not unnamed.
    this.hideTwinTowns(visible.filter(([, l]) => !l.el.classList.contains('is-collided')).map(([id]) => id));
  }

  static async create(options: MapControllerOptions): Promise<MapController> {
    registerPmtiles();
    const empty: StyleSpecification = { version: 8, sources: {}, layers: [] };
    const map = new MlMap({
      container: options.container,
      style:
        options.basemap.type === 'offline'
          ? withStoryLayers(basemapStyle(absolute(options.basemap.base)), options.story.geojson)
          : empty,
      // Replaced below by the reader's step before anything is drawn or fetched.
      center: [44, 33],
      zoom: 4,
      // The page scrolls; the map follows. Free exploration is a separate mode.
      interactive: false,
      // Always visible: the basemap's sources and licences (and a hosted style's own).
      attributionControl: { compact: false },
      fadeDuration: 0,
    });
    let basemapFailed = false;
    let basemapLoaded = false;
    map.on('sourcedata', (e) => {
      if (e.sourceId !== 'story' && e.isSourceLoaded) basemapLoaded = true;
    });
    map.on('error', (e) => {
      const source = (e as { sourceId?: string }).sourceId;
      const message = e.error?.message ?? 'the map failed to load';
      if (source && source !== 'story') {
        // One tile lost to a dropped connection, once the basemap has drawn, is not a
        // failure the reader needs to hear about: the next camera move asks again.
        if (basemapLoaded && /failed to fetch|network ?error|load failed/i.test(message)) {
          console.warn(`storymap: basemap tile: ${message}`);
          return;
        }
        if (!basemapFailed) options.onBasemapError(message);
        basemapFailed = true;
      } else options.onError(message);
    });
    map
      .getCanvas()
      .addEventListener('webglcontextlost', () =>
        options.onError('the map stopped drawing (WebGL context lost)'),
      );
    const controller = new MapController(map, options);
    // Open at the reader's step: a first frame at the overview would fetch and draw a
    // zoom level nobody reads, and delay the one they do.
    if (options.initial) controller.moveCamera(options.initial.target, 'jump', options.initial.focus);
    await new Promise<void>((resolve) => map.once('load', () => resolve()));
    if (options.basemap.type === 'hosted')
      await controller.setBasemapStyle(absolute(options.basemap.styleUrl));
    return controller;
  }

  /**
   * Switch to another basemap style (e.g. a hosted one): the story's source and
   * layers are carried over on top, with the step's current filters.
   */
  setBasemapStyle(style: string | StyleSpecification): Promise<void> {
    const story = this.story;
    const done = new Promise<void>((resolve) => this.map.once('style.load', () => resolve()));
    this.map.setStyle(style, {
      transformStyle: (previous, next) => {
        const filters: Record<string, FilterSpecification> = {};
        for (const l of previous?.layers ?? [])
          if (STORY_LAYERS.some((s) => s.id === l.id) && 'filter' in l && l.filter) filters[l.id] = l.filter;
        // The offline basemap's towns keep hiding the ones the story labels itself.
        const towns = {
          ...next,
          layers: next.layers.map((l) =>
            PLACE_LAYERS.includes(l.id) ? { ...l, filter: placesFilter(this.hiddenTowns) } : l,
          ),
        };
        return withStoryLayers(towns as StyleSpecification, story, filters);
      },
    });
    return done;
  }

  /** One name per place: the basemap's town label gives way while the story's own label for it shows. */
  private hideTwinTowns(visible: string[]): void {
    const twins = visible.flatMap((id) => this.twins.get(id) ?? []).sort();
    if (twins.join('\n') === this.hiddenTowns.join('\n')) return;
    this.hiddenTowns = twins;
    for (const id of PLACE_LAYERS) if (this.map.getLayer(id)) this.map.setFilter(id, placesFilter(twins));
  }

  apply(ops: MapOp[]): void {
    for (const op of ops) {
      switch (op.type) {
        case 'setVisible':
          for (const l of STORY_LAYERS.filter((l) => l.role === 'visible'))
            this.map.setFilter(l.id, idFilter(l.base, op.ids));
          for (const [id, { el }] of this.labels) el.hidden = !op.ids.includes(id);
          this.hideTwinTowns(op.ids);
          break;
        case 'setHighlight':
          for (const l of STORY_LAYERS.filter((l) => l.role === 'highlight'))
            this.map.setFilter(l.id, idFilter(l.base, op.ids));
          this.highlighted = new Set(op.ids);
          for (const [id, { el }] of this.labels) el.classList.toggle('is-highlight', op.ids.includes(id));
          break;
        case 'moveCamera':
          this.moveCamera(op.target, op.mode, op.focus);
          break;
      }
    }
    // A camera move places the labels when it ends (moveend); otherwise place them now, once.
    if (!ops.some((op) => op.type === 'moveCamera')) this.placeLabels();
  }

  /**
   * Explore mode: the reader pans and zooms freely, with buttons and the keyboard.
   * The map is then a real control, so it leaves the accessibility tree's shadow.
   */
  setExploring(on: boolean, label: string): void {
    this.setInteractive(on);
    const container = this.map.getCanvasContainer();
    const canvas = this.map.getCanvas();
    if (on) {
      this.nav ??= new NavigationControl({ visualizePitch: true });
      this.map.addControl(this.nav, 'top-left');
      container.removeAttribute('aria-hidden');
      canvas.setAttribute('tabindex', '0');
      canvas.setAttribute('role', 'application');
      canvas.setAttribute('aria-label', label);
    } else {
      if (this.nav) this.map.removeControl(this.nav);
      container.setAttribute('aria-hidden', 'true');
      canvas.setAttribute('tabindex', '-1');
      canvas.removeAttribute('role');
      canvas.removeAttribute('aria-label');
    }
  }

  /** Re-frame the current view after a resize or rotation, without animation. */
  reframe(): void {
    this.map.resize();
    if (this.lastCamera) this.moveCamera(this.lastCamera.target, 'jump', this.lastCamera.focus);
  }

  /**
   * Lets the reader move the map with mouse, touch and keyboard, or stops that. Story
   * mode keeps the map still under the scrolling text.
   */
  private setInteractive(on: boolean): void {
    const m = this.map;
    for (const h of [
      m.dragPan,
      m.scrollZoom,
      m.boxZoom,
      m.dragRotate,
      m.keyboard,
      m.doubleClickZoom,
      m.touchZoomRotate,
      m.touchPitch,
    ]) {
      if (on) h.enable();
      else h.disable();
    }
    m.getContainer().classList.toggle('is-interactive', on);
  }

  /** The view on screen now, as a step's camera would say it. */
  view(): { center: [number, number]; zoom: number; bearing: number; pitch: number } {
    const c = this.map.getCenter();
    return {
      center: [c.lng, c.lat],
      zoom: this.map.getZoom(),
      bearing: this.map.getBearing(),
      pitch: this.map.getPitch(),
    };
  }

  /** Resolves when the camera has stopped and the tiles are drawn. */
  idle(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.map.isMoving() && this.map.loaded() && this.map.areTilesLoaded()) resolve();
      else this.map.once('idle', () => resolve());
    });
  }

  private padding(): { top: number; right: number; bottom: number; left: number } {
    const { clientWidth: w, clientHeight: h } = this.map.getContainer();
    const v = Math.round(Math.max(24, h * 0.08));
    // Labels run to the right of their dots: leave room for them at the sides.
    const side = Math.round(Math.max(32, w * 0.14));
    const inset = this.insets?.() ?? { top: 0, bottom: 0 };
    // An overlay may take at most 40% of the map from below; what is left must still frame the subject.
    return {
      top: Math.max(v, inset.top),
      left: side,
      right: side,
      bottom: Math.max(v, Math.min(h * 0.4, inset.bottom)),
    };
  }

  private resolve(target: CameraTarget, focus?: Bbox): JumpToOptions {
    const padding = this.padding();
    if (target.type === 'bounds') {
      const c = this.map.cameraForBounds(target.bounds as [number, number, number, number], {
        padding,
        maxZoom: target.maxZoom,
        bearing: target.bearing,
      });
      return {
        ...c,
        bearing: target.bearing,
        pitch: target.pitch,
        padding: { top: 0, left: 0, right: 0, bottom: 0 },
      };
    }
    let zoom = target.zoom;
    if (focus) {
      // On a small screen the author's zoom may crop the subject: zoom out until it fits.
      const { clientWidth: width, clientHeight: height } = this.map.getContainer();
      zoom = Math.min(zoom, maxZoomToContain(target.center, focus, { width, height, padding }));
    }
    return {
      center: target.center,
      zoom,
      bearing: target.bearing,
      pitch: target.pitch,
      padding: { top: 0, left: 0, right: 0, bottom: 0 },
    };
  }

  private moveCamera(target: CameraTarget, mode: 'fly' | 'ease' | 'jump', focus?: Bbox): void {
    this.lastCamera = { target, ...(focus ? { focus } : {}) };
    const cam = this.resolve(target, focus);
    this.map.stop();
    if (mode === 'jump') this.map.jumpTo(cam);
    else if (mode === 'ease') this.map.easeTo({ ...cam, duration: 1200, essential: true });
    else this.map.flyTo({ ...cam, speed: 1.3, maxDuration: 4000, essential: true });
  }
}
