// The words of the institution's settings page in the back-office, in Italian and English.
import type { Lang } from '../../platform/i18n.ts';

const it = {
  title: 'Impostazioni dell’ente',
  lead: (name: string) =>
    `I recapiti di ${name}, la dichiarazione di accessibilità e l’informativa privacy che il portale pubblico mostra nel piè di pagina e nella pagina Privacy. Solo gli amministratori dell’ente possono modificarli.`,
  history: 'Modifiche alle impostazioni',
  back: 'Torna al cruscotto',
};

type Strings = typeof it;

const en: Strings = {
  title: 'Institution settings',
  lead: (name: string) =>
    `The contacts of ${name}, the accessibility statement and the privacy notice that the public portal shows in its footer and on its Privacy page. Only the institution's admins can change them.`,
  history: 'Changes to the settings',
  back: 'Back to the dashboard',
};

export const institutionsStrings = (lang: Lang): Strings => (lang === 'it' ? it : en);
