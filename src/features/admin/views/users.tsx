// The users page: the institution's users and their roles, the pending invitations, inviting a person, and
// the API tokens.
import type { Lang } from '../../../platform/i18n.ts';
import { Field } from '../../../views/backoffice/fields.tsx';
import { DataTable } from '../../../views/backoffice/tables.tsx';
import type { Session } from '../../accounts/accounts.service.ts';
import type { PendingInvitation } from '../../invitations/invitations.service.ts';
import { adminStrings } from '../admin.strings.ts';

export interface UsersFilters {
  q: string;
  role: string;
  sort: string;
}

export interface UsersPageData {
  users: { id: string; email: string; name: string; role: string; disabled: boolean; version: number }[];
  total: number;
  page: number;
  pageSize: number;
  filters: UsersFilters;
  invitations: PendingInvitation[];
  tokens: {
    id: string;
    name: string;
    scope: string;
    created_at: string;
    last_used_at: string | null;
    revoked_at: string | null;
  }[];
}

type UsersProps = {
  lang: Lang;
  session: Session;
  data: UsersPageData;
  fieldErrors?: Record<string, string>;
};

/** A date as the page's language writes it, or "never". */
const dayIn = (lang: Lang) => (iso: string | null) =>
  iso ? new Date(iso).toLocaleDateString(lang === 'it' ? 'it-IT' : 'en-GB') : adminStrings(lang).never;

/** A required field of the invitation or token form, with its error. */
const inputOf =
  (p: UsersProps) =>
  (name: string, label: string, kind: 'text' | 'email' = 'text') => (
    <Field name={name} label={label} kind={kind} required error={p.fieldErrors?.[name]} />
  );

export function UsersView(p: UsersProps) {
  const t = adminStrings(p.lang);
  return (
    <>
      <h1>{t.users}</h1>
      <p class="lead">{t.usersLead}</p>
      <UserSearch {...p} />
      <p role="status">{t.userCount(p.data.total)}</p>
      <UserTable {...p} />
      <Invitations {...p} />
      <InviteForm {...p} />
      <Tokens {...p} />
    </>
  );
}

/** The search, role and sort of the users list. */
function UserSearch(p: UsersProps) {
  const t = adminStrings(p.lang);
  const f = p.data.filters;
  return (
    <form method="get" class="row my-4">
      <div class="form-group col-md-12">
        <label class="active" for="u-q">
          {t.userSearch}
        </label>
        <input class="form-control" type="search" id="u-q" name="q" value={f.q} />
      </div>
      <div class="select-wrapper col-md-4 mb-3">
        <label for="u-role">{t.role}</label>
        <select id="u-role" name="role">
          {['', 'admin', 'editor', 'viewer'].map((r) => (
            <option key={r} value={r} selected={r === f.role}>
              {r ? t.roles[r] : t.any}
            </option>
          ))}
        </select>
      </div>
      <div class="select-wrapper col-md-4 mb-3">
        <label for="u-sort">{t.sortBy}</label>
        <select id="u-sort" name="sort">
          {(['email', 'name', 'role'] as const).map((k) => (
            <option key={k} value={k} selected={k === f.sort}>
              {t.userSorts[k]}
            </option>
          ))}
        </select>
      </div>
      <div class="col-md-4">
        <button type="submit" class="btn btn-primary">
          {t.search}
        </button>
      </div>
    </form>
  );
}

/** The users, each with a role to change and access to remove, and the pages of the list. */
function UserTable(p: UsersProps) {
  const t = adminStrings(p.lang);
  const f = p.data.filters;
  const pages = Math.ceil(p.data.total / p.data.pageSize);
  const pageHref = (n: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...f, page: n > 1 ? String(n) : '' })) if (v) params.set(k, v);
    const text = params.toString();
    return `/admin/${p.lang}/users${text ? `?${text}` : ''}`;
  };
  return (
    <>
      <DataTable
        caption={t.users}
        captionHidden
        columns={[t.email, t.name, t.role, { hidden: t.removeAccess }]}
      >
        {p.data.users.map((u) => (
          <tr key={u.id}>
            <td>{u.email}</td>
            <td>{u.name}</td>
            <td>
              <form
                method="post"
                action={`/admin/${p.lang}/users/${u.id}/role`}
                class="d-flex gap-3 align-items-center"
              >
                <input type="hidden" name="_csrf" value={p.session.csrfToken} />
                <input type="hidden" name="version" value={String(u.version)} />
                <label class="visually-hidden" for={`role-${u.id}`}>
                  {t.roleOf(u.email)}
                </label>
                <select id={`role-${u.id}`} name="role">
                  {['viewer', 'editor', 'admin'].map((r) => (
                    <option key={r} value={r} selected={r === u.role}>
                      {t.roles[r]}
                    </option>
                  ))}
                </select>
                <button
                  type="submit"
                  class="btn btn-sm btn-outline-primary"
                  aria-label={t.saveRoleOf(u.email)}
                >
                  {t.save}
                </button>
              </form>
            </td>
            <td>
              <form method="post" action={`/admin/${p.lang}/users/${u.id}/role`}>
                <input type="hidden" name="_csrf" value={p.session.csrfToken} />
                <input type="hidden" name="version" value={String(u.version)} />
                <input type="hidden" name="role" value="" />
                <button
                  type="submit"
                  class="btn btn-sm btn-outline-danger"
                  aria-label={t.removeAccessOf(u.email)}
                >
                  {t.removeAccess}
                </button>
              </form>
            </td>
          </tr>
        ))}
      </DataTable>
      {pages > 1 ? (
        <nav class="pagination-wrapper" aria-label={t.pages}>
          <ul class="pagination">
            {Array.from({ length: pages }, (_, i) => i + 1).map((n) => (
              <li class="page-item" key={n}>
                <a class="page-link" href={pageHref(n)} aria-current={n === p.data.page ? 'page' : undefined}>
                  {n}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </>
  );
}

/** The invitations not yet accepted, each with a button to withdraw it. */
function Invitations(p: UsersProps) {
  const t = adminStrings(p.lang);
  const day = dayIn(p.lang);
  return (
    <>
      <h2 class="h4 mt-4">{t.invitations}</h2>
      {p.data.invitations.length === 0 ? (
        <p>{t.invitationsNone}</p>
      ) : (
        <DataTable
          caption={t.invitations}
          captionHidden
          columns={[t.email, t.name, t.role, t.invitedUntil, { hidden: t.withdraw }]}
        >
          {p.data.invitations.map((v) => (
            <tr key={v.id}>
              <td>{v.email}</td>
              <td>{v.name}</td>
              <td>{t.roles[v.role]}</td>
              <td>{day(v.expiresAt)}</td>
              <td>
                <form method="post" action={`/admin/${p.lang}/invitations/${v.id}/withdraw`}>
                  <input type="hidden" name="_csrf" value={p.session.csrfToken} />
                  <button
                    type="submit"
                    class="btn btn-sm btn-outline-danger"
                    aria-label={t.withdrawOf(v.email)}
                  >
                    {t.withdraw}
                  </button>
                </form>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}

/** The form that invites a person with a role. */
function InviteForm(p: UsersProps) {
  const t = adminStrings(p.lang);
  const input = inputOf(p);
  return (
    <>
      <h2 class="h4 mt-4">{t.addUser}</h2>
      <p>{t.inviteLead}</p>
      <form method="post" action={`/admin/${p.lang}/users`} class="narrow-form">
        <input type="hidden" name="_csrf" value={p.session.csrfToken} />
        {input('email', t.email, 'email')}
        {input('name', t.name)}
        <div class="select-wrapper mb-5">
          <label for="f-role">{t.role}</label>
          <select id="f-role" name="role">
            {['viewer', 'editor', 'admin'].map((r) => (
              <option key={r} value={r}>
                {t.roles[r]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="btn btn-primary">
          {t.addUser}
        </button>
      </form>
    </>
  );
}

/** The institution's API tokens, revoking one, and the form that creates one. */
function Tokens(p: UsersProps) {
  const t = adminStrings(p.lang);
  const day = dayIn(p.lang);
  const input = inputOf(p);
  return (
    <>
      <h2 class="h4 mt-5">{t.tokens}</h2>
      <DataTable
        caption={t.tokens}
        captionHidden
        columns={[t.name, t.scope, t.lastUsed, { hidden: t.revoke }]}
      >
        {p.data.tokens.map((k) => (
          <tr key={k.id}>
            <td>{k.name}</td>
            <td>{t.scopes[k.scope] ?? k.scope}</td>
            <td>{day(k.last_used_at)}</td>
            <td>
              {k.revoked_at ? (
                t.revoked
              ) : (
                <form method="post" action={`/admin/${p.lang}/tokens/${k.id}/revoke`}>
                  <input type="hidden" name="_csrf" value={p.session.csrfToken} />
                  <button type="submit" class="btn btn-sm btn-outline-danger">
                    {`${t.revoke}: ${k.name}`}
                  </button>
                </form>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      <form method="post" action={`/admin/${p.lang}/tokens`} style="max-width: 28rem">
        <input type="hidden" name="_csrf" value={p.session.csrfToken} />
        {input('tokenName', t.tokenName)}
        <div class="select-wrapper mb-5">
          <label for="f-scope">{t.scope}</label>
          <select id="f-scope" name="scope">
            <option value="read">{t.scopes['read']}</option>
            <option value="write">{t.scopes['write']}</option>
          </select>
        </div>
        <button type="submit" class="btn btn-primary">
          {t.createToken}
        </button>
      </form>
    </>
  );
}
