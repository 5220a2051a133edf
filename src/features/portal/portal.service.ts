// What the public portal shows, assembled from the other features' services: published records only.

import type { AgendaService, PublicEntry } from '../agenda/agenda.service.ts';
import type { Agreement } from '../agreements/agreements.schemas.ts';
import type { AgreementsService } from '../agreements/agreements.service.ts';
import type { InstitutionDetail } from '../institutions/institutions.schemas.ts';
import type { InstitutionsService } from '../institutions/institutions.service.ts';
import type { CostRow, MissionsService } from '../missions/missions.service.ts';
import type { Network } from '../networks/networks.schemas.ts';
import type { NetworksService } from '../networks/networks.service.ts';
import type { DirectoryEntry, OrganisationsService } from '../organisations/organisations.service.ts';
import type { PeopleService } from '../people/people.service.ts';
import type { Objective } from '../plan/plan.schemas.ts';
import type { PlanService } from '../plan/plan.service.ts';
import type { ProjectRecord, ProjectsService } from '../projects/projects.service.ts';

/**
 * The institution as every portal page shows it. What the pages list (agreements, agenda, directories) are
 * parts, each read and cached on its own when a page needs it: a change to the consular corps should not cost
 * the directory's page the reading of the agreements, the agenda and the mission costs.
 */
export interface PortalInstitution {
  institution: InstitutionDetail;
}

export interface PortalParts {
  /** The published agreements, with the latest change to them or to the institution (ISO timestamp). */
  agreements: { list: Agreement[]; lastUpdated: string };
  networks: Network[];
  /** The published visits, missions and meetings of the past two years and the future, in date order. */
  agenda: PublicEntry[];
  /** Political office holders' mission costs per person and year (D.Lgs. 33/2013, art. 14). */
  missionCosts: CostRow[];
  /** The published consular posts, each with its head where the head is public. */
  consularCorps: DirectoryEntry[];
  /** The foreign-community associations that agreed to be listed. */
  communities: DirectoryEntry[];
  /** The published planning objectives with their money per year. */
  objectives: Objective[];
  /** The published projects (never an example), newest first. */
  projects: ProjectRecord[];
}

/** The latest of the institution's own change and its records' (ISO timestamps). */
export const latestOf = (institution: InstitutionDetail, records: readonly { updatedAt: string }[]) =>
  [institution.updatedAt, ...records.map((r) => r.updatedAt)].sort().at(-1)!;

export interface Figures {
  total: number;
  byKind: [string, number][];
  byContinent: [string, number][];
  first: Agreement | undefined;
  latest: Agreement | undefined;
  countries: number;
}

/** Key figures of a set of agreements: counts by kind and continent, the first and the latest signed. */
export function figures(agreements: Agreement[]): Figures {
  const count = (key: (a: Agreement) => string | undefined) => {
    const m = new Map<string, number>();
    for (const a of agreements) {
      const k = key(a);
      if (k) m.set(k, (m.get(k) ?? 0) + 1);
    }
    return [...m.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
  };
  const dated = agreements
    .map((a) => ({ a, d: a.signed.date ?? a.ratified.date }))
    .filter((x): x is { a: Agreement; d: string } => !!x.d)
    .sort((x, y) => x.d.localeCompare(y.d));
  return {
    total: agreements.length,
    byKind: count((a) => a.kind),
    // The five continents of the seed's count (and of Italian usage): the Americas are one.
    byContinent: count((a) => {
      const c = a.partner.country?.continent;
      return c === 'NA' || c === 'SA' ? 'AM' : c;
    }),
    first: dated[0]?.a,
    latest: dated.at(-1)?.a,
    countries: new Set(agreements.map((a) => a.partner.country?.code).filter(Boolean)).size,
  };
}

export interface AtlasPoint {
  geonamesId: number;
  lat: number;
  lon: number;
  nameIt: string;
  nameEn: string;
  countryIt: string;
  countryEn: string;
  /** Each institution with a published agreement with this place, and that agreement. */
  links: {
    institution: string;
    institutionNameIt: string;
    institutionNameEn: string;
    slug: string;
    slugEn: string;
  }[];
}

export function createPortalService(deps: {
  institutions: InstitutionsService;
  agreements: AgreementsService;
  networks: NetworksService;
  agenda: AgendaService;
  missions: MissionsService;
  organisations: OrganisationsService;
  people: PeopleService;
  plan: PlanService;
  projects: ProjectsService;
}) {
  const { institutions, agreements, networks, agenda, missions, organisations, people, plan, projects } =
    deps;

  /** A published directory, each entry with its current head when the head may be named in public. */
  async function directory(institutionId: string, kind: 'consular_post' | 'association') {
    const entries = await organisations.publicDirectory(institutionId, kind);
    const heads = await people.publicHeads(institutionId, kind);
    return entries.map((o): DirectoryEntry => ({ ...o, head: heads.get(o.id) ?? null }));
  }

  const institution = async (slug: string): Promise<PortalInstitution> => ({
    institution: await institutions.get(slug),
  });

  const parts: { [K in keyof PortalParts]: (inst: InstitutionDetail) => Promise<PortalParts[K]> } = {
    agreements: async (inst) => {
      const list = await agreements.listDetailed(inst.slug);
      return { list, lastUpdated: latestOf(inst, list) };
    },
    networks: (inst) => networks.list(inst.slug),
    agenda: (inst) => agenda.publicEntries(inst.id),
    missionCosts: (inst) => missions.costs(inst.id),
    consularCorps: (inst) => directory(inst.id, 'consular_post'),
    communities: (inst) => directory(inst.id, 'association'),
    objectives: (inst) => plan.objectives(inst.id, true),
    projects: (inst) => projects.published(inst.id),
  };

  return {
    institution,
    parts,
    institutions: () => institutions.list(),

    /** Every published partner city of every institution; a city shared by several shows all of them. */
    async atlas(): Promise<{
      points: AtlasPoint[];
      institutions: Awaited<ReturnType<typeof institutions.list>>;
      /** Published agreements per institution, partners without a place (organisations) included. */
      counts: Map<string, number>;
    }> {
      const all = await institutions.list();
      const byPlace = new Map<number, AtlasPoint>();
      const counts = new Map<string, number>();
      for (const inst of all) {
        const list = await agreements.listDetailed(inst.slug);
        counts.set(inst.slug, list.length);
        for (const a of list) {
          const place = a.partner.place;
          if (!place) continue;
          const point = byPlace.get(place.geonamesId) ?? {
            geonamesId: place.geonamesId,
            lat: place.lat,
            lon: place.lon,
            nameIt: a.partner.nameIt,
            nameEn: a.partner.nameEn,
            countryIt: a.partner.country?.nameIt ?? '',
            countryEn: a.partner.country?.nameEn ?? '',
            links: [],
          };
          point.links.push({
            institution: inst.slug,
            institutionNameIt: inst.nameIt,
            institutionNameEn: inst.nameEn,
            slug: a.slug,
            slugEn: a.slugEn,
          });
          byPlace.set(place.geonamesId, point);
        }
      }
      return { points: [...byPlace.values()], institutions: all, counts };
    },
  };
}

export type PortalService = ReturnType<typeof createPortalService>;
