/**
 * Options an embedder puts in the embed page's query string, validated. Values are
 * only ever compared with the story's own step ids and a fixed list of words: nothing
 * from the URL is written into the page. Anything unknown falls back, with a warning.
 */
export type NavStyle = 'scroll' | 'paged';

export interface EmbedOptions {
  /** First and last step shown (indexes, inclusive). */
  from: number;
  to: number;
  /** Step to open at. */
  start: number;
  nav: NavStyle;
  /** pym.js child id, when a pym-compatible parent set one. */
  childId?: string;
  warnings: string[];
}

const NAV: NavStyle[] = ['scroll', 'paged'];
/** Parameters pym.js parents add to the frame's URL; accepted and otherwise ignored. */
const PYM = ['initialWidth', 'childId', 'parentTitle', 'parentUrl'];
const KNOWN = ['step', 'from', 'to', 'nav', ...PYM];
const MAX = 200;

export function parseEmbedOptions(query: URLSearchParams, stepIds: string[]): EmbedOptions {
  const warnings: string[] = [];
  // Quote at most a short, printable prefix of a bad value in a warning.
  const show = (v: string) => JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  const index = (name: string, fallback: number): number => {
    const v = query.get(name);
    if (v === null) return fallback;
    const i = v.length <= MAX ? stepIds.indexOf(v) : -1;
    if (i < 0) {
      warnings.push(`embed: ${name}=${show(v)} is not a step of this story; using "${stepIds[fallback]}"`);
      return fallback;
    }
    return i;
  };
  let from = index('from', 0);
  let to = index('to', stepIds.length - 1);
  if (from > to) {
    warnings.push(`embed: from is after to; showing every step`);
    from = 0;
    to = stepIds.length - 1;
  }
  let start = index('step', from);
  if (start < from || start > to) {
    warnings.push(`embed: step is outside from…to; starting at "${stepIds[from]}"`);
    start = from;
  }
  const navValue = query.get('nav');
  let nav: NavStyle = 'scroll';
  if (navValue !== null) {
    if ((NAV as string[]).includes(navValue)) nav = navValue as NavStyle;
    else warnings.push(`embed: nav=${show(navValue)} is not one of ${NAV.join(', ')}; using scroll`);
  }
  for (const key of query.keys()) {
    if (!KNOWN.includes(key)) warnings.push(`embed: unknown option ${show(key)} ignored`);
  }
  const child = query.get('childId');
  const childId = child !== null && /^[\w-]{1,64}$/.test(child) ? child : undefined;
  return { from, to, start, nav, ...(childId ? { childId } : {}), warnings };
}

/**
 * The step id a URL hash names, or `malformed` for a hash that is not valid percent-encoding
 * (`#%`, `#%E0%A4%A`): decodeURIComponent throws on those, and the story must still start.
 */
export function idFromHash(hash: string): string | undefined | { malformed: string } {
  const raw = hash.replace(/^#/, '');
  if (!raw) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return { malformed: raw.length > 40 ? `${raw.slice(0, 40)}…` : raw };
  }
}

export const malformedHashWarning = (raw: string, first: string): string =>
  `storymap: the address's #${raw} is not a valid step link (malformed percent-encoding); showing the first step, "${first}"`;
