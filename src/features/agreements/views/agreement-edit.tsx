// The agreement's edit form (every field but the partner and the status history, which have their own
// writes) and its attachments. On a stale save the form keeps what the person typed and shows, field by
// field, what is stored now.

import { formatNumber, type Lang } from '../../../platform/i18n.ts';
import { ConflictTable, Field, UploadForm } from '../../../views/backoffice/fields.tsx';
import { sourcesToLines } from '../../../views/sources.tsx';
import type { Session } from '../../accounts/accounts.service.ts';
import type { AttachmentInfo } from '../../attachments/attachments.service.ts';
import type { Unit } from '../../units/units.schemas.ts';
import { KIND_LABELS, SECTOR_LABELS } from '../agreements.labels.ts';
import { AGREEMENT_KINDS, type Agreement, RENEWALS, SECTORS } from '../agreements.schemas.ts';
import { agreementsStrings } from '../agreements.strings.ts';

/** The form's fields as the browser sends them back. */
export interface EditValues {
  kind: string;
  signed: string;
  signedSource: string;
  ratified: string;
  ratifiedSource: string;
  signedPlace: string;
  term: string;
  endsOn: string;
  renewal: string;
  renewalYears: string;
  sectors: string[];
  titleIt: string;
  titleEn: string;
  descriptionIt: string;
  descriptionEn: string;
  unit: string;
  /** One source per line: the address, then what it says. */
  sources: string;
}

export const EDIT_FIELDS = [
  'kind',
  'signed',
  'signedSource',
  'ratified',
  'ratifiedSource',
  'signedPlace',
  'term',
  'endsOn',
  'renewal',
  'renewalYears',
  'sectors',
  'titleIt',
  'titleEn',
  'descriptionIt',
  'descriptionEn',
  'unit',
  'sources',
] as const satisfies readonly (keyof EditValues)[];

/** A stored agreement as the form shows it. */
export function editValuesOf(a: Agreement): EditValues {
  return {
    kind: a.kind,
    signed: a.signed.date ?? '',
    signedSource: a.signed.source ?? '',
    ratified: a.ratified.date ?? '',
    ratifiedSource: a.ratified.source ?? '',
    signedPlace: a.signedPlace ?? '',
    term: a.term.type,
    endsOn: a.term.endsOn ?? '',
    renewal: a.term.renewal ?? 'none',
    renewalYears: a.term.renewalYears ? String(a.term.renewalYears) : '',
    sectors: [...a.sectors],
    titleIt: a.titleIt ?? '',
    titleEn: a.titleEn ?? '',
    descriptionIt: a.descriptionIt ?? '',
    descriptionEn: a.descriptionEn ?? '',
    unit: a.unit ?? '',
    sources: sourcesToLines(a.sources),
  };
}

/** The fields whose values differ, for the comparison shown on a stale save. */
export function differingFields(mine: EditValues, stored: EditValues): (keyof EditValues)[] {
  const norm = (v: string | string[]) => (Array.isArray(v) ? [...v].sort().join(',') : v.trim());
  return EDIT_FIELDS.filter((f) => norm(mine[f]) !== norm(stored[f]));
}

export interface EditConflict {
  stored: EditValues;
  fields: (keyof EditValues)[];
}

/** The sectors an agreement covers, as check boxes (the new and the edit forms). */
export function SectorChoices(p: { lang: Lang; chosen: readonly string[]; error?: string | undefined }) {
  return (
    <fieldset class="col-12 mb-4" aria-describedby={p.error ? 'e-sectors' : undefined}>
      <legend class="h6">{agreementsStrings(p.lang).edit.labels.sectors}</legend>
      <div class="row">
        {SECTORS.map((s) => (
          <div class="form-check col-md-4" key={s}>
            <input
              type="checkbox"
              id={`f-sector-${s}`}
              name="sectors"
              value={s}
              checked={p.chosen.includes(s)}
            />
            <label for={`f-sector-${s}`}>{SECTOR_LABELS[s][p.lang]}</label>
          </div>
        ))}
      </div>
      {p.error ? (
        <p id="e-sectors" class="form-text text-danger fw-semibold">
          {p.error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** A form value as the person reads it: codes by their labels, sectors by name. */
function valueText(field: keyof EditValues, v: string | string[], lang: Lang, units: Unit[]): string {
  const e = agreementsStrings(lang).edit;
  if (Array.isArray(v))
    return v.map((s) => SECTOR_LABELS[s as keyof typeof SECTOR_LABELS]?.[lang] ?? s).join(', ');
  switch (field) {
    case 'kind':
      return KIND_LABELS[v as keyof typeof KIND_LABELS]?.[lang] ?? v;
    case 'term':
      return v === 'permanent' ? e.permanent : v === 'fixed' ? e.fixed : v;
    case 'renewal':
      return (e.renewals as Record<string, string>)[v] ?? v;
    case 'unit': {
      const unit = units.find((u) => u.slug === v);
      return unit ? (lang === 'it' ? unit.nameIt : unit.nameEn) : v;
    }
    default:
      return v;
  }
}

export function EditAgreementForm(p: {
  lang: Lang;
  session: Session;
  agreement: Agreement;
  units: Unit[];
  values: EditValues;
  version: number;
  fieldErrors?: Record<string, string>;
  conflict?: EditConflict;
}) {
  const t = agreementsStrings(p.lang);
  const e = t.edit;
  const v = p.values;
  const err = p.fieldErrors ?? {};
  const text = (name: keyof EditValues, label: string, hint?: string) => (
    <Field name={name} label={label} value={String(v[name])} hint={hint} error={err[name]} class="col-md-6" />
  );
  const area = (name: 'descriptionIt' | 'descriptionEn' | 'sources', label: string, hint?: string) => (
    <Field
      name={name}
      label={label}
      value={v[name]}
      kind="textarea"
      hint={hint}
      error={err[name]}
      class="col-12"
    />
  );
  const select = (name: 'kind' | 'term' | 'renewal' | 'unit', label: string, options: [string, string][]) => (
    <Field
      name={name}
      label={label}
      value={v[name]}
      kind="select"
      options={options}
      error={err[name]}
      class="col-md-6"
    />
  );
  const name = p.lang === 'it' ? p.agreement.partner.nameIt : p.agreement.partner.nameEn;
  return (
    <>
      <h1>{e.title(name)}</h1>
      <p class="lead">{e.lead}</p>
      {p.conflict ? (
        <section class="mb-5" aria-labelledby="conflict-title">
          <h2 id="conflict-title" class="h4">
            {e.conflictTitle}
          </h2>
          <p>{e.conflictLead}</p>
          <ConflictTable
            lang={p.lang}
            rows={p.conflict.fields.map((f) => ({
              name: f,
              label: e.labels[f],
              stored: valueText(f, p.conflict!.stored[f], p.lang, p.units),
              sent: valueText(f, v[f], p.lang, p.units),
            }))}
          />
        </section>
      ) : null}
      <form method="post" action={`/admin/${p.lang}/agreements/${p.agreement.id}/edit`} class="row mt-4">
        <input type="hidden" name="_csrf" value={p.session.csrfToken} />
        <input type="hidden" name="version" value={String(p.version)} />
        {select(
          'kind',
          e.labels.kind,
          AGREEMENT_KINDS.map((k) => [k, KIND_LABELS[k][p.lang]]),
        )}
        {select('unit', e.labels.unit, [
          ['', e.noUnit],
          ...p.units.map((u): [string, string] => [u.slug, p.lang === 'it' ? u.nameIt : u.nameEn]),
        ])}
        {text('signed', e.labels.signed, e.dateHint)}
        {text('signedSource', e.labels.signedSource)}
        {text('ratified', e.labels.ratified, e.dateHint)}
        {text('ratifiedSource', e.labels.ratifiedSource)}
        {text('signedPlace', e.labels.signedPlace)}
        {select('term', e.labels.term, [
          ['permanent', e.permanent],
          ['fixed', e.fixed],
        ])}
        {text('endsOn', e.labels.endsOn, e.endsOnHint)}
        {select(
          'renewal',
          e.labels.renewal,
          RENEWALS.map((r) => [r, e.renewals[r]]),
        )}
        {text('renewalYears', e.labels.renewalYears)}
        <SectorChoices lang={p.lang} chosen={v.sectors} error={err['sectors']} />
        {text('titleIt', e.labels.titleIt)}
        {text('titleEn', e.labels.titleEn)}
        {area('descriptionIt', e.labels.descriptionIt)}
        {area('descriptionEn', e.labels.descriptionEn)}
        {area('sources', e.labels.sources, e.sourcesHint)}
        <div class="col-12 d-flex gap-3">
          <button type="submit" class="btn btn-primary">
            {t.save}
          </button>
          <a class="btn btn-outline-primary" href={`/admin/${p.lang}/agreements/${p.agreement.id}`}>
            {e.cancel}
          </a>
        </div>
      </form>
    </>
  );
}

/** The files kept with an agreement, with an upload form for those who may write. */
export function AttachmentsSection(p: {
  lang: Lang;
  session: Session;
  agreementId: string;
  attachments: AttachmentInfo[];
  canWrite: boolean;
  error?: string | undefined;
}) {
  const t = agreementsStrings(p.lang).attachments;
  const size = (bytes: number) =>
    bytes >= 1024 * 1024
      ? `${formatNumber(Math.round((bytes / 1024 / 1024) * 10) / 10, p.lang)} MB`
      : `${formatNumber(Math.max(1, Math.round(bytes / 1024)), p.lang)} KB`;
  return (
    <section class="mt-5" aria-labelledby="attachments-title">
      <h2 id="attachments-title" class="h4">
        {t.title}
      </h2>
      {p.attachments.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul class="list-unstyled">
          {p.attachments.map((a) => (
            <li key={a.id} class="d-flex align-items-center gap-3 mb-2">
              <a href={`/admin/${p.lang}/attachments/${a.id}`}>{a.filename}</a>
              <span class="text-muted">{`${a.contentType.split('/')[1]?.toUpperCase()}, ${size(a.size)}`}</span>
              {p.canWrite ? (
                <form
                  method="post"
                  action={`/admin/${p.lang}/agreements/${p.agreementId}/attachments/${a.id}/delete`}
                >
                  <input type="hidden" name="_csrf" value={p.session.csrfToken} />
                  <button
                    type="submit"
                    class="btn btn-sm btn-outline-danger"
                    aria-label={t.removeNamed(a.filename)}
                  >
                    {t.remove}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {p.canWrite ? (
        <UploadForm
          action={`/admin/${p.lang}/agreements/${p.agreementId}/attachments`}
          csrfToken={p.session.csrfToken}
          label={t.file}
          accept="application/pdf,image/png,image/jpeg,image/webp"
          hint={t.hint}
          error={p.error}
          submit={t.upload}
          buttonClass="btn btn-outline-primary"
          class="mt-3"
        />
      ) : null}
    </section>
  );
}
