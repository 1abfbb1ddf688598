/**
 * Splits a Markdown file into YAML frontmatter and body, and finds the line of any
 * field so errors can point at it. YAML 1.2 (the `yaml` package) keeps dates as the
 * text the editor wrote, so a local time and its offset are never converted away.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { says, type Said } from '../../core/messages';

export interface ParsedMarkdown {
  /** The parsed frontmatter, or undefined when it could not be parsed. */
  data: Record<string, unknown> | undefined;
  /** Markdown after the closing `---`. */
  body: string;
  /** Syntax problems, with 1-based line numbers in the file. */
  syntaxErrors: ({ line: number } & Said)[];
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
      syntaxErrors: [{ line: 1, ...says('frontmatter.missing') }],
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
      syntaxErrors: [{ line: 1, ...says('frontmatter.not-closed') }],
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
  const syntaxErrors: ({ line: number } & Said)[] = [];
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
    syntaxErrors.push({ line: line + lineOffset, ...yamlMessage(e.code, e.message, bracket) });
  }
  let data: Record<string, unknown> | undefined;
  if (syntaxErrors.length === 0) {
    let js: unknown;
    try {
      js = doc.toJS({ maxAliasCount: 100 });
    } catch (e) {
      // An alias to no anchor (`*name`) parses, then fails here.
      js = undefined;
      syntaxErrors.push({ line: 1 + lineOffset, ...says('yaml.other', { parser: (e as Error).message }) });
    }
    if (syntaxErrors.length > 0) data = undefined;
    else if (js === null || js === undefined) data = {};
    else if (typeof js === 'object' && !Array.isArray(js)) data = js as Record<string, unknown>;
    else syntaxErrors.push({ line: 1 + lineOffset, ...says('frontmatter.not-fields') });
  }
  return {
    data,
    body,
    syntaxErrors,
    lineOf: (path) => lineOfPath(doc, lc, path) + lineOffset,
  };
}

const count = (text: string, c: string) => text.split(c).length - 1;

function yamlMessage(code: string, message: string, unclosed?: string): Said {
  const parser = message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if (unclosed)
    return says('yaml.unclosed-bracket', { open: unclosed === ']' ? '[' : '{', close: unclosed, parser });
  const stray = /Unexpected flow-(seq|map)-end token/.exec(parser)?.[1];
  if (stray)
    return says(
      'yaml.stray-bracket',
      stray === 'seq' ? { open: '[', close: ']', parser } : { open: '{', close: '}', parser },
    );
  switch (code) {
    case 'DUPLICATE_KEY':
      return says('yaml.duplicate-key', { parser });
    case 'BAD_INDENT':
      return says('yaml.bad-indent', { parser });
    case 'MISSING_CHAR':
      return says('yaml.unclosed', { parser });
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return says('yaml.value-runs-on', { parser });
    case 'TAB_AS_INDENT':
      return says('yaml.tab-indent', { parser });
    default:
      return says('yaml.other', { parser });
  }
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
