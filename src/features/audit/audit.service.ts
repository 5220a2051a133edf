// The audit log: every write appends who, when, what and the record before and after, in the same transaction
// as the write. The table refuses updates and deletes (a trigger), so the log only grows.
import type { Database, QueryFn } from '../../platform/db/client.ts';

/** Who wrote, as the log keeps it (an Actor or a SystemActor of accounts.access.ts). */
export interface AuditActor {
  userId: string | null;
  label: string;
}

export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** One write to log: in an institution's log, or the platform's (institutionId null). */
export interface AuditRecord {
  institutionId: string | null;
  action: string;
  entity: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Appends entries through `query`: the database's, which joins the scoped unit of work when one is open, or a
 * transaction's (queryOf(tx)). Call it inside the write's transaction, so that the write and its log stand or
 * fall together. One statement for any number of entries.
 */
export async function appendAudit(query: QueryFn, actor: AuditActor, records: AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
  await query(
    `insert into audit_events (institution_id, actor_id, actor, action, entity, entity_id, before, after)
     select i, $1, $2, a, e, id, b, af
       from unnest($3::uuid[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::jsonb[])
         as r(i, a, e, id, b, af)`,
    [
      actor.userId,
      actor.label,
      records.map((r) => r.institutionId),
      records.map((r) => r.action),
      records.map((r) => r.entity),
      records.map((r) => r.entityId),
      records.map((r) => json(r.before)),
      records.map((r) => json(r.after)),
    ],
  );
}

/** Entries matching a SQL condition over audit_events, newest first. */
export async function auditRows(
  database: Database,
  where: string,
  params: unknown[],
  limit: number,
): Promise<AuditEntry[]> {
  const rows = await database.query<{
    at: string;
    actor: string;
    action: string;
    entity: string;
    entity_id: string;
    before: unknown;
    after: unknown;
  }>(
    `select at::text, actor, action, entity, entity_id, before, after from audit_events
      where ${where} order by at desc, id desc limit ${Math.trunc(limit)}`,
    params,
  );
  return rows.map((r) => ({
    at: r.at,
    actor: r.actor,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
  }));
}

/** The history of one record, newest first (row-level security keeps it to the actor's institution). */
export function recordHistory(database: Database, entity: string, entityId: string, limit = 100) {
  return auditRows(database, 'entity = $1 and entity_id = $2', [entity, entityId], limit);
}
