/**
 * Names that must not break across lines: designators such as "K-1", "MQ-9" or "F-35"
 * (letters, a hyphen, a number). Browsers break after any hyphen, which leaves "K-" at
 * the end of a headline's line and "1" on the next. The renderer, not the content, keeps
 * them whole: editors write a plain hyphen and every page gets it right. A nowrap span is
 * used rather than a non-breaking hyphen (U+2011), which many fonts lack and which
 * search and copy-paste treat as a different character.
 */
const DESIGNATOR = /\b[A-Z]{1,3}-\d{1,3}[A-Z]?\b/g;

export interface TextPart {
  text: string;
  /** Keep on one line. */
  whole: boolean;
}

/** "Flights resume at A-3 Field" → ["Flights resume at ", "A-3" (whole), " Field"]. */
export function keepTogether(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let at = 0;
  for (const m of text.matchAll(DESIGNATOR)) {
    if (m.index > at) parts.push({ text: text.slice(at, m.index), whole: false });
    parts.push({ text: m[0], whole: true });
    at = m.index + m[0].length;
  }
  if (at < text.length || parts.length === 0) parts.push({ text: text.slice(at), whole: false });
  return parts;
}

/** The same for rendered Markdown: designators in the HTML's text (not in tags, code or attributes). */
export function keepTogetherHtml(html: string): string {
  let inCode = 0;
  return html
    .split(/(<[^>]+>)/)
    .map((chunk) => {
      if (chunk.startsWith('<')) {
        if (/^<(code|pre)\b/i.test(chunk)) inCode++;
        else if (/^<\/(code|pre)>/i.test(chunk)) inCode = Math.max(0, inCode - 1);
        return chunk;
      }
      if (inCode) return chunk;
      return keepTogether(chunk)
        .map((p) => (p.whole ? `<span class="nowrap">${p.text}</span>` : p.text))
        .join('');
    })
    .join('');
}
