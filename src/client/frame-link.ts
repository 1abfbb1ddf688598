/**
 * The story inside a frame: tells the host about steps and height, and when the host
 * sizes the frame to its content (our host script, or a pym.js parent), lets the host's
 * scrolling drive the steps instead of the frame's, keeping the map in the host's window.
 */
import { isNarrow } from '../core/layout';
import { triggerOffset } from '../scroll/driver';
import { createHostDriver, measuredUntilResize, type HostViewport } from '../scroll/host-driver';
import { announceToHost, inFrame, onHostViewport, postToHost, postToPym, reportHeight } from './embed-frame';
import type { EmbedOptions } from './embed-options';
import type { StepState } from './story-api';

export interface FrameLink {
  /** Asks the host to scroll its page so that this frame's `top` comes near the top of its window. */
  scrollHostTo(top: number): void;
}

export function linkToHost(options: {
  root: HTMLElement;
  steps: StepState[];
  /** The step elements shown in this embed (its range). */
  shown: HTMLElement[];
  embed: EmbedOptions;
  active: () => number;
  /** The host's scrolling reached step i of the range. */
  onStep: (i: number) => void;
  /** The host sizes the frame: the frame's own scroll driver must stop. */
  onHostSized: () => void;
  signal: AbortSignal;
}): FrameLink | undefined {
  if (!inFrame()) return undefined;
  const { root, steps, shown, embed, signal } = options;
  const slug = root.dataset.story!;
  const { childId } = embed;
  let hostViewport: HostViewport | undefined;
  root.addEventListener(
    'storymap:step',
    (e) => {
      const s = steps[e.detail.index]!;
      postToHost({ type: 'storymap:step', story: slug, id: s.id, index: s.index, title: s.title });
    },
    { signal },
  );
  const host = createHostDriver(shown, options.onStep, signal);
  const frame = measuredUntilResize(() => {
    const layout = root.querySelector<HTMLElement>('.story-layout')!;
    const panel = root.querySelector<HTMLElement>('.map-panel')!;
    return {
      layoutTop: layout.getBoundingClientRect().top + window.scrollY,
      room: Math.max(0, layout.offsetHeight - panel.offsetHeight),
    };
  }, signal);
  const hostSized = () => {
    // The frame no longer scrolls: sizes come from the host's viewport, not the frame's.
    options.onHostSized();
    root.classList.add('host-driven');
  };
  onHostViewport(
    childId,
    (v) => {
      const before = hostViewport;
      if (!before) {
        hostSized();
        if (!childId) reportHeight(slug, undefined, signal);
        if (options.active() !== embed.from) host.holdUntilScrolled(v);
      }
      hostViewport = v;
      root.style.setProperty('--host-vh', `${v.height}px`);
      if (before && before.height !== v.height) {
        // The steps' sizes follow the host's window height: measure again.
        frame.forget();
        host.forget();
      }
      // Keep the map in the host's viewport, as position: sticky would.
      const { layoutTop, room } = frame();
      root.style.setProperty('--host-offset', `${Math.min(room, Math.max(0, -v.top - layoutTop))}px`);
      // Paged embeds show one step at a time: only the buttons and keys change it.
      if (embed.nav === 'scroll') host.update(v, triggerOffset(isNarrow()));
    },
    signal,
  );
  if (childId) {
    // pym.js parents size the frame to its content. Until the parent sends its viewport
    // (it does on every scroll when made with trackscroll: true), sizes come from a fixed height.
    hostSized();
    root.style.setProperty('--host-vh', '640px');
    reportHeight(slug, childId, signal);
    postToPym(childId, 'parentPositionInfo', '');
  }
  announceToHost({ type: 'storymap:ready', story: slug, steps: shown.length }, signal);

  return {
    scrollHostTo(top: number): void {
      postToHost({ type: 'storymap:scroll-to', story: slug, top });
      if (!childId) return;
      // pym.js scrolls the host to exactly this offset in the frame: leave the same room above as embed.js does.
      postToPym(
        childId,
        'scrollToChildPos',
        String(Math.max(0, Math.round(top - (hostViewport?.height ?? 0) * 0.2))),
      );
      // A parent without trackscroll says nothing of the scroll it just made: ask, so the map follows.
      postToPym(childId, 'parentPositionInfo', '');
    },
  };
}
