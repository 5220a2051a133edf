// Accounts' queries: users, roles, sessions, throttling, server keys and API tokens. Raw SQL through
// Database.query (which joins the open transaction); columns come back under the tables' property names.
import type { Database, QueryFn } from '../../platform/db/client.ts';
import type { apiTokens, Role, sessions, userRoles, users } from './accounts.table.ts';

type UserRow = typeof users.$inferSelect;
type SessionRow = typeof sessions.$inferSelect;
type ApiTokenRow = typeof apiTokens.$inferSelect;
type RoleRow = Omit<typeof userRoles.$inferSelect, 'role'> & { role: Role; institutionSlug: string };

/** A live session as the database extends it; `expiresAt` as PostgreSQL writes a timestamp. */
export type LiveSessionRow = Pick<SessionRow, 'userId' | 'csrfToken' | 'institutionId'> & {
  expiresAt: string;
  institutionSlug: string | null;
};

export type ApiTokenUse = Pick<ApiTokenRow, 'id' | 'name' | 'institutionId'> & {
  institutionSlug: string;
  scope: 'read' | 'write';
};

export function createAccountsRepository(database: Database) {
  const { query } = database;
  return {
    ...userQueries(query),
    ...throttleQueries(query),
    ...sessionQueries(query),
    ...apiTokenQueries(query),
    ...oidcQueries(query),
  };
}

function userQueries(query: QueryFn) {
  return {
    async rolesOf(userIds: string[]): Promise<RoleRow[]> {
      return query<RoleRow>(
        `select r.user_id as "userId", r.institution_id as "institutionId", i.slug as "institutionSlug", r.role
           from user_roles r join institutions i on i.id = r.institution_id
          where r.user_id = any($1::uuid[]) order by i.slug`,
        [userIds],
      );
    },
    async activeUser(
      id: string,
    ): Promise<Pick<UserRow, 'id' | 'email' | 'name' | 'platformAdmin'> | undefined> {
      const [row] = await query<Pick<UserRow, 'id' | 'email' | 'name' | 'platformAdmin'>>(
        'select id, email, name, platform_admin as "platformAdmin" from users where id = $1 and not disabled',
        [id],
      );
      return row;
    },
    /** An enabled user by e-mail (any case), for sign-in. */
    async credentials(email: string): Promise<Pick<UserRow, 'id' | 'passwordHash'> | undefined> {
      const [row] = await query<Pick<UserRow, 'id' | 'passwordHash'>>(
        'select id, password_hash as "passwordHash" from users where lower(email) = lower($1) and not disabled',
        [email],
      );
      return row;
    },
    async passwordHash(userId: string): Promise<string | null | undefined> {
      const [row] = await query<Pick<UserRow, 'passwordHash'>>(
        'select password_hash as "passwordHash" from users where id = $1',
        [userId],
      );
      return row?.passwordHash;
    },
    async emailOf(userId: string): Promise<string | undefined> {
      const [row] = await query<Pick<UserRow, 'email'>>('select email from users where id = $1', [userId]);
      return row?.email;
    },
    async emailTaken(email: string): Promise<boolean> {
      return (await query('select 1 from users where lower(email) = lower($1)', [email])).length > 0;
    },
    async insertUser(values: {
      email: string;
      name: string;
      hash: string;
      platformAdmin: boolean;
    }): Promise<string> {
      const [row] = await query<Pick<UserRow, 'id'>>(
        `insert into users (email, name, password_hash, platform_admin, password_changed_at)
         values ($1, $2, $3, $4, now()) returning id`,
        [values.email, values.name, values.hash, values.platformAdmin],
      );
      return row!.id;
    },
    async insertRole(userId: string, institutionId: string, role: Role): Promise<void> {
      await query('insert into user_roles (user_id, institution_id, role) values ($1, $2, $3)', [
        userId,
        institutionId,
        role,
      ]);
    },
    /** The institutions a user has a role in. */
    async roleInstitutions(userId: string): Promise<string[]> {
      const rows = await query<Pick<RoleRow, 'institutionId'>>(
        'select institution_id as "institutionId" from user_roles where user_id = $1',
        [userId],
      );
      return rows.map((r) => r.institutionId);
    },
    async setPassword(userId: string, hash: string): Promise<void> {
      await query('update users set password_hash = $2, password_changed_at = now() where id = $1', [
        userId,
        hash,
      ]);
    },
    /** Institutions without any admin, by slug. */
    async institutionsLackingAdmin(): Promise<string[]> {
      const rows = await query<{ slug: string }>(
        `select i.slug from institutions i
          where not exists (select 1 from user_roles r where r.institution_id = i.id and r.role = 'admin')
          order by i.slug`,
      );
      return rows.map((r) => r.slug);
    },
    async institutionIdBySlug(slug: string): Promise<string | undefined> {
      const [row] = await query<{ id: string }>('select id from institutions where slug = $1', [slug]);
      return row?.id;
    },
  };
}

function throttleQueries(query: QueryFn) {
  return {
    /** Records an attempt on each key (pruning old ones) and returns their ids. */
    async takeAttempts(keys: string[], pruneMinutes: number): Promise<string[]> {
      const rows = await query<{ id: string }>(
        `with gone as (delete from login_failures where at < now() - make_interval(mins => $2))
         insert into login_failures (key) select unnest($1::text[]) returning id::text`,
        [keys, pruneMinutes],
      );
      return rows.map((r) => r.id);
    },
    /** How many attempts each key had within the window. */
    async attemptCounts(keys: string[], windowMinutes: number): Promise<Map<string, number>> {
      const rows = await query<{ key: string; n: number }>(
        `select key, count(*)::int as n from login_failures
          where key = any($1::text[]) and at > now() - make_interval(mins => $2) group by key`,
        [keys, windowMinutes],
      );
      return new Map(rows.map((r) => [r.key, r.n]));
    },
    async forgetAttempts(ids: string[]): Promise<void> {
      await query('delete from login_failures where id = any($1::bigint[])', [ids]);
    },
    async clearFailures(key: string, andIds: string[] = []): Promise<void> {
      await query('delete from login_failures where key = $1 or id = any($2::bigint[])', [key, andIds]);
    },
  };
}

function sessionQueries(query: QueryFn) {
  return {
    /** The signing key of that name, made at random the first time (by whichever instance is first). */
    async serverKey(name: string, fresh: string): Promise<string> {
      await query('insert into server_keys (name, key) values ($1, $2) on conflict (name) do nothing', [
        name,
        fresh,
      ]);
      const [row] = await query<{ key: string }>('select key from server_keys where name = $1', [name]);
      return row!.key;
    },

    /** Stores a session; returns when it expires and the user's e-mail. */
    async insertSession(values: {
      tokenHash: string;
      userId: string;
      csrfToken: string;
      idleHours: number;
    }): Promise<{ expiresAt: string; email: string }> {
      const [row] = await query<{ expiresAt: string; email: string }>(
        `insert into sessions (token_hash, user_id, csrf_token, expires_at)
         values ($1, $2, $3, now() + make_interval(hours => $4))
         returning expires_at::text as "expiresAt", (select email from users where id = $2)`,
        [values.tokenHash, values.userId, values.csrfToken, values.idleHours],
      );
      return row!;
    },
    /** The live session of a token hash, its idle time extended (never past maxHours after it began). */
    async touchSession(
      tokenHash: string,
      idleHours: number,
      maxHours: number,
    ): Promise<LiveSessionRow | undefined> {
      const [row] = await query<LiveSessionRow>(
        `with s as (
           update sessions set last_seen_at = now(),
                  expires_at = least(now() + make_interval(hours => $2), created_at + make_interval(hours => $3))
            where token_hash = $1 and expires_at > now()
              and created_at > now() - make_interval(hours => $3)
            returning user_id, csrf_token, expires_at, institution_id)
         select s.user_id as "userId", s.csrf_token as "csrfToken", s.expires_at::text as "expiresAt",
                s.institution_id as "institutionId", i.slug as "institutionSlug"
           from s left join institutions i on i.id = s.institution_id`,
        [tokenHash, idleHours, maxHours],
      );
      return row;
    },
    async sessionUser(tokenHash: string): Promise<string | undefined> {
      const [row] = await query<Pick<SessionRow, 'userId'>>(
        'select user_id as "userId" from sessions where token_hash = $1 and expires_at > now()',
        [tokenHash],
      );
      return row?.userId;
    },
    async setSessionInstitution(tokenHash: string, institutionId: string): Promise<void> {
      await query('update sessions set institution_id = $2 where token_hash = $1', [
        tokenHash,
        institutionId,
      ]);
    },
    async deleteSession(tokenHash: string): Promise<void> {
      await query('delete from sessions where token_hash = $1', [tokenHash]);
    },
    /** Ends every session of the user but the one with this token hash. */
    async deleteOtherSessions(userId: string, keepTokenHash: string): Promise<void> {
      await query('delete from sessions where user_id = $1 and token_hash <> $2', [userId, keepTokenHash]);
    },
  };
}

function apiTokenQueries(query: QueryFn) {
  return {
    async insertApiToken(
      values: Pick<ApiTokenRow, 'institutionId' | 'createdBy' | 'name' | 'tokenHash' | 'scope'>,
    ): Promise<string> {
      const [row] = await query<Pick<ApiTokenRow, 'id'>>(
        `insert into api_tokens (institution_id, created_by, name, token_hash, scope)
         values ($1, $2, $3, $4, $5) returning id`,
        [values.institutionId, values.createdBy, values.name, values.tokenHash, values.scope],
      );
      return row!.id;
    },
    /** Revokes an active token; undefined when there is none with this id. */
    async revokeApiToken(id: string): Promise<Pick<ApiTokenRow, 'institutionId' | 'name'> | undefined> {
      const [row] = await query<Pick<ApiTokenRow, 'institutionId' | 'name'>>(
        `update api_tokens set revoked_at = now() where id = $1 and revoked_at is null
         returning institution_id as "institutionId", name`,
        [id],
      );
      return row;
    },
    /** The active token of a hash, marked as used now. */
    async useApiToken(tokenHash: string): Promise<ApiTokenUse | undefined> {
      const [row] = await query<ApiTokenUse>(
        `update api_tokens t set last_used_at = now() from institutions i
          where t.token_hash = $1 and t.revoked_at is null and i.id = t.institution_id
          returning t.id, t.name, t.institution_id as "institutionId", i.slug as "institutionSlug", t.scope`,
        [tokenHash],
      );
      return row;
    },
  };
}

/** A user an OpenID Connect sign-in matched, and whether they have a role in the provider's institution. */
export type OidcCandidate = Pick<UserRow, 'id' | 'disabled'> & { member: boolean };

function oidcQueries(query: QueryFn) {
  const candidate = async (where: string, key: string, institutionSlug: string) => {
    const [row] = await query<OidcCandidate>(
      `select u.id, u.disabled,
              exists (select 1 from user_roles r join institutions i on i.id = r.institution_id
                       where r.user_id = u.id and i.slug = $2) as member
         from users u where ${where}`,
      [key, institutionSlug],
    );
    return row;
  };
  return {
    /** The user linked to a provider's subject (issuer#sub). */
    oidcBySubject: (subject: string, institutionSlug: string) =>
      candidate('u.oidc_subject = $1', subject, institutionSlug),
    /** The user of an e-mail address (any case). */
    oidcByEmail: (email: string, institutionSlug: string) =>
      candidate('lower(u.email) = lower($1)', email, institutionSlug),
    /** Links a user not linked yet to a subject; false when the user is linked already. */
    async linkOidcSubject(userId: string, subject: string): Promise<boolean> {
      const rows = await query(
        'update users set oidc_subject = $2 where id = $1 and oidc_subject is null returning id',
        [userId, subject],
      );
      return rows.length > 0;
    },
    /** The link's audit entry, in the institution's log, by the user (as their e-mail). */
    async auditOidcLink(
      userId: string,
      institutionSlug: string,
      after: { oidcIssuer: unknown },
    ): Promise<void> {
      await query(
        `insert into audit_events (institution_id, actor_id, actor, action, entity, entity_id, after)
         select i.id, u.id, u.email, 'link_oidc', 'user', u.id::text, $3
           from users u, institutions i where u.id = $1 and i.slug = $2`,
        [userId, institutionSlug, JSON.stringify(after)],
      );
    },
  };
}

export type AccountsRepository = ReturnType<typeof createAccountsRepository>;
