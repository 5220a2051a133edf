// The agreements' back-office pages: the list with its filters, and an agreement's page (publishing, the
// "to verify" mark, the status history and a status change, the attachments, the record's history).
import { formatDate, type Lang } from '../../../platform/i18n.ts';
import { Field } from '../../../views/backoffice/fields.tsx';
import { DataTable } from '../../../views/backoffice/tables.tsx';
import { SourceList } from '../../../views/sources.tsx';
import type { Session } from '../../accounts/accounts.service.ts';
import type { AttachmentInfo } from '../../attachments/attachments.service.ts';
import type { AuditEntry } from '../../audit/audit.service.ts';
import { AuditTable } from '../../audit/views/history.tsx';
import { partnershipPath } from '../../portal/portal.paths.ts';
import { importStrings } from '../agreements.import.strings.ts';
import { KIND_LABELS, STATUS_LABELS } from '../agreements.labels.ts';
import {
  AGREEMENT_KINDS,
  type Agreement,
  type AgreementSummary,
  STATUSES,
  type Status,
} from '../agreements.schemas.ts';
import { agreementsStrings } from '../agreements.strings.ts';
import { AttachmentsSection } from './agreement-edit.tsx';

const partnerName = (a: AgreementSummary, lang: Lang) =>
  lang === 'it' ? a.partner.nameIt : a.partner.nameEn;

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
  const t = agreementsStrings(p.lang);
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
        </a>{' '}
        <a class="btn btn-outline-primary ms-2" href={`/admin/${p.lang}/agreements/import`}>
          {importStrings(p.lang).importLink}
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
      <DataTable
        caption={t.agreements}
        captionHidden
        columns={[t.partner, t.kind, t.signedCol, t.status, t.published, t.updated]}
      >
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
      </DataTable>
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
  sources?: string;
  rejected?: boolean;
  /** The change was refused as unusual: the form asks to confirm it (see unusualTransition). */
  confirming?: 'same' | 'never_in_force' | 'already_ended';
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
  const t = agreementsStrings(p.lang);
  const a = p.agreement;
  const v = p.values ?? {};
  const err = p.fieldErrors ?? {};
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
            {t.isPublished} <a href={partnershipPath(a.institution, p.lang, a)}>{t.seeOnPortal}</a>
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
            {e.sources.length > 0 ? (
              <SourceList sources={e.sources} lang={p.lang} class="small mb-0" />
            ) : null}
          </li>
        ))}
      </ul>
      {p.canWrite ? (
        <StatusForm lang={p.lang} agreement={a} session={p.session} values={v} errors={err} />
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

/** The status change (or a rejected motion), with its sources, and the question when the change is unusual. */
function StatusForm(p: {
  lang: Lang;
  agreement: Agreement;
  session: Session;
  values: StatusFormValues;
  errors: Record<string, string>;
}) {
  const t = agreementsStrings(p.lang);
  const a = p.agreement;
  const v = p.values;
  const err = p.errors;
  const field = (name: 'date' | 'reasonIt' | 'reasonEn' | 'act', label: string) => (
    <Field name={name} label={label} value={String(v[name] ?? '')} error={err[name]} class="col-md-6" />
  );
  return (
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
        <div class="form-group col-12">
          <label for="f-sources" class="active">
            {t.eventSources}
          </label>
          <textarea
            id="f-sources"
            name="sources"
            rows={3}
            class="form-control"
            aria-describedby={err['sources'] ? 'f-sources-error f-sources-hint' : 'f-sources-hint'}
            aria-invalid={err['sources'] ? 'true' : undefined}
          >
            {v.sources ?? ''}
          </textarea>
          <small id="f-sources-hint" class="form-text">
            {t.eventSourcesHint}
          </small>
          {err['sources'] ? (
            <div id="f-sources-error" class="text-danger small">
              {err['sources']}
            </div>
          ) : null}
        </div>
        <div class="form-check col-md-6">
          <input type="checkbox" id="f-rejected" name="rejected" value="yes" checked={!!v.rejected} />
          <label for="f-rejected">{t.rejected}</label>
        </div>
        {v.confirming ? (
          <div class="col-12">
            <div class="alert alert-warning" role="alert">
              {t.unusual[v.confirming](
                STATUS_LABELS[a.status][p.lang],
                STATUS_LABELS[(v.status ?? a.status) as Status][p.lang],
              )}
            </div>
            <div class="form-check">
              <input type="checkbox" id="f-confirm" name="confirm" value="yes" />
              <label for="f-confirm">{t.confirmUnusual}</label>
            </div>
          </div>
        ) : null}
        <div class="col-12">
          <button type="submit" class="btn btn-primary">
            {t.record}
          </button>
        </div>
      </form>
    </>
  );
}
