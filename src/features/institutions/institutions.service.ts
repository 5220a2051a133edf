import { checkedSources, contact } from '../../platform/contacts.ts';
import { AppError } from '../../platform/errors.ts';
import { webUrlProblem } from '../../platform/urls.ts';
import type { Source } from '../agreements/agreements.schemas.ts';
import type { UnitsService } from '../units/units.service.ts';
import type { InstitutionsRepository, SettingsValues } from './institutions.repository.ts';
import type { Institution, InstitutionDetail, InstitutionInput } from './institutions.schemas.ts';

/** What an admin of the institution sets: contacts, legal texts, sources (a PATCH's fields, or a form's). */
export interface SettingsFields {
  address: string;
  taxCode: string;
  vatNumber: string;
  pec: string;
  email: string;
  phone: string;
  website: string;
  accessibilityUrl: string;
  privacyTextIt: string;
  privacyTextEn: string;
  sources: Source[];
}

function line(field: string, value: string, max: number): string | null {
  const v = value.trim();
  if (v.length > max || /[\r\n]/.test(v)) {
    throw AppError.invalid(field, `${field} takes one line of at most ${max} characters`);
  }
  return v || null;
}

function webAddress(field: string, value: string): string | null {
  const v = value.trim();
  const problem = v
    ? v.length > 300
      ? `${field} is longer than 300 characters`
      : webUrlProblem(v)
    : undefined;
  if (problem) throw AppError.invalid(field, problem);
  return v || null;
}

function notice(field: string, value: string): string | null {
  const v = value.trim();
  if (v.length > 20000) throw AppError.invalid(field, `${field} is longer than 20000 characters`);
  return v || null;
}

/** The settings checked and trimmed, each refusal naming its field. */
function checkedSettings(f: SettingsFields): SettingsValues {
  return {
    address: line('address', f.address, 300),
    taxCode: line('taxCode', f.taxCode, 30),
    vatNumber: line('vatNumber', f.vatNumber, 30),
    pec: contact('pec', 'email', f.pec),
    email: contact('email', 'email', f.email),
    phone: contact('phone', 'phone', f.phone),
    website: webAddress('website', f.website),
    accessibilityUrl: webAddress('accessibilityUrl', f.accessibilityUrl),
    privacyTextIt: notice('privacyTextIt', f.privacyTextIt),
    privacyTextEn: notice('privacyTextEn', f.privacyTextEn),
    sources: checkedSources('sources', f.sources),
  };
}

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
    email: i.email,
    phone: i.phone,
    website: i.website,
    accessibilityUrl: i.accessibilityUrl,
    privacyTextIt: i.privacyTextIt,
    privacyTextEn: i.privacyTextEn,
    sources: i.sources,
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

  async function byId(id: string): Promise<Institution> {
    const row = await repo.byId(id);
    if (!row) throw AppError.notFound('Institution', id);
    return view(row);
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
    /** The institution by id, as its settings form and the audit log show it. */
    byId,
    /** Changes the settings if the institution is still at `version`; else a version_conflict with it. */
    async updateSettings(id: string, version: number, fields: SettingsFields): Promise<Institution> {
      await byId(id);
      const values = checkedSettings(fields);
      if (!(await repo.updateSettingsVersioned(id, version, values))) {
        const current = await byId(id);
        throw new AppError(
          'version_conflict',
          `The settings were changed by someone else (now at version ${current.version}, you started from ${version})`,
          { field: 'version', details: { currentVersion: current.version, current } },
        );
      }
      return byId(id);
    },
  };
}

export type InstitutionsService = ReturnType<typeof createInstitutionsService>;
