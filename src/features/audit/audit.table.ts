// The audit log's table: one row per write, whoever makes it (page, API, CLI, import, seed).
import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Every write: who, when, what, before and after. Append-only (a trigger refuses updates and deletes). */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    // No foreign keys: the record outlives what it is about.
    institutionId: uuid('institution_id'),
    actorId: uuid('actor_id'),
    /** Who, as shown: a user's e-mail, "token <name>", or "cli". Kept when the user is deleted. */
    actor: text('actor').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [
    index('audit_events_institution_at_idx').on(t.institutionId, t.at),
    index('audit_events_entity_idx').on(t.entity, t.entityId, t.at),
  ],
);
