import type { Lang } from '../../../platform/i18n.ts';
import {
  CONTINENT_LABELS,
  CONTINENT_ORDER,
  type ContinentCode,
  KIND_LABELS,
  KIND_PLURALS,
  SECTOR_LABELS,
  STATUS_LABELS,
} from '../../agreements/agreements.labels.ts';
import {
  AGREEMENT_KINDS,
  type Agreement,
  type AgreementKind,
  SECTORS,
  type Sector,
  STATUSES,
  type Status,
} from '../../agreements/agreements.schemas.ts';
import { partnershipPath, sectionPath } from '../portal.paths.ts';
import {
  agreementDate,
  countryName,
  effectiveStatus,
  partnerName,
  reasonOf,
  StatusBadge,
  statusEvent,
  VerifyBadge,
} from './common.tsx';
import { s } from './portal.strings.ts';

export interface PartnershipFilters {
  kind?: AgreementKind | undefined;
  status?: Status | undefined;
  continent?: ContinentCode | undefined;
  sector?: Sector | undefined;
  group: 'continent' | 'kind';
}

/** Reads the filters of the query string; values that are not valid are dropped and named. */
export function readFilters(query: Record<string, unknown>): {
  filters: PartnershipFilters;
  invalid: string[];
} {
  const invalid: string[] = [];
  const pick = <T extends string>(name: string, allowed: readonly T[]): T | undefined => {
    const v = query[name];
    if (v === undefined || v === '') return undefined;
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    invalid.push(name);
    return undefined;
  };
  const filters: PartnershipFilters = {
    kind: pick('kind', AGREEMENT_KINDS),
    status: pick('status', STATUSES),
    continent: pick('continent', CONTINENT_ORDER),
    sector: pick('sector', SECTORS),
    group: pick('group', ['continent', 'kind'] as const) ?? 'continent',
  };
  return { filters, invalid };
}

/** The canonical query string of a set of filters, for cache keys and links. */
export function filtersQuery(f: PartnershipFilters): string {
  const q = new URLSearchParams();
  for (const k of ['kind', 'status', 'continent', 'sector'] as const) if (f[k]) q.set(k, f[k]!);
  if (f.group !== 'continent') q.set('group', f.group);
  const str = q.toString();
  return str ? `?${str}` : '';
}

export function applyFilters(list: Agreement[], f: PartnershipFilters): Agreement[] {
  return list.filter(
    (a) =>
      (!f.kind || a.kind === f.kind) &&
      (!f.status || effectiveStatus(a) === f.status) &&
      (!f.continent || a.partner.country?.continent === f.continent) &&
      (!f.sector || a.sectors.includes(f.sector)),
  );
}

function Select<T extends string>(p: {
  name: string;
  label: string;
  any: string;
  value: T | undefined;
  options: readonly T[];
  labelOf: (v: T) => string;
}) {
  const id = `f-${p.name}`;
  return (
    <div class="select-wrapper col-md-3 mb-3">
      <label for={id}>{p.label}</label>
      <select id={id} name={p.name}>
        <option value="">{p.any}</option>
        {p.options.map((o) => (
          <option key={o} value={o} selected={o === p.value}>
            {p.labelOf(o)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Partnerships(p: {
  institution: string;
  all: Agreement[];
  filters: PartnershipFilters;
  invalid: string[];
  lang: Lang;
}) {
  const { lang, filters: f } = p;
  const t = s(lang).partnerships;
  const list = applyFilters(p.all, f);
  const groups = new Map<string, Agreement[]>();
  for (const a of list) {
    const key = f.group === 'kind' ? a.kind : (a.partner.country?.continent ?? '');
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  const order: string[] = f.group === 'kind' ? [...AGREEMENT_KINDS] : [...CONTINENT_ORDER, ''];
  const heading = (key: string) =>
    f.group === 'kind'
      ? KIND_PLURALS[key as AgreementKind][lang]
      : (CONTINENT_LABELS[key as ContinentCode]?.[lang] ??
        (lang === 'it' ? 'Organizzazioni' : 'Organisations'));
  const usedContinents = CONTINENT_ORDER.filter((c) => p.all.some((a) => a.partner.country?.continent === c));
  const usedKinds = AGREEMENT_KINDS.filter((k) => p.all.some((a) => a.kind === k));
  return (
    <div class="container my-4">
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      {p.invalid.length > 0 ? (
        <div class="alert alert-warning" role="alert">
          {p.invalid.map((name) => (
            <p key={name} class="mb-0">
              {t.invalid(name)}
            </p>
          ))}
        </div>
      ) : null}
      {p.all.length === 0 ? <p>{s(lang).overview.nothingYet}</p> : null}
      {p.all.length > 0 ? (
        <form method="get" class="ponte-filters my-4" aria-labelledby="filters-title">
          <h2 id="filters-title" class="h4 mb-4">
            {t.filters}
          </h2>
          <div class="row">
            <Select
              name="kind"
              label={t.kind}
              any={t.any}
              value={f.kind}
              options={usedKinds}
              labelOf={(k) => KIND_LABELS[k][lang]}
            />
            <Select
              name="status"
              label={t.status}
              any={t.any}
              value={f.status}
              options={STATUSES}
              labelOf={(k) => STATUS_LABELS[k][lang]}
            />
            <Select
              name="continent"
              label={t.continent}
              any={t.any}
              value={f.continent}
              options={usedContinents}
              labelOf={(k) => CONTINENT_LABELS[k][lang]}
            />
            <Select
              name="sector"
              label={t.sector}
              any={t.any}
              value={f.sector}
              options={SECTORS}
              labelOf={(k) => SECTOR_LABELS[k][lang]}
            />
          </div>
          <fieldset class="mb-3">
            <legend class="h6">{t.group}</legend>
            {(['continent', 'kind'] as const).map((g) => (
              <div key={g} class="form-check form-check-inline">
                <input type="radio" id={`group-${g}`} name="group" value={g} checked={f.group === g} />
                <label for={`group-${g}`}>{g === 'kind' ? t.groupKind : t.groupContinent}</label>
              </div>
            ))}
          </fieldset>
          <button type="submit" class="btn btn-primary me-3">
            {t.apply}
          </button>
          <a href={sectionPath(p.institution, lang, 'partnerships')}>{t.reset}</a>
        </form>
      ) : null}

      {p.all.length > 0 ? (
        <p role="status" class="fw-semibold">
          {t.count(list.length)}
        </p>
      ) : null}
      {list.length === 0 && p.all.length > 0 ? <p>{t.none}</p> : null}
      {order
        .filter((key) => groups.has(key))
        .map((key) => (
          <section key={key} aria-labelledby={`g-${key || 'org'}`} class="mb-4">
            <h2 id={`g-${key || 'org'}`} class="h3">
              {heading(key)} <span class="text-muted fs-6">({groups.get(key)!.length})</span>
            </h2>
            <ul class="list-unstyled">
              {groups.get(key)!.map((a) => {
                const ev = a.status !== 'active' ? statusEvent(a) : undefined;
                const reason = ev ? reasonOf(ev, lang) : null;
                return (
                  <li key={a.id} class="border-bottom py-2">
                    <a href={partnershipPath(p.institution, lang, a)} class="fw-semibold">
                      {partnerName(a, lang)}
                    </a>
                    {a.partner.country ? <span>, {countryName(a, lang)}</span> : null}
                    <br />
                    <span>
                      {KIND_LABELS[a.kind][lang]} · {agreementDate(a, lang)} ·{' '}
                      <StatusBadge a={a} lang={lang} />
                      {a.toVerify ? ' · ' : null}
                      <VerifyBadge a={a} lang={lang} />
                    </span>
                    {reason ? <p class="mb-0 small">{reason}</p> : null}
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
    </div>
  );
}
