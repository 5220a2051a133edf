// The dashboard, the institutions a user can work in, the password form and the institution's audit log.
import { formatDate, formatNumber, type Lang } from '../../../platform/i18n.ts';
import { Field } from '../../../views/backoffice/fields.tsx';
import type { Session } from '../../accounts/accounts.service.ts';
import { STATUS_LABELS } from '../../agreements/agreements.labels.ts';
import type { Agreement } from '../../agreements/agreements.schemas.ts';
import type { AuditEntry, Dashboard } from '../admin.service.ts';
import { adminStrings } from '../admin.strings.ts';
import { AuditTable } from './history.tsx';

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
