// Languages of the interface and locale-aware formatting. Dates are shown at their precision: "1973",
// "aprile 1973" / "April 1973", "3 luglio 1979" / "3 July 1979".
import type { Precision } from './dates.ts';

export const LANGS = ['it', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const isLang = (v: string): v is Lang => (LANGS as readonly string[]).includes(v);

/** The language of an address: /en/…, /{institution}/en/…, /admin/en/…; Italian otherwise. */
export function langOfAddress(url: string): Lang {
  const path = url.split('?')[0]!;
  return path.split('/')[2] === 'en' || path.startsWith('/en/') || path === '/en' ? 'en' : 'it';
}

const LOCALE: Record<Lang, string> = { it: 'it-IT', en: 'en-GB' };

const monthYear = {
  it: new Intl.DateTimeFormat(LOCALE.it, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat(LOCALE.en, { month: 'long', year: 'numeric', timeZone: 'UTC' }),
};
const fullDate = {
  it: new Intl.DateTimeFormat(LOCALE.it, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat(LOCALE.en, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};
const numbers = { it: new Intl.NumberFormat(LOCALE.it), en: new Intl.NumberFormat(LOCALE.en) };

/**
 * A partial date in words at its precision. Accepts the stored form (first day of the period) or the API form
 * ("1973-04"); returns null for an unknown date.
 */
export function formatDate(date: string | null, precision: Precision, lang: Lang): string | null {
  if (!date || precision === 'unknown') return null;
  const [y, m = '01', d = '01'] = date.split('-');
  const utc = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (precision === 'year') return String(y);
  if (precision === 'month') return monthYear[lang].format(utc);
  return fullDate[lang].format(utc);
}

export function formatNumber(n: number, lang: Lang): string {
  return numbers[lang].format(n);
}
