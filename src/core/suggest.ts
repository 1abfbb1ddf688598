import { distance } from 'fastest-levenshtein';

/** The closest known name, when it is close enough to be a likely typo. */
export function nearest(word: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = distance(word, k);
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  // Allow about one edit in three characters: catches typos, not unrelated words.
  return best !== undefined && bestD < word.length && bestD <= Math.max(2, Math.floor(word.length / 3))
    ? best
    : undefined;
}

export const didYouMean = (word: string, known: Iterable<string>): string => {
  const n = nearest(word, known);
  return n ? ` (did you mean "${n}"?)` : '';
};
