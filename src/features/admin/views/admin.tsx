// The back-office pages: a plain bootstrap-italia frame (header with the user and the language switch), and
// the sign-in, dashboard, agreement list, agreement and password pages. Forms post without JavaScript;
// htmx, when loaded, only makes them smoother.
import type { ComponentChildren } from 'preact';
import { formatDate, formatNumber, type Lang } from '../../../platform/i18n.ts';
import { Field } from '../../../views/backoffice/fields.tsx';
import { workplace } from '../../accounts/accounts.http.ts';
import type { Session } from '../../accounts/accounts.service.ts';
import { KIND_LABELS, STATUS_LABELS } from '../../agreements/agreements.labels.ts';
import {
  AGREEMENT_KINDS,
  type Agreement,
  type AgreementSummary,
  STATUSES,
} from '../../agreements/agreements.schemas.ts';
import type { AttachmentInfo } from '../../attachments/attachments.service.ts';
import type { PendingInvitation } from '../../invitations/invitations.service.ts';
import type { PlaceCandidate } from '../../places/places.service.ts';
import { locatorMapSvg } from '../../portal/map/world-map.ts';
import { partnershipPath } from '../../portal/portal.paths.ts';
import type { AuditEntry, Dashboard } from '../admin.service.ts';
import { adminStrings } from '../admin.strings.ts';
import { AttachmentsSection } from './agreement-edit.tsx';
import { AuditTable } from './history.tsx';

export interface Notice {
  kind: 'success' | 'danger' | 'warning';
  text: string;
}

interface FrameProps {
  lang: Lang;
  title: string;
  styles: string[];
  scripts: string[];
  /** The same page in the other language. */
  otherLangHref: string;
  session?: Session | undefined;
  notice?: Notice | undefined;
  children: ComponentChildren;
}

/** The session's role and institution, or nothing for a platform admin who has not chosen one yet. */
const roleOf = (session: Session) => (hasWorkplace(session) ? workplace(session).role : undefined);
const placeOf = (session: Session) =>
  hasWorkplace(session) ? workplace(session).institutionSlug : undefined;
const hasWorkplace = (session: Session) => !!session.chosen || session.user.roles.length > 0;

export function AdminFrame(p: FrameProps) {
  const t = adminStrings(p.lang);
  const other: Lang = p.lang === 'it' ? 'en' : 'it';
  return (
    <html lang={p.lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${p.title} — ${t.backOffice} — Ponte`}</title>
        {p.styles.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
        {p.scripts.map((src) => (
          <script key={src} src={src} defer />
        ))}
      </head>
      <body>
        <div class="skiplinks">
          <a class="visually-hidden-focusable" href="#main-content">
            {t.skip}
          </a>
        </div>
        <header class="it-header-wrapper">
          <div class="it-header-slim-wrapper">
            <div class="container">
              <div class="it-header-slim-wrapper-content">
                <a class="navbar-brand" href={`/admin/${p.lang}/`}>
                  {`Ponte — ${t.backOffice}`}
                </a>
                <div class="it-header-slim-right-zone d-flex align-items-center gap-3">
                  <a href={p.otherLangHref} lang={other} hreflang={other}>
                    {t.langSwitch}
                  </a>
                  {p.session ? (
                    <>
                      <span class="text-white">
                        {p.session.user.email}
                        {placeOf(p.session) ? ` · ${placeOf(p.session)}` : ''}
                      </span>
                      <form method="post" action={`/admin/${p.lang}/logout`} class="d-inline">
                        <input type="hidden" name="_csrf" value={p.session.csrfToken} />
                        <button type="submit" class="btn btn-sm btn-outline-light">
                          {t.signOut}
                        </button>
                      </form>
                    </>
                  ) : null}
                </div>
              </div>
            </div>
          </div>
          {p.session ? (
            <div class="it-header-navbar-wrapper bg-primary">
              <div class="container">
                <nav class="navbar" aria-label={t.backOffice}>
                  <ul class="navbar-nav flex-row flex-wrap gap-3">
                    <li class="nav-item">
                      <a class="nav-link text-white" href={`/admin/${p.lang}/`}>
                        {t.dashboard}
                      </a>
                    </li>
                    <li class="nav-item">
                      <a class="nav-link text-white" href={`/admin/${p.lang}/agreements`}>
                        {t.agreements}
                      </a>
                    </li>
                    {(['counterparts', 'networks', 'units'] as const).map((page) => (
                      <li class="nav-item" key={page}>
                        <a class="nav-link text-white" href={`/admin/${p.lang}/${page}`}>
                          {t.nav[page]}
                        </a>
                      </li>
                    ))}
                    {p.session.user.platformAdmin || p.session.user.roles.length > 1 ? (
                      <li class="nav-item">
                        <a class="nav-link text-white" href={`/admin/${p.lang}/institutions`}>
                          {t.workplaces.title}
                        </a>
                      </li>
                    ) : null}
                    {roleOf(p.session) === 'admin' ? (
                      <li class="nav-item">
                        <a class="nav-link text-white" href={`/admin/${p.lang}/users`}>
                          {t.users}
                        </a>
                      </li>
                    ) : null}
                    <li class="nav-item">
                      <a class="nav-link text-white" href={`/admin/${p.lang}/audit`}>
                        {t.auditTitle}
                      </a>
                    </li>
                    <li class="nav-item">
                      <a class="nav-link text-white" href={`/admin/${p.lang}/password`}>
                        {t.changePassword}
                      </a>
                    </li>
                  </ul>
                </nav>
              </div>
            </div>
          ) : null}
        </header>
        <main id="main-content" tabIndex={-1} class="container my-4">
          {p.notice ? (
            <div
              class={`alert alert-${p.notice.kind}`}
              role={p.notice.kind === 'success' ? 'status' : 'alert'}
            >
              {p.notice.text}
            </div>
          ) : null}
          {p.children}
        </main>
      </body>
    </html>
  );
}

export function LoginForm(p: {
  lang: Lang;
  csrf: string;
  email?: string;
  error?: string;
  oidc?: { href: string; label: string } | undefined;
}) {
  const t = adminStrings(p.lang);
  return (
    <>
      <h1>{t.signInTitle}</h1>
      <p class="lead">{t.signInLead}</p>
      <form method="post" action={`/admin/${p.lang}/login`} class="mt-4" style="max-width: 28rem">
        <input type="hidden" name="_csrf" value={p.csrf} />
        <div class="form-group">
          <label class="active" for="email">
            {t.email}
          </label>
          <input
            class="form-control"
            type="email"
            id="email"
            name="email"
            autoComplete="username"
            required
            value={p.email ?? ''}
            aria-invalid={p.error ? 'true' : undefined}
            aria-describedby={p.error ? 'login-error' : undefined}
          />
        </div>
        <div class="form-group">
          <label class="active" for="password">
            {t.password}
          </label>
          <input
            class="form-control"
            type="password"
            id="password"
            name="password"
            autoComplete="current-password"
            required
            aria-invalid={p.error ? 'true' : undefined}
            aria-describedby={p.error ? 'login-error' : undefined}
          />
          {p.error ? (
            <p id="login-error" class="form-text text-danger fw-semibold">
              {p.error}
            </p>
          ) : null}
        </div>
        <button type="submit" class="btn btn-primary">
          {t.signIn}
        </button>
      </form>
      {p.oidc ? (
        <p class="mt-4">
          <a class="btn btn-outline-primary" href={p.oidc.href}>
            {p.oidc.label}
          </a>
        </p>
      ) : null}
    </>
  );
}

const partnerName = (a: AgreementSummary, lang: Lang) =>
  lang === 'it' ? a.partner.nameIt : a.partner.nameEn;

export function DashboardView({ lang, data }: { lang: Lang; data: Dashboard }) {
  const t = adminStrings(lang);
  return (
    <>
      <h1>{t.dashboard}</h1>
      <h2 class="h4 mt-4">{t.byStatus}</h2>
      <ul class="list-inline">
        {data.byStatus.map((s) => (
          <li key={s.status} class="list-inline-item me-4">
            <a href={`/admin/${lang}/agreements?status=${s.status}`}>
              {STATUS_LABELS[s.status as Agreement['status']][lang]}: <strong>{s.n}</strong>
            </a>
          </li>
        ))}
      </ul>
      {data.needsReview.length > 0 ? (
        <>
          <h2 class="h4 mt-4">{t.needsReview}</h2>
          <p>{t.needsReviewHint}</p>
          <ul>
            {data.needsReview.map((e) => (
              <li key={e.id}>
                <a href={`/admin/${lang}/agreements/${e.id}`}>{e.name}</a> — {t.endedOn}{' '}
                {formatDate(e.endsOn, 'day', lang)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {data.toVerify.length > 0 ? (
        <>
          <h2 class="h4 mt-4">{t.toVerifyList}</h2>
          <p>{t.toVerifyHint}</p>
          <ul>
            {data.toVerify.map((e) => (
              <li key={e.id}>
                <a href={`/admin/${lang}/agreements/${e.id}`}>{e.name}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h2 class="h4 mt-4">{t.expiring}</h2>
      {data.expiring.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul>
          {data.expiring.map((e) => (
            <li key={e.id}>
              <a href={`/admin/${lang}/agreements/${e.id}`}>{e.name}</a> — {formatDate(e.endsOn, 'day', lang)}
            </li>
          ))}
        </ul>
      )}
      <h2 class="h4 mt-4">{t.dormant}</h2>
      {data.dormant.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul>
          {data.dormant.map((e) => (
            <li key={e.id}>
              <a href={`/admin/${lang}/agreements/${e.id}`}>{e.name}</a>
            </li>
          ))}
        </ul>
      )}
      <h2 class="h4 mt-4">{t.recentChanges}</h2>
      <AuditTable lang={lang} rows={data.recent} variant="log" />
    </>
  );
}

export interface AgreementListFilters {
  q: string;
  status: string;
  kind: string;
  sort: string;
  cursor: string;
}

export function AgreementListView(p: {
  lang: Lang;
  items: AgreementSummary[];
  filters: AgreementListFilters;
  nextCursor: string | null;
}) {
  const t = adminStrings(p.lang);
  const f = p.filters;
  const base = `/admin/${p.lang}/agreements`;
  const query = (extra: Partial<AgreementListFilters>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...f, cursor: '', ...extra })) if (v) params.set(k, v);
    const text = params.toString();
    return text ? `${base}?${text}` : base;
  };
  const select = (name: 'status' | 'kind' | 'sort', label: string, options: [string, string][]) => (
    <div class="select-wrapper col-md-3 mb-3">
      <label for={`l-${name}`}>{label}</label>
      <select id={`l-${name}`} name={name}>
        {options.map(([value, text]) => (
          <option key={value} value={value} selected={value === f[name]}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <>
      <h1>{t.agreements}</h1>
      <p>
        <a class="btn btn-primary" href={`/admin/${p.lang}/agreements/new`}>
          {t.newAgreement}
        </a>
      </p>
      <form method="get" class="row my-4">
        <div class="form-group col-md-12">
          <label class="active" for="q">
            {t.searchLabel}
          </label>
          <input class="form-control" type="search" id="q" name="q" value={f.q} />
        </div>
        {select('status', t.status, [
          ['', t.any],
          ...STATUSES.map((s): [string, string] => [s, STATUS_LABELS[s][p.lang]]),
        ])}
        {select('kind', t.kind, [
          ['', t.any],
          ...AGREEMENT_KINDS.map((k): [string, string] => [k, KIND_LABELS[k][p.lang]]),
        ])}
        {select(
          'sort',
          t.sortBy,
          (['name', '-signed', 'signed', '-updated'] as const).map((k): [string, string] => [
            k,
            t.sorts[k] ?? k,
          ]),
        )}
        <div class="col-md-3">
          <button type="submit" class="btn btn-primary">
            {t.search}
          </button>
        </div>
      </form>
      <p role="status">{f.cursor ? t.countMore(p.items.length) : t.count(p.items.length)}</p>
      <div class="table-responsive">
        <table class="table">
          <caption class="visually-hidden">{t.agreements}</caption>
          <thead>
            <tr>
              <th scope="col">{t.partner}</th>
              <th scope="col">{t.kind}</th>
              <th scope="col">{t.signedCol}</th>
              <th scope="col">{t.status}</th>
              <th scope="col">{t.published}</th>
              <th scope="col">{t.updated}</th>
            </tr>
          </thead>
          <tbody>
            {p.items.map((a) => (
              <tr key={a.id}>
                <td>
                  <a href={`/admin/${p.lang}/agreements/${a.id}`}>{partnerName(a, p.lang)}</a>
                </td>
                <td>{KIND_LABELS[a.kind][p.lang]}</td>
                <td>{formatDate(a.signed.date, a.signed.precision, p.lang) ?? '—'}</td>
                <td>{STATUS_LABELS[a.status][p.lang]}</td>
                <td>{a.published ? t.yes : t.no}</td>
                <td>{formatDate(a.updatedAt.slice(0, 10), 'day', p.lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {f.cursor || p.nextCursor ? (
        <nav class="pagination-wrapper" aria-label={t.pages}>
          <ul class="pagination">
            {f.cursor ? (
              <li class="page-item">
                <a class="page-link" href={query({})}>
                  {t.firstPage}
                </a>
              </li>
            ) : null}
            {p.nextCursor ? (
              <li class="page-item">
                <a class="page-link" href={query({ cursor: p.nextCursor })}>
                  {t.nextPage}
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </>
  );
}

export interface StatusFormValues {
  status?: string;
  date?: string;
  reasonIt?: string;
  reasonEn?: string;
  act?: string;
  rejected?: boolean;
}

export function AgreementView(p: {
  lang: Lang;
  agreement: Agreement;
  audit: AuditEntry[];
  attachments: AttachmentInfo[];
  session: Session;
  canWrite: boolean;
  values?: StatusFormValues;
  fieldErrors?: Record<string, string>;
  attachmentError?: string;
}) {
  const t = adminStrings(p.lang);
  const a = p.agreement;
  const v = p.values ?? {};
  const err = p.fieldErrors ?? {};
  const field = (name: 'date' | 'reasonIt' | 'reasonEn' | 'act', label: string) => (
    <Field name={name} label={label} value={String(v[name] ?? '')} error={err[name]} class="col-md-6" />
  );
  return (
    <>
      <h1>{partnerName(a, p.lang)}</h1>
      <p class="lead">
        {KIND_LABELS[a.kind][p.lang]} · {STATUS_LABELS[a.status][p.lang]}
        {a.statusSince ? ` · ${a.statusSince}` : ''}
      </p>
      <p>
        {a.published ? (
          <>
            {t.isPublished} <a href={partnershipPath(a.institution, p.lang, a.slug)}>{t.seeOnPortal}</a>
          </>
        ) : (
          t.isUnpublished
        )}
      </p>
      {p.canWrite ? (
        <p>
          <a class="btn btn-primary" href={`/admin/${p.lang}/agreements/${a.id}/edit`}>
            {t.edit.editLink}
          </a>
        </p>
      ) : null}
      {a.toVerify ? (
        <div class="alert alert-warning" role="status">
          {t.toVerifyNote}
        </div>
      ) : null}
      {p.canWrite ? (
        <form method="post" action={`/admin/${p.lang}/agreements/${a.id}/verify`} class="mb-2">
          <input type="hidden" name="_csrf" value={p.session.csrfToken} />
          <input type="hidden" name="version" value={String(a.version)} />
          <input type="hidden" name="toVerify" value={a.toVerify ? 'false' : 'true'} />
          <button type="submit" class="btn btn-outline-primary">
            {a.toVerify ? t.clearToVerify : t.markToVerify}
          </button>
        </form>
      ) : null}
      {p.canWrite ? (
        <form method="post" action={`/admin/${p.lang}/agreements/${a.id}/publish`} class="mb-4">
          <input type="hidden" name="_csrf" value={p.session.csrfToken} />
          <input type="hidden" name="version" value={String(a.version)} />
          <input type="hidden" name="published" value={a.published ? 'false' : 'true'} />
          <button type="submit" class="btn btn-outline-primary">
            {a.published ? t.unpublish : t.publish}
          </button>
        </form>
      ) : (
        <p class="text-muted">{t.viewerNote}</p>
      )}
      <h2 class="h4 mt-4">{t.history}</h2>
      <ul>
        {a.statusHistory.map((e) => (
          <li key={e.id}>
            {STATUS_LABELS[e.status][p.lang]}
            {e.outcome === 'rejected' ? ` (${t.rejected})` : ''}
            {e.date ? ` — ${e.date}` : ''}
            {e.act ? ` — ${e.act}` : ''}
            {(p.lang === 'it' ? e.reasonIt : e.reasonEn)
              ? ` — ${p.lang === 'it' ? e.reasonIt : e.reasonEn}`
              : ''}
          </li>
        ))}
      </ul>
      {p.canWrite ? (
        <>
          <h2 class="h4 mt-4">{t.changeStatus}</h2>
          <form method="post" action={`/admin/${p.lang}/agreements/${a.id}/status`} class="row mt-4">
            <input type="hidden" name="_csrf" value={p.session.csrfToken} />
            <input type="hidden" name="version" value={String(a.version)} />
            <div class="select-wrapper col-md-6 mb-5">
              <label for="f-status">{t.newStatus}</label>
              <select id="f-status" name="status" aria-invalid={err['status'] ? 'true' : undefined}>
                {STATUSES.map((s) => (
                  <option key={s} value={s} selected={s === (v.status ?? a.status)}>
                    {STATUS_LABELS[s][p.lang]}
                  </option>
                ))}
              </select>
            </div>
            {field('date', t.date)}
            {field('reasonIt', t.reasonIt)}
            {field('reasonEn', t.reasonEn)}
            {field('act', t.act)}
            <div class="form-check col-md-6">
              <input type="checkbox" id="f-rejected" name="rejected" value="yes" checked={!!v.rejected} />
              <label for="f-rejected">{t.rejected}</label>
            </div>
            <div class="col-12">
              <button type="submit" class="btn btn-primary">
                {t.record}
              </button>
            </div>
          </form>
        </>
      ) : null}
      <AttachmentsSection
        lang={p.lang}
        session={p.session}
        agreementId={a.id}
        attachments={p.attachments}
        canWrite={p.canWrite}
        error={p.attachmentError}
      />
      <AuditTable lang={p.lang} rows={p.audit} variant="record" heading={t.auditTitle} />
    </>
  );
}

export interface Workplace {
  id: string;
  slug: string;
  name_it: string;
  name_en: string;
  agreements: number;
  published: number;
  users: number;
}

/** The institutions the user can work in, the current one marked, each with a button to switch to it. */
export function InstitutionsView(p: { lang: Lang; session: Session; rows: Workplace[]; current?: string }) {
  const t = adminStrings(p.lang).workplaces;
  return (
    <>
      <h1>{t.title}</h1>
      <p class="lead">{p.session.user.platformAdmin ? t.leadPlatform : t.lead}</p>
      {p.rows.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <div class="table-responsive">
          <table class="table">
            <caption class="visually-hidden">{t.title}</caption>
            <thead>
              <tr>
                <th scope="col">{t.institution}</th>
                <th scope="col">{t.agreements}</th>
                <th scope="col">{t.users}</th>
                <th scope="col">
                  <span class="visually-hidden">{t.action}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => {
                const name = p.lang === 'it' ? r.name_it : r.name_en;
                return (
                  <tr key={r.id}>
                    <th scope="row">{name}</th>
                    <td>{t.agreementCount(r.agreements, r.published)}</td>
                    <td>{formatNumber(r.users, p.lang)}</td>
                    <td>
                      {r.slug === p.current ? (
                        <strong>{t.current}</strong>
                      ) : (
                        <form method="post" action={`/admin/${p.lang}/institutions`}>
                          <input type="hidden" name="_csrf" value={p.session.csrfToken} />
                          <input type="hidden" name="institution" value={r.slug} />
                          <button
                            type="submit"
                            class="btn btn-sm btn-outline-primary"
                            aria-label={t.workInNamed(name)}
                          >
                            {t.workIn}
                          </button>
                        </form>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function PasswordForm(p: { lang: Lang; session: Session; fieldErrors?: Record<string, string> }) {
  const t = adminStrings(p.lang);
  const err = p.fieldErrors ?? {};
  const input = (name: 'current' | 'next', label: string, autoComplete: string) => (
    <Field name={name} label={label} kind="password" autoComplete={autoComplete} required error={err[name]} />
  );
  return (
    <>
      <h1>{t.changePassword}</h1>
      <form method="post" action={`/admin/${p.lang}/password`} class="mt-4" style="max-width: 28rem">
        <input type="hidden" name="_csrf" value={p.session.csrfToken} />
        {input('current', t.currentPassword, 'current-password')}
        {input('next', t.newPassword, 'new-password')}
        <button type="submit" class="btn btn-primary">
          {t.save}
        </button>
      </form>
    </>
  );
}

export function AuditLogView({ lang, rows }: { lang: Lang; rows: AuditEntry[] }) {
  const t = adminStrings(lang);
  return (
    <>
      <h1>{t.auditTitle}</h1>
      <p class="lead">{t.auditLead}</p>
      <p>
        <a href={`/admin/${lang}/audit.csv`} download>
          {t.downloadCsv}
        </a>
      </p>
      <AuditTable lang={lang} rows={rows} variant="log" />
    </>
  );
}

export interface NewAgreementValues {
  kind?: string;
  partner?: string;
  country?: string;
  geonamesId?: string;
  signed?: string;
  descriptionIt?: string;
  descriptionEn?: string;
}

/**
 * The gazetteer's candidates for what was typed, as radio buttons: name in the page language, country,
 * population and a small map. With one sure match it is preselected; otherwise the person chooses.
 */
export function PlaceCandidates(p: {
  lang: Lang;
  candidates: PlaceCandidate[];
  chosen?: string;
  ambiguous: boolean;
}) {
  const t = adminStrings(p.lang);
  const fmt = new Intl.NumberFormat(p.lang === 'it' ? 'it-IT' : 'en-GB');
  if (p.candidates.length === 0) return <p class="text-muted">{t.noCity}</p>;
  return (
    <fieldset class="mb-4">
      <legend class="h6">{p.ambiguous ? t.chooseCity : t.candidatesTitle}</legend>
      {p.candidates.slice(0, 6).map((c, i) => {
        const name = p.lang === 'it' ? c.nameIt : c.nameEn;
        const country = p.lang === 'it' ? c.country.nameIt : c.country.nameEn;
        const checked = p.chosen ? p.chosen === String(c.geonamesId) : !p.ambiguous && i === 0;
        return (
          <div class="form-check d-flex align-items-center gap-3" key={c.geonamesId}>
            <input
              type="radio"
              id={`place-${c.geonamesId}`}
              name="geonamesId"
              value={String(c.geonamesId)}
              checked={checked}
            />
            <label for={`place-${c.geonamesId}`}>
              {`${name}, ${country} — ${t.inhabitants(fmt.format(c.population))}`}
            </label>
            <span
              class="ponte-locator"
              style="width: 6rem"
              // Raw HTML on purpose: a server-built SVG whose labels the map module escapes.
              dangerouslySetInnerHTML={{
                __html: locatorMapSvg({
                  lon: c.lon,
                  lat: c.lat,
                  title: `${name}, ${country}`,
                  description: `${c.lat.toFixed(2)}, ${c.lon.toFixed(2)}`,
                  idPrefix: `cand-${c.geonamesId}`,
                }),
              }}
            />
          </div>
        );
      })}
    </fieldset>
  );
}

export function NewAgreementForm(p: {
  lang: Lang;
  session: Session;
  values?: NewAgreementValues;
  fieldErrors?: Record<string, string>;
  candidates?: { list: PlaceCandidate[]; ambiguous: boolean };
  /** Set when the institution already has a twinning in the partner's country: the form asks what to record. */
  twinningsInCountry?: string[];
}) {
  const t = adminStrings(p.lang);
  const v = p.values ?? {};
  const err = p.fieldErrors ?? {};
  const text = (name: keyof NewAgreementValues, label: string, extra: Record<string, string> = {}) => (
    <Field name={name} label={label} value={v[name]} error={err[name]} extra={extra} />
  );
  return (
    <>
      <h1>{t.newAgreement}</h1>
      <form method="post" action={`/admin/${p.lang}/agreements/new`} class="mt-4" style="max-width: 40rem">
        <input type="hidden" name="_csrf" value={p.session.csrfToken} />
        <Field
          kind="select"
          name="kind"
          label={t.kind}
          value={v.kind ?? 'twinning'}
          options={AGREEMENT_KINDS.map((k) => [k, KIND_LABELS[k][p.lang]] as const)}
          error={err['kind']}
        />
        {text('partner', t.partnerCity, {
          'hx-get': `/admin/${p.lang}/places`,
          'hx-trigger': 'input changed delay:400ms',
          'hx-target': '#place-candidates',
          'hx-include': '#f-country',
          autocomplete: 'off',
        })}
        {text('country', t.country)}
        <div id="place-candidates" aria-live="polite">
          {p.candidates ? (
            <PlaceCandidates
              lang={p.lang}
              candidates={p.candidates.list}
              ambiguous={p.candidates.ambiguous}
              {...(v.geonamesId ? { chosen: v.geonamesId } : {})}
            />
          ) : null}
        </div>
        {err['geonamesId'] ? (
          <p class="form-text text-danger fw-semibold" role="alert">
            {err['geonamesId']}
          </p>
        ) : null}
        {text('signed', t.signed)}
        {text('descriptionIt', t.descriptionIt)}
        {text('descriptionEn', t.descriptionEn)}
        {p.twinningsInCountry ? (
          <fieldset class="border border-warning rounded p-3 mb-3">
            <legend class="h6">{t.twinningRule.question}</legend>
            <p>{t.twinningRule.warning(p.twinningsInCountry)}</p>
            <button type="submit" name="twinningRule" value="friendship_pact" class="btn btn-primary me-3">
              {t.twinningRule.asPact}
            </button>
            <button type="submit" name="twinningRule" value="twinning" class="btn btn-outline-primary">
              {t.twinningRule.asTwinning}
            </button>
          </fieldset>
        ) : (
          <button type="submit" class="btn btn-primary">
            {t.create}
          </button>
        )}
      </form>
    </>
  );
}

export interface UsersFilters {
  q: string;
  role: string;
  sort: string;
}

export interface UsersPageData {
  users: { id: string; email: string; name: string; role: string; disabled: boolean; version: number }[];
  total: number;
  page: number;
  pageSize: number;
  filters: UsersFilters;
  invitations: PendingInvitation[];
  tokens: {
    id: string;
    name: string;
    scope: string;
    created_at: string;
    last_used_at: string | null;
    revoked_at: string | null;
  }[];
}

export function UsersView(p: {
  lang: Lang;
  session: Session;
  data: UsersPageData;
  fieldErrors?: Record<string, string>;
}) {
  const t = adminStrings(p.lang);
  const err = p.fieldErrors ?? {};
  const f = p.data.filters;
  const pages = Math.ceil(p.data.total / p.data.pageSize);
  const pageHref = (n: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...f, page: n > 1 ? String(n) : '' })) if (v) params.set(k, v);
    const text = params.toString();
    return `/admin/${p.lang}/users${text ? `?${text}` : ''}`;
  };
  const day = (iso: string | null) =>
    iso ? new Date(iso).toLocaleDateString(p.lang === 'it' ? 'it-IT' : 'en-GB') : t.never;
  const input = (name: string, label: string, kind: 'text' | 'email' = 'text') => (
    <Field name={name} label={label} kind={kind} required error={err[name]} />
  );
  return (
    <>
      <h1>{t.users}</h1>
      <p class="lead">{t.usersLead}</p>
      <form method="get" class="row my-4">
        <div class="form-group col-md-12">
          <label class="active" for="u-q">
            {t.userSearch}
          </label>
          <input class="form-control" type="search" id="u-q" name="q" value={f.q} />
        </div>
        <div class="select-wrapper col-md-4 mb-3">
          <label for="u-role">{t.role}</label>
          <select id="u-role" name="role">
            {['', 'admin', 'editor', 'viewer'].map((r) => (
              <option key={r} value={r} selected={r === f.role}>
                {r ? t.roles[r] : t.any}
              </option>
            ))}
          </select>
        </div>
        <div class="select-wrapper col-md-4 mb-3">
          <label for="u-sort">{t.sortBy}</label>
          <select id="u-sort" name="sort">
            {(['email', 'name', 'role'] as const).map((k) => (
              <option key={k} value={k} selected={k === f.sort}>
                {t.userSorts[k]}
              </option>
            ))}
          </select>
        </div>
        <div class="col-md-4">
          <button type="submit" class="btn btn-primary">
            {t.search}
          </button>
        </div>
      </form>
      <p role="status">{t.userCount(p.data.total)}</p>
      <div class="table-responsive">
        <table class="table">
          <caption class="visually-hidden">{t.users}</caption>
          <thead>
            <tr>
              <th scope="col">{t.email}</th>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.role}</th>
              <th scope="col">
                <span class="visually-hidden">{t.removeAccess}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {p.data.users.map((u) => (
              <tr key={u.id}>
                <td>{u.email}</td>
                <td>{u.name}</td>
                <td>
                  <form
                    method="post"
                    action={`/admin/${p.lang}/users/${u.id}/role`}
                    class="d-flex gap-3 align-items-center"
                  >
                    <input type="hidden" name="_csrf" value={p.session.csrfToken} />
                    <input type="hidden" name="version" value={String(u.version)} />
                    <label class="visually-hidden" for={`role-${u.id}`}>
                      {t.roleOf(u.email)}
                    </label>
                    <select id={`role-${u.id}`} name="role">
                      {['viewer', 'editor', 'admin'].map((r) => (
                        <option key={r} value={r} selected={r === u.role}>
                          {t.roles[r]}
                        </option>
                      ))}
                    </select>
                    <button
                      type="submit"
                      class="btn btn-sm btn-outline-primary"
                      aria-label={t.saveRoleOf(u.email)}
                    >
                      {t.save}
                    </button>
                  </form>
                </td>
                <td>
                  <form method="post" action={`/admin/${p.lang}/users/${u.id}/role`}>
                    <input type="hidden" name="_csrf" value={p.session.csrfToken} />
                    <input type="hidden" name="version" value={String(u.version)} />
                    <input type="hidden" name="role" value="" />
                    <button
                      type="submit"
                      class="btn btn-sm btn-outline-danger"
                      aria-label={t.removeAccessOf(u.email)}
                    >
                      {t.removeAccess}
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 ? (
        <nav class="pagination-wrapper" aria-label={t.pages}>
          <ul class="pagination">
            {Array.from({ length: pages }, (_, i) => i + 1).map((n) => (
              <li class="page-item" key={n}>
                <a class="page-link" href={pageHref(n)} aria-current={n === p.data.page ? 'page' : undefined}>
                  {n}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <h2 class="h4 mt-4">{t.invitations}</h2>
      {p.data.invitations.length === 0 ? (
        <p>{t.invitationsNone}</p>
      ) : (
        <div class="table-responsive">
          <table class="table">
            <caption class="visually-hidden">{t.invitations}</caption>
            <thead>
              <tr>
                <th scope="col">{t.email}</th>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.role}</th>
                <th scope="col">{t.invitedUntil}</th>
                <th scope="col">
                  <span class="visually-hidden">{t.withdraw}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {p.data.invitations.map((v) => (
                <tr key={v.id}>
                  <td>{v.email}</td>
                  <td>{v.name}</td>
                  <td>{t.roles[v.role]}</td>
                  <td>{day(v.expiresAt)}</td>
                  <td>
                    <form method="post" action={`/admin/${p.lang}/invitations/${v.id}/withdraw`}>
                      <input type="hidden" name="_csrf" value={p.session.csrfToken} />
                      <button
                        type="submit"
                        class="btn btn-sm btn-outline-danger"
                        aria-label={t.withdrawOf(v.email)}
                      >
                        {t.withdraw}
                      </button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2 class="h4 mt-4">{t.addUser}</h2>
      <p>{t.inviteLead}</p>
      <form method="post" action={`/admin/${p.lang}/users`} class="narrow-form">
        <input type="hidden" name="_csrf" value={p.session.csrfToken} />
        {input('email', t.email, 'email')}
        {input('name', t.name)}
        <div class="select-wrapper mb-5">
          <label for="f-role">{t.role}</label>
          <select id="f-role" name="role">
            {['viewer', 'editor', 'admin'].map((r) => (
              <option key={r} value={r}>
                {t.roles[r]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="btn btn-primary">
          {t.addUser}
        </button>
      </form>
      <h2 class="h4 mt-5">{t.tokens}</h2>
      <div class="table-responsive">
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t.name}</th>
              <th scope="col">{t.scope}</th>
              <th scope="col">{t.lastUsed}</th>
              <th scope="col">
                <span class="visually-hidden">{t.revoke}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {p.data.tokens.map((k) => (
              <tr key={k.id}>
                <td>{k.name}</td>
                <td>{t.scopes[k.scope] ?? k.scope}</td>
                <td>{day(k.last_used_at)}</td>
                <td>
                  {k.revoked_at ? (
                    t.revoked
                  ) : (
                    <form method="post" action={`/admin/${p.lang}/tokens/${k.id}/revoke`}>
                      <input type="hidden" name="_csrf" value={p.session.csrfToken} />
                      <button type="submit" class="btn btn-sm btn-outline-danger">
                        {`${t.revoke}: ${k.name}`}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form method="post" action={`/admin/${p.lang}/tokens`} style="max-width: 28rem">
        <input type="hidden" name="_csrf" value={p.session.csrfToken} />
        {input('tokenName', t.tokenName)}
        <div class="select-wrapper mb-5">
          <label for="f-scope">{t.scope}</label>
          <select id="f-scope" name="scope">
            <option value="read">{t.scopes['read']}</option>
            <option value="write">{t.scopes['write']}</option>
          </select>
        </div>
        <button type="submit" class="btn btn-primary">
          {t.createToken}
        </button>
      </form>
    </>
  );
}
