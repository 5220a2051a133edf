// The words of the back-office pages of the contacts register's people, in Italian and English. Field labels,
// hints and messages are in views/backoffice/contacts-fields.ts.
import type { Lang } from '../../platform/i18n.ts';
import type { LegalBasis, Visibility } from './people.rules.ts';

const it = {
  title: 'Persone',
  lead: 'Le persone con cui l’ufficio lavora: consoli, presidenti di associazioni, funzionari. Ogni dato personale ha chi può vederlo, una base giuridica e una data di revisione.',
  caption: 'Persone del tuo ente',
  add: 'Registra una persona',
  addLead:
    'Registra solo i dati che servono. Per le persone che non ricoprono un incarico pubblico serve il consenso: indica quando e a quale testo.',
  editTitle: (name: string) => `Modifica «${name}»`,
  search: 'Cerca nel nome (con o senza accenti, in qualunque alfabeto)',
  organisation: 'Organizzazione',
  anyOrganisation: 'Tutte le organizzazioni',
  language: 'Lingua',
  languages: 'Lingue',
  roleColumn: 'Incarico',
  actions: 'Azioni',
  rolesOf: (name: string) => `Incarichi di ${name}`,
  from: 'Dal',
  headShort: 'capo della sede',
  seenBy: (who: string) => `Chi la vede: ${who}`,
  exportTitle: 'Accesso ai dati (GDPR)',
  nameColumn: 'Nome',
  rolesColumn: 'Incarico attuale',
  visibilityColumn: 'Chi la vede',
  formGroups: {
    who: 'Chi è',
    contact: 'Recapiti e chi può vederli',
    notes: 'Note dell’ufficio',
    privacy: 'Dati personali: visibilità, base giuridica, revisione',
  },
  visibilities: {
    public: 'Tutti (anche sul portale)',
    staff: 'Tutto il personale dell’ente',
    editors: 'Solo chi modifica (redattori e amministratori)',
    admins: 'Solo gli amministratori',
  } as Record<Visibility, string>,
  legalBases: {
    public_task: 'Compito di interesse pubblico (incarico pubblico)',
    consent: 'Consenso della persona',
    legitimate_interest: 'Legittimo interesse',
  } as Record<LegalBasis, string>,
  withheld: (n: number) =>
    n === 1
      ? 'Un dato di questa persona non è visibile con il tuo ruolo.'
      : `${n} dati di questa persona non sono visibili con il tuo ruolo.`,
  hidden: 'non visibile con il tuo ruolo',
  data: 'Trattamento dei dati',
  reviewDue: 'Da rivedere: conferma che i dati servono ancora e sono esatti, oppure cancellali.',
  reviewOk: (day: string) => `Prossima revisione: ${day}.`,
  confirmReview: 'Conferma i dati',
  roles: 'Incarichi',
  noRoles: 'Nessun incarico registrato.',
  addRole: 'Aggiungi un incarico',
  addRoleLead: (name: string) =>
    `Un incarico di ${name} in un’organizzazione del registro. Quando un console cambia, chiudi l’incarico del predecessore con la data di fine e aggiungi quello nuovo: la storia della sede resta.`,
  editRole: (name: string) => `Modifica un incarico di ${name}`,
  chooseOrganisation: '— scegli —',
  current: 'in corso',
  head: 'Capo della sede',
  period: 'Periodo',
  since: (day: string) => `dal ${day}`,
  until: (day: string) => `fino al ${day}`,
  exportLabel: 'Scarica tutti i dati (JSON)',
  exportLead:
    'Per una richiesta di accesso o di portabilità (GDPR artt. 15 e 20). Lo scaricamento è registrato.',
  erase: 'Cancella la persona',
  eraseLead:
    'Cancella subito la persona e i suoi incarichi (GDPR art. 17). Il registro delle modifiche annota la cancellazione, non i dati, che non ha mai contenuto.',
  erased: 'La persona è stata cancellata.',
  eraseConfirm: (name: string) =>
    `Confermo di voler cancellare ${name}: la cancellazione non si può annullare.`,
  eraseUnconfirmed: 'Per cancellare la persona, spunta la conferma accanto al pulsante.',
  holders: 'Persone e incarichi',
  noHolders: 'Nessuna persona registrata per questa organizzazione.',
  hiddenPerson: 'Persona non visibile con il tuo ruolo',
  reviewsDue: 'Dati personali da rivedere',
  example: 'Esempio',
  yes: 'Sì',
  no: 'No',
};

type Strings = typeof it;

const en: Strings = {
  title: 'People',
  lead: 'The people the office works with: consuls, presidents of associations, officials. Each personal detail has who may see it, a legal basis and a review date.',
  caption: "Your institution's people",
  add: 'Record a person',
  addLead:
    'Record only what is needed. People who hold no public office must have consented: say when, and to which text.',
  editTitle: (name: string) => `Edit "${name}"`,
  search: 'Search the name (with or without accents, in any script)',
  organisation: 'Organisation',
  anyOrganisation: 'Any organisation',
  language: 'Language',
  languages: 'Languages',
  roleColumn: 'Role',
  actions: 'Actions',
  rolesOf: (name: string) => `Roles of ${name}`,
  from: 'From',
  headShort: 'head of post',
  seenBy: (who: string) => `Seen by: ${who}`,
  exportTitle: 'Access to the data (GDPR)',
  nameColumn: 'Name',
  rolesColumn: 'Current role',
  visibilityColumn: 'Who sees them',
  formGroups: {
    who: 'Who they are',
    contact: 'Contact details and who may see them',
    notes: 'The office’s notes',
    privacy: 'Personal data: visibility, legal basis, review',
  },
  visibilities: {
    public: 'Everyone (the portal too)',
    staff: "All of the institution's staff",
    editors: 'Only those who edit (editors and admins)',
    admins: 'Admins only',
  },
  legalBases: {
    public_task: 'Task in the public interest (public office)',
    consent: "The person's consent",
    legitimate_interest: 'Legitimate interest',
  },
  withheld: (n: number) =>
    n === 1
      ? "One of this person's details is not visible to your role."
      : `${n} of this person's details are not visible to your role.`,
  hidden: 'not visible to your role',
  data: 'Personal data',
  reviewDue: 'Due for review: confirm that the data are still needed and right, or erase them.',
  reviewOk: (day: string) => `Next review: ${day}.`,
  confirmReview: 'Confirm the data',
  roles: 'Roles',
  noRoles: 'No role recorded.',
  addRole: 'Add a role',
  addRoleLead: (name: string) =>
    `A role of ${name} in an organisation of the register. When a consul changes, end the predecessor's role with its last day and add the new one: the post keeps its history.`,
  editRole: (name: string) => `Edit a role of ${name}`,
  chooseOrganisation: '— choose —',
  current: 'current',
  head: 'Head of post',
  period: 'Period',
  since: (day: string) => `since ${day}`,
  until: (day: string) => `until ${day}`,
  exportLabel: 'Download all the data (JSON)',
  exportLead: 'For a request of access or portability (GDPR art. 15 and 20). The download is logged.',
  erase: 'Erase the person',
  eraseLead:
    'Erases the person and their roles at once (GDPR art. 17). The change log records the erasure, not the data, which it never held.',
  erased: 'The person was erased.',
  eraseConfirm: (name: string) => `I confirm that ${name} is to be erased: an erasure cannot be undone.`,
  eraseUnconfirmed: 'To erase the person, tick the confirmation beside the button.',
  holders: 'People and roles',
  noHolders: 'No person recorded for this organisation.',
  hiddenPerson: 'A person not visible to your role',
  reviewsDue: 'Personal data due for review',
  example: 'Example',
  yes: 'Yes',
  no: 'No',
};

export const peopleStrings = (lang: Lang): Strings => (lang === 'it' ? it : en);
