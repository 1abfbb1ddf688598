/**
 * The camera picker panel (dev only: story-map.ts loads it when import.meta.env.DEV,
 * and only dev pages carry the step files in data-step-files). "Pick a view" frees the map; "Use this view"
 * posts the view to the dev server, which writes it into the step's file; the page
 * then reloads on the same step once the server serves the new camera.
 */
import './camera-picker.css';
import { CAMERA_ENDPOINT } from '../integrations/camera-endpoint';

type View = NonNullable<ReturnType<NonNullable<Window['storyMap']>['view']>>;

function setUp(panel: HTMLElement): void {
  const files = new Map(
    (JSON.parse(panel.dataset.steps ?? '[]') as { id: string; file: string }[]).map((s) => [s.id, s.file]),
  );
  const $ = <T extends HTMLElement>(name: string) => panel.querySelector<T>(`[data-cp-${name}]`)!;
  const [stepEl, fileEl, viewEl, pick, use, cancel, status] = [
    'step',
    'file',
    'view',
    'pick',
    'use',
    'cancel',
    'status',
  ].map((n) => $(n));
  let target: string | undefined;
  let picking = false;

  const say = (text: string, error = false) => {
    status!.textContent = text;
    status!.classList.toggle('is-error', error);
  };
  const showStep = (id: string) => {
    if (picking) return;
    target = id;
    stepEl!.textContent = id;
    fileEl!.textContent = files.get(id) ?? '';
  };
  const fmt = (v: View) =>
    `center [${v.center[0].toFixed(5)}, ${v.center[1].toFixed(5)}] · zoom ${v.zoom.toFixed(2)}${v.bearing ? ` · bearing ${v.bearing.toFixed(1)}` : ''}${v.pitch ? ` · pitch ${v.pitch.toFixed(1)}` : ''}`;
  const showView = () => {
    const v = window.storyMap?.view();
    if (v) viewEl!.textContent = fmt(v);
  };
  const setPicking = (on: boolean) => {
    picking = on;
    window.storyMap?.explore(on);
    pick!.hidden = on;
    use!.hidden = !on;
    cancel!.hidden = !on;
    viewEl!.hidden = !on;
    if (on) showView();
  };

  document
    .querySelector<HTMLElement>('story-map')
    ?.addEventListener('storymap:step', (e) => showStep(e.detail.id));
  if (window.storyMap) showStep(window.storyMap.activeStep.id);

  pick!.addEventListener('click', async () => {
    if (!window.storyMap?.map) {
      say('The map has not loaded yet: wait a moment and try again.', true);
      return;
    }
    await window.storyMap.whenIdle();
    say('Drag to pan, scroll to zoom, right-drag to turn and tilt. Then press "Use this view".');
    setPicking(true);
    window.storyMap.map.on('move', showView);
  });

  cancel!.addEventListener('click', () => {
    window.storyMap?.map?.off('move', showView);
    setPicking(false);
    say('Cancelled: nothing was written.');
  });

  use!.addEventListener('click', async () => {
    const view = window.storyMap?.view();
    const file = target && files.get(target);
    if (!view || !file) return;
    use!.setAttribute('disabled', '');
    say(`Writing the camera of ${file}…`);
    try {
      const r = await fetch(CAMERA_ENDPOINT, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ file, camera: view }),
      });
      const body = (await r.json()) as { ok: boolean; error?: string };
      if (!body.ok) throw new Error(body.error ?? `the dev server answered ${r.status}`);
      say(`Saved the camera in ${file}. Reloading…`);
      // The dev server may reload the page by itself once it has synced the file: it lands on
      // this step too. replaceState: setting location.hash would scroll.
      history.replaceState(history.state, '', `#${target}`);
      if (await waitForNewPage(view)) {
        if (!devServerReloading) location.reload();
      } else
        say(
          `Saved the camera in ${file}, but the dev server has not served it yet: reload the page in a moment.`,
        );
    } catch (e) {
      say(`Not saved: ${e instanceof Error ? e.message : String(e)}`, true);
      use!.removeAttribute('disabled');
    }
  });
}

/**
 * The dev server rebuilds the page after the file changes: wait until it serves the new
 * centre, so the one reload shows the new camera. A busy machine took over 10 s to sync
 * (reloading sooner showed the old camera); past a minute, say so rather than reload.
 */
async function waitForNewPage(view: View): Promise<boolean> {
  const needle = `"center":[${round(view.center[0])},${round(view.center[1])}]`;
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const html = await fetch(location.pathname, { cache: 'no-store' })
      .then((r) => r.text())
      .catch(() => '');
    if (html.includes(needle) || devServerReloading) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

const round = (n: number) => Math.round(n * 1e5) / 1e5;

/** The dev server reloads the page itself once a saved file is synced: then one reload is enough. */
let devServerReloading = false;
import.meta.hot?.on('vite:beforeFullReload', () => (devServerReloading = true));

function createPanel(story: HTMLElement): HTMLElement {
  const panel = document.createElement('aside');
  panel.className = 'camera-picker';
  panel.setAttribute('aria-label', 'Camera picker');
  panel.dataset.steps = story.dataset.stepFiles ?? '[]';
  panel.innerHTML = `
    <p class="cp-head"><strong>Camera picker</strong> <span class="cp-dev">npm run dev only</span></p>
    <p class="cp-step">Step <strong data-cp-step></strong><br><code data-cp-file></code></p>
    <p class="cp-view" data-cp-view hidden></p>
    <p class="cp-buttons">
      <button type="button" data-cp-pick>Pick a view</button>
      <button type="button" data-cp-use hidden>Use this view</button>
      <button type="button" data-cp-cancel hidden>Cancel</button>
    </p>
    <p class="cp-status" role="status" data-cp-status></p>`;
  document.body.append(panel);
  return panel;
}

const story = document.querySelector<HTMLElement>('story-map[data-step-files]');
if (story) setUp(createPanel(story));
