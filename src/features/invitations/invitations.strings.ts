// What the person who opens an invitation reads, in Italian and English.
import type { Lang } from '../../platform/i18n.ts';

const it = {
  title: 'Invito a Ponte',
  lead: (institution: string, role: string) =>
    `${institution} ti invita a lavorare nella sua area riservata di Ponte con il ruolo di ${role.toLowerCase()}.`,
  newAccount: "Scegli la password con cui accederai. L'indirizzo e-mail è quello dell'invito.",
  existingAccount:
    "Hai già un account Ponte con questo indirizzo: inserisci la sua password per accettare l'invito.",
  email: 'Indirizzo e-mail',
  name: 'Nome e cognome',
  password: 'Password',
  newPassword: 'Nuova password',
  passwordHint: 'Almeno 12 caratteri.',
  repeat: 'Ripeti la password',
  accept: "Accetta l'invito",
  goneTitle: 'Invito non più valido',
  gone: "Questo invito non esiste, è già stato usato, è stato ritirato o è scaduto. Chiedi all'amministratore del tuo ente di mandarne uno nuovo.",
  errors: {
    password: 'La password deve avere almeno 12 caratteri.',
    repeat: 'Le due password non coincidono.',
    wrongPassword: 'La password non è corretta.',
    throttled: 'Troppi tentativi non riusciti: riprova tra 15 minuti.',
    expiredForm: 'Il modulo è scaduto: ricarica la pagina e riprova.',
  },
};

const en: typeof it = {
  title: 'Invitation to Ponte',
  lead: (institution, role) =>
    `${institution} invites you to work in its staff area of Ponte as ${role.toLowerCase()}.`,
  newAccount: 'Choose the password you will sign in with. Your e-mail address is the one of the invitation.',
  existingAccount:
    'You already have a Ponte account with this address: enter its password to accept the invitation.',
  email: 'E-mail address',
  name: 'Full name',
  password: 'Password',
  newPassword: 'New password',
  passwordHint: 'At least 12 characters.',
  repeat: 'Repeat the password',
  accept: 'Accept the invitation',
  goneTitle: 'Invitation no longer valid',
  gone: 'This invitation does not exist, was already used, was withdrawn or has expired. Ask the administrator of your institution for a new one.',
  errors: {
    password: 'The password must be at least 12 characters long.',
    repeat: 'The two passwords differ.',
    wrongPassword: 'The password is not right.',
    throttled: 'Too many failed attempts: try again in 15 minutes.',
    expiredForm: 'The form has expired: reload the page and try again.',
  },
};

export const invitationStrings = (lang: Lang) => (lang === 'it' ? it : en);
