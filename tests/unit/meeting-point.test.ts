import { describe, expect, it } from 'vitest';
import { meetingPoint } from '../../src/site/meeting-point';

/** Which of the given promises have settled, after every pending microtask has run. */
async function settled(ps: Promise<void>[]): Promise<boolean[]> {
  const done = ps.map(() => false);
  ps.forEach((p, i) => void p.then(() => (done[i] = true)));
  await new Promise((r) => setTimeout(r, 0));
  return done;
}

describe('meetingPoint: loaders refilled from one read commit together', () => {
  it('keeps the first arrivals waiting until the last one comes, then lets all go in one tick', async () => {
    const meet = meetingPoint(['a', 'b', 'c']);
    const read = {};
    const a = meet(read, 'a');
    const b = meet(read, 'b');
    expect(await settled([a, b])).toEqual([false, false]);
    const c = meet(read, 'c');
    // The three resume before any timer: the dev server's debounced write sees all three commits.
    const order: string[] = [];
    void a.then(() => order.push('a'));
    void b.then(() => order.push('b'));
    void c.then(() => order.push('c'));
    setTimeout(() => order.push('timer'), 0);
    await new Promise((r) => setTimeout(r, 5));
    expect(order).toEqual(['a', 'b', 'c', 'timer']);
  });

  it('lets those waiting on an older read go when a newer read arrives, and waits anew for it', async () => {
    const meet = meetingPoint(['a', 'b', 'c']);
    const first = {};
    const second = {};
    const a = meet(first, 'a');
    const b = meet(first, 'b');
    const c = meet(second, 'c');
    expect(await settled([a, b, c])).toEqual([true, true, false]);
    const a2 = meet(second, 'a');
    expect(await settled([c, a2])).toEqual([false, false]);
    const b2 = meet(second, 'b');
    expect(await settled([c, a2, b2])).toEqual([true, true, true]);
  });

  it('counts a member that arrives twice for one read once', async () => {
    // Two watcher events for one save run each loader twice.
    const meet = meetingPoint(['a', 'b', 'c']);
    const read = {};
    const waiting = [meet(read, 'a'), meet(read, 'b'), meet(read, 'a')];
    expect(await settled(waiting)).toEqual([false, false, false]);
    expect(await settled([...waiting, meet(read, 'c')])).toEqual([true, true, true, true]);
  });

  it('does not keep a late arrival on a read already met waiting', async () => {
    const meet = meetingPoint(['a', 'b']);
    const read = {};
    await Promise.all([meet(read, 'a'), meet(read, 'b')]);
    expect(await settled([meet(read, 'b')])).toEqual([true]);
  });
});
