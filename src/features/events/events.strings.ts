// The words of the events' back-office pages, in Italian and English.
import type { Lang } from '../../platform/i18n.ts';

const it = {
  title: 'Eventi internazionali',
  lead: 'Gli eventi internazionali che l’ente organizza, co-organizza o sostiene: quando, dove, con chi e per chi. Quelli pubblicati compaiono nell’agenda del portale e nel calendario pubblico.',
  caption: 'Eventi del tuo ente',
  add: 'Aggiungi un evento',
  editTitle: (name: string) => `Modifica l’evento ${name}`,
  search: 'Cerca per titolo o luogo',
  event: 'Evento',
  when: 'Quando',
  where: 'Dove',
  all: 'Tutti',
  upcoming: 'In programma',
  past: 'Passati',
  example: 'Esempio (non pubblicabile)',
  onMap: 'Apri il luogo su OpenStreetMap',
  roles: { organiser: 'Organizzatore', co_organiser: 'Co-organizzatore', supporter: 'Sostenitore' } as Record<
    string,
    string
  >,
  statuses: {
    proposed: 'Proposto',
    confirmed: 'Confermato',
    held: 'Svolto',
    cancelled: 'Annullato',
  } as Record<string, string>,
  labels: {
    role: 'Ruolo dell’ente',
    status: 'Stato',
    venue: 'Luogo',
    city: 'Città',
    partners: 'Partner',
    audienceIt: 'Pubblico, in italiano',
    audienceEn: 'Pubblico, in inglese',
    when: 'Periodo',
  },
  deleteLead: 'Elimina l’evento (e lo toglie dall’agenda).',
  hints: {
    role: 'Organizzatore se l’evento è dell’ente; sostenitore se l’ente lo patrocina o lo finanzia.',
    startsOn: 'Il giorno dell’evento, o il primo se dura più giorni.',
    endsOn: 'Lascia vuoto se l’evento dura un giorno solo.',
    partners:
      'Le città e le organizzazioni con cui si svolge, per esempio Comune di Thiès; Comune di Mulhouse.',
    audienceIt: 'Per esempio cittadinanza, scuole, imprese.',
    audienceEn: 'Per esempio citizens, schools, businesses.',
    published:
      'Un evento pubblicato compare nell’agenda internazionale del portale e nel calendario pubblico. Un esempio non si pubblica.',
  },
};

type Strings = typeof it;

const en: Strings = {
  title: 'International events',
  lead: 'The international events the institution organises, co-organises or supports: when, where, with whom and for whom. Published ones show on the portal agenda and in the public calendar.',
  caption: "Your institution's events",
  add: 'Add an event',
  editTitle: (name: string) => `Edit the event ${name}`,
  search: 'Search by title or venue',
  event: 'Event',
  when: 'When',
  where: 'Where',
  all: 'All',
  upcoming: 'Coming',
  past: 'Past',
  example: 'Example (never published)',
  onMap: 'Open the venue on OpenStreetMap',
  roles: { organiser: 'Organiser', co_organiser: 'Co-organiser', supporter: 'Supporter' },
  statuses: { proposed: 'Proposed', confirmed: 'Confirmed', held: 'Held', cancelled: 'Cancelled' },
  labels: {
    role: "The institution's role",
    status: 'Status',
    venue: 'Venue',
    city: 'City',
    partners: 'Partners',
    audienceIt: 'Audience, in Italian',
    audienceEn: 'Audience, in English',
    when: 'Period',
  },
  deleteLead: 'Deletes the event (and takes it off the agenda).',
  hints: {
    role: "Organiser when it is the institution's event; supporter when the institution endorses or funds it.",
    startsOn: 'The day of the event, or its first day if it lasts several.',
    endsOn: 'Leave empty for a one-day event.',
    partners: 'The cities and organisations it is held with, e.g. Comune di Thiès; Comune di Mulhouse.',
    audienceIt: 'E.g. cittadinanza, scuole, imprese.',
    audienceEn: 'E.g. citizens, schools, businesses.',
    published:
      'A published event appears on the portal’s international agenda and in the public calendar. Examples are never published.',
  },
};

export const eventsStrings = (lang: Lang): Strings => (lang === 'it' ? it : en);
