// Invitations' queries. Raw SQL through Database.query (which joins the open transaction, the scoped one of
// the back-office included); columns come back under the table's property names.
import type { Database } from '../../platform/db/client.ts';
import type { Role } from '../accounts/accounts.table.ts';
import type { invitations } from './invitations.table.ts';

type InvitationRow = Omit<typeof invitations.$inferSelect, 'role' | 'createdAt' | 'expiresAt'> & {
  role: Role;
  /** Timestamps as PostgreSQL writes them. */
  createdAt: string;
  expiresAt: string;
};

/** An invitation that can still be accepted, with its institution and whether its address has an account. */
export type PendingRow = Pick<InvitationRow, 'id' | 'institutionId' | 'email' | 'name' | 'role'> & {
  slug: string;
  nameIt: string;
  nameEn: string;
  hasAccount: boolean;
};

export type PendingListRow = Pick<
  InvitationRow,
  'id' | 'email' | 'name' | 'role' | 'createdAt' | 'expiresAt'
>;

export function createInvitationsRepository(database: Database) {
  const { query } = database;
  return {
    /** The invitation of a secret's hash, if it can still be accepted. */
    async pendingOf(tokenHash: string): Promise<PendingRow | undefined> {
      const [row] = await query<PendingRow>(
        `select v.id, v.institution_id as "institutionId", v.email, v.name, v.role, i.slug,
                i.name_it as "nameIt", i.name_en as "nameEn",
                exists (select 1 from users u where lower(u.email) = lower(v.email)) as "hasAccount"
           from invitations v join institutions i on i.id = v.institution_id
          where v.token_hash = $1 and v.accepted_at is null and v.revoked_at is null and v.expires_at > now()`,
        [tokenHash],
      );
      return row;
    },
    /** Whether the address already has a role in the institution. */
    async worksIn(institutionId: string, email: string): Promise<boolean> {
      const rows = await query(
        `select 1 from user_roles r join users u on u.id = r.user_id
          where r.institution_id = $1 and lower(u.email) = lower($2)`,
        [institutionId, email],
      );
      return rows.length > 0;
    },
    /** Withdraws the open invitations of an address in the institution. */
    async revokeOpen(institutionId: string, email: string): Promise<void> {
      await query(
        `update invitations set revoked_at = now()
          where institution_id = $1 and lower(email) = lower($2) and accepted_at is null and revoked_at is null`,
        [institutionId, email],
      );
    },
    async insert(
      values: Pick<InvitationRow, 'institutionId' | 'email' | 'name' | 'role' | 'tokenHash' | 'createdBy'> & {
        days: number;
      },
    ): Promise<Pick<InvitationRow, 'id' | 'expiresAt'>> {
      const [row] = await query<Pick<InvitationRow, 'id' | 'expiresAt'>>(
        `insert into invitations (institution_id, email, name, role, token_hash, created_by, expires_at)
         values ($1, $2, $3, $4, $5, $6, now() + make_interval(days => $7))
         returning id, expires_at::text as "expiresAt"`,
        [
          values.institutionId,
          values.email,
          values.name,
          values.role,
          values.tokenHash,
          values.createdBy,
          values.days,
        ],
      );
      return row!;
    },
    /** The institution's invitations that wait to be accepted, newest first. */
    pending(institutionId: string): Promise<PendingListRow[]> {
      return query<PendingListRow>(
        `select id, email, name, role, created_at::text as "createdAt", expires_at::text as "expiresAt"
           from invitations
          where institution_id = $1 and accepted_at is null and revoked_at is null and expires_at > now()
          order by created_at desc`,
        [institutionId],
      );
    },
    /** Withdraws an open invitation; its address, or undefined when there is none open with this id. */
    async revoke(id: string): Promise<Pick<InvitationRow, 'email'> | undefined> {
      const [row] = await query<Pick<InvitationRow, 'email'>>(
        `update invitations set revoked_at = now()
          where id = $1 and accepted_at is null and revoked_at is null returning email`,
        [id],
      );
      return row;
    },
    /** Marks an invitation accepted if it still can be; false when someone else was first. */
    async claim(id: string): Promise<boolean> {
      const rows = await query(
        `update invitations set accepted_at = now()
          where id = $1 and accepted_at is null and revoked_at is null and expires_at > now() returning id`,
        [id],
      );
      return rows.length > 0;
    },
    /** Gives the user the role in the institution (or changes the role they have there). */
    async grantRole(userId: string, institutionId: string, role: Role): Promise<void> {
      await query(
        `insert into user_roles (user_id, institution_id, role) values ($1, $2, $3)
         on conflict (user_id, institution_id) do update set role = excluded.role`,
        [userId, institutionId, role],
      );
    },
  };
}

export type InvitationsRepository = ReturnType<typeof createInvitationsRepository>;
