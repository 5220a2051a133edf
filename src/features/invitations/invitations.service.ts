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
import { createInvitationsRepository, type InvitationsRepository } from './invitations.repository.ts';

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

const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

export function createInvitationsService(deps: { database: Database; accounts: AccountsService }) {
  const repo = createInvitationsRepository(deps.database);
  return { ...adminSide(deps.database, repo), ...inviteeSide(deps.database, repo, deps.accounts) };
}

/** What an institution's admin does: invite, list the pending invitations, withdraw one. */
function adminSide(database: Database, repo: InvitationsRepository) {
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
      const role = input.role;
      if (!isRole(role)) throw AppError.invalid('role', `The role must be one of ${ROLES.join(', ')}`);
      const token = randomBytes(32).toString('base64url');
      return database.scoped({ institutionIds: [actor.institutionId] }, async () => {
        if (await repo.worksIn(actor.institutionId, email)) {
          throw new AppError('conflict', `${email} already works in this institution`, { field: 'email' });
        }
        await repo.revokeOpen(actor.institutionId, email);
        const row = await repo.insert({
          institutionId: actor.institutionId,
          email,
          name,
          role,
          tokenHash: sha256(token),
          createdBy: actor.userId,
          days: INVITATION_DAYS,
        });
        await appendAudit(database.query, actor, [
          {
            institutionId: actor.institutionId,
            action: 'invite',
            entity: 'invitation',
            entityId: row.id,
            after: { email, name, role },
          },
        ]);
        return { token, expiresAt: row.expiresAt };
      });
    },

    /** The actor's institution's invitations that wait to be accepted, newest first. */
    pending(actor: Actor): Promise<PendingInvitation[]> {
      requireAdmin(actor);
      return database.scoped({ institutionIds: [actor.institutionId] }, () =>
        repo.pending(actor.institutionId),
      );
    },

    /** Withdraws an invitation of the actor's institution; its address stops working at once. */
    withdraw(actor: Actor, id: string): Promise<void> {
      requireAdmin(actor);
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw AppError.notFound('Invitation', id);
      return database.scoped({ institutionIds: [actor.institutionId] }, async () => {
        const row = await repo.revoke(id);
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
  };
}

/** What the invited person does: open the address, accept. */
function inviteeSide(database: Database, repo: InvitationsRepository, accounts: AccountsService) {
  /** The invitation of a secret, if it can still be accepted (the caller's transaction, when open). */
  const pendingOf = (token: string) => repo.pendingOf(sha256(token));

  return {
    /** What the invitation of a secret offers; not_found when it cannot be accepted any more. */
    async open(token: string): Promise<OpenInvitation> {
      const row = await pendingOf(token);
      if (!row) throw gone();
      return {
        email: row.email,
        name: row.name,
        role: row.role,
        institution: { slug: row.slug, nameIt: row.nameIt, nameEn: row.nameEn },
        hasAccount: row.hasAccount,
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
      if (row.hasAccount) {
        userId = (await accounts.authenticate(row.email, answer.password, answer.address)).id;
      } else {
        checkPassword(answer.password);
      }
      // Claimed at once, so an address works once even when opened twice at the same moment.
      if (!(await repo.claim(row.id))) throw gone();
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
      const user = userId;
      await database.transaction(async () => {
        await repo.grantRole(user, row.institutionId, role);
        await appendAudit(database.query, { userId: user, label: row.email }, [
          {
            institutionId: row.institutionId,
            action: 'accept',
            entity: 'invitation',
            entityId: row.id,
            after: { email: row.email, role },
          },
        ]);
      });
      return user;
    },
  };
}

export type InvitationsService = ReturnType<typeof createInvitationsService>;

/** The address an invitation's secret opens, as the admin hands it over (the invitations' page answers it). */
export const invitationPath = (lang: import('../../platform/i18n.ts').Lang, token: string) =>
  `/admin/${lang}/invitation/${token}`;
