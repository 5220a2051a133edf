// The contacts register's organisations: the rules of one by institution id (its kind and, for a consular post,
// the post's kind; names; countries and languages typed as people write them; a district of Italian regions; a
// map point; contacts and an http(s) website; an example never published; a stale version refused), and the
// back-office's use cases (createOrganisationsAdmin): as the actor's institution under row-level security,
// role-checked, versioned, audited.

import { randomUUID } from 'node:crypto';
import { contact } from '../../platform/contacts.ts';
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { fieldChecks, text, UUID, yes } from '../../platform/field-rules.ts';
import { languageList } from '../../platform/languages.ts';
import { pageOf } from '../../platform/paging.ts';
import { webUrlProblem } from '../../platform/urls.ts';
import { type Actor, canWrite, requireWriter } from '../accounts/accounts.access.ts';
import { HISTORY_LIMIT, recordHistory, staffWork } from '../audit/audit.service.ts';
import {
  countryByCode,
  countryCode,
  countryList,
  normalizeName,
  resolveCountry,
} from '../places/places.service.ts';
import {
  ORGANISATION_SORTS,
  type OrganisationRow,
  type OrganisationSort,
  type OrganisationsRepository,
  type OrganisationValues,
} from './organisations.repository.ts';
import {
  mapPoint,
  ORGANISATION_KINDS,
  type OrganisationKind,
  POST_KINDS,
  type PostKind,
  regionList,
} from './organisations.rules.ts';
import type { OrganisationRecord, PublicOrganisation } from './organisations.schemas.ts';

export {
  type DirectoryEntry,
  type DirectoryHead,
  directoryCsv,
  directoryJson,
  esc as vcardEscape,
  vcardOf,
  vcardText,
} from './organisations.files.ts';
export { ORGANISATION_SORTS, type OrganisationSort } from './organisations.repository.ts';
export { ORGANISATION_KINDS } from './organisations.rules.ts';

/** What a form sends (and the API's body becomes): text, lists as text with commas or new lines. */
export interface OrganisationFields {
  kind: string;
  postKind: string;
  nameIt: string;
  nameEn: string;
  country: string;
  communities: string;
  languages: string;
  district: string;
  address: string;
  city: string;
  /** "45.4642, 9.1900", or blank. */
  coordinates: string;
  phone: string;
  email: string;
  website: string;
  openingHoursIt: string;
  openingHoursEn: string;
  activitiesIt: string;
  activitiesEn: string;
  registerNumber: string;
  notes: string;
  published: string;
}

export const BLANK_ORGANISATION: OrganisationFields = {
  kind: '',
  postKind: '',
  nameIt: '',
  nameEn: '',
  country: '',
  communities: '',
  languages: '',
  district: '',
  address: '',
  city: '',
  coordinates: '',
  phone: '',
  email: '',
  website: '',
  openingHoursIt: '',
  openingHoursEn: '',
  activitiesIt: '',
  activitiesEn: '',
  registerNumber: '',
  notes: '',
  published: '',
};

export interface OrganisationListQuery {
  q?: string | undefined;
  kind?: OrganisationKind | undefined;
  country?: string | undefined;
  sort?: OrganisationSort | undefined;
  page?: number | undefined;
  lang?: 'it' | 'en' | undefined;
}

const countryOf = (code: string) => {
  const c = countryByCode(code);
  return { code, nameIt: c?.nameIt ?? code, nameEn: c?.nameEn ?? code };
};

export const organisationOf = (r: OrganisationRow): OrganisationRecord => ({
  id: r.id,
  kind: r.kind,
  postKind: r.postKind,
  nameIt: r.nameIt,
  nameEn: r.nameEn,
  country: r.countryCode ? countryOf(r.countryCode) : null,
  communities: r.communities.map(countryOf),
  languages: r.languages,
  district: r.district,
  address: r.address,
  city: r.city,
  point:
    r.latitude !== null && r.longitude !== null ? { latitude: r.latitude, longitude: r.longitude } : null,
  phone: r.phone,
  email: r.email,
  website: r.website,
  openingHoursIt: r.openingHoursIt,
  openingHoursEn: r.openingHoursEn,
  activitiesIt: r.activitiesIt,
  activitiesEn: r.activitiesEn,
  registerNumber: r.registerNumber,
  notes: r.notes,
  published: r.published,
  example: r.example,
  version: r.version,
  createdAt: new Date(r.createdAt).toISOString(),
  updatedAt: new Date(r.updatedAt).toISOString(),
});

/** A country typed by a person as its ISO code, or an AppError naming the field. */
export const resolveCountryCode = (field: string, value: string): string => countryCode(field, value) ?? '';

function website(value: string): string | null {
  const v = value.trim();
  if (!v) return null;
  const problem = webUrlProblem(v);
  if (problem) throw AppError.invalid('website', problem);
  return v;
}

/** The fields as stored values, or an AppError naming the first field at fault. */
function checked(f: OrganisationFields, example: boolean) {
  const c = fieldChecks();
  const kind = f.kind.trim() as OrganisationKind;
  if (!ORGANISATION_KINDS.includes(kind))
    c.refuse(
      AppError.invalid('kind', f.kind.trim() ? `Unknown kind "${f.kind}"` : 'Choose the kind', {
        reason: f.kind.trim() ? 'unknown' : 'required',
      }),
    );
  const post = (f.postKind ?? '').trim() as PostKind | '';
  if (kind === 'consular_post' && !post)
    c.refuse(
      AppError.invalid('postKind', 'A consular post needs its kind (embassy, consulate general, ...)', {
        reason: 'required_for_post',
      }),
    );
  if (post && !POST_KINDS.includes(post))
    c.refuse(AppError.invalid('postKind', `Unknown kind of post "${post}"`));
  const point = c.take(() => mapPoint('coordinates', f.coordinates));
  const values = {
    kind,
    postKind: kind === 'consular_post' ? (post as PostKind) : null,
    nameIt: c.take(() => text('nameIt', f.nameIt, 200, true)!),
    nameEn: c.take(() => text('nameEn', f.nameEn, 200)),
    countryCode: c.take(() => countryCode('country', f.country ?? '')),
    communities: c.take(() => countryList('communities', f.communities ?? '')),
    languages: c.take(() => languageList('languages', f.languages)),
    district: kind === 'consular_post' ? c.take(() => regionList('district', f.district)) : [],
    address: c.take(() => text('address', f.address, 300)),
    city: c.take(() => text('city', f.city, 100)),
    latitude: point?.latitude ?? null,
    longitude: point?.longitude ?? null,
    phone: c.take(() => contact('phone', 'phone', f.phone)),
    email: c.take(() => contact('email', 'email', f.email)),
    website: c.take(() => website(f.website ?? '')),
    openingHoursIt: c.take(() => text('openingHoursIt', f.openingHoursIt, 1000)),
    openingHoursEn: c.take(() => text('openingHoursEn', f.openingHoursEn, 1000)),
    activitiesIt: c.take(() => text('activitiesIt', f.activitiesIt, 5000)),
    activitiesEn: c.take(() => text('activitiesEn', f.activitiesEn, 5000)),
    registerNumber: c.take(() => text('registerNumber', f.registerNumber, 60)),
    notes: c.take(() => text('notes', f.notes, 5000)),
    published: yes(f.published),
  };
  if (ORGANISATION_KINDS.includes(kind) && kind !== 'consular_post' && (f.district ?? '').trim())
    c.refuse(AppError.invalid('district', 'Only a consular post has a district', { reason: 'post_only' }));
  if (example && values.published)
    c.refuse(AppError.invalid('published', 'An example record is never published'));
  c.done();
  return {
    ...values,
    searchKey: [values.nameIt, values.nameEn]
      .filter(Boolean)
      .map((n) => normalizeName(n!))
      .join(' | '),
  };
}

function stale(current: OrganisationRecord, version: number): AppError {
  return new AppError(
    'version_conflict',
    `The organisation was changed by someone else (now at version ${current.version}, you started from ${version})`,
    { field: 'version', details: { currentVersion: current.version, current } },
  );
}

export function createOrganisationsService({ repo }: { repo: OrganisationsRepository }) {
  async function detail(institutionId: string, id: string): Promise<OrganisationRecord> {
    const row = UUID.test(id) ? await repo.byId(institutionId, id) : undefined;
    if (!row) throw AppError.notFound('Organisation', id);
    return organisationOf(row);
  }

  return {
    detail,

    async page(institutionId: string, q: OrganisationListQuery) {
      const words = normalizeName(q.q ?? '')
        .split(' ')
        .filter(Boolean)
        .slice(0, 8);
      const country = q.country?.trim() ? (resolveCountry(q.country) ?? '??') : undefined;
      const filter = { institutionId, words, kind: q.kind, countryCode: country };
      const total = await repo.count(filter);
      const at = pageOf(total, q.page);
      const sort = q.sort && ORGANISATION_SORTS.includes(q.sort) ? q.sort : 'name';
      const rows = await repo.page(filter, {
        sort,
        lang: q.lang ?? 'it',
        limit: at.pageSize,
        offset: at.offset,
      });
      return {
        items: rows.map(organisationOf),
        total,
        page: at.page,
        pages: at.pages,
        pageSize: at.pageSize,
      };
    },

    choices: (institutionId: string) => repo.choices(institutionId),
    choicesForDuplicates: (institutionId: string) => repo.identities(institutionId),
    /** Who the office knows for a country: its posts, its communities' associations, its partners' offices. */
    ofCountry: async (institutionId: string, code: string) =>
      (await repo.ofCountry(institutionId, code)).map(organisationOf),

    /** Every organisation of the institution (a distribution list picks among them). */
    all: async (institutionId: string) =>
      (await repo.page({ institutionId }, { sort: 'name', lang: 'it', limit: 100_000, offset: 0 })).map(
        organisationOf,
      ),

    /** The published consular posts or associations, without what is internal: the portal's directories. */
    async publicDirectory(
      institutionId: string,
      kind: 'consular_post' | 'association',
    ): Promise<PublicOrganisation[]> {
      return (await repo.published(institutionId, kind))
        .map(organisationOf)
        .map(({ notes, example, version, createdAt, ...rest }) => rest);
    },

    /** The countries in use, named, for the list's filter. */
    countries: async (institutionId: string) => (await repo.countries(institutionId)).map(countryOf),

    /**
     * An import's organisations: each row checked as a form's (`checkNew` throws the AppError naming the
     * field), then all written together, since a thousand single inserts cost seconds.
     */
    checkNew(institutionId: string, fields: OrganisationFields) {
      return { id: randomUUID(), institutionId, example: false, ...checked(fields, false) };
    },
    insertMany: (institutionId: string, rows: (OrganisationValues & { id: string })[]) =>
      repo.insertMany(institutionId, rows),

    async create(institutionId: string, fields: OrganisationFields, opts: { example?: boolean } = {}) {
      const example = opts.example ?? false;
      const row = await repo.insert({ institutionId, example, ...checked(fields, example) });
      return organisationOf(row);
    },

    async update(institutionId: string, id: string, version: number, fields: OrganisationFields) {
      const before = await detail(institutionId, id);
      const values = checked(fields, before.example);
      const row =
        before.version === version
          ? await repo.updateVersioned(institutionId, id, version, values)
          : undefined;
      if (!row) throw stale(await detail(institutionId, id), version);
      return organisationOf(row);
    },

    async remove(institutionId: string, id: string, version: number) {
      const before = await detail(institutionId, id);
      if (before.version !== version || !(await repo.deleteVersioned(institutionId, id, version))) {
        throw stale(await detail(institutionId, id), version);
      }
      return before;
    },
  };
}

export type OrganisationsService = ReturnType<typeof createOrganisationsService>;

/** The back-office's use cases of organisations, as the actor's institution, role-checked, audited. */
export function createOrganisationsAdmin(deps: { database: Database; organisations: OrganisationsService }) {
  const { database, organisations } = deps;
  const { asStaff, created, updated, removed } = staffWork(database);
  return {
    canWrite,
    organisations: (actor: Actor, query: OrganisationListQuery) =>
      asStaff(actor, (id) => organisations.page(id, query)),
    countries: (actor: Actor) => asStaff(actor, (id) => organisations.countries(id)),
    choices: (actor: Actor) => asStaff(actor, (id) => organisations.choices(id)),
    ofCountry: (actor: Actor, code: string) => asStaff(actor, (id) => organisations.ofCountry(id, code)),
    organisation: (actor: Actor, id: string) =>
      asStaff(actor, async (institutionId) => ({
        organisation: await organisations.detail(institutionId, id),
        history: await recordHistory(database, 'organisation', id, HISTORY_LIMIT),
      })),
    organisationForm(actor: Actor, id?: string) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => ({
        organisation: id ? await organisations.detail(institutionId, id) : undefined,
      }));
    },
    createOrganisation(actor: Actor, fields: OrganisationFields) {
      requireWriter(actor);
      return created(actor, 'organisation', (institutionId) => organisations.create(institutionId, fields));
    },
    updateOrganisation(actor: Actor, id: string, version: number, fields: OrganisationFields) {
      requireWriter(actor);
      return updated(
        actor,
        'organisation',
        id,
        (institutionId) => organisations.detail(institutionId, id),
        (institutionId) => organisations.update(institutionId, id, version, fields),
      );
    },
    deleteOrganisation(actor: Actor, id: string, version: number) {
      requireWriter(actor);
      return removed(actor, 'organisation', id, (institutionId) =>
        organisations.remove(institutionId, id, version),
      );
    },
  };
}

export type OrganisationsAdmin = ReturnType<typeof createOrganisationsAdmin>;
