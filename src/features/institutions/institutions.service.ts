import type { Executor } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { InstitutionsRepository, UnitRow } from './institutions.repository.ts';
import type {
  Institution,
  InstitutionDetail,
  InstitutionInput,
  Unit,
  UnitInput,
} from './institutions.schemas.ts';

type Row = NonNullable<Awaited<ReturnType<InstitutionsRepository['bySlug']>>>;

function view({ institution: i, place }: Row): Institution {
  return {
    id: i.id,
    slug: i.slug,
    kind: i.kind,
    nameIt: i.nameIt,
    nameEn: i.nameEn,
    officeNameIt: i.officeNameIt,
    officeNameEn: i.officeNameEn,
    descriptionIt: i.descriptionIt,
    descriptionEn: i.descriptionEn,
    homePlace: place
      ? { geonamesId: place.id, name: place.nameIt ?? place.name, lat: place.lat, lon: place.lon }
      : null,
    address: i.address,
    taxCode: i.taxCode,
    vatNumber: i.vatNumber,
    pec: i.pec,
    website: i.website,
    accessibilityUrl: i.accessibilityUrl,
    languages: i.languages,
    version: i.version,
    updatedAt: i.updatedAt.toISOString(),
  };
}

const unitView = (u: UnitRow): Unit => ({
  id: u.id,
  slug: u.slug,
  nameIt: u.nameIt,
  nameEn: u.nameEn,
  remitIt: u.remitIt,
  remitEn: u.remitEn,
  head: u.head,
});

export function createInstitutionsService({ repo }: { repo: InstitutionsRepository }) {
  async function requireRow(slug: string, tx?: Executor): Promise<Row> {
    const row = await repo.bySlug(slug, tx);
    if (!row) throw AppError.notFound('Institution', slug);
    return row;
  }

  return {
    async list(): Promise<Institution[]> {
      return (await repo.list()).map(view);
    },
    async get(slug: string): Promise<InstitutionDetail> {
      const row = await requireRow(slug);
      return { ...view(row), units: (await repo.units(row.institution.id)).map(unitView) };
    },
    /** The institution's id, or a 404 naming the slug: other features use it to scope their records. */
    async idOf(slug: string, tx?: Executor): Promise<string> {
      return (await requireRow(slug, tx)).institution.id;
    },
    async unitsOf(institutionId: string, tx?: Executor): Promise<Unit[]> {
      return (await repo.units(institutionId, tx)).map(unitView);
    },
    async unitIdOf(institutionId: string, unitSlug: string, tx?: Executor): Promise<string> {
      const unit = (await repo.units(institutionId, tx)).find((u) => u.slug === unitSlug);
      if (!unit) throw AppError.invalid('unit', `No unit "${unitSlug}" in this institution`);
      return unit.id;
    },
    async create(input: InstitutionInput, tx?: Executor): Promise<Institution> {
      if (await repo.bySlug(input.slug, tx)) {
        throw new AppError('conflict', `An institution "${input.slug}" already exists`, { field: 'slug' });
      }
      await repo.insert(input, tx);
      return view(await requireRow(input.slug, tx));
    },
    async addUnit(institutionId: string, input: UnitInput, position: number, tx?: Executor): Promise<Unit> {
      return unitView(await repo.insertUnit({ ...input, institutionId, position }, tx));
    },
  };
}

export type InstitutionsService = ReturnType<typeof createInstitutionsService>;
