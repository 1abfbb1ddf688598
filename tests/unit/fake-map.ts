/**
 * A stand-in for MapLibre's Map with exactly the members the controller uses (MAP_MEMBERS):
 * it records calls and fires events when told. tests/e2e/maplibre-contract.spec.ts checks
 * the same names on the real map, so an upgrade that renames one fails there, by name.
 */
type Handler = (e?: unknown) => void;

/** Every method of maplibre-gl's Map that src/map/controller.ts calls. */
export const MAP_METHODS = [
  'on',
  'once',
  'getCanvas',
  'getCanvasContainer',
  'getContainer',
  'getLayer',
  'setFilter',
  'setStyle',
  'addControl',
  'removeControl',
  'resize',
  'stop',
  'jumpTo',
  'easeTo',
  'flyTo',
  'getCenter',
  'getZoom',
  'getBearing',
  'getPitch',
  'isMoving',
  'loaded',
  'areTilesLoaded',
  'remove',
  'project',
  'unproject',
  'getSource',
  'hasImage',
  'addImage',
  'setMissingStyleImageResolver',
] as const;

/** Its interaction handlers, each with enable() and disable(). */
export const MAP_HANDLERS = [
  'dragPan',
  'scrollZoom',
  'boxZoom',
  'dragRotate',
  'keyboard',
  'doubleClickZoom',
  'touchZoomRotate',
  'touchPitch',
] as const;

/** The map events the controller listens to. */
export const MAP_EVENTS = ['load', 'idle', 'moveend', 'sourcedata', 'error', 'style.load'] as const;

export interface Call {
  method: string;
  args: unknown[];
}

export class FakeMap {
  static last: FakeMap | undefined;
  readonly calls: Call[] = [];
  readonly options: Record<string, unknown>;
  private handlers = new Map<string, Handler[]>();
  private container: HTMLElement;
  private canvas = document.createElement('canvas');
  private canvasContainer = document.createElement('div');
  private layers = new Set<string>();
  removed = false;

  constructor(options: Record<string, unknown>) {
    this.options = options;
    this.container = options.container as HTMLElement;
    this.container.append(this.canvasContainer);
    this.canvasContainer.append(this.canvas);
    const style = options.style as { layers?: { id: string }[] } | undefined;
    for (const l of style?.layers ?? []) this.layers.add(l.id);
    for (const h of MAP_HANDLERS) (this as Record<string, unknown>)[h] = this.handler(h);
    FakeMap.last = this;
  }

  private handler(name: string) {
    return {
      enable: () => this.record(`${name}.enable`, []),
      disable: () => this.record(`${name}.disable`, []),
    };
  }

  private record(method: string, args: unknown[]) {
    this.calls.push({ method, args });
  }

  /** The calls of one method, in order. */
  called(method: string): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  fire(event: string, e?: unknown): void {
    for (const h of [...(this.handlers.get(event) ?? [])]) h(e);
  }

  on(event: string, f: Handler) {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), f]);
    return this;
  }
  once(event: string, f: Handler) {
    const once: Handler = (e) => {
      this.handlers.set(
        event,
        (this.handlers.get(event) ?? []).filter((h) => h !== once),
      );
      f(e);
    };
    return this.on(event, once);
  }
  getCanvas() {
    return this.canvas;
  }
  getCanvasContainer() {
    return this.canvasContainer;
  }
  getContainer() {
    return this.container;
  }
  getLayer(id: string) {
    return this.layers.has(id) ? { id } : undefined;
  }
  setFilter(...args: unknown[]) {
    this.record('setFilter', args);
  }
  setStyle(...args: unknown[]) {
    this.record('setStyle', args);
  }
  addControl(...args: unknown[]) {
    this.record('addControl', args);
  }
  removeControl(...args: unknown[]) {
    this.record('removeControl', args);
  }
  resize() {
    this.record('resize', []);
  }
  stop() {
    this.record('stop', []);
  }
  jumpTo(...args: unknown[]) {
    this.record('jumpTo', args);
  }
  easeTo(...args: unknown[]) {
    this.record('easeTo', args);
  }
  flyTo(...args: unknown[]) {
    this.record('flyTo', args);
  }
  getCenter() {
    return { lng: 44, lat: 33 };
  }
  getZoom() {
    return 4;
  }
  getBearing() {
    return 0;
  }
  getPitch() {
    return 0;
  }
  isMoving() {
    return false;
  }
  loaded() {
    return true;
  }
  areTilesLoaded() {
    return true;
  }
  /** A flat map, 100 px a degree, with 44° E 33° N (getCenter) at (384, 400). */
  project([lng, lat]: [number, number]) {
    return { x: (lng - 44) * 100 + 384, y: (33 - lat) * 100 + 400 };
  }
  unproject([x, y]: [number, number]) {
    return { lng: 44 + (x - 384) / 100, lat: 33 - (y - 400) / 100 };
  }
  /** The GeoJSON sources' last data, by id. */
  readonly data = new Map<string, unknown>();
  getSource(id: string) {
    return { setData: (d: unknown) => this.data.set(id, d) };
  }
  private images = new Set<string>();
  hasImage(id: string) {
    return this.images.has(id);
  }
  /** What the controller makes of an image the style asks for and the map lacks. */
  resolveImage: (id: string) => void = () => {};
  setMissingStyleImageResolver(f: (id: string) => void) {
    this.resolveImage = f;
  }
  addImage(id: string, ...args: unknown[]) {
    this.images.add(id);
    this.record('addImage', [id, ...args]);
  }
  remove() {
    this.removed = true;
    this.record('remove', []);
    // MapLibre gives its WebGL context back when removed.
    this.canvas.dispatchEvent(new Event('webglcontextlost'));
    this.canvasContainer.remove();
  }
}

/** MapLibre's Marker, as far as the controller uses it: an element put on the map. */
export class FakeMarker {
  readonly element: HTMLElement;
  lngLat: [number, number] | undefined;
  constructor(options: { element: HTMLElement }) {
    this.element = options.element;
  }
  setLngLat(at: [number, number]) {
    this.lngLat = at;
    return this;
  }
  addTo(map: FakeMap) {
    map.getContainer().append(this.element);
    return this;
  }
}
