/**
 * One download per archive tile. MapLibre asks its protocol again for the same source tile
 * for every overzoomed tile drawn from it (maplibre-gl-js issue 4074): at zoom 15 the four
 * or so visible tiles all come from one zoom-10 tile of the region archive, and each step
 * of the story asked for it again. Range responses are not kept by the browser's cache
 * here, so without this every ask was bytes on the wire.
 *
 * Pure (no MapLibre): wraps any loader keyed by URL. Requests in flight are shared; the
 * shared download is cancelled only when every caller has cancelled. Finished results are
 * kept in a small least-recently-used table; failures are not kept, so a retry refetches.
 */
/** Loads one URL; aborting the controller cancels it (MapLibre's and pmtiles' convention). */
export type Loader<T> = (url: string, abort: AbortController) => Promise<T>;

type Pending<T> = { promise: Promise<T>; controller: AbortController; waiters: number };

const abortError = () => new DOMException('The tile request was cancelled', 'AbortError');

/** The shared loader: each caller cancels its own wait with its signal; the download stops when every caller has. */
export function sharedLoader<T>(
  load: Loader<T>,
  opts: { max: number; copy: (value: T) => T },
): (url: string, signal: AbortSignal) => Promise<T> {
  const done = new Map<string, T>();
  const pending = new Map<string, Pending<T>>();

  const remember = (url: string, value: T) => {
    done.set(url, value);
    if (done.size > opts.max) done.delete(done.keys().next().value!);
  };

  return (url: string, signal: AbortSignal) => {
    if (signal.aborted) return Promise.reject(abortError());
    const hit = done.get(url);
    if (hit !== undefined) {
      // Most recently used goes last, so eviction takes the oldest.
      done.delete(url);
      done.set(url, hit);
      return Promise.resolve(opts.copy(hit));
    }
    let p = pending.get(url);
    if (!p) {
      const controller = new AbortController();
      const entry: Pending<T> = { controller, waiters: 0, promise: load(url, controller) };
      entry.promise.then(
        (value) => {
          if (pending.get(url) === entry) pending.delete(url);
          if (!controller.signal.aborted) remember(url, value);
        },
        () => {
          if (pending.get(url) === entry) pending.delete(url);
        },
      );
      pending.set(url, entry);
      p = entry;
    }
    const entry = p;
    entry.waiters++;
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      const onAbort = () => {
        if (settled) return;
        settled = true;
        reject(abortError());
        if (--entry.waiters === 0) {
          entry.controller.abort();
          if (pending.get(url) === entry) pending.delete(url);
        }
      };
      signal.addEventListener('abort', onAbort, { once: true });
      entry.promise.then(
        (value) => {
          if (settled) return;
          settled = true;
          signal.removeEventListener('abort', onAbort);
          resolve(opts.copy(value));
        },
        (err: unknown) => {
          if (settled) return;
          settled = true;
          signal.removeEventListener('abort', onAbort);
          reject(err);
        },
      );
    });
  };
}
