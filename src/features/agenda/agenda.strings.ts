// The words of the agenda's calendar and feeds, in Italian and English.
import type { Lang } from '../../platform/i18n.ts';

const it = {
  title: 'Agenda',
  lead: 'Visite, missioni e incontri del tuo ente in un unico calendario.',
  month: 'Mese',
  week: 'Settimana',
  previousMonth: 'Mese precedente',
  nextMonth: 'Mese successivo',
  previousWeek: 'Settimana precedente',
  nextWeek: 'Settimana successiva',
  today: 'Oggi',
  monthCaption: (month: string) => `Calendario di ${month}`,
  weekCaption: (from: string, to: string) => `Settimana dal ${from} al ${to}`,
  nothing: 'Niente in programma.',
  nothingThisDay: 'Niente',
  kinds: { visit: 'Visita', mission: 'Missione', meeting: 'Incontro', event: 'Evento' } as Record<
    string,
    string
  >,
  statuses: {
    proposed: 'proposta',
    confirmed: 'confermata',
    held: 'svolta',
    cancelled: 'annullata',
  } as Record<string, string>,
  lists: 'Elenchi',
  visits: 'Visite e delegazioni',
  missions: 'Missioni',
  meetings: 'Incontri',
  events: 'Eventi internazionali',
  gifts: 'Registro dei doni',
  newVisit: 'Registra una visita',
  newMission: 'Registra una missione',
  newMeeting: 'Registra un incontro',
  newEvent: 'Registra un evento',
  feedsTitle: 'Nel tuo calendario',
  publicFeedLead:
    'Il calendario pubblico del tuo ente contiene solo le voci pubblicate, senza i campi interni. Chiunque può abbonarsi a questo indirizzo:',
  privateFeedLead:
    'Il tuo calendario personale contiene tutto ciò che vedi qui, compresi i dettagli interni. Il suo indirizzo è segreto: non condividerlo; se pensi che altri lo conoscano, revocalo.',
  noPrivateFeed: 'Non hai ancora un indirizzo personale.',
  privateFeedSince: (since: string, used: string | null) =>
    `Hai un indirizzo personale creato il ${since}${used ? `; un calendario l’ha letto l’ultima volta il ${used}` : '; nessun calendario l’ha ancora letto'}.`,
  createFeed: 'Crea il mio indirizzo',
  replaceFeed: 'Sostituisci il mio indirizzo',
  revokeFeed: 'Revoca il mio indirizzo',
  feedCreated:
    'Ecco il tuo indirizzo personale. Copialo ora nel tuo calendario: per sicurezza non verrà mostrato di nuovo.',
  feedAddress: 'Indirizzo del tuo calendario personale',
  feedRevoked:
    'Il tuo indirizzo personale è stato revocato: i calendari che lo usavano non si aggiornano più.',
  calendarLabel: 'Scegli il periodo',
  monthField: 'Mese (AAAA-MM)',
  show: 'Mostra',
};

type Strings = typeof it;

const en: Strings = {
  title: 'Agenda',
  lead: "Your institution's visits, missions and meetings in one calendar.",
  month: 'Month',
  week: 'Week',
  previousMonth: 'Previous month',
  nextMonth: 'Next month',
  previousWeek: 'Previous week',
  nextWeek: 'Next week',
  today: 'Today',
  monthCaption: (month: string) => `Calendar of ${month}`,
  weekCaption: (from: string, to: string) => `Week from ${from} to ${to}`,
  nothing: 'Nothing planned.',
  nothingThisDay: 'Nothing',
  kinds: { visit: 'Visit', mission: 'Mission', meeting: 'Meeting', event: 'Event' },
  statuses: { proposed: 'proposed', confirmed: 'confirmed', held: 'held', cancelled: 'cancelled' },
  lists: 'Lists',
  visits: 'Visits and delegations',
  missions: 'Missions',
  meetings: 'Meetings',
  events: 'International events',
  gifts: 'Gifts register',
  newVisit: 'Record a visit',
  newMission: 'Record a mission',
  newMeeting: 'Record a meeting',
  newEvent: 'Record an event',
  feedsTitle: 'In your calendar',
  publicFeedLead:
    "Your institution's public calendar holds only the published entries, without internal fields. Anyone may subscribe to this address:",
  privateFeedLead:
    'Your personal calendar holds everything you see here, internal details included. Its address is secret: do not share it; if you think others know it, revoke it.',
  noPrivateFeed: 'You have no personal address yet.',
  privateFeedSince: (since: string, used: string | null) =>
    `You have a personal address created on ${since}${used ? `; a calendar last read it on ${used}` : '; no calendar has read it yet'}.`,
  createFeed: 'Create my address',
  replaceFeed: 'Replace my address',
  revokeFeed: 'Revoke my address',
  feedCreated:
    'Here is your personal address. Copy it into your calendar now: for safety it will not be shown again.',
  feedAddress: 'Address of your personal calendar',
  feedRevoked: 'Your personal address was revoked: calendars that used it no longer update.',
  calendarLabel: 'Choose the period',
  monthField: 'Month (YYYY-MM)',
  show: 'Show',
};

export const agendaStrings = (lang: Lang): Strings => (lang === 'it' ? it : en);
