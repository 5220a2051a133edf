// Meetings with foreign counterparts: the rules of a meeting by institution id (trimmed text, a day and its
// times, one of the institution's partners, its agreements and networks, an example never published, a stale
// version refused), and the back-office's use cases (createMeetingsAdmin): as the actor's institution under
// row-level security, role-checked, versioned, audited.

import { todayIso } from '../../platform/dates.ts';
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { day, period, text, timeOfDay, UUID, yes } from '../../platform/field-rules.ts';
import { pageOf } from '../../platform/paging.ts';
import { type Actor, canWrite, requireWriter } from '../accounts/accounts.access.ts';
import type { AgendaLinks } from '../agenda/agenda.service.ts';
import { HISTORY_LIMIT, recordHistory, staffWork } from '../audit/audit.service.ts';
import type { CounterpartsService } from '../counterparts/counterparts.service.ts';
import {
  MEETING_SORTS,
  type MeetingListRow,
  type MeetingSort,
  type MeetingsRepository,
} from './meetings.repository.ts';
import { MEETING_MODES, MEETING_STATUSES, type MeetingMode, type MeetingStatus } from './meetings.rules.ts';
import type { MeetingRecord, MeetingSummary } from './meetings.schemas.ts';

export { MEETING_SORTS, type MeetingSort } from './meetings.repository.ts';

export interface MeetingFields {
  titleIt: string;
  titleEn: string;
  status: string;
  startsOn: string;
  startsAt: string;
  endsAt: string;
  mode: string;
  place: string;
  counterpartId: string;
  host: string;
  participants: string;
  topicsIt: string;
  topicsEn: string;
  outcomeIt: string;
  outcomeEn: string;
  agreementIds: string[];
  networkIds: string[];
  published: string;
}

export const BLANK_MEETING: MeetingFields = {
  titleIt: '',
  titleEn: '',
  status: '',
  startsOn: '',
  startsAt: '',
  endsAt: '',
  mode: '',
  place: '',
  counterpartId: '',
  host: '',
  participants: '',
  topicsIt: '',
  topicsEn: '',
  outcomeIt: '',
  outcomeEn: '',
  agreementIds: [],
  networkIds: [],
  published: '',
};

export interface MeetingListQuery {
  q?: string | undefined;
  status?: MeetingStatus | undefined;
  when?: 'upcoming' | 'past' | undefined;
  sort?: MeetingSort | undefined;
  page?: number | undefined;
  lang?: 'it' | 'en' | undefined;
}

const hhmm = (t: string | null) => (t ? t.slice(0, 5) : null);

const summary = (r: MeetingListRow): MeetingSummary => ({
  id: r.id,
  titleIt: r.titleIt,
  titleEn: r.titleEn,
  status: r.status,
  startsOn: r.startsOn,
  startsAt: hhmm(r.startsAt),
  endsAt: hhmm(r.endsAt),
  mode: r.mode,
  place: r.place,
  counterpart: r.counterpartId
    ? {
        id: r.counterpartId,
        nameIt: r.counterpartIt ?? '',
        nameEn: r.counterpartEn ?? '',
        countryCode: r.countryCode,
      }
    : null,
  host: r.host,
  participants: r.participants,
  topicsIt: r.topicsIt,
  topicsEn: r.topicsEn,
  outcomeIt: r.outcomeIt,
  outcomeEn: r.outcomeEn,
  published: r.published,
  example: r.example,
  version: r.version,
  createdAt: new Date(r.createdAt).toISOString(),
  updatedAt: new Date(r.updatedAt).toISOString(),
});

function stale(current: MeetingRecord, version: number): AppError {
  return new AppError(
    'version_conflict',
    `The meeting was changed by someone else (now at version ${current.version}, you started from ${version})`,
    { field: 'version', details: { currentVersion: current.version, current } },
  );
}

export function createMeetingsService({
  repo,
  counterparts,
  links,
}: {
  repo: MeetingsRepository;
  counterparts: CounterpartsService;
  links: AgendaLinks;
}) {
  async function checked(institutionId: string, f: MeetingFields, example: boolean) {
    const status = (f.status || 'proposed') as MeetingStatus;
    if (!MEETING_STATUSES.includes(status)) throw AppError.invalid('status', `Unknown status "${f.status}"`);
    const mode = (f.mode || 'in_person') as MeetingMode;
    if (!MEETING_MODES.includes(mode)) throw AppError.invalid('mode', `Unknown mode "${f.mode}"`);
    const startsOn = day('startsOn', f.startsOn, true)!;
    const values = {
      titleIt: text('titleIt', f.titleIt, 200, true)!,
      titleEn: text('titleEn', f.titleEn, 200),
      status,
      startsOn,
      startsAt: timeOfDay('startsAt', f.startsAt),
      endsAt: timeOfDay('endsAt', f.endsAt),
      mode,
      place: text('place', f.place, 300),
      counterpartId: (f.counterpartId ?? '').trim() || null,
      host: text('host', f.host, 300),
      participants: text('participants', f.participants, 2000),
      topicsIt: text('topicsIt', f.topicsIt, 5000),
      topicsEn: text('topicsEn', f.topicsEn, 5000),
      outcomeIt: text('outcomeIt', f.outcomeIt, 5000),
      outcomeEn: text('outcomeEn', f.outcomeEn, 5000),
      published: yes(f.published),
    };
    period({ start: 'startsAt', end: 'endsAt' }, { ...values, endsOn: startsOn });
    if (values.counterpartId) {
      const known =
        UUID.test(values.counterpartId) &&
        (await counterparts.detail(institutionId, values.counterpartId).catch(() => undefined));
      if (!known) throw AppError.invalid('counterpartId', 'Choose one of your institution’s partners');
    }
    if (example && values.published)
      throw AppError.invalid('published', 'An example record is never published');
    return { ...values, ...(await links.checked(institutionId, f.agreementIds, f.networkIds)) };
  }

  async function detail(institutionId: string, id: string): Promise<MeetingRecord> {
    const row = UUID.test(id) ? await repo.byId(institutionId, id) : undefined;
    if (!row) throw AppError.notFound('Meeting', id);
    return { ...summary(row), ...(await links.read(institutionId, row.agreementIds, row.networkIds)) };
  }

  return {
    detail,

    async page(institutionId: string, q: MeetingListQuery) {
      const filter = {
        institutionId,
        q: q.q?.trim() || undefined,
        status: q.status,
        when: q.when ? { period: q.when, today: todayIso() } : undefined,
      };
      const total = await repo.count(filter);
      const at = pageOf(total, q.page);
      const sort = q.sort && MEETING_SORTS.includes(q.sort) ? q.sort : '-starts';
      const rows = await repo.page(filter, {
        sort,
        lang: q.lang ?? 'it',
        limit: at.pageSize,
        offset: at.offset,
      });
      return { items: rows.map(summary), total, page: at.page, pages: at.pages, pageSize: at.pageSize };
    },

    async choices(institutionId: string) {
      const partners = (await counterparts.list(institutionId)).map((c) => ({
        id: c.id,
        nameIt: c.nameIt,
        nameEn: c.nameEn,
      }));
      return { partners, ...(await links.choices(institutionId)) };
    },

    async create(institutionId: string, fields: MeetingFields, opts: { example?: boolean } = {}) {
      const example = opts.example ?? false;
      const row = await repo.insert({
        institutionId,
        example,
        ...(await checked(institutionId, fields, example)),
      });
      return detail(institutionId, row.id);
    },

    async update(institutionId: string, id: string, version: number, fields: MeetingFields) {
      const before = await detail(institutionId, id);
      const values = await checked(institutionId, fields, before.example);
      const row =
        before.version === version
          ? await repo.updateVersioned(institutionId, id, version, values)
          : undefined;
      if (!row) throw stale(await detail(institutionId, id), version);
      return detail(institutionId, id);
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

export type MeetingsService = ReturnType<typeof createMeetingsService>;

/** The back-office's use cases of meetings, as the actor's institution, role-checked, audited. */
export function createMeetingsAdmin(deps: { database: Database; meetings: MeetingsService }) {
  const { database, meetings } = deps;
  const { asStaff, created, updated, removed } = staffWork(database);
  return {
    canWrite,
    meetings: (actor: Actor, query: MeetingListQuery) => asStaff(actor, (id) => meetings.page(id, query)),
    meeting: (actor: Actor, id: string) =>
      asStaff(actor, async (institutionId) => ({
        meeting: await meetings.detail(institutionId, id),
        history: await recordHistory(database, 'meeting', id, HISTORY_LIMIT),
      })),
    meetingForm(actor: Actor, id?: string) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => ({
        meeting: id ? await meetings.detail(institutionId, id) : undefined,
        choices: await meetings.choices(institutionId),
      }));
    },
    createMeeting(actor: Actor, fields: MeetingFields) {
      requireWriter(actor);
      return created(actor, 'meeting', (institutionId) => meetings.create(institutionId, fields));
    },
    updateMeeting(actor: Actor, id: string, version: number, fields: MeetingFields) {
      requireWriter(actor);
      return updated(
        actor,
        'meeting',
        id,
        (institutionId) => meetings.detail(institutionId, id),
        (institutionId) => meetings.update(institutionId, id, version, fields),
      );
    },
    deleteMeeting(actor: Actor, id: string, version: number) {
      requireWriter(actor);
      return removed(actor, 'meeting', id, (institutionId) => meetings.remove(institutionId, id, version));
    },
  };
}

export type MeetingsAdmin = ReturnType<typeof createMeetingsAdmin>;
