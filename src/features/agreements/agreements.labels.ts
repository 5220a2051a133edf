// The domain's words in Italian and English, for pages and exports. One place, so the portal and the
// back-office say the same thing.
import type { Lang } from '../../platform/i18n.ts';
import type { AgreementKind, Sector, Status } from './agreements.schemas.ts';

type Labels<K extends string> = Record<K, Record<Lang, string>>;

export const KIND_LABELS: Labels<AgreementKind> = {
  twinning: { it: 'Gemellaggio', en: 'Twinning' },
  friendship_pact: { it: 'Patto di amicizia', en: 'Friendship pact' },
  brotherhood_pact: { it: 'Patto di fratellanza', en: 'Brotherhood pact' },
  collaboration_agreement: { it: 'Accordo di collaborazione', en: 'Collaboration agreement' },
  memorandum_of_understanding: { it: "Protocollo d'intesa", en: 'Memorandum of understanding' },
  project_partnership: { it: 'Partenariato di progetto', en: 'Project partnership' },
};

/** Plural forms, for headings and counts. */
export const KIND_PLURALS: Labels<AgreementKind> = {
  twinning: { it: 'Gemellaggi', en: 'Twinnings' },
  friendship_pact: { it: 'Patti di amicizia', en: 'Friendship pacts' },
  brotherhood_pact: { it: 'Patti di fratellanza', en: 'Brotherhood pacts' },
  collaboration_agreement: { it: 'Accordi di collaborazione', en: 'Collaboration agreements' },
  memorandum_of_understanding: { it: "Protocolli d'intesa", en: 'Memoranda of understanding' },
  project_partnership: { it: 'Partenariati di progetto', en: 'Project partnerships' },
};

export const STATUS_LABELS: Labels<Status> = {
  proposed: { it: 'Proposto', en: 'Proposed' },
  active: { it: 'Attivo', en: 'Active' },
  suspended: { it: 'Sospeso', en: 'Suspended' },
  expired: { it: 'Scaduto', en: 'Expired' },
  terminated: { it: 'Cessato', en: 'Ended' },
};

export const SECTOR_LABELS: Labels<Sector> = {
  public_administration: { it: 'Pubblica amministrazione', en: 'Public administration' },
  economy: { it: 'Economia', en: 'Economy' },
  science: { it: 'Scienza', en: 'Science' },
  technology: { it: 'Tecnologia', en: 'Technology' },
  innovation: { it: 'Innovazione', en: 'Innovation' },
  culture: { it: 'Cultura', en: 'Culture' },
  education: { it: 'Istruzione', en: 'Education' },
  trade: { it: 'Commercio', en: 'Trade' },
  tourism: { it: 'Turismo', en: 'Tourism' },
  mobility: { it: 'Mobilità', en: 'Mobility' },
  energy: { it: 'Energia', en: 'Energy' },
  environment: { it: 'Ambiente', en: 'Environment' },
};

export const CONTINENT_ORDER = ['EU', 'AS', 'AF', 'NA', 'SA', 'OC', 'AN'] as const;
export type ContinentCode = (typeof CONTINENT_ORDER)[number];

export const CONTINENT_LABELS: Labels<ContinentCode> = {
  EU: { it: 'Europa', en: 'Europe' },
  AS: { it: 'Asia', en: 'Asia' },
  AF: { it: 'Africa', en: 'Africa' },
  NA: { it: 'America settentrionale', en: 'North America' },
  SA: { it: 'America meridionale', en: 'South America' },
  OC: { it: 'Oceania', en: 'Oceania' },
  AN: { it: 'Antartide', en: 'Antarctica' },
};

// The agreements' words in the back-office (field labels, terms, renewals), for the audit history that names
// an agreement's fields and values as its forms do.
export { agreementsStrings } from './agreements.strings.ts';
