/**
 * JSON that does not parse, told as the fix an editor makes: the comma to remove, the
 * bracket to close (at the line that opens it), else the parser's first errors in words.
 */
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { says } from '../core/messages';
import type { Issue } from '../core/issues';

/**
 * What is wrong with JSON that does not parse, told as the fix: a trailing comma on its
 * own line, an unclosed bracket at the line that opens it, else the parser's first
 * errors (later ones are mostly echoes of the first).
 */
export function jsonSyntaxIssues(file: string, text: string, lineAt: (offset: number) => number): Issue[] {
  const issues: Issue[] = [];
  const tokens = scanJson(text);
  for (const c of tokens.trailingCommas)
    issues.push({
      file,
      line: lineAt(c.offset),
      ...says('geo.trailing-comma', { before: c.before }),
    });
  if (tokens.unclosed) {
    const { open, offset, found } = tokens.unclosed;
    const close = open === '{' ? '}' : ']';
    issues.push({
      file,
      line: lineAt(offset),
      ...says('geo.unclosed-bracket', {
        open,
        close,
        found: found && { char: found.char, line: lineAt(found.offset) },
      }),
    });
  }
  if (issues.length > 0) return issues;
  if (text.trim() === '') return [{ file, line: 1, ...says('geo.empty') }];
  const errors: ParseError[] = [];
  parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const seenLines = new Set<number>();
  for (const e of errors.slice(0, 5)) {
    if (seenLines.has(lineAt(e.offset))) continue;
    seenLines.add(lineAt(e.offset));
    issues.push({
      file,
      line: lineAt(e.offset),
      ...says('geo.invalid-json', { what: describeJsonError(printParseErrorCode(e.error)) }),
    });
  }
  return issues;
}

/** Trailing commas and the first bracket left open, outside strings. */
function scanJson(text: string): {
  trailingCommas: { offset: number; before: string }[];
  unclosed?: { open: string; offset: number; found?: { char: string; offset: number } };
} {
  const trailingCommas: { offset: number; before: string }[] = [];
  const stack: { open: string; offset: number }[] = [];
  let lastComma = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"' && text[i] !== '\n'; i++) if (text[i] === '\\') i++;
      lastComma = -1;
      continue;
    }
    if (/\s/.test(c)) continue;
    if (c === '}' || c === ']') {
      if (lastComma >= 0) trailingCommas.push({ offset: lastComma, before: c });
      const top = stack.pop();
      const want = top?.open === '{' ? '}' : ']';
      if (top && c !== want) return { trailingCommas, unclosed: { ...top, found: { char: c, offset: i } } };
    } else if (c === '{' || c === '[') stack.push({ open: c, offset: i });
    lastComma = c === ',' ? i : -1;
  }
  const top = stack.pop();
  return top ? { trailingCommas, unclosed: top } : { trailingCommas };
}

function describeJsonError(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character',
    InvalidNumberFormat: 'bad number',
    PropertyNameExpected: 'a property name in double quotes was expected',
    ValueExpected: 'a value was expected',
    ColonExpected: 'a colon was expected',
    CommaExpected: 'a comma was expected',
    CloseBraceExpected: 'a closing } was expected',
    CloseBracketExpected: 'a closing ] was expected',
    EndOfFileExpected: 'text after the end of the JSON',
    InvalidCommentToken: 'comments are not allowed',
    UnexpectedEndOfComment: 'unclosed comment',
    UnexpectedEndOfString: 'unclosed string',
    UnexpectedEndOfNumber: 'unfinished number',
    InvalidUnicode: 'bad unicode escape',
    InvalidEscapeCharacter: 'bad escape character',
    InvalidCharacter: 'invalid character',
  };
  return words[code] ?? code;
}

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

export function lineOfOffset(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
