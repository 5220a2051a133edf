// Demo data that Ponte loads on first start: three institutions (Comune di Milano, Comune di Firenze,
// Città Metropolitana di Firenze), their international-relations offices, the city networks they belong to
// and the agreements of Milan and Florence. Facts come from shared/data/facts.md and the seed pages; every text is Ponte's own.
// Where a fact is not known it is left out (or recorded as an unknown date), never guessed.
import type { AgreementInput, Source } from '../agreements/agreements.schemas.ts';

export interface DemoUnit {
  slug: string;
  nameIt: string;
  nameEn: string;
  remitIt: string;
  remitEn: string;
  head?: string;
}

export interface DemoNetwork {
  slug: string;
  acronym?: string;
  nameIt: string;
  nameEn: string;
  descriptionIt: string;
  descriptionEn: string;
  website?: string;
  /** Where the description's claims come from. */
  sources: Source[];
}

export interface DemoMembership {
  /** Network slug. */
  network: string;
  /** Slug of the unit that follows the network. */
  unit?: string;
  /** YYYY | YYYY-MM | YYYY-MM-DD */
  since?: string;
  roleIt?: string;
  roleEn?: string;
  workingGroups?: string[];
  /** Where the membership (and the unit that follows it) is stated. */
  sources: Source[];
}

export interface DemoInstitution {
  slug: 'milano' | 'firenze' | 'cm-firenze';
  kind: 'comune' | 'citta_metropolitana';
  nameIt: string;
  nameEn: string;
  officeNameIt: string;
  officeNameEn: string;
  descriptionIt: string;
  descriptionEn: string;
  homePlace: { name: string; country: 'IT' };
  address?: string;
  taxCode?: string;
  vatNumber?: string;
  pec?: string;
  website?: string;
  /** The institution's rule of one twinning per country (facts.md: Florence). */
  oneTwinningPerCountry?: boolean;
  units: DemoUnit[];
  memberships: DemoMembership[];
  agreements: AgreementInput[];
}

// ---------------------------------------------------------------------------------------------------------
// Networks (a catalogue shared by all institutions)
// ---------------------------------------------------------------------------------------------------------

// Seed 003 (Milan's "Milan International" page, updated 27/11/2023) names the networks each unit follows; its
// address was not kept with the seed, so it is cited by its title.
const MILAN_INTERNATIONAL: Source = {
  title: 'Comune di Milano, «Milan International» (aggiornata il 27/11/2023)',
  titleEn: 'City of Milan, "Milan International" (updated 27/11/2023)',
};
// facts.md: "Partner pages also name MUFPP, WCCF and MMC as networks shared with partners".
const MILAN_PARTNER_PAGES: Source = {
  url: 'https://www.comune.milano.it/aree-tematiche/relazioni-internazionali/city-to-city-cooperation/gemellaggi',
  title: 'Comune di Milano — Gemellaggi (pagine delle città partner)',
  titleEn: "City of Milan — Twinnings (the partner cities' pages)",
};

export const DEMO_NETWORKS: DemoNetwork[] = [
  {
    slug: 'eurocities',
    nameIt: 'EUROCITIES',
    nameEn: 'EUROCITIES',
    descriptionIt:
      "Rete di città europee. Il Comune di Milano vi partecipa attraverso l'Unità Affari europei.",
    descriptionEn:
      'A network of European cities. The City of Milan takes part in it through its European Affairs Unit.',
    website: 'https://eurocities.eu',
    sources: [MILAN_INTERNATIONAL],
  },
  {
    slug: 'c40',
    acronym: 'C40',
    nameIt: 'C40 Cities Climate Leadership Group',
    nameEn: 'C40 Cities Climate Leadership Group',
    descriptionIt:
      "Rete di città sul clima. Il Comune di Milano vi partecipa attraverso l'Unità Partenariati internazionali.",
    descriptionEn:
      'A network of cities on climate. The City of Milan takes part in it through its International Partnerships Unit.',
    website: 'https://www.c40.org',
    sources: [MILAN_INTERNATIONAL],
  },
  {
    slug: 'mufpp',
    acronym: 'MUFPP',
    nameIt: 'Milan Urban Food Policy Pact',
    nameEn: 'Milan Urban Food Policy Pact',
    descriptionIt:
      'Un patto tra città sulle politiche alimentari urbane. Le pagine dei partenariati del Comune di Milano lo citano tra le reti che Milano condivide con le città partner.',
    descriptionEn:
      "A pact among cities on urban food policy. The City of Milan's partnership pages name it among the networks Milan shares with its partner cities.",
    website: 'https://www.milanurbanfoodpolicypact.org',
    sources: [MILAN_PARTNER_PAGES],
  },
  {
    slug: 'wccf',
    acronym: 'WCCF',
    nameIt: 'World Cities Culture Forum',
    nameEn: 'World Cities Culture Forum',
    descriptionIt:
      'Un forum di città sulla cultura. Le pagine dei partenariati del Comune di Milano lo citano tra le reti che Milano condivide con le città partner.',
    descriptionEn:
      "A forum of cities on culture. The City of Milan's partnership pages name it among the networks Milan shares with its partner cities.",
    website: 'https://www.worldcitiescultureforum.com',
    sources: [MILAN_PARTNER_PAGES],
  },
  {
    slug: 'mmc',
    acronym: 'MMC',
    nameIt: 'Mayors Migration Council',
    nameEn: 'Mayors Migration Council',
    descriptionIt:
      'Un consiglio di sindaci sulle migrazioni. Le pagine dei partenariati del Comune di Milano lo citano tra le reti che Milano condivide con le città partner.',
    descriptionEn:
      "A council of mayors on migration. The City of Milan's partnership pages name it among the networks Milan shares with its partner cities.",
    website: 'https://www.mayorsmigrationcouncil.org',
    sources: [MILAN_PARTNER_PAGES],
  },
];

// ---------------------------------------------------------------------------------------------------------
// Comune di Milano: twinnings
// ---------------------------------------------------------------------------------------------------------

const MILAN_PAGE = 'Comune di Milano, pagina del gemellaggio';
const MILAN_PAGE_EN = "City of Milan, the twinning's page";
const MILAN_TWINNINGS_URL =
  'https://www.comune.milano.it/aree-tematiche/relazioni-internazionali/city-to-city-cooperation/gemellaggi';

type DateFact = NonNullable<AgreementInput['signed']>;
type StatusEventInput = NonNullable<AgreementInput['statusHistory']>[number];

interface TwinningFacts {
  /** Slug of the partner's page on Milan's site, used as the agreement slug too. */
  slug: string;
  /** Italian name, as Milan's pages give it. */
  name: string;
  /** English name, for the English label of the source. */
  nameEn: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  signed: DateFact;
  ratified?: DateFact;
  /** The date the twinning took effect in the record: signing, or ratification when signing is unknown. */
  activeFrom: string | null;
  descriptionIt: string;
  descriptionEn: string;
  laterEvents?: StatusEventInput[];
  alternativeDates?: AgreementInput['alternativeDates'];
}

const twinning = (t: TwinningFacts): AgreementInput => {
  // Milan's page on the twinning states its dates and its later events.
  const page: Source = {
    url: `${MILAN_TWINNINGS_URL}/${t.slug}`,
    title: `Comune di Milano — Gemellaggi: ${t.name}`,
    titleEn: `City of Milan — Twinnings: ${t.nameEn}`,
  };
  const agreement: AgreementInput = {
    slug: t.slug,
    kind: 'twinning',
    partner: { type: 'city', name: t.name, country: t.country },
    signed: t.signed,
    term: { type: 'permanent' },
    // Seed 004 lists the sectors an agreement may cover, not those each twinning covers: none recorded.
    descriptionIt: t.descriptionIt,
    descriptionEn: t.descriptionEn,
    sources: [page],
    statusHistory: [
      { status: 'active', outcome: 'approved', date: t.activeFrom, sources: [page] },
      ...(t.laterEvents ?? []).map((e) => ({ ...e, sources: e.sources ?? [page] })),
    ],
    published: true,
    unit: 'city-relations',
  };
  if (t.ratified) agreement.ratified = t.ratified;
  if (t.alternativeDates) agreement.alternativeDates = t.alternativeDates;
  return agreement;
};

const UNKNOWN: DateFact = { date: null };

const MILAN_TWINNINGS: AgreementInput[] = [
  twinning({
    slug: 'san-paolo',
    name: 'San Paolo',
    nameEn: 'São Paulo',
    country: 'BR',
    signed: { date: '1961-07-28', source: MILAN_PAGE, sourceEn: MILAN_PAGE_EN },
    activeFrom: '1961-07-28',
    descriptionIt:
      'Il primo gemellaggio di Milano, firmato con San Paolo del Brasile il 28 luglio 1961. Con questo accordo il Comune ha avviato la propria attività di gemellaggio, che oggi conta quindici città in cinque continenti.',
    descriptionEn:
      "Milan's first twinning, signed with São Paulo, Brazil, on 28 July 1961. This agreement began the city's twinning programme, which now links Milan with fifteen cities on five continents.",
  }),
  twinning({
    slug: 'lione',
    name: 'Lione',
    nameEn: 'Lyon',
    country: 'FR',
    signed: UNKNOWN,
    ratified: { date: '1967-09-22', source: MILAN_PAGE, sourceEn: MILAN_PAGE_EN },
    activeFrom: '1967-09-22',
    descriptionIt:
      'Gemellaggio con Lione ratificato il 22 settembre 1967; la data della firma non è registrata. ',
    descriptionEn: 'Twinning with Lyon, ratified on 22 September 1967; the signing date is not on record.',
  }),
  twinning({
    slug: 'san-pietroburgo',
    name: 'San Pietroburgo',
    nameEn: 'Saint Petersburg',
    country: 'RU',
    signed: { date: '1967-10-02', source: MILAN_PAGE, sourceEn: MILAN_PAGE_EN },
    activeFrom: '1967-10-02',
    descriptionIt:
      'Gemellaggio firmato il 2 ottobre 1967. Nel novembre 2012 (il giorno non è noto) il Consiglio comunale lo ha sospeso con una mozione.',
    descriptionEn:
      'Twinning signed on 2 October 1967. In November 2012 (the day is not known) the City Council suspended it by a motion.',
    laterEvents: [
      {
        status: 'suspended',
        outcome: 'approved',
        date: '2012-11',
        reasonIt: 'Mozione del Consiglio comunale che sospende il gemellaggio.',
        reasonEn: 'A City Council motion suspending the twinning.',
        act: 'Mozione del Consiglio comunale, novembre 2012',
      },
    ],
  }),
  twinning({
    slug: 'francoforte',
    name: 'Francoforte sul Meno',
    nameEn: 'Frankfurt am Main',
    country: 'DE',
    signed: {
      date: '1970-10-20',
      source: 'Sito ufficiale della città di Francoforte sul Meno',
      sourceEn: "Frankfurt am Main's official website",
    },
    activeFrom: '1970-10-20',
    descriptionIt:
      'Gemellaggio con Francoforte sul Meno del 20 ottobre 1970: la data è quella indicata dal sito della città tedesca.',
    descriptionEn:
      "Twinning with Frankfurt am Main dated 20 October 1970, as given on the German city's own website. ",
  }),
  twinning({
    slug: 'chicago',
    name: 'Chicago',
    nameEn: 'Chicago',
    country: 'US',
    signed: UNKNOWN,
    ratified: { date: '1973-04', source: MILAN_PAGE, sourceEn: MILAN_PAGE_EN },
    activeFrom: '1973-04',
    descriptionIt:
      "Gemellaggio con Chicago ratificato nell'aprile 1973. Non sono noti il giorno della ratifica né la data della firma.",
    descriptionEn:
      'Twinning with Chicago, ratified in April 1973. Neither the day of ratification nor the signing date is known.',
  }),
  twinning({
    slug: 'birmingham',
    name: 'Birmingham',
    nameEn: 'Birmingham',
    country: 'GB',
    signed: {
      date: '1974',
      source: 'Fonte secondaria, non confermata',
      sourceEn: 'A secondary source, unconfirmed',
    },
    activeFrom: '1974',
    descriptionIt:
      "Gemellaggio con Birmingham. L'anno 1974 proviene da una fonte secondaria e attende conferma dai documenti del Comune.",
    descriptionEn:
      "Twinning with Birmingham. The year 1974 comes from a secondary source and still awaits confirmation from the City's records.",
  }),
  twinning({
    slug: 'dakar',
    name: 'Dakar',
    nameEn: 'Dakar',
    country: 'SN',
    signed: { date: '1974-04-23', source: MILAN_PAGE, sourceEn: MILAN_PAGE_EN },
    ratified: { date: '1974-06-03', source: MILAN_PAGE, sourceEn: MILAN_PAGE_EN },
    activeFrom: '1974-04-23',
    descriptionIt:
      "Gemellaggio con Dakar, capitale del Senegal, firmato il 23 aprile 1974 e ratificato il 3 giugno dello stesso anno. È l'unico gemellaggio di Milano in Africa.",
    descriptionEn:
      "Twinning with Dakar, the capital of Senegal, signed on 23 April 1974 and ratified on 3 June that year. It is Milan's only twinning in Africa.",
  }),
  twinning({
    slug: 'shanghai',
    name: 'Shanghai',
    nameEn: 'Shanghai',
    country: 'CN',
    signed: UNKNOWN,
    ratified: { date: '1979-07-03', source: MILAN_PAGE, sourceEn: MILAN_PAGE_EN },
    activeFrom: '1979-07-03',
    descriptionIt:
      'Gemellaggio con Shanghai ratificato il 3 luglio 1979; la data della firma non è registrata.',
    descriptionEn: 'Twinning with Shanghai, ratified on 3 July 1979; the signing date is not on record.',
  }),
  twinning({
    slug: 'osaka',
    name: 'Osaka',
    nameEn: 'Osaka',
    country: 'JP',
    signed: { date: '1981', source: MILAN_PAGE, sourceEn: MILAN_PAGE_EN },
    activeFrom: '1981',
    descriptionIt:
      "Gemellaggio con Osaka del 1981. Dell'accordo si conosce soltanto l'anno, non il giorno né il mese.",
    descriptionEn:
      'Twinning with Osaka dating from 1981. Only the year of the agreement is known, not the day or month.',
  }),
  twinning({
    slug: 'tel-aviv',
    name: 'Tel Aviv-Giaffa',
    nameEn: 'Tel Aviv-Yafo',
    country: 'IL',
    signed: UNKNOWN,
    ratified: { date: '1997-10-16', source: MILAN_PAGE, sourceEn: MILAN_PAGE_EN },
    activeFrom: '1997-10-16',
    descriptionIt:
      'Gemellaggio con Tel Aviv-Giaffa ratificato il 16 ottobre 1997. Il 13 ottobre 2025 il Consiglio comunale ha respinto una mozione che ne chiedeva la sospensione, perciò il gemellaggio resta in vigore.',
    descriptionEn:
      'Twinning with Tel Aviv-Yafo, ratified on 16 October 1997. On 13 October 2025 the City Council rejected a motion calling for its suspension, so the twinning remains in force.',
    laterEvents: [
      {
        status: 'suspended',
        outcome: 'rejected',
        date: '2025-10-13',
        reasonIt:
          "Una mozione presentata in Consiglio comunale chiedeva di sospendere il gemellaggio. Il Consiglio l'ha respinta: il gemellaggio resta attivo.",
        reasonEn:
          'A motion before the City Council asked for the twinning to be suspended. The Council rejected it, so the twinning stays active.',
        act: 'Mozione del Consiglio comunale (respinta)',
      },
    ],
  }),
  twinning({
    slug: 'betlemme',
    name: 'Betlemme',
    nameEn: 'Bethlehem',
    country: 'PS',
    signed: { date: '2000-05-22', source: MILAN_PAGE, sourceEn: MILAN_PAGE_EN },
    activeFrom: '2000-05-22',
    alternativeDates: [
      {
        field: 'signed',
        date: '2000-05-07',
        precision: 'day',
        source: 'Sito del Comune di Betlemme',
        sourceEn: "Bethlehem municipality's website",
      },
    ],
    descriptionIt:
      'Gemellaggio con Betlemme. Il Comune di Milano lo data al 22 maggio 2000, mentre il sito della municipalità di Betlemme riporta il 7 maggio 2000: Ponte conserva entrambe le date con la rispettiva fonte.',
    descriptionEn:
      "Twinning with Bethlehem. The City of Milan dates it to 22 May 2000, while the Bethlehem municipality's website gives 7 May 2000; Ponte keeps both dates, each with its source.",
  }),
  twinning({
    slug: 'toronto',
    name: 'Toronto',
    nameEn: 'Toronto',
    country: 'CA',
    signed: { date: '2003-06-30', source: MILAN_PAGE, sourceEn: MILAN_PAGE_EN },
    activeFrom: '2003-06-30',
    descriptionIt: 'Gemellaggio con Toronto firmato il 30 giugno 2003.',
    descriptionEn: 'Twinning with Toronto, signed on 30 June 2003.',
  }),
  twinning({
    slug: 'cracovia',
    name: 'Cracovia',
    nameEn: 'Kraków',
    country: 'PL',
    signed: UNKNOWN,
    activeFrom: null,
    descriptionIt:
      "Gemellaggio con Cracovia, in Polonia. La data dell'accordo non è stata ancora trovata e resta da verificare negli atti.",
    descriptionEn:
      'Twinning with Kraków, Poland. The date of the agreement has not yet been found and remains to be checked in the records.',
  }),
  twinning({
    slug: 'melbourne',
    name: 'Melbourne',
    nameEn: 'Melbourne',
    country: 'AU',
    signed: { date: '2004-03-04', source: MILAN_PAGE, sourceEn: MILAN_PAGE_EN },
    activeFrom: '2004-03-04',
    descriptionIt: "Gemellaggio con Melbourne firmato il 4 marzo 2004, l'unico di Milano in Oceania.",
    descriptionEn: "Twinning with Melbourne, signed on 4 March 2004; it is Milan's only twinning in Oceania.",
  }),
  twinning({
    slug: 'daegu',
    name: 'Daegu',
    nameEn: 'Daegu',
    country: 'KR',
    signed: { date: '2015-07-02', source: MILAN_PAGE, sourceEn: MILAN_PAGE_EN },
    activeFrom: '2015-07-02',
    descriptionIt:
      "Il gemellaggio più recente di Milano, firmato con la città sudcoreana di Daegu il 2 luglio 2015, dopo l'approvazione in Consiglio comunale dell'8 giugno 2015. Conclude un percorso lungo più di venticinque anni: un comunicato congiunto nel 1989, una dichiarazione congiunta nel 1998 e un memorandum d'intesa nel 2014.",
    descriptionEn:
      "Milan's most recent twinning, signed with the South Korean city of Daegu on 2 July 2015, after council approval on 8 June 2015. It crowned more than twenty-five years of contacts: a joint communiqué in 1989, a joint declaration in 1998 and a memorandum of understanding in 2014.",
  }),
];

// ---------------------------------------------------------------------------------------------------------
// Comune di Milano: collaboration agreements and a memorandum of understanding (not twinnings)
// ---------------------------------------------------------------------------------------------------------

// facts.md took Riga's and New York's agreements from the City of Milan's international-relations pages without
// keeping their address: cited by that description, so the record says where the claim comes from and what is missing.
const MILAN_RELATIONS_PAGES: Source = {
  title: 'Comune di Milano, pagine sulle relazioni internazionali (indirizzo non conservato)',
  titleEn: "City of Milan's international relations pages (address not kept)",
};

const MILAN_COLLABORATIONS: AgreementInput[] = [
  {
    slug: 'riga',
    kind: 'memorandum_of_understanding',
    partner: { type: 'city', name: 'Riga', country: 'LV' },
    titleIt: "Memorandum d'intesa tra Milano e Riga",
    titleEn: 'Memorandum of understanding between Milan and Riga',
    signed: { date: '2018-02-02' },
    sources: [MILAN_RELATIONS_PAGES],
    term: { type: 'fixed', endsOn: '2020-02-02', renewal: 'by_agreement', renewalYears: 2 },
    descriptionIt:
      "Memorandum firmato il 2 febbraio 2018 con la capitale della Lettonia. Non è un gemellaggio: è un memorandum d'intesa di collaborazione di durata biennale, che le due città possono rinnovare di comune accordo. Contenuti ed eventuali rinnovi non sono ancora registrati in Ponte.",
    descriptionEn:
      'A memorandum signed on 2 February 2018 with the capital of Latvia. It is not a twinning: it is a two-year memorandum of understanding on collaboration, which the two cities may renew by mutual consent. Its content and any renewals are not yet recorded in Ponte.',
    statusHistory: [
      { status: 'active', outcome: 'approved', date: '2018-02-02', sources: [MILAN_RELATIONS_PAGES] },
    ],
    published: true,
    unit: 'city-relations',
  },
  {
    slug: 'new-york',
    kind: 'collaboration_agreement',
    partner: { type: 'city', name: 'New York', country: 'US' },
    titleIt: 'Dichiarazione «Milan Digital Bridge» tra Milano e New York',
    titleEn: '"Milan Digital Bridge" declaration between Milan and New York',
    signed: { date: '2016-11-25' },
    sources: [MILAN_RELATIONS_PAGES],
    term: { type: 'fixed', endsOn: '2018-11-25', renewal: 'by_agreement', renewalYears: 2 },
    descriptionIt:
      'Dichiarazione firmata con New York il 25 novembre 2016 che, come indica il nome, riguarda la collaborazione tra le due città nel digitale. Ha durata biennale ed è rinnovabile di comune accordo; non è un gemellaggio.',
    descriptionEn:
      'A declaration signed with New York on 25 November 2016 which, as its name suggests, concerns cooperation between the two cities in the digital field. It runs for two years and may be renewed by mutual consent; it is not a twinning.',
    statusHistory: [
      { status: 'active', outcome: 'approved', date: '2016-11-25', sources: [MILAN_RELATIONS_PAGES] },
    ],
    published: true,
    unit: 'city-relations',
  },
  {
    slug: 'banca-mondiale',
    kind: 'collaboration_agreement',
    partner: {
      type: 'organisation',
      nameIt: 'Banca Mondiale',
      nameEn: 'World Bank',
      website: 'https://www.worldbank.org',
    },
    titleIt: 'Accordo di collaborazione con la Banca Mondiale',
    titleEn: 'Collaboration agreement with the World Bank',
    signed: { date: null },
    sources: [MILAN_INTERNATIONAL],
    term: { type: 'permanent' },
    descriptionIt:
      "Nella pagina «Milano internazionale» il Comune indica l'accordo con la Banca Mondiale come esempio dei propri accordi di collaborazione. La data e i contenuti dell'accordo non sono ancora registrati in Ponte.",
    descriptionEn:
      'On its "Milan International" page the City of Milan cites its agreement with the World Bank as an example of its collaboration agreements. The date and content of the agreement are not yet recorded in Ponte.',
    statusHistory: [{ status: 'active', outcome: 'approved', date: null, sources: [MILAN_INTERNATIONAL] }],
    published: true,
  },
];

// ---------------------------------------------------------------------------------------------------------
// Comune di Firenze: twinnings, friendship pacts and a collaboration protocol
// ---------------------------------------------------------------------------------------------------------

// facts.md gathered Florence's list from the Comune di Firenze's pages and from Wikipedia without noting which
// of the two gave each row, and names no page address: every date says exactly that, and no URL is given.
const FLORENCE_SOURCE = 'Comune di Firenze e Wikipedia, non ancora verificato riga per riga';
const FLORENCE_SOURCE_EN = 'City of Florence and Wikipedia, not yet checked row by row';

interface FlorenceFacts {
  slug: string;
  /** Italian name, as facts.md gives it. */
  name: string;
  country: string;
  /** The gazetteer place, where the name alone leaves a choice. */
  geonamesId?: number;
  kind: 'twinning' | 'friendship_pact' | 'collaboration_agreement';
  /** YYYY | YYYY-MM | YYYY-MM-DD, or null when no date was found. */
  date: string | null;
  /** A year another source gives instead. */
  otherYear?: string;
  descriptionIt: string;
  descriptionEn: string;
}

const florence = (f: FlorenceFacts): AgreementInput => {
  const agreement: AgreementInput = {
    slug: f.slug,
    kind: f.kind,
    partner: {
      type: 'city',
      name: f.name,
      country: f.country,
      ...(f.geonamesId ? { geonamesId: f.geonamesId } : {}),
    },
    signed: { date: f.date, source: FLORENCE_SOURCE, sourceEn: FLORENCE_SOURCE_EN },
    term: { type: 'permanent' },
    descriptionIt: f.descriptionIt,
    descriptionEn: f.descriptionEn,
    statusHistory: [
      {
        status: 'active',
        outcome: 'approved',
        date: f.date,
        sources: [{ title: FLORENCE_SOURCE, titleEn: FLORENCE_SOURCE_EN }],
      },
    ],
    published: true,
    // facts.md could not check Florence's list row by row: the office clears the mark once it has.
    toVerify: true,
    unit: 'relazioni-internazionali',
  };
  if (f.otherYear) {
    agreement.alternativeDates = [
      {
        field: 'signed',
        date: f.otherYear,
        precision: 'year',
        source: FLORENCE_SOURCE,
        sourceEn: FLORENCE_SOURCE_EN,
      },
    ];
  }
  return agreement;
};

const FLORENCE_AGREEMENTS: AgreementInput[] = [
  florence({
    slug: 'reims',
    name: 'Reims',
    country: 'FR',
    kind: 'twinning',
    date: '1954-07-03',
    descriptionIt: 'Gemellaggio con Reims, in Francia, firmato il 3 luglio 1954.',
    descriptionEn: 'Twinning with Reims, France, signed on 3 July 1954.',
  }),
  florence({
    slug: 'kassel',
    name: 'Kassel',
    country: 'DE',
    kind: 'twinning',
    date: '1952',
    otherYear: '1958',
    descriptionIt:
      "Gemellaggio con Kassel, in Germania. Le fonti non concordano sull'anno: una indica il 1952, un'altra il 1958; Ponte conserva entrambi.",
    descriptionEn:
      'Twinning with Kassel, Germany. The sources disagree on the year: one gives 1952, another 1958; Ponte keeps both.',
  }),
  florence({
    slug: 'fez',
    name: 'Fès',
    country: 'MA',
    kind: 'twinning',
    date: '1961',
    descriptionIt: "Gemellaggio con Fez, in Marocco, del 1961; se ne conosce solo l'anno.",
    descriptionEn: 'Twinning with Fez, Morocco, from 1961; only the year is known.',
  }),
  florence({
    slug: 'filadelfia',
    name: 'Filadelfia',
    country: 'US',
    kind: 'twinning',
    date: '1964',
    descriptionIt: "Gemellaggio con Filadelfia, negli Stati Uniti, del 1964; se ne conosce solo l'anno.",
    descriptionEn: 'Twinning with Philadelphia, United States, from 1964; only the year is known.',
  }),
  florence({
    slug: 'edimburgo',
    name: 'Edimburgo',
    country: 'GB',
    kind: 'twinning',
    date: '1964',
    otherYear: '1965',
    descriptionIt:
      "Gemellaggio con Edimburgo, nel Regno Unito. Una fonte lo data al 1964, un'altra al 1965; Ponte conserva entrambi gli anni.",
    descriptionEn:
      'Twinning with Edinburgh, United Kingdom. One source dates it to 1964, another to 1965; Ponte keeps both years.',
  }),
  florence({
    slug: 'kyoto',
    name: 'Kyoto',
    country: 'JP',
    kind: 'twinning',
    date: '1965-11-06',
    descriptionIt: 'Gemellaggio con Kyoto, in Giappone, firmato il 6 novembre 1965.',
    descriptionEn: 'Twinning with Kyoto, Japan, signed on 6 November 1965.',
  }),
  florence({
    slug: 'kiev',
    name: 'Kiev',
    country: 'UA',
    kind: 'twinning',
    date: '1967-07-27',
    descriptionIt: 'Gemellaggio con Kiev, in Ucraina, firmato il 27 luglio 1967.',
    descriptionEn: 'Twinning with Kyiv, Ukraine, signed on 27 July 1967.',
  }),
  florence({
    slug: 'dresda',
    name: 'Dresda',
    country: 'DE',
    kind: 'twinning',
    date: '1978',
    descriptionIt: "Gemellaggio con Dresda, in Germania, del 1978; se ne conosce solo l'anno.",
    descriptionEn: 'Twinning with Dresden, Germany, from 1978; only the year is known.',
  }),
  florence({
    slug: 'nanchino',
    name: 'Nanchino',
    country: 'CN',
    kind: 'twinning',
    date: '1980',
    descriptionIt: "Gemellaggio con Nanchino, in Cina, del 1980; se ne conosce solo l'anno.",
    descriptionEn: 'Twinning with Nanjing, China, from 1980; only the year is known.',
  }),
  florence({
    slug: 'cracovia',
    name: 'Cracovia',
    country: 'PL',
    kind: 'friendship_pact',
    date: '1985',
    descriptionIt: "Patto di amicizia con Cracovia, in Polonia, del 1985; se ne conosce solo l'anno.",
    descriptionEn: 'Friendship pact with Kraków, Poland, from 1985; only the year is known.',
  }),
  florence({
    slug: 'kuwait-city',
    name: 'Kuwait City',
    country: 'KW',
    kind: 'twinning',
    date: '1991',
    descriptionIt: "Gemellaggio con Kuwait City, in Kuwait, del 1991; se ne conosce solo l'anno.",
    descriptionEn: 'Twinning with Kuwait City, Kuwait, from 1991; only the year is known.',
  }),
  florence({
    slug: 'salvador-de-bahia',
    name: 'Salvador de Bahia',
    country: 'BR',
    kind: 'twinning',
    date: '1991',
    descriptionIt: "Gemellaggio con Salvador de Bahia, in Brasile, del 1991; se ne conosce solo l'anno.",
    descriptionEn: 'Twinning with Salvador, Brazil, from 1991; only the year is known.',
  }),
  florence({
    slug: 'turku',
    name: 'Turku',
    country: 'FI',
    kind: 'twinning',
    date: '1991',
    otherYear: '1992',
    descriptionIt:
      "Gemellaggio con Turku, in Finlandia. Una fonte lo data al 1991, un'altra al 1992; Ponte conserva entrambi gli anni.",
    descriptionEn:
      'Twinning with Turku, Finland. One source dates it to 1991, another to 1992; Ponte keeps both years.',
  }),
  florence({
    slug: 'sydney',
    name: 'Sydney',
    country: 'AU',
    kind: 'twinning',
    date: '1991',
    descriptionIt:
      "Gemellaggio con Sydney, in Australia. L'anno 1991 viene da una fonte secondaria. Il gemellaggio potrebbe non essere più in vigore, ma non è confermato: qui resta come lo riportano le fonti.",
    descriptionEn:
      'Twinning with Sydney, Australia. The year 1991 comes from a secondary source. The twinning may have lapsed, which is not confirmed: it is shown here as the sources list it.',
  }),
  florence({
    slug: 'asmara',
    name: 'Asmara',
    country: 'ER',
    kind: 'twinning',
    date: '1992',
    descriptionIt: "Gemellaggio con Asmara, in Eritrea, del 1992; se ne conosce solo l'anno.",
    descriptionEn: 'Twinning with Asmara, Eritrea, from 1992; only the year is known.',
  }),
  florence({
    slug: 'nazaret',
    name: 'Nazaret',
    country: 'IL',
    // Pinned to the city of Nazareth in Israel by its gazetteer id, so no other Nazareth can be meant.
    geonamesId: 294098,
    kind: 'twinning',
    date: '1996-03-25',
    descriptionIt: 'Gemellaggio con Nazaret, in Israele, firmato il 25 marzo 1996.',
    descriptionEn: 'Twinning with Nazareth, Israel, signed on 25 March 1996.',
  }),
  florence({
    slug: 'betlemme',
    name: 'Betlemme',
    country: 'PS',
    kind: 'twinning',
    date: '1962',
    otherYear: '2012',
    descriptionIt:
      "Gemellaggio con Betlemme, in Palestina. Le fonti non concordano: una indica il 1962, un'altra il 2012; Ponte conserva entrambe le date.",
    descriptionEn:
      'Twinning with Bethlehem, Palestine. The sources disagree: one gives 1962, another 2012; Ponte keeps both dates.',
  }),
  florence({
    slug: 'valladolid',
    name: 'Valladolid',
    country: 'ES',
    kind: 'twinning',
    date: '2007-01-24',
    descriptionIt: 'Gemellaggio con Valladolid, in Spagna, firmato il 24 gennaio 2007.',
    descriptionEn: 'Twinning with Valladolid, Spain, signed on 24 January 2007.',
  }),
  florence({
    slug: 'budapest',
    name: 'Budapest',
    country: 'HU',
    kind: 'twinning',
    date: '2007',
    otherYear: '2008',
    descriptionIt: "Gemellaggio con Budapest, in Ungheria. L'anno è incerto: il 2007 o il 2008.",
    descriptionEn: 'Twinning with Budapest, Hungary. The year is uncertain: 2007 or 2008.',
  }),
  florence({
    slug: 'atene',
    name: 'Atene',
    country: 'GR',
    kind: 'twinning',
    date: null,
    descriptionIt: 'Gemellaggio con Atene, in Grecia. La data non è stata trovata.',
    descriptionEn: 'Twinning with Athens, Greece. Its date has not been found.',
  }),
  florence({
    slug: 'riga',
    name: 'Riga',
    country: 'LV',
    kind: 'twinning',
    date: null,
    descriptionIt: 'Gemellaggio con Riga, in Lettonia. La data non è stata trovata.',
    descriptionEn: 'Twinning with Riga, Latvia. Its date has not been found.',
  }),
  florence({
    slug: 'tirana',
    name: 'Tirana',
    country: 'AL',
    kind: 'twinning',
    date: null,
    descriptionIt: 'Gemellaggio con Tirana, in Albania. La data non è stata trovata.',
    descriptionEn: 'Twinning with Tirana, Albania. Its date has not been found.',
  }),
  florence({
    slug: 'isfahan',
    name: 'Isfahan',
    country: 'IR',
    kind: 'twinning',
    date: null,
    descriptionIt: 'Gemellaggio con Isfahan, in Iran. La data non è stata trovata.',
    descriptionEn: 'Twinning with Isfahan, Iran. Its date has not been found.',
  }),
  // Neither the kind nor the place is verified. A city partner would be placed on the map through the
  // gazetteer, i.e. at Laayoune, which would state as fact what is not known; recorded with its name and
  // country only (an organisation-type partner, the one kind the model keeps without a gazetteer place).
  {
    slug: 'el-aaiun',
    kind: 'twinning',
    partner: { type: 'organisation', nameIt: 'El Aaiún', nameEn: 'El Aaiún', country: 'EH' },
    signed: { date: null, source: FLORENCE_SOURCE, sourceEn: FLORENCE_SOURCE_EN },
    term: { type: 'permanent' },
    descriptionIt:
      'Le fonti lo elencano come gemellaggio, con un punto interrogativo: né il tipo di accordo né il luogo sono verificati, e la data non è stata trovata. Potrebbe trattarsi non della città di Laayoune ma del campo profughi saharawi con lo stesso nome, vicino a Tindouf in Algeria: i patti dei comuni italiani con «El Aaiún» sono spesso con quel campo. Finché non è verificato, Ponte non colloca il partner su una località.',
    descriptionEn:
      'The sources list it as a twinning, with a question mark: neither the kind of agreement nor the place is verified, and its date has not been found. It may be not the city of Laayoune but the Sahrawi refugee camp of the same name near Tindouf, Algeria: Italian councils\' pacts with "El Aaiún" are often with that camp. Until it is verified, Ponte does not tie the partner to a place.',
    statusHistory: [
      {
        status: 'active',
        outcome: 'approved',
        date: null,
        sources: [{ title: FLORENCE_SOURCE, titleEn: FLORENCE_SOURCE_EN }],
      },
    ],
    published: true,
    // facts.md could not check Florence's list row by row: the office clears the mark once it has.
    toVerify: true,
    unit: 'relazioni-internazionali',
  },
  florence({
    slug: 'porto-vecchio',
    name: 'Porto Vecchio',
    country: 'FR',
    kind: 'friendship_pact',
    date: '2007-01-22',
    descriptionIt: 'Patto di amicizia con Porto Vecchio, in Corsica (Francia), firmato il 22 gennaio 2007.',
    descriptionEn: 'Friendship pact with Porto-Vecchio, Corsica (France), signed on 22 January 2007.',
  }),
  florence({
    slug: 'puebla',
    name: 'Puebla',
    country: 'MX',
    kind: 'friendship_pact',
    date: '2005-02',
    descriptionIt: 'Patto di amicizia con Puebla, in Messico, del febbraio 2005; il giorno non è noto.',
    descriptionEn: 'Friendship pact with Puebla, Mexico, from February 2005; the day is not known.',
  }),
  florence({
    slug: 'sanaa',
    name: "Sana'a",
    country: 'YE',
    kind: 'friendship_pact',
    date: '2007',
    otherYear: '2008',
    descriptionIt: "Patto di amicizia con Sana'a, nello Yemen. L'anno è incerto: il 2007 o il 2008.",
    descriptionEn: "Friendship pact with Sana'a, Yemen. The year is uncertain: 2007 or 2008.",
  }),
  florence({
    slug: 'xian',
    name: "Xi'an",
    country: 'CN',
    kind: 'friendship_pact',
    date: '2007',
    otherYear: '2008',
    descriptionIt: "Patto di amicizia con Xi'an, in Cina. L'anno è incerto: il 2007 o il 2008.",
    descriptionEn: "Friendship pact with Xi'an, China. The year is uncertain: 2007 or 2008.",
  }),
  florence({
    slug: 'arequipa',
    name: 'Arequipa',
    country: 'PE',
    kind: 'friendship_pact',
    date: '2007',
    otherYear: '2008',
    descriptionIt: "Patto di amicizia con Arequipa, in Perù. L'anno è incerto: il 2007 o il 2008.",
    descriptionEn: 'Friendship pact with Arequipa, Peru. The year is uncertain: 2007 or 2008.',
  }),
  florence({
    slug: 'tallinn',
    name: 'Tallinn',
    country: 'EE',
    kind: 'friendship_pact',
    date: '2008',
    descriptionIt:
      "Patto di amicizia con Tallinn, in Estonia. L'anno 2008 viene da una fonte secondaria ed è incerto.",
    descriptionEn:
      'Friendship pact with Tallinn, Estonia. The year 2008 comes from a secondary source and is uncertain.',
  }),
  florence({
    slug: 'austin',
    name: 'Austin',
    country: 'US',
    kind: 'collaboration_agreement',
    date: '2023',
    descriptionIt:
      "Protocollo di collaborazione con Austin, negli Stati Uniti; non è un gemellaggio. L'anno 2023 viene da una fonte secondaria ed è incerto.",
    descriptionEn:
      'A collaboration protocol with Austin, United States; it is not a twinning. The year 2023 comes from a secondary source and is uncertain.',
  }),
];

// ---------------------------------------------------------------------------------------------------------
// Institutions
// ---------------------------------------------------------------------------------------------------------

const MILANO: DemoInstitution = {
  slug: 'milano',
  kind: 'comune',
  nameIt: 'Comune di Milano',
  nameEn: 'City of Milan',
  officeNameIt: 'Area Relazioni internazionali',
  officeNameEn: 'International Relations Area',
  descriptionIt:
    "L'Area Relazioni internazionali affianca il Sindaco e l'amministrazione comunale nel dare a Milano un ruolo più forte sulla scena internazionale. Segue i rapporti bilaterali con le città partner, dai quindici gemellaggi agli accordi di collaborazione, e la partecipazione di Milano alle reti internazionali di città. Opera in una città dove quasi un residente su cinque ha cittadinanza straniera, con oltre 500 associazioni di comunità straniere e più uffici consolari di qualsiasi altra città europea che non sia capitale.",
  descriptionEn:
    "The International Relations Area supports the Mayor and the city administration in giving Milan a stronger international role. It looks after the city's bilateral ties with partner cities, from fifteen twinnings to collaboration agreements, and Milan's part in international city networks. It works in a city where nearly one resident in five is a foreign national, with over 500 foreign-community associations and more consular offices than any other European city that is not a capital.",
  homePlace: { name: 'Milano', country: 'IT' },
  website: 'https://www.comune.milano.it',
  units: [
    {
      slug: 'city-relations',
      nameIt: 'Unità Relazioni con le città e Cooperazione',
      nameEn: 'City Relations and Cooperation Unit',
      remitIt:
        "Prepara l'agenda degli incontri e delle missioni all'estero del Sindaco e dei suoi delegati, riceve le delegazioni in visita e segue la firma degli accordi con le città straniere. Cura i rapporti con il Corpo consolare e con le comunità della diaspora che vivono a Milano e dà supporto agli eventi internazionali ospitati in città. Partecipa a progetti di cooperazione e solidarietà nei Paesi del Sud del mondo, con un'attenzione particolare alle aree metropolitane, e promuove iniziative di educazione alla cittadinanza globale.",
      remitEn:
        "Plans the international meetings and missions of the Mayor and the Mayor's delegates, receives visiting delegations and handles the signing of agreements with foreign cities. Looks after relations with the consular corps and with the diaspora communities living in Milan, and supports international events held in the city. Takes part in cooperation and solidarity projects in countries of the Global South, with particular attention to metropolitan areas, and promotes global citizenship education.",
    },
    {
      slug: 'european-affairs',
      nameIt: 'Unità Affari europei',
      nameEn: 'European Affairs Unit',
      remitIt:
        "Coordina la partecipazione di Milano alla rete EUROCITIES e tiene i rapporti con le istituzioni dell'Unione europea e con le altre città europee, per presentare progetti comuni e scambiare competenze.",
      remitEn:
        "Coordinates Milan's participation in the EUROCITIES network and maintains relations with the European Union institutions and with other European cities, in order to put forward joint projects and exchange know-how.",
    },
    {
      slug: 'international-partnerships',
      nameIt: 'Unità Partenariati internazionali',
      nameEn: 'International Partnerships Unit',
      remitIt:
        "Segue i lavori delle reti internazionali di città, come C40, in raccordo con le altre unità dell'Area e con le Direzioni competenti per materia. Prepara le candidature di Milano a ospitare organizzazioni ed eventi di rilievo internazionale e a ottenere premi e riconoscimenti internazionali.",
      remitEn:
        "Takes part in the work of international city networks such as C40, together with the Area's other units and the departments responsible for each subject. Prepares Milan's bids to host international organisations and events and to win international awards and recognition.",
    },
  ],
  memberships: [
    { network: 'eurocities', unit: 'european-affairs', sources: [MILAN_INTERNATIONAL] },
    { network: 'c40', unit: 'international-partnerships', sources: [MILAN_INTERNATIONAL] },
    { network: 'mufpp', sources: [MILAN_PARTNER_PAGES] },
    { network: 'wccf', sources: [MILAN_PARTNER_PAGES] },
    { network: 'mmc', sources: [MILAN_PARTNER_PAGES] },
  ],
  agreements: [...MILAN_TWINNINGS, ...MILAN_COLLABORATIONS],
};

const FIRENZE: DemoInstitution = {
  slug: 'firenze',
  kind: 'comune',
  nameIt: 'Comune di Firenze',
  nameEn: 'City of Florence',
  officeNameIt: 'Ufficio Relazioni internazionali e cooperazione',
  officeNameEn: 'International Relations and Cooperation Office',
  descriptionIt:
    "Dagli anni Cinquanta, quando il sindaco Giorgio La Pira diede vita ai Colloqui mediterranei, Firenze lega la propria azione internazionale alla pace e al dialogo tra i popoli. Oggi l'Ufficio Relazioni internazionali e cooperazione segue oltre trenta partenariati con città di tutto il mondo, di tre tipi: gemellaggi, patti di amicizia e patti di fratellanza. Una regola del Comune consente un solo gemellaggio per nazione: con le altre città dello stesso Paese Firenze stringe un patto di amicizia.",
  descriptionEn:
    'Since the 1950s, when Mayor Giorgio La Pira launched the Mediterranean Dialogues, Florence has tied its international work to peace and dialogue between peoples. Today its International Relations and Cooperation Office looks after more than thirty partnerships with cities around the world, of three kinds: twinnings, friendship pacts and brotherhood pacts. A municipal rule allows only one twinning per country, so any further city in the same country is offered a friendship pact.',
  homePlace: { name: 'Firenze', country: 'IT' },
  address: 'Palazzo Vecchio, Piazza della Signoria, 50122 Firenze',
  vatNumber: '01307110484',
  website: 'https://www.comune.fi.it',
  oneTwinningPerCountry: true,
  units: [
    {
      slug: 'relazioni-internazionali',
      nameIt: 'Ufficio Relazioni internazionali e cooperazione',
      nameEn: 'International Relations and Cooperation Office',
      remitIt:
        "Riceve le delegazioni straniere in visita istituzionale e prepara progetti di scambio di esperienze e buone pratiche con altre città, anche sui temi dell'identità europea, della cittadinanza e della partecipazione alle politiche urbane sostenibili. Consiglia il Sindaco, gli Assessori e le Direzioni sulle questioni internazionali e sostiene le iniziative del Comune per la pace, la cooperazione e il rispetto delle diversità, compresa la cooperazione decentrata con i governi locali del Sud del mondo. Accompagna inoltre gli ospiti internazionali dell'Amministrazione in visite guidate al Museo di Palazzo Vecchio in più lingue.",
      remitEn:
        "Receives foreign delegations on official visits and prepares projects for exchanging experience and good practice with other cities, including on European identity, citizenship and participation in sustainable urban policy. Advises the Mayor, the deputy mayors and the city departments on international matters and supports the City's initiatives for peace, cooperation and respect for diversity, including decentralised cooperation with local governments in the Global South. It also gives the Administration's international guests guided tours of the Palazzo Vecchio museum in several languages.",
    },
  ],
  // facts.md says the office is an active member of international city networks, without naming them.
  memberships: [],
  agreements: FLORENCE_AGREEMENTS,
};

const CM_FIRENZE: DemoInstitution = {
  slug: 'cm-firenze',
  kind: 'citta_metropolitana',
  nameIt: 'Città Metropolitana di Firenze',
  nameEn: 'Metropolitan City of Florence',
  officeNameIt: 'Relazioni internazionali',
  officeNameEn: 'International Relations',
  descriptionIt:
    "Lo Statuto affida alla Città Metropolitana il compito di costruire rapporti di collaborazione economica e culturale con città e aree metropolitane in Europa e nel resto del mondo; nel bilancio questo lavoro corrisponde alla Missione 19 «Relazioni internazionali». Per il mandato 2019–2024 l'obiettivo operativo 1901/0159 «La Città Metropolitana nel mondo» punta, nell'arco di un triennio, a consolidare una rete di gemellaggi e collaborazioni con altre aree metropolitane e partner istituzionali, in campo universitario, culturale ed economico, per far conoscere il territorio e le sue eccellenze.",
  descriptionEn:
    'The Metropolitan City\'s statute gives it the task of building economic and cultural cooperation with cities and metropolitan areas in Europe and beyond; in its budget this work falls under Mission 19, International Relations. For the 2019–2024 term, operational objective 1901/0159, "The Metropolitan City in the World", sets out over three years to strengthen a network of twinnings and partnerships with other metropolitan areas and institutional partners in the university, cultural and economic spheres, and so to make the area and its strengths better known abroad.',
  homePlace: { name: 'Firenze', country: 'IT' },
  website: 'https://www.cittametropolitana.fi.it',
  units: [
    {
      slug: 'relazioni-internazionali',
      nameIt: 'Relazioni internazionali',
      nameEn: 'International Relations',
      remitIt:
        "Ha la responsabilità dell'obiettivo strategico «Relazioni internazionali» e dell'obiettivo operativo 1901/0159 «La Città Metropolitana nel mondo» (Missione 19, Programma 1901 «Relazioni internazionali e Cooperazione allo sviluppo»). Sviluppa i rapporti con altre aree metropolitane e partner istituzionali in Europa e nel mondo e una rete di gemellaggi e collaborazioni, anche attraverso le reti di cui l'ente fa già parte.",
      remitEn:
        'Responsible for the strategic objective "International Relations" and for operational objective 1901/0159, "The Metropolitan City in the World" (Mission 19, Programme 1901, International Relations and Development Cooperation). It develops ties with other metropolitan areas and institutional partners in Europe and worldwide, and a network of twinnings and partnerships, drawing also on the networks the Metropolitan City already belongs to.',
      // The seed makes Cristiano Maggipinto responsible for the two objectives, not head of a unit: the
      // objectives will say so once the plan exists.
    },
    {
      slug: 'consigliere-diplomatico',
      nameIt: 'Consigliere diplomatico',
      nameEn: 'Diplomatic Adviser',
      remitIt:
        'Crea le condizioni per avviare progetti di collaborazione internazionale e affianca il Sindaco metropolitano negli incontri con i rappresentanti di istituzioni e Paesi esteri.',
      remitEn:
        'Lays the groundwork for new international cooperation projects and assists the Metropolitan Mayor in meetings with representatives of foreign countries and institutions.',
    },
  ],
  memberships: [],
  agreements: [],
};

export const DEMO_INSTITUTIONS: DemoInstitution[] = [MILANO, FIRENZE, CM_FIRENZE];
