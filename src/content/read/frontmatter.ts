/**
 * Splits a Markdown file into YAML frontmatter and body, and finds the line of any
 * field so errors can point at it. YAML 1.2 (the `yaml` package) keeps dates as the
 * text the editor wrote, so a local time and its offset are never converted away.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';

export interface ParsedMarkdown {
  /** The parsed frontmatter, or undefined when it could not be parsed. */
  data: Record<string, unknown> | undefined;
  /** Markdown after the closing `---`. */
  body: string;
  /** Syntax problems, with 1-based line numbers in the file. */
  syntaxErrors: { line: number; message: string }[];
  /** 1-based line in the file of the value at `path` (or of its nearest existing parent). */
  lineOf(path: readonly PropertyKey[]): number;
}

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;

export function parseMarkdownFile(text: string): ParsedMarkdown {
  const open = OPEN.exec(text);
  if (!open) {
    return {
      data: undefined,
      body: text,
      syntaxErrors: [
        {
          line: 1,
          message:
            'the file does not start with a frontmatter block: add a line "---", the fields, and a closing "---"',
        },
      ],
      lineOf: () => 1,
    };
  }
  const start = open[0].length;
  const close = /^---[ \t]*$/m;
  close.lastIndex = 0;
  const rest = text.slice(start);
  const m = close.exec(rest);
  if (!m) {
    return {
      data: undefined,
      body: '',
      syntaxErrors: [
        { line: 1, message: 'the frontmatter is not closed: add a line "---" after the last field' },
      ],
      lineOf: () => 1,
    };
  }
  const yamlText = rest.slice(0, m.index);
  const body = rest.slice(m.index + m[0].length).replace(/^\r?\n/, '');
  // Lines before the YAML: the opening '---' line.
  const lineOffset = 1;
  const lc = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const yamlLines = yamlText.split('\n');
  const syntaxErrors: { line: number; message: string }[] = [];
  let unexpected = false;
  for (const e of doc.errors) {
    let line = lc.linePos(e.pos[0]).line;
    // After one stray token the parser reads the rest as more stray tokens: say it once.
    if (e.code === 'UNEXPECTED_TOKEN') {
      if (unexpected) continue;
      unexpected = true;
    }
    // An unclosed quote is detected at the end of the block; point at where it opens.
    const quote = /Missing closing (["'])quote/.exec(e.message)?.[1];
    // So is an unclosed [ or {: YAML reads the next field as more of the list.
    const bracket = /must be sufficiently indented and end with a ([\]}])/.exec(e.message)?.[1];
    const opener = quote ?? (bracket === ']' ? '[' : bracket === '}' ? '{' : undefined);
    if (opener) {
      for (let l = Math.min(line, yamlLines.length); l >= 1; l--) {
        const text = yamlLines[l - 1]!;
        const open = quote
          ? (text.split(quote).length - 1) % 2 === 1
          : count(text, opener) > count(text, bracket!);
        if (open) {
          line = l;
          break;
        }
      }
    }
    syntaxErrors.push({ line: line + lineOffset, message: yamlMessage(e.code, e.message, bracket) });
  }
  let data: Record<string, unknown> | undefined;
  if (syntaxErrors.length === 0) {
    const js = doc.toJS({ maxAliasCount: 100 }) as unknown;
    if (js === null || js === undefined) data = {};
    else if (typeof js === 'object' && !Array.isArray(js)) data = js as Record<string, unknown>;
    else
      syntaxErrors.push({
        line: 1 + lineOffset,
        message: 'the frontmatter is not a list of fields: write one "name: value" per line',
      });
  }
  return {
    data,
    body,
    syntaxErrors,
    lineOf: (path) => lineOfPath(doc, lc, path) + lineOffset,
  };
}

const count = (text: string, c: string) => text.split(c).length - 1;

function yamlMessage(code: string, message: string, unclosed?: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const stray = /Unexpected flow-(seq|map)-end token/.exec(first)?.[1];
  const [what, todo] = unclosed
    ? [
        `a "${unclosed === ']' ? '[' : '{'}" is not closed`,
        `close it with "${unclosed}" at the end of the value`,
      ]
    : stray
      ? [
          `a "${stray === 'seq' ? ']' : '}'}" closes nothing`,
          `remove it, or add the "${stray === 'seq' ? '[' : '{'}" it closes`,
        ]
      : yamlHint(code);
  // The parser's own words, for the curious; its quotes would read as ours.
  return `${what} (YAML: ${first.replace(/"/g, "'")}): ${todo}`;
}

function yamlHint(code: string): [string, string] {
  const hint: Record<string, [string, string]> = {
    DUPLICATE_KEY: ['a field is written twice', 'keep one'],
    BAD_INDENT: ['the indentation is off', 'indent nested fields by the same number of spaces'],
    MISSING_CHAR: ['a bracket or quote is not closed', 'close it where the value ends'],
    BLOCK_AS_IMPLICIT_KEY: ['a value runs onto the next line', 'put text that contains ": " in quotes'],
    MULTILINE_IMPLICIT_KEY: ['a value runs onto the next line', 'put text that contains ": " in quotes'],
    TAB_AS_INDENT: ['a tab indents this line', 'indent with spaces; YAML does not allow tabs'],
  };
  return hint[code] ?? ['the YAML does not parse', 'check quotes, brackets and indentation on this line'];
}

function lineOfPath(doc: Document, lc: LineCounter, path: readonly PropertyKey[]): number {
  let node: unknown = doc.contents;
  let offset = (doc.contents as { range?: [number, number, number] } | null)?.range?.[0] ?? 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
      if (!pair) break;
      const keyRange = (pair.key as { range?: [number, number, number] }).range;
      if (keyRange) offset = keyRange[0];
      node = pair.value;
      const r = (node as { range?: [number, number, number] } | null)?.range;
      if (r && !isMap(node)) offset = r[0];
    } else if (isSeq(node) && typeof key === 'number') {
      const item = node.items[key];
      if (item === undefined) break;
      const r = (item as { range?: [number, number, number] }).range;
      if (r) offset = r[0];
      node = item;
    } else break;
  }
  return lc.linePos(offset).line;
}
