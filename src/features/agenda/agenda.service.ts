// What the agenda's record types (visits, missions, meetings) share: the agreements and networks a record
// concerns, checked on write (the institution's agreements, the catalogue's networks) and read by join.
import { AppError } from '../../platform/errors.ts';
import type { AgendaRepository } from './agenda.repository.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An agreement a record concerns, with its partner's names. */
export interface LinkedAgreement {
  id: string;
  kind: string;
  counterpartIt: string;
  counterpartEn: string;
}

export interface LinkedNetwork {
  id: string;
  nameIt: string;
  nameEn: string;
}

export function createAgendaLinks({ repo }: { repo: AgendaRepository }) {
  return {
    /** The ids without repeats, each one of the institution's agreements or the catalogue's networks. */
    async checked(institutionId: string, agreementIds: readonly string[], networkIds: readonly string[]) {
      const agreements = [...new Set(agreementIds)];
      const networks = [...new Set(networkIds)];
      if (
        agreements.some((id) => !UUID.test(id)) ||
        (await repo.agreements(institutionId, agreements)).length !== agreements.length
      ) {
        throw AppError.invalid('agreementIds', 'Choose agreements of your institution');
      }
      if (
        networks.some((id) => !UUID.test(id)) ||
        (await repo.networks(networks)).length !== networks.length
      ) {
        throw AppError.invalid('networkIds', 'Choose networks of the catalogue');
      }
      return { agreementIds: agreements, networkIds: networks };
    },

    /** The agreements and networks a record names (one since deleted is left out). */
    async read(institutionId: string, agreementIds: readonly string[], networkIds: readonly string[]) {
      const [agreements, networks] = await Promise.all([
        repo.agreements(institutionId, agreementIds),
        repo.networks(networkIds),
      ]);
      return { agreements: agreements as LinkedAgreement[], networks: networks as LinkedNetwork[] };
    },

    /** What a form offers to link. */
    choices: (institutionId: string) => repo.choices(institutionId),
  };
}

export type AgendaLinks = ReturnType<typeof createAgendaLinks>;
