// The words of the back-office pages of partners (counterparts), in Italian and English.
import type { Lang } from '../../platform/i18n.ts';
import { COUNTERPART_WORDS } from './counterparts.schemas.ts';

const it = {
  contactsTitle: 'Chi conosciamo in questo paese',
  noContacts: 'Nessuna organizzazione del registro dei contatti per questo paese.',
  title: 'Partner',
  lead: 'Le città e le organizzazioni con cui il tuo ente ha rapporti.',
  caption: 'Partner del tuo ente',
  add: 'Aggiungi un’organizzazione partner',
  addLead:
    'Qui si aggiungono le organizzazioni (enti, università, organismi internazionali). Le città partner si aggiungono creando un accordo, con il luogo scelto dal gazzetteer.',
  editTitle: (name: string) => `Modifica il partner ${name}`,
  search: 'Cerca per nome (in italiano o in inglese)',
  kind: COUNTERPART_WORDS.it.kind,
  anyKind: 'Tutti i tipi',
  kinds: COUNTERPART_WORDS.it.kinds,
  country: 'Paese',
  anyCountry: 'Tutti i paesi',
  name: 'Nome',
  agreements: 'Accordi',
  place: COUNTERPART_WORDS.it.place,
  sorts: {
    name: 'Nome, dalla A alla Z',
    '-name': 'Nome, dalla Z alla A',
    country: 'Paese',
    '-agreements': 'Prima quelli con più accordi',
    agreements: 'Prima quelli con meno accordi',
    '-updated': 'Modificati più di recente',
    updated: 'Modificati meno di recente',
  } as Record<string, string>,
  agreementsTitle: 'Accordi con questo partner',
  agreementsCaption: 'Accordi che nominano questo partner',
  noAgreements: 'Nessun accordo nomina questo partner.',
  agreementKind: 'Tipo di accordo',
  signed: 'Data della firma',
  status: 'Stato',
  published: 'Pubblicato',
  cityNote: 'Per una città il luogo e il paese vengono dal gazzetteer e non si modificano qui.',
  inUse: (agreements: number, visits: number) => {
    const named = [
      agreements === 1 ? 'un accordo' : agreements > 1 ? `${agreements} accordi` : '',
      visits === 1 ? 'una visita o un incontro' : visits > 1 ? `${visits} visite e incontri` : '',
    ].filter(Boolean);
    return `Questo partner non si può eliminare: ${named.join(' e ')} lo ${agreements + visits === 1 ? 'nomina' : 'nominano'}. Elimina prima ${agreements > 0 ? 'gli accordi' : 'le visite e gli incontri'}, oppure lascia il partner.`;
  },
  deleteLead: 'Nessun accordo nomina questo partner: si può eliminare.',
};

type Strings = typeof it;

const en: Strings = {
  contactsTitle: 'Who we know in this country',
  noContacts: 'No organisation of the contacts register for this country.',
  title: 'Partners',
  lead: 'The cities and organisations your institution deals with.',
  caption: "Your institution's partners",
  add: 'Add a partner organisation',
  addLead:
    'Organisations (public bodies, universities, international organisations) are added here. Partner cities are added with an agreement, their place chosen from the gazetteer.',
  editTitle: (name: string) => `Edit the partner ${name}`,
  search: 'Search by name (in Italian or English)',
  kind: COUNTERPART_WORDS.en.kind,
  anyKind: 'All kinds',
  kinds: COUNTERPART_WORDS.en.kinds,
  country: 'Country',
  anyCountry: 'All countries',
  name: 'Name',
  agreements: 'Agreements',
  place: COUNTERPART_WORDS.en.place,
  sorts: {
    name: 'Name, A to Z',
    '-name': 'Name, Z to A',
    country: 'Country',
    '-agreements': 'Most agreements first',
    agreements: 'Fewest agreements first',
    '-updated': 'Most recently changed',
    updated: 'Least recently changed',
  } as Record<string, string>,
  agreementsTitle: 'Agreements with this partner',
  agreementsCaption: 'Agreements that name this partner',
  noAgreements: 'No agreement names this partner.',
  agreementKind: 'Kind of agreement',
  signed: 'Date signed',
  status: 'Status',
  published: 'Published',
  cityNote: 'For a city, the place and the country come from the gazetteer and are not changed here.',
  inUse: (agreements: number, visits: number) => {
    const named = [
      agreements === 1 ? 'an agreement' : agreements > 1 ? `${agreements} agreements` : '',
      visits === 1 ? 'a visit or meeting' : visits > 1 ? `${visits} visits and meetings` : '',
    ].filter(Boolean);
    return `This partner cannot be deleted: ${named.join(' and ')} ${agreements + visits === 1 ? 'names' : 'name'} it. Delete ${agreements > 0 ? 'the agreements' : 'the visits and meetings'} first, or keep the partner.`;
  },
  deleteLead: 'No agreement names this partner: it can be deleted.',
};

export const counterpartsStrings = (lang: Lang): Strings => (lang === 'it' ? it : en);
