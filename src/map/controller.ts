/**
 * The one module that touches MapLibre. It creates the map and applies planned
 * operations; it decides nothing about the story.
 *
 * Long file: every call into MapLibre lives here on purpose (one module to read when MapLibre
 * changes, one fake to test against). What it applies is decided elsewhere: the camera in
 * camera.ts, labels in place-labels.ts and drawn-places.ts, the operations in plan.ts.
 */
import {
  AttributionControl,
  Map as MlMap,
  Marker,
  NavigationControl,
  ScaleControl,
  setWorkerUrl,
  type GeoJSONSource,
  type JumpToOptions,
  type StyleSpecification,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { FeatureCollection } from 'geojson';
import type { Bbox } from '../core/bbox';
import type { CameraTarget } from '../story/map-state';
import { labelCentred, labelText, type MapLabel } from '../story/map-label';
import { cameraFor, type Insets } from './camera';
import { boxAround, clip, grow, type Box } from './boxes';
import { placeLabels } from './place-labels';
import { drawnPlaces } from './drawn-places';
import {
  AREA_GRID_STATE,
  areaGridFor,
  basemapStyle,
  NAME_LAYERS,
  PLACE_LAYERS,
  placesFilter,
  SPARE_COUNTRY_LAYERS,
} from '../basemap/style';
import { nameBox } from '../basemap/name-box';
import { namesToHide, sparesToShow, type PlacedName } from './names-to-hide';
import { OBSTACLE_IMAGE, OBSTACLE_SOURCE, storyFilters, withStoryLayers, STORY_LAYERS } from './layers';
import { registerPmtiles } from './pmtiles-protocol';
import { prefetchedRequest } from './font-protocol';
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
   * each edge, in pixels: framed places are kept clear of them (see camera.ts). With `covers`,
   * the overlays' boxes (viewport coordinates): labels are placed clear of them too. Default none.
   */
  insets?: () => Partial<Insets> & { covers?: readonly Box[] };
  /**
   * Where the map opens: the reader's step, its camera and the story features it draws and
   * emphasises. Without it, a whole-region overview with no story feature drawn.
   */
  initial?: { target: CameraTarget; focus?: Bbox; visible?: string[]; highlight?: string[] };
}

/** `detail`: the offline basemap has street-level detail (src/basemap/detail.ts). */
export type Basemap =
  { type: 'offline'; base: string; detail?: boolean } | { type: 'hosted'; styleUrl: string };

/** A basemap feature, as feature state names it. */
type FeatureRef = { source: string; sourceLayer?: string; id: string | number };

/** MapLibre doesn't resolve `new URL()`'s percent-encoded `{z}` back: undo it. */
const absolute = (url: string) =>
  new URL(url, document.baseURI).href.replace(/%7B/gi, '{').replace(/%7D/gi, '}');

export class MapController {
  readonly map: MlMap;
  private labels = new Map<string, { marker: Marker; el: HTMLElement; area: boolean }>();
  private highlighted = new Set<string>();
  private visible = new Set<string>();
  /** The story's labels that double a basemap town; the towns hidden now. */
  private readonly twins: readonly MapLabel[];
  private hiddenTowns: string[] = [];
  private nav: NavigationControl | undefined;
  private lastCamera: { target: CameraTarget; focus?: Bbox } | undefined;
  private removed = false;
  /** The basemap's names hidden now, and spare names shown, by `source/id` (names-to-hide.ts). */
  private hiddenNames = new Map<string, FeatureRef>();
  private spareNames = new Map<string, FeatureRef>();
  /** The boxes the basemap's labels keep clear of now, as last given to the map (shareObstacles). */
  private obstacles = '';

  private readonly story: FeatureCollection;
  private readonly insets: MapControllerOptions['insets'];

  /** The credits under the map: the offline basemap's are given at creation (create()). */
  private attribution: AttributionControl | undefined;

  private constructor(map: MlMap, options: MapControllerOptions) {
    this.map = map;
    // The drawing and its labels are hidden from assistive technology: each step's text
    // carries a description of the map. The controls (attribution) stay reachable.
    map.getCanvasContainer().setAttribute('aria-hidden', 'true');
    this.story = options.story.geojson;
    this.insets = options.insets;
    this.twins = options.story.labels.filter((l) => l.basemapTwin);
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
    }
    map.on('moveend', () => this.placeLabels());
    // Once the view's labels are placed (idle): each area's name once, none cut by the edge.
    map.on('idle', () => this.hideNames());
    // The basemap's labels keep clear of the story's through invisible icons, one per box
    // (layers.ts): their images are made here, at the size their name says, whenever a style asks.
    map.setMissingStyleImageResolver((id) => {
      const size = id.startsWith(OBSTACLE_IMAGE) && id.slice(OBSTACLE_IMAGE.length).split('x').map(Number);
      if (!size || this.map.hasImage(id)) return;
      const [width = 2, height = 2] = size;
      this.map.addImage(id, { width, height, data: new Uint8Array(width * height * 4) });
    });
  }

  /**
   * Once a view's labels are placed: the basemap repeats country and division names so a small
   * map names its area, and a wide one would show each two to four times; the one nearest the
   * centre stays drawn. And no name is left cut by the map's edge. Hidden names are made
   * transparent (they keep their room among the labels, so hiding them moves nothing else);
   * names hidden before and no longer doubled or cut are shown again (names-to-hide.ts).
   */
  private hideNames(): void {
    const where = new Map<string, FeatureRef>();
    // One query for both kinds of names: each walks every tile in view (a tenth of a second
    // or more at 4x CPU), between the map's first idle and its settled one.
    const { names: placed, spares: placedSpares } = this.placedNames(where);
    const { clientWidth: width, clientHeight: height } = this.map.getContainer();
    const hide = namesToHide(placed, { width, height });
    this.setNameState('hidden', hide, this.hiddenNames, where);
    const named = new Set(placed.filter((p) => p.kind === 'country' && !hide.has(p.id)).map((p) => p.name));
    const spares = sparesToShow(placedSpares, named, { width, height });
    this.setNameState('spare', spares, this.spareNames, where);
  }

  /**
   * The basemap's names placed in view (NAME_LAYERS), and its spare country names
   * (SPARE_COUNTRY_LAYERS), each box's middle in the map's pixels.
   */
  private placedNames(where: Map<string, FeatureRef>): { names: PlacedName[]; spares: PlacedName[] } {
    const layers = [...NAME_LAYERS, ...SPARE_COUNTRY_LAYERS].filter((id) => this.map.getLayer(id));
    const zoom = this.map.getZoom();
    const found = { names: [] as PlacedName[], spares: [] as PlacedName[] };
    for (const f of layers.length ? this.map.queryRenderedFeatures({ layers }) : []) {
      if (f.id === undefined || f.geometry.type !== 'Point') continue;
      const key = `${f.source}/${f.id}`;
      where.set(key, { source: f.source, sourceLayer: f.sourceLayer, id: f.id });
      const p = this.map.project(f.geometry.coordinates as [number, number]);
      const kind = PLACE_LAYERS.includes(f.layer.id) ? 'place' : String(f.properties.kind);
      const name = String(f.properties.name_en);
      const ar = String(f.properties.name_ar ?? '');
      const { dy, ...box } = nameBox(kind, name, ar, zoom, Number(f.properties.rank ?? 0));
      const named = { id: key, kind, name, x: p.x, y: p.y + dy, ...box };
      (SPARE_COUNTRY_LAYERS.includes(f.layer.id) ? found.spares : found.names).push(named);
    }
    return found;
  }

  /** Sets a feature state on the names given, and clears it from those it was on before. */
  private setNameState(
    state: 'hidden' | 'spare',
    on: ReadonlySet<string | number>,
    now: Map<string, FeatureRef>,
    where: ReadonlyMap<string, FeatureRef>,
  ): void {
    for (const [key, feature] of now)
      if (!on.has(key)) {
        if (this.map.getSource(feature.source)) this.map.setFeatureState(feature, { [state]: false });
        now.delete(key);
      }
    for (const key of on) {
      const feature = where.get(String(key));
      if (!feature || now.has(String(key))) continue;
      this.map.setFeatureState(feature, { [state]: true });
      now.set(String(key), feature);
    }
  }

  /** The story's places as the map draws them now, in viewport pixels (drawn-places.ts). */
  private drawnPlaces() {
    const mapBox = this.map.getContainer().getBoundingClientRect();
    return drawnPlaces(this.story.features, {
      visible: this.visible,
      highlighted: this.highlighted,
      zoom: this.map.getZoom(),
      project: (p) => {
        const { x, y } = this.map.project([p[0]!, p[1]!]);
        return [x + mapBox.left, y + mapBox.top];
      },
      map: mapBox,
    });
  }

  /**
   * Where the story's labels and places are, for the basemap: a transparent icon over each box,
   * in a symbol layer above the basemap's (layers.ts), so MapLibre places the basemap's towns,
   * rivers and seas clear of them, as it places them clear of each other.
   */
  private shareObstacles(boxes: readonly Box[]): void {
    const source = this.map.getSource<GeoJSONSource>(OBSTACLE_SOURCE);
    if (!source) return;
    const { left, top } = this.map.getContainer().getBoundingClientRect();
    const even = (n: number) => Math.max(2, Math.ceil(n / 2) * 2);
    const data: FeatureCollection = {
      type: 'FeatureCollection',
      features: boxes.map((b) => {
        const c = this.map.unproject([(b.left + b.right) / 2 - left, (b.top + b.bottom) / 2 - top]);
        return {
          type: 'Feature',
          properties: { image: `${OBSTACLE_IMAGE}${even(b.right - b.left)}x${even(b.bottom - b.top)}` },
          geometry: { type: 'Point', coordinates: [c.lng, c.lat] },
        };
      }),
    };
    // The same boxes again (labels placed once more, nothing moved): new data would still make
    // the worker cut the source again and the basemap's names be placed again.
    const key = JSON.stringify(data);
    if (key === this.obstacles) return;
    this.obstacles = key;
    source.setData(data);
  }

  /**
   * When the camera stops, the labels are placed clear of each other and of the page's
   * controls (the rules are in place-labels.ts). Every label is measured once, in one
   * layout, unmoved; the rest is arithmetic.
   */
  private placeLabels(): void {
    const visible = [...this.labels].filter(([, l]) => !l.el.hidden);
    for (const [, l] of visible) {
      l.el.classList.remove('is-collided', 'is-flipped');
      l.el.style.translate = '';
    }
    const map = this.map.getContainer().getBoundingClientRect();
    const drawn = this.drawnPlaces();
    const boxes = visible.map(([id, l]) => ({
      id,
      rect: l.el.getBoundingClientRect(),
      area: l.area,
      highlighted: this.highlighted.has(id),
      own: boxAround(drawn.filter((d) => d.owner === id).map((d) => d.box)),
    }));
    // The overlays (scale bar, locator inset, north arrow, key, buttons) with a little air round
    // them, and only where they lie over the map.
    const covers = (this.insets?.().covers ?? []).map((c) => clip(grow(c, COVER_GAP), map));
    // An area's outline keeps the basemap's names off it, not the story's own: on a phone two
    // overlapping strike areas fill the map, and the towns inside them would all lose their names.
    const placements = placeLabels(
      boxes,
      map,
      covers,
      drawn.filter((d) => !d.outline),
    );
    const shown: Box[] = [];
    for (const p of placements) {
      const { el } = this.labels.get(p.id)!;
      el.classList.toggle('is-collided', p.collided);
      el.classList.toggle('is-flipped', p.flipped);
      if (p.dx || p.dy) el.style.translate = `${Math.round(p.dx)}px ${Math.round(p.dy)}px`;
      const r = boxes.find((b) => b.id === p.id)!.rect;
      if (!p.collided)
        shown.push({
          left: r.left + p.dx,
          right: r.right + p.dx,
          top: r.top + p.dy,
          bottom: r.bottom + p.dy,
        });
    }
    // The basemap's names give way to the overlays too: under the scale bar a town loses its name.
    this.shareObstacles([...shown, ...drawn.map((d) => d.box), ...covers]);
    // A story label that had to give way leaves its town to the basemap's label, not unnamed.
    this.hideTwinTowns(placements.filter((p) => !p.collided).map((p) => p.id));
  }

  /** Calls back with the map's bearing now and whenever it turns (the north arrow). */
  onRotate(callback: (bearing: number) => void): void {
    callback(this.map.getBearing());
    this.map.on('rotate', () => callback(this.map.getBearing()));
  }

  static async create(options: MapControllerOptions): Promise<MapController> {
    registerPmtiles();
    const empty: StyleSpecification = { version: 8, sources: {}, layers: [] };
    // The step's features and hidden towns are in the style from the start: set once the
    // style had loaded, each filter made the worker lay its tiles out again before the map
    // could settle (a third of a second on a throttled phone).
    const opening = { visible: options.initial?.visible ?? [], highlight: options.initial?.highlight ?? [] };
    const towns = twinTowns(options.story.labels, opening.visible);
    const style =
      options.basemap.type === 'offline'
        ? withStoryLayers(
            withHiddenTowns(
              basemapStyle(absolute(options.basemap.base), {
                detail: !!options.basemap.detail,
                mapWidth: options.container.clientWidth,
              }),
              towns,
            ),
            options.story.geojson,
            storyFilters(opening),
          )
        : empty;
    const map = new MlMap({
      container: options.container,
      style,
      // Near the reader's step (set exactly below, before anything is drawn or fetched).
      ...openingView(options.initial?.target),
      // The page scrolls; the map follows. Free exploration is a separate mode.
      interactive: false,
      // Added below, with its text known before the sources load.
      attributionControl: false,
      fadeDuration: 0,
      // Font files the page fetched ahead are read from memory (font-protocol.ts).
      transformRequest: prefetchedRequest,
    });
    // Always visible: the basemap's sources and licences (and a hosted style's own). Known
    // before the sources load, so the first camera is framed clear of the text it will show:
    // on a phone it wraps to two lines once filled in, and the step was framed again, a few
    // kilometres off, with a second round of tiles (MapLibre drops the sources' copies).
    const attribution = new AttributionControl({
      compact: false,
      customAttribution: sourceAttributions(style),
    });
    map.addControl(attribution, 'bottom-right');
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
    // A scale bar at every zoom (orientation, with src/client/orientation.ts).
    map.addControl(new ScaleControl({ maxWidth: 100, unit: 'metric' }), 'bottom-right');
    const controller = new MapController(map, options);
    controller.attribution = attribution;
    controller.visible = new Set(opening.visible);
    controller.highlighted = new Set(opening.highlight);
    controller.showLabels();
    controller.hiddenTowns = towns;
    // map.remove() gives its WebGL context back on purpose: only a loss before that is a failure.
    map.getCanvas().addEventListener('webglcontextlost', () => {
      if (!controller.removed) options.onError('the map stopped drawing (WebGL context lost)');
    });
    // Open at the reader's step: a first frame at the overview would fetch and draw a
    // zoom level nobody reads, and delay the one they do.
    if (options.initial) controller.moveCamera(options.initial.target, 'jump', options.initial.focus);
    // The step's labels placed, and the boxes the basemap's names keep clear of given, as soon
    // as the style is there: given once the map had loaded, they made its names be placed and
    // drawn again before it could settle. (The jump above came too early: no style yet.)
    map.once('style.load', () => controller.placeLabels());
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
    // The offline basemap's credits go with it: the new style's sources bring their own.
    if (this.attribution)
      this.attribution.options = { ...this.attribution.options, customAttribution: undefined };
    const done = new Promise<void>((resolve) =>
      this.map.once('style.load', () => {
        // The new style's obstacle source starts empty: the labels' boxes go to it again.
        this.obstacles = '';
        this.placeLabels();
        // Feature state went with the old style.
        this.hiddenNames.clear();
        resolve();
      }),
    );
    this.map.setStyle(style, {
      // The step's features as they are drawn now; the offline basemap's towns keep hiding
      // the ones the story labels itself.
      transformStyle: (_, next) =>
        withStoryLayers(
          withHiddenTowns(next as StyleSpecification, this.hiddenTowns),
          story,
          this.storyFilters(),
        ),
    });
    return done;
  }

  /** One name per place: the basemap's town label gives way while the story's own label for it shows. */
  private hideTwinTowns(visible: string[]): void {
    const twins = twinTowns(this.twins, visible);
    if (twins.join('\n') === this.hiddenTowns.join('\n')) return;
    this.hiddenTowns = twins;
    for (const id of PLACE_LAYERS) if (this.map.getLayer(id)) this.map.setFilter(id, placesFilter(twins));
  }

  /** The story layers' filters for the features drawn now and those emphasised. */
  private storyFilters() {
    return storyFilters({ visible: [...this.visible], highlight: [...this.highlighted] });
  }

  /** The story layers of one role (drawn, or emphasised) follow the features set now. */
  private setStoryFilters(role: 'visible' | 'highlight'): void {
    const filters = this.storyFilters();
    for (const l of STORY_LAYERS) if (l.role === role) this.map.setFilter(l.id, filters[l.id]!);
  }

  /** The story's labels for the features drawn, those of the emphasised ones marked. */
  private showLabels(): void {
    for (const [id, { el }] of this.labels) {
      el.hidden = !this.visible.has(id);
      el.classList.toggle('is-highlight', this.highlighted.has(id));
    }
  }

  apply(ops: MapOp[]): void {
    for (const op of ops) {
      switch (op.type) {
        case 'setVisible':
          this.visible = new Set(op.ids);
          this.setStoryFilters('visible');
          this.showLabels();
          this.hideTwinTowns(op.ids);
          break;
        case 'setHighlight':
          this.highlighted = new Set(op.ids);
          this.setStoryFilters('highlight');
          this.showLabels();
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

  /** The element left the page: the map, its canvas, markers, listeners and WebGL context go. */
  destroy(): void {
    this.removed = true;
    this.map.remove();
  }

  /** Re-frame the current view after a resize or rotation, without animation. */
  reframe(): void {
    this.map.resize();
    // A phone turned to landscape may need the other grid of country names (style.ts).
    if (this.map.isStyleLoaded())
      this.map.setGlobalStateProperty(AREA_GRID_STATE, areaGridFor(this.map.getContainer().clientWidth));
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

  /** The step's camera on this map now: its size, and what the page's overlays cover. */
  private resolve(target: CameraTarget, focus?: Bbox): JumpToOptions {
    const { clientWidth: width, clientHeight: height } = this.map.getContainer();
    const { top = 0, right = 0, bottom = 0, left = 0 } = this.insets?.() ?? {};
    const cam = cameraFor(
      { target, ...(focus ? { focus } : {}) },
      { width, height },
      { top, right, bottom, left },
    );
    return { ...cam, padding: { top: 0, left: 0, right: 0, bottom: 0 } };
  }

  private moveCamera(target: CameraTarget, mode: 'fly' | 'ease' | 'jump', focus?: Bbox): void {
    this.lastCamera = { target, ...(focus ? { focus } : {}) };
    const cam = this.resolve(target, focus);
    this.map.stop();
    if (mode === 'jump') this.map.jumpTo(cam);
    else if (mode === 'ease') this.map.easeTo({ ...cam, duration: 1200 });
    else this.map.flyTo({ ...cam, speed: 1.3, maxDuration: 4000 });
  }
}

/** Pixels kept clear round each overlay: a label touching the scale bar reads as under it. */
const COVER_GAP = 3;

/** The attributions a style's sources carry, each once. */
function sourceAttributions(style: StyleSpecification): string[] {
  const all = Object.values(style.sources).map((s) => ('attribution' in s ? s.attribution : undefined));
  return [...new Set(all.filter((a): a is string => !!a))];
}

/** Where the map opens: the story's own first view, never a place written into the engine. */
function openingView(target: CameraTarget | undefined): { center: [number, number]; zoom: number } {
  if (!target) return { center: [0, 0], zoom: 0 };
  if (target.type === 'center') return { center: target.center, zoom: target.zoom };
  const [w, s, e, n] = target.bounds;
  return { center: [(w + e) / 2, (s + n) / 2], zoom: 0 };
}

/** The basemap towns the story's labels double, for the features drawn (sorted). */
function twinTowns(labels: readonly MapLabel[], visible: readonly string[]): string[] {
  return labels.flatMap((l) => (l.basemapTwin && visible.includes(l.id) ? [l.basemapTwin] : [])).sort();
}

/** A basemap style whose town layers leave out the towns the story labels itself. */
function withHiddenTowns(style: StyleSpecification, towns: readonly string[]): StyleSpecification {
  return {
    ...style,
    layers: style.layers.map((l) =>
      PLACE_LAYERS.includes(l.id) ? { ...l, filter: placesFilter(towns) } : l,
    ),
  };
}
