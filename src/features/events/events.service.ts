// Events: the rules of an event (its period and times, the venue's point on the map, role and status; an
// example never published) by institution id, and the back-office's and the API's use cases of them
// (createEventsAdmin): as the actor's institution under row-level security, role-checked, versioned, audited.
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { UUID } from '../../platform/field-rules.ts';
import { pageOf } from '../../platform/paging.ts';
import { type Actor, canWrite, requireWriter } from '../accounts/accounts.access.ts';
import { HISTORY_LIMIT, recordHistory, staffWork } from '../audit/audit.service.ts';
import type { EventRow, EventsRepository } from './events.repository.ts';
import { checkedEvent, type EventFields } from './events.rules.ts';
import type { Event } from './events.schemas.ts';

export { EVENT_ROLES, EVENT_STATUSES, type EventFields } from './events.rules.ts';

export const BLANK_EVENT: EventFields = {
  titleIt: '',
  titleEn: '',
  role: 'organiser',
  status: 'proposed',
  startsOn: '',
  startsAt: '',
  endsOn: '',
  endsAt: '',
  venue: '',
  city: '',
  coordinates: '',
  partners: '',
  audienceIt: '',
  audienceEn: '',
  descriptionIt: '',
  descriptionEn: '',
  published: '',
};

export interface EventListQuery {
  q?: string | undefined;
  status?: string | undefined;
  when?: 'upcoming' | 'past' | undefined;
  page?: number | undefined;
}

const hhmm = (t: string | null) => (t ? t.slice(0, 5) : null);

export const eventOf = (r: EventRow): Event => ({
  id: r.id,
  titleIt: r.titleIt,
  titleEn: r.titleEn,
  role: r.role,
  status: r.status,
  startsOn: r.startsOn,
  startsAt: hhmm(r.startsAt),
  endsOn: r.endsOn,
  endsAt: hhmm(r.endsAt),
  venue: r.venue,
  city: r.city,
  point:
    r.latitude === null || r.longitude === null ? null : { latitude: r.latitude, longitude: r.longitude },
  partners: r.partners,
  audienceIt: r.audienceIt,
  audienceEn: r.audienceEn,
  descriptionIt: r.descriptionIt,
  descriptionEn: r.descriptionEn,
  published: r.published,
  example: r.example,
  version: r.version,
  updatedAt: new Date(r.updatedAt).toISOString(),
});

const stale = (current: Event, version: number) =>
  new AppError(
    'version_conflict',
    `The event was changed by someone else (now at version ${current.version}, you started from ${version})`,
    { field: 'version', details: { currentVersion: current.version, current } },
  );

export function createEventsService({ repo }: { repo: EventsRepository }) {
  async function event(institutionId: string, id: string): Promise<Event> {
    const row = UUID.test(id) ? await repo.byId(institutionId, id) : undefined;
    if (!row) throw AppError.notFound('Event', id);
    return eventOf(row);
  }
  const noExamplePublished = (example: boolean, published: boolean | undefined) => {
    if (example && published)
      throw AppError.invalid('published', 'An example is never published', { reason: 'example' });
  };

  return {
    event,
    async page(institutionId: string, q: EventListQuery) {
      const filter = {
        institutionId,
        q: q.q?.trim() || undefined,
        status: q.status || undefined,
        when: q.when,
      };
      const total = await repo.count(filter);
      const at = pageOf(total, q.page);
      const rows = await repo.page(filter, at.pageSize, at.offset);
      return { items: rows.map(eventOf), total, page: at.page, pages: at.pages, pageSize: at.pageSize };
    },
    async create(institutionId: string, fields: EventFields, example = false): Promise<Event> {
      const values = checkedEvent(fields);
      noExamplePublished(example, values.published);
      return eventOf(await repo.insert(institutionId, { ...values, example }));
    },
    async update(institutionId: string, id: string, version: number, fields: EventFields): Promise<Event> {
      const before = await event(institutionId, id);
      const values = checkedEvent(fields);
      noExamplePublished(before.example, values.published);
      const row = await repo.update(institutionId, id, version, values);
      if (!row) throw stale(before, version);
      return eventOf(row);
    },
    async remove(institutionId: string, id: string, version: number): Promise<Event> {
      const before = await event(institutionId, id);
      if (before.version !== version) throw stale(before, version);
      if (!(await repo.remove(institutionId, id, version)))
        throw stale(await event(institutionId, id), version);
      return before;
    },
    targets: (institutionId: string, ids?: string[]) => repo.targets(institutionId, ids),
  };
}

export type EventsService = ReturnType<typeof createEventsService>;

export function createEventsAdmin(deps: { database: Database; events: EventsService }) {
  const { database, events } = deps;
  const { asStaff, created, updated, removed } = staffWork(database);
  return {
    canWrite,
    checkWriter: (actor: Actor): void => requireWriter(actor),
    events: (actor: Actor, q: EventListQuery) => asStaff(actor, (i) => events.page(i, q)),
    event: (actor: Actor, id: string) =>
      asStaff(actor, async (i) => ({
        event: await events.event(i, id),
        history: await recordHistory(database, 'event', id, HISTORY_LIMIT),
      })),
    form(actor: Actor, id: string) {
      requireWriter(actor);
      return asStaff(actor, (i) => events.event(i, id));
    },
    create(actor: Actor, fields: EventFields) {
      requireWriter(actor);
      return created(actor, 'event', (i) => events.create(i, fields));
    },
    update(actor: Actor, id: string, version: number, fields: EventFields) {
      requireWriter(actor);
      return updated(
        actor,
        'event',
        id,
        (i) => events.event(i, id),
        (i) => events.update(i, id, version, fields),
      );
    },
    remove(actor: Actor, id: string, version: number) {
      requireWriter(actor);
      return removed(actor, 'event', id, (i) => events.remove(i, id, version));
    },
  };
}

export type EventsAdmin = ReturnType<typeof createEventsAdmin>;
