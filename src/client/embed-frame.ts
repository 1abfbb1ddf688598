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

/** Reports the page's height whenever it changes (self-sizing hosts, pym.js parents). */
export function reportHeight(story: string, childId: string | undefined): void {
  if (!inFrame()) return;
  let last = 0;
  const send = () => {
    const height = Math.ceil(document.documentElement.scrollHeight);
    if (height === last) return;
    last = height;
    postToHost({ type: 'storymap:height', story, height });
    // pym.js protocol: "pymxPYMx{id}xPYMx{type}xPYMx{message}".
    if (childId) window.parent.postMessage(`pymxPYMx${childId}xPYMxheightxPYMx${height}`, '*');
  };
  new ResizeObserver(send).observe(document.body);
  send();
}

/** Calls back with the host's viewport when the host script sends it. */
export function onHostViewport(f: (v: HostViewport) => void): void {
  window.addEventListener('message', (e: MessageEvent) => {
    if (e.source !== window.parent) return;
    const d = e.data as { type?: unknown; top?: unknown; height?: unknown } | null;
    if (!d || d.type !== 'storymap:host-viewport') return;
    if (typeof d.top !== 'number' || typeof d.height !== 'number' || !Number.isFinite(d.top) || !Number.isFinite(d.height)) return;
    f({ top: d.top, height: d.height });
  });
}
