// Agreement use cases: the factory that wires reads, preparation and writes into the one service object the
// pages, API, CLI, portal, import and seed call. The use cases live in agreements.reads.ts,
// agreements.prepare.ts and agreements.writes.ts.
import type { Database } from '../../platform/db/client.ts';
import type { CounterpartsService } from '../counterparts/counterparts.service.ts';
import type { InstitutionsService } from '../institutions/institutions.service.ts';
import type { PlacesService } from '../places/places.service.ts';
import { createAgreementPreparation } from './agreements.prepare.ts';
import { createAgreementReads } from './agreements.reads.ts';
import type { AgreementsRepository } from './agreements.repository.ts';
import { createAgreementWrites } from './agreements.writes.ts';

// The published formats of the open-data downloads.
export { toCsv, toGeoJson, toJson } from './agreements.files.ts';
export type { Preparation, PreparedAgreement } from './agreements.prepare.ts';

export function createAgreementsService(deps: {
  database: Database;
  repo: AgreementsRepository;
  places: PlacesService;
  institutions: InstitutionsService;
  counterparts: CounterpartsService;
}) {
  const { repo } = deps;
  const { prepare, prepareFor } = createAgreementPreparation(deps);
  const reads = createAgreementReads(deps);
  const writes = createAgreementWrites({ ...deps, prepare, get: reads.get });
  return {
    prepare,
    prepareFor,
    insertPrepared: writes.insertPrepared,
    takenSlugs: (institutionId: string) => repo.takenSlugs(institutionId),
    create: writes.create,
    list: reads.list,
    get: reads.get,
    listDetailed: reads.listDetailed,
    recordStatus: writes.recordStatus,
    update: writes.update,
    setPublished: writes.setPublished,
    remove: writes.remove,
  };
}

export type AgreementsService = ReturnType<typeof createAgreementsService>;
