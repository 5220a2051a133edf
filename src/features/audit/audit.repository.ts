// The audit log's queries: the one insert of any number of entries, and the reader of entries. Raw SQL through
// Database.query (which joins the open transaction, so an entry stands or falls with its write).
import type { QueryFn } from '../../platform/db/client.ts';
import type { auditEvents } from './audit.table.ts';

type AuditRow = typeof auditEvents.$inferSelect;

/** An entry as the reader returns it; `at` as PostgreSQL writes a timestamp. */
export type AuditEntryRow = Pick<
  AuditRow,
  'actor' | 'action' | 'entity' | 'entityId' | 'before' | 'after'
> & {
  at: string;
};

/** The columns of one entry to insert, JSON already serialised (null for none). */
export interface AuditInsert {
  institutionId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before: string | null;
  after: string | null;
}

/** Inserts entries in one statement. */
export async function insertAuditEvents(
  query: QueryFn,
  actor: Pick<AuditRow, 'actorId' | 'actor'>,
  rows: AuditInsert[],
): Promise<void> {
  await query(
    `insert into audit_events (institution_id, actor_id, actor, action, entity, entity_id, before, after)
     select i, $1, $2, a, e, id, b, af
       from unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::jsonb[])
         as r(i, a, e, id, b, af)`,
    [
      actor.actorId,
      actor.actor,
      rows.map((r) => r.institutionId),
      rows.map((r) => r.action),
      rows.map((r) => r.entity),
      rows.map((r) => r.entityId),
      rows.map((r) => r.before),
      rows.map((r) => r.after),
    ],
  );
}

/** Entries matching a SQL condition over audit_events, newest first. */
export function selectAuditEvents(
  query: QueryFn,
  where: string,
  params: unknown[],
  limit: number,
): Promise<AuditEntryRow[]> {
  return query<AuditEntryRow>(
    `select at::text, actor, action, entity, entity_id as "entityId", before, after from audit_events
      where ${where} order by at desc, id desc limit ${Math.trunc(limit)}`,
    params,
  );
}
