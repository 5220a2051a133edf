// The dashboard and the institution's audit log.
import { type Precision, todayIso } from '../../../platform/dates.ts';
import { formatDate, type Lang } from '../../../platform/i18n.ts';
import { KIND_LABELS, STATUS_LABELS } from '../../agreements/agreements.labels.ts';
import type { Agreement } from '../../agreements/agreements.schemas.ts';
import { AuditTable } from '../../audit/views/history.tsx';
import type { DueDeadline } from '../../dossiers/dossiers.schemas.ts';
import type { AuditEntry, Dashboard, RecordNames } from '../admin.service.ts';
import { adminStrings } from '../admin.strings.ts';
import { FeedbackSummary } from './feedback.tsx';

/** A person whose data are due for review: confirm them or erase them. */
export interface ReviewDue {
  id: string;
  name: string;
  reviewOn: string;
}

export function DashboardView({
  lang,
  data,
  reviews,
  deadlines,
}: {
  lang: Lang;
  data: Dashboard;
  reviews: ReviewDue[];
  deadlines: DueDeadline[];
}) {
  const t = adminStrings(lang);
  return (
    <>
      <h1>{t.dashboard}</h1>
      <Deadlines lang={lang} items={deadlines} />
      <ComingUp lang={lang} data={data} />
      {reviews.length > 0 ? (
        <>
          <h2 class="h4 mt-4">{t.reviews.title}</h2>
          <p>{t.reviews.lead}</p>
          <ul>
            {reviews.map((r) => (
              <li key={r.id}>
                <a href={`/admin/${lang}/people/${r.id}`}>{r.name}</a> —{' '}
                {t.reviews.since(formatDate(r.reviewOn, 'day', lang) ?? r.reviewOn)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
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
                <a href={`/admin/${lang}/agreements/${e.id}`}>{lang === 'it' ? e.nameIt : e.nameEn}</a> —{' '}
                {t.endedOn} {formatDate(e.endsOn, 'day', lang)}
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
                <a href={`/admin/${lang}/agreements/${e.id}`}>{lang === 'it' ? e.nameIt : e.nameEn}</a>
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
              <a href={`/admin/${lang}/agreements/${e.id}`}>{lang === 'it' ? e.nameIt : e.nameEn}</a> —{' '}
              {formatDate(e.endsOn, 'day', lang)}
            </li>
          ))}
        </ul>
      )}
      <h2 class="h4 mt-4">{t.dormant(data.dormantYears)}</h2>
      <p>{t.dormantHint}</p>
      {data.dormant.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul>
          {data.dormant.map((e) => {
            const since = formatDate(e.lastOn, e.lastPrecision, lang);
            return (
              <li key={e.id}>
                <a href={`/admin/${lang}/agreements/${e.id}`}>
                  {t.partnership(
                    KIND_LABELS[e.kind as Agreement['kind']]?.[lang] ?? e.kind,
                    lang === 'it' ? e.nameIt : e.nameEn,
                  )}
                </a>{' '}
                — {since ? t.noActivitySince(since) : t.noActivity}
              </li>
            );
          })}
        </ul>
      )}
      <FeedbackSummary lang={lang} feedback={data.feedback} />
      <h2 class="h4 mt-4">{t.recentChanges}</h2>
      <AuditTable lang={lang} rows={data.recent} variant="log" names={data.recentNames} />
    </>
  );
}

export function AuditLogView({ lang, rows, names }: { lang: Lang; rows: AuditEntry[]; names: RecordNames }) {
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
      <AuditTable lang={lang} rows={rows} variant="log" names={names} />
    </>
  );
}

const KINDS = {
  it: { visit: 'Visita', mission: 'Missione', meeting: 'Incontro', event: 'Evento' },
  en: { visit: 'Visit', mission: 'Mission', meeting: 'Meeting', event: 'Event' },
} as const;
const PATHS = { visit: 'visits', mission: 'missions', meeting: 'meetings', event: 'events' } as const;

/** What the dashboard leads with: the coming 30 days, follow-ups due, and this year's round anniversaries. */
function ComingUp({ lang, data }: { lang: Lang; data: Dashboard }) {
  const t = adminStrings(lang).coming;
  const today = todayIso();
  return (
    <>
      <h2 class="h4 mt-4">{t.title}</h2>
      {data.coming.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <ul>
          {data.coming.map((e) => (
            <li key={e.kind + e.id}>
              {formatDate(e.starts_on, 'day', lang)}
              {e.starts_at ? `, ${e.starts_at}` : ''} —{' '}
              <a href={`/admin/${lang}/${PATHS[e.kind]}/${e.id}`}>
                {KINDS[lang][e.kind]}: {lang === 'en' ? (e.title_en ?? e.title_it) : e.title_it}
              </a>
              {e.status === 'cancelled' || e.status === 'proposed' ? ` (${t.statuses[e.status]})` : ''}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a href={`/admin/${lang}/agenda`}>{t.calendar}</a>
      </p>
      <h2 class="h4 mt-4">{t.followUps}</h2>
      {data.followUps.length === 0 ? (
        <p>{t.noFollowUps}</p>
      ) : (
        <ul>
          {data.followUps.map((f) => (
            <li key={f.id}>
              {f.due_on ? (
                <>
                  {f.due_on < today ? <strong>{t.overdue} </strong> : null}
                  {t.by(formatDate(f.due_on, 'day', lang) ?? f.due_on)}
                </>
              ) : (
                t.undated
              )}{' '}
              — {f.action}
              {f.owner ? ` (${f.owner})` : ''} —{' '}
              <a href={`/admin/${lang}/${PATHS[f.kind]}/${f.subject_id}`}>
                {KINDS[lang][f.kind]}: {lang === 'en' ? (f.subject_en ?? f.subject_it) : f.subject_it}
              </a>
            </li>
          ))}
        </ul>
      )}
      <h2 class="h4 mt-4">{t.anniversaries(Number(today.slice(0, 4)))}</h2>
      {data.anniversaries.length === 0 ? (
        <p>{t.noAnniversaries}</p>
      ) : (
        <ul>
          {data.anniversaries.map((a) => (
            <li key={a.id}>
              <a href={`/admin/${lang}/agreements/${a.id}`}>
                {t.anniversary(
                  a.years,
                  KIND_LABELS[a.kind as Agreement['kind']]?.[lang] ?? a.kind,
                  lang === 'it' ? a.name_it : a.name_en,
                )}
              </a>{' '}
              — {formatDate(a.signed_on, a.signed_precision as Precision, lang)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** The open dossiers' deadlines: from 30 days before, more urgent at 7 and at 1, and once passed. */
function Deadlines({ lang, items }: { lang: Lang; items: DueDeadline[] }) {
  if (items.length === 0) return null;
  const t = adminStrings(lang).deadlines;
  const badge = (d: DueDeadline) =>
    d.reminder === 'overdue' || d.reminder === 1
      ? 'bg-danger'
      : d.reminder === 7
        ? 'bg-warning'
        : 'bg-primary';
  return (
    <section aria-labelledby="deadlines-title">
      <h2 class="h4 mt-4" id="deadlines-title">
        {t.title}
      </h2>
      <ul>
        {items.map((d) => (
          <li key={d.id} class="mb-1">
            <span class={`badge ${badge(d)} me-1`}>{t.when(d.days)}</span> {formatDate(d.dueOn, 'day', lang)}{' '}
            — {lang === 'en' ? (d.labelEn ?? d.labelIt) : d.labelIt}:{' '}
            <a href={`/admin/${lang}/dossiers/${d.dossierId}`}>
              {lang === 'en' ? (d.dossierTitleEn ?? d.dossierTitleIt) : d.dossierTitleIt}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
