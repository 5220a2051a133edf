// The back-office's registry: the institution's partners (counterparts), the shared network catalogue with
// the institution's memberships, and the office's units. Every read and write runs as the actor's
// institution under row-level security (another institution's record is simply not found), every write is
// checked against the actor's role and recorded in the audit log in the same transaction, and every edit
// names the version it started from.
import type { Database, QueryFn } from '../../platform/db/client.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import { type Actor, requireWriter } from '../accounts/accounts.access.ts';
import { type AuditEntry, appendAudit, auditRows, recordHistory } from '../audit/audit.service.ts';
import type {
  CounterpartFields,
  CounterpartListQuery,
  CounterpartsService,
} from '../counterparts/counterparts.service.ts';
import type { InstitutionsService, UnitFields, UnitListQuery } from '../institutions/institutions.service.ts';
import type {
  MembershipFields,
  NetworkFields,
  NetworkListQuery,
  NetworksService,
} from '../networks/networks.service.ts';

const HISTORY_LIMIT = 100;

/**
 * A unique or foreign-key violation that slipped past the service's own checks (two people saving at the
 * same moment) as a conflict the person can act on, instead of a server error.
 */
function constraintConflict(err: unknown): AppError | undefined {
  if (isAppError(err)) return undefined;
  let cause: unknown = err;
  for (let depth = 0; cause && depth < 4; depth++) {
    const code = (cause as { code?: unknown }).code;
    if (code === '23505' || code === '23503') {
      return new AppError(
        'conflict',
        'Someone else changed related records at the same moment: reload the page and try again',
        { details: { reason: 'concurrent' }, cause: err },
      );
    }
    cause = (cause as { cause?: unknown }).cause;
  }
  return undefined;
}

export function createRegistryAdminService(deps: {
  database: Database;
  counterparts: CounterpartsService;
  networks: NetworksService;
  institutions: InstitutionsService;
}) {
  const { database, counterparts, networks, institutions } = deps;

  /** Runs fn as the actor's institution, under row-level security, in one transaction. */
  async function asStaff<T>(actor: Actor, fn: (institutionId: string) => Promise<T>): Promise<T> {
    try {
      return await database.scoped({ institutionIds: [actor.institutionId] }, () => fn(actor.institutionId));
    } catch (err) {
      throw constraintConflict(err) ?? err;
    }
  }

  const audit = (actor: Actor, entry: Omit<AuditEntry, 'at' | 'actor'>) =>
    appendAudit(database.query, actor, [{ institutionId: actor.institutionId, ...entry }]);

  /**
   * Runs a write of the shared network catalogue. The catalogue belongs to no institution, and the restricted
   * role of row-level security may only read it (migration 0004), so this write runs in a transaction of the
   * database owner, like the CLI's, after the role checks; the audit entry goes in the same transaction, under
   * the acting institution so that its log shows it.
   */
  async function asCatalogue<T>(
    actor: Actor,
    fn: (write: {
      query: QueryFn;
      audit: (entry: Omit<AuditEntry, 'at' | 'actor'>) => Promise<void>;
    }) => Promise<T>,
  ): Promise<T> {
    try {
      return await database.transaction((query) =>
        fn({
          query,
          audit: (entry) => appendAudit(query, actor, [{ institutionId: actor.institutionId, ...entry }]),
        }),
      );
    } catch (err) {
      throw constraintConflict(err) ?? err;
    }
  }

  /**
   * Only a platform administrator may change an existing catalogue network: every institution's pages and
   * memberships show the entry, so an institution's admin editing it would change what all the others
   * publish. Institutions keep their own view of a network in their membership (role, groups, notes).
   */
  function requireCatalogueEditor(actor: Actor): void {
    requireWriter(actor);
    if (actor.platformAdmin !== true) {
      throw new AppError('forbidden', 'Only a platform administrator can change a network of the catalogue', {
        details: { reason: 'catalogue' },
      });
    }
  }

  return {
    /** Admins and editors write; viewers only read. */
    canWrite: (actor: Actor): boolean => actor.role !== 'viewer',
    /** Refuses a viewer before showing a form that only writers can send. */
    checkWriter: (actor: Actor): void => requireWriter(actor),
    /** Whether the actor may edit an existing catalogue network (see requireCatalogueEditor). */
    canEditCatalogue: (actor: Actor): boolean => actor.role !== 'viewer' && actor.platformAdmin === true,

    // ── Counterparts ────────────────────────────────────────────────────────────────────────────────────

    counterparts(actor: Actor, query: CounterpartListQuery) {
      return asStaff(actor, async (institutionId) => ({
        page: await counterparts.page(institutionId, query),
        countries: await counterparts.countries(institutionId),
      }));
    },

    counterpart(actor: Actor, id: string) {
      return asStaff(actor, async (institutionId) => ({
        counterpart: await counterparts.detail(institutionId, id),
        agreements: await counterparts.agreementsOf(institutionId, id),
        history: await recordHistory(database, 'counterpart', id, HISTORY_LIMIT),
      }));
    },

    /** The counterpart to edit (writers only). */
    counterpartForm(actor: Actor, id: string) {
      requireWriter(actor);
      return asStaff(actor, (institutionId) => counterparts.detail(institutionId, id));
    },

    createCounterpart(actor: Actor, fields: CounterpartFields) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => {
        const created = await counterparts.createOrganisation(institutionId, fields);
        await audit(actor, {
          action: 'create',
          entity: 'counterpart',
          entityId: created.id,
          before: undefined,
          after: created,
        });
        return created;
      });
    },

    updateCounterpart(actor: Actor, id: string, version: number, fields: CounterpartFields) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => {
        const before = await counterparts.detail(institutionId, id);
        const after = await counterparts.update(institutionId, id, version, fields);
        await audit(actor, { action: 'update', entity: 'counterpart', entityId: id, before, after });
        return after;
      });
    },

    deleteCounterpart(actor: Actor, id: string, version: number) {
      requireWriter(actor);
      return asStaff(actor, async () => {
        const before = await counterparts.remove(actor.institutionId, id, version);
        await audit(actor, {
          action: 'delete',
          entity: 'counterpart',
          entityId: id,
          before,
          after: undefined,
        });
        return before;
      });
    },

    // ── Units ───────────────────────────────────────────────────────────────────────────────────────────

    units(actor: Actor, query: UnitListQuery) {
      return asStaff(actor, (institutionId) => institutions.unitsPage(institutionId, query));
    },

    unit(actor: Actor, id: string) {
      return asStaff(actor, async (institutionId) => ({
        unit: await institutions.unit(institutionId, id),
        history: await recordHistory(database, 'unit', id, HISTORY_LIMIT),
      }));
    },

    /** The unit to edit (writers only). */
    unitForm(actor: Actor, id: string) {
      requireWriter(actor);
      return asStaff(actor, (institutionId) => institutions.unit(institutionId, id));
    },

    createUnit(actor: Actor, fields: UnitFields) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => {
        const created = await institutions.createUnit(institutionId, fields);
        await audit(actor, {
          action: 'create',
          entity: 'unit',
          entityId: created.id,
          before: undefined,
          after: created,
        });
        return created;
      });
    },

    updateUnit(actor: Actor, id: string, version: number, fields: UnitFields) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => {
        const before = await institutions.unit(institutionId, id);
        const after = await institutions.updateUnit(institutionId, id, version, fields);
        await audit(actor, { action: 'update', entity: 'unit', entityId: id, before, after });
        return after;
      });
    },

    deleteUnit(actor: Actor, id: string, version: number) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => {
        const before = await institutions.removeUnit(institutionId, id, version);
        await audit(actor, { action: 'delete', entity: 'unit', entityId: id, before, after: undefined });
        return before;
      });
    },

    // ── Networks and memberships ────────────────────────────────────────────────────────────────────────

    networks(actor: Actor, query: NetworkListQuery) {
      return asStaff(actor, (institutionId) => networks.directory(institutionId, query));
    },

    /** A network with the institution's membership, and the history of both in the institution's log. */
    network(actor: Actor, id: string) {
      return asStaff(actor, async (institutionId) => ({
        ...(await networks.entry(institutionId, id)),
        history: await auditRows(
          database,
          `(entity = 'network' and entity_id = $1)
            or (entity = 'membership' and coalesce(after->>'networkId', before->>'networkId') = $1)`,
          [id],
          HISTORY_LIMIT,
        ),
      }));
    },

    /** The form data of joining a network (writers only): the network and the institution's units. */
    joinForm(actor: Actor, networkId: string) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => ({
        ...(await networks.entry(institutionId, networkId)),
        units: await institutions.unitsOf(institutionId),
      }));
    },

    /** A membership with its network, the institution's units (for the form) and its history. */
    membership(actor: Actor, id: string) {
      return asStaff(actor, async (institutionId) => {
        const membership = await networks.membership(institutionId, id);
        const { network } = await networks.entry(institutionId, membership.networkId);
        return {
          membership,
          network,
          units: await institutions.unitsOf(institutionId),
          history: await recordHistory(database, 'membership', id, HISTORY_LIMIT),
        };
      });
    },

    /** The membership to edit (writers only), with its network and the institution's units. */
    membershipForm(actor: Actor, id: string) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => {
        const membership = await networks.membership(institutionId, id);
        const { network } = await networks.entry(institutionId, membership.networkId);
        return { membership, network, units: await institutions.unitsOf(institutionId) };
      });
    },

    /** The network to edit in the catalogue (platform administrators only). */
    networkForm(actor: Actor, id: string) {
      requireCatalogueEditor(actor);
      return asStaff(actor, async (institutionId) => (await networks.entry(institutionId, id)).network);
    },

    joinNetwork(actor: Actor, networkId: string, fields: MembershipFields) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => {
        const created = await networks.joinNetwork(institutionId, networkId, fields);
        await audit(actor, {
          action: 'join',
          entity: 'membership',
          entityId: created.id,
          before: undefined,
          after: created,
        });
        return created;
      });
    },

    updateMembership(actor: Actor, id: string, version: number, fields: MembershipFields) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => {
        const before = await networks.membership(institutionId, id);
        const after = await networks.updateMembership(institutionId, id, version, fields);
        await audit(actor, { action: 'update', entity: 'membership', entityId: id, before, after });
        return after;
      });
    },

    leaveNetwork(actor: Actor, id: string, version: number) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => {
        const before = await networks.leaveNetwork(institutionId, id, version);
        await audit(actor, { action: 'leave', entity: 'membership', entityId: id, before, after: undefined });
        return before;
      });
    },

    /**
     * Adds a network to the shared catalogue. Admins and editors may: a new entry changes nothing another
     * institution relies on, and an office should not wait for the platform operator to record that it joined
     * a network the catalogue lacks.
     */
    createNetwork(actor: Actor, fields: NetworkFields) {
      requireWriter(actor);
      return asCatalogue(actor, async ({ query, audit: write }) => {
        const created = await networks.addToCatalogue(query, fields);
        await write({
          action: 'create',
          entity: 'network',
          entityId: created.id,
          before: undefined,
          after: created,
        });
        return created;
      });
    },

    /** Changes an existing catalogue network: platform administrators only (see requireCatalogueEditor). */
    updateNetwork(actor: Actor, id: string, version: number, fields: NetworkFields) {
      requireCatalogueEditor(actor);
      return asCatalogue(actor, async ({ query, audit: write }) => {
        const { before, after } = await networks.editCatalogueEntry(query, id, version, fields);
        await write({ action: 'update', entity: 'network', entityId: id, before, after });
        return after;
      });
    },

    /**
     * Deletes a catalogue network no institution is a member of: platform administrators only, like an edit.
     * Returns what was deleted.
     */
    removeNetwork(actor: Actor, id: string, version: number) {
      requireCatalogueEditor(actor);
      return asCatalogue(actor, async ({ query, audit: write }) => {
        const before = await networks.removeFromCatalogue(query, id, version);
        await write({ action: 'delete', entity: 'network', entityId: id, before, after: null });
        return before;
      });
    },
  };
}

export type RegistryAdminService = ReturnType<typeof createRegistryAdminService>;
