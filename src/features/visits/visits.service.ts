// Incoming delegations: the rules of a visit and of its programme's items by institution id (trimmed text,
// days and times, the partner, agreements and networks of the institution, an example never published, a
// stale version refused), and the back-office's use cases (createVisitsAdmin): as the actor's institution
// under row-level security, role-checked, versioned, audited. A programme item's change is audited under its
// visit, so that the visit's history tells all of it.

import { todayIso } from '../../platform/dates.ts';
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { day, headcount, period, text, timeOfDay, UUID, yes } from '../../platform/field-rules.ts';
import { languageList, languagePair } from '../../platform/languages.ts';
import { pageOf } from '../../platform/paging.ts';
import { type Actor, canWrite, requireWriter } from '../accounts/accounts.access.ts';
import type { AgendaLinks } from '../agenda/agenda.service.ts';
import { HISTORY_LIMIT, recordHistory, staffWork } from '../audit/audit.service.ts';
import type { CounterpartsService } from '../counterparts/counterparts.service.ts';
import type { PlacesService } from '../places/places.service.ts';
import {
  VISIT_SORTS,
  type VisitItemRow,
  type VisitListRow,
  type VisitSort,
  type VisitsRepository,
} from './visits.repository.ts';
import { VISIT_STATUSES, type VisitStatus } from './visits.rules.ts';
import type { VisitItem, VisitRecord } from './visits.schemas.ts';

export { VISIT_SORTS, type VisitSort } from './visits.repository.ts';

/** What a person types in the visit's form (the API's body mapped onto the same texts). */
export interface VisitFields {
  titleIt: string;
  titleEn: string;
  status: string;
  startsOn: string;
  startsAt: string;
  endsOn: string;
  endsAt: string;
  counterpartId: string;
  /** A city not yet among the partners, as typed ("Shanghai, CN"): found in the gazetteer, made a partner. */
  partnerCity: string;
  headName: string;
  headTitle: string;
  delegationSize: string;
  purposeIt: string;
  purposeEn: string;
  /** Comma-separated names or codes, or the API's list. */
  languages: string | string[];
  interpretingPair: string;
  /** "yes" or "" */
  interpretingBooked: string;
  interpretingProvider: string;
  protocolNotes: string;
  outcomeIt: string;
  outcomeEn: string;
  agreementIds: string[];
  networkIds: string[];
  /** "yes" or "" */
  published: string;
}

/** What a person types in a programme item's form. */
export interface ItemFields {
  kind: string;
  day: string;
  startsAt: string;
  endsAt: string;
  place: string;
  activityIt: string;
  activityEn: string;
  attendees: string;
  tourLanguage: string;
  guide: string;
  groupSize: string;
}

/** A visit's fields all empty, to spread the given ones over (seed, import, tests). */
export const BLANK_VISIT: VisitFields = {
  titleIt: '',
  titleEn: '',
  status: '',
  startsOn: '',
  startsAt: '',
  endsOn: '',
  endsAt: '',
  counterpartId: '',
  partnerCity: '',
  headName: '',
  headTitle: '',
  delegationSize: '',
  purposeIt: '',
  purposeEn: '',
  languages: [],
  interpretingPair: '',
  interpretingBooked: '',
  interpretingProvider: '',
  protocolNotes: '',
  outcomeIt: '',
  outcomeEn: '',
  agreementIds: [],
  networkIds: [],
  published: '',
};

export const BLANK_ITEM: ItemFields = {
  kind: '',
  day: '',
  startsAt: '',
  endsAt: '',
  place: '',
  activityIt: '',
  activityEn: '',
  attendees: '',
  tourLanguage: '',
  guide: '',
  groupSize: '',
};

export interface VisitListQuery {
  q?: string | undefined;
  status?: VisitStatus | undefined;
  when?: 'upcoming' | 'past' | undefined;
  sort?: VisitSort | undefined;
  page?: number | undefined;
  lang?: 'it' | 'en' | undefined;
}

/** A visit as the list shows it: no programme, no links. */
export type VisitSummary = Omit<VisitRecord, 'agreements' | 'networks' | 'programme'>;

const hhmm = (t: string | null) => (t ? t.slice(0, 5) : null);

const summary = (r: VisitListRow): VisitSummary => ({
  id: r.id,
  titleIt: r.titleIt,
  titleEn: r.titleEn,
  status: r.status,
  startsOn: r.startsOn,
  startsAt: hhmm(r.startsAt),
  endsOn: r.endsOn,
  endsAt: hhmm(r.endsAt),
  counterpart: r.counterpartId
    ? {
        id: r.counterpartId,
        nameIt: r.counterpartIt ?? '',
        nameEn: r.counterpartEn ?? '',
        countryCode: r.countryCode,
      }
    : null,
  headName: r.headName,
  headTitle: r.headTitle,
  delegationSize: r.delegationSize,
  purposeIt: r.purposeIt,
  purposeEn: r.purposeEn,
  languages: r.languages,
  interpretingPair: r.interpretingPair,
  interpretingBooked: r.interpretingBooked,
  interpretingProvider: r.interpretingProvider,
  protocolNotes: r.protocolNotes,
  outcomeIt: r.outcomeIt,
  outcomeEn: r.outcomeEn,
  published: r.published,
  example: r.example,
  version: r.version,
  createdAt: new Date(r.createdAt).toISOString(),
  updatedAt: new Date(r.updatedAt).toISOString(),
});

export const itemOf = (r: VisitItemRow): VisitItem => ({
  id: r.id,
  kind: r.kind,
  day: r.day,
  startsAt: hhmm(r.startsAt),
  endsAt: hhmm(r.endsAt),
  place: r.place,
  activityIt: r.activityIt,
  activityEn: r.activityEn,
  attendees: r.attendees,
  tourLanguage: r.tourLanguage,
  guide: r.guide,
  groupSize: r.groupSize,
  version: r.version,
});

function stale(what: string, current: unknown, version: number, now: number): AppError {
  return new AppError(
    'version_conflict',
    `The ${what} was changed by someone else (now at version ${now}, you started from ${version})`,
    { field: 'version', details: { currentVersion: now, current } },
  );
}

/**
 * The partner a visit names: one chosen from the list, or a city typed as "name, country" found for sure in
 * the gazetteer, which becomes a partner (as an agreement's city does); an unknown or ambiguous name is
 * refused with its candidates.
 */
async function partnerOf(
  { places, counterparts }: { places: PlacesService; counterparts: CounterpartsService },
  institutionId: string,
  f: VisitFields,
): Promise<string | null> {
  const chosen = (f.counterpartId ?? '').trim();
  const typed = (f.partnerCity ?? '').trim();
  if (chosen || !typed) return chosen || null;
  if (typed.length > 200) throw AppError.invalid('partnerCity', 'partnerCity is longer than 200 characters');
  const at = typed.lastIndexOf(',');
  const query =
    at === -1 ? { name: typed } : { name: typed.slice(0, at).trim(), country: typed.slice(at + 1).trim() };
  const found = await places.lookup(query).catch((err: AppError) => {
    throw AppError.invalid('partnerCity', err.message);
  });
  if (!found.match) {
    const candidates = found.candidates
      .slice(0, 5)
      .map((c) => `${c.nameEn}, ${c.country.code}`)
      .join('; ');
    throw AppError.invalid(
      'partnerCity',
      candidates
        ? `"${typed}" could be several places: write one of ${candidates}`
        : `"${typed}" is not a place the gazetteer knows`,
    );
  }
  const [row] = await counterparts.ensureMany(institutionId, [{ type: 'city', place: found.match }]);
  return row!.id;
}

export function createVisitsService({
  repo,
  counterparts,
  links,
  places,
}: {
  repo: VisitsRepository;
  counterparts: CounterpartsService;
  links: AgendaLinks;
  places: PlacesService;
}) {
  /** The visit's fields checked against the rules and the institution's partners, agreements and networks. */
  async function checked(institutionId: string, f: VisitFields, example: boolean) {
    const status = (f.status || 'proposed') as VisitStatus;
    if (!VISIT_STATUSES.includes(status)) throw AppError.invalid('status', `Unknown status "${f.status}"`);
    const startsOn = day('startsOn', f.startsOn, true)!;
    const values = {
      titleIt: text('titleIt', f.titleIt, 200, true)!,
      titleEn: text('titleEn', f.titleEn, 200),
      status,
      startsOn,
      startsAt: timeOfDay('startsAt', f.startsAt),
      endsOn: day('endsOn', f.endsOn, false) ?? startsOn,
      endsAt: timeOfDay('endsAt', f.endsAt),
      counterpartId: await partnerOf({ places, counterparts }, institutionId, f),
      headName: text('headName', f.headName, 200),
      headTitle: text('headTitle', f.headTitle, 200),
      delegationSize: headcount('delegationSize', f.delegationSize),
      purposeIt: text('purposeIt', f.purposeIt, 5000),
      purposeEn: text('purposeEn', f.purposeEn, 5000),
      languages: languageList('languages', f.languages),
      interpretingPair: languagePair('interpretingPair', f.interpretingPair),
      interpretingBooked: yes(f.interpretingBooked),
      interpretingProvider: text('interpretingProvider', f.interpretingProvider, 200),
      protocolNotes: text('protocolNotes', f.protocolNotes, 5000),
      outcomeIt: text('outcomeIt', f.outcomeIt, 5000),
      outcomeEn: text('outcomeEn', f.outcomeEn, 5000),
      published: yes(f.published),
    };
    period({ start: 'startsAt', end: 'endsOn' }, values);
    if (values.counterpartId) {
      const known =
        UUID.test(values.counterpartId) &&
        (await counterparts.detail(institutionId, values.counterpartId).catch(() => undefined));
      if (!known) throw AppError.invalid('counterpartId', 'Choose one of your institution’s partners');
    }
    if (example && values.published) {
      throw AppError.invalid('published', 'An example record is never published');
    }
    return { ...values, ...(await links.checked(institutionId, f.agreementIds, f.networkIds)) };
  }

  async function detail(institutionId: string, id: string): Promise<VisitRecord> {
    const row = UUID.test(id) ? await repo.byId(institutionId, id) : undefined;
    if (!row) throw AppError.notFound('Visit', id);
    const [linked, items] = await Promise.all([
      links.read(institutionId, row.agreementIds, row.networkIds),
      repo.items(id),
    ]);
    return { ...summary(row), ...linked, programme: items.map(itemOf) };
  }

  return {
    detail,

    /** One page of the institution's visits, filtered and sorted. */
    async page(institutionId: string, query: VisitListQuery) {
      const filter = {
        institutionId,
        q: query.q?.trim() || undefined,
        status: query.status,
        when: query.when ? { period: query.when, today: todayIso() } : undefined,
      };
      const total = await repo.count(filter);
      const at = pageOf(total, query.page);
      const sort = query.sort && VISIT_SORTS.includes(query.sort) ? query.sort : '-starts';
      const rows = await repo.page(filter, {
        sort,
        lang: query.lang ?? 'it',
        limit: at.pageSize,
        offset: at.offset,
      });
      return { items: rows.map(summary), total, page: at.page, pages: at.pages, pageSize: at.pageSize };
    },

    /** The partners, agreements and networks a visit's form offers. */
    async choices(institutionId: string) {
      const partners = (await counterparts.list(institutionId)).map((c) => ({
        id: c.id,
        nameIt: c.nameIt,
        nameEn: c.nameEn,
      }));
      return { partners, ...(await links.choices(institutionId)) };
    },

    async create(institutionId: string, fields: VisitFields, opts: { example?: boolean } = {}) {
      const example = opts.example ?? false;
      const row = await repo.insert({
        institutionId,
        example,
        ...(await checked(institutionId, fields, example)),
      });
      return detail(institutionId, row.id);
    },

    async update(institutionId: string, id: string, version: number, fields: VisitFields) {
      const before = await detail(institutionId, id);
      const values = await checked(institutionId, fields, before.example);
      if (before.version !== version) throw stale('visit', before, version, before.version);
      const row = await repo.updateVersioned(institutionId, id, version, values);
      if (!row) {
        const now = await detail(institutionId, id);
        throw stale('visit', now, version, now.version);
      }
      return detail(institutionId, id);
    },

    async remove(institutionId: string, id: string, version: number) {
      const before = await detail(institutionId, id);
      if (before.version !== version || !(await repo.deleteVersioned(institutionId, id, version))) {
        const now = await detail(institutionId, id);
        throw stale('visit', now, version, now.version);
      }
      return before;
    },

    ...programmeSide(repo, detail),
  };
}

/** A visit's programme: its items checked (each on a day of the visit), read, added, changed, deleted. */
function programmeSide(
  repo: VisitsRepository,
  detail: (institutionId: string, id: string) => Promise<VisitRecord>,
) {
  /** A programme item's fields checked, its day within the visit. */
  function checkedItem(visit: VisitRecord, f: ItemFields) {
    const kind = f.kind === 'tour' ? 'tour' : 'activity';
    const values = {
      kind,
      day: day('day', f.day, true)!,
      startsAt: timeOfDay('startsAt', f.startsAt),
      endsAt: timeOfDay('endsAt', f.endsAt),
      place: text('place', f.place, 300),
      activityIt: text('activityIt', f.activityIt, 300, true)!,
      activityEn: text('activityEn', f.activityEn, 300),
      attendees: text('attendees', f.attendees, 1000),
      tourLanguage: kind === 'tour' ? (languageList('tourLanguage', f.tourLanguage)[0] ?? null) : null,
      guide: kind === 'tour' ? text('guide', f.guide, 200) : null,
      groupSize: kind === 'tour' ? headcount('groupSize', f.groupSize) : null,
    } as const;
    if (values.day < visit.startsOn || values.day > visit.endsOn) {
      throw AppError.invalid('day', `The day is outside the visit (${visit.startsOn} to ${visit.endsOn})`);
    }
    period(
      { start: 'startsAt', end: 'endsAt' },
      { startsOn: values.day, endsOn: values.day, startsAt: values.startsAt, endsAt: values.endsAt },
    );
    return values;
  }

  async function item(institutionId: string, visitId: string, itemId: string) {
    const row = UUID.test(itemId) ? await repo.itemById(institutionId, itemId) : undefined;
    if (!row || row.visitId !== visitId) throw AppError.notFound('Programme item', itemId);
    return itemOf(row);
  }

  return {
    item,

    async addItem(institutionId: string, visitId: string, fields: ItemFields) {
      const visit = await detail(institutionId, visitId);
      const row = await repo.insertItem({ institutionId, visitId, ...checkedItem(visit, fields) });
      await repo.touch(institutionId);
      return itemOf(row);
    },

    async updateItem(
      institutionId: string,
      visitId: string,
      itemId: string,
      version: number,
      fields: ItemFields,
    ) {
      const visit = await detail(institutionId, visitId);
      const before = await item(institutionId, visitId, itemId);
      const values = checkedItem(visit, fields);
      const row =
        before.version === version
          ? await repo.updateItemVersioned(institutionId, itemId, version, values)
          : undefined;
      if (!row) {
        const now = await item(institutionId, visitId, itemId);
        throw stale('programme item', now, version, now.version);
      }
      await repo.touch(institutionId);
      return itemOf(row);
    },

    async removeItem(institutionId: string, visitId: string, itemId: string, version: number) {
      const before = await item(institutionId, visitId, itemId);
      if (before.version !== version || !(await repo.deleteItemVersioned(institutionId, itemId, version))) {
        const now = await item(institutionId, visitId, itemId);
        throw stale('programme item', now, version, now.version);
      }
      await repo.touch(institutionId);
      return before;
    },
  };
}

export type VisitsService = ReturnType<typeof createVisitsService>;

/**
 * The back-office's use cases of visits: every read and write as the actor's institution under row-level
 * security, writes for editors and admins only, each audited in its transaction, edits at a version.
 */
export function createVisitsAdmin(deps: { database: Database; visits: VisitsService }) {
  const { database, visits } = deps;
  const { asStaff, audit, created, updated, removed } = staffWork(database);

  /** A programme item's change, audited under its visit (action add_item, change_item, remove_item). */
  const itemWork = <T>(
    actor: Actor,
    visitId: string,
    action: string,
    work: (institutionId: string) => Promise<{ before?: VisitItem; after?: VisitItem; result: T }>,
  ) =>
    asStaff(actor, async (institutionId) => {
      const { before, after, result } = await work(institutionId);
      await audit(actor, { action, entity: 'visit', entityId: visitId, before, after });
      return result;
    });

  return {
    canWrite,
    checkWriter: (actor: Actor): void => requireWriter(actor),

    visits(actor: Actor, query: VisitListQuery) {
      return asStaff(actor, (institutionId) => visits.page(institutionId, query));
    },

    visit(actor: Actor, id: string) {
      return asStaff(actor, async (institutionId) => ({
        visit: await visits.detail(institutionId, id),
        history: await recordHistory(database, 'visit', id, HISTORY_LIMIT),
      }));
    },

    /** The visit to edit, or none for a new one, with what its form offers (writers only). */
    visitForm(actor: Actor, id?: string) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => ({
        visit: id ? await visits.detail(institutionId, id) : undefined,
        choices: await visits.choices(institutionId),
      }));
    },

    createVisit(actor: Actor, fields: VisitFields) {
      requireWriter(actor);
      return created(actor, 'visit', (institutionId) => visits.create(institutionId, fields));
    },

    updateVisit(actor: Actor, id: string, version: number, fields: VisitFields) {
      requireWriter(actor);
      return updated(
        actor,
        'visit',
        id,
        (institutionId) => visits.detail(institutionId, id),
        (institutionId) => visits.update(institutionId, id, version, fields),
      );
    },

    deleteVisit(actor: Actor, id: string, version: number) {
      requireWriter(actor);
      return removed(actor, 'visit', id, (institutionId) => visits.remove(institutionId, id, version));
    },

    /** A programme item with its visit, to edit (writers only). */
    itemForm(actor: Actor, visitId: string, itemId?: string) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => ({
        visit: await visits.detail(institutionId, visitId),
        item: itemId ? await visits.item(institutionId, visitId, itemId) : undefined,
      }));
    },

    addItem(actor: Actor, visitId: string, fields: ItemFields) {
      requireWriter(actor);
      return itemWork(actor, visitId, 'add_item', async (institutionId) => {
        const after = await visits.addItem(institutionId, visitId, fields);
        return { after, result: after };
      });
    },

    updateItem(actor: Actor, visitId: string, itemId: string, version: number, fields: ItemFields) {
      requireWriter(actor);
      return itemWork(actor, visitId, 'change_item', async (institutionId) => {
        const before = await visits.item(institutionId, visitId, itemId);
        const after = await visits.updateItem(institutionId, visitId, itemId, version, fields);
        return { before, after, result: after };
      });
    },

    removeItem(actor: Actor, visitId: string, itemId: string, version: number) {
      requireWriter(actor);
      return itemWork(actor, visitId, 'remove_item', async (institutionId) => {
        const before = await visits.removeItem(institutionId, visitId, itemId, version);
        return { before, result: before };
      });
    },
  };
}

export type VisitsAdmin = ReturnType<typeof createVisitsAdmin>;
