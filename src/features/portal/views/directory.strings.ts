// The words of the portal's directories (the consular corps and the community associations), in Italian and
// English.
import type { Lang } from '../../../platform/i18n.ts';

const it = {
  consularTitle: 'Corpo consolare',
  consularLead: (inst: string) =>
    `Le sedi consolari e le rappresentanze straniere che ${inst} elenca, con indirizzo, contatti, orari e circoscrizione.`,
  communitiesTitle: 'Associazioni delle comunità straniere',
  communitiesLead: (inst: string) =>
    `Le associazioni delle comunità straniere che hanno accettato di comparire nell’elenco di ${inst}.`,
  filters: 'Filtra l’elenco',
  country: 'Paese',
  anyCountry: 'Tutti i paesi',
  community: 'Comunità',
  anyCommunity: 'Tutte le comunità',
  kind: 'Tipo di sede',
  anyKind: 'Tutti i tipi',
  language: 'Lingua',
  anyLanguage: 'Tutte le lingue',
  apply: 'Applica',
  reset: 'Mostra tutto',
  count: (n: number) => (n === 1 ? '1 voce' : `${n} voci`),
  none: 'Nessuna voce corrisponde ai filtri.',
  empty: 'L’ente non ha ancora pubblicato voci in questo elenco.',
  mapTitle: 'Dove si trovano',
  mapDesc: (n: number) =>
    `Schema della posizione di ${n === 1 ? 'una sede' : `${n} sedi`}, l’una rispetto all’altra: i numeri sono quelli dell’elenco.`,
  head: 'Capo della sede',
  address: 'Indirizzo',
  district: 'Circoscrizione',
  phone: 'Telefono',
  email: 'E-mail',
  website: 'Sito web',
  hours: 'Orari',
  languages: 'Lingue',
  communities: 'Comunità',
  activities: 'Attività',
  register: 'N. registro comunale',
  onMap: 'Vedi su OpenStreetMap',
  vcard: 'Scarica il contatto (vCard)',
  downloads: 'Scarica l’elenco',
  vcardAll: 'Tutti i contatti (vCard)',
  csv: 'Dati aperti CSV',
  json: 'Dati aperti JSON',
  licence: 'Dati aperti con licenza CC BY 4.0: citare l’ente come fonte.',
  otherDirectory: {
    consular: 'Vedi anche le associazioni delle comunità straniere',
    communities: 'Vedi anche il corpo consolare',
  },
};

type Words = typeof it;

const en: Words = {
  consularTitle: 'Consular corps',
  consularLead: (inst: string) =>
    `The consular posts and foreign representations ${inst} lists, with address, contacts, opening hours and district.`,
  communitiesTitle: 'Foreign-community associations',
  communitiesLead: (inst: string) =>
    `The foreign-community associations that agreed to appear in the list of ${inst}.`,
  filters: 'Filter the list',
  country: 'Country',
  anyCountry: 'All countries',
  community: 'Community',
  anyCommunity: 'All communities',
  kind: 'Kind of post',
  anyKind: 'All kinds',
  language: 'Language',
  anyLanguage: 'All languages',
  apply: 'Apply',
  reset: 'Show all',
  count: (n: number) => (n === 1 ? '1 entry' : `${n} entries`),
  none: 'No entry matches the filters.',
  empty: 'The institution has not published any entry in this list yet.',
  mapTitle: 'Where they are',
  mapDesc: (n: number) =>
    `A sketch of where ${n === 1 ? 'one post is' : `${n} posts are`}, relative to each other: the numbers are the list's.`,
  head: 'Head of post',
  address: 'Address',
  district: 'District',
  phone: 'Telephone',
  email: 'E-mail',
  website: 'Website',
  hours: 'Opening hours',
  languages: 'Languages',
  communities: 'Communities',
  activities: 'Activities',
  register: "Council's register no.",
  onMap: 'See on OpenStreetMap',
  vcard: 'Download the contact (vCard)',
  downloads: 'Download the list',
  vcardAll: 'All the contacts (vCard)',
  csv: 'Open data CSV',
  json: 'Open data JSON',
  licence: 'Open data under CC BY 4.0: credit the institution as the source.',
  otherDirectory: {
    consular: 'See also the foreign-community associations',
    communities: 'See also the consular corps',
  },
};

export const directoryWords = (lang: Lang): Words => (lang === 'it' ? it : en);
