// The words of the back-office pages of visits (incoming delegations) and their programmes, in Italian and
// English. Field labels, hints and messages are in views/backoffice/agenda-fields.ts.
import type { Lang } from '../../platform/i18n.ts';
import type { VisitStatus } from './visits.rules.ts';

const it = {
  title: 'Visite e delegazioni',
  lead: 'Le delegazioni straniere accolte dal tuo ente: date, programma, interpreti, visite guidate ed esito.',
  caption: 'Visite del tuo ente',
  add: 'Registra una visita',
  addLead:
    'I campi segnati come interni (capo delegazione, interpretariato, note di cerimoniale) non vengono mai pubblicati.',
  editTitle: (name: string) => `Modifica la visita «${name}»`,
  search: 'Cerca nel titolo o nel nome del partner',
  anyStatus: 'Tutti gli stati',
  when: 'Periodo',
  anyTime: 'Tutte',
  upcoming: 'In corso e future',
  past: 'Passate',
  titleColumn: 'Titolo',
  dates: 'Date',
  partner: 'In visita',
  statuses: {
    proposed: 'Proposta',
    confirmed: 'Confermata',
    held: 'Svolta',
    cancelled: 'Annullata',
  } as Record<VisitStatus, string>,
  sorts: {
    '-starts': 'Le più recenti prima',
    starts: 'Le meno recenti prima',
    title: 'Titolo, dalla A alla Z',
    '-updated': 'Modificate più di recente',
  } as Record<string, string>,
  internal: 'interno',
  example: 'Esempio: non si pubblica',
  published: 'Pubblicata',
  notPublished: 'Non pubblicata',
  noPartner: 'Nessun partner indicato',
  choosePartner: '— nessuno —',
  programme: 'Programma',
  programmeCaption: 'Programma della visita, per giorno e ora',
  noProgramme: 'Il programma è ancora vuoto.',
  addItem: 'Aggiungi una voce al programma',
  addItemLead: (visit: string) =>
    `Una voce del programma della visita «${visit}»: un incontro, un pasto, una visita guidata.`,
  editItem: (visit: string) => `Modifica una voce del programma di «${visit}»`,
  deleteItem: (what: string) => `Elimina la voce «${what}»`,
  time: 'Ora',
  activity: 'Attività',
  tour: 'Visita guidata',
  kinds: { activity: 'Incontro o attività', tour: 'Visita guidata' } as Record<string, string>,
  tourLine: (language: string, size: string, guide: string) =>
    [language && `in ${language}`, size && `${size} persone`, guide && `guida: ${guide}`]
      .filter(Boolean)
      .join(', '),
  links: 'Accordi e reti interessati',
  noLinks: 'Nessun accordo o rete indicati.',
  deleteLead:
    'Eliminare la visita elimina anche il suo programma. La storia resta nel registro delle modifiche.',
  yes: 'Sì',
  no: 'No',
};

type Strings = typeof it;

const en: Strings = {
  title: 'Visits and delegations',
  lead: 'The foreign delegations your institution welcomes: dates, programme, interpreters, guided tours and outcome.',
  caption: "Your institution's visits",
  add: 'Record a visit',
  addLead: 'Fields marked internal (head of delegation, interpreting, protocol notes) are never published.',
  editTitle: (name: string) => `Edit the visit "${name}"`,
  search: "Search the title or the partner's name",
  anyStatus: 'Any status',
  when: 'Period',
  anyTime: 'All',
  upcoming: 'Current and upcoming',
  past: 'Past',
  titleColumn: 'Title',
  dates: 'Dates',
  partner: 'Visiting',
  statuses: { proposed: 'Proposed', confirmed: 'Confirmed', held: 'Held', cancelled: 'Cancelled' },
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
  programme: 'Programme',
  programmeCaption: "The visit's programme, by day and time",
  noProgramme: 'The programme is still empty.',
  addItem: 'Add an item to the programme',
  addItemLead: (visit: string) => `An item of the programme of "${visit}": a meeting, a meal, a guided tour.`,
  editItem: (visit: string) => `Edit an item of the programme of "${visit}"`,
  deleteItem: (what: string) => `Delete the item "${what}"`,
  time: 'Time',
  activity: 'Activity',
  tour: 'Guided tour',
  kinds: { activity: 'Meeting or activity', tour: 'Guided tour' },
  tourLine: (language: string, size: string, guide: string) =>
    [language && `in ${language}`, size && `${size} people`, guide && `guide: ${guide}`]
      .filter(Boolean)
      .join(', '),
  links: 'Agreements and networks concerned',
  noLinks: 'No agreement or network given.',
  deleteLead: 'Deleting the visit deletes its programme too. Its history stays in the change log.',
  yes: 'Yes',
  no: 'No',
};

export const visitsStrings = (lang: Lang): Strings => (lang === 'it' ? it : en);
