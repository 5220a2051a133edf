import { AppError } from '../../platform/errors.ts';
import { webUrlProblem } from '../../platform/urls.ts';
import type { UnitsService } from '../units/units.service.ts';
import type { InstitutionsRepository } from './institutions.repository.ts';
import type { Institution, InstitutionDetail, InstitutionInput } from './institutions.schemas.ts';

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

export function createInstitutionsService({
  repo,
  units,
}: {
  repo: InstitutionsRepository;
  units: UnitsService;
}) {
  async function requireRow(slug: string): Promise<Row> {
    const row = await repo.bySlug(slug);
    if (!row) throw AppError.notFound('Institution', slug);
    return row;
  }

  return {
    async list(): Promise<Institution[]> {
      return (await repo.list()).map(view);
    },
    async get(slug: string): Promise<InstitutionDetail> {
      const row = await requireRow(slug);
      return { ...view(row), units: await units.unitsOf(row.institution.id) };
    },
    /** The institution's id, or a 404 naming the slug: other features use it to scope their records. */
    async idOf(slug: string): Promise<string> {
      return (await requireRow(slug)).institution.id;
    },
    // The office's units live in features/units; these stay here for the features that ask an institution.
    unitsOf: units.unitsOf,
    unitIdOf: units.unitIdOf,
    addUnit: units.addUnit,
    async create(input: InstitutionInput): Promise<Institution> {
      if (await repo.bySlug(input.slug)) {
        throw new AppError('conflict', `An institution "${input.slug}" already exists`, { field: 'slug' });
      }
      for (const field of ['website', 'accessibilityUrl'] as const) {
        const problem = input[field] ? webUrlProblem(input[field]) : undefined;
        if (problem) throw AppError.invalid(field, problem);
      }
      await repo.insert(input);
      return view(await requireRow(input.slug));
    },
  };
}

export type InstitutionsService = ReturnType<typeof createInstitutionsService>;
