// @ts-check
/*
 * Storymap host script (optional). Add it once to a page that embeds stories:
 *
 *   <iframe data-storymap src="https://example.org/embed/<story>/" title="…" width="100%" height="640"></iframe>
 *   <script src="https://example.org/embed.js" async></script>
 *
 * It sizes each marked frame to its content and lets this page's scrolling drive the
 * story's steps (a plain iframe works without it, scrolling inside the frame). Each
 * step change is re-dispatched on the <iframe> as a `storymap:step` event whose
 * detail is { story, id, index, title }. MIT licence.
 */
(function () {
  if (/** @type {any} */ (window).__storymapHost) return;
  /** @type {any} */ (window).__storymapHost = true;

  /** @type {Set<HTMLIFrameElement>} */
  var frames = new Set();
  /** @param {HTMLIFrameElement} frame */
  function originOf(frame) {
    try {
      return new URL(frame.src, location.href).origin;
    } catch (e) {
      return null;
    }
  }
  /** @param {HTMLIFrameElement} frame */
  function sendViewport(frame) {
    var origin = originOf(frame);
    if (!origin || !frame.contentWindow) return;
    var r = frame.getBoundingClientRect();
    frame.contentWindow.postMessage(
      { type: 'storymap:host-viewport', top: r.top, height: window.innerHeight },
      origin,
    );
  }
  function sendAll() {
    frames.forEach(sendViewport);
  }
  function scan() {
    document.querySelectorAll('iframe[data-storymap]').forEach(function (f) {
      var frame = /** @type {HTMLIFrameElement} */ (f);
      if (frames.has(frame)) return;
      frames.add(frame);
      frame.setAttribute('scrolling', 'no');
      frame.style.overflow = 'hidden';
      frame.addEventListener('load', function () {
        sendViewport(frame);
      });
      sendViewport(frame);
    });
  }
  window.addEventListener('message', function (e) {
    /** @type {HTMLIFrameElement | undefined} */
    var frame;
    frames.forEach(function (f) {
      if (f.contentWindow === e.source) frame = f;
    });
    if (!frame || e.origin !== originOf(frame)) return;
    var d = e.data;
    if (!d || typeof d.type !== 'string' || d.type.indexOf('storymap:') !== 0) return;
    if (d.type === 'storymap:height' && typeof d.height === 'number' && d.height > 0 && d.height < 100000) {
      frame.style.height = Math.ceil(d.height) + 'px';
      sendViewport(frame);
    } else if (d.type === 'storymap:ready') {
      sendViewport(frame);
    } else if (d.type === 'storymap:scroll-to' && typeof d.top === 'number') {
      var top = frame.getBoundingClientRect().top + window.scrollY + d.top - window.innerHeight * 0.2;
      window.scrollTo({ top: Math.max(0, top) });
    } else if (d.type === 'storymap:step') {
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
  window.addEventListener('scroll', onScroll, { passive: true });
  window.addEventListener('resize', onScroll);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
  // Frames added later (an LMS editor, a single-page app): look again only when an iframe arrives,
  // not on every change of a busy host page.
  new MutationObserver(function (records) {
    var added = records.some(function (r) {
      return Array.prototype.some.call(r.addedNodes, function (n) {
        return (
          n.nodeType === 1 && (n.nodeName === 'IFRAME' || /** @type {Element} */ (n).querySelector('iframe'))
        );
      });
    });
    if (added) scan();
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
