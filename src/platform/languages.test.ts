// Languages typed by people: a name in Italian or English, or a code, becomes the current ISO 639-1 code, and a
// language's name in either language reads back as its code (what a form shows is what it saves).
import { describe, expect, it } from 'vitest';
import { languageCode, languageList, languageName } from './languages.ts';

describe('languages', () => {
  it('when Hebrew, Indonesian, Yiddish or Javanese is typed by name, then the current code comes back, not a withdrawn one', () => {
    expect(
      ['ebraico', 'Hebrew', 'indonesiano', 'Yiddish', 'giavanese', 'tagalog'].map((n) => languageCode(n)),
    ).toEqual(['he', 'he', 'id', 'yi', 'jv', 'tl']);
  });

  it("when a code's name is shown in either language, then the name reads back as the code", () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const lost: string[] = [];
    for (const a of letters)
      for (const b of letters) {
        const code = a + b;
        if (languageCode(code) !== code) continue;
        for (const lang of ['it', 'en'] as const) {
          const back = languageCode(languageName(code, lang));
          // Akan: ICU names Twi (tw) after it; the name stays with ak.
          if (back !== code && code !== 'tw')
            lost.push(`${code} ${lang}: ${languageName(code, lang)} -> ${back}`);
        }
      }
    expect(lost).toEqual([]);
  });

  it('when a list names an unknown language, then it is refused naming it', () => {
    expect(languageList('languages', 'cinese, inglese, zh')).toEqual(['zh', 'en']);
    expect(() => languageList('languages', 'cinese, klingon')).toThrow(/klingon/);
  });
});
