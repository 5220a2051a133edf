// The pieces every back-office record list and record page is built of: a list's address with its filters,
// numbered pages, the GET filter form, a record's facts, and dates, names and links as the pages write them.
import { type ComponentChildren, Fragment } from 'preact';
import type { Lang } from '../../platform/i18n.ts';
import { DataLink } from '../data-link.tsx';
import type { Values } from './forms.tsx';
import { backofficeStrings } from './strings.ts';

export const locale = (lang: Lang) => (lang === 'it' ? 'it-IT' : 'en-GB');
export const day = (iso: string, lang: Lang) => new Date(iso).toLocaleDateString(locale(lang));
export const nameIn = (x: { nameIt: string; nameEn: string }, lang: Lang) =>
  lang === 'it' ? x.nameIt : x.nameEn;

export function listHref(base: string, params: Values, page?: number): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) query.set(k, v);
  if (page && page > 1) query.set('page', String(page));
  const text = query.toString();
  return text ? `${base}?${text}` : base;
}

/** The pages of a list as numbered links (with the first, the last and those around the current one). */
export function Pagination(p: { lang: Lang; base: string; params: Values; page: number; pages: number }) {
  const t = backofficeStrings(p.lang);
  if (p.pages <= 1) return null;
  const shown = [...new Set([1, p.page - 2, p.page - 1, p.page, p.page + 1, p.page + 2, p.pages])]
    .filter((n) => n >= 1 && n <= p.pages)
    .sort((a, b) => a - b);
  const items: ComponentChildren[] = [];
  shown.forEach((n, i) => {
    if (i > 0 && n - shown[i - 1]! > 1) {
      items.push(
        <li class="page-item" key={`gap-${n}`} aria-hidden="true">
          <span class="page-link">…</span>
        </li>,
      );
    }
    items.push(
      <li class="page-item" key={n}>
        <a
          class="page-link"
          href={listHref(p.base, p.params, n)}
          aria-current={n === p.page ? 'page' : undefined}
        >
          <span class="visually-hidden">{`${t.page} `}</span>
          {String(n)}
        </a>
      </li>,
    );
  });
  return (
    <nav class="pagination-wrapper mt-4" aria-label={t.pagination}>
      <ul class="pagination flex-wrap">
        {p.page > 1 ? (
          <li class="page-item">
            <a class="page-link" href={listHref(p.base, p.params, p.page - 1)} rel="prev">
              {`‹ ${t.previous}`}
            </a>
          </li>
        ) : null}
        {items}
        {p.page < p.pages ? (
          <li class="page-item">
            <a class="page-link" href={listHref(p.base, p.params, p.page + 1)} rel="next">
              {`${t.next} ›`}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** The filter form of a list: a search box, selects, the order, and a button; it submits with GET. */
export function ListFilters(p: {
  lang: Lang;
  action: string;
  search: { label: string; value: string };
  selects: { name: string; label: string; value: string; options: { value: string; label: string }[] }[];
}) {
  const t = backofficeStrings(p.lang);
  return (
    <form method="get" action={p.action} class="row my-4 align-items-end">
      <div class="form-group col-md-4">
        <label class="active" for="q">
          {p.search.label}
        </label>
        <input class="form-control" type="search" id="q" name="q" value={p.search.value} />
      </div>
      {p.selects.map((s) => (
        <div class="select-wrapper col-md-2 mb-5" key={s.name}>
          <label for={`l-${s.name}`}>{s.label}</label>
          <select id={`l-${s.name}`} name={s.name}>
            {s.options.map((o) => (
              <option key={o.value} value={o.value} selected={o.value === s.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div class="col-md-2 mb-5">
        <button type="submit" class="btn btn-primary">
          {t.apply}
        </button>
      </div>
    </form>
  );
}

/** A definition list of a record's facts; empty values show as a dash. */
export function Facts(p: { rows: [label: string, value: ComponentChildren][] }) {
  return (
    <dl class="row">
      {p.rows.map(([label, value]) => (
        <Fragment key={label}>
          <dt class="col-sm-4">{label}</dt>
          <dd class="col-sm-8">{value === null || value === undefined || value === '' ? '—' : value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}

/** A web address as a link (as text if it is not one a page may link); null (a dash) when there is none. */
export const website = (href: string | null) =>
  href ? (
    <DataLink href={href} rel="noopener noreferrer">
      {href}
    </DataLink>
  ) : null;

/** A record's sources as links, each with what it says. */
export function SourceList(p: { sources: readonly { url: string; title?: string; note?: string }[] }) {
  return (
    <ul class="mb-0">
      {p.sources.map((s) => (
        <li key={s.url}>
          <DataLink href={s.url} rel="noopener noreferrer">
            {s.title ?? s.url}
          </DataLink>
          {s.note ? ` — ${s.note}` : ''}
        </li>
      ))}
    </ul>
  );
}

// ── Counterparts ────────────────────────────────────────────────────────────────────────────────────────
