// Invitations: how an institution's admin brings a person in, without ever seeing a password or learning
// whether the person already has an account elsewhere.
import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../accounts/accounts.table.ts';
import { institutions } from '../institutions/institutions.table.ts';

/**
 * An invitation to work in an institution with a role, sent by its admin as a one-time address. The person
 * accepts it by choosing a password, or, with an account already, by entering theirs: the admin learns nothing
 * about accounts elsewhere. Only the SHA-256 of the address's secret is stored.
 */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('invitations_token_uq').on(t.tokenHash),
    index('invitations_institution_idx').on(t.institutionId, t.createdAt),
    check('invitations_role_ck', sql`role in ('admin', 'editor', 'viewer')`),
  ],
);
