// Loads the demo institutions of the seed documents: Milan, Florence and the Metropolitan City of Florence,
// their units, networks and agreements. Goes through the same services as any other write.
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { AgreementsService, PreparedAgreement } from '../agreements/agreements.service.ts';
import type { InstitutionsService } from '../institutions/institutions.service.ts';
import type { NetworksService } from '../networks/networks.service.ts';
import type { PlacesService } from '../places/places.service.ts';
import { DEMO_INSTITUTIONS, DEMO_NETWORKS } from './demo.data.ts';

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
}) {
  const { database, places, institutions, networks, agreements } = deps;

  return {
    async hasInstitutions(): Promise<boolean> {
      // Runs on every start: one indexed probe, not the full list.
      const rows = await database.query<{ found: boolean }>(
        'select exists (select 1 from institutions) as found',
      );
      return rows[0]?.found === true;
    },

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

      // Read before the transaction: on PGlite a query outside an open transaction waits for it to end.
      const knownNetworks = new Set((await networks.list()).map((n) => n.slug));
      await database.db.transaction(async (tx) => {
        for (const n of DEMO_NETWORKS) if (!knownNetworks.has(n.slug)) await networks.create(n, tx);
        for (const { inst, homePlaceId, items } of prepared) {
          const { units, memberships, agreements: _a, homePlace: _h, ...fields } = inst;
          const created = await institutions.create(
            { ...fields, ...(homePlaceId ? { homePlaceId } : {}) },
            tx,
          );
          for (const [i, unit] of units.entries()) await institutions.addUnit(created.id, unit, i, tx);
          for (const m of memberships) await networks.join(inst.slug, m, tx);
          await agreements.insertPrepared(created.id, items, tx);
          report.institutions.push(inst.slug);
          report.agreements += items.length;
        }
      });
      return report;
    },
  };
}
