// The gifts register: the rules of a gift by institution id (a day, the occasion and the partner of the
// institution, an exact value with its currency, a disposition required above the modest value, an example
// never published, a stale version refused), the register of a year as CSV, and the back-office's use cases
// (createGiftsAdmin): as the actor's institution under row-level security, role-checked, versioned, audited.
import { stringify } from 'csv-stringify/sync';
import { guardCell } from '../../platform/csv.ts';
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { amount, currency, day, text, UUID, yes } from '../../platform/field-rules.ts';
import { pageOf } from '../../platform/paging.ts';
import { type Actor, canWrite, requireWriter } from '../accounts/accounts.access.ts';
import type { AttachmentsService } from '../attachments/attachments.service.ts';
import { HISTORY_LIMIT, recordHistory, staffWork } from '../audit/audit.service.ts';
import type { CounterpartsService } from '../counterparts/counterparts.service.ts';
import type { InstitutionsService } from '../institutions/institutions.service.ts';
import type { GiftRow, GiftsRepository, GiftValues } from './gifts.repository.ts';
import {
  aboveModestValue,
  DIRECTIONS,
  DISPOSITIONS,
  type Direction,
  type Disposition,
} from './gifts.rules.ts';
import type { GiftRecord } from './gifts.schemas.ts';

/** What a person types in the form: the occasion as "visit:ID", "mission:ID" or "meeting:ID". */
export interface GiftFields {
  direction: string;
  onDay: string;
  occasion: string;
  counterpartId: string;
  descriptionIt: string;
  descriptionEn: string;
  value: string;
  currency: string;
  person: string;
  disposition: string;
  dispositionOn: string;
  notes: string;
  published: string;
}

export const BLANK_GIFT: GiftFields = {
  direction: '',
  onDay: '',
  occasion: '',
  counterpartId: '',
  descriptionIt: '',
  descriptionEn: '',
  value: '',
  currency: '',
  person: '',
  disposition: '',
  dispositionOn: '',
  notes: '',
  published: '',
};

export const giftOf = (r: GiftRow): GiftRecord => {
  const kind = r.visit_id ? 'visit' : r.mission_id ? 'mission' : r.meeting_id ? 'meeting' : null;
  return {
    id: r.id,
    direction: r.direction,
    onDay: r.on_day,
    occasion: kind
      ? {
          kind,
          id: (r.visit_id ?? r.mission_id ?? r.meeting_id)!,
          titleIt: r.occasion_it ?? '',
          titleEn: r.occasion_en,
        }
      : null,
    counterpart: r.counterpart_id
      ? { id: r.counterpart_id, nameIt: r.counterpart_it ?? '', nameEn: r.counterpart_en ?? '' }
      : null,
    descriptionIt: r.description_it,
    descriptionEn: r.description_en,
    value: r.value,
    currency: r.currency,
    person: r.person,
    disposition: r.disposition,
    dispositionOn: r.disposition_on,
    notes: r.notes,
    aboveModestValue: aboveModestValue(r),
    published: r.published,
    example: r.example,
    version: r.version,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
};

const COLUMNS = [
  'date',
  'direction',
  'occasion',
  'counterpart',
  'description_it',
  'description_en',
  'value',
  'currency',
  'person',
  'disposition',
  'disposition_date',
  'above_modest_value',
] as const;

/** A register as CSV (UTF-8 with its mark); `internal` adds who received or gave each gift. */
export function registerCsv(rows: readonly GiftRow[], internal: boolean): string {
  const cols = COLUMNS.filter((c) => internal || c !== 'person');
  const body = rows.map((r) => {
    const g = giftOf(r);
    const cell: Record<(typeof COLUMNS)[number], string> = {
      date: g.onDay,
      direction: g.direction,
      occasion: g.occasion?.titleIt ?? '',
      counterpart: g.counterpart?.nameIt ?? '',
      description_it: g.descriptionIt,
      description_en: g.descriptionEn ?? '',
      value: g.value ?? '',
      currency: g.currency,
      person: g.person ?? '',
      disposition: g.disposition ?? '',
      disposition_date: g.dispositionOn ?? '',
      above_modest_value: g.aboveModestValue ? 'yes' : 'no',
    };
    return cols.map((c) => guardCell(cell[c]));
  });
  return `\uFEFF${stringify([[...cols], ...body], { record_delimiter: '\r\n' })}`;
}

export function createGiftsService(deps: {
  repo: GiftsRepository;
  counterparts: CounterpartsService;
  institutions: InstitutionsService;
}) {
  const { repo, counterparts, institutions } = deps;

  async function checked(institutionId: string, f: GiftFields, example: boolean): Promise<GiftValues> {
    const direction = f.direction as Direction;
    if (!DIRECTIONS.includes(direction))
      throw AppError.invalid('direction', 'Say whether the gift was given or received');
    const disposition = (f.disposition || null) as Disposition | null;
    if (disposition && !DISPOSITIONS.includes(disposition)) {
      throw AppError.invalid('disposition', `Unknown disposition "${f.disposition}"`);
    }
    const occasion = (f.occasion ?? '').trim();
    const [kind, id] = occasion ? occasion.split(':') : [];
    if (occasion && (!['visit', 'mission', 'meeting'].includes(kind ?? '') || !UUID.test(id ?? ''))) {
      throw AppError.invalid('occasion', 'Choose a visit, mission or meeting of your institution');
    }
    if (occasion && !(await repo.occasionExists(institutionId, kind as 'visit', id!))) {
      throw AppError.invalid('occasion', 'Choose a visit, mission or meeting of your institution');
    }
    const counterpartId = (f.counterpartId ?? '').trim() || null;
    if (counterpartId) {
      const known =
        UUID.test(counterpartId) &&
        (await counterparts.detail(institutionId, counterpartId).catch(() => undefined));
      if (!known) throw AppError.invalid('counterpartId', 'Choose one of your institution’s partners');
    }
    const values: GiftValues = {
      direction,
      onDay: day('onDay', f.onDay, true)!,
      visitId: kind === 'visit' ? id! : null,
      missionId: kind === 'mission' ? id! : null,
      meetingId: kind === 'meeting' ? id! : null,
      counterpartId,
      descriptionIt: text('descriptionIt', f.descriptionIt, 2000, true)!,
      descriptionEn: text('descriptionEn', f.descriptionEn, 2000),
      value: amount('value', f.value),
      currency: currency('currency', f.currency, 'EUR')!,
      person: text('person', f.person, 200),
      disposition,
      dispositionOn: day('dispositionOn', f.dispositionOn, false),
      notes: text('notes', f.notes, 5000),
      published: yes(f.published),
    };
    if (aboveModestValue(values) && !values.disposition) {
      throw new AppError('invalid_input', 'A gift received above the modest value needs a disposition', {
        field: 'disposition',
        details: { reason: 'required_above_modest_value' },
      });
    }
    if (example && values.published)
      throw AppError.invalid('published', 'An example record is never published');
    return values;
  }

  async function detail(institutionId: string, id: string): Promise<GiftRecord> {
    const row = UUID.test(id) ? await repo.byId(institutionId, id) : undefined;
    if (!row) throw AppError.notFound('Gift', id);
    return giftOf(row);
  }

  const stale = (current: GiftRecord, version: number) =>
    new AppError(
      'version_conflict',
      `The gift was changed by someone else (now at version ${current.version})`,
      {
        field: 'version',
        details: { currentVersion: current.version, current, sent: version },
      },
    );

  return {
    detail,
    async page(
      institutionId: string,
      q: { year?: number | undefined; direction?: Direction | undefined; flagged?: boolean; page?: number },
    ) {
      const filter = { institutionId, year: q.year, direction: q.direction, valued: q.flagged };
      if (q.flagged) {
        // Few gifts are valued: the flag is computed here, as the API states it.
        const all = (await repo.page(filter, 10_000, 0)).map(giftOf).filter((g) => g.aboveModestValue);
        return { items: all, total: all.length, page: 1, pages: 1, pageSize: all.length };
      }
      const total = await repo.count(filter);
      const at = pageOf(total, q.page);
      const rows = await repo.page(filter, at.pageSize, at.offset);
      return { items: rows.map(giftOf), total, page: at.page, pages: at.pages, pageSize: at.pageSize };
    },
    async choices(institutionId: string) {
      const partners = (await counterparts.list(institutionId)).map((c) => ({
        id: c.id,
        nameIt: c.nameIt,
        nameEn: c.nameEn,
      }));
      return { partners, occasions: await repo.occasions(institutionId) };
    },
    async create(institutionId: string, fields: GiftFields, opts: { example?: boolean } = {}) {
      const example = opts.example ?? false;
      return detail(
        institutionId,
        await repo.insert(institutionId, await checked(institutionId, fields, example), example),
      );
    },
    async update(institutionId: string, id: string, version: number, fields: GiftFields) {
      const before = await detail(institutionId, id);
      const values = await checked(institutionId, fields, before.example);
      if (before.version !== version || !(await repo.updateVersioned(institutionId, id, version, values))) {
        throw stale(await detail(institutionId, id), version);
      }
      return detail(institutionId, id);
    },
    async remove(institutionId: string, id: string, version: number) {
      const before = await detail(institutionId, id);
      if (before.version !== version || !(await repo.deleteVersioned(institutionId, id, version))) {
        throw stale(await detail(institutionId, id), version);
      }
      return before;
    },
    /** The staff's register of a year as CSV, who received each gift included. */
    registerCsv: async (institutionId: string, year?: number) =>
      registerCsv(await repo.register(institutionId, year, false), true),
    /** The public register: the published gifts, without people or notes. */
    publicRegisterCsv: async (institution: string, year?: number) =>
      registerCsv(await repo.register(await institutions.idOf(institution), year, true), false),
  };
}

export type GiftsService = ReturnType<typeof createGiftsService>;

export function createGiftsAdmin(deps: {
  database: Database;
  gifts: GiftsService;
  attachments: AttachmentsService;
}) {
  const { database, gifts, attachments } = deps;
  const { asStaff, audit, created, updated, removed } = staffWork(database);
  return {
    canWrite,
    gifts: (actor: Actor, q: Parameters<GiftsService['page']>[1]) => asStaff(actor, (i) => gifts.page(i, q)),
    gift: (actor: Actor, id: string) =>
      asStaff(actor, async (i) => ({
        gift: await gifts.detail(i, id),
        photos: await attachments.ofGift(id),
        history: await recordHistory(database, 'gift', id, HISTORY_LIMIT),
      })),
    /** Adds a photograph (PDF, PNG, JPEG or WebP up to 10 MB, its type read from its bytes), audited. */
    addPhoto(actor: Actor, giftId: string, file: { filename: string; bytes: Buffer }) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => {
        await gifts.detail(institutionId, giftId);
        const info = await attachments.add({ institutionId, giftId, ...file, actor: actor.label });
        await audit(actor, {
          action: 'attach',
          entity: 'gift',
          entityId: giftId,
          before: undefined,
          after: info,
        });
        return info;
      });
    },
    removePhoto(actor: Actor, giftId: string, id: string) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => {
        await gifts.detail(institutionId, giftId);
        const info = await attachments.removeFromGift(giftId, id);
        await audit(actor, {
          action: 'detach',
          entity: 'gift',
          entityId: giftId,
          before: info,
          after: undefined,
        });
        return info;
      });
    },
    giftForm(actor: Actor, id?: string) {
      requireWriter(actor);
      return asStaff(actor, async (i) => ({
        gift: id ? await gifts.detail(i, id) : undefined,
        choices: await gifts.choices(i),
      }));
    },
    createGift(actor: Actor, fields: GiftFields) {
      requireWriter(actor);
      return created(actor, 'gift', (i) => gifts.create(i, fields));
    },
    updateGift(actor: Actor, id: string, version: number, fields: GiftFields) {
      requireWriter(actor);
      return updated(
        actor,
        'gift',
        id,
        (i) => gifts.detail(i, id),
        (i) => gifts.update(i, id, version, fields),
      );
    },
    deleteGift(actor: Actor, id: string, version: number) {
      requireWriter(actor);
      return removed(actor, 'gift', id, (i) => gifts.remove(i, id, version));
    },
    registerCsv: (actor: Actor, year?: number) => asStaff(actor, (i) => gifts.registerCsv(i, year)),
  };
}

export type GiftsAdmin = ReturnType<typeof createGiftsAdmin>;
