// The pure checks of a visit's fields, shared by the visit and its programme items: a day, a time of day, a
// size, the languages (typed as codes or as names in Italian or English), and which fields stay internal.
import { isDateError, parsePartialDate } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors.ts';
import type { Lang } from '../../platform/i18n.ts';

export const VISIT_STATUSES = ['proposed', 'confirmed', 'held', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/**
 * The fields of a visit that are never published (portal, public feed, open data): people's details,
 * interpreting, protocol notes. Every other field of a published visit is public.
 */
export const VISIT_INTERNAL = [
  'headName',
  'headTitle',
  'interpretingPair',
  'interpretingBooked',
  'interpretingProvider',
  'protocolNotes',
] as const;

/** The fields of a programme item that are never published: who attends, and the guide. */
export const ITEM_INTERNAL = ['attendees', 'guide'] as const;

/** A trimmed line of text or null; invalid_input naming the field when required and empty, or too long. */
export function text(field: string, value: string | undefined, max: number, required = false): string | null {
  const v = (value ?? '').trim();
  if (required && !v) throw AppError.invalid(field, `${field} is required`);
  if (v.length > max) throw AppError.invalid(field, `${field} is longer than ${max} characters`);
  return v || null;
}

/** A calendar day written YYYY-MM-DD or DD/MM/YYYY, as YYYY-MM-DD. */
export function day(field: string, value: string | undefined, required: boolean): string | null {
  const v = (value ?? '').trim();
  if (!v) {
    if (required) throw AppError.invalid(field, `${field} is required`);
    return null;
  }
  const parsed = parsePartialDate(v);
  if (isDateError(parsed) || parsed.precision !== 'day') {
    throw AppError.invalid(field, `"${v}" is not a day: write YYYY-MM-DD or DD/MM/YYYY`);
  }
  return parsed.date;
}

/** A time of day written 9:30, 09:30 or 9.30, as HH:MM; null when empty. */
export function timeOfDay(field: string, value: string | undefined): string | null {
  const v = (value ?? '').trim();
  if (!v) return null;
  const m = v.match(/^(\d{1,2})[:.](\d{2})(?::00)?$/);
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
    throw AppError.invalid(field, `"${v}" is not a time of day: write HH:MM, such as 09:30`);
  }
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

/** A whole number of people from 1 to max; null when empty. */
export function headcount(field: string, value: string | undefined, max = 10_000): number | null {
  const v = (value ?? '').trim();
  if (!v) return null;
  if (!/^\d{1,6}$/.test(v) || Number(v) < 1 || Number(v) > max) {
    throw AppError.invalid(field, `"${v}" is not a number of people from 1 to ${max}`);
  }
  return Number(v);
}

/** A yes/no field of a form or a body: "yes", "true", "1" or "on" are yes. */
export const yes = (value: string | undefined) => ['yes', 'true', '1', 'on'].includes((value ?? '').trim());

// ISO 639-1 codes with their names in Italian and English, found once from the platform's ICU data.
let languageIndex: Map<string, string> | undefined;
function languages(): Map<string, string> {
  if (languageIndex) return languageIndex;
  const index = new Map<string, string>();
  const names = {
    it: new Intl.DisplayNames('it', { type: 'language' }),
    en: new Intl.DisplayNames('en', { type: 'language' }),
  };
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (const a of letters) {
    for (const b of letters) {
      const code = a + b;
      const it = names.it.of(code);
      const en = names.en.of(code);
      if (!it || !en || it === code || en === code) continue;
      index.set(code, code);
      index.set(it.toLowerCase(), code);
      index.set(en.toLowerCase(), code);
    }
  }
  languageIndex = index;
  return index;
}

/** A language's ISO 639-1 code from its code or its name in Italian or English; undefined when unknown. */
export const languageCode = (raw: string): string | undefined => languages().get(raw.trim().toLowerCase());

/** A language's name in the page's language ("cinese", "Chinese"). */
export const languageName = (code: string, lang: Lang): string =>
  new Intl.DisplayNames(lang, { type: 'language' }).of(code) ?? code;

/** Languages separated by commas or new lines, as codes without repeats; invalid_input naming an unknown one. */
export function languageList(field: string, value: string | readonly string[] | undefined): string[] {
  const parts = (typeof value === 'string' ? value.split(/[,;\n]/) : (value ?? []))
    .map((s) => s.trim())
    .filter(Boolean);
  if (parts.length > 20) throw AppError.invalid(field, 'At most 20 languages');
  const codes = parts.map((part) => {
    const code = languageCode(part);
    if (!code)
      throw AppError.invalid(field, `"${part}" is not a language: write its name or its code (en, zh)`);
    return code;
  });
  return [...new Set(codes)];
}

/** An interpreting pair typed "zh-it", "cinese - italiano" or "Chinese/Italian", as "zh-it"; null when empty. */
export function languagePair(field: string, value: string | undefined): string | null {
  const v = (value ?? '').trim();
  if (!v) return null;
  const parts = v.split(/\s*[-/–>]\s*|\s+(?:e|and|to|a)\s+/i).filter(Boolean);
  const codes = parts.map(languageCode);
  if (parts.length !== 2 || codes.some((c) => !c) || codes[0] === codes[1]) {
    throw AppError.invalid(
      field,
      `"${v}" is not a pair of languages: write two, such as zh-it or cinese-italiano`,
    );
  }
  return `${codes[0]}-${codes[1]}`;
}
