/**
 * Dates are shown as the editor wrote them: local time and offset, never converted
 * to the reader's time zone (a reader in Chicago must still read "19:20 in Iraq").
 */
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export interface DateParts {
  year: number;
  month: number;
  day: number;
  weekday: string;
  time?: string;
  offset?: string;
}

export function dateParts(iso: string): DateParts {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  const weekday = DAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()]!;
  const t = /T(\d{2}:\d{2})(?::\d{2})?(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  return {
    year: y,
    month: m,
    day: d,
    weekday,
    time: t?.[1],
    offset: t ? (t[2] === 'Z' ? '+00:00' : t[2]) : undefined,
  };
}

/** "UTC+3", "UTC−4:30", "UTC". */
export function offsetLabel(offset: string): string {
  if (offset === '+00:00') return 'UTC';
  const [h, min] = offset.slice(1).split(':');
  return `UTC${offset[0] === '-' ? '−' : '+'}${Number(h)}${min !== '00' ? `:${min}` : ''}`;
}

/** "Friday 27 December 2019, about 19:20 (UTC+3)". */
export function formatDate(iso: string, approximate = false): string {
  const p = dateParts(iso);
  const day = `${p.weekday} ${p.day} ${MONTHS[p.month - 1]} ${p.year}`;
  if (!p.time) return day;
  return `${day}, ${approximate ? 'about ' : ''}${p.time} (${offsetLabel(p.offset!)})`;
}

/** "27 Dec 2019" — for the timeline and compact places. */
export function formatShortDate(iso: string): string {
  const p = dateParts(iso);
  return `${p.day} ${MONTHS[p.month - 1]!.slice(0, 3)} ${p.year}`;
}
