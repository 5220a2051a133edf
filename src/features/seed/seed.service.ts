// Loads the demo institutions of the seed documents: Milan, Florence and the Metropolitan City of Florence,
// their units, networks and agreements. Goes through the same services as any other write.
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { SEED } from '../accounts/accounts.access.ts';
import type { AgreementsService, PreparedAgreement } from '../agreements/agreements.service.ts';
import { type AuditRecord, appendAudit } from '../audit/audit.service.ts';
import type { InstitutionsService } from '../institutions/institutions.service.ts';
import type { NetworksService } from '../networks/networks.service.ts';
import type { PlacesService } from '../places/places.service.ts';
import type { PlanService } from '../plan/plan.service.ts';
import { DEMO_INSTITUTIONS, DEMO_NETWORKS } from './demo.data.ts';
import { DEMO_OBJECTIVES } from './demo.plan.ts';
import { createSeedRepository } from './seed.repository.ts';

export interface SeedReport {
  institutions: string[];
  agreements: number;
  skipped: string[];
}

export function createSeedService(deps: {
  database: Database;
  places: PlacesService;
  institutions: InstitutionsService;
  networks: NetworksService;
  agreements: AgreementsService;
  plan: PlanService;
}) {
  const { database, places, institutions, networks, agreements, plan } = deps;
  const repo = createSeedRepository(database);

  return {
    /** Runs on every start: whether there is anything yet. */
    hasInstitutions: (): Promise<boolean> => repo.hasInstitutions(),

    /** Adds the demo institutions that are not there yet; all of it in one transaction. */
    async demo(): Promise<SeedReport> {
      const existing = new Set((await institutions.list()).map((i) => i.slug));
      const todo = DEMO_INSTITUTIONS.filter((i) => !existing.has(i.slug));
      const report: SeedReport = { institutions: [], agreements: 0, skipped: [...existing] };
      if (todo.length === 0) return report;

      // Resolve every partner before writing anything: a demo agreement that does not resolve is a bug.
      const prepared: {
        inst: (typeof todo)[number];
        homePlaceId: number | undefined;
        items: PreparedAgreement[];
      }[] = [];
      for (const inst of todo) {
        // The institution does not exist yet: its units are checked against the demo data itself below.
        const preps = await agreements.prepareFor(new Set(inst.units.map((u) => u.slug)), inst.agreements);
        preps.forEach((p, i) => {
          if (!p.ok) {
            throw new AppError(
              'internal',
              `Demo agreement ${inst.slug}/${inst.agreements[i]!.slug}: ${p.problems[0]!.message}`,
            );
          }
        });
        const home = await places.lookup(inst.homePlace);
        prepared.push({
          inst,
          homePlaceId: home.match?.geonamesId,
          items: preps.map((p) => (p as Extract<typeof p, { ok: true }>).prepared),
        });
      }

      // Every record written gets its audit entry in the seed's name, in the same transaction.
      await database.transaction(async () => {
        const knownNetworks = new Set((await networks.list()).map((n) => n.slug));
        const audit = (records: AuditRecord[]) => appendAudit(database.query, SEED, records);
        for (const n of DEMO_NETWORKS.filter((n) => !knownNetworks.has(n.slug))) {
          const network = await networks.create(n);
          await audit([
            { institutionId: null, action: 'create', entity: 'network', entityId: network.id, after: n },
          ]);
        }
        for (const { inst, homePlaceId, items } of prepared) {
          const { units, memberships, agreements: _a, homePlace: _h, ...fields } = inst;
          const values = { ...fields, ...(homePlaceId ? { homePlaceId } : {}) };
          const created = await institutions.create(values);
          const records: AuditRecord[] = [
            {
              institutionId: created.id,
              action: 'create',
              entity: 'institution',
              entityId: created.id,
              after: values,
            },
          ];
          for (const [i, unit] of units.entries()) {
            const made = await institutions.addUnit(created.id, unit, i);
            records.push({
              institutionId: created.id,
              action: 'create',
              entity: 'unit',
              entityId: made.id,
              after: unit,
            });
          }
          for (const m of memberships) {
            const made = await networks.join(inst.slug, m);
            records.push({
              institutionId: created.id,
              action: 'create',
              entity: 'membership',
              entityId: made.id,
              after: m,
            });
          }
          // A strategic objective before the operational ones that name it by its title.
          const made = new Map<string, string>();
          for (const { parent, ...o } of DEMO_OBJECTIVES[inst.slug] ?? []) {
            const fields = { ...o, parentId: parent ? made.get(parent)! : '' };
            const objective = await plan.create(created.id, fields);
            made.set(o.titleIt, objective.id);
            records.push({
              institutionId: created.id,
              action: 'create',
              entity: 'objective',
              entityId: objective.id,
              after: objective,
            });
          }
          await audit(records);
          await agreements.insertPrepared(created.id, items, SEED);
          report.institutions.push(inst.slug);
          report.agreements += items.length;
        }
      });
      return report;
    },
  };
}
