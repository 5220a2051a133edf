// The audit log: every write appends who, when, what and the record before and after, in the same transaction
// as the write. The table refuses updates and deletes (a trigger), so the log only grows.
import type { Database, QueryFn } from '../../platform/db/client.ts';
import { constraintConflict } from '../../platform/db/constraints.ts';
import { insertAuditEvents, selectAuditEvents } from './audit.repository.ts';

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

/** What the log names a record by: its name in both languages (an agreement's partner's) and an agreement's kind. */
export interface RecordName {
  kind?: string | undefined;
  nameIt: string;
  nameEn: string;
}

/**
 * The names of the records a log shows, by `entity:entityId`. An entry of a type in `nameable` whose record is
 * not in `known` names a record since deleted.
 */
export interface RecordNames {
  known: ReadonlyMap<string, RecordName>;
  nameable: ReadonlySet<string>;
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
 * Appends entries through `query` (Database.query, which joins the open transaction). Call it inside the
 * write's transaction, so that the write and its log stand or fall together. One statement for any number of
 * entries.
 */
export async function appendAudit(query: QueryFn, actor: AuditActor, records: AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));
  await insertAuditEvents(
    query,
    { actorId: actor.userId, actor: actor.label },
    records.map((r) => ({
      institutionId: r.institutionId,
      action: r.action,
      entity: r.entity,
      entityId: r.entityId,
      before: json(r.before),
      after: json(r.after),
    })),
  );
}

/** Entries matching a SQL condition over audit_events, newest first. */
export function auditRows(
  database: Database,
  where: string,
  params: unknown[],
  limit: number,
): Promise<AuditEntry[]> {
  return selectAuditEvents(database.query, where, params, limit);
}

/** The history of one record, newest first (row-level security keeps it to the actor's institution). */
export function recordHistory(database: Database, entity: string, entityId: string, limit = 100) {
  return auditRows(database, 'entity = $1 and entity_id = $2', [entity, entityId], limit);
}

/** How many entries a record page's history shows. */
export const HISTORY_LIMIT = 100;

/** Who works in an institution's back-office: the audit actor and the institution it acts in. */
export interface StaffActor extends AuditActor {
  institutionId: string;
}

/** What an audited write logs: the entry without its time and actor, in the actor's institution. */
export type AuditChange = Omit<AuditEntry, 'at' | 'actor'>;

/**
 * The unit of work of a back-office use case, shared by every record type's service. `asStaff` runs fn as the
 * actor's institution under row-level security in one transaction (another institution's record is simply
 * not found); `audit` logs a change in the open transaction; `asOwner` runs a write of a platform-wide record
 * (one the restricted role may only read, such as the network catalogue) in a transaction of the application's
 * role, its audit entry (`audit`) under the acting institution. A constraint violation of two concurrent saves
 * comes out as a 409 conflict.
 */
export function staffWork(database: Database) {
  async function conflictsAs409<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      throw constraintConflict(err) ?? err;
    }
  }

  const asStaff = <T>(actor: StaffActor, fn: (institutionId: string) => Promise<T>): Promise<T> =>
    conflictsAs409(() =>
      database.scoped({ institutionIds: [actor.institutionId] }, () => fn(actor.institutionId)),
    );

  const asOwner = <T>(fn: () => Promise<T>): Promise<T> => conflictsAs409(() => database.transaction(fn));

  const audit = (actor: StaffActor, entry: AuditChange) =>
    appendAudit(database.query, actor, [{ institutionId: actor.institutionId, ...entry }]);

  /** Creates a record as the actor's institution and logs it (action "create", or "join" and so on). */
  const created = <T extends { id: string }>(
    actor: StaffActor,
    entity: string,
    make: (institutionId: string) => Promise<T>,
    action = 'create',
  ) =>
    asStaff(actor, async (institutionId) => {
      const after = await make(institutionId);
      await audit(actor, { action, entity, entityId: after.id, before: undefined, after });
      return after;
    });

  /** Changes a record as the actor's institution and logs it with the record before and after. */
  const updated = <T>(
    actor: StaffActor,
    entity: string,
    entityId: string,
    read: (institutionId: string) => Promise<unknown>,
    write: (institutionId: string) => Promise<T>,
  ) =>
    asStaff(actor, async (institutionId) => {
      const before = await read(institutionId);
      const after = await write(institutionId);
      await audit(actor, { action: 'update', entity, entityId, before, after });
      return after;
    });

  /** Deletes a record as the actor's institution (`remove` returns it) and logs it ("delete", "leave"...). */
  const removed = <T>(
    actor: StaffActor,
    entity: string,
    entityId: string,
    remove: (institutionId: string) => Promise<T>,
    action = 'delete',
  ) =>
    asStaff(actor, async (institutionId) => {
      const before = await remove(institutionId);
      await audit(actor, { action, entity, entityId, before, after: undefined });
      return before;
    });

  return { asStaff, audit, asOwner, created, updated, removed };
}
