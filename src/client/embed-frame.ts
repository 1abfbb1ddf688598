/**
 * The embed page talking to the page that frames it: step events for course pages,
 * its height for self-sizing (in our format and pym.js's), and, when the host script
 * drives it, the host's viewport in place of the frame's own scrolling.
 */
export interface HostViewport {
  /** Top of the frame relative to the host's viewport, in CSS pixels (negative once scrolled past). */
  top: number;
  /** Height of the host's viewport. */
  height: number;
}

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
 * The host viewport in pym.js's "viewport-iframe-position" message, "width height top left
 * bottom right" of the host's window and the frame. A pym.js parent sends it on every scroll
 * when made with `trackscroll: true`, and once when the child asks with "parentPositionInfo".
 */
export function pymViewport(data: unknown, childId: string): HostViewport | undefined {
  const prefix = pymMessage(childId, 'viewport-iframe-position', '');
  if (typeof data !== 'string' || !data.startsWith(prefix)) return undefined;
  const [, height, top] = data.slice(prefix.length).split(' ').map(Number);
  if (!Number.isFinite(height) || !Number.isFinite(top) || height! <= 0) return undefined;
  return { top: top!, height: height! };
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
 * Calls back with the host's viewport whenever the host sends it: the host script
 * (embed.js) as an object, a pym.js parent (when it set `childId`) in its own format.
 */
export function onHostViewport(
  childId: string | undefined,
  f: (v: HostViewport) => void,
  signal?: AbortSignal,
): void {
  window.addEventListener(
    'message',
    (e: MessageEvent) => {
      if (e.source !== window.parent) return;
      const pym = childId ? pymViewport(e.data, childId) : undefined;
      if (pym) return f(pym);
      const d = e.data as { type?: unknown; top?: unknown; height?: unknown } | null;
      if (!d || d.type !== 'storymap:host-viewport') return;
      if (
        typeof d.top !== 'number' ||
        typeof d.height !== 'number' ||
        !Number.isFinite(d.top) ||
        !Number.isFinite(d.height)
      )
        return;
      f({ top: d.top, height: d.height });
    },
    { signal },
  );
}
