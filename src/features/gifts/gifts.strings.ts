// The words of the gifts register's pages, in Italian and English.
import type { Lang } from '../../platform/i18n.ts';

const it = {
  title: 'Registro dei doni',
  lead: 'I doni ricevuti e offerti dall’ente, con l’occasione, il valore stimato e la loro destinazione. Un dono ricevuto di valore superiore a circa 150 euro (DPR 62/2013, art. 4) è segnalato e deve avere una destinazione.',
  caption: 'Doni del tuo ente',
  add: 'Registra un dono',
  editTitle: 'Modifica il dono',
  anyYear: 'Tutti gli anni',
  year: 'Anno',
  anyDirection: 'Ricevuti e offerti',
  flaggedOnly: 'Solo quelli sopra il modico valore',
  no: 'No',
  yes: 'Sì',
  directions: { received: 'Ricevuto', given: 'Offerto' } as Record<string, string>,
  dispositions: {
    kept: 'Conservato dall’ente',
    on_display: 'Esposto',
    donated: 'Donato',
    returned: 'Restituito',
  } as Record<string, string>,
  noDisposition: '— da decidere —',
  noOccasion: '— nessuna —',
  noPartner: '— nessuno —',
  kinds: { visit: 'Visita', mission: 'Missione', meeting: 'Incontro' } as Record<string, string>,
  flagged: 'Sopra il modico valore',
  when: 'Data',
  what: 'Dono',
  value: 'Valore',
  csv: (year: string) => (year ? `Scarica il registro del ${year} (CSV)` : 'Scarica il registro (CSV)'),
  deleteLead: 'Elimina un dono solo se registrato per errore. La storia resta nel registro delle modifiche.',
};

type Strings = typeof it;

const en: Strings = {
  title: 'Gifts register',
  lead: 'Gifts received and given by the institution, with the occasion, the estimated value and what became of them. A gift received worth more than about EUR 150 (DPR 62/2013, art. 4) is flagged and must have a disposition.',
  caption: "Your institution's gifts",
  add: 'Record a gift',
  editTitle: 'Edit the gift',
  anyYear: 'Every year',
  year: 'Year',
  anyDirection: 'Received and given',
  flaggedOnly: 'Only those above the modest value',
  no: 'No',
  yes: 'Yes',
  directions: { received: 'Received', given: 'Given' },
  dispositions: {
    kept: 'Kept by the institution',
    on_display: 'On display',
    donated: 'Donated',
    returned: 'Returned',
  },
  noDisposition: '— to be decided —',
  noOccasion: '— none —',
  noPartner: '— none —',
  kinds: { visit: 'Visit', mission: 'Mission', meeting: 'Meeting' },
  flagged: 'Above the modest value',
  when: 'Date',
  what: 'Gift',
  value: 'Value',
  csv: (year: string) => (year ? `Download the ${year} register (CSV)` : 'Download the register (CSV)'),
  deleteLead: 'Delete a gift only if it was recorded by mistake. Its history stays in the change log.',
};

export const giftsStrings = (lang: Lang): Strings => (lang === 'it' ? it : en);
