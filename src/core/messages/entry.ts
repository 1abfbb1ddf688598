/**
 * The shape of one catalogued message: a stable id (the key it is filed under), its
 * severity, the text built from the editor's own values, and an example for the guide.
 * Texts read `what is wrong: what to do`; the report prints the first top-level ": " as " — ".
 */

export type Severity = 'error' | 'warning';

export interface Entry<P> {
  severity: Severity;
  text: (p: P) => string;
  /** Values for the editors' guide: neutral stand-ins, never a story's own. */
  example: P;
}

export const entry = <P extends object = Record<never, never>>(
  severity: Severity,
  text: (p: P) => string,
  example: NoInfer<P>,
): Entry<P> => ({ severity, text, example });

/**
 * Stand-ins for examples in messages: the check replaces them with ids, a position and a
 * source key from the editor's own files (src/story/own-examples.ts), so no message
 * speaks of another story.
 */
export const EXAMPLE = {
  ids: '[a-place-id, another-place-id]',
  id: 'a-place-id',
  center: '[12.49, 41.89]',
  source: 'a-source-key',
} as const;

/** ` (did you mean "x"?)` when there is a likely typo, else nothing. */
export const didYouMean = (near: string | undefined): string => (near ? ` (did you mean "${near}"?)` : '');
