// The audit history, drawn one way everywhere in the back-office: a record's history (an agreement, a
// partner, a unit, a network, a membership) and the institution's change log. Fields and operations are named
// in the page's language, bookkeeping keys are left out, a creation or deletion lists its values and a change
// shows "before → after". The CSV export of the log keeps the raw entries; this is only how a page shows them.

import type { Precision } from '../../../platform/dates.ts';
import { formatDate, formatNumber, type Lang } from '../../../platform/i18n.ts';
import { linkKindWords } from '../../../views/backoffice/links.tsx';
import { backofficeStrings } from '../../../views/backoffice/strings.ts';
import { DataTable } from '../../../views/backoffice/tables.tsx';
import { amountFormatter } from '../../../views/charts.tsx';
import {
  agreementsStrings,
  KIND_LABELS,
  SECTOR_LABELS,
  STATUS_LABELS,
} from '../../agreements/agreements.labels.ts';
import { COUNTERPART_WORDS } from '../../counterparts/counterparts.schemas.ts';
import { ORGANISATION_WORDS } from '../../organisations/organisations.schemas.ts';
import { countryByCode } from '../../places/places.service.ts';
import type { AuditEntry, RecordNames } from '../audit.service.ts';
import { auditStrings } from '../audit.strings.ts';
import { itemChanges, itemsOf, listText } from './parts.ts';
import { recordWords } from './record-words.ts';

type Snapshot = Record<string, unknown>;

const isSnapshot = (v: unknown): v is Snapshot => !!v && typeof v === 'object' && !Array.isArray(v);

/** Keys of audit snapshots that are bookkeeping (ids, versions, search text, timestamps, counts), not what a person changed. */
export const NOT_SHOWN: ReadonlySet<string> = new Set([
  'id',
  'version',
  'createdAt',
  'updatedAt',
  'searchText',
  'institution',
  'networkId',
  'attachment',
  'position',
  'usage',
  'agreements',
  'precision',
  'linkId',
  'recordId',
]);

/**
 * The order fields are listed in, as the forms have them (the database keeps a snapshot's keys in its own
 * order); keys not named here come after, as they are.
 */
const ORDER = [
  'kind',
  'partner',
  'slug',
  'acronym',
  'nameIt',
  'nameEn',
  'status',
  'statusSince',
  'event',
  'unit',
  'unitId',
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
  'remitIt',
  'remitEn',
  'head',
  'since',
  'roleIt',
  'roleEn',
  'workingGroups',
  'annualFee',
  'feeCurrency',
  'website',
  'country',
  'place',
  'notes',
  'sources',
  'alternativeDates',
  'statusHistory',
  'published',
  'email',
  'name',
  'role',
  'scope',
  'platformAdmin',
  'filename',
  'type',
  'size',
];

const rank = (key: string) => {
  const i = ORDER.indexOf(key);
  return i === -1 ? ORDER.length : i;
};

/** Values longer than this are cut, with an ellipsis. */
const MAX_VALUE = 120;

const shorten = (text: string) => (text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 3)}…` : text);

/** Keys whose values are dates (a full or partial ISO date, or a date with its precision). */
const DATE_KEYS = new Set([
  'signed',
  'ratified',
  'startsOn',
  'endsOn',
  'statusSince',
  'since',
  'date',
  'submittedOn',
  'decidedOn',
  'dueOn',
  'doneOn',
]);

/** Keys whose values are amounts of the record's currency (a project's budget and the institution's share). */
const MONEY_KEYS = new Set(['totalBudget', 'ownShare']);

/** A country's two-letter code in the page's language ("SN" → "Senegal"); any other text as it is. */
function countryText(value: string, lang: Lang): string {
  const c = /^[A-Z]{2}$/.test(value) ? countryByCode(value) : undefined;
  return (lang === 'it' ? c?.nameIt : c?.nameEn) ?? value;
}

/** An agreement's nested facts as the edit form has them: the date and its source, the term, its end and renewal. */
function flatten(entity: string, snapshot: Snapshot): Snapshot {
  if (entity !== 'agreement') return snapshot;
  const out: Snapshot = {};
  for (const [key, value] of Object.entries(snapshot)) {
    if ((key === 'signed' || key === 'ratified') && isSnapshot(value)) {
      out[key] = value['date'] ?? null;
      out[`${key}Source`] = value['source'] ?? null;
    } else if (key === 'term' && isSnapshot(value)) {
      out['term'] = value['type'] ?? null;
      out['endsOn'] = value['endsOn'] ?? null;
      out['renewal'] = value['renewal'] ?? null;
      out['renewalYears'] = value['renewalYears'] ?? null;
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** The name of a field of an audited record, as the forms label it. */
export function fieldLabel(entity: string, key: string, lang: Lang): string {
  const t = agreementsStrings(lang);
  const r = backofficeStrings(lang);
  const c = COUNTERPART_WORDS[lang];
  const own: Record<string, string> =
    entity === 'agreement'
      ? t.edit.labels
      : entity === 'counterpart'
        ? { kind: c.kind, type: c.kind, place: c.place }
        : entity === 'membership'
          ? { unit: r.labels['unitId'] ?? key }
          : {};
  const common: Record<string, string> = {
    status: t.status,
    partner: t.partner,
    published: t.published,
    toVerify: t.toVerify,
    statusHistory: t.history,
    email: t.email,
    role: t.role,
    name: t.name,
    scope: t.scope,
  };
  return (
    own[key] ??
    recordWords(entity, lang)?.labels[key] ??
    auditStrings(lang).fields[key] ??
    common[key] ??
    r.labels[key] ??
    key
  );
}

/** A date written as YYYY, YYYY-MM or YYYY-MM-DD in words, at its precision. */
function dateText(value: string, lang: Lang): string {
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(value)) return value;
  const precision: Precision = value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day';
  return formatDate(value, precision, lang) ?? value;
}

/** A coded value in words (kinds, statuses, sectors, terms, roles), or undefined when the key has no words. */
function wordOf(entity: string, key: string, value: string, lang: Lang): string | undefined {
  const t = agreementsStrings(lang);
  // A partner's city or organisation: `type` since the API has one shape for it, `kind` in older entries.
  if (entity === 'counterpart' && (key === 'type' || key === 'kind'))
    return COUNTERPART_WORDS[lang].kinds[value];
  if (entity === 'organisation' && key === 'kind') return ORGANISATION_WORDS[lang].kinds[value];
  if (entity === 'organisation' && key === 'postKind') return ORGANISATION_WORDS[lang].postKinds[value];
  const own = recordWords(entity, lang)?.values[key];
  if (own) return own[value];
  switch (key) {
    case 'kind':
      return entity === 'counterpart'
        ? COUNTERPART_WORDS[lang].kinds[value]
        : KIND_LABELS[value as keyof typeof KIND_LABELS]?.[lang];
    case 'status':
      return STATUS_LABELS[value as keyof typeof STATUS_LABELS]?.[lang];
    case 'sectors':
      return SECTOR_LABELS[value as keyof typeof SECTOR_LABELS]?.[lang];
    case 'term':
      return value === 'permanent' ? t.edit.permanent : value === 'fixed' ? t.edit.fixed : undefined;
    case 'renewal':
      return (t.edit.renewals as Record<string, string>)[value];
    case 'role':
      return t.roles[value];
    case 'scope':
      return t.scopes[value];
    default:
      return undefined;
  }
}

/** A value of an audited record in words: dates at their precision, codes and names in the page's language. */
function plain(entity: string, key: string, value: unknown, lang: Lang, currency = 'EUR'): string {
  const t = agreementsStrings(lang);
  if (value === null || value === undefined || value === '') return '—';
  const items = itemsOf(value, lang, currency);
  if (items) return listText(items);
  if (typeof value === 'boolean') return value ? t.yes : t.no;
  if (typeof value === 'number') {
    if (key === 'size') return `${formatNumber(Math.max(1, Math.round(value / 1024)), lang)} KB`;
    return String(value);
  }
  if (typeof value === 'string') {
    if (MONEY_KEYS.has(key) && /^-?\d+(\.\d+)?$/.test(value)) return amountFormatter(lang, currency)(value);
    if (key === 'country' || key === 'countries') return countryText(value, lang);
    return wordOf(entity, key, value, lang) ?? (DATE_KEYS.has(key) ? dateText(value, lang) : value);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '—';
    return value.map((v) => plain(entity, key, v, lang)).join(key === 'statusHistory' ? '; ' : ', ');
  }
  if (isSnapshot(value)) {
    const o = value;
    const text = (k: string) => plain(entity, k, o[k], lang);
    if (typeof o['status'] === 'string') {
      // A status event: the status, whether the motion was rejected, its date, act and reason.
      const reason = lang === 'it' ? o['reasonIt'] : o['reasonEn'];
      return [
        `${text('status')}${o['outcome'] === 'rejected' ? ` (${t.rejected})` : ''}`,
        ...[o['date'] ? text('date') : '', o['act'] ? text('act') : '', reason ? String(reason) : ''],
      ]
        .filter(Boolean)
        .join(' — ');
    }
    if (typeof o['field'] === 'string' && 'date' in o) {
      // A date that another source gives differently.
      const date =
        'precision' in o ? formatDate(o['date'] as string | null, o['precision'] as Precision, lang) : null;
      const source = o['source'] ? ` (${String(o['source'])})` : '';
      return `${fieldLabel(entity, o['field'], lang)}: ${date ?? text('date')}${source}`;
    }
    if ('precision' in o && 'date' in o) {
      return formatDate(o['date'] as string | null, o['precision'] as Precision, lang) ?? '—';
    }
    if (typeof o['url'] === 'string') {
      const note = o['note'] ?? o['title'];
      return note ? `${o['url']} (${String(note)})` : o['url'];
    }
    if (typeof o['nameIt'] === 'string' && typeof o['nameEn'] === 'string') {
      return lang === 'it' ? o['nameIt'] : o['nameEn'];
    }
    if (typeof o['name'] === 'string') return o['name'];
    if (typeof o['latitude'] === 'number' && typeof o['longitude'] === 'number') {
      return `${o['latitude']}, ${o['longitude']}`;
    }
  }
  return JSON.stringify(value);
}

/** Linking a person or an objective to a record, and undoing it: the entry is the record linked. */
const LINK_ACTIONS = new Set([
  'add_person_link',
  'remove_person_link',
  'add_objective_link',
  'remove_objective_link',
]);

/**
 * A linked record in one line, "Visita: Delegazione di Kyoto (10 maggio 2023)", with whether a role was
 * written (a person's link); an entry that kept no name (an early unlinking) says only that a link went.
 */
function linkText(snapshot: unknown, lang: Lang): string {
  const t = auditStrings(lang);
  const s = isSnapshot(snapshot) ? snapshot : {};
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  // Entries name the record as `label` (Italian) and `labelEn`; the first objective links kept `labelIt`.
  const italian = text(s['label']) ?? text(s['labelIt']);
  const name = lang === 'en' ? (text(s['labelEn']) ?? italian) : italian;
  if (typeof s['kind'] !== 'string' || !name) return t.someLink;
  const kind = (linkKindWords(lang).kinds as Record<string, string>)[s['kind']] ?? s['kind'];
  const day = typeof s['day'] === 'string' ? formatDate(s['day'], 'day', lang) : null;
  const role = Array.isArray(s['given']) && s['given'].length > 0 ? `, ${t.withRole}` : '';
  return `${kind}: ${name}${day ? ` (${day})` : ''}${role}`;
}

/**
 * What an audit entry changed, field by field, in the page's language: every value of a creation or a
 * deletion (and of a field only one side has), and "before → after" for each field a change touched.
 */
export function changesOf(
  entry: AuditEntry,
  lang: Lang,
  labelOf: (key: string) => string = (key) => fieldLabel(entry.entity, key, lang),
): string[] {
  const link = LINK_ACTIONS.has(entry.action)
    ? linkText(entry.action.startsWith('add') ? entry.after : entry.before, lang)
    : undefined;
  if (link) return [link];
  const before = isSnapshot(entry.before) ? flatten(entry.entity, entry.before) : {};
  const after = isSnapshot(entry.after) ? flatten(entry.entity, entry.after) : {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((k) => !NOT_SHOWN.has(k))
    .sort((a, b) => rank(a) - rank(b));
  const currency = String(after['currency'] ?? before['currency'] ?? 'EUR');
  const out: string[] = [];
  for (const key of keys) {
    const parts =
      key in before && key in after ? itemChanges(before[key], after[key], lang, currency) : undefined;
    if (parts) {
      // One item's line is whole (a year's six amounts): only a value of the record itself is cut short.
      for (const p of parts) out.push(`${labelOf(key)}, ${p.title}: ${p.before} → ${p.after}`);
      continue;
    }
    // A list only one side has (a creation, a deletion): an item a line, whole, as a change shows them.
    const only = key in before ? (key in after ? undefined : before[key]) : after[key];
    const items = only === undefined ? undefined : itemsOf(only, lang, currency);
    if (items) {
      for (const i of items) out.push(`${labelOf(key)}, ${i.title}: ${i.text}`);
      continue;
    }
    const b = plain(entry.entity, key, before[key], lang, currency);
    const a = plain(entry.entity, key, after[key], lang, currency);
    if (!(key in before)) {
      if (a !== '—') out.push(`${labelOf(key)}: ${shorten(a)}`);
    } else if (!(key in after)) {
      if (b !== '—') out.push(`${labelOf(key)}: ${shorten(b)}`);
    } else if (a !== b) {
      out.push(`${labelOf(key)}: ${shorten(b)} → ${shorten(a)}`);
    }
  }
  return out;
}

const moments = {
  it: new Intl.DateTimeFormat('it-IT', { dateStyle: 'medium', timeStyle: 'short' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }),
};

/** When an entry was written, in the page's language. */
function momentOf(at: string, lang: Lang): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : moments[lang].format(date);
}

/** The back-office address of each record type that has a page of its own, under /admin/{lang}/. */
const RECORD_PAGES: Record<string, string> = {
  agreement: 'agreements',
  counterpart: 'counterparts',
  unit: 'units',
  network: 'networks',
  membership: 'memberships',
  visit: 'visits',
  mission: 'missions',
  meeting: 'meetings',
  gift: 'gifts',
  organisation: 'organisations',
  person: 'people',
  objective: 'plan',
  project: 'projects',
  event: 'events',
  dossier: 'dossiers',
};

/**
 * The record an entry is about, by its title in the page's language ("Gemellaggio con Lione"), linked to its
 * page when it has one; a record since deleted says so with its short id. Without names, its kind and short id.
 */
function RecordCell({
  entry,
  names,
  lang,
}: {
  entry: AuditEntry;
  names?: RecordNames | undefined;
  lang: Lang;
}) {
  const t = auditStrings(lang);
  const kind = t.entities[entry.entity] ?? entry.entity;
  const short = entry.entityId.slice(0, 8);
  if (!names?.nameable.has(entry.entity)) {
    return (
      <>
        {kind} <code>{short}</code>
      </>
    );
  }
  const found = names.known.get(`${entry.entity}:${entry.entityId}`);
  // A user is not deleted but may have left the institution: its staff no longer see the account.
  if (!found) return <>{`${kind}: ${entry.entity === 'user' ? t.noLongerHere(short) : t.deleted(short)}`}</>;
  const name = lang === 'it' ? found.nameIt : found.nameEn;
  const kindLabel = found.kind ? KIND_LABELS[found.kind as keyof typeof KIND_LABELS]?.[lang] : undefined;
  const title =
    entry.entity === 'agreement'
      ? t.agreementTitle(kindLabel ?? kind, name)
      : entry.entity === 'membership'
        ? t.membershipTitle(name)
        : name;
  const page = RECORD_PAGES[entry.entity];
  const prefix = entry.entity === 'agreement' || entry.entity === 'membership' ? '' : `${kind}: `;
  return (
    <>
      {prefix}
      {page ? <a href={`/admin/${lang}/${page}/${entry.entityId}`}>{title}</a> : title}
    </>
  );
}

/** Up to this many changes show as a list; more fold into a summary that opens. */
const OPEN_CHANGES = 3;

/**
 * Audit entries as a table: when, who, the operation and what changed. `variant: 'record'` is one record's
 * history; `'log'` is the institution's log, with a column naming each record (by its title when `names` are
 * given, else its kind and short id). With a heading, the table comes in its own section.
 */
export function AuditTable(p: {
  lang: Lang;
  rows: AuditEntry[];
  variant: 'record' | 'log';
  heading?: string | undefined;
  names?: RecordNames | undefined;
}) {
  const t = auditStrings(p.lang);
  const log = p.variant === 'log';
  const table =
    p.rows.length === 0 ? (
      <p>{t.none}</p>
    ) : (
      <DataTable
        caption={t.caption}
        tableClass="ponte-stacked"
        columns={[t.when, t.who, log ? t.record : null, t.action, t.changes]}
      >
        {p.rows.map((r, i) => {
          const changes = changesOf(r, p.lang);
          const list = (
            <ul class="list-unstyled mb-0">
              {changes.map((c, j) => (
                <li key={`${j}-${c}`}>{c}</li>
              ))}
            </ul>
          );
          return (
            <tr key={`${r.at}-${r.entityId}-${i}`}>
              <td data-label={t.when}>{momentOf(r.at, p.lang)}</td>
              <td data-label={t.who}>{t.actors[r.actor] ?? r.actor}</td>
              {log ? (
                <td data-label={t.record}>
                  <RecordCell entry={r} names={p.names} lang={p.lang} />
                </td>
              ) : null}
              <td data-label={t.action}>{t.actions[r.action] ?? r.action}</td>
              <td data-label={t.changes}>
                {changes.length === 0 ? null : changes.length <= OPEN_CHANGES ? (
                  list
                ) : (
                  <details>
                    <summary>{t.fieldsChanged(changes.length)}</summary>
                    {list}
                  </details>
                )}
              </td>
            </tr>
          );
        })}
      </DataTable>
    );
  if (!p.heading) return table;
  return (
    <section class="mt-5" aria-labelledby="history-title">
      <h2 class="h4" id="history-title">
        {p.heading}
      </h2>
      {table}
    </section>
  );
}
