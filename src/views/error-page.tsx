// The page a browser gets when its request failed, portal or back-office: what happened in the page's
// language and a way back, never JSON. The frame around it is the caller's (portal or back-office).
import type { AppError } from '../platform/errors.ts';
import type { Lang } from '../platform/i18n.ts';

/** A title and a text, in Italian and English. */
type Text = { title: string; body: string };
const both = (it: Text, en: Text) => ({ it, en });

const TEXTS = {
  invalid_input: both(
    { title: 'Richiesta non valida', body: 'La richiesta contiene un valore che non possiamo accettare.' },
    { title: 'Request not valid', body: 'The request holds a value we cannot accept.' },
  ),
  tooLarge: both(
    { title: 'Invio troppo grande', body: 'Quanto inviato supera la dimensione consentita.' },
    { title: 'Too much sent', body: 'What was sent is larger than allowed.' },
  ),
  unauthorized: both(
    { title: 'Accesso richiesto', body: 'Per continuare occorre accedere.' },
    { title: 'Sign-in required', body: 'Sign in to go on.' },
  ),
  forbidden: both(
    {
      title: 'Operazione non consentita',
      body: 'Il tuo ruolo non permette questa operazione. Se ti serve, chiedi a chi amministra il tuo ente.',
    },
    {
      title: 'Not allowed',
      body: 'Your role does not allow this. If you need it, ask an administrator of your institution.',
    },
  ),
  expiredForm: both(
    {
      title: 'Modulo scaduto',
      body: 'Il modulo è scaduto o non proviene da questo sito. Torna indietro, ricarica la pagina e invialo di nuovo.',
    },
    {
      title: 'Form expired',
      body: 'The form has expired or did not come from this site. Go back, reload the page and send it again.',
    },
  ),
  conflict: both(
    {
      title: 'Modifica in conflitto',
      body: 'Nel frattempo qualcun altro ha modificato questi dati. Ricarica la pagina per vedere la versione attuale.',
    },
    {
      title: 'Conflicting change',
      body: 'Someone else changed this data in the meantime. Reload the page to see the current version.',
    },
  ),
  rate_limited: both(
    {
      title: 'Troppe richieste',
      body: 'Sono arrivate troppe richieste in poco tempo. Riprova tra qualche minuto.',
    },
    {
      title: 'Too many requests',
      body: 'Too many requests arrived in a short time. Try again in a few minutes.',
    },
  ),
  unavailable: both(
    {
      title: 'Servizio momentaneamente non disponibile',
      body: 'In questo momento i dati non sono raggiungibili. Riprova tra qualche istante.',
    },
    {
      title: 'Service unavailable for a moment',
      body: 'The data cannot be reached just now. Try again in a few moments.',
    },
  ),
  internal: both(
    {
      title: 'Si è verificato un errore',
      body: 'Qualcosa non ha funzionato da parte nostra e l’errore è stato registrato. Riprova più tardi.',
    },
    {
      title: 'Something went wrong',
      body: 'Something failed on our side and the error has been logged. Try again later.',
    },
  ),
};

const field = (lang: Lang, name: string) =>
  lang === 'en' ? `Field concerned: ${name}.` : `Campo interessato: ${name}.`;

function keyOf(err: AppError, status: number): keyof typeof TEXTS {
  if (status === 413) return 'tooLarge';
  if (err.code === 'forbidden' && err.details?.['reason'] === 'csrf') return 'expiredForm';
  if (err.code === 'version_conflict') return 'conflict';
  if (err.code === 'ambiguous_place' || err.code === 'not_found') return 'invalid_input';
  return err.code;
}

/** The title and text for an error: a too-large body (413), an expired form, or the error's code. */
export function errorText(lang: Lang, err: AppError, status: number): { title: string; body: string } {
  return TEXTS[keyOf(err, status)][lang === 'en' ? 'en' : 'it'];
}

export function ErrorNotice(props: {
  lang: Lang;
  err: AppError;
  status: number;
  back: { href: string; label: string };
}) {
  const text = errorText(props.lang, props.err, props.status);
  return (
    <div class="container my-5">
      <h1>{text.title}</h1>
      <p>{text.body}</p>
      {props.err.code === 'invalid_input' && props.err.field ? (
        <p>{field(props.lang, props.err.field)}</p>
      ) : null}
      <a href={props.back.href}>{props.back.label}</a>
    </div>
  );
}

/** The link back to the back-office's start page, in the page's language. */
export const backOfficeLabel = (lang: Lang) =>
  lang === 'en' ? 'Back to the back-office' : 'Torna al back-office';
