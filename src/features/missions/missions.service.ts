// Outgoing missions: the rules of a mission and of its travellers by institution id (trimmed text, days and
// times, destinations found in the gazetteer, agreements and networks of the institution, amounts as exact
// decimals, an example never published, a stale version refused), the transparency of their costs, and the
// back-office's use cases (createMissionsAdmin): as the actor's institution under row-level security,
// role-checked, versioned, audited; a traveller's change is audited under its mission.

import { stringify } from 'csv-stringify/sync';
import { guardCell } from '../../platform/csv.ts';
import { todayIso } from '../../platform/dates.ts';
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { amount, currency, day, period, text, timeOfDay, UUID, yes } from '../../platform/field-rules.ts';
import { pageOf } from '../../platform/paging.ts';
import { type Actor, canWrite, requireWriter } from '../accounts/accounts.access.ts';
import type { AgendaLinks } from '../agenda/agenda.service.ts';
import { HISTORY_LIMIT, recordHistory, staffWork } from '../audit/audit.service.ts';
import type { InstitutionsService } from '../institutions/institutions.service.ts';
import type { PlacesService } from '../places/places.service.ts';
import {
  type CostRow,
  MISSION_SORTS,
  type MissionRow,
  type MissionSort,
  type MissionsRepository,
  missionCosts,
  type TravellerRow,
} from './missions.repository.ts';
import {
  type DestinationSpec,
  MISSION_STATUSES,
  type MissionStatus,
  OFFICES,
  type Office,
} from './missions.rules.ts';
import type { MissionRecord, MissionSummary, Traveller } from './missions.schemas.ts';
import type { Destination } from './missions.table.ts';

export { type CostRow, MISSION_SORTS, type MissionSort } from './missions.repository.ts';

/** What a person types in the mission's form (the API's body mapped onto it). */
export interface MissionFields {
  titleIt: string;
  titleEn: string;
  status: string;
  startsOn: string;
  startsAt: string;
  endsOn: string;
  endsAt: string;
  /** Places by id or by name (and country); the form's lines are read with destinationLines. */
  destinations: DestinationSpec[];
  purposeIt: string;
  purposeEn: string;
  meetingsIt: string;
  meetingsEn: string;
  outcomeIt: string;
  outcomeEn: string;
  agreementIds: string[];
  networkIds: string[];
  published: string;
}

export interface TravellerFields {
  name: string;
  role: string;
  office: string;
  travelCost: string;
  lodgingCost: string;
  otherCost: string;
  currency: string;
  paidBy: string;
  /** "yes" or "no"; yes when empty. */
  publicMoney: string;
}

export const BLANK_MISSION: MissionFields = {
  titleIt: '',
  titleEn: '',
  status: '',
  startsOn: '',
  startsAt: '',
  endsOn: '',
  endsAt: '',
  destinations: [],
  purposeIt: '',
  purposeEn: '',
  meetingsIt: '',
  meetingsEn: '',
  outcomeIt: '',
  outcomeEn: '',
  agreementIds: [],
  networkIds: [],
  published: '',
};

export const BLANK_TRAVELLER: TravellerFields = {
  name: '',
  role: '',
  office: '',
  travelCost: '',
  lodgingCost: '',
  otherCost: '',
  currency: '',
  paidBy: '',
  publicMoney: '',
};

export interface MissionListQuery {
  q?: string | undefined;
  status?: MissionStatus | undefined;
  when?: 'upcoming' | 'past' | undefined;
  sort?: MissionSort | undefined;
  page?: number | undefined;
  lang?: 'it' | 'en' | undefined;
}

const hhmm = (t: string | null) => (t ? t.slice(0, 5) : null);

const summary = (r: MissionRow): MissionSummary => ({
  id: r.id,
  titleIt: r.titleIt,
  titleEn: r.titleEn,
  status: r.status,
  startsOn: r.startsOn,
  startsAt: hhmm(r.startsAt),
  endsOn: r.endsOn,
  endsAt: hhmm(r.endsAt),
  destinations: r.destinations,
  purposeIt: r.purposeIt,
  purposeEn: r.purposeEn,
  meetingsIt: r.meetingsIt,
  meetingsEn: r.meetingsEn,
  outcomeIt: r.outcomeIt,
  outcomeEn: r.outcomeEn,
  published: r.published,
  example: r.example,
  version: r.version,
  createdAt: new Date(r.createdAt).toISOString(),
  updatedAt: new Date(r.updatedAt).toISOString(),
});

export const travellerOf = (r: TravellerRow): Traveller => ({
  id: r.id,
  name: r.name,
  role: r.role,
  office: r.office,
  travelCost: r.travelCost,
  lodgingCost: r.lodgingCost,
  otherCost: r.otherCost,
  currency: r.currency,
  paidBy: r.paidBy,
  publicMoney: r.publicMoney,
  version: r.version,
});

function stale(what: string, current: { version: number }, version: number): AppError {
  return new AppError(
    'version_conflict',
    `The ${what} was changed by someone else (now at version ${current.version}, you started from ${version})`,
    { field: 'version', details: { currentVersion: current.version, current } },
  );
}

export function createMissionsService({
  repo,
  places,
  links,
  query,
  institutions,
}: {
  repo: MissionsRepository;
  places: PlacesService;
  links: AgendaLinks;
  query: Database['query'];
  institutions: InstitutionsService;
}) {
  /** Each destination found in the gazetteer: an unknown or ambiguous name is refused, naming it. */
  async function destinations(specs: DestinationSpec[]): Promise<Destination[]> {
    if (specs.length > 20) throw AppError.invalid('destinations', 'At most 20 destinations');
    const found: Destination[] = [];
    for (const spec of specs) {
      const place =
        'geonamesId' in spec
          ? await places.get(spec.geonamesId).catch(() => undefined)
          : await places.lookup({ name: spec.name, country: spec.country }).then(
              (r) => r.match ?? undefined,
              (err: AppError) => {
                throw AppError.invalid('destinations', err.message);
              },
            );
      if (!place) {
        const said = 'geonamesId' in spec ? `GeoNames ${spec.geonamesId}` : spec.name;
        throw AppError.invalid(
          'destinations',
          `"${said}" is not a place the gazetteer knows for sure: add the country (Shanghai, CN) or check the name`,
        );
      }
      if (!found.some((d) => d.geonamesId === place.geonamesId)) {
        found.push({
          geonamesId: place.geonamesId,
          nameIt: place.nameIt,
          nameEn: place.nameEn,
          countryCode: place.country.code,
        });
      }
    }
    return found;
  }

  async function checked(institutionId: string, f: MissionFields, example: boolean) {
    const status = (f.status || 'proposed') as MissionStatus;
    if (!MISSION_STATUSES.includes(status)) throw AppError.invalid('status', `Unknown status "${f.status}"`);
    const startsOn = day('startsOn', f.startsOn, true)!;
    const values = {
      titleIt: text('titleIt', f.titleIt, 200, true)!,
      titleEn: text('titleEn', f.titleEn, 200),
      status,
      startsOn,
      startsAt: timeOfDay('startsAt', f.startsAt),
      endsOn: day('endsOn', f.endsOn, false) ?? startsOn,
      endsAt: timeOfDay('endsAt', f.endsAt),
      purposeIt: text('purposeIt', f.purposeIt, 5000),
      purposeEn: text('purposeEn', f.purposeEn, 5000),
      meetingsIt: text('meetingsIt', f.meetingsIt, 5000),
      meetingsEn: text('meetingsEn', f.meetingsEn, 5000),
      outcomeIt: text('outcomeIt', f.outcomeIt, 10000),
      outcomeEn: text('outcomeEn', f.outcomeEn, 10000),
      published: yes(f.published),
    };
    period({ start: 'startsAt', end: 'endsOn' }, values);
    if (example && values.published)
      throw AppError.invalid('published', 'An example record is never published');
    return {
      ...values,
      destinations: await destinations(f.destinations),
      ...(await links.checked(institutionId, f.agreementIds, f.networkIds)),
    };
  }

  async function detail(institutionId: string, id: string): Promise<MissionRecord> {
    const row = UUID.test(id) ? await repo.byId(institutionId, id) : undefined;
    if (!row) throw AppError.notFound('Mission', id);
    const [linked, travellers] = await Promise.all([
      links.read(institutionId, row.agreementIds, row.networkIds),
      repo.travellers(id),
    ]);
    return { ...summary(row), ...linked, travellers: travellers.map(travellerOf) };
  }

  return {
    detail,

    async page(institutionId: string, q: MissionListQuery) {
      const filter = {
        institutionId,
        q: q.q?.trim() || undefined,
        status: q.status,
        when: q.when ? { period: q.when, today: todayIso() } : undefined,
      };
      const total = await repo.count(filter);
      const at = pageOf(total, q.page);
      const sort = q.sort && MISSION_SORTS.includes(q.sort) ? q.sort : '-starts';
      const rows = await repo.page(filter, {
        sort,
        lang: q.lang ?? 'it',
        limit: at.pageSize,
        offset: at.offset,
      });
      return { items: rows.map(summary), total, page: at.page, pages: at.pages, pageSize: at.pageSize };
    },

    choices: (institutionId: string) => links.choices(institutionId),

    async create(institutionId: string, fields: MissionFields, opts: { example?: boolean } = {}) {
      const example = opts.example ?? false;
      const row = await repo.insert({
        institutionId,
        example,
        ...(await checked(institutionId, fields, example)),
      });
      return detail(institutionId, row.id);
    },

    async update(institutionId: string, id: string, version: number, fields: MissionFields) {
      const before = await detail(institutionId, id);
      const values = await checked(institutionId, fields, before.example);
      const row =
        before.version === version
          ? await repo.updateVersioned(institutionId, id, version, values)
          : undefined;
      if (!row) throw stale('mission', await detail(institutionId, id), version);
      return detail(institutionId, id);
    },

    async remove(institutionId: string, id: string, version: number) {
      const before = await detail(institutionId, id);
      if (before.version !== version || !(await repo.deleteVersioned(institutionId, id, version))) {
        throw stale('mission', await detail(institutionId, id), version);
      }
      return before;
    },

    /** Political office holders' costs per person and year, for the transparency page and its CSV. */
    costs: (institutionId: string, year?: number): Promise<CostRow[]> =>
      missionCosts(query, institutionId, year),
    /** The same, for the public: by the institution's slug (404 when there is none). */
    publicCosts: async (institution: string, year?: number): Promise<CostRow[]> =>
      missionCosts(query, await institutions.idOf(institution), year),

    ...travellerSide(repo, detail),
  };
}

/** A mission's travellers: checked, read, added, changed, deleted. */
function travellerSide(
  repo: MissionsRepository,
  detail: (institutionId: string, id: string) => Promise<MissionRecord>,
) {
  function checkedTraveller(f: TravellerFields) {
    const office = f.office as Office;
    if (!OFFICES.includes(office)) throw AppError.invalid('office', `Unknown office "${f.office}"`);
    return {
      name: text('name', f.name, 200, true)!,
      role: text('role', f.role, 200),
      office,
      travelCost: amount('travelCost', f.travelCost),
      lodgingCost: amount('lodgingCost', f.lodgingCost),
      otherCost: amount('otherCost', f.otherCost),
      currency: currency('currency', f.currency, 'EUR')!,
      paidBy: text('paidBy', f.paidBy, 200),
      publicMoney: (f.publicMoney ?? '').trim() === '' ? true : yes(f.publicMoney),
    };
  }

  async function traveller(institutionId: string, missionId: string, id: string) {
    const row = UUID.test(id) ? await repo.travellerById(institutionId, id) : undefined;
    if (!row || row.missionId !== missionId) throw AppError.notFound('Traveller', id);
    return travellerOf(row);
  }

  return {
    traveller,

    async addTraveller(institutionId: string, missionId: string, fields: TravellerFields) {
      await detail(institutionId, missionId);
      const row = await repo.insertTraveller({ institutionId, missionId, ...checkedTraveller(fields) });
      await repo.touch(institutionId);
      return travellerOf(row);
    },

    async updateTraveller(
      institutionId: string,
      missionId: string,
      id: string,
      version: number,
      fields: TravellerFields,
    ) {
      const before = await traveller(institutionId, missionId, id);
      const values = checkedTraveller(fields);
      const row =
        before.version === version
          ? await repo.updateTravellerVersioned(institutionId, id, version, values)
          : undefined;
      if (!row) throw stale('traveller', await traveller(institutionId, missionId, id), version);
      await repo.touch(institutionId);
      return travellerOf(row);
    },

    async removeTraveller(institutionId: string, missionId: string, id: string, version: number) {
      const before = await traveller(institutionId, missionId, id);
      if (before.version !== version || !(await repo.deleteTravellerVersioned(institutionId, id, version))) {
        throw stale('traveller', await traveller(institutionId, missionId, id), version);
      }
      await repo.touch(institutionId);
      return before;
    },
  };
}

export type MissionsService = ReturnType<typeof createMissionsService>;

const COST_COLUMNS = [
  'year',
  'name',
  'role',
  'office',
  'missions',
  'travel',
  'lodging',
  'other',
  'total',
  'currency',
] as const;

/** The costs as CSV (UTF-8 with its mark, for spreadsheets): one row per person, year and currency. */
export function costsCsv(rows: readonly CostRow[]): string {
  const body = rows.map((r) => COST_COLUMNS.map((c) => guardCell(String(r[c] ?? ''))));
  return `\uFEFF${stringify([[...COST_COLUMNS], ...body], { record_delimiter: '\r\n' })}`;
}

/**
 * The back-office's use cases of missions: every read and write as the actor's institution under row-level
 * security, writes for editors and admins only, each audited in its transaction, edits at a version.
 */
export function createMissionsAdmin(deps: { database: Database; missions: MissionsService }) {
  const { database, missions } = deps;
  const { asStaff, audit, created, updated, removed } = staffWork(database);

  const travellerWork = <T>(
    actor: Actor,
    missionId: string,
    action: string,
    work: (institutionId: string) => Promise<{ before?: Traveller; after?: Traveller; result: T }>,
  ) =>
    asStaff(actor, async (institutionId) => {
      const { before, after, result } = await work(institutionId);
      await audit(actor, { action, entity: 'mission', entityId: missionId, before, after });
      return result;
    });

  return {
    canWrite,

    missions: (actor: Actor, query: MissionListQuery) =>
      asStaff(actor, (institutionId) => missions.page(institutionId, query)),

    mission: (actor: Actor, id: string) =>
      asStaff(actor, async (institutionId) => ({
        mission: await missions.detail(institutionId, id),
        history: await recordHistory(database, 'mission', id, HISTORY_LIMIT),
      })),

    missionForm(actor: Actor, id?: string) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => ({
        mission: id ? await missions.detail(institutionId, id) : undefined,
        choices: await missions.choices(institutionId),
      }));
    },

    createMission(actor: Actor, fields: MissionFields) {
      requireWriter(actor);
      return created(actor, 'mission', (institutionId) => missions.create(institutionId, fields));
    },

    updateMission(actor: Actor, id: string, version: number, fields: MissionFields) {
      requireWriter(actor);
      return updated(
        actor,
        'mission',
        id,
        (institutionId) => missions.detail(institutionId, id),
        (institutionId) => missions.update(institutionId, id, version, fields),
      );
    },

    deleteMission(actor: Actor, id: string, version: number) {
      requireWriter(actor);
      return removed(actor, 'mission', id, (institutionId) => missions.remove(institutionId, id, version));
    },

    travellerForm(actor: Actor, missionId: string, id?: string) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => ({
        mission: await missions.detail(institutionId, missionId),
        traveller: id ? await missions.traveller(institutionId, missionId, id) : undefined,
      }));
    },

    addTraveller(actor: Actor, missionId: string, fields: TravellerFields) {
      requireWriter(actor);
      return travellerWork(actor, missionId, 'add_traveller', async (institutionId) => {
        const after = await missions.addTraveller(institutionId, missionId, fields);
        return { after, result: after };
      });
    },

    updateTraveller(actor: Actor, missionId: string, id: string, version: number, fields: TravellerFields) {
      requireWriter(actor);
      return travellerWork(actor, missionId, 'change_traveller', async (institutionId) => {
        const before = await missions.traveller(institutionId, missionId, id);
        const after = await missions.updateTraveller(institutionId, missionId, id, version, fields);
        return { before, after, result: after };
      });
    },

    removeTraveller(actor: Actor, missionId: string, id: string, version: number) {
      requireWriter(actor);
      return travellerWork(actor, missionId, 'remove_traveller', async (institutionId) => {
        const before = await missions.removeTraveller(institutionId, missionId, id, version);
        return { before, result: before };
      });
    },
  };
}

export type MissionsAdmin = ReturnType<typeof createMissionsAdmin>;
