// The dashboard and the institution's audit log.
import { formatDate, type Lang } from '../../../platform/i18n.ts';
import { KIND_LABELS, STATUS_LABELS } from '../../agreements/agreements.labels.ts';
import type { Agreement } from '../../agreements/agreements.schemas.ts';
import { AuditTable } from '../../audit/views/history.tsx';
import type { AuditEntry, Dashboard, RecordNames } from '../admin.service.ts';
import { adminStrings } from '../admin.strings.ts';
import { FeedbackSummary } from './feedback.tsx';

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
