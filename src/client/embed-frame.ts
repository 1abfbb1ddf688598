/**
 * The embed page talking to the page that frames it: step events for course pages,
 * its height for self-sizing (in our format and pym.js's), and, when the host script
 * drives it, the host's viewport in place of the frame's own scrolling.
 */
import type { HostViewport } from '../scroll/host-driver';

export const inFrame = (): boolean => {
  try {
    return window.parent !== window;
  } catch {
    return true;
  }
};

/** Every message the host receives has a `type` starting with "storymap:" and the story's slug. */
export function postToHost(message: Record<string, unknown>): void {
  if (!inFrame()) return;
  // The data is public and read-only: any host may listen.
  window.parent.postMessage(message, '*');
}

/**
 * pym.js speaks strings, "pymxPYMx{id}xPYMx{type}xPYMx{message}", to the parent that set
 * the child id (the id is checked to be a plain word when the query string is read).
 */
const PYM = 'xPYMx';
export const pymMessage = (childId: string, type: string, message: string): string =>
  ['pym', childId, type, message].join(PYM);

export function postToPym(childId: string, type: string, message: string): void {
  if (inFrame()) window.parent.postMessage(pymMessage(childId, type, message), '*');
}

/**
 * No screen is taller than this (CSS px): a larger "window height" is a bug or an attack.
 * A height of 1e308 once froze the frame (every step was sized from it).
 */
export const MAX_HOST_HEIGHT = 20_000;

/**
 * A viewport the frame can use: finite numbers, a real window height, and the frame's top
 * within the document's size. A top beyond the frame's own height (the frame not reached
 * yet) or above minus its height (scrolled past) means the same as those limits, so it
 * is clamped there: nothing outside the document reaches the layout.
 */
export function checkedViewport(top: unknown, height: unknown, docHeight: number): HostViewport | undefined {
  if (typeof top !== 'number' || typeof height !== 'number') return undefined;
  if (!Number.isFinite(top) || !Number.isFinite(height)) return undefined;
  if (height <= 0 || height > MAX_HOST_HEIGHT) return undefined;
  return { top: Math.min(Math.max(top, -docHeight), Math.max(docHeight, height)), height };
}

/**
 * The host viewport in pym.js's "viewport-iframe-position" message, "width height top left
 * bottom right" of the host's window and the frame. A pym.js parent sends it on every scroll
 * when made with `trackscroll: true`, and once when the child asks with "parentPositionInfo".
 * `bad` when the message is one of these with values the frame cannot use.
 */
export function pymViewport(
  data: unknown,
  childId: string,
  docHeight = Infinity,
): HostViewport | 'bad' | undefined {
  const prefix = pymMessage(childId, 'viewport-iframe-position', '');
  if (typeof data !== 'string' || !data.startsWith(prefix)) return undefined;
  // Six numbers at most: a megabyte of digits is not split, parsed or kept.
  if (data.length > prefix.length + 200) return 'bad';
  const [, height, top] = data.slice(prefix.length).split(' ').map(Number);
  return checkedViewport(top, height, docHeight) ?? 'bad';
}

/** Reports the page's height whenever it changes (self-sizing hosts, pym.js parents). */
export function reportHeight(story: string, childId: string | undefined, signal?: AbortSignal): void {
  if (!inFrame()) return;
  let last = 0;
  const send = () => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height === last) return;
    last = height;
    postToHost({ type: 'storymap:height', story, height });
    if (childId) postToPym(childId, 'height', String(height));
  };
  const observer = new ResizeObserver(send);
  observer.observe(document.body);
  signal?.addEventListener('abort', () => observer.disconnect());
  send();
}

/**
 * The origin of the page that frames this one, when the browser says (Chromium's
 * ancestorOrigins, else the referrer); undefined when it is not known (a host with
 * `Referrer-Policy: no-referrer` in a browser without ancestorOrigins).
 */
export function parentOrigin(): string | undefined {
  const ancestors = (location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  if (ancestors && ancestors.length > 0) return ancestors[0]!;
  try {
    return document.referrer ? new URL(document.referrer).origin : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Calls back with the host's viewport whenever the host sends it: the host script
 * (embed.js) as an object, a pym.js parent (when it set `childId`) in its own format.
 * Every message is checked: from the parent window, from the parent's origin when known,
 * of a known type, with usable values (see checkedViewport). A bad one is dropped with one
 * console warning for the page, not one per message. Checking is all a message costs:
 * the callback runs at most once per frame, with the latest viewport, so a host (or
 * anyone posting as it) sending thousands a second cannot keep the frame busy.
 */
export function onHostViewport(
  childId: string | undefined,
  f: (v: HostViewport) => void,
  signal?: AbortSignal,
): void {
  const origin = parentOrigin();
  let latest: HostViewport | undefined;
  let scheduled = false;
  let warned = false;
  const warn = (what: string) => {
    if (warned) return;
    warned = true;
    console.warn(
      `embed: ignored ${what} from the host page (values out of range); the story stays on its step`,
    );
  };
  const run = () => {
    scheduled = false;
    const v = latest;
    latest = undefined;
    // Clamped to the document here, once a frame: reading its height per message would cost a layout.
    if (v) f(checkedViewport(v.top, v.height, document.documentElement.scrollHeight)!);
  };
  const onMessage = (e: MessageEvent) => {
    if (e.source !== window.parent || (origin !== undefined && e.origin !== origin)) return;
    let v: HostViewport | undefined;
    if (childId && typeof e.data === 'string') {
      const pym = pymViewport(e.data, childId);
      if (pym === 'bad') return warn('a pym.js viewport message');
      v = pym;
    } else {
      const d = e.data as { type?: unknown; top?: unknown; height?: unknown } | null;
      if (!d || typeof d !== 'object' || d.type !== 'storymap:host-viewport') return;
      v = checkedViewport(d.top, d.height, Infinity);
      if (!v) return warn('a storymap:host-viewport message');
    }
    if (!v) return;
    latest = v;
    if (scheduled) return;
    scheduled = true;
    // After the next frame is drawn, or soon if the browser draws no frames (a hidden tab).
    const t = setTimeout(run, 100);
    requestAnimationFrame(() => {
      clearTimeout(t);
      if (scheduled) run();
    });
  };
  window.addEventListener('message', onMessage, { signal });
}

/**
 * Announces the frame to the host script now, and again whenever the host asks (it asks a
 * lazy frame that may have loaded, and announced itself, before the script ran).
 */
export function announceToHost(message: Record<string, unknown>, signal?: AbortSignal): void {
  window.addEventListener(
    'message',
    (e: MessageEvent) => {
      const d = e.data as { type?: unknown } | null;
      if (e.source === window.parent && d && typeof d === 'object' && d.type === 'storymap:hello')
        postToHost(message);
    },
    { signal },
  );
  postToHost(message);
}
