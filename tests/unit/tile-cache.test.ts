/**
 * The shared tile loader: a basemap tile asked for by several overzoomed tiles, or again on a
 * later step, is downloaded once; cancelling one reader never starves another.
 */
import { describe, expect, test } from 'vitest';
import { sharedLoader } from '../../src/map/tile-cache';

function fakeNetwork() {
  const calls: {
    url: string;
    signal: AbortSignal;
    resolve: (v: Uint8Array) => void;
    reject: (e: unknown) => void;
  }[] = [];
  const load = (url: string, abort: AbortController) =>
    new Promise<Uint8Array>((resolve, reject) => calls.push({ url, signal: abort.signal, resolve, reject }));
  return { calls, loader: sharedLoader(load, { max: 2, copy: (v) => v.slice() }) };
}
const signal = () => new AbortController().signal;
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('shared tile loader', () => {
  test('readers of the same tile share one download, each gets its own copy, and a later read is served from memory', async () => {
    const { calls, loader } = fakeNetwork();
    const a = loader('t/10/1/1', signal());
    const b = loader('t/10/1/1', signal());
    expect(calls).toHaveLength(1);
    calls[0]!.resolve(new Uint8Array([1, 2, 3]));
    const [ra, rb] = await Promise.all([a, b]);
    expect([...ra]).toEqual([1, 2, 3]);
    expect(ra).not.toBe(rb);
    ra.fill(0); // what a transfer to MapLibre's worker does to a buffer
    expect([...(await loader('t/10/1/1', signal()))]).toEqual([1, 2, 3]);
    expect(calls).toHaveLength(1);
  });

  test('one reader cancelling leaves the download to the others; the last one cancelling stops it', async () => {
    const { calls, loader } = fakeNetwork();
    const c1 = new AbortController();
    const c2 = new AbortController();
    const a = loader('t/5/1/1', c1.signal);
    const b = loader('t/5/1/1', c2.signal);
    c1.abort();
    await expect(a).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls[0]!.signal.aborted).toBe(false);
    c2.abort();
    await expect(b).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls[0]!.signal.aborted).toBe(true);
    // A new reader after everyone left starts a fresh download.
    void loader('t/5/1/1', signal());
    expect(calls).toHaveLength(2);
  });

  test('a failed download is not remembered: the next reader tries again', async () => {
    const { calls, loader } = fakeNetwork();
    const a = loader('t/6/1/1', signal());
    calls[0]!.reject(new Error('connection reset'));
    await expect(a).rejects.toThrow('connection reset');
    await tick();
    const b = loader('t/6/1/1', signal());
    expect(calls).toHaveLength(2);
    calls[1]!.resolve(new Uint8Array([7]));
    expect([...(await b)]).toEqual([7]);
  });

  test('only the most recently used tiles are kept', async () => {
    const { calls, loader } = fakeNetwork();
    for (const [i, url] of ['a', 'b', 'c'].entries()) {
      const p = loader(url, signal());
      calls[i]!.resolve(new Uint8Array([i]));
      await p;
    }
    await tick();
    void loader('b', signal());
    void loader('c', signal());
    expect(calls).toHaveLength(3);
    void loader('a', signal());
    expect(calls).toHaveLength(4);
  });
});
