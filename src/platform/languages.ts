// Languages by their ISO 639-1 code, typed by people as the code or the name in Italian or English ("cinese",
// "Chinese", "zh"), and named in the page's language from the platform's ICU data.
import { AppError } from './errors.ts';
import type { Lang } from './i18n.ts';

const ALIASES: Record<string, string> = { tagalog: 'tl', farsi: 'fa', persiano: 'fa' };

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
      // A deprecated code (iw for Hebrew, in for Indonesian) would take its language's names from the current one.
      const canonical = Intl.getCanonicalLocales(code)[0];
      if (canonical !== code && canonical?.length === 2) continue;
      const it = names.it.of(code);
      const en = names.en.of(code);
      if (!it || !en || it === code || en === code) continue;
      index.set(code, code);
      // A name two codes share (Akan, for ak and tw) stays with the first.
      if (!index.has(it.toLowerCase())) index.set(it.toLowerCase(), code);
      if (!index.has(en.toLowerCase())) index.set(en.toLowerCase(), code);
    }
  }
  // Names people write that ICU's data give otherwise: it calls Tagalog (tl) "Filipino".
  for (const [name, code] of Object.entries(ALIASES)) if (!index.has(name)) index.set(name, code);
  languageIndex = index;
  return index;
}

/** A language's ISO 639-1 code from its code or its name in Italian or English; undefined when unknown. */
export const languageCode = (raw: string): string | undefined => languages().get(raw.trim().toLowerCase());

// Made once per language: a page of 200 consular posts names their languages again and again.
const languageNames = {
  it: new Intl.DisplayNames('it', { type: 'language' }),
  en: new Intl.DisplayNames('en', { type: 'language' }),
};

/** A language's name in the page's language ("cinese", "Chinese"). */
export const languageName = (code: string, lang: Lang): string => languageNames[lang].of(code) ?? code;

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
