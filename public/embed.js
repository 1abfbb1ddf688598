// @ts-check
/*
 * Storymap host script (optional). Add it once to a page that embeds stories:
 *
 *   <iframe data-storymap src="https://example.org/embed/<story>/" title="…" width="100%" height="640"></iframe>
 *   <script src="https://example.org/embed.js" async></script>
 *
 * It sizes each marked frame to its content and lets this page's scrolling drive the
 * story's steps (a plain iframe works without it, scrolling inside the frame). Scrolling
 * counts wherever it happens: the window, or any scrolling box the frame sits in (an LMS
 * pane, a CMS preview column), nested too. Each step change is re-dispatched on the
 * <iframe> as a `storymap:step` event whose detail is { story, id, index, title }.
 * MIT licence.
 */
(function () {
  if (/** @type {any} */ (window).__storymapHost) return;
  /** @type {any} */ (window).__storymapHost = true;

  /** Larger than any story: a bigger height from a frame is a bug or an attack. */
  var MAX_HEIGHT = 100000;
  /**
   * @typedef {{ loaded: boolean, scrollers: Element[] }} FrameState
   * @type {Map<HTMLIFrameElement, FrameState>}
   */
  var frames = new Map();
  /** @param {HTMLIFrameElement} frame */
  function originOf(frame) {
    try {
      return new URL(frame.src, location.href).origin;
    } catch (e) {
      return null;
    }
  }
  /** @param {unknown} n @param {number} min @param {number} max */
  function inRange(n, min, max) {
    return typeof n === 'number' && isFinite(n) && n >= min && n <= max;
  }
  /** @param {unknown} s @param {number} max */
  function shortString(s, max) {
    return typeof s === 'string' && s.length <= max;
  }
  /** The boxes that clip and scroll the frame, innermost first (the window is not one of them). */
  /** @param {HTMLIFrameElement} frame */
  function scrollersOf(frame) {
    /** @type {Element[]} */
    var out = [];
    for (
      var el = frame.parentElement;
      el && el !== document.body && el !== document.documentElement;
      el = el.parentElement
    ) {
      var o = getComputedStyle(el).overflowY;
      if (o !== 'visible') out.push(el);
    }
    return out;
  }
  /**
   * The part of the page the reader sees the frame through: the window, cut down by every
   * scrolling box around the frame. When none of it is on screen (the box scrolled away),
   * the innermost box's own extent, so the frame still knows the size of its window.
   * @param {FrameState} state
   */
  function viewOf(state) {
    var top = 0;
    var bottom = window.innerHeight;
    state.scrollers.forEach(function (el) {
      var r = el.getBoundingClientRect();
      top = Math.max(top, r.top + el.clientTop);
      bottom = Math.min(bottom, r.top + el.clientTop + el.clientHeight);
    });
    if (bottom - top < 1 && state.scrollers.length) {
      var inner = state.scrollers[0];
      var r = inner.getBoundingClientRect();
      top = r.top + inner.clientTop;
      bottom = top + inner.clientHeight;
    }
    return { top: top, height: Math.max(1, bottom - top) };
  }
  /** @param {HTMLIFrameElement} frame */
  function sendViewport(frame) {
    var state = frames.get(frame);
    var origin = originOf(frame);
    // Not before the frame has loaded: until then it is about:blank, and a message to it
    // would only earn a warning in the console.
    if (!state || !state.loaded || !origin || !frame.contentWindow) return;
    var view = viewOf(state);
    var r = frame.getBoundingClientRect();
    frame.contentWindow.postMessage(
      { type: 'storymap:host-viewport', top: r.top - view.top, height: view.height },
      origin,
    );
  }
  function sendAll() {
    frames.forEach(function (_, frame) {
      sendViewport(frame);
    });
  }
  /**
   * Brings `top` (a point in the frame) to a fifth of the way down what the reader sees:
   * each scrolling box from the innermost out, then the window.
   * @param {HTMLIFrameElement} frame @param {number} top
   */
  function scrollFrameTo(frame, top) {
    var state = frames.get(frame);
    if (!state) return;
    state.scrollers.forEach(function (el) {
      var box = el.getBoundingClientRect();
      var y = frame.getBoundingClientRect().top + top;
      el.scrollTop += y - (box.top + el.clientTop + el.clientHeight * 0.2);
    });
    var y = frame.getBoundingClientRect().top + top;
    window.scrollTo({ top: Math.max(0, window.scrollY + y - window.innerHeight * 0.2) });
  }
  /** @param {boolean} pageLoaded the page (and so every frame in it at the time) has loaded */
  function scan(pageLoaded) {
    document.querySelectorAll('iframe[data-storymap]').forEach(function (f) {
      var frame = /** @type {HTMLIFrameElement} */ (f);
      if (frames.has(frame)) return;
      /** @type {FrameState} */
      // A lazy frame out of view has not loaded even when the page has.
      var lazy = frame.getAttribute('loading') === 'lazy';
      var state = { loaded: pageLoaded && !lazy, scrollers: scrollersOf(frame) };
      frames.set(frame, state);
      frame.setAttribute('scrolling', 'no');
      frame.style.overflow = 'hidden';
      frame.addEventListener('load', function () {
        state.loaded = true;
        sendViewport(frame);
      });
      sendViewport(frame);
      // A lazy frame may have loaded before this script ran: it says "ready" when asked. The
      // question carries nothing and is addressed to anyone ('*'), so an about:blank frame
      // still loading takes it silently.
      if (pageLoaded && lazy && frame.contentWindow)
        frame.contentWindow.postMessage({ type: 'storymap:hello' }, '*');
    });
  }
  window.addEventListener('message', function (e) {
    /** @type {HTMLIFrameElement | undefined} */
    var frame;
    frames.forEach(function (_, f) {
      if (f.contentWindow === e.source) frame = f;
    });
    if (!frame || e.origin !== originOf(frame)) return;
    var d = e.data;
    if (!d || typeof d !== 'object' || typeof d.type !== 'string') return;
    var state = frames.get(frame);
    // It speaks: it has loaded.
    if (state) state.loaded = true;
    if (d.type === 'storymap:height') {
      if (!inRange(d.height, 1, MAX_HEIGHT)) return;
      frame.style.height = Math.ceil(d.height) + 'px';
      sendViewport(frame);
    } else if (d.type === 'storymap:ready') {
      sendViewport(frame);
    } else if (d.type === 'storymap:scroll-to') {
      if (!inRange(d.top, 0, frame.getBoundingClientRect().height)) return;
      scrollFrameTo(frame, d.top);
    } else if (d.type === 'storymap:step') {
      if (
        !shortString(d.story, 200) ||
        !shortString(d.id, 200) ||
        !shortString(d.title, 1000) ||
        !inRange(d.index, 0, 10000) ||
        Math.floor(d.index) !== d.index
      )
        return;
      frame.dispatchEvent(
        new CustomEvent('storymap:step', {
          bubbles: true,
          detail: { story: d.story, id: d.id, index: d.index, title: d.title },
        }),
      );
    }
  });
  var pending = false;
  function onScroll() {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () {
      pending = false;
      sendAll();
    });
  }
  // Capture: scroll events don't bubble, but the window sees every element's on the way down.
  window.addEventListener('scroll', onScroll, { passive: true, capture: true });
  window.addEventListener('resize', function () {
    // A resize can turn a box's scrolling on or off (media queries): look again.
    frames.forEach(function (state, frame) {
      state.scrollers = scrollersOf(frame);
    });
    onScroll();
  });
  if (document.readyState === 'complete') scan(true);
  else {
    // Frames in the page now have loaded once the page has (or said so themselves).
    if (document.readyState === 'loading')
      document.addEventListener('DOMContentLoaded', function () {
        scan(false);
      });
    else scan(false);
    window.addEventListener('load', function () {
      frames.forEach(function (state, frame) {
        if (state.loaded) return;
        if (frame.getAttribute('loading') !== 'lazy') {
          state.loaded = true;
          sendViewport(frame);
        } else if (frame.contentWindow) frame.contentWindow.postMessage({ type: 'storymap:hello' }, '*');
      });
    });
  }
  // Frames added later (an LMS editor, a single-page app): look again only when an iframe arrives,
  // not on every change of a busy host page. Such a frame has not loaded yet.
  new MutationObserver(function (records) {
    var added = records.some(function (r) {
      return Array.prototype.some.call(r.addedNodes, function (n) {
        return (
          n.nodeType === 1 && (n.nodeName === 'IFRAME' || /** @type {Element} */ (n).querySelector('iframe'))
        );
      });
    });
    if (added) scan(false);
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
