// The office's units: the rules of a unit (slug, names, remit, head; unique slug; no delete while a network
// or an agreement names it) by institution id, and the back-office's use cases of them (createUnitsAdmin):
// run as the actor's institution under row-level security, role-checked, versioned and audited.

import { checkedSources, contact } from '../../platform/contacts.ts';
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { UUID } from '../../platform/field-rules.ts';
import { type Actor, canWrite, requireWriter } from '../accounts/accounts.access.ts';
import type { Source } from '../agreements/agreements.schemas.ts';
import { HISTORY_LIMIT, recordHistory, staffWork } from '../audit/audit.service.ts';
import {
  UNIT_SORTS,
  type UnitRow,
  type UnitSort,
  type UnitsRepository,
  type UnitUsageRow,
} from './units.repository.ts';
import type { Unit, UnitInput } from './units.schemas.ts';

export { UNIT_SORTS, type UnitSort } from './units.repository.ts';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const PAGE_SIZE = 25;

/** A unit as the back-office shows and audits it, with what names it. */
export interface UnitRecord extends Unit {
  position: number;
  version: number;
  updatedAt: string;
  /** Networks it follows and agreements it looks after: while there are any, it cannot be deleted. */
  usage: { memberships: number; agreements: number };
}

/** What a person types in the back-office form. */
export interface UnitFields {
  slug: string;
  nameIt: string;
  nameEn: string;
  remitIt: string;
  remitEn: string;
  head: string;
  email: string;
  phone: string;
  sources: Source[];
}

export interface UnitListQuery {
  q?: string | undefined;
  sort?: UnitSort | undefined;
  page?: number | undefined;
  lang?: 'it' | 'en' | undefined;
}

const unitRecord = (u: UnitUsageRow): UnitRecord => ({
  ...unitView(u),
  position: u.position,
  version: u.version,
  updatedAt: new Date(u.updatedAt).toISOString(),
  usage: { memberships: u.memberships, agreements: u.agreements },
});

function text(field: string, value: string | undefined, max: number, required: boolean): string | null {
  const v = (value ?? '').trim();
  if (required && !v) throw AppError.invalid(field, `${field} is required`);
  if (v.length > max) throw AppError.invalid(field, `${field} is longer than ${max} characters`);
  return v || null;
}

function checkedUnit(fields: UnitFields) {
  const slug = (fields.slug ?? '').trim();
  if (!SLUG.test(slug) || slug.length > 60) {
    throw AppError.invalid(
      'slug',
      'The slug takes lower-case letters, digits and single hyphens (at most 60)',
    );
  }
  return {
    slug,
    nameIt: text('nameIt', fields.nameIt, 200, true)!,
    nameEn: text('nameEn', fields.nameEn, 200, true)!,
    remitIt: text('remitIt', fields.remitIt, 5000, false),
    remitEn: text('remitEn', fields.remitEn, 5000, false),
    head: text('head', fields.head, 200, false),
    email: contact('email', 'email', fields.email),
    phone: contact('phone', 'phone', fields.phone),
    sources: checkedSources('sources', fields.sources ?? []),
  };
}

/** A refused stale write, with the stored record so that the person can compare both versions. */
function staleUnit(current: UnitRecord, version: number): AppError {
  return new AppError(
    'version_conflict',
    `The unit was changed by someone else (now at version ${current.version}, you started from ${version})`,
    { field: 'version', details: { currentVersion: current.version, current } },
  );
}

const unitView = (u: UnitRow): Unit => ({
  id: u.id,
  slug: u.slug,
  nameIt: u.nameIt,
  nameEn: u.nameEn,
  remitIt: u.remitIt,
  remitEn: u.remitEn,
  head: u.head,
  email: u.email,
  phone: u.phone,
  sources: u.sources,
});

export function createUnitsService({ repo }: { repo: UnitsRepository }) {
  async function unit(institutionId: string, id: string): Promise<UnitRecord> {
    const row = UUID.test(id) ? await repo.unitById(institutionId, id) : undefined;
    if (!row) throw AppError.notFound('Unit', id);
    return unitRecord(row);
  }

  async function uniqueSlug(institutionId: string, slug: string, exceptId?: string) {
    if (await repo.unitWithSlug(institutionId, slug, exceptId)) {
      throw new AppError('conflict', `A unit "${slug}" already exists`, {
        field: 'slug',
        details: { reason: 'taken' },
      });
    }
  }

  return {
    async unitsOf(institutionId: string): Promise<Unit[]> {
      return (await repo.units(institutionId)).map(unitView);
    },
    async unitIdOf(institutionId: string, unitSlug: string): Promise<string> {
      const unit = (await repo.units(institutionId)).find((u) => u.slug === unitSlug);
      if (!unit) throw AppError.invalid('unit', `No unit "${unitSlug}" in this institution`);
      return unit.id;
    },
    async addUnit(institutionId: string, input: UnitInput, position: number): Promise<Unit> {
      return unitView(await repo.insertUnit({ ...input, institutionId, position }));
    },

    /** One page of the institution's units, filtered and sorted (by their order in the office by default). */
    async unitsPage(institutionId: string, query: UnitListQuery) {
      const filter = { institutionId, q: query.q?.trim() || undefined };
      const total = await repo.countUnits(filter);
      const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
      const page = Math.min(Math.max(1, Math.trunc(query.page ?? 1) || 1), pages);
      const sort = query.sort && UNIT_SORTS.includes(query.sort) ? query.sort : 'position';
      const rows = await repo.unitsPage(filter, {
        sort,
        lang: query.lang ?? 'it',
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      });
      return { items: rows.map(unitRecord), total, page, pages, pageSize: PAGE_SIZE };
    },

    unit,

    /** Adds a unit at the end of the office's order. */
    async createUnit(institutionId: string, fields: UnitFields): Promise<UnitRecord> {
      const values = checkedUnit(fields);
      await uniqueSlug(institutionId, values.slug, undefined);
      const position = await repo.nextUnitPosition(institutionId);
      const row = await repo.insertUnit({ ...values, institutionId, position });
      return unit(institutionId, row.id);
    },

    /** Changes a unit if it is still at `version`; otherwise a version_conflict carrying the stored one. */
    async updateUnit(
      institutionId: string,
      id: string,
      version: number,
      fields: UnitFields,
    ): Promise<UnitRecord> {
      await unit(institutionId, id);
      const values = checkedUnit(fields);
      await uniqueSlug(institutionId, values.slug, id);
      const row = await repo.updateUnitVersioned(institutionId, id, version, values);
      if (!row) throw staleUnit(await unit(institutionId, id), version);
      return unit(institutionId, id);
    },

    /**
     * Deletes a unit that no membership or agreement names, at `version`. The foreign keys would quietly set
     * those references to null; refusing instead makes the person hand the work to another unit first.
     */
    async removeUnit(institutionId: string, id: string, version: number): Promise<UnitRecord> {
      const before = await unit(institutionId, id);
      if (before.version !== version) throw staleUnit(before, version);
      const { memberships, agreements } = before.usage;
      if (memberships + agreements > 0) {
        throw new AppError(
          'conflict',
          `The unit follows ${memberships} network(s) and ${agreements} agreement(s): assign them to another unit first`,
          { details: { reason: 'in_use', memberships, agreements } },
        );
      }
      if (!(await repo.deleteUnitVersioned(institutionId, id, version))) {
        throw staleUnit(await unit(institutionId, id), version);
      }
      return before;
    },
  };
}

export type UnitsService = ReturnType<typeof createUnitsService>;

/**
 * The back-office's use cases of units: every read and write as the actor's institution under row-level
 * security, writes for editors and admins only, each audited in its transaction, edits at a version.
 */
export function createUnitsAdmin(deps: { database: Database; units: UnitsService }) {
  const { database, units } = deps;
  const { asStaff, created, updated, removed } = staffWork(database);

  return {
    canWrite,
    /** Refuses a viewer before showing a form that only writers can send. */
    checkWriter: (actor: Actor): void => requireWriter(actor),

    units(actor: Actor, query: UnitListQuery) {
      return asStaff(actor, (institutionId) => units.unitsPage(institutionId, query));
    },

    unit(actor: Actor, id: string) {
      return asStaff(actor, async (institutionId) => ({
        unit: await units.unit(institutionId, id),
        history: await recordHistory(database, 'unit', id, HISTORY_LIMIT),
      }));
    },

    /** The unit to edit (writers only). */
    unitForm(actor: Actor, id: string) {
      requireWriter(actor);
      return asStaff(actor, (institutionId) => units.unit(institutionId, id));
    },

    createUnit(actor: Actor, fields: UnitFields) {
      requireWriter(actor);
      return created(actor, 'unit', (institutionId) => units.createUnit(institutionId, fields));
    },

    updateUnit(actor: Actor, id: string, version: number, fields: UnitFields) {
      requireWriter(actor);
      return updated(
        actor,
        'unit',
        id,
        (institutionId) => units.unit(institutionId, id),
        (institutionId) => units.updateUnit(institutionId, id, version, fields),
      );
    },

    deleteUnit(actor: Actor, id: string, version: number) {
      requireWriter(actor);
      return removed(actor, 'unit', id, (institutionId) => units.removeUnit(institutionId, id, version));
    },
  };
}

export type UnitsAdmin = ReturnType<typeof createUnitsAdmin>;
