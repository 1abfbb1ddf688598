import type { MessageId } from './messages';

/**
 * A problem found in an editor's file. Every check in the project speaks this shape,
 * so the build, `npm run check` and the tests print the same words.
 */
export interface Issue {
  /** The catalogue entry it comes from (src/core/messages): tests and the guide know it by this. */
  id: MessageId;
  /** Path relative to the project root, with forward slashes: `stories/x/010-a.md`. */
  file: string;
  /** 1-based line in the file, when known. */
  line?: number;
  /** The field, as a dotted path: `camera.center`, `features[3].properties.name`. */
  field?: string;
  /**
   * The catalogue entry's text with the editor's values, `what is wrong: what to do`. The report
   * prints the first top-level ": " as " — ", so every line reads
   * `file:line field — what is wrong — what to do`.
   */
  message: string;
  severity: 'error' | 'warning';
}

export function formatIssue(i: Issue): string {
  const where = i.line ? `${i.file}:${i.line}` : i.file;
  const field = i.field ? ` ${i.field}` : '';
  return `${where}${field} — ${splitWhatToDo(i.message)}`;
}

/**
 * `what is wrong: what to do` → `what is wrong — what to do`. Only a ": " outside
 * brackets, braces, parentheses and quotes counts, so examples such as
 * `{ center: [longitude, latitude] }` stay whole.
 */
export function splitWhatToDo(message: string): string {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < message.length - 1; i++) {
    const c = message[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === '`') quote = c;
    else if ('([{'.includes(c)) depth++;
    else if (')]}'.includes(c)) depth = Math.max(0, depth - 1);
    else if (c === ':' && message[i + 1] === ' ' && depth === 0)
      return `${message.slice(0, i)} — ${message.slice(i + 2)}`;
  }
  return message;
}

/** Issues sorted by file then line, so the report reads top to bottom. */
export function sortIssues(issues: Issue[]): Issue[] {
  return [...issues].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.field ?? '').localeCompare(b.field ?? ''),
  );
}

export function formatReport(issues: Issue[]): string {
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');
  const lines = sortIssues(issues).map(
    (i) => `${i.severity === 'error' ? 'error' : 'warning'}  ${formatIssue(i)}`,
  );
  const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(`${count(errors.length, 'error')}, ${count(warnings.length, 'warning')} in stories/ and geo/.`);
  return lines.join('\n');
}

/** Thrown by the build when content has errors: its message is the whole report. */
export class ContentError extends Error {
  constructor(readonly issues: Issue[]) {
    super(`The story content has problems; nothing was changed in your files.\n${formatReport(issues)}`);
    this.name = 'ContentError';
    // The report is the whole story for an editor; a stack trace into the loader is
    // noise, and Astro prints an empty "Stack trace:" heading for any stack at all.
    this.stack = '';
  }
}

/** Dotted path for a zod/yaml path: ['camera','center',0] → camera.center[0]. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}
