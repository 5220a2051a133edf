// The words of the portal's international agenda and mission-cost pages, in Italian and English.
import type { Lang } from '../../../platform/i18n.ts';

const it = {
  lead: (inst: string) =>
    `${inst}: le delegazioni straniere accolte, le missioni all’estero e gli incontri internazionali, come l’ufficio li pubblica.`,
  subscribe: 'Aggiungi al tuo calendario',
  subscribeText:
    'Abbonati al calendario pubblico con l’applicazione che usi (Google Calendar, Outlook, Calendario di Apple): si aggiornerà da solo.',
  feedLink: 'Indirizzo del calendario (iCalendar)',
  upcoming: 'Prossimi appuntamenti',
  past: 'Appuntamenti passati',
  noUpcoming: 'Nessun appuntamento pubblicato in programma.',
  noPast: 'Nessun appuntamento pubblicato negli ultimi due anni.',
  kinds: {
    visit: 'Visita in città',
    mission: 'Missione all’estero',
    meeting: 'Incontro',
    event: 'Evento internazionale',
  } as Record<string, string>,
  cancelled: 'Annullato',
  proposed: 'Da confermare',
  from: 'Da',
  with: 'Con',
  where: 'Dove',
  costsLink: 'Costi delle missioni dei titolari di incarichi politici',
  costsTitle: 'Costi delle missioni',
  costsLead:
    'Le spese di viaggio, alloggio e le altre spese delle missioni svolte dal sindaco, dagli assessori e dai consiglieri e pagate con fondi pubblici, per persona e anno, come chiede il D.Lgs. 33/2013, art. 14.',
  costsNone: 'Nessuna spesa di missione registrata.',
  costsCaption: (year: number) => `Spese delle missioni del ${year}, per persona`,
  person: 'Persona',
  office: 'Carica',
  missions: 'Missioni',
  travel: 'Viaggio',
  lodging: 'Alloggio',
  other: 'Altre spese',
  total: 'Totale',
  offices: {
    mayor: 'Sindaco o sindaca',
    deputy_mayor: 'Vicesindaco o assessore',
    councillor: 'Consigliere',
    staff: 'Personale',
    other: 'Altro',
  } as Record<string, string>,
  csv: 'Scarica i dati (CSV)',
  backToAgenda: 'Torna all’agenda internazionale',
};

type Strings = typeof it;

const en: Strings = {
  lead: (inst: string) =>
    `${inst}: the foreign delegations welcomed, the missions abroad and the international meetings, as the office publishes them.`,
  subscribe: 'Add to your calendar',
  subscribeText:
    'Subscribe to the public calendar in the application you use (Google Calendar, Outlook, Apple Calendar): it updates by itself.',
  feedLink: 'Calendar address (iCalendar)',
  upcoming: 'Coming up',
  past: 'Past',
  noUpcoming: 'Nothing published is coming up.',
  noPast: 'Nothing published in the past two years.',
  kinds: {
    visit: 'Visit to the city',
    mission: 'Mission abroad',
    meeting: 'Meeting',
    event: 'International event',
  },
  cancelled: 'Cancelled',
  proposed: 'To be confirmed',
  from: 'From',
  with: 'With',
  where: 'Where',
  costsLink: 'Mission costs of political office holders',
  costsTitle: 'Mission costs',
  costsLead:
    'The travel, lodging and other costs of the missions held by the mayor, deputy mayors and councillors and paid with public funds, per person and year, as D.Lgs. 33/2013, art. 14 requires.',
  costsNone: 'No mission costs recorded.',
  costsCaption: (year: number) => `Mission costs in ${year}, per person`,
  person: 'Person',
  office: 'Office',
  missions: 'Missions',
  travel: 'Travel',
  lodging: 'Lodging',
  other: 'Other costs',
  total: 'Total',
  offices: {
    mayor: 'Mayor',
    deputy_mayor: 'Deputy mayor',
    councillor: 'Councillor',
    staff: 'Staff',
    other: 'Other',
  },
  csv: 'Download the data (CSV)',
  backToAgenda: 'Back to the international agenda',
};

export const agendaWords = (lang: Lang): Strings => (lang === 'it' ? it : en);
