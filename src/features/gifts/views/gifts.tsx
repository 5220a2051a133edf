// The gifts register's pages: the list by year, direction and flag, with its CSV; a gift's page; the form.
import type { Lang } from '../../../platform/i18n.ts';
import { formatDate } from '../../../platform/i18n.ts';
import { UploadForm } from '../../../views/backoffice/fields.tsx';
import { ActionForm, type FieldSpec, type Values } from '../../../views/backoffice/forms.tsx';
import { Facts, nameIn, Pagination, day as updatedDay } from '../../../views/backoffice/lists.tsx';
import { backofficeStrings } from '../../../views/backoffice/strings.ts';
import { DataTable } from '../../../views/backoffice/tables.tsx';
import type { Session } from '../../accounts/accounts.service.ts';
import type { AuditEntry } from '../../audit/audit.service.ts';
import { AuditTable } from '../../audit/views/history.tsx';
import { DIRECTIONS, DISPOSITIONS } from '../gifts.rules.ts';
import type { GiftRecord } from '../gifts.schemas.ts';
import { giftsStrings } from '../gifts.strings.ts';

export const GIFT_FIELDS = [
  'direction',
  'onDay',
  'occasion',
  'counterpartId',
  'descriptionIt',
  'descriptionEn',
  'value',
  'currency',
  'person',
  'disposition',
  'dispositionOn',
  'notes',
  'published',
] as const;

export const giftValues = (g: GiftRecord): Values => ({
  direction: g.direction,
  onDay: g.onDay,
  occasion: g.occasion ? `${g.occasion.kind}:${g.occasion.id}` : '',
  counterpartId: g.counterpart?.id ?? '',
  descriptionIt: g.descriptionIt,
  descriptionEn: g.descriptionEn ?? '',
  value: g.value ?? '',
  currency: g.currency,
  person: g.person ?? '',
  disposition: g.disposition ?? '',
  dispositionOn: g.dispositionOn ?? '',
  notes: g.notes ?? '',
  published: g.published ? 'yes' : '',
});

export interface GiftChoices {
  partners: { id: string; nameIt: string; nameEn: string }[];
  occasions: {
    kind: 'visit' | 'mission' | 'meeting';
    id: string;
    title_it: string;
    title_en: string | null;
    starts_on: string;
  }[];
}

const day = (iso: string, lang: Lang) => formatDate(iso, 'day', lang) ?? iso;

export function giftSpecs(lang: Lang, choices: GiftChoices): FieldSpec[] {
  const g = giftsStrings(lang);
  return [
    {
      name: 'direction',
      kind: 'select',
      required: true,
      options: DIRECTIONS.map((d) => ({ value: d, label: g.directions[d]! })),
    },
    { name: 'onDay', kind: 'date', required: true },
    {
      name: 'occasion',
      kind: 'select',
      options: [
        { value: '', label: g.noOccasion },
        ...choices.occasions.map((o) => ({
          value: `${o.kind}:${o.id}`,
          label: `${g.kinds[o.kind]}: ${lang === 'en' ? (o.title_en ?? o.title_it) : o.title_it} (${day(o.starts_on, lang)})`,
        })),
      ],
    },
    {
      name: 'counterpartId',
      kind: 'select',
      options: [
        { value: '', label: g.noPartner },
        ...choices.partners
          .map((p) => ({ value: p.id, label: nameIn(p, lang) }))
          .sort((a, b) => a.label.localeCompare(b.label, lang)),
      ],
    },
    { name: 'descriptionIt', kind: 'textarea', required: true },
    { name: 'descriptionEn', kind: 'textarea' },
    { name: 'value', inputMode: 'decimal' },
    { name: 'currency' },
    { name: 'person' },
    {
      name: 'disposition',
      kind: 'select',
      options: [
        { value: '', label: g.noDisposition },
        ...DISPOSITIONS.map((d) => ({ value: d, label: g.dispositions[d]! })),
      ],
    },
    { name: 'dispositionOn', kind: 'date' },
    { name: 'notes', kind: 'textarea' },
    {
      name: 'published',
      kind: 'select',
      options: [
        { value: '', label: g.no },
        { value: 'yes', label: g.yes },
      ],
    },
  ];
}

const money = (g: GiftRecord, lang: Lang) =>
  g.value === null
    ? '—'
    : new Intl.NumberFormat(lang === 'it' ? 'it-IT' : 'en-GB', {
        style: 'currency',
        currency: g.currency,
      }).format(Number(g.value));

export interface GiftFilters {
  year: string;
  direction: string;
  flagged: string;
}

export function GiftListView(p: {
  lang: Lang;
  data: { items: GiftRecord[]; total: number; page: number; pages: number };
  filters: GiftFilters;
  years: number[];
  canWrite: boolean;
}) {
  const t = backofficeStrings(p.lang);
  const g = giftsStrings(p.lang);
  const base = `/admin/${p.lang}/gifts`;
  return (
    <>
      <h1>{g.title}</h1>
      <p class="lead">{g.lead}</p>
      {p.canWrite ? (
        <p>
          <a class="btn btn-primary" href={`${base}/new`}>
            {g.add}
          </a>
        </p>
      ) : null}
      <form method="get" action={base} class="row my-4 align-items-end">
        {[
          {
            name: 'year',
            label: g.year,
            value: p.filters.year,
            options: [
              { value: '', label: g.anyYear },
              ...p.years.map((y) => ({ value: String(y), label: String(y) })),
            ],
          },
          {
            name: 'direction',
            label: t.labels['direction']!,
            value: p.filters.direction,
            options: [
              { value: '', label: g.anyDirection },
              ...DIRECTIONS.map((d) => ({ value: d, label: g.directions[d]! })),
            ],
          },
          {
            name: 'flagged',
            label: g.flagged,
            value: p.filters.flagged,
            options: [
              { value: '', label: g.no },
              { value: 'yes', label: g.flaggedOnly },
            ],
          },
        ].map((s) => (
          <div class="select-wrapper col-md-3 mb-5" key={s.name}>
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
      <p>
        <a href={`/api/v1/gifts.csv${p.filters.year ? `?year=${p.filters.year}` : ''}`} download>
          {g.csv(p.filters.year)}
        </a>
      </p>
      <p role="status">{t.results(p.data.total, p.data.page, p.data.pages)}</p>
      <DataTable
        caption={g.caption}
        columns={[g.what, g.when, t.labels['direction']!, g.value, t.labels['disposition']!]}
      >
        {p.data.items.map((r) => (
          <tr key={r.id}>
            <th scope="row">
              <a href={`${base}/${r.id}`}>
                {p.lang === 'en' ? (r.descriptionEn ?? r.descriptionIt) : r.descriptionIt}
              </a>
              {r.aboveModestValue ? <span class="badge bg-warning ms-2">{g.flagged}</span> : null}
            </th>
            <td>{day(r.onDay, p.lang)}</td>
            <td>{g.directions[r.direction]}</td>
            <td>{money(r, p.lang)}</td>
            <td>{r.disposition ? g.dispositions[r.disposition] : '—'}</td>
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

export interface Photo {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

/** The gift's photographs, with the upload form and a delete button for writers. */
function Photos(p: {
  lang: Lang;
  session: Session;
  canWrite: boolean;
  giftId: string;
  photos: Photo[];
  error?: string | undefined;
}) {
  const g = giftsStrings(p.lang);
  const t = backofficeStrings(p.lang);
  const base = `/admin/${p.lang}/gifts/${p.giftId}`;
  return (
    <section class="mt-5" aria-labelledby="photos-title">
      <h2 class="h4" id="photos-title">
        {g.photos}
      </h2>
      {p.photos.length === 0 ? (
        <p>{g.noPhotos}</p>
      ) : (
        <ul>
          {p.photos.map((f) => (
            <li key={f.id} class="mb-2">
              <a href={`/admin/${p.lang}/attachments/${f.id}`}>{f.filename}</a> ({Math.ceil(f.size / 1024)}{' '}
              KB)
              {p.canWrite ? (
                <span class="ms-2">
                  <ActionForm
                    action={`${base}/photos/${f.id}/delete`}
                    session={p.session}
                    version={1}
                    label={`${t.delete}: ${f.filename}`}
                    danger
                  />
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {p.canWrite ? (
        <UploadForm
          action={`${base}/photos`}
          csrfToken={p.session.csrfToken}
          label={g.addPhoto}
          accept="image/png,image/jpeg,image/webp,application/pdf"
          hint={g.photoHint}
          error={p.error}
          submit={g.upload}
          buttonClass="btn btn-outline-primary"
          class="mt-3"
        />
      ) : null}
    </section>
  );
}

export function GiftView(p: {
  lang: Lang;
  session: Session;
  canWrite: boolean;
  data: { gift: GiftRecord; photos: Photo[]; history: AuditEntry[] };
  photoError?: string | undefined;
}) {
  const t = backofficeStrings(p.lang);
  const g = giftsStrings(p.lang);
  const r = p.data.gift;
  const base = `/admin/${p.lang}/gifts/${r.id}`;
  const label = (name: string) => t.labels[name] ?? name;
  const occasionPath = r.occasion ? `/admin/${p.lang}/${r.occasion.kind}s/${r.occasion.id}` : '';
  return (
    <>
      <p>
        <a href={`/admin/${p.lang}/gifts`}>{t.backToList}</a>
      </p>
      <h1>{p.lang === 'en' ? (r.descriptionEn ?? r.descriptionIt) : r.descriptionIt}</h1>
      <p class="lead">
        {g.directions[r.direction]} · {day(r.onDay, p.lang)}
        {r.aboveModestValue ? ` · ${g.flagged}` : ''}
      </p>
      <Facts
        rows={[
          [
            label('occasion'),
            r.occasion ? (
              <a
                href={occasionPath}
              >{`${g.kinds[r.occasion.kind]}: ${p.lang === 'en' ? (r.occasion.titleEn ?? r.occasion.titleIt) : r.occasion.titleIt}`}</a>
            ) : null,
          ],
          [label('counterpartId'), r.counterpart ? nameIn(r.counterpart, p.lang) : null],
          [label('value'), money(r, p.lang)],
          [label('person'), r.person],
          [label('disposition'), r.disposition ? g.dispositions[r.disposition] : null],
          [label('dispositionOn'), r.dispositionOn ? day(r.dispositionOn, p.lang) : null],
          [label('notes'), r.notes],
          [label('published'), r.published ? t.yes : t.no],
          [t.version, String(r.version)],
          [t.updated, updatedDay(r.updatedAt, p.lang)],
        ]}
      />
      <Photos
        lang={p.lang}
        session={p.session}
        canWrite={p.canWrite}
        giftId={r.id}
        photos={p.data.photos}
        error={p.photoError}
      />
      {p.canWrite ? (
        <>
          <p>
            <a class="btn btn-primary" href={`${base}/edit`}>
              {t.edit}
            </a>
          </p>
          <section class="mt-5">
            <h2 class="h4">{t.delete}</h2>
            <p>{g.deleteLead}</p>
            <ActionForm
              action={`${base}/delete`}
              session={p.session}
              version={r.version}
              label={t.delete}
              danger
            />
          </section>
        </>
      ) : (
        <p class="text-muted">{t.viewerNote}</p>
      )}
      <AuditTable lang={p.lang} rows={p.data.history} variant="record" heading={t.history} />
    </>
  );
}
