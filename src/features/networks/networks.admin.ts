// The back-office's use cases of networks and memberships (see createNetworksAdmin).
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { type Actor, canWrite, requireWriter } from '../accounts/accounts.access.ts';
import { auditRows, HISTORY_LIMIT, recordHistory, staffWork } from '../audit/audit.service.ts';
import type { UnitsService } from '../units/units.service.ts';
import type {
  MembershipFields,
  NetworkFields,
  NetworkListQuery,
  NetworksService,
} from './networks.service.ts';

type Deps = { database: Database; networks: NetworksService; units: Pick<UnitsService, 'unitsOf'> };

/**
 * The back-office's use cases of networks and memberships: an institution's memberships as the actor's
 * institution under row-level security; the shared catalogue, which belongs to no institution and which the
 * restricted role may only read (migration 0004), written in a transaction of the database owner after the
 * role checks, its audit entry under the acting institution so that its log shows it.
 */
export function createNetworksAdmin(deps: Deps) {
  return { ...membershipsAdmin(deps), ...catalogueAdmin(deps) };
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

/** Reads of networks and an institution's memberships, and its membership writes, under row-level security. */
function membershipsAdmin(deps: Deps) {
  const { database, networks, units } = deps;
  const { asStaff, created, updated, removed } = staffWork(database);

  return {
    canWrite,
    /** Refuses a viewer before showing a form that only writers can send. */
    checkWriter: (actor: Actor): void => requireWriter(actor),
    /** Whether the actor may edit an existing catalogue network (see requireCatalogueEditor). */
    canEditCatalogue: (actor: Actor): boolean => actor.role !== 'viewer' && actor.platformAdmin === true,

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
        units: await units.unitsOf(institutionId),
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
          units: await units.unitsOf(institutionId),
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
        return { membership, network, units: await units.unitsOf(institutionId) };
      });
    },

    /** The network to edit in the catalogue (platform administrators only). */
    networkForm(actor: Actor, id: string) {
      requireCatalogueEditor(actor);
      return asStaff(actor, async (institutionId) => (await networks.entry(institutionId, id)).network);
    },

    joinNetwork(actor: Actor, networkId: string, fields: MembershipFields) {
      requireWriter(actor);
      return created(
        actor,
        'membership',
        (institutionId) => networks.joinNetwork(institutionId, networkId, fields),
        'join',
      );
    },

    updateMembership(actor: Actor, id: string, version: number, fields: MembershipFields) {
      requireWriter(actor);
      return updated(
        actor,
        'membership',
        id,
        (institutionId) => networks.membership(institutionId, id),
        (institutionId) => networks.updateMembership(institutionId, id, version, fields),
      );
    },

    leaveNetwork(actor: Actor, id: string, version: number) {
      requireWriter(actor);
      return removed(
        actor,
        'membership',
        id,
        (institutionId) => networks.leaveNetwork(institutionId, id, version),
        'leave',
      );
    },
  };
}

/** Writes of the shared catalogue, in a transaction of the application's role (see staffWork's asOwner). */
function catalogueAdmin({ database, networks }: Deps) {
  const { asOwner, audit } = staffWork(database);
  return {
    /**
     * Adds a network to the shared catalogue. Admins and editors may: a new entry changes nothing another
     * institution relies on, and an office should not wait for the platform operator to record that it joined
     * a network the catalogue lacks.
     */
    createNetwork(actor: Actor, fields: NetworkFields) {
      requireWriter(actor);
      return asOwner(async () => {
        const created = await networks.addToCatalogue(fields);
        await audit(actor, {
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
      return asOwner(async () => {
        const { before, after } = await networks.editCatalogueEntry(id, version, fields);
        await audit(actor, { action: 'update', entity: 'network', entityId: id, before, after });
        return after;
      });
    },

    /**
     * Deletes a catalogue network no institution is a member of: platform administrators only, like an edit.
     * Returns what was deleted.
     */
    removeNetwork(actor: Actor, id: string, version: number) {
      requireCatalogueEditor(actor);
      return asOwner(async () => {
        const before = await networks.removeFromCatalogue(id, version);
        await audit(actor, { action: 'delete', entity: 'network', entityId: id, before, after: null });
        return before;
      });
    },
  };
}

export type NetworksAdmin = ReturnType<typeof createNetworksAdmin>;
