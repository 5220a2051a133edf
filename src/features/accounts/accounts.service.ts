// Accounts: users and their roles per institution, passwords (argon2id), sign-in with throttling, and
// sessions stored in the database so that every instance shares them.
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { argon2id, argon2Verify } from 'hash-wasm';
import type { Database, QueryFn } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { type AuditActor, appendAudit } from '../audit/audit.service.ts';
import type { InstitutionsService } from '../institutions/institutions.service.ts';
import { ROLES, type Role } from './accounts.table.ts';

/** OWASP's minimum for argon2id: 19 MiB, two passes, one lane. */
const ARGON2 = { memorySize: 19_456, iterations: 2, parallelism: 1, hashLength: 32 } as const;
export const MIN_PASSWORD_LENGTH = 12;
/**
 * Throttling of secrets checked by the server: failures counted over a window, per account and per address
 * for sign-in, per user for the current password of the password form.
 */
export const THROTTLE = { windowMinutes: 15, perAccount: 5, perAddress: 30, perPasswordChange: 5 } as const;
/** A session lasts this long without use, and never longer than SESSION_MAX_HOURS. */
const SESSION_IDLE_HOURS = 8;
const SESSION_MAX_HOURS = 24 * 7;

export interface UserRole {
  institutionId: string;
  institutionSlug: string;
  role: Role;
}

export interface User {
  id: string;
  email: string;
  name: string;
  platformAdmin: boolean;
  roles: UserRole[];
}

export interface Session {
  user: User;
  csrfToken: string;
  expiresAt: string;
  /** The institution chosen for this session (a user with several, or a platform admin, can switch). */
  chosen: { institutionId: string; institutionSlug: string } | null;
}

export async function hashPassword(password: string): Promise<string> {
  return argon2id({ ...ARGON2, password, salt: randomBytes(16), outputType: 'encoded' });
}

export async function verifyPassword(password: string, hash: string): Promise<boolean> {
  try {
    return await argon2Verify({ password, hash });
  } catch {
    return false;
  }
}

/** A password to hand to a person once: 20 characters from an alphabet without look-alikes (~115 bits). */
export function generatePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let out = '';
  for (let i = 0; i < 20; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** An e-mail address as Ponte keeps it (trimmed), or invalid_input on `email`. */
export function checkEmail(raw: string): string {
  const email = raw.trim();
  if (!EMAIL.test(email) || email.length > 254)
    throw AppError.invalid('email', `"${raw}" is not an e-mail address`);
  return email;
}

export function checkPassword(password: string, field = 'password'): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw AppError.invalid(field, `The password must be at least ${MIN_PASSWORD_LENGTH} characters long`);
  }
}

// A real hash to verify against when the account does not exist, so that a wrong e-mail costs as much time
// as a wrong password and does not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;

export function createAccountsService(deps: { database: Database; institutions: InstitutionsService }) {
  const { database, institutions } = deps;

  async function rolesOf(userIds: string[]): Promise<Map<string, UserRole[]>> {
    const rows = await database.query<{ user_id: string; institution_id: string; slug: string; role: Role }>(
      `select r.user_id, r.institution_id, i.slug, r.role
         from user_roles r join institutions i on i.id = r.institution_id
        where r.user_id = any($1::uuid[]) order by i.slug`,
      [userIds],
    );
    const out = new Map<string, UserRole[]>();
    for (const r of rows) {
      const list = out.get(r.user_id) ?? [];
      list.push({ institutionId: r.institution_id, institutionSlug: r.slug, role: r.role });
      out.set(r.user_id, list);
    }
    return out;
  }

  async function userById(id: string): Promise<User | undefined> {
    const [row] = await database.query<{ id: string; email: string; name: string; platform_admin: boolean }>(
      'select id, email, name, platform_admin from users where id = $1 and not disabled',
      [id],
    );
    if (!row) return undefined;
    const roles = (await rolesOf([row.id])).get(row.id) ?? [];
    return { id: row.id, email: row.email, name: row.name, platformAdmin: row.platform_admin, roles };
  }

  /**
   * Takes one attempt on each key before a secret is checked, and refuses when a key has had more than its
   * limit within the window. The attempt is written (and committed) before the count is read, so parallel
   * attempts cannot all see the same low count: of any limit+1 of them, the last to count sees them all.
   * A failed check leaves its attempt as a failure; `release` takes it back after a success.
   */
  async function takeAttempt(limits: [key: string, max: number][]): Promise<{ ids: string[] }> {
    const keys = limits.map(([key]) => key);
    const taken = await database.query<{ id: string }>(
      `with gone as (delete from login_failures where at < now() - make_interval(mins => $2))
       insert into login_failures (key) select unnest($1::text[]) returning id::text`,
      [keys, THROTTLE.windowMinutes * 4],
    );
    const ids = taken.map((r) => r.id);
    const counts = await database.query<{ key: string; n: number }>(
      `select key, count(*)::int as n from login_failures
        where key = any($1::text[]) and at > now() - make_interval(mins => $2) group by key`,
      [keys, THROTTLE.windowMinutes],
    );
    const over = limits.some(([key, max]) => (counts.find((c) => c.key === key)?.n ?? 0) > max);
    if (over) {
      // A refused attempt is not a failure: hammering does not keep the owner locked out for ever.
      await database.query('delete from login_failures where id = any($1::bigint[])', [ids]);
      throw new AppError(
        'rate_limited',
        `Too many failed attempts: try again in ${THROTTLE.windowMinutes} minutes`,
        { details: { retryAfterSeconds: THROTTLE.windowMinutes * 60 } },
      );
    }
    return { ids };
  }

  /**
   * Appends an entry about a user to the log of each institution the user has a role in (the platform's log
   * when none, or when the account is unknown), through `query` so it joins the caller's transaction.
   */
  async function auditUser(
    query: QueryFn,
    actor: AuditActor,
    userId: string | undefined,
    entry: { action: string; after?: unknown },
  ): Promise<void> {
    const rows = userId
      ? await query<{ institution_id: string }>('select institution_id from user_roles where user_id = $1', [
          userId,
        ])
      : [];
    const where = rows.length > 0 ? rows.map((r) => r.institution_id) : [null];
    await appendAudit(
      query,
      actor,
      where.map((institutionId) => ({
        institutionId,
        action: entry.action,
        entity: 'user',
        entityId: userId ?? 'unknown',
        after: entry.after,
      })),
    );
  }

  let signingKey: Promise<Buffer> | undefined;
  /** The server's key for signing form tokens: made once, kept in the database for every instance. */
  function serverKey(): Promise<Buffer> {
    signingKey ??= (async () => {
      await database.query(
        `insert into server_keys (name, key) values ('forms', $1) on conflict (name) do nothing`,
        [randomBytes(32).toString('base64url')],
      );
      const [row] = await database.query<{ key: string }>(`select key from server_keys where name = 'forms'`);
      return Buffer.from(row!.key, 'base64url');
    })().catch((err) => {
      signingKey = undefined;
      throw err;
    });
    return signingKey;
  }

  const service = {
    /**
     * The CSRF token of the sign-in form, bound to the browser's pre-session (a random value in a cookie of
     * its own): a token is good only with the pre-session it was made for, and only the server can make one.
     */
    async signInFormToken(preSession: string): Promise<string> {
      return createHmac('sha256', await serverKey())
        .update(`sign-in:${preSession}`)
        .digest('base64url');
    },

    /** Whether a sign-in form's token was made for this pre-session. */
    async checkSignInForm(preSession: unknown, token: unknown): Promise<boolean> {
      if (typeof preSession !== 'string' || typeof token !== 'string' || preSession.length < 32) return false;
      const expected = Buffer.from(await service.signInFormToken(preSession));
      const sent = Buffer.from(token);
      return sent.length === expected.length && timingSafeEqual(sent, expected);
    },

    /**
     * Creates a user with a role in an institution (or a platform admin). Without a password, one is generated
     * and returned: the only time it is ever shown.
     */
    async createUser(input: {
      email: string;
      name?: string;
      institution?: string;
      role?: Role;
      platformAdmin?: boolean;
      password?: string;
      actor?: string;
    }): Promise<{ user: User; password?: string }> {
      const email = checkEmail(input.email);
      if (input.role && !ROLES.includes(input.role)) {
        throw AppError.invalid('role', `The role must be one of ${ROLES.join(', ')}`);
      }
      if (!input.platformAdmin && !input.institution) {
        throw AppError.invalid('institution', 'A user needs an institution, or to be a platform admin');
      }
      const institutionId = input.institution ? await institutions.idOf(input.institution) : undefined;
      const generated = input.password === undefined ? generatePassword() : undefined;
      const password = input.password ?? generated!;
      checkPassword(password);
      const hash = await hashPassword(password);
      const id = await database.transaction(async () => {
        const taken = await database.query('select 1 from users where lower(email) = lower($1)', [email]);
        if (taken.length > 0) {
          throw new AppError('conflict', `A user with the e-mail ${email} already exists`, {
            field: 'email',
          });
        }
        const [row] = await database.query<{ id: string }>(
          `insert into users (email, name, password_hash, platform_admin, password_changed_at)
           values ($1, $2, $3, $4, now()) returning id`,
          [email, input.name?.trim() || email, hash, !!input.platformAdmin],
        );
        if (institutionId) {
          await database.query('insert into user_roles (user_id, institution_id, role) values ($1, $2, $3)', [
            row!.id,
            institutionId,
            input.role ?? 'viewer',
          ]);
        }
        await database.query(
          `insert into audit_events (institution_id, actor, action, entity, entity_id, after)
           values ($1, $2, 'create', 'user', $3, $4)`,
          [
            institutionId ?? null,
            input.actor ?? 'cli',
            row!.id,
            JSON.stringify({ email, role: input.role ?? 'viewer', platformAdmin: !!input.platformAdmin }),
          ],
        );
        return row!.id;
      });
      const user = (await userById(id))!;
      return generated ? { user, password: generated } : { user };
    },

    /**
     * Checks an e-mail and password. Refuses without checking once the account or the address has failed too
     * often within the window; every failure counts towards both.
     */
    async authenticate(email: string, password: string, address: string): Promise<User> {
      const accountKey = `account:${email.trim().toLowerCase()}`;
      const addressKey = `address:${address}`;
      const attempt = await takeAttempt([
        [accountKey, THROTTLE.perAccount],
        [addressKey, THROTTLE.perAddress],
      ]);
      const [row] = await database.query<{ id: string; password_hash: string | null }>(
        'select id, password_hash from users where lower(email) = lower($1) and not disabled',
        [email.trim()],
      );
      dummyHash ??= hashPassword(generatePassword());
      const ok = await verifyPassword(password, row?.password_hash ?? (await dummyHash));
      if (!row?.password_hash || !ok) {
        // In the logs of the account's institutions, so their admins see attempts on their staff.
        await auditUser(database.query, { userId: null, label: email.trim().slice(0, 200) }, row?.id, {
          action: 'sign_in_failed',
          after: { email: email.trim().slice(0, 200), address },
        });
        throw new AppError('unauthorized', 'The e-mail or the password is not right');
      }
      // Success clears the account's failures, and this attempt from the address's count.
      await database.query('delete from login_failures where key = $1 or id = any($2::bigint[])', [
        accountKey,
        attempt.ids,
      ]);
      return (await userById(row.id))!;
    },

    /**
     * Opens a session, a sign-in that the log of the user's institutions records with how and from where;
     * returns the token for the cookie (only its hash is stored).
     */
    async createSession(
      userId: string,
      how: { method: 'password' | 'oidc'; address: string },
    ): Promise<{ token: string; csrfToken: string; expiresAt: string }> {
      const token = randomBytes(32).toString('base64url');
      const csrfToken = randomBytes(32).toString('base64url');
      const expiresAt = await database.transaction(async () => {
        const [row] = await database.query<{ expires_at: string; email: string }>(
          `insert into sessions (token_hash, user_id, csrf_token, expires_at)
           values ($1, $2, $3, now() + make_interval(hours => $4))
           returning expires_at::text, (select email from users where id = $2)`,
          [sha256(token), userId, csrfToken, SESSION_IDLE_HOURS],
        );
        await auditUser(database.query, { userId, label: row!.email }, userId, {
          action: 'sign_in',
          after: how,
        });
        return row!.expires_at;
      });
      return { token, csrfToken, expiresAt };
    },

    /** The live session of a cookie token, extending its idle time; undefined when unknown or expired. */
    async session(token: string | undefined): Promise<Session | undefined> {
      if (!token) return undefined;
      const [row] = await database.query<{
        user_id: string;
        csrf_token: string;
        expires_at: string;
        institution_id: string | null;
        slug: string | null;
      }>(
        `with s as (
           update sessions set last_seen_at = now(),
                  expires_at = least(now() + make_interval(hours => $2), created_at + make_interval(hours => $3))
            where token_hash = $1 and expires_at > now()
              and created_at > now() - make_interval(hours => $3)
            returning user_id, csrf_token, expires_at, institution_id)
         select s.user_id, s.csrf_token, s.expires_at::text, s.institution_id, i.slug
           from s left join institutions i on i.id = s.institution_id`,
        [sha256(token), SESSION_IDLE_HOURS, SESSION_MAX_HOURS],
      );
      if (!row) return undefined;
      const user = await userById(row.user_id);
      if (!user) return undefined;
      const chosen =
        row.institution_id && row.slug
          ? { institutionId: row.institution_id, institutionSlug: row.slug }
          : null;
      return { user, csrfToken: row.csrf_token, expiresAt: row.expires_at, chosen };
    },

    /**
     * Makes the session work in another institution: one where the user has a role, or any for a platform
     * administrator. Anything else is refused, whatever the form sent.
     */
    async chooseInstitution(token: string | undefined, slug: string): Promise<void> {
      const [live] = token
        ? await database.query<{ user_id: string }>(
            'select user_id from sessions where token_hash = $1 and expires_at > now()',
            [sha256(token)],
          )
        : [];
      const user = live ? await userById(live.user_id) : undefined;
      if (!user) throw new AppError('unauthorized', 'Sign in first');
      const [institution] = await database.query<{ id: string }>(
        'select id from institutions where slug = $1',
        [slug],
      );
      const allowed =
        institution && (user.platformAdmin || user.roles.some((r) => r.institutionId === institution.id));
      if (!allowed) throw new AppError('forbidden', 'You have no role in that institution');
      await database.query('update sessions set institution_id = $2 where token_hash = $1', [
        sha256(token!),
        institution.id,
      ]);
    },

    async endSession(token: string | undefined): Promise<void> {
      if (token) await database.query('delete from sessions where token_hash = $1', [sha256(token)]);
    },

    /** Changes a password after checking the current one; every other session of the user ends. */
    async changePassword(
      userId: string,
      current: string,
      next: string,
      keepSessionToken?: string,
    ): Promise<void> {
      const key = `password:${userId}`;
      await takeAttempt([[key, THROTTLE.perPasswordChange]]);
      const [row] = await database.query<{ password_hash: string | null }>(
        'select password_hash from users where id = $1',
        [userId],
      );
      if (!row?.password_hash || !(await verifyPassword(current, row.password_hash))) {
        throw AppError.invalid('current', 'The current password is not right');
      }
      await database.query('delete from login_failures where key = $1', [key]);
      checkPassword(next, 'next');
      if (next === current)
        throw AppError.invalid('next', 'The new password must differ from the current one');
      const hash = await hashPassword(next);
      await database.transaction(async () => {
        await database.query(
          'update users set password_hash = $2, password_changed_at = now() where id = $1',
          [userId, hash],
        );
        await database.query('delete from sessions where user_id = $1 and token_hash <> $2', [
          userId,
          keepSessionToken ? sha256(keepSessionToken) : '',
        ]);
        const [who] = await database.query<{ email: string }>('select email from users where id = $1', [
          userId,
        ]);
        await auditUser(database.query, { userId, label: who!.email }, userId, { action: 'change_password' });
      });
    },

    /**
     * For a fresh embedded start: each institution without an admin gets one, with a generated password that
     * the caller prints once. Returns what it created.
     */
    async ensureAdmins(): Promise<{ institution: string; email: string; password: string }[]> {
      const lacking = await database.query<{ slug: string }>(
        `select i.slug from institutions i
          where not exists (select 1 from user_roles r where r.institution_id = i.id and r.role = 'admin')
          order by i.slug`,
      );
      const created: { institution: string; email: string; password: string }[] = [];
      for (const { slug } of lacking) {
        const email = `admin@${slug}.ponte.invalid`;
        const result = await service.createUser({
          email,
          name: `Admin ${slug}`,
          institution: slug,
          role: 'admin',
          actor: 'first start',
        });
        created.push({ institution: slug, email, password: result.password! });
      }
      return created;
    },

    /**
     * Issues an API token for an institution: `read` sees unpublished records too, `write` also changes them.
     * The secret is returned once; only its SHA-256 is stored.
     */
    async createApiToken(input: {
      institution: string;
      name: string;
      scope: 'read' | 'write';
      createdBy?: string;
      /** Who issues it: the admin on the users page, or the CLI. */
      actor: AuditActor;
    }): Promise<{ id: string; token: string }> {
      const name = input.name.trim();
      if (!name || name.length > 100)
        throw AppError.invalid('name', 'Give the token a name of 1 to 100 characters');
      if (input.scope !== 'read' && input.scope !== 'write') {
        throw AppError.invalid('scope', 'The scope must be read or write');
      }
      const institutionId = await institutions.idOf(input.institution);
      const token = `ponte_${randomBytes(32).toString('base64url')}`;
      const id = await database.transaction(async () => {
        const [row] = await database.query<{ id: string }>(
          `insert into api_tokens (institution_id, created_by, name, token_hash, scope)
           values ($1, $2, $3, $4, $5) returning id`,
          [institutionId, input.createdBy ?? null, name, sha256(token), input.scope],
        );
        await appendAudit(database.query, input.actor, [
          {
            institutionId,
            action: 'create',
            entity: 'api_token',
            entityId: row!.id,
            after: { name, scope: input.scope },
          },
        ]);
        return row!.id;
      });
      return { id, token };
    },

    /** Revokes a token at once; it cannot be used again. */
    async revokeApiToken(id: string, actor: AuditActor): Promise<void> {
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw AppError.notFound('Active API token', id);
      await database.transaction(async () => {
        const [row] = await database.query<{ institution_id: string; name: string }>(
          `update api_tokens set revoked_at = now() where id = $1 and revoked_at is null
           returning institution_id, name`,
          [id],
        );
        if (!row) throw AppError.notFound('Active API token', id);
        await appendAudit(database.query, actor, [
          {
            institutionId: row.institution_id,
            action: 'revoke',
            entity: 'api_token',
            entityId: id,
            after: { name: row.name },
          },
        ]);
      });
    },

    /** What a bearer token may do, or undefined when it is unknown or revoked. */
    async apiToken(
      token: string,
    ): Promise<
      | { id: string; name: string; institutionId: string; institutionSlug: string; scope: 'read' | 'write' }
      | undefined
    > {
      const [row] = await database.query<{
        id: string;
        name: string;
        institution_id: string;
        slug: string;
        scope: 'read' | 'write';
      }>(
        `update api_tokens t set last_used_at = now() from institutions i
          where t.token_hash = $1 and t.revoked_at is null and i.id = t.institution_id
          returning t.id, t.name, t.institution_id, i.slug, t.scope`,
        [sha256(token)],
      );
      return row
        ? {
            id: row.id,
            name: row.name,
            institutionId: row.institution_id,
            institutionSlug: row.slug,
            scope: row.scope,
          }
        : undefined;
    },

    userById,
  };
  return service;
}

export type AccountsService = ReturnType<typeof createAccountsService>;
