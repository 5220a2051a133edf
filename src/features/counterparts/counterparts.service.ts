// Counterparts are found or created as agreements name them: one per partner city (by gazetteer place) and
// one per organisation (by English name) within an institution. The back-office also lists, edits, adds
// (organisations) and deletes (unused) counterparts; those functions take the institution's id and run in
// the caller's transaction (under row-level security in the back-office).
import type { Static } from '@sinclair/typebox';
import type { Database, QueryFn } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { UUID } from '../../platform/field-rules.ts';
import { webUrlProblem } from '../../platform/urls.ts';
import { type Actor, canWrite, requireWriter } from '../accounts/accounts.access.ts';
import { HISTORY_LIMIT, recordHistory, staffWork } from '../audit/audit.service.ts';
import type { InstitutionsService } from '../institutions/institutions.service.ts';
import { normalizeName, type PlaceCandidate, resolveCountry } from '../places/places.service.ts';
import {
  COUNTERPART_SORTS,
  type CounterpartListRow,
  type CounterpartRow,
  type CounterpartSort,
  type CounterpartsRepository,
  listPublicCounterparts,
} from './counterparts.repository.ts';
import type { CounterpartAgreements, PartnerRecord } from './counterparts.schemas.ts';

export { COUNTERPART_SORTS, type CounterpartSort } from './counterparts.repository.ts';

export const PAGE_SIZE = 25;

/** A counterpart as the back-office shows and audits it. */
export type CounterpartRecord = Static<typeof PartnerRecord>;

/** What a person types in the back-office form; country only counts for organisations. */
export interface CounterpartFields {
  nameIt: string;
  nameEn: string;
  website: string;
  country: string;
}

export interface CounterpartListQuery {
  q?: string | undefined;
  kind?: 'city' | 'organisation' | undefined;
  country?: string | undefined;
  sort?: CounterpartSort | undefined;
  page?: number | undefined;
  lang?: 'it' | 'en' | undefined;
}

export interface ListPage<T> {
  items: T[];
  total: number;
  page: number;
  pages: number;
  pageSize: number;
}

const record = (r: CounterpartListRow): CounterpartRecord => ({
  id: r.id,
  type: r.kind,
  nameIt: r.nameIt,
  nameEn: r.nameEn,
  country: r.countryCode
    ? { code: r.countryCode, nameIt: r.countryIt ?? '', nameEn: r.countryEn ?? '' }
    : null,
  place: r.placeId !== null ? { geonamesId: r.placeId, name: r.placeName ?? '' } : null,
  website: r.website,
  agreements: r.agreements,
  visits: r.visits,
  version: r.version,
  createdAt: new Date(r.createdAt).toISOString(),
  updatedAt: new Date(r.updatedAt).toISOString(),
});

/** A required or optional line of text, trimmed, at most `max` characters; invalid_input naming the field. */
function text(field: string, value: string | undefined, max: number, required: boolean): string | null {
  const v = (value ?? '').trim();
  if (required && !v) throw AppError.invalid(field, `${field} is required`);
  if (v.length > max) throw AppError.invalid(field, `${field} is longer than ${max} characters`);
  return v || null;
}

/** An optional web address: absolute, http or https. */
function website(field: string, value: string | undefined): string | null {
  const v = text(field, value, 300, false);
  if (!v) return null;
  const problem = webUrlProblem(v);
  if (problem) throw AppError.invalid(field, problem);
  return v;
}

/** Total, page count and the requested page brought within range. */
function pageOf(total: number, requested: number | undefined, size = PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, Math.trunc(requested ?? 1) || 1), pages);
  return { total, pages, page, pageSize: size, offset: (page - 1) * size };
}

export type CounterpartSpec =
  | { type: 'city'; place: PlaceCandidate }
  | {
      type: 'organisation';
      nameIt: string;
      nameEn: string;
      country?: string | undefined;
      website?: string | undefined;
    };

const keyOf = (spec: CounterpartSpec) =>
  spec.type === 'city' ? `city:${spec.place.geonamesId}` : `org:${spec.nameEn.trim().toLowerCase()}`;
const rowKey = (row: CounterpartRow) =>
  row.kind === 'city' ? `city:${row.placeId}` : `org:${row.nameEn.trim().toLowerCase()}`;

export function createCounterpartsService({
  repo,
  agreements,
  query,
  institutions,
}: {
  repo: CounterpartsRepository;
  /** The agreements' side: what names a counterpart, and their copies of its names and country. */
  agreements: CounterpartAgreements;
  query: QueryFn;
  institutions: InstitutionsService;
}) {
  return { ...agreementSide(repo, query, institutions), ...recordSide(repo, agreements) };
}

/** The public list, and the counterparts agreements name (found or created). */
function agreementSide(repo: CounterpartsRepository, query: QueryFn, institutions: InstitutionsService) {
  return {
    /** Partners with at least one published agreement, as the public and the API see them. */
    async listPublic(institution: string) {
      const rows = await listPublicCounterparts(query, await institutions.idOf(institution));
      return rows.map((r) => ({
        id: r.id,
        type: r.kind,
        nameIt: r.name_it,
        nameEn: r.name_en,
        country: r.country_code
          ? { code: r.country_code, nameIt: r.country_it!, nameEn: r.country_en!, continent: r.continent! }
          : null,
        place:
          r.place_id !== null
            ? {
                geonamesId: r.place_id,
                name: r.place_name!,
                lat: r.lat!,
                lon: r.lon!,
                population: r.population!,
              }
            : null,
        agreements: r.agreements,
      }));
    },
    list: (institutionId: string) => repo.list(institutionId),
    byIds: (ids: string[]) => repo.byIds(ids),

    /** The counterpart row for each spec, creating the missing ones in one statement. */
    async ensureMany(institutionId: string, specs: CounterpartSpec[]): Promise<CounterpartRow[]> {
      const existing = new Map((await repo.list(institutionId)).map((r) => [rowKey(r), r]));
      const missing = new Map<string, CounterpartSpec>();
      for (const spec of specs) if (!existing.has(keyOf(spec))) missing.set(keyOf(spec), spec);
      const created = await repo.insertMany(
        [...missing.values()].map((spec) => {
          if (spec.type === 'city') {
            return {
              institutionId,
              kind: 'city' as const,
              placeId: spec.place.geonamesId,
              nameIt: spec.place.nameIt,
              nameEn: spec.place.nameEn,
              countryCode: spec.place.country.code,
            };
          }
          const countryCode = spec.country ? resolveCountry(spec.country) : undefined;
          if (spec.country && !countryCode) {
            throw AppError.invalid('partner.country', `Unknown country "${spec.country}"`);
          }
          return {
            institutionId,
            kind: 'organisation' as const,
            nameIt: spec.nameIt.trim(),
            nameEn: spec.nameEn.trim(),
            countryCode: countryCode ?? null,
            website: spec.website ?? null,
          };
        }),
      );
      for (const row of created) existing.set(rowKey(row), row);
      return specs.map((spec) => existing.get(keyOf(spec))!);
    },
  };
}

/** The names and website checked; an organisation's country resolved (null when left empty). */
function checked(fields: CounterpartFields, kind: 'city' | 'organisation') {
  const country = kind === 'organisation' ? text('country', fields.country, 100, false) : null;
  const countryCode = country ? resolveCountry(country) : null;
  if (country && !countryCode) throw AppError.invalid('country', `Unknown country "${country}"`);
  return {
    nameIt: text('nameIt', fields.nameIt, 200, true)!,
    nameEn: text('nameEn', fields.nameEn, 200, true)!,
    website: website('website', fields.website),
    countryCode: countryCode ?? null,
  };
}

/** The back-office's reads and writes of an institution's counterparts (in the caller's transaction). */
function recordSide(repo: CounterpartsRepository, agreements: CounterpartAgreements) {
  async function detail(institutionId: string, id: string): Promise<CounterpartRecord> {
    const row = UUID.test(id) ? await repo.detail(institutionId, id) : undefined;
    if (!row) throw AppError.notFound('Counterpart', id);
    return record(row);
  }

  async function uniqueOrganisation(institutionId: string, nameEn: string, exceptId?: string) {
    if (await repo.organisationNamed(institutionId, nameEn, exceptId)) {
      throw new AppError('conflict', `An organisation named "${nameEn}" already exists`, {
        field: 'nameEn',
        details: { reason: 'taken' },
      });
    }
  }

  return {
    /** One page of the institution's counterparts, filtered and sorted. */
    async page(institutionId: string, query: CounterpartListQuery): Promise<ListPage<CounterpartRecord>> {
      const filter = {
        institutionId,
        q: query.q?.trim() || undefined,
        kind: query.kind,
        country: query.country && /^[A-Z]{2}$/.test(query.country) ? query.country : undefined,
      };
      const at = pageOf(await repo.count(filter), query.page);
      const sort = query.sort && COUNTERPART_SORTS.includes(query.sort) ? query.sort : 'name';
      const rows = await repo.page(filter, {
        sort,
        lang: query.lang ?? 'it',
        limit: at.pageSize,
        offset: at.offset,
      });
      return {
        items: rows.map(record),
        total: at.total,
        page: at.page,
        pages: at.pages,
        pageSize: at.pageSize,
      };
    },

    /** The countries the institution's counterparts are in. */
    countries: (institutionId: string) => repo.countries(institutionId),

    detail,

    /** The agreements with a counterpart (404 when it is not the institution's). */
    async agreementsOf(institutionId: string, id: string) {
      await detail(institutionId, id);
      return agreements.ofCounterpart(id);
    },

    /** Adds an organisation (cities come with their agreements, from the gazetteer). */
    async createOrganisation(institutionId: string, fields: CounterpartFields): Promise<CounterpartRecord> {
      const values = checked(fields, 'organisation');
      await uniqueOrganisation(institutionId, values.nameEn, undefined);
      const row = await repo.insert({ institutionId, kind: 'organisation', ...values });
      return detail(institutionId, row.id);
    },

    /**
     * Changes names and website (and an organisation's country) if the counterpart is still at `version`;
     * otherwise a version_conflict carrying the stored record. A city keeps its place and country.
     */
    async update(
      institutionId: string,
      id: string,
      version: number,
      fields: CounterpartFields,
    ): Promise<CounterpartRecord> {
      const before = await detail(institutionId, id);
      const values = checked(fields, before.type);
      const changes = {
        nameIt: values.nameIt,
        nameEn: values.nameEn,
        website: values.website,
        countryCode: before.type === 'organisation' ? values.countryCode : (before.country?.code ?? null),
      };
      if (before.type === 'organisation') await uniqueOrganisation(institutionId, values.nameEn, id);
      const row = await repo.updateVersioned(institutionId, id, version, changes);
      if (!row) throw stale(await detail(institutionId, id), version);
      const namesChanged = changes.nameIt !== before.nameIt || changes.nameEn !== before.nameEn;
      if (namesChanged || changes.countryCode !== (before.country?.code ?? null)) {
        const added = namesChanged ? [changes.nameIt, changes.nameEn].map(normalizeName).filter(Boolean) : [];
        await agreements.followCounterpart(id, {
          sortNameIt: normalizeName(changes.nameIt),
          sortNameEn: normalizeName(changes.nameEn),
          searchAdd: [...new Set(added)],
          countryCode: changes.countryCode,
        });
      }
      return detail(institutionId, id);
    },

    /** Deletes a counterpart no agreement names, at `version`; returns what was deleted. */
    async remove(institutionId: string, id: string, version: number): Promise<CounterpartRecord> {
      const before = await detail(institutionId, id);
      if (before.version !== version) throw stale(before, version);
      if (before.agreements > 0 || before.visits > 0) {
        throw new AppError(
          'conflict',
          `${before.agreements} agreement(s) and ${before.visits} visit(s) name this counterpart: it cannot be deleted while they exist`,
          { details: { reason: 'in_use', agreements: before.agreements, visits: before.visits } },
        );
      }
      if (!(await repo.deleteVersioned(institutionId, id, version))) {
        throw stale(await detail(institutionId, id), version);
      }
      return before;
    },
  };
}

/** A refused stale write, with the stored record so that the person can compare both versions. */
function stale(current: CounterpartRecord, version: number): AppError {
  return new AppError(
    'version_conflict',
    `The counterpart was changed by someone else (now at version ${current.version}, you started from ${version})`,
    { field: 'version', details: { currentVersion: current.version, current } },
  );
}

export type CounterpartsService = ReturnType<typeof createCounterpartsService>;

/**
 * The back-office's use cases of partners: every read and write as the actor's institution under row-level
 * security, writes for editors and admins only, each audited in its transaction, edits at a version.
 */
export function createCounterpartsAdmin(deps: { database: Database; counterparts: CounterpartsService }) {
  const { database, counterparts } = deps;
  const { asStaff, created, updated, removed } = staffWork(database);

  return {
    canWrite,
    /** Refuses a viewer before showing a form that only writers can send. */
    checkWriter: (actor: Actor): void => requireWriter(actor),

    counterparts(actor: Actor, query: CounterpartListQuery) {
      return asStaff(actor, async (institutionId) => ({
        page: await counterparts.page(institutionId, query),
        countries: await counterparts.countries(institutionId),
      }));
    },

    counterpart(actor: Actor, id: string) {
      return asStaff(actor, async (institutionId) => ({
        counterpart: await counterparts.detail(institutionId, id),
        agreements: await counterparts.agreementsOf(institutionId, id),
        history: await recordHistory(database, 'counterpart', id, HISTORY_LIMIT),
      }));
    },

    /** The counterpart to edit (writers only). */
    counterpartForm(actor: Actor, id: string) {
      requireWriter(actor);
      return asStaff(actor, (institutionId) => counterparts.detail(institutionId, id));
    },

    createCounterpart(actor: Actor, fields: CounterpartFields) {
      requireWriter(actor);
      return created(actor, 'counterpart', (institutionId) =>
        counterparts.createOrganisation(institutionId, fields),
      );
    },

    updateCounterpart(actor: Actor, id: string, version: number, fields: CounterpartFields) {
      requireWriter(actor);
      return updated(
        actor,
        'counterpart',
        id,
        (institutionId) => counterparts.detail(institutionId, id),
        (institutionId) => counterparts.update(institutionId, id, version, fields),
      );
    },

    deleteCounterpart(actor: Actor, id: string, version: number) {
      requireWriter(actor);
      return removed(actor, 'counterpart', id, (institutionId) =>
        counterparts.remove(institutionId, id, version),
      );
    },
  };
}

export type CounterpartsAdmin = ReturnType<typeof createCounterpartsAdmin>;
