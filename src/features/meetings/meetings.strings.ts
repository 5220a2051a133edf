// The words of the back-office pages of meetings, in Italian and English. Field labels, hints and messages are
// in views/backoffice/agenda-fields.ts.
import type { Lang } from '../../platform/i18n.ts';
import type { MeetingMode, MeetingStatus } from './meetings.rules.ts';

const it = {
  title: 'Incontri',
  lead: 'Gli incontri del sindaco e dei delegati con ambasciatori, consoli, sindaci stranieri e organizzazioni, in città o a distanza.',
  caption: 'Incontri del tuo ente',
  add: 'Registra un incontro',
  addLead: 'Chi ha partecipato (le persone venute) è un campo interno e non viene mai pubblicato.',
  editTitle: (name: string) => `Modifica l’incontro «${name}»`,
  search: 'Cerca nel titolo o nel nome del partner',
  anyStatus: 'Tutti gli stati',
  when: 'Periodo',
  anyTime: 'Tutti',
  upcoming: 'Da oggi in poi',
  past: 'Passati',
  titleColumn: 'Titolo',
  dates: 'Quando',
  partner: 'Con',
  statuses: {
    proposed: 'Proposto',
    confirmed: 'Confermato',
    held: 'Svolto',
    cancelled: 'Annullato',
  } as Record<MeetingStatus, string>,
  modes: { in_person: 'In presenza', online: 'A distanza' } as Record<MeetingMode, string>,
  sorts: {
    '-starts': 'I più recenti prima',
    starts: 'I meno recenti prima',
    title: 'Titolo, dalla A alla Z',
    '-updated': 'Modificati più di recente',
  } as Record<string, string>,
  internal: 'interno',
  example: 'Esempio: non si pubblica',
  published: 'Pubblicato',
  notPublished: 'Non pubblicato',
  noPartner: 'Nessun partner indicato',
  choosePartner: '— nessuno —',
  links: 'Accordi e reti interessati',
  noLinks: 'Nessun accordo o rete indicati.',
  deleteLead: 'La storia dell’incontro resta nel registro delle modifiche.',
  yes: 'Sì',
  no: 'No',
};

type Strings = typeof it;

const en: Strings = {
  title: 'Meetings',
  lead: "The mayor's and delegates' meetings with ambassadors, consuls, foreign mayors and organisations, in the city or online.",
  caption: "Your institution's meetings",
  add: 'Record a meeting',
  addLead: 'Who came (the participants) is an internal field and is never published.',
  editTitle: (name: string) => `Edit the meeting "${name}"`,
  search: "Search the title or the partner's name",
  anyStatus: 'Any status',
  when: 'Period',
  anyTime: 'All',
  upcoming: 'From today on',
  past: 'Past',
  titleColumn: 'Title',
  dates: 'When',
  partner: 'With',
  statuses: { proposed: 'Proposed', confirmed: 'Confirmed', held: 'Held', cancelled: 'Cancelled' },
  modes: { in_person: 'In person', online: 'Online' },
  sorts: {
    '-starts': 'Most recent first',
    starts: 'Oldest first',
    title: 'Title, A to Z',
    '-updated': 'Most recently changed',
  },
  internal: 'internal',
  example: 'Example: never published',
  published: 'Published',
  notPublished: 'Not published',
  noPartner: 'No partner given',
  choosePartner: '— none —',
  links: 'Agreements and networks concerned',
  noLinks: 'No agreement or network given.',
  deleteLead: "The meeting's history stays in the change log.",
  yes: 'Yes',
  no: 'No',
};

export const meetingsStrings = (lang: Lang): Strings => (lang === 'it' ? it : en);
