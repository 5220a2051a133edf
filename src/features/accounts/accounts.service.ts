// Accounts: users and their roles per institution, passwords (argon2id), sign-in with throttling, and
// sessions stored in the database so that every instance shares them.
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { argon2id, argon2Verify } from 'hash-wasm';
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { type AuditActor, appendAudit } from '../audit/audit.service.ts';
import type { InstitutionsService } from '../institutions/institutions.service.ts';
import { type AccountsRepository, createAccountsRepository } from './accounts.repository.ts';
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

type Deps = { database: Database; repo: AccountsRepository; institutions: InstitutionsService };

export function createAccountsService(deps: { database: Database; institutions: InstitutionsService }) {
  const all: Deps = { ...deps, repo: createAccountsRepository(deps.database) };
  const users = usersOf(all);
  return {
    ...signInForms(all.repo),
    ...users,
    ...sessionsOf(all, users.userById),
    ...apiTokensOf(all),
  };
}

/** The user of an id with the roles, or undefined when unknown or disabled. */
function userLookup(repo: AccountsRepository) {
  async function rolesOf(userIds: string[]): Promise<Map<string, UserRole[]>> {
    const out = new Map<string, UserRole[]>();
    for (const r of await repo.rolesOf(userIds)) {
      const list = out.get(r.userId) ?? [];
      list.push({ institutionId: r.institutionId, institutionSlug: r.institutionSlug, role: r.role });
      out.set(r.userId, list);
    }
    return out;
  }
  return async function userById(id: string): Promise<User | undefined> {
    const row = await repo.activeUser(id);
    if (!row) return undefined;
    const roles = (await rolesOf([row.id])).get(row.id) ?? [];
    return { ...row, roles };
  };
}

/**
 * Takes one attempt on each key before a secret is checked, and refuses when a key has had more than its
 * limit within the window. The attempt is written (and committed) before the count is read, so parallel
 * attempts cannot all see the same low count: of any limit+1 of them, the last to count sees them all.
 * A failed check leaves its attempt as a failure; `release` takes it back after a success.
 */
async function takeAttempt(
  repo: AccountsRepository,
  limits: [key: string, max: number][],
): Promise<{ ids: string[] }> {
  const keys = limits.map(([key]) => key);
  const ids = await repo.takeAttempts(keys, THROTTLE.windowMinutes * 4);
  const counts = await repo.attemptCounts(keys, THROTTLE.windowMinutes);
  const over = limits.some(([key, max]) => (counts.get(key) ?? 0) > max);
  if (over) {
    // A refused attempt is not a failure: hammering does not keep the owner locked out for ever.
    await repo.forgetAttempts(ids);
    throw new AppError(
      'rate_limited',
      `Too many failed attempts: try again in ${THROTTLE.windowMinutes} minutes`,
      {
        details: { retryAfterSeconds: THROTTLE.windowMinutes * 60 },
      },
    );
  }
  return { ids };
}

/**
 * Appends an entry about a user to the log of each institution the user has a role in (the platform's log
 * when none, or when the account is unknown), in the caller's transaction if one is open.
 */
async function auditUser(
  { database, repo }: Pick<Deps, 'database' | 'repo'>,
  actor: AuditActor,
  userId: string | undefined,
  entry: { action: string; after?: unknown },
): Promise<void> {
  const ids = userId ? await repo.roleInstitutions(userId) : [];
  const where = ids.length > 0 ? ids : [null];
  await appendAudit(
    database.query,
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

function signInForms(repo: AccountsRepository) {
  let signingKey: Promise<Buffer> | undefined;
  /** The server's key for signing form tokens: made once, kept in the database for every instance. */
  function serverKey(): Promise<Buffer> {
    signingKey ??= repo
      .serverKey('forms', randomBytes(32).toString('base64url'))
      .then((key) => Buffer.from(key, 'base64url'))
      .catch((err) => {
        signingKey = undefined;
        throw err;
      });
    return signingKey;
  }
  const forms = {
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
      const expected = Buffer.from(await forms.signInFormToken(preSession));
      const sent = Buffer.from(token);
      return sent.length === expected.length && timingSafeEqual(sent, expected);
    },
  };
  return forms;
}

function usersOf(deps: Deps) {
  const { database, repo, institutions } = deps;
  const userById = userLookup(repo);
  const users = {
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
      const role = input.role ?? 'viewer';
      const platformAdmin = !!input.platformAdmin;
      const id = await database.transaction(async () => {
        if (await repo.emailTaken(email)) {
          throw new AppError('conflict', `A user with the e-mail ${email} already exists`, {
            field: 'email',
          });
        }
        const userId = await repo.insertUser({
          email,
          name: input.name?.trim() || email,
          hash,
          platformAdmin,
        });
        if (institutionId) await repo.insertRole(userId, institutionId, role);
        await appendAudit(database.query, { userId: null, label: input.actor ?? 'cli' }, [
          {
            institutionId: institutionId ?? null,
            action: 'create',
            entity: 'user',
            entityId: userId,
            after: { email, role, platformAdmin },
          },
        ]);
        return userId;
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
      const attempt = await takeAttempt(repo, [
        [accountKey, THROTTLE.perAccount],
        [addressKey, THROTTLE.perAddress],
      ]);
      const row = await repo.credentials(email.trim());
      dummyHash ??= hashPassword(generatePassword());
      const ok = await verifyPassword(password, row?.passwordHash ?? (await dummyHash));
      if (!row?.passwordHash || !ok) {
        // In the logs of the account's institutions, so their admins see attempts on their staff.
        await auditUser(deps, { userId: null, label: email.trim().slice(0, 200) }, row?.id, {
          action: 'sign_in_failed',
          after: { email: email.trim().slice(0, 200), address },
        });
        throw new AppError('unauthorized', 'The e-mail or the password is not right');
      }
      // Success clears the account's failures, and this attempt from the address's count.
      await repo.clearFailures(accountKey, attempt.ids);
      return (await userById(row.id))!;
    },

    /** Changes a password after checking the current one; every other session of the user ends. */
    async changePassword(
      userId: string,
      current: string,
      next: string,
      keepSessionToken?: string,
    ): Promise<void> {
      const key = `password:${userId}`;
      await takeAttempt(repo, [[key, THROTTLE.perPasswordChange]]);
      const stored = await repo.passwordHash(userId);
      if (!stored || !(await verifyPassword(current, stored))) {
        throw AppError.invalid('current', 'The current password is not right');
      }
      await repo.clearFailures(key);
      checkPassword(next, 'next');
      if (next === current)
        throw AppError.invalid('next', 'The new password must differ from the current one');
      const hash = await hashPassword(next);
      await database.transaction(async () => {
        await repo.setPassword(userId, hash);
        await repo.deleteOtherSessions(userId, keepSessionToken ? sha256(keepSessionToken) : '');
        const email = await repo.emailOf(userId);
        await auditUser(deps, { userId, label: email! }, userId, { action: 'change_password' });
      });
    },

    /**
     * For a fresh embedded start: each institution without an admin gets one, with a generated password that
     * the caller prints once. Returns what it created.
     */
    async ensureAdmins(): Promise<{ institution: string; email: string; password: string }[]> {
      const created: { institution: string; email: string; password: string }[] = [];
      for (const slug of await repo.institutionsLackingAdmin()) {
        const email = `admin@${slug}.ponte.invalid`;
        const result = await users.createUser({
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

    userById,
  };
  return users;
}

function sessionsOf(deps: Deps, userById: (id: string) => Promise<User | undefined>) {
  const { database, repo } = deps;
  return {
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
        const row = await repo.insertSession({
          tokenHash: sha256(token),
          userId,
          csrfToken,
          idleHours: SESSION_IDLE_HOURS,
        });
        await auditUser(deps, { userId, label: row.email }, userId, { action: 'sign_in', after: how });
        return row.expiresAt;
      });
      return { token, csrfToken, expiresAt };
    },

    /** The live session of a cookie token, extending its idle time; undefined when unknown or expired. */
    async session(token: string | undefined): Promise<Session | undefined> {
      if (!token) return undefined;
      const row = await repo.touchSession(sha256(token), SESSION_IDLE_HOURS, SESSION_MAX_HOURS);
      if (!row) return undefined;
      const user = await userById(row.userId);
      if (!user) return undefined;
      const chosen =
        row.institutionId && row.institutionSlug
          ? { institutionId: row.institutionId, institutionSlug: row.institutionSlug }
          : null;
      return { user, csrfToken: row.csrfToken, expiresAt: row.expiresAt, chosen };
    },

    /**
     * Makes the session work in another institution: one where the user has a role, or any for a platform
     * administrator. Anything else is refused, whatever the form sent.
     */
    async chooseInstitution(token: string | undefined, slug: string): Promise<void> {
      const userId = token ? await repo.sessionUser(sha256(token)) : undefined;
      const user = userId ? await userById(userId) : undefined;
      if (!user) throw new AppError('unauthorized', 'Sign in first');
      const institutionId = await repo.institutionIdBySlug(slug);
      const allowed =
        institutionId && (user.platformAdmin || user.roles.some((r) => r.institutionId === institutionId));
      if (!allowed) throw new AppError('forbidden', 'You have no role in that institution');
      await repo.setSessionInstitution(sha256(token!), institutionId);
    },

    async endSession(token: string | undefined): Promise<void> {
      if (token) await repo.deleteSession(sha256(token));
    },
  };
}

function apiTokensOf({ database, repo, institutions }: Deps) {
  return {
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
        const tokenId = await repo.insertApiToken({
          institutionId,
          createdBy: input.createdBy ?? null,
          name,
          tokenHash: sha256(token),
          scope: input.scope,
        });
        await appendAudit(database.query, input.actor, [
          {
            institutionId,
            action: 'create',
            entity: 'api_token',
            entityId: tokenId,
            after: { name, scope: input.scope },
          },
        ]);
        return tokenId;
      });
      return { id, token };
    },

    /** Revokes a token at once; it cannot be used again. */
    async revokeApiToken(id: string, actor: AuditActor): Promise<void> {
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw AppError.notFound('Active API token', id);
      await database.transaction(async () => {
        const row = await repo.revokeApiToken(id);
        if (!row) throw AppError.notFound('Active API token', id);
        await appendAudit(database.query, actor, [
          {
            institutionId: row.institutionId,
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
      return repo.useApiToken(sha256(token));
    },
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
