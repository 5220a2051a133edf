// The SQL the agenda's record types (visits, missions, meetings) share: the agreements and networks a record
// concerns, and what a form offers to link.
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.ts';
import { agreements } from '../agreements/agreements.table.ts';
import { counterparts } from '../counterparts/counterparts.table.ts';
import { memberships, networks } from '../networks/networks.table.ts';

const agreementColumns = {
  id: agreements.id,
  kind: agreements.kind,
  counterpartIt: counterparts.nameIt,
  counterpartEn: counterparts.nameEn,
};
const networkColumns = { id: networks.id, nameIt: networks.nameIt, nameEn: networks.nameEn };

export function createAgendaRepository(db: Db) {
  return {
    /** The agreements among `ids` that are the institution's, with their partner's names. */
    agreements(institutionId: string, ids: readonly string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db
        .select(agreementColumns)
        .from(agreements)
        .innerJoin(counterparts, eq(counterparts.id, agreements.counterpartId))
        .where(and(eq(agreements.institutionId, institutionId), inArray(agreements.id, [...ids])))
        .orderBy(asc(counterparts.nameIt));
    },

    /** The networks among `ids` (the catalogue is shared by all institutions). */
    networks(ids: readonly string[]) {
      if (ids.length === 0) return Promise.resolve([]);
      return db
        .select(networkColumns)
        .from(networks)
        .where(inArray(networks.id, [...ids]))
        .orderBy(asc(networks.nameIt));
    },

    /** Every agreement of the institution, and the networks it belongs to. */
    async choices(institutionId: string) {
      const agreementRows = await db
        .select(agreementColumns)
        .from(agreements)
        .innerJoin(counterparts, eq(counterparts.id, agreements.counterpartId))
        .where(eq(agreements.institutionId, institutionId))
        .orderBy(asc(counterparts.nameIt), asc(agreements.kind));
      const networkRows = await db
        .select(networkColumns)
        .from(memberships)
        .innerJoin(networks, eq(networks.id, memberships.networkId))
        .where(eq(memberships.institutionId, institutionId))
        .orderBy(asc(networks.nameIt));
      return { agreements: agreementRows, networks: networkRows };
    },
  };
}

export type AgendaRepository = ReturnType<typeof createAgendaRepository>;
