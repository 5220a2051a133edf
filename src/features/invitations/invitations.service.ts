// Invitations: an institution's admin invites a person by e-mail address with a role, and hands them a
// one-time address. The admin sees the same answer whether or not the address has a Ponte account elsewhere:
// only the person, opening the address, is asked either to choose a password (a new account) or to enter
// their own (an account they have). Every step is in the institution's audit log.
import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { type Actor, requireAdmin } from '../accounts/accounts.access.ts';
import { type AccountsService, checkEmail, checkPassword } from '../accounts/accounts.service.ts';
import { ROLES, type Role } from '../accounts/accounts.table.ts';
import { appendAudit } from '../audit/audit.service.ts';

/** How long an invitation may wait to be accepted. */
export const INVITATION_DAYS = 7;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export interface PendingInvitation {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
}

/** What the person who opens an invitation sees. */
export interface OpenInvitation {
  email: string;
  name: string;
  role: Role;
  institution: { slug: string; nameIt: string; nameEn: string };
  /** Whether the address already has an account: then its password accepts, else a new one is chosen. */
  hasAccount: boolean;
}

const gone = () =>
  new AppError('not_found', 'This invitation does not exist, was already used, was withdrawn or has expired');

export function createInvitationsService(deps: { database: Database; accounts: AccountsService }) {
  const { database, accounts } = deps;

  /** The invitation of a secret, if it can still be accepted (the caller's transaction, when open). */
  async function pendingOf(token: string) {
    const [row] = await database.query<{
      id: string;
      institution_id: string;
      email: string;
      name: string;
      role: Role;
      slug: string;
      name_it: string;
      name_en: string;
      has_account: boolean;
    }>(
      `select v.id, v.institution_id, v.email, v.name, v.role, i.slug, i.name_it, i.name_en,
              exists (select 1 from users u where lower(u.email) = lower(v.email)) as has_account
         from invitations v join institutions i on i.id = v.institution_id
        where v.token_hash = $1 and v.accepted_at is null and v.revoked_at is null and v.expires_at > now()`,
      [sha256(token)],
    );
    return row;
  }

  return {
    /**
     * Invites an address to the actor's institution with a role; returns the one-time secret of the address to
     * hand over. Refused only when the address already works in this institution (the admin sees that on the
     * users page anyway); an earlier invitation of the same address here is withdrawn.
     */
    async invite(
      actor: Actor,
      input: { email: string; name: string; role: string },
    ): Promise<{ token: string; expiresAt: string }> {
      requireAdmin(actor);
      const email = checkEmail(input.email);
      const name = input.name.trim();
      if (!name || name.length > 200) throw AppError.invalid('name', 'Give the name of the person');
      if (!(ROLES as readonly string[]).includes(input.role)) {
        throw AppError.invalid('role', `The role must be one of ${ROLES.join(', ')}`);
      }
      const token = randomBytes(32).toString('base64url');
      return database.scoped({ institutionIds: [actor.institutionId] }, async () => {
        const here = await database.query(
          `select 1 from user_roles r join users u on u.id = r.user_id
            where r.institution_id = $1 and lower(u.email) = lower($2)`,
          [actor.institutionId, email],
        );
        if (here.length > 0) {
          throw new AppError('conflict', `${email} already works in this institution`, { field: 'email' });
        }
        await database.query(
          `update invitations set revoked_at = now()
            where institution_id = $1 and lower(email) = lower($2) and accepted_at is null and revoked_at is null`,
          [actor.institutionId, email],
        );
        const [row] = await database.query<{ id: string; expires_at: string }>(
          `insert into invitations (institution_id, email, name, role, token_hash, created_by, expires_at)
           values ($1, $2, $3, $4, $5, $6, now() + make_interval(days => $7))
           returning id, expires_at::text`,
          [actor.institutionId, email, name, input.role, sha256(token), actor.userId, INVITATION_DAYS],
        );
        await appendAudit(database.query, actor, [
          {
            institutionId: actor.institutionId,
            action: 'invite',
            entity: 'invitation',
            entityId: row!.id,
            after: { email, name, role: input.role },
          },
        ]);
        return { token, expiresAt: row!.expires_at };
      });
    },

    /** The actor's institution's invitations that wait to be accepted, newest first. */
    pending(actor: Actor): Promise<PendingInvitation[]> {
      requireAdmin(actor);
      return database.scoped({ institutionIds: [actor.institutionId] }, async () => {
        const rows = await database.query<{
          id: string;
          email: string;
          name: string;
          role: Role;
          created_at: string;
          expires_at: string;
        }>(
          `select id, email, name, role, created_at::text, expires_at::text from invitations
            where institution_id = $1 and accepted_at is null and revoked_at is null and expires_at > now()
            order by created_at desc`,
          [actor.institutionId],
        );
        return rows.map((r) => ({
          id: r.id,
          email: r.email,
          name: r.name,
          role: r.role,
          createdAt: r.created_at,
          expiresAt: r.expires_at,
        }));
      });
    },

    /** Withdraws an invitation of the actor's institution; its address stops working at once. */
    withdraw(actor: Actor, id: string): Promise<void> {
      requireAdmin(actor);
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw AppError.notFound('Invitation', id);
      return database.scoped({ institutionIds: [actor.institutionId] }, async () => {
        const [row] = await database.query<{ email: string }>(
          `update invitations set revoked_at = now()
            where id = $1 and accepted_at is null and revoked_at is null returning email`,
          [id],
        );
        if (!row) throw AppError.notFound('Invitation', id);
        await appendAudit(database.query, actor, [
          {
            institutionId: actor.institutionId,
            action: 'withdraw',
            entity: 'invitation',
            entityId: id,
            after: row,
          },
        ]);
      });
    },

    /** What the invitation of a secret offers; not_found when it cannot be accepted any more. */
    async open(token: string): Promise<OpenInvitation> {
      const row = await pendingOf(token);
      if (!row) throw gone();
      return {
        email: row.email,
        name: row.name,
        role: row.role,
        institution: { slug: row.slug, nameIt: row.name_it, nameEn: row.name_en },
        hasAccount: row.has_account,
      };
    },

    /**
     * Accepts an invitation: with the password of the account the address already has (checked and throttled
     * as a sign-in), or with a new password for a new account. Returns the user, to open a session for.
     */
    async accept(
      token: string,
      answer: { name: string; password: string; address: string },
    ): Promise<string> {
      const row = await pendingOf(token);
      if (!row) throw gone();
      let userId: string | undefined;
      if (row.has_account) {
        userId = (await accounts.authenticate(row.email, answer.password, answer.address)).id;
      } else {
        checkPassword(answer.password);
      }
      // Claimed at once, so an address works once even when opened twice at the same moment.
      const claimed = await database.query(
        `update invitations set accepted_at = now()
          where id = $1 and accepted_at is null and revoked_at is null and expires_at > now() returning id`,
        [row.id],
      );
      if (claimed.length === 0) throw gone();
      const role = row.role;
      if (!userId) {
        const name = answer.name.trim().slice(0, 200) || row.name;
        const made = await accounts.createUser({
          email: row.email,
          name,
          password: answer.password,
          institution: row.slug,
          role,
          actor: row.email,
        });
        userId = made.user.id;
      }
      await database.transaction(async () => {
        await database.query(
          `insert into user_roles (user_id, institution_id, role) values ($1, $2, $3)
           on conflict (user_id, institution_id) do update set role = excluded.role`,
          [userId, row.institution_id, role],
        );
        await appendAudit(database.query, { userId: userId!, label: row.email }, [
          {
            institutionId: row.institution_id,
            action: 'accept',
            entity: 'invitation',
            entityId: row.id,
            after: { email: row.email, role },
          },
        ]);
      });
      return userId;
    },
  };
}

export type InvitationsService = ReturnType<typeof createInvitationsService>;

/** The address an invitation's secret opens, as the admin hands it over (the invitations' page answers it). */
export const invitationPath = (lang: import('../../platform/i18n.ts').Lang, token: string) =>
  `/admin/${lang}/invitation/${token}`;
