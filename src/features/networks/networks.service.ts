import { formatPartialDate, isDateError, parsePartialDate } from '../../platform/dates.ts';
import type { Executor } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { InstitutionsService } from '../institutions/institutions.service.ts';
import type { NetworksRepository } from './networks.repository.ts';
import type { MembershipInput, Network, NetworkInput } from './networks.schemas.ts';

export function createNetworksService({
  repo,
  institutions,
}: {
  repo: NetworksRepository;
  institutions: InstitutionsService;
}) {
  return {
    /** Networks with their members; with an institution, only the networks it belongs to. */
    async list(institution?: string): Promise<Network[]> {
      if (institution) await institutions.idOf(institution);
      const [nets, members] = await Promise.all([repo.list(), repo.memberships()]);
      return nets
        .map((n) => ({
          id: n.id,
          slug: n.slug,
          acronym: n.acronym,
          nameIt: n.nameIt,
          nameEn: n.nameEn,
          descriptionIt: n.descriptionIt,
          descriptionEn: n.descriptionEn,
          website: n.website,
          memberships: members
            .filter((m) => m.membership.networkId === n.id && (!institution || m.institution === institution))
            .map((m) => ({
              institution: m.institution,
              since: {
                date: formatPartialDate(m.membership.sinceOn, m.membership.sincePrecision as never),
                precision: m.membership.sincePrecision as 'day' | 'month' | 'year' | 'unknown',
              },
              unit: m.unit,
              roleIt: m.membership.roleIt,
              roleEn: m.membership.roleEn,
              workingGroups: m.membership.workingGroups,
            })),
        }))
        .filter((n) => !institution || n.memberships.length > 0);
    },
    async create(input: NetworkInput, tx?: Executor) {
      if (await repo.bySlug(input.slug, tx)) {
        throw new AppError('conflict', `A network "${input.slug}" already exists`, { field: 'slug' });
      }
      return repo.insert(input, tx);
    },
    async join(institution: string, input: MembershipInput, tx?: Executor) {
      const institutionId = await institutions.idOf(institution, tx);
      const network = await repo.bySlug(input.network, tx);
      if (!network) throw AppError.invalid('network', `No network "${input.network}"`);
      const since = parsePartialDate(input.since);
      if (isDateError(since)) throw AppError.invalid('since', since.error);
      return repo.insertMembership(
        {
          institutionId,
          networkId: network.id,
          unitId: input.unit ? await institutions.unitIdOf(institutionId, input.unit, tx) : null,
          sinceOn: since.date,
          sincePrecision: since.precision,
          roleIt: input.roleIt ?? null,
          roleEn: input.roleEn ?? null,
          workingGroups: input.workingGroups ?? [],
        },
        tx,
      );
    },
  };
}

export type NetworksService = ReturnType<typeof createNetworksService>;
