/**
 * Where loaders that refill their stores from one read wait for each other. In `astro dev` every
 * change to the store is written out a moment later and the page reloads; when one
 * collection has committed and another has not, the reader sees half the edit (a saved
 * camera showed the old view until a second reload). Each loader gets its entries ready,
 * then waits here until all have; they then commit in the same tick, so the dev server
 * writes the store once.
 */
export type Meet = (read: object, member: string) => Promise<void>;

/**
 * A meeting point for the loaders named `members`. `read` is the shared read they refill
 * from: a newer read (a second save while the first was being prepared) lets those waiting
 * on the older one go ahead, so no one waits for a member that has moved on. A member that
 * arrives twice for one read (two events for one save) is counted once.
 */
export function meetingPoint(members: readonly string[]): Meet {
  let round: { read: object; arrived: Set<string>; open: () => void; opened: Promise<void> } | undefined;
  return (read, member) => {
    if (round?.read !== read) {
      round?.open();
      let open!: () => void;
      const opened = new Promise<void>((resolve) => (open = resolve));
      round = { read, arrived: new Set(), open, opened };
    }
    round.arrived.add(member);
    if (members.every((m) => round!.arrived.has(m))) round.open();
    return round.opened;
  };
}
