/**
 * Where loaders that refill their stores from one read wait for each other. In `astro dev` every
 * change to the store is written out a moment later and the page reloads; when one
 * collection has committed and another has not, the reader sees half the edit (a saved
 * camera showed the old view until a second reload). Each loader gets its entries ready,
 * then waits here until all have; they then commit in the same tick, so the dev server
 * writes the store once.
 */
export type Meet = (read: object) => Promise<void>;

/**
 * A meeting point for `members` loaders. `read` is the shared read they refill from: a newer
 * read (a second save while the first was being prepared) lets those waiting on the older one
 * go ahead, so no one waits for a member that has moved on.
 */
export function meetingPoint(members: number): Meet {
  let round: { read: object; arrived: number; open: () => void; opened: Promise<void> } | undefined;
  return (read) => {
    if (round?.read !== read) {
      round?.open();
      let open!: () => void;
      const opened = new Promise<void>((resolve) => (open = resolve));
      round = { read, arrived: 0, open, opened };
    }
    if (++round.arrived >= members) round.open();
    return round.opened;
  };
}
