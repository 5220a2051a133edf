// Agreement use cases. Every write runs in one transaction and bumps the version it was given; a stale version
// is refused with the current record so nothing is overwritten unseen.

import {
  formatPartialDate,
  isDateError,
  type PartialDate,
  type Precision,
  parsePartialDate,
} from '../../platform/dates.ts';
import { notifyChange } from '../../platform/db/changes.ts';
import type { Database } from '../../platform/db/client.ts';
import { AppError, type FieldProblem, isAppError } from '../../platform/errors.ts';
import { asserter } from '../../platform/validation.ts';
import { type AuditActor, appendAudit } from '../audit/audit.service.ts';
import type { CounterpartSpec, CounterpartsService } from '../counterparts/counterparts.service.ts';
import type { InstitutionsService } from '../institutions/institutions.service.ts';
import { countryByCode, resolveCountry } from '../places/countries.ts';
import { normalizeName } from '../places/normalize.ts';
import type { LookupResult, PlaceCandidate, PlacesService } from '../places/places.service.ts';
import { toInput } from './agreements.files.ts';
import type { AgreementsRepository, DetailRow, EventRow, SummaryRow } from './agreements.repository.ts';
import {
  type AgreementDraft,
  currentStatus,
  draftAgreement,
  draftSnapshot,
  type EventDraft,
  orderEvents,
  slugify,
} from './agreements.rules.ts';
import {
  type Agreement,
  AgreementChanges,
  AgreementInput,
  type AgreementListQuery,
  type AgreementPage,
  type AgreementSummary,
  type AlternativeDate,
  type Source,
  type StatusEvent,
  StatusEventInput,
} from './agreements.schemas.ts';

/** A draft whose partner has been resolved, ready to write. */
export interface PreparedAgreement {
  draft: AgreementDraft;
  counterpart: CounterpartSpec;
}

/** The outcome of preparing one input: ready, or its problems (with candidates for an ambiguous partner). */
export type Preparation =
  | { ok: true; prepared: PreparedAgreement }
  | { ok: false; problems: FieldProblem[]; candidates?: PlaceCandidate[] };

const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

function dated(date: string | null, precision: string, source: string | null = null) {
  return {
    date: formatPartialDate(date, precision as Precision),
    precision: precision as Precision,
    source,
  };
}

function summaryView(r: SummaryRow): AgreementSummary {
  return {
    id: r.id,
    institution: r.institution,
    slug: r.slug,
    kind: r.kind as AgreementSummary['kind'],
    status: r.status as AgreementSummary['status'],
    statusSince: formatPartialDate(r.status_since, r.status_since_precision as Precision),
    termEndedOn: r.term_ended_on,
    partner: {
      id: r.cp_id,
      type: r.cp_kind,
      nameIt: r.cp_name_it,
      nameEn: r.cp_name_en,
      website: r.cp_website,
      country: r.co_code
        ? { code: r.co_code, nameIt: r.co_name_it!, nameEn: r.co_name_en!, continent: r.co_continent! }
        : null,
      place:
        r.p_id !== null
          ? { geonamesId: r.p_id, name: r.p_name!, lat: r.p_lat!, lon: r.p_lon!, population: r.p_population! }
          : null,
    },
    signed: dated(r.signed_on, r.signed_precision, r.signed_source),
    ratified: dated(r.ratified_on, r.ratified_precision, r.ratified_source),
    sectors: r.sectors as AgreementSummary['sectors'],
    published: r.published,
    toVerify: r.to_verify,
    version: r.version,
    updatedAt: iso(r.updated_at),
  };
}

function eventView(e: EventRow): StatusEvent {
  return {
    id: e.id,
    status: e.status as StatusEvent['status'],
    outcome: e.outcome as StatusEvent['outcome'],
    date: formatPartialDate(e.occurredOn, e.precision as Precision),
    precision: e.precision as Precision,
    reasonIt: e.reasonIt,
    reasonEn: e.reasonEn,
    act: e.act,
  };
}

const eventDraftOf = (e: EventRow): EventDraft => ({
  status: e.status as EventDraft['status'],
  outcome: e.outcome as EventDraft['outcome'],
  date: { date: e.occurredOn, precision: e.precision as Precision },
  reasonIt: e.reasonIt,
  reasonEn: e.reasonEn,
  act: e.act,
});

function detailView(r: DetailRow, events: EventRow[]): Agreement {
  const ordered = orderEvents(
    [...events]
      .sort((a, b) => a.seq - b.seq)
      .map((e) => ({ e, date: { date: e.occurredOn, precision: e.precision as Precision } })),
  ).map(({ e }) => e);
  return {
    ...summaryView(r),
    titleIt: r.title_it,
    titleEn: r.title_en,
    signedPlace: r.signed_place,
    term: {
      type: r.term,
      endsOn: r.ends_on,
      renewal: r.renewal as Agreement['term']['renewal'],
      renewalYears: r.renewal_years,
    },
    unit: r.unit,
    descriptionIt: r.description_it,
    descriptionEn: r.description_en,
    sources: (r.sources ?? []) as Source[],
    alternativeDates: (r.alternative_dates ?? []) as AlternativeDate[],
    statusHistory: ordered.map(eventView),
    createdAt: iso(r.created_at),
  };
}

const SORT_COLUMNS = { signed: 'sort_date', name: 'sort_name', updated: 'updated_at' } as const;

function encodeCursor(value: string, id: string): string {
  return Buffer.from(JSON.stringify([value, id])).toString('base64url');
}

function decodeCursor(cursor: string): { value: string; id: string } {
  try {
    const [value, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof value === 'string' && typeof id === 'string' && /^[0-9a-f-]{36}$/.test(id))
      return { value, id };
  } catch {
    // fall through to the error below
  }
  throw AppError.invalid('cursor', 'The cursor is not one this API gave out; start again without it');
}

function describeLookup(field: string, what: string, result: LookupResult): Preparation {
  if (result.status === 'not_found') {
    return {
      ok: false,
      problems: [
        {
          field,
          message: `No place called "${what}" was found${result.country ? ` in ${result.country}` : ''}`,
        },
      ],
    };
  }
  const names = result.candidates
    .slice(0, 5)
    .map((c) => `${c.nameEn} (${c.country.code}, pop. ${c.population}, id ${c.geonamesId})`)
    .join('; ');
  return {
    ok: false,
    problems: [{ field, message: `"${what}" is ambiguous: which one? ${names}` }],
    candidates: result.candidates,
  };
}

/** The columns an agreement's draft fills, the same for a new agreement and an edited one. */
function draftColumns(draft: AgreementDraft) {
  return {
    kind: draft.kind,
    signedOn: draft.signed.date,
    signedPrecision: draft.signed.precision,
    signedSource: draft.signedSource,
    ratifiedOn: draft.ratified.date,
    ratifiedPrecision: draft.ratified.precision,
    ratifiedSource: draft.ratifiedSource,
    signedPlace: draft.signedPlace,
    term: draft.term,
    endsOn: draft.endsOn,
    renewal: draft.renewal,
    renewalYears: draft.renewalYears,
    sectors: draft.sectors,
    titleIt: draft.titleIt,
    titleEn: draft.titleEn,
    descriptionIt: draft.descriptionIt,
    descriptionEn: draft.descriptionEn,
    sources: draft.sources,
    alternativeDates: draft.alternativeDates,
    toVerify: draft.toVerify,
  };
}

/** What free-text search matches: the partner's names and country in both languages, titles, place names. */
function searchTextOf(
  partner: { nameIt: string; nameEn: string },
  country: { nameIt: string; nameEn: string } | undefined | null,
  draft: AgreementDraft,
  placeNames: string[],
): string {
  const parts = [
    partner.nameIt,
    partner.nameEn,
    country?.nameIt ?? '',
    country?.nameEn ?? '',
    draft.titleIt ?? '',
    draft.titleEn ?? '',
    ...placeNames,
  ];
  return [...new Set(parts.map(normalizeName).filter(Boolean))].join(' | ');
}

// The API's own schemas, checked again here because forms and the CLI reach these writes without passing an
// HTTP schema: every way in refuses the same input (a length, an enum, a GeoNames id beyond PostgreSQL's
// integer) with the field named, instead of storing it or failing in the database.
const checkInput = asserter<AgreementInput>(AgreementInput);
const checkChanges = asserter<AgreementChanges>(AgreementChanges);
const checkStatus = asserter<StatusEventInput>(StatusEventInput);

export function createAgreementsService(deps: {
  database: Database;
  repo: AgreementsRepository;
  places: PlacesService;
  institutions: InstitutionsService;
  counterparts: CounterpartsService;
}) {
  const { database, repo, places, institutions, counterparts } = deps;

  /** Problems only the institution's records can reveal: a unit it does not have, an unknown country. */
  function contextProblems(draft: AgreementDraft, units: Set<string>): FieldProblem[] {
    const problems: FieldProblem[] = [];
    if (draft.unit && !units.has(draft.unit)) {
      const known = units.size ? ` (its units: ${[...units].join(', ')})` : '';
      problems.push({ field: 'unit', message: `No unit "${draft.unit}" in this institution${known}` });
    }
    const p = draft.partner;
    if (p.type === 'organisation' && p.country && !resolveCountry(p.country)) {
      problems.push({
        field: 'partner.country',
        message: `Unknown country "${p.country}": give an ISO code (DE) or a name`,
      });
    }
    return problems;
  }

  /** Validates inputs for an institution and resolves their partners, many at once; nothing is written. */
  async function prepare(institutionId: string, inputs: AgreementInput[]): Promise<Preparation[]> {
    return prepareFor(new Set((await institutions.unitsOf(institutionId)).map((u) => u.slug)), inputs);
  }

  /** The same, given the slugs of the institution's units (for one that is being created). */
  async function prepareFor(units: Set<string>, inputs: AgreementInput[]): Promise<Preparation[]> {
    const drafts = inputs.map((input) => {
      const { draft, problems } = draftAgreement(input);
      return { draft, problems: [...problems, ...contextProblems(draft, units)] };
    });
    const out: Preparation[] = new Array(inputs.length);
    const byName: { i: number; name: string; country?: string | undefined }[] = [];
    for (let i = 0; i < inputs.length; i++) {
      const { draft, problems } = drafts[i]!;
      const partner = draft.partner;
      if (partner.type === 'organisation') {
        out[i] = problems.length
          ? { ok: false, problems }
          : { ok: true, prepared: { draft, counterpart: { ...partner, type: 'organisation' } } };
      } else if (partner.geonamesId) {
        try {
          const place = await places.get(partner.geonamesId);
          out[i] = problems.length
            ? { ok: false, problems }
            : {
                ok: true,
                prepared: {
                  draft,
                  counterpart: {
                    type: 'city',
                    place: { ...place, matchedName: place.name, match: 'exact', confidence: 1 },
                  },
                },
              };
        } catch (err) {
          // Only "no such place": anything else (a failed query) has aborted the transaction and must surface.
          if (!isAppError(err) || err.code !== 'not_found') throw err;
          out[i] = {
            ok: false,
            problems: [
              ...problems,
              { field: 'partner.geonamesId', message: `No place with id ${partner.geonamesId}` },
            ],
          };
        }
      } else {
        byName.push({ i, name: partner.name, country: partner.country });
      }
    }
    const results = await places.lookupMany(byName.map(({ name, country }) => ({ name, country })));
    byName.forEach(({ i, name }, k) => {
      const { draft, problems } = drafts[i]!;
      const result = results[k]!;
      if (result instanceof AppError) {
        out[i] = {
          ok: false,
          problems: [...problems, { field: `partner.${result.field ?? 'name'}`, message: result.message }],
        };
        return;
      }
      if (result.status !== 'matched') {
        const described = describeLookup('partner.name', name, result) as Extract<Preparation, { ok: false }>;
        out[i] = { ...described, problems: [...problems, ...described.problems] };
        return;
      }
      out[i] = problems.length
        ? { ok: false, problems }
        : { ok: true, prepared: { draft, counterpart: { type: 'city', place: result.match! } } };
    });
    return out;
  }

  /**
   * Writes prepared agreements (call it inside Database.transaction), each with its audit entry in the actor's name;
   * returns their ids in input order.
   */
  async function insertPrepared(
    institutionId: string,
    items: PreparedAgreement[],
    actor: AuditActor,
  ): Promise<string[]> {
    const rows = await counterparts.ensureMany(
      institutionId,
      items.map((it) => it.counterpart),
    );
    const taken = await repo.takenSlugs(institutionId);
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
      let slug = draft.slug;
      if (!slug) {
        const base = slugify(cp.nameIt);
        const kinded = draft.kind === 'twinning' ? base : `${base}-${draft.kind.replace(/_/g, '-')}`;
        slug = kinded;
        for (let n = 2; taken.has(slug); n++) slug = `${kinded}-${n}`;
        taken.add(slug);
      }
      if (draft.unit && !unitIds.has(draft.unit)) {
        unitIds.set(draft.unit, await institutions.unitIdOf(institutionId, draft.unit));
      }
      const country = cp.countryCode ? countryByCode(cp.countryCode) : undefined;
      const { status, since } = currentStatus(draft.events);
      slugs.push(slug);
      values.push({
        institutionId,
        counterpartId: cp.id,
        unitId: draft.unit ? unitIds.get(draft.unit)! : null,
        slug,
        ...draftColumns(draft),
        published: draft.published,
        status,
        statusSince: since.date,
        statusSincePrecision: since.precision,
        countryCode: cp.countryCode,
        continent: country?.continent ?? null,
        searchText: searchTextOf(
          cp,
          country,
          draft,
          cp.placeId !== null ? (names.get(cp.placeId) ?? []) : [],
        ),
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
      draft.events.map((e) => ({
        agreementId: ids[i]!,
        institutionId,
        status: e.status,
        outcome: e.outcome,
        occurredOn: e.date.date,
        precision: e.date.precision,
        reasonIt: e.reasonIt,
        reasonEn: e.reasonEn,
        act: e.act,
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

  function failure(prep: Extract<Preparation, { ok: false }>): AppError {
    const first = prep.problems[0]!;
    return new AppError(prep.candidates ? 'ambiguous_place' : 'invalid_input', first.message, {
      field: first.field,
      details: { problems: prep.problems, ...(prep.candidates ? { candidates: prep.candidates } : {}) },
    });
  }

  async function get(id: string, opts: { includeUnpublished?: boolean } = {}): Promise<Agreement> {
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
      throw AppError.notFound('Agreement', id);
    }
    const row = await repo.detail(id);
    if (!row || (!row.published && !opts.includeUnpublished)) throw AppError.notFound('Agreement', id);
    return detailView(row, await repo.events([id]));
  }

  /** Fails unless the agreement is at the expected version; runs inside the write's transaction. */
  async function requireVersion(id: string, version: number): Promise<{ institutionId: string }> {
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
    id: string,
    version: number,
    write: (institutionId: string) => Promise<boolean>,
  ): Promise<void> {
    try {
      await database.transaction(async () => {
        const { institutionId } = await requireVersion(id, version);
        if (!(await write(institutionId))) await requireVersion(id, version);
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

  return {
    prepare,
    prepareFor,
    insertPrepared,
    takenSlugs: (institutionId: string) => repo.takenSlugs(institutionId),

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
      if (!prep!.ok) throw failure(prep as Extract<Preparation, { ok: false }>);
      const cp = prep!.prepared.counterpart;
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
      const [id] = await database.transaction(() => insertPrepared(institutionId, [prep!.prepared], actor));
      return get(id!, { includeUnpublished: true });
    },

    async list(
      query: AgreementListQuery,
      opts: { includeUnpublished?: boolean } = {},
    ): Promise<AgreementPage> {
      const institutionId = query.institution ? await institutions.idOf(query.institution) : undefined;
      if (query.signedFrom && query.signedTo && query.signedFrom > query.signedTo) {
        throw AppError.invalid('signedTo', 'signedTo must not come before signedFrom');
      }
      const sort = query.sort ?? 'signed';
      const descending = sort.startsWith('-');
      const key = SORT_COLUMNS[sort.replace('-', '') as keyof typeof SORT_COLUMNS];
      const column = key === 'sort_name' ? (query.lang === 'en' ? 'sort_name_en' : 'sort_name_it') : key;
      const limit = query.limit ?? 50;
      const text = query.q ? normalizeName(query.q) : undefined;
      const rows = await repo.list(
        {
          institutionId,
          publishedOnly: !opts.includeUnpublished,
          kind: query.kind,
          status: query.status,
          continent: query.continent,
          country: query.country?.toUpperCase(),
          sector: query.sector,
          fromDate: query.signedFrom ? `${query.signedFrom}-01-01` : undefined,
          toDate: query.signedTo ? `${query.signedTo}-12-31` : undefined,
          text: text || undefined,
        },
        {
          column,
          descending,
          after: query.cursor ? decodeCursor(query.cursor) : undefined,
          limit: limit + 1,
        },
      );
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const value = (r: SummaryRow) =>
        column === 'updated_at'
          ? iso(r.updated_at)
          : String(r[column as 'sort_date' | 'sort_name_it' | 'sort_name_en']);
      return {
        items: page.map(summaryView),
        nextCursor: rows.length > limit && last ? encodeCursor(value(last), last.id) : null,
      };
    },

    get,

    /** Every agreement of an institution with its history, for export. */
    async listDetailed(
      institution: string,
      opts: { includeUnpublished?: boolean } = {},
    ): Promise<Agreement[]> {
      const institutionId = await institutions.idOf(institution);
      const rows = await repo.details(institutionId, !opts.includeUnpublished);
      const events = await repo.events(rows.map((r) => r.id));
      const byAgreement = new Map<string, EventRow[]>();
      for (const e of events) byAgreement.set(e.agreementId, [...(byAgreement.get(e.agreementId) ?? []), e]);
      return rows.map((r) => detailView(r, byAgreement.get(r.id) ?? []));
    },

    /** Records a status event (or a rejected motion) and recomputes the status, at the expected version. */
    async recordStatus(id: string, input: StatusEventInput, version: number): Promise<Agreement> {
      checkStatus(input);
      const date = parsePartialDate(input.date);
      if (isDateError(date)) throw AppError.invalid('date', date.error);
      const outcome = input.outcome ?? 'approved';
      if (
        outcome === 'rejected' &&
        !input.act?.trim() &&
        !input.reasonIt?.trim() &&
        !input.reasonEn?.trim()
      ) {
        throw AppError.invalid('act', 'Say which motion or act was rejected');
      }
      await atVersion(id, version, async (institutionId) => {
        await repo.insertEvents([
          {
            agreementId: id,
            institutionId,
            status: input.status,
            outcome,
            occurredOn: (date as PartialDate).date,
            precision: (date as PartialDate).precision,
            reasonIt: input.reasonIt?.trim() || null,
            reasonEn: input.reasonEn?.trim() || null,
            act: input.act?.trim() || null,
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
      await atVersion(id, version, async (institutionId) => {
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
      await atVersion(id, version, () => repo.updateVersioned(id, version, { published }));
      return get(id, { includeUnpublished: true });
    },

    async remove(id: string, version: number): Promise<void> {
      await atVersion(id, version, () => repo.deleteVersioned(id, version));
    },
  };
}

export type AgreementsService = ReturnType<typeof createAgreementsService>;
