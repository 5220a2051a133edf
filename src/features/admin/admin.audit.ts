// The audit log: every back-office write appends who, when, what and the record before and after, in the
// same transaction as the write. The table refuses updates and deletes (a trigger), so the log only grows.
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { Role } from '../accounts/accounts.table.ts';

/** Who acts: a signed-in user in their institution, or an API token of an institution. */
export interface Actor {
  userId: string | null;
  /** As the audit log shows it: an e-mail, or "token <name>". */
  label: string;
  institutionId: string;
  institutionSlug: string;
  role: Role;
  /** A platform administrator works in any institution as its admin. */
  platformAdmin?: boolean;
}

export function requireAdmin(actor: Actor): void {
  if (actor.role !== 'admin') throw new AppError('forbidden', 'Only an admin of the institution can do this');
}

/** Editors and admins write; viewers only read. */
export function requireWriter(actor: Actor): void {
  if (actor.role === 'viewer') throw new AppError('forbidden', 'Your role does not allow this change');
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

/** Appends one entry; call it inside the write's transaction (Database.scoped). */
export async function recordAudit(
  database: Database,
  actor: Actor,
  institutionId: string,
  entry: Omit<AuditEntry, 'at' | 'actor'>,
): Promise<void> {
  await database.query(
    `insert into audit_events (institution_id, actor_id, actor, action, entity, entity_id, before, after)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      institutionId,
      actor.userId,
      actor.label,
      entry.action,
      entry.entity,
      entry.entityId,
      entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === undefined ? null : JSON.stringify(entry.after),
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
