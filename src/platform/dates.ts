// Dates known to the day, the month, the year, or not at all. Stored as the first day of the period plus its
// precision; written by people as YYYY, YYYY-MM, YYYY-MM-DD, DD/MM/YYYY or MM/YYYY.

export type Precision = 'day' | 'month' | 'year' | 'unknown';

export interface PartialDate {
  /** First day of the period, YYYY-MM-DD; null when unknown. */
  date: string | null;
  precision: Precision;
}

export const UNKNOWN_DATE: PartialDate = { date: null, precision: 'unknown' };

const UNKNOWN_WORDS = new Set([
  '',
  'unknown',
  'sconosciuta',
  'sconosciuto',
  'ignota',
  'n/d',
  'nd',
  'n.d.',
  '?',
  '-',
]);
const MIN_YEAR = 1000;
const MAX_YEAR = 2999;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function isRealDay(y: number, m: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

// Each accepted layout and where its year, month and day stand.
const LAYOUTS: { re: RegExp; y: number; m?: number; d?: number }[] = [
  { re: /^(\d{4})$/, y: 1 },
  { re: /^(\d{4})-(\d{1,2})$/, y: 1, m: 2 },
  { re: /^(\d{4})-(\d{1,2})-(\d{1,2})$/, y: 1, m: 2, d: 3 },
  { re: /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/, d: 1, m: 2, y: 3 },
  { re: /^(\d{1,2})\/(\d{4})$/, m: 1, y: 2 },
];

function readParts(raw: string): { y: number; m: number | undefined; d: number | undefined } | undefined {
  for (const layout of LAYOUTS) {
    const match = raw.match(layout.re);
    if (!match) continue;
    const at = (i: number | undefined) => (i === undefined ? undefined : Number(match[i]));
    return { y: at(layout.y)!, m: at(layout.m), d: at(layout.d) };
  }
  return undefined;
}

/** Parses a partial date; returns an error message (for the field at fault) instead of throwing. */
export function parsePartialDate(input: string | null | undefined): PartialDate | { error: string } {
  const raw = (input ?? '').trim();
  if (UNKNOWN_WORDS.has(raw.toLowerCase())) return UNKNOWN_DATE;
  const parts = readParts(raw);
  if (!parts) return { error: `"${raw}" is not a date: write YYYY, YYYY-MM, YYYY-MM-DD or DD/MM/YYYY` };
  const { y, m, d } = parts;
  if (y < MIN_YEAR || y > MAX_YEAR) return { error: `year ${y} is out of range` };
  if (m !== undefined && (m < 1 || m > 12)) return { error: `"${raw}" has no month ${m}` };
  if (d !== undefined && !isRealDay(y, m!, d)) return { error: `"${raw}" is not a day of the calendar` };
  if (d !== undefined) return { date: `${y}-${pad(m!)}-${pad(d)}`, precision: 'day' };
  if (m !== undefined) return { date: `${y}-${pad(m)}-01`, precision: 'month' };
  return { date: `${y}-01-01`, precision: 'year' };
}

export const isDateError = (v: PartialDate | { error: string }): v is { error: string } => 'error' in v;

/** The date at its precision, as the API and exports write it: "1973", "1973-04", "1979-07-03" or null. */
export function formatPartialDate(date: string | null, precision: Precision): string | null {
  if (!date || precision === 'unknown') return null;
  if (precision === 'year') return date.slice(0, 4);
  if (precision === 'month') return date.slice(0, 7);
  return date.slice(0, 10);
}

/** The last day of the period a partial date stands for, to compare periods ("2012-11" ends 2012-11-30). */
export function periodEnd(pd: PartialDate): string | null {
  if (!pd.date) return null;
  const [y, m] = pd.date.split('-').map(Number) as [number, number];
  if (pd.precision === 'year') return `${y}-12-31`;
  if (pd.precision === 'month') return `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;
  return pd.date;
}

// Made once: building an Intl formatter costs far more than using it, and pages ask for today per entry.
const romeDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' });

/** Today's date in the office's time zone (Italy), as YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  return romeDay.format(now);
}
