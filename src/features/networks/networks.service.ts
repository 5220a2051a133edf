// The network catalogue (shared by every institution, like the gazetteer) and each institution's memberships.
// Back-office functions take the institution's id and run in the caller's transaction (Database.transaction
// or scoped, which every query joins).

import { checkedSources } from '../../platform/contacts.ts';
import { formatPartialDate, isDateError, type Precision, parsePartialDate } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors.ts';
import { UUID } from '../../platform/field-rules.ts';
import type { InstitutionsService } from '../institutions/institutions.service.ts';
import {
  type DirectoryRow,
  type MembershipDetailRow,
  NETWORK_SORTS,
  type NetworkRow,
  type NetworkSort,
  type NetworksRepository,
} from './networks.repository.ts';
import { checkedCatalogue, checkedMembership, staleMembership, staleNetwork } from './networks.rules.ts';
import type {
  MembershipFields,
  MembershipInput,
  MembershipRecord,
  Network,
  NetworkEntry,
  NetworkFields,
  NetworkInput,
} from './networks.schemas.ts';

export { NETWORK_SORTS, type NetworkSort } from './networks.repository.ts';
export type { MembershipFields, MembershipRecord, NetworkEntry, NetworkFields } from './networks.schemas.ts';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const PAGE_SIZE = 25;

export interface NetworkListQuery {
  q?: string | undefined;
  member?: boolean | undefined;
  sort?: NetworkSort | undefined;
  page?: number | undefined;
  lang?: 'it' | 'en' | undefined;
}

const entryOf = (n: NetworkRow): NetworkEntry => ({
  id: n.id,
  slug: n.slug,
  acronym: n.acronym,
  nameIt: n.nameIt,
  nameEn: n.nameEn,
  descriptionIt: n.descriptionIt,
  descriptionEn: n.descriptionEn,
  website: n.website,
  sources: n.sources,
  version: n.version,
  updatedAt: new Date(n.updatedAt).toISOString(),
});

const membershipOf = (m: MembershipDetailRow): MembershipRecord => ({
  id: m.id,
  networkId: m.networkId,
  since: { date: m.sinceOn, precision: m.sincePrecision as Precision },
  roleIt: m.roleIt,
  roleEn: m.roleEn,
  unit: m.unitId ? { id: m.unitId, nameIt: m.unitNameIt ?? '', nameEn: m.unitNameEn ?? '' } : null,
  workingGroups: m.workingGroups,
  annualFee: m.annualFee,
  feeCurrency: m.feeCurrency,
  notes: m.notes,
  sources: m.sources,
  version: m.version,
  updatedAt: new Date(m.updatedAt).toISOString(),
});

const directoryOf = (r: DirectoryRow) => ({
  network: entryOf(r.network),
  membership: r.membership?.id ? membershipOf(r.membership) : null,
});

export function createNetworksService({
  repo,
  institutions,
}: {
  repo: NetworksRepository;
  institutions: InstitutionsService;
}) {
  return { ...networkCatalogue(repo, institutions), ...networkMemberships(repo, institutions) };
}

/** The shared catalogue: the public list, the seed's create, the back-office's writes. */
function networkCatalogue(repo: NetworksRepository, institutions: InstitutionsService) {
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
          sources: n.sources,
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
              sources: m.membership.sources,
            })),
        }))
        .filter((n) => !institution || n.memberships.length > 0);
    },
    async create(input: NetworkInput) {
      if (await repo.bySlug(input.slug)) {
        throw new AppError('conflict', `A network "${input.slug}" already exists`, { field: 'slug' });
      }
      return repo.insert(input);
    },
    /** Adds a network to the shared catalogue (in a transaction of the application's role, see NetworksAdmin). */
    async addToCatalogue(fields: NetworkFields): Promise<NetworkEntry> {
      const slug = (fields.slug ?? '').trim();
      if (!SLUG.test(slug) || slug.length > 60) {
        throw AppError.invalid(
          'slug',
          'The slug takes lower-case letters, digits and single hyphens (at most 60)',
        );
      }
      const values = checkedCatalogue(fields);
      if (await repo.bySlug(slug)) {
        throw new AppError('conflict', `A network "${slug}" already exists`, {
          field: 'slug',
          details: { reason: 'taken' },
        });
      }
      return entryOf(await repo.insert({ slug, ...values }));
    },

    /** Changes a catalogue network at `version` (its slug stays); otherwise a version_conflict. */
    async editCatalogueEntry(
      id: string,
      version: number,
      fields: NetworkFields,
    ): Promise<{ before: NetworkEntry; after: NetworkEntry }> {
      const found = UUID.test(id) ? await repo.byId(id) : undefined;
      if (!found) throw AppError.notFound('Network', id);
      const values = checkedCatalogue(fields);
      const row = await repo.updateVersioned(id, version, values);
      if (!row) throw staleNetwork(entryOf(found), version);
      return { before: entryOf(found), after: entryOf(row) };
    },

    /**
     * Deletes a catalogue network at `version`, only while no institution is a member: a membership is an
     * institution's record, and deleting the network would take it away. Returns what was deleted.
     */
    async removeFromCatalogue(id: string, version: number): Promise<NetworkEntry> {
      const found = UUID.test(id) ? await repo.byId(id) : undefined;
      if (!found) throw AppError.notFound('Network', id);
      const before = entryOf(found);
      if (before.version !== version) throw staleNetwork(before, version);
      const members = await repo.memberCount(id);
      if (members > 0) {
        throw new AppError(
          'conflict',
          `${members} institution(s) are members of this network: it cannot be deleted while they are`,
          { details: { reason: 'in_use', memberships: members } },
        );
      }
      if (!(await repo.deleteVersioned(id, version))) {
        const now = await repo.byId(id);
        throw now ? staleNetwork(entryOf(now), version) : AppError.notFound('Network', id);
      }
      return before;
    },
  };
}

/** An institution's memberships, by institution id, in the caller's transaction. */
function networkMemberships(repo: NetworksRepository, institutions: InstitutionsService) {
  async function membership(institutionId: string, id: string): Promise<MembershipRecord> {
    const row = UUID.test(id) ? await repo.membershipById(institutionId, id) : undefined;
    if (!row) throw AppError.notFound('Membership', id);
    return membershipOf(row);
  }

  /** The unit id if it is one of the institution's units (row-level security hides the others). */
  async function unitOf(institutionId: string, unitId: string): Promise<string | null> {
    const id = (unitId ?? '').trim();
    if (!id) return null;
    const own = await institutions.unitsOf(institutionId);
    if (!own.some((u) => u.id === id))
      throw AppError.invalid('unitId', 'Choose one of the units of the office');
    return id;
  }

  return {
    async join(institution: string, input: MembershipInput) {
      const institutionId = await institutions.idOf(institution);
      const network = await repo.bySlug(input.network);
      if (!network) throw AppError.invalid('network', `No network "${input.network}"`);
      const since = parsePartialDate(input.since);
      if (isDateError(since)) throw AppError.invalid('since', since.error);
      return repo.insertMembership({
        institutionId,
        networkId: network.id,
        unitId: input.unit ? await institutions.unitIdOf(institutionId, input.unit) : null,
        sinceOn: since.date,
        sincePrecision: since.precision,
        roleIt: input.roleIt ?? null,
        roleEn: input.roleEn ?? null,
        workingGroups: input.workingGroups ?? [],
        sources: checkedSources('sources', input.sources),
      });
    },

    /** One page of the catalogue with the institution's membership of each network. */
    async directory(institutionId: string, query: NetworkListQuery) {
      const filter = { institutionId, q: query.q?.trim() || undefined, member: query.member };
      const total = await repo.countDirectory(filter);
      const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
      const page = Math.min(Math.max(1, Math.trunc(query.page ?? 1) || 1), pages);
      const sort = query.sort && NETWORK_SORTS.includes(query.sort) ? query.sort : 'name';
      const rows = await repo.directory(filter, {
        sort,
        lang: query.lang ?? 'it',
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      });
      return { items: rows.map(directoryOf), total, page, pages, pageSize: PAGE_SIZE };
    },

    /** A catalogue network with the institution's membership of it (null when it is not a member). */
    async entry(institutionId: string, networkId: string) {
      const row = UUID.test(networkId) ? await repo.entry(institutionId, networkId) : undefined;
      if (!row) throw AppError.notFound('Network', networkId);
      return directoryOf(row);
    },

    membership,

    /** The institution joins a network of the catalogue. */
    async joinNetwork(
      institutionId: string,
      networkId: string,
      fields: MembershipFields,
    ): Promise<MembershipRecord> {
      const network = UUID.test(networkId) ? await repo.byId(networkId) : undefined;
      if (!network) throw AppError.notFound('Network', networkId);
      const current = await repo.entry(institutionId, networkId);
      if (current?.membership?.id) {
        throw new AppError('conflict', `The institution is already a member of ${network.nameEn}`, {
          details: { reason: 'member', membershipId: current.membership.id },
        });
      }
      const values = checkedMembership(fields);
      const unitId = await unitOf(institutionId, fields.unitId);
      const row = await repo.insertMembership({ institutionId, networkId, unitId, ...values });
      return membership(institutionId, row.id);
    },

    /** Changes a membership if it is still at `version`; otherwise a version_conflict carrying the stored one. */
    async updateMembership(
      institutionId: string,
      id: string,
      version: number,
      fields: MembershipFields,
    ): Promise<MembershipRecord> {
      await membership(institutionId, id);
      const values = checkedMembership(fields);
      const unitId = await unitOf(institutionId, fields.unitId);
      const row = await repo.updateMembershipVersioned(institutionId, id, version, { unitId, ...values });
      if (!row) throw staleMembership(await membership(institutionId, id), version);
      return membership(institutionId, id);
    },

    /** The institution leaves a network: the membership at `version` goes; returns what it was. */
    async leaveNetwork(institutionId: string, id: string, version: number): Promise<MembershipRecord> {
      const before = await membership(institutionId, id);
      if (!(await repo.deleteMembershipVersioned(institutionId, id, version))) {
        throw staleMembership(before, version);
      }
      return before;
    },
  };
}

export type NetworksService = ReturnType<typeof createNetworksService>;
