// Writing agreements: create (one, or many prepared ones for an import), edit, record a status, publish,
// remove. Every write runs in one transaction and bumps the version it was given; a stale version is refused
// with the current record so nothing is overwritten unseen.
import { isDateError, type PartialDate, parsePartialDate } from '../../platform/dates.ts';
import { notifyChange } from '../../platform/db/changes.ts';
import type { Database } from '../../platform/db/client.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import { sourcesProblem } from '../../platform/http/schema-helpers.ts';
import { asserter } from '../../platform/validation.ts';
import { type AuditActor, appendAudit } from '../audit/audit.service.ts';
import type { CounterpartsService } from '../counterparts/counterparts.service.ts';
import type { InstitutionsService } from '../institutions/institutions.service.ts';
import { countryByCode, normalizeName } from '../places/places.service.ts';
import { toInput } from './agreements.files.ts';
import { draftColumns, eventDraftOf, searchTextOf } from './agreements.mapping.ts';
import { failure, type Preparation, type PreparedAgreement } from './agreements.prepare.ts';
import type { AgreementsRepository } from './agreements.repository.ts';
import {
  currentStatus,
  draftAgreement,
  draftSnapshot,
  type EventDraft,
  slugify,
  unusualTransition,
} from './agreements.rules.ts';
import { type Agreement, AgreementChanges, AgreementInput, StatusEventInput } from './agreements.schemas.ts';

interface WriteDeps {
  database: Database;
  repo: AgreementsRepository;
  institutions: InstitutionsService;
  counterparts: CounterpartsService;
  prepare: (institutionId: string, inputs: AgreementInput[]) => Promise<Preparation[]>;
  get: (id: string, opts?: { includeUnpublished?: boolean }) => Promise<Agreement>;
}

// The API's own schemas, checked again here because forms and the CLI reach these writes without passing an
// HTTP schema: every way in refuses the same input (a length, an enum, a GeoNames id beyond PostgreSQL's
// integer) with the field named, instead of storing it or failing in the database.
const checkInput = asserter<AgreementInput>(AgreementInput);
const checkChanges = asserter<AgreementChanges>(AgreementChanges);
const checkStatus = asserter<StatusEventInput>(StatusEventInput);

/**
 * The history of a new agreement starts with its first status: given without any, it is proposed, so a later
 * suspension or signing shows on the timeline after it, not alone. Since when is not known (the day it is
 * recorded is not the day it was proposed, and would sort after older events recorded later): an undated
 * event stays first (orderEvents).
 */
function withInitialStatus(events: EventDraft[]): EventDraft[] {
  if (events.length > 0) return events;
  return [
    {
      status: 'proposed',
      outcome: 'approved',
      date: { date: null, precision: 'unknown' },
      reasonIt: null,
      reasonEn: null,
      act: null,
      sources: [],
    },
  ];
}

/** A slug from a partner's name, the kind added unless a twinning, numbered when taken; reserves it. */
function freeSlug(taken: Set<string>, base: string, kind: string): string {
  const kinded = kind === 'twinning' ? base : `${base}-${kind.replace(/_/g, '-')}`;
  let slug = kinded;
  for (let n = 2; taken.has(slug); n++) slug = `${kinded}-${n}`;
  taken.add(slug);
  return slug;
}

/**
 * The English address: an Italian slug given as the partner's Italian name plus more ("lione", "banca-mondiale")
 * becomes the English name plus the same ("lyon", "world-bank"); otherwise one made from the English name.
 */
function englishSlug(
  taken: Set<string>,
  given: string | undefined,
  partner: { nameIt: string; nameEn: string },
  kind: string,
): string {
  const it = slugify(partner.nameIt);
  const fromGiven = given?.startsWith(it) ? `${slugify(partner.nameEn)}${given.slice(it.length)}` : undefined;
  if (fromGiven && !taken.has(fromGiven)) {
    taken.add(fromGiven);
    return fromGiven;
  }
  return freeSlug(taken, slugify(partner.nameEn), kind);
}

/**
 * Writes prepared agreements (call it inside Database.transaction), each with its audit entry in the actor's name;
 * returns their ids in input order.
 */
async function insertPrepared(
  deps: WriteDeps,
  institutionId: string,
  items: PreparedAgreement[],
  actor: AuditActor,
): Promise<string[]> {
  const { database, repo, institutions, counterparts } = deps;
  const rows = await counterparts.ensureMany(
    institutionId,
    items.map((it) => it.counterpart),
  );
  const { it: taken, en: takenEn } = await repo.takenSlugs(institutionId);
  const names = await repo.placeNames([
    ...new Set(rows.map((r) => r.placeId).filter((id): id is number => id !== null)),
  ]);
  // Slugs asked for are reserved first, so a slug made from a partner's name never takes one of them.
  for (const [i, { draft }] of items.entries()) {
    if (!draft.slug) continue;
    if (taken.has(draft.slug)) {
      throw new AppError(
        'conflict',
        `An agreement with slug "${draft.slug}" already exists in this institution`,
        {
          field: 'slug',
          details: { index: i },
        },
      );
    }
    taken.add(draft.slug);
  }
  const unitIds = new Map<string, string>();
  const values = [];
  const slugs: string[] = [];
  for (let i = 0; i < items.length; i++) {
    const { draft } = items[i]!;
    const cp = rows[i]!;
    const slug = draft.slug ?? freeSlug(taken, slugify(cp.nameIt), draft.kind);
    const slugEn = englishSlug(takenEn, draft.slug, cp, draft.kind);
    if (draft.unit && !unitIds.has(draft.unit)) {
      unitIds.set(draft.unit, await institutions.unitIdOf(institutionId, draft.unit));
    }
    const country = cp.countryCode ? countryByCode(cp.countryCode) : undefined;
    const { status, since } = currentStatus(withInitialStatus(draft.events));
    slugs.push(slug);
    values.push({
      institutionId,
      counterpartId: cp.id,
      unitId: draft.unit ? unitIds.get(draft.unit)! : null,
      slug,
      slugEn,
      ...draftColumns(draft),
      published: draft.published,
      status,
      statusSince: since.date,
      statusSincePrecision: since.precision,
      countryCode: cp.countryCode,
      continent: country?.continent ?? null,
      searchText: searchTextOf(cp, country, draft, cp.placeId !== null ? (names.get(cp.placeId) ?? []) : []),
      sortNameIt: normalizeName(cp.nameIt),
      sortNameEn: normalizeName(cp.nameEn),
    });
  }
  const ids: string[] = [];
  // Batches keep each statement's parameter count well under PostgreSQL's limit of 65,535.
  for (let start = 0; start < values.length; start += 500) {
    const inserted = await repo.insertMany(values.slice(start, start + 500));
    ids.push(...inserted.map((r) => r.id));
  }
  const events = items.flatMap(({ draft }, i) =>
    withInitialStatus(draft.events).map((e) => ({
      agreementId: ids[i]!,
      institutionId,
      status: e.status,
      outcome: e.outcome,
      occurredOn: e.date.date,
      precision: e.date.precision,
      reasonIt: e.reasonIt,
      reasonEn: e.reasonEn,
      act: e.act,
      sources: e.sources,
    })),
  );
  for (let start = 0; start < events.length; start += 1000) {
    await repo.insertEvents(events.slice(start, start + 1000));
  }
  await appendAudit(
    database.query,
    actor,
    items.map(({ draft }, i) => ({
      institutionId,
      action: 'create',
      entity: 'agreement',
      entityId: ids[i]!,
      after: draftSnapshot(draft, slugs[i]!, {
        nameIt: rows[i]!.nameIt,
        nameEn: rows[i]!.nameEn,
        country: rows[i]!.countryCode,
      }),
    })),
  );
  await notifyChange(database.db, institutionId);
  return ids;
}

/** Fails unless the agreement is at the expected version; runs inside the write's transaction. */
async function requireVersion(
  repo: AgreementsRepository,
  id: string,
  version: number,
): Promise<{ institutionId: string }> {
  const current = await repo.versionOf(id);
  if (!current) throw AppError.notFound('Agreement', id);
  if (current.version !== version) {
    throw new AppError(
      'version_conflict',
      `The agreement was changed by someone else (now at version ${current.version}, you started from ${version})`,
      { field: 'version', details: { currentVersion: current.version } },
    );
  }
  return current;
}

/**
 * Runs a write in one transaction at the expected version; `write` reports whether its versioned statement
 * hit. A stale version is refused with the current record attached, read after the rollback, so the person
 * can compare both versions.
 */
async function atVersion(
  deps: WriteDeps,
  id: string,
  version: number,
  write: (institutionId: string) => Promise<boolean>,
): Promise<void> {
  const { database, repo, get } = deps;
  try {
    await database.transaction(async () => {
      const { institutionId } = await requireVersion(repo, id, version);
      if (!(await write(institutionId))) await requireVersion(repo, id, version);
      await notifyChange(database.db, institutionId);
    });
  } catch (err) {
    if (!isAppError(err) || err.code !== 'version_conflict') throw err;
    const current = await get(id, { includeUnpublished: true });
    throw new AppError(err.code, err.message, {
      field: 'version',
      details: { currentVersion: current.version, current },
    });
  }
}

export function createAgreementWrites(deps: WriteDeps) {
  const { database, repo, institutions, prepare, get } = deps;
  const insert = (institutionId: string, items: PreparedAgreement[], actor: AuditActor) =>
    insertPrepared(deps, institutionId, items, actor);
  return {
    insertPrepared: insert,

    /**
     * Creates one agreement; its audit entry names the actor (a user, a token, the CLI, the seed). With
     * `checkTwinningRule`, a twinning in a country where the institution, keeping the rule of one twinning per
     * country, already has one is refused (conflict, reason 'one_twinning_per_country') so the person can
     * choose a friendship pact or confirm.
     */
    async create(
      institution: string,
      input: AgreementInput,
      actor: AuditActor,
      opts: { checkTwinningRule?: boolean } = {},
    ): Promise<Agreement> {
      checkInput(input);
      const institutionId = await institutions.idOf(institution);
      const [prep] = await prepare(institutionId, [input]);
      if (!prep) throw new Error('prepare returned no preparation');
      if (!prep.ok) throw failure(prep);
      const cp = prep.prepared.counterpart;
      const country = cp.type === 'city' ? cp.place.country.code : undefined;
      if (opts.checkTwinningRule && input.kind === 'twinning' && country) {
        const existing = await repo.twinningsUnderRule(institutionId, country);
        if (existing.length > 0) {
          throw new AppError(
            'conflict',
            `The institution allows one twinning per country and already has one there (${existing.join(', ')})`,
            { field: 'kind', details: { reason: 'one_twinning_per_country', existing } },
          );
        }
      }
      const [id] = await database.transaction(() => insert(institutionId, [prep.prepared], actor));
      return get(id!, { includeUnpublished: true });
    },

    /** Records a status event (or a rejected motion) and recomputes the status, at the expected version. */
    async recordStatus(
      id: string,
      input: StatusEventInput,
      version: number,
      opts: { confirmed?: boolean } = {},
    ): Promise<Agreement> {
      checkStatus(input);
      const date = parsePartialDate(input.date);
      if (isDateError(date)) throw AppError.invalid('date', date.error);
      const when: PartialDate = date;
      const outcome = input.outcome ?? 'approved';
      if (
        outcome === 'rejected' &&
        !input.act?.trim() &&
        !input.reasonIt?.trim() &&
        !input.reasonEn?.trim()
      ) {
        throw AppError.invalid('act', 'Say which motion or act was rejected');
      }
      if (outcome === 'approved' && !opts.confirmed) {
        // Checked against the stored status; a change in between moves the version, which the write refuses.
        const current = await repo.versionOf(id);
        if (!current) throw AppError.notFound('Agreement', id);
        const unusual = unusualTransition(current.status, input.status);
        if (unusual) {
          throw AppError.invalid(
            'status',
            `Recording "${input.status}" on a "${current.status}" agreement needs confirming`,
            {
              reason: 'needs_confirmation',
              transition: unusual,
              from: current.status,
            },
          );
        }
      }
      const noSource = sourcesProblem(input.sources);
      if (noSource) throw AppError.invalid(noSource, 'Give the address or the title of the source');
      await atVersion(deps, id, version, async (institutionId) => {
        await repo.insertEvents([
          {
            agreementId: id,
            institutionId,
            status: input.status,
            outcome,
            occurredOn: when.date,
            precision: when.precision,
            reasonIt: input.reasonIt?.trim() || null,
            reasonEn: input.reasonEn?.trim() || null,
            act: input.act?.trim() || null,
            sources: input.sources ?? [],
          },
        ]);
        const { status, since } = currentStatus((await repo.events([id])).map(eventDraftOf));
        const values = { status, statusSince: since.date, statusSincePrecision: since.precision };
        return repo.updateVersioned(id, version, values);
      });
      return get(id, { includeUnpublished: true });
    },

    /**
     * Edits an agreement at the expected version. The changes are laid over the stored record and checked by
     * the same rules as a new one, so an edit can never store what a create would refuse.
     */
    async update(id: string, changes: AgreementChanges, version: number): Promise<Agreement> {
      checkChanges(changes);
      const current = await get(id, { includeUnpublished: true });
      const input: AgreementInput = { ...toInput(current), ...changes };
      const { draft, problems } = draftAgreement(input);
      if (problems.length) {
        const first = problems[0]!;
        throw AppError.invalid(first.field, first.message, { problems });
      }
      await atVersion(deps, id, version, async (institutionId) => {
        const unitId = draft.unit ? await institutions.unitIdOf(institutionId, draft.unit) : null;
        const geonamesId = current.partner.place?.geonamesId;
        const placeNames = geonamesId ? ((await repo.placeNames([geonamesId])).get(geonamesId) ?? []) : [];
        return repo.updateVersioned(id, version, {
          unitId,
          ...draftColumns(draft),
          searchText: searchTextOf(current.partner, current.partner.country, draft, placeNames),
        });
      });
      return get(id, { includeUnpublished: true });
    },

    async setPublished(id: string, published: boolean, version: number): Promise<Agreement> {
      await atVersion(deps, id, version, () => repo.updateVersioned(id, version, { published }));
      return get(id, { includeUnpublished: true });
    },

    async remove(id: string, version: number): Promise<void> {
      await atVersion(deps, id, version, () => repo.deleteVersioned(id, version));
    },
  };
}
