// The words of signing in (with a password or at the institution's OpenID Connect provider), of choosing the
// institution to work in and of changing one's password, in Italian and English. The frame's and the forms'
// shared words (e-mail, password, the navigation) stay in admin.strings.ts.
import type { Lang } from '../../platform/i18n.ts';
import type { OidcFailure } from './oidc.ts';

const it = {
  signInTitle: "Accedi all'area riservata",
  signInLead: 'Per gestire i partenariati del tuo ente.',
  wrongCredentials: "L'indirizzo e-mail o la password non sono corretti.",
  currentPassword: 'Password attuale',
  passwordChanged: 'Password cambiata. Le altre sessioni aperte sono state chiuse.',
  workplaces: {
    lead: 'Gli enti in cui hai un ruolo: scegli quello in cui lavorare.',
    leadPlatform:
      'Come amministratore della piattaforma puoi lavorare in ogni ente, con i poteri del suo amministratore.',
    none: 'Nessun ente.',
    institution: 'Ente',
    agreements: 'Accordi',
    users: 'Utenti',
    action: 'Azione',
    agreementCount: (n: number, published: number) => `${n} (${published} pubblicati)`,
    current: 'Ente attuale',
    workIn: 'Lavora qui',
    workInNamed: (name: string) => `Lavora qui: ${name}`,
  },
};

type Strings = typeof it;

const en: Strings = {
  signInTitle: 'Sign in to the back office',
  signInLead: "To manage your institution's partnerships.",
  wrongCredentials: 'The e-mail address or the password is not right.',
  currentPassword: 'Current password',
  passwordChanged: 'Password changed. Your other open sessions have been closed.',
  workplaces: {
    lead: 'The institutions where you hold a role: choose the one to work in.',
    leadPlatform:
      'As a platform administrator you can work in any institution, with the powers of its admin.',
    none: 'No institutions.',
    institution: 'Institution',
    agreements: 'Agreements',
    users: 'Users',
    action: 'Action',
    agreementCount: (n: number, published: number) => `${n} (${published} published)`,
    current: 'Current institution',
    workIn: 'Work here',
    workInNamed: (name: string) => `Work here: ${name}`,
  },
};

export const accountsStrings = (lang: Lang): Strings => (lang === 'it' ? it : en);

const oidcIt = {
  signInWith: "Accedi con l'account dell'ente",
  refusedTitle: 'Accesso non riuscito',
  backToSignIn: 'Torna alla pagina di accesso',
  refused: {
    provider_error:
      "Il servizio di identità dell'ente non ha completato l'accesso (forse è stato annullato).",
    bad_state:
      'La richiesta di accesso è scaduta o non è partita da questo browser: riprova dalla pagina di accesso.',
    rejected_code: "Il servizio di identità dell'ente non ha confermato l'accesso: riprova.",
    invalid_token: "La risposta del servizio di identità dell'ente non ha superato le verifiche: riprova.",
    unreachable:
      "Il servizio di identità dell'ente non risponde: riprova tra qualche minuto o accedi con la password.",
    unknown_user:
      "Nessun account di Ponte del tuo ente corrisponde a questa identità: chiedi a un amministratore dell'ufficio di crearne uno con il tuo indirizzo e-mail.",
    unverified_email:
      "Il servizio di identità dell'ente non conferma che il tuo indirizzo e-mail sia verificato: non è possibile collegarlo a un account di Ponte.",
    disabled_user: "Questo account di Ponte è disattivato: rivolgiti a un amministratore dell'ufficio.",
    linked_elsewhere:
      "L'account di Ponte con questo indirizzo e-mail è già collegato a un'altra identità dell'ente: rivolgiti a un amministratore dell'ufficio.",
  } satisfies Record<OidcFailure, string>,
};

type OidcStrings = typeof oidcIt;

const oidcEn: OidcStrings = {
  signInWith: "Sign in with your institution's account",
  refusedTitle: 'Sign-in failed',
  backToSignIn: 'Back to the sign-in page',
  refused: {
    provider_error:
      "Your institution's identity service did not complete the sign-in (perhaps it was cancelled).",
    bad_state:
      'The sign-in request has expired or did not start in this browser: try again from the sign-in page.',
    rejected_code: "Your institution's identity service did not confirm the sign-in: try again.",
    invalid_token: "The answer of your institution's identity service failed the checks: try again.",
    unreachable:
      "Your institution's identity service does not answer: try again in a few minutes or sign in with your password.",
    unknown_user:
      'No Ponte account of your institution matches this identity: ask an administrator of your office to create one with your e-mail address.',
    unverified_email:
      "Your institution's identity service does not confirm that your e-mail address is verified, so it cannot be linked to a Ponte account.",
    disabled_user: 'This Ponte account is disabled: ask an administrator of your office.',
    linked_elsewhere:
      'The Ponte account with this e-mail address is already linked to another identity of your institution: ask an administrator of your office.',
  },
};

export const oidcStrings = (lang: Lang): OidcStrings => (lang === 'it' ? oidcIt : oidcEn);
