// The signed-in person's own pages: the institutions they can work in, and the password form.
import { formatNumber, type Lang } from '../../../platform/i18n.ts';
import { Field } from '../../../views/backoffice/fields.tsx';
import { DataTable } from '../../../views/backoffice/tables.tsx';
import { adminStrings } from '../../admin/admin.strings.ts';
import type { Session } from '../accounts.service.ts';
import { accountsStrings } from '../accounts.strings.ts';

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
  const t = { ...adminStrings(p.lang).workplaces, ...accountsStrings(p.lang).workplaces };
  return (
    <>
      <h1>{t.title}</h1>
      <p class="lead">{p.session.user.platformAdmin ? t.leadPlatform : t.lead}</p>
      {p.rows.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <DataTable
          caption={t.title}
          captionHidden
          columns={[t.institution, t.agreements, t.users, { hidden: t.action }]}
        >
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
        </DataTable>
      )}
    </>
  );
}

export function PasswordForm(p: { lang: Lang; session: Session; fieldErrors?: Record<string, string> }) {
  const t = { ...adminStrings(p.lang), ...accountsStrings(p.lang) };
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
