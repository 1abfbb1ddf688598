// @vitest-environment happy-dom
/**
 * The controller against a fake map: what it asks MapLibre to do for planned operations.
 * (tests/e2e/maplibre-contract.spec.ts checks that the real map has what the fake has.)
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { FakeMap, FakeMarker } from './fake-map';

vi.mock('maplibre-gl', () => ({
  Map: FakeMap,
  Marker: FakeMarker,
  NavigationControl: class {},
  ScaleControl: class {},
  AttributionControl: class {
    constructor(public options: { customAttribution?: string | string[] }) {}
  },
  setWorkerUrl: () => {},
  addProtocol: () => {},
}));
vi.mock('maplibre-gl/dist/maplibre-gl-worker.mjs?url', () => ({ default: '/worker.js' }));

const { MapController } = await import('../../src/map/controller');
const { plan } = await import('../../src/map/plan');
const { cameraFor } = await import('../../src/map/camera');
import type { MapState } from '../../src/story/map-state';
import type { FeatureCollection } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';

const geojson: FeatureCollection = { type: 'FeatureCollection', features: [] };
const labels = [
  {
    id: 'a',
    kind: 'town',
    label: 'Alpha',
    at: [44, 33] as [number, number],
    area: false,
    schematic: false,
    basemapTwin: 'Alpha Town',
  },
  { id: 'b', kind: 'town', label: 'Beta', at: [45, 34] as [number, number], area: false, schematic: false },
];

const state = (over: Partial<MapState>): MapState => ({
  camera: { type: 'center', center: [44, 33], zoom: 8, bearing: 0, pitch: 0 },
  visible: ['a', 'b'],
  highlight: [],
  transition: 'fly',
  legend: [],
  ...over,
});

async function create(
  onError = vi.fn(),
  story: FeatureCollection = geojson,
  opening: { visible?: string[]; highlight?: string[] } = {},
) {
  const container = document.createElement('div');
  Object.defineProperty(container, 'clientWidth', { value: 768 });
  Object.defineProperty(container, 'clientHeight', { value: 800 });
  container.getBoundingClientRect = () => ({ left: 0, top: 0, right: 768, bottom: 800 }) as DOMRect;
  document.body.append(container);
  const first = state({});
  const creating = MapController.create({
    container,
    basemap: { type: 'offline', base: '/basemap/' },
    story: { geojson: story, labels },
    initial: { target: first.camera, ...opening },
    insets: () => ({ top: 50, bottom: 100 }),
    onError,
    onBasemapError: vi.fn(),
  });
  const map = FakeMap.last!;
  map.fire('load');
  return { controller: await creating, map, container, onError };
}

describe('MapController on a fake map', () => {
  beforeEach(() => {
    document.body.replaceChildren();
  });

  test('opens at the reader’s step with a jump, before the map has loaded, with the camera camera.ts gives', async () => {
    const { map } = await create();
    expect(map.options.interactive).toBe(false);
    const expected = cameraFor(
      { target: state({}).camera },
      { width: 768, height: 800 },
      { top: 50, right: 0, bottom: 100, left: 0 },
    );
    expect(map.called('jumpTo')).toEqual([
      [{ ...expected, padding: { top: 0, left: 0, right: 0, bottom: 0 } }],
    ]);
  });

  test("opens with the step's features, emphasis and hidden towns in its style: no filter is set once it has loaded", async () => {
    const { map, container } = await create(vi.fn(), geojson, { visible: ['a', 'b'], highlight: ['a'] });
    const layers = (map.options.style as StyleSpecification).layers;
    const filter = (id: string) =>
      JSON.stringify((layers.find((l) => l.id === id) as { filter?: unknown }).filter);
    expect(filter('story-point')).toContain('["literal",["a","b"]]');
    expect(filter('story-highlight-point')).toContain('["literal",["a"]]');
    // The story labels Alpha itself: the basemap's town of that name is left out.
    expect(filter('world-places')).toContain('"Alpha Town"');
    expect(map.called('setFilter')).toEqual([]);
    const label = (ref: string) => container.querySelector<HTMLElement>(`.map-label[data-ref="${ref}"]`)!;
    expect([label('a').hidden, label('b').hidden]).toEqual([false, false]);
    expect(label('a').classList.contains('is-highlight')).toBe(true);
    expect(label('b').classList.contains('is-highlight')).toBe(false);
  });

  test('a map opened with nothing drawn shows no story feature, label or hidden town', async () => {
    const { map, container } = await create();
    const layers = (map.options.style as StyleSpecification).layers;
    const filter = (id: string) =>
      JSON.stringify((layers.find((l) => l.id === id) as { filter?: unknown }).filter);
    expect(filter('story-point')).toContain('["literal",[]]');
    expect(filter('world-places')).not.toContain('Alpha Town');
    expect([...container.querySelectorAll<HTMLElement>('.map-label')].every((l) => l.hidden)).toBe(true);
  });

  test("a hosted style gets the step's features, emphasis and hidden towns as it loads", async () => {
    const container = document.createElement('div');
    document.body.append(container);
    const creating = MapController.create({
      container,
      basemap: { type: 'hosted', styleUrl: '/hosted/style.json' },
      story: { geojson, labels },
      initial: { target: state({}).camera, visible: ['a'], highlight: ['a'] },
      onError: vi.fn(),
      onBasemapError: vi.fn(),
    });
    const map = FakeMap.last!;
    map.fire('load');
    await Promise.resolve();
    const [[url, { transformStyle }]] = map.called('setStyle') as [
      [string, { transformStyle: (prev: unknown, next: StyleSpecification) => StyleSpecification }],
    ];
    expect(url).toMatch(/\/hosted\/style\.json$/);
    const hosted: StyleSpecification = {
      version: 8,
      sources: {},
      layers: [{ id: 'world-places', type: 'symbol', source: 'x' }],
    };
    const layers = transformStyle(undefined, hosted).layers;
    const filter = (id: string) =>
      JSON.stringify((layers.find((l) => l.id === id) as { filter?: unknown }).filter);
    expect(filter('story-point')).toContain('["literal",["a"]]');
    expect(filter('story-highlight-point')).toContain('["literal",["a"]]');
    expect(filter('world-places')).toContain('"Alpha Town"');
    map.fire('style.load');
    await creating;
  });

  test('reduced motion: a step change is one jump, never a flight or an ease', async () => {
    const { controller, map } = await create();
    const prev = state({});
    const next = state({ camera: { type: 'center', center: [45, 34], zoom: 9, bearing: 0, pitch: 0 } });
    controller.apply(plan(prev, next, { reducedMotion: true }));
    expect(map.called('flyTo')).toEqual([]);
    expect(map.called('easeTo')).toEqual([]);
    expect(map.called('jumpTo')).toHaveLength(2);
  });

  test('without reduced motion the step flies or eases, and never claims to be essential', async () => {
    // `essential: true` would make MapLibre travel even under the system's reduced-motion setting.
    const { controller, map } = await create();
    const a = state({});
    const b = state({ camera: { type: 'center', center: [45, 34], zoom: 9, bearing: 0, pitch: 0 } });
    controller.apply(plan(a, b, { reducedMotion: false }));
    controller.apply(plan(b, { ...a, transition: 'ease' }, { reducedMotion: false }));
    const [fly] = map.called('flyTo') as [[Record<string, unknown>]];
    const [ease] = map.called('easeTo') as [[Record<string, unknown>]];
    expect(fly[0].center).toEqual([45, 34]);
    expect(ease[0].center).toEqual([44, 33]);
    expect(fly[0].essential).toBeUndefined();
    expect(ease[0].essential).toBeUndefined();
  });

  test('visible and highlighted features: layer filters and labels follow the plan', async () => {
    const { controller, map, container } = await create();
    controller.apply(plan(null, state({ visible: ['a'], highlight: ['a'] }), { reducedMotion: false }));
    const label = (ref: string) => container.querySelector<HTMLElement>(`.map-label[data-ref="${ref}"]`)!;
    expect(label('a').hidden).toBe(false);
    expect(label('b').hidden).toBe(true);
    expect(label('a').classList.contains('is-highlight')).toBe(true);
    const filters = map.called('setFilter') as [string, unknown][];
    expect(
      filters.some(([layer, f]) => layer === 'story-highlight-point' && JSON.stringify(f).includes('"a"')),
    ).toBe(true);
  });

  test("the basemap's labels are told where the story's places are: a box over the highlighted ring and the other dot, as invisible icons whose images are made at the size they name", async () => {
    const point = (ref: string, at: [number, number]) => ({
      type: 'Feature' as const,
      properties: { ref, draw: 'point' },
      geometry: { type: 'Point' as const, coordinates: at },
    });
    const story: FeatureCollection = {
      type: 'FeatureCollection',
      features: [point('a', [44, 33]), point('b', [45, 34]), point('off', [44.5, 33])],
    };
    const { controller, map } = await create(vi.fn(), story);
    controller.apply([
      { type: 'setVisible', ids: ['a', 'b'] },
      { type: 'setHighlight', ids: ['a'] },
    ]);
    const shared = map.data.get('story-obstacles') as FeatureCollection;
    const icons = shared.features.map((f) => [f.properties!.image, f.geometry]);
    // The ring (radius 9, stroke 3) and the dot (radius 5, its white edge), at their places;
    // the labels measure nothing in this DOM, and the place not shown is not in the way.
    expect(icons).toEqual(
      expect.arrayContaining([
        ['story-obstacle-22x22', { type: 'Point', coordinates: [44, 33] }],
        ['story-obstacle-14x14', { type: 'Point', coordinates: [45, 34] }],
      ]),
    );
    expect(icons.filter(([image]) => image !== 'story-obstacle-2x2')).toHaveLength(2);
    map.resolveImage('story-obstacle-22x22');
    map.resolveImage('some-other-icon');
    const [[id, image]] = map.called('addImage') as [
      [string, { width: number; height: number; data: Uint8Array }],
    ];
    expect(id).toBe('story-obstacle-22x22');
    expect([image.width, image.height, image.data.length]).toEqual([22, 22, 22 * 22 * 4]);
    expect(image.data.every((v) => v === 0)).toBe(true);
    expect(map.called('addImage')).toHaveLength(1);
  });

  test("the basemap's labels get the story's boxes as soon as the style is there, and the same boxes are not given again", async () => {
    const container = document.createElement('div');
    document.body.append(container);
    const point = {
      type: 'Feature' as const,
      properties: { ref: 'a', draw: 'point' },
      geometry: { type: 'Point' as const, coordinates: [44, 33] },
    };
    const creating = MapController.create({
      container,
      basemap: { type: 'offline', base: '/basemap/' },
      story: { geojson: { type: 'FeatureCollection', features: [point] }, labels },
      initial: { target: state({}).camera, visible: ['a'], highlight: [] },
      onError: vi.fn(),
      onBasemapError: vi.fn(),
    });
    const map = FakeMap.last!;
    const given = vi.spyOn(map.data, 'set');
    // Before the map has loaded: the names are placed clear of the dot from their first layout.
    map.fire('style.load');
    expect(given).toHaveBeenCalledTimes(1);
    map.fire('load');
    const controller = await creating;
    // Labels placed again with nothing moved (the step applied at ready): nothing new to give.
    controller.apply([]);
    map.fire('moveend');
    expect(given).toHaveBeenCalledTimes(1);
    // Another style brings an empty obstacle source: the boxes go to it again.
    const switching = controller.setBasemapStyle({ version: 8, sources: {}, layers: [] });
    map.fire('style.load');
    await switching;
    expect(given).toHaveBeenCalledTimes(2);
  });

  test("the credits under the map are the offline basemap's from the start, not once its sources have loaded", async () => {
    const { map } = await create();
    expect(map.options.attributionControl).toBe(false);
    const [control] = map.called('addControl').find(([c]) => c && 'options' in (c as object)) as [
      { options: { compact: boolean; customAttribution: string[] } },
    ];
    expect(control.options.compact).toBe(false);
    expect(control.options.customAttribution).toHaveLength(1);
    expect(control.options.customAttribution[0]).toContain('Natural Earth');
    expect(control.options.customAttribution[0]).toContain('OpenStreetMap');
  });

  test('explore mode unlocks every interaction handler and adds the zoom buttons; leaving it locks them again', async () => {
    const { controller, map } = await create();
    // The scale bar is added when the map is made; explore adds the zoom buttons.
    const controlsBefore = map.called('addControl').length;
    controller.setExploring(true, 'Map.');
    expect(map.called('dragPan.enable')).toHaveLength(1);
    expect(map.called('keyboard.enable')).toHaveLength(1);
    expect(map.called('addControl')).toHaveLength(controlsBefore + 1);
    expect(map.getCanvas().getAttribute('role')).toBe('application');
    controller.setExploring(false, 'Map.');
    expect(map.called('dragPan.disable')).toHaveLength(1);
    expect(map.called('removeControl')).toHaveLength(1);
    expect(map.getCanvasContainer().getAttribute('aria-hidden')).toBe('true');
  });

  test('destroy removes the map, and the context it gives back is not reported as a failure', async () => {
    const { controller, map, onError } = await create();
    controller.destroy();
    expect(map.removed).toBe(true);
    expect(onError).not.toHaveBeenCalled();
  });

  test('a WebGL context lost while the map is in use is reported', async () => {
    const { map, onError } = await create();
    map.getCanvas().dispatchEvent(new Event('webglcontextlost'));
    expect(onError).toHaveBeenCalledWith('the map stopped drawing (WebGL context lost)');
  });
});
