// What every back-office route file shares: the page frame, the error page, and the translation of service errors into notices and field messages in the page's language.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import { type AppError, isAppError } from '../../platform/errors.ts';
import { assetUrl } from '../../platform/http/assets.ts';
import { formatNumber, isLang, type Lang, langOfAddress } from '../../platform/i18n.ts';
import { backOfficeLabel, ErrorNotice, errorText } from '../../views/error-page.tsx';
import { renderPage } from '../../views/render.ts';
import type { Session } from '../accounts/accounts.service.ts';
import { adminStrings } from './admin.strings.ts';
import { AdminFrame, type Notice } from './views/admin.tsx';

export { UUID } from '../../platform/field-rules.ts';
/** A page's notice (success, danger, warning), for the record types' pages drawn in this frame. */
export type { Notice };
export type Form = Record<string, string | undefined>;

/** A field's error in the page's language; the service's own words (English) for anything unforeseen. */
export function fieldMessage(lang: Lang, field: string, fallback: string): string {
  const t = adminStrings(lang);
  return `${t.fieldError}: ${t.fieldMessages[field] ?? fallback}`;
}

/**
 * An input error's message for a page: a text longer than the schema allows says the limit the service
 * reported (details.maxLength, from the API's schema); anything else as fieldMessage.
 */
export function inputMessage(lang: Lang, field: string, err: AppError): string {
  const t = adminStrings(lang);
  const max = err.details?.['maxLength'];
  if (typeof max === 'number') return `${t.fieldError}: ${t.tooLong(formatNumber(max, lang))}`;
  return fieldMessage(lang, field, err.message);
}

/** An error a page can explain as a notice: a refused role or an expired form. */
export function noticeOf(err: unknown, lang: Lang): Notice | undefined {
  if (!isAppError(err)) return undefined;
  const t = adminStrings(lang);
  if (err.code === 'forbidden') {
    return { kind: 'danger', text: err.message.startsWith('The form') ? t.expiredForm : t.forbidden };
  }
  if (err.code === 'rate_limited') return { kind: 'danger', text: t.throttled };
  return undefined;
}

export function langOf(request: FastifyRequest): Lang | undefined {
  const lang = (request.params as { lang?: string }).lang;
  return lang && isLang(lang) ? lang : undefined;
}

/**
 * A form or query field as a trimmed string of at most `max` characters; a repeated field gives its first
 * value, and NUL characters (which PostgreSQL cannot store in text) are dropped.
 */
/** A field a form sends zero, one or many times (check boxes), as a list of strings. */
export function fieldList(form: Form | undefined, name: string): string[] {
  const raw = (form as Record<string, unknown> | undefined)?.[name];
  return (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String);
}

export function field(form: Form | undefined, name: string, max = 2000): string {
  const raw = (form as Record<string, unknown> | undefined)?.[name];
  const one = Array.isArray(raw) ? raw[0] : raw;
  return String(one ?? '')
    .split('\u0000')
    .join('')
    .trim()
    .slice(0, max);
}

export interface SendOptions {
  session?: Session | undefined;
  notice?: Notice | undefined;
  status?: number | undefined;
}

export function adminKit() {
  const styles = () => [assetUrl('bi', 'css/bootstrap-italia.purged.css'), assetUrl('ponte', 'portal.css')];

  /** A back-office page as HTML; `path` is the address after /admin/{lang}/, for the language switch. */
  function html(lang: Lang, path: string, title: string, body: VNode, opts: SendOptions = {}): string {
    const other = lang === 'it' ? 'en' : 'it';
    return renderPage(
      <AdminFrame
        lang={lang}
        title={title}
        styles={styles()}
        scripts={[assetUrl('htmx', 'htmx.min.js'), assetUrl('ponte', 'admin-menu.js')]}
        otherLangHref={`/admin/${other}/${path}`}
        path={path.split('?')[0]}
        session={opts.session}
        notice={opts.notice}
      >
        {body}
      </AdminFrame>,
    );
  }

  /** Sends a back-office page (see html). */
  function send(
    reply: FastifyReply,
    lang: Lang,
    path: string,
    title: string,
    body: VNode,
    opts: SendOptions = {},
  ) {
    return reply
      .status(opts.status ?? 200)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(html(lang, path, title, body, opts));
  }

  return { send, html };
}

export type AdminKit = ReturnType<typeof adminKit>;

/**
 * A failed back-office request as a page in the back-office's frame (with its navigation when signed in):
 * the access step's refusals, expired forms, throttling, errors no page explained itself.
 */
export function adminErrorPage(request: FastifyRequest, reply: FastifyReply, err: AppError, status: number) {
  const lang = langOfAddress(request.url);
  return adminKit().send(
    reply,
    lang,
    '',
    errorText(lang, err, status).title,
    <ErrorNotice
      lang={lang}
      err={err}
      status={status}
      back={{ href: `/admin/${lang}/`, label: backOfficeLabel(lang) }}
    />,
    { session: request.session, status },
  );
}
