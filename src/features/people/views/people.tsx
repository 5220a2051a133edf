// The back-office pages of the contacts register's people: the list (search in any script, an organisation, a
// language), a person's page (what the reader's role may not see said so, the legal basis and the review, the
// roles over time, export and erasure), the fields of the person's and the role's forms, and an organisation's
// people (a post's history) for the organisation's page.
import { formatDate, type Lang } from '../../../platform/i18n.ts';
import { languageName } from '../../../platform/languages.ts';
import { ContactsTabs } from '../../../views/backoffice/contacts.tsx';
import { ActionForm, type FieldSpec, type Values } from '../../../views/backoffice/forms.tsx';
import { Facts, ListFilters, Pagination, day as updatedDay } from '../../../views/backoffice/lists.tsx';
import { backofficeStrings } from '../../../views/backoffice/strings.ts';
import { DataTable } from '../../../views/backoffice/tables.tsx';
import type { Session } from '../../accounts/accounts.service.ts';
import type { AuditEntry } from '../../audit/audit.service.ts';
import { AuditTable } from '../../audit/views/history.tsx';
import type { LinkTarget, PersonLink } from '../people.links.ts';
import { LEGAL_BASES, PERSONAL_FIELDS, VISIBILITIES } from '../people.rules.ts';
import type { PersonRecord, PersonRole } from '../people.schemas.ts';
import { peopleStrings } from '../people.strings.ts';
import { PersonLinks } from './links.tsx';

export const PERSON_FIELDS = [
  'name',
  'honorific',
  'languages',
  'preferredLanguage',
  'email',
  'phone',
  'address',
  'notes',
  'visibility',
  'emailVisibility',
  'phoneVisibility',
  'addressVisibility',
  'notesVisibility',
  'legalBasis',
  'consentOn',
  'consentText',
  'reviewOn',
] as const;

export const ROLE_FIELDS = ['organisationId', 'titleIt', 'titleEn', 'head', 'startsOn', 'endsOn'] as const;

const dayText = (iso: string | null, lang: Lang) => (iso ? (formatDate(iso, 'day', lang) ?? iso) : '');
const orgName = (o: { nameIt: string; nameEn: string | null }, lang: Lang) =>
  lang === 'en' && o.nameEn ? o.nameEn : o.nameIt;
export const roleTitle = (r: Pick<PersonRole, 'titleIt' | 'titleEn'>, lang: Lang) =>
  lang === 'en' && r.titleEn ? r.titleEn : r.titleIt;

/** The record as its form shows it: languages by their names in the page's language. */
export const personValues = (p: PersonRecord, lang: Lang): Values => ({
  name: p.name,
  honorific: p.honorific ?? '',
  languages: p.languages.map((l) => languageName(l, lang)).join(', '),
  preferredLanguage: p.preferredLanguage ? languageName(p.preferredLanguage, lang) : '',
  email: p.email ?? '',
  phone: p.phone ?? '',
  address: p.address ?? '',
  notes: p.notes ?? '',
  visibility: p.visibility,
  emailVisibility: p.fieldVisibility.email,
  phoneVisibility: p.fieldVisibility.phone,
  addressVisibility: p.fieldVisibility.address,
  notesVisibility: p.fieldVisibility.notes,
  legalBasis: p.legalBasis,
  consentOn: p.consentOn ?? '',
  consentText: p.consentText ?? '',
  reviewOn: p.reviewOn,
});

export const roleValues = (r: PersonRole): Values => ({
  organisationId: r.organisation.id,
  titleIt: r.titleIt,
  titleEn: r.titleEn ?? '',
  head: r.head ? 'yes' : '',
  startsOn: r.startsOn ?? '',
  endsOn: r.endsOn ?? '',
});

/** The person's form; a personal field the writer may not see is left out (the service keeps its value). */
export function personSpecs(lang: Lang, withheld: readonly string[] = []): FieldSpec[] {
  const s = peopleStrings(lang);
  const visibility = (name: string): FieldSpec => ({
    name,
    kind: 'select',
    options: VISIBILITIES.map((v) => ({ value: v, label: s.visibilities[v] })),
  });
  const personal = (spec: FieldSpec, field: (typeof PERSONAL_FIELDS)[number]): FieldSpec[] =>
    withheld.includes(field) ? [] : [spec, visibility(`${field}Visibility`)];
  const g = s.formGroups;
  const grouped = (group: string, specs: FieldSpec[]) => specs.map((spec) => ({ ...spec, group }));
  return [
    ...grouped(g.who, [
      { name: 'name', required: true, autoComplete: 'off' },
      { name: 'honorific' },
      { name: 'languages', label: s.languages },
      { name: 'preferredLanguage' },
    ]),
    ...grouped(g.contact, [
      ...personal({ name: 'email', kind: 'email', autoComplete: 'off' }, 'email'),
      ...personal({ name: 'phone', kind: 'tel', autoComplete: 'off' }, 'phone'),
      ...personal({ name: 'address', autoComplete: 'off' }, 'address'),
    ]),
    ...grouped(g.notes, personal({ name: 'notes', kind: 'textarea' }, 'notes')),
    ...grouped(g.privacy, [
      visibility('visibility'),
      {
        name: 'legalBasis',
        kind: 'select',
        required: true,
        options: LEGAL_BASES.map((b) => ({ value: b, label: s.legalBases[b] })),
      },
      { name: 'consentOn', kind: 'date' },
      { name: 'consentText', kind: 'textarea' },
      { name: 'reviewOn', kind: 'date' },
    ]),
  ];
}

export function roleSpecs(
  lang: Lang,
  organisations: { id: string; nameIt: string; nameEn: string | null }[],
): FieldSpec[] {
  const s = peopleStrings(lang);
  return [
    {
      name: 'organisationId',
      kind: 'select',
      required: true,
      options: [
        { value: '', label: s.chooseOrganisation },
        ...organisations
          .map((o) => ({ value: o.id, label: orgName(o, lang) }))
          .sort((a, b) => a.label.localeCompare(b.label, lang)),
      ],
    },
    {
      name: 'titleIt',
      required: true,
      label: lang === 'it' ? 'Incarico, in italiano' : 'Role, in Italian',
      hint: lang === 'it' ? 'Per esempio «Console generale».' : 'E.g. "Console generale".',
    },
    {
      name: 'titleEn',
      label: lang === 'it' ? 'Incarico, in inglese' : 'Role, in English',
      hint: lang === 'it' ? 'Per esempio «Consul General». Facoltativo.' : 'E.g. "Consul General". Optional.',
    },
    {
      name: 'head',
      kind: 'select',
      label: s.head,
      hint:
        lang === 'it'
          ? 'Il capo della sede compare nella rubrica del portale, se la persona è visibile a tutti.'
          : 'The head of post appears in the portal directory, if the person is visible to everyone.',
      options: [
        { value: '', label: s.no },
        { value: 'yes', label: s.yes },
      ],
    },
    {
      name: 'startsOn',
      kind: 'date',
      label: s.from,
      hint: lang === 'it' ? 'Facoltativa.' : 'Optional.',
    },
    {
      name: 'endsOn',
      kind: 'date',
      label: lang === 'it' ? 'Fino al' : 'Until',
      hint:
        lang === 'it'
          ? 'Lascia vuoto finché l’incarico è in corso.'
          : 'Leave it empty while the role is held.',
    },
  ];
}

export interface PersonFilters {
  q: string;
  organisationId: string;
  language: string;
}

export function PersonListView(p: {
  lang: Lang;
  data: { items: PersonRecord[]; total: number; page: number; pages: number };
  organisations: { id: string; nameIt: string; nameEn: string | null }[];
  filters: PersonFilters;
  canWrite: boolean;
}) {
  const t = backofficeStrings(p.lang);
  const s = peopleStrings(p.lang);
  const base = `/admin/${p.lang}/people`;
  return (
    <>
      <ContactsTabs lang={p.lang} current="people" />
      <h1>{s.title}</h1>
      <p class="lead">{s.lead}</p>
      {p.canWrite ? (
        <p>
          <a class="btn btn-primary" href={`${base}/new`}>
            {s.add}
          </a>
        </p>
      ) : null}
      <ListFilters
        lang={p.lang}
        action={base}
        search={{ label: s.search, value: p.filters.q }}
        selects={[
          {
            name: 'organisationId',
            label: s.organisation,
            value: p.filters.organisationId,
            options: [
              { value: '', label: s.anyOrganisation },
              ...p.organisations
                .map((o) => ({ value: o.id, label: orgName(o, p.lang) }))
                .sort((a, b) => a.label.localeCompare(b.label, p.lang)),
            ],
          },
        ]}
      />
      <p role="status">{t.results(p.data.total, p.data.page, p.data.pages)}</p>
      <DataTable caption={s.caption} columns={[s.nameColumn, s.rolesColumn, s.languages, s.visibilityColumn]}>
        {p.data.items.map((r) => (
          <tr key={r.id}>
            <th scope="row">
              <a href={`${base}/${r.id}`}>{r.name}</a>
              {r.example ? <span class="badge bg-secondary ms-2">{s.example}</span> : null}
            </th>
            <td>
              {r.roles
                .filter((x) => x.current)
                .map((x) => `${roleTitle(x, p.lang)}, ${orgName(x.organisation, p.lang)}`)
                .join('; ') || '—'}
            </td>
            <td>{r.languages.map((l) => languageName(l, p.lang)).join(', ') || '—'}</td>
            <td>{s.visibilities[r.visibility]}</td>
          </tr>
        ))}
      </DataTable>
      <Pagination
        lang={p.lang}
        base={base}
        params={{ ...p.filters }}
        page={p.data.page}
        pages={p.data.pages}
      />
    </>
  );
}

function RolesTable(p: { lang: Lang; session: Session; person: PersonRecord; canWrite: boolean }) {
  const t = backofficeStrings(p.lang);
  const s = peopleStrings(p.lang);
  const base = `/admin/${p.lang}/people/${p.person.id}`;
  if (p.person.roles.length === 0) return <p>{s.noRoles}</p>;
  return (
    <DataTable
      caption={s.rolesOf(p.person.name)}
      columns={[s.roleColumn, s.organisation, s.period, ...(p.canWrite ? [s.actions] : [])]}
    >
      {p.person.roles.map((r) => (
        <tr key={r.id}>
          <th scope="row">
            {roleTitle(r, p.lang)}
            {r.head ? ` (${s.headShort})` : ''}
          </th>
          <td>
            <a href={`/admin/${p.lang}/organisations/${r.organisation.id}`}>
              {orgName(r.organisation, p.lang)}
            </a>
          </td>
          <td>
            {[
              r.startsOn ? s.since(dayText(r.startsOn, p.lang)) : '',
              r.endsOn ? s.until(dayText(r.endsOn, p.lang)) : '',
            ]
              .filter(Boolean)
              .join(' ') || '—'}
            {r.current ? ` · ${s.current}` : ''}
          </td>
          {p.canWrite ? (
            <td class="d-flex flex-wrap gap-2 align-items-center">
              <a href={`${base}/roles/${r.id}/edit`}>
                {t.edit}
                <span class="visually-hidden">: {roleTitle(r, p.lang)}</span>
              </a>
              <ActionForm
                action={`${base}/roles/${r.id}/delete`}
                session={p.session}
                version={r.version}
                label={`${t.delete}: ${roleTitle(r, p.lang)}`}
                danger
              />
            </td>
          ) : null}
        </tr>
      ))}
    </DataTable>
  );
}

export function PersonView(p: {
  lang: Lang;
  session: Session;
  canWrite: boolean;
  isAdmin: boolean;
  data: { person: PersonRecord; history: AuditEntry[] };
  links: PersonLink[];
  choices: LinkTarget[];
  linkError?: string | undefined;
}) {
  const t = backofficeStrings(p.lang);
  const s = peopleStrings(p.lang);
  const r = p.data.person;
  const base = `/admin/${p.lang}/people/${r.id}`;
  const personal = (f: (typeof PERSONAL_FIELDS)[number], value: string | null) =>
    r.withheld.includes(f) ? <em>{s.hidden}</em> : value;
  return (
    <>
      <p>
        <a href={`/admin/${p.lang}/people`}>{t.backToList}</a>
      </p>
      <h1>{[r.honorific, r.name].filter(Boolean).join(' ')}</h1>
      <p class="lead">
        {s.seenBy(s.visibilities[r.visibility])}
        {r.example ? ` · ${s.example}` : ''}
      </p>
      {r.withheld.length > 0 ? <div class="alert alert-info">{s.withheld(r.withheld.length)}</div> : null}
      {r.reviewDue ? <div class="alert alert-warning">{s.reviewDue}</div> : null}
      <h2 class="h4 mt-4">{t.details}</h2>
      <Facts
        rows={[
          [s.languages, r.languages.map((l) => languageName(l, p.lang)).join(', ')],
          [
            t.labels['preferredLanguage']!,
            r.preferredLanguage ? languageName(r.preferredLanguage, p.lang) : null,
          ],
          [t.labels['email']!, personal('email', r.email)],
          [t.labels['phone']!, personal('phone', r.phone)],
          [t.labels['address']!, personal('address', r.address)],
          [t.labels['notes']!, personal('notes', r.notes)],
          [t.version, String(r.version)],
          [t.updated, updatedDay(r.updatedAt, p.lang)],
        ]}
      />
      <h2 class="h4 mt-4">{s.data}</h2>
      <Facts
        rows={[
          [t.labels['visibility']!, s.visibilities[r.visibility]],
          [t.labels['legalBasis']!, s.legalBases[r.legalBasis]],
          ...(r.legalBasis === 'consent'
            ? ([
                [t.labels['consentOn']!, dayText(r.consentOn, p.lang)],
                [t.labels['consentText']!, r.consentText],
              ] as [string, string | null][])
            : []),
          [t.labels['reviewOn']!, dayText(r.reviewOn, p.lang)],
          ...PERSONAL_FIELDS.map((f): [string, string] => [
            t.labels[`${f}Visibility`]!,
            s.visibilities[r.fieldVisibility[f]],
          ]),
        ]}
      />
      {p.canWrite ? (
        <div class="d-flex flex-wrap gap-3 align-items-center mb-4">
          <a class="btn btn-primary" href={`${base}/edit`}>
            {t.edit}
          </a>
          <ActionForm
            action={`${base}/review`}
            session={p.session}
            version={r.version}
            label={s.confirmReview}
          />
          {r.reviewDue ? null : <span>{s.reviewOk(dayText(r.reviewOn, p.lang))}</span>}
        </div>
      ) : (
        <p class="text-muted">{t.viewerNote}</p>
      )}
      <h2 class="h4 mt-5">{s.roles}</h2>
      <RolesTable lang={p.lang} session={p.session} person={r} canWrite={p.canWrite} />
      {p.canWrite ? (
        <p>
          <a class="btn btn-outline-primary" href={`${base}/roles/new`}>
            {s.addRole}
          </a>
        </p>
      ) : null}
      <PersonLinks
        lang={p.lang}
        session={p.session}
        base={base}
        canWrite={p.canWrite}
        links={p.links}
        choices={p.choices}
        error={p.linkError}
      />
      {p.isAdmin ? (
        <section class="mt-5">
          <h2 class="h4">{s.exportTitle}</h2>
          <p>{s.exportLead}</p>
          <p>
            <a class="btn btn-outline-primary" href={`${base}/export.json`} download>
              {s.exportLabel}
            </a>
          </p>
        </section>
      ) : null}
      {p.canWrite ? (
        <section class="mt-5">
          <h2 class="h4">{s.erase}</h2>
          <p>{s.eraseLead}</p>
          {/* Irreversible: the box must be ticked (by the browser's own check, and again on the server). */}
          <form method="post" action={`${base}/delete`}>
            <input type="hidden" name="_csrf" value={p.session.csrfToken} />
            <input type="hidden" name="version" value={String(r.version)} />
            <div class="form-check mb-3">
              <input
                class="form-check-input"
                type="checkbox"
                id="erase-confirm"
                name="confirm"
                value="yes"
                required
              />
              <label class="form-check-label" for="erase-confirm">
                {s.eraseConfirm(r.name)}
              </label>
            </div>
            <button type="submit" class="btn btn-outline-danger">
              {s.erase}
            </button>
          </form>
        </section>
      ) : null}
      <AuditTable lang={p.lang} rows={p.data.history} variant="record" heading={t.history} />
    </>
  );
}
