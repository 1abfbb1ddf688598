/**
 * Loading the interactive map: checks WebGL, lets the text paint first, fetches
 * MapLibre and the story's data, creates the controller at the reader's step, keeps the
 * step framed when the map is resized, and says so on the page when anything fails (the
 * static maps in each step then take over).
 */
import type { MapController, StoryData } from '../map/controller';
import type { StepState } from './story-api';
import type { MapState } from '../story/map-state';
import { Orientation, showLocator } from './orientation';
import { prefetchFonts } from '../map/font-files';

export interface MapLoadOptions {
  root: HTMLElement;
  /** The step the reader is on when the map is ready to open (a deep link, or where the page was scrolled to). */
  current: () => StepState;
  signal: AbortSignal;
}

/** A map ready to follow the story, and the step state it opened on. */
export interface LoadedMap {
  controller: MapController;
  /** What the map shows now: the reader may have moved to another step while it loaded. */
  opened: MapState;
}

/** The map, or null without one (no WebGL, a failure, or the element left the page meanwhile). */
export async function loadMap({ root, current, signal }: MapLoadOptions): Promise<LoadedMap | null> {
  const container = root.querySelector<HTMLElement>('.map');
  if (!container) return null;
  // The story's data travels while the text paints and MapLibre loads: on a throttled phone
  // it was asked for only once MapLibre had arrived and run, a few hundred ms on the map's
  // critical path. (Awaited below; the catch only keeps an early failure from going unhandled.)
  const storyData = fetchJson<StoryData>(root.dataset.storyData!);
  storyData.catch(() => {});
  // Text first: let the browser paint the story before MapLibre (~1 MB of script) is
  // fetched and parsed on the main thread, and before the WebGL probe, which costs a
  // context of its own.
  await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  if (signal.aborted) return null;
  if (!webglAvailable()) {
    notice(
      root,
      'The interactive map needs WebGL, which this browser does not offer: each step shows a static map instead.',
    );
    return null;
  }
  // The basemap's fonts, which the labels wait for (src/map/font-files.ts).
  prefetchFonts(root.dataset.basemapFonts?.split(' ').filter(Boolean) ?? []);
  try {
    const [{ MapController }, story] = await Promise.all([import('../map/controller'), storyData]);
    if (signal.aborted) return null;
    const hosted = root.dataset.basemapStyle;
    const first = current().state;
    // Before the camera opens, so it frames the step's places clear of the inset.
    const orientation = new Orientation(container.parentElement!);
    showLocator(root, current().locator);
    const controller = await MapController.create({
      container,
      basemap: hosted
        ? { type: 'hosted', styleUrl: hosted }
        : { type: 'offline', base: root.dataset.basemap!, detail: 'basemapDetail' in root.dataset },
      story,
      initial: {
        target: first.camera,
        ...(first.focus ? { focus: first.focus } : {}),
        visible: first.visible,
        highlight: first.highlight,
      },
      // The page's overlays and the map's own attribution and scale bar, which sit over its
      // bottom edge (on a 320 px phone the scale bar covered highlighted places).
      insets: () =>
        overlayInsets(container, [
          ...root.querySelectorAll<HTMLElement>('[data-map-overlay]'),
          ...container.querySelectorAll<HTMLElement>('.maplibregl-ctrl-attrib, .maplibregl-ctrl-scale'),
        ]),
      onBasemapError: (m) => {
        console.error(`storymap: basemap: ${m}`);
        notice(
          root,
          `The background map could not be loaded (${m}). The story's places are still shown, and the text is complete without the map.`,
          false,
        );
      },
      onError: (m) => {
        console.error(`storymap: ${m}`);
        notice(root, `The map could not be drawn (${m}): each step shows a static map instead.`);
      },
    });
    if (signal.aborted) {
      controller.destroy();
      return null;
    }
    signal.addEventListener('abort', () => controller.destroy());
    controller.onRotate((b) => orientation.bearing(b));
    root.classList.add('map-ready');
    const reframed = reframeOnResize(container, controller, signal);
    // Idle means after any re-frame the last resize asked for, not just between two.
    const idle = controller.idle.bind(controller);
    controller.idle = () => reframed().then(idle);
    return { controller, opened: first };
  } catch (e) {
    const m = e instanceof Error ? e.message : String(e);
    console.error(`storymap: ${m}`);
    notice(root, `The map could not be loaded (${m}): each step shows a static map instead.`);
    return null;
  }
}

/** Rotation or resize: keep the step's subject framed, once the size has settled. */
function reframeOnResize(
  container: HTMLElement,
  controller: MapController,
  signal: AbortSignal,
): () => Promise<void> {
  let t: number | undefined;
  let done: (() => void) | undefined;
  let pending: Promise<void> | undefined;
  let size = `${container.clientWidth}x${container.clientHeight}`;
  const observer = new ResizeObserver(() => {
    const now = `${container.clientWidth}x${container.clientHeight}`;
    if (now === size) return;
    size = now;
    clearTimeout(t);
    pending ??= new Promise<void>((resolve) => (done = resolve));
    t = window.setTimeout(() => {
      controller.reframe();
      const finish = done;
      pending = done = undefined;
      finish?.();
    }, 150);
  });
  observer.observe(container);
  signal.addEventListener('abort', () => {
    observer.disconnect();
    clearTimeout(t);
    done?.();
  });
  return () => pending ?? Promise.resolve();
}

function notice(root: HTMLElement, message: string, failed = true): void {
  const el = root.querySelector<HTMLElement>('.map-notice');
  if (!el) return;
  el.textContent = message;
  el.hidden = false;
  if (failed) {
    // The static maps in each step take over (see styles/story/static-map.css).
    root.classList.add('map-failed');
    root.querySelector<HTMLElement>('.map-tools')?.setAttribute('hidden', '');
  }
}

/**
 * How far the elements drawn over the map reach in from each edge, by where they are
 * now (the page's CSS moves them between phone and laptop): one in the upper half pushes
 * the top in, one in the lower half the bottom, with a small gap. Their boxes too, for
 * the labels to keep clear of.
 */
export function overlayInsets(
  map: HTMLElement,
  overlays: Iterable<HTMLElement>,
): { top: number; right: number; bottom: number; left: number; covers: DOMRect[] } {
  const m = map.getBoundingClientRect();
  let top = 0;
  let bottom = 0;
  const covers: DOMRect[] = [];
  for (const el of overlays) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue; // hidden
    // Beside or below the map (the phone layout's control bar): it covers nothing.
    if (r.bottom <= m.top || r.top >= m.bottom || r.right <= m.left || r.left >= m.right) continue;
    covers.push(r);
    if ((r.top + r.bottom) / 2 < (m.top + m.bottom) / 2) top = Math.max(top, r.bottom - m.top + 12);
    else bottom = Math.max(bottom, m.bottom - r.top + 8);
  }
  return { top, right: 0, bottom, left: 0, covers };
}

async function fetchJson<T>(url: string): Promise<T> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url} answered ${r.status}`);
  return (await r.json()) as T;
}

function webglAvailable(): boolean {
  try {
    const c = document.createElement('canvas');
    const gl = c.getContext('webgl2') ?? c.getContext('webgl');
    // Given back at once: the map makes its own, and a browser keeps only so many.
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    return Boolean(gl);
  } catch {
    return false;
  }
}
