import { stringify } from 'csv-stringify/sync';
import { guardCell } from '../../platform/csv.ts';
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { amount, fieldChecks, text, UUID } from '../../platform/field-rules.ts';
import { type Actor, canWrite, requireWriter } from '../accounts/accounts.access.ts';
import { HISTORY_LIMIT, recordHistory, staffWork } from '../audit/audit.service.ts';
import type { InstitutionsService } from '../institutions/institutions.service.ts';
import type { IndicatorRow, LinkKind, ObjectiveRow, PlanRepository } from './plan.repository.ts';
import {
  AMOUNTS,
  checkedObjective,
  horizon,
  type Level,
  type ObjectiveFields,
  type ObjectiveValues,
  type YearAmounts,
  year,
  yearsOf,
} from './plan.rules.ts';
import { LINK_KINDS, type Objective } from './plan.schemas.ts';

export { coded, MISSIONS, type ObjectiveFields, PROGRAMMES } from './plan.rules.ts';

/** A record an objective can be linked to, named in both languages, with its day where it has one. */
export interface LinkTarget {
  kind: LinkKind;
  id: string;
  labelIt: string;
  labelEn: string;
  day: string | null;
  /** Its last day when it runs for more than one (a project, an event); null when it has one day or none. */
  until: string | null;
}
export type ObjectiveLink = LinkTarget & { linkId: string };
/** The institution's records of every kind that can be linked; `ids` narrows them to some. */
export type Targets = (institutionId: string, ids?: string[]) => Promise<LinkTarget[]>;

export interface YearReport {
  objective: ObjectiveRecord;
  year: number;
  amounts: YearAmounts;
  indicators: (Objective['indicators'][number] & {
    value: { target: string | null; actual: string | null };
  })[];
  /** The linked activities of the year (dated in it, or running through it), by kind. */
  done: { kind: LinkKind; items: ObjectiveLink[] }[];
  /** The other linked records: of other years, or without a day (networks). */
  other: ObjectiveLink[];
}

/** An objective as a choice or a name: a strategic one an operational one serves. */
export type ObjectiveChoice = Pick<
  Objective,
  'id' | 'code' | 'titleIt' | 'titleEn' | 'mandateFrom' | 'mandateTo'
>;

export interface ObjectiveRecord extends Objective {
  version: number;
  updatedAt: string;
  links: ObjectiveLink[];
  children: { id: string; code: string | null; titleIt: string }[];
}

/** A year's amounts as typed (1.500,50 or 1500.50); empty is "not recorded". */
export type YearFields = { year: number } & Partial<Record<(typeof AMOUNTS)[number], string | null>>;
export interface IndicatorFields {
  nameIt: string;
  nameEn: string;
  unit: string;
  values: { year: number; target?: string | null; actual?: string | null }[];
}

/** A refused stale write, with the stored record so that the person can compare both versions. */
const stale = (current: ObjectiveRecord, version: number) =>
  new AppError(
    'version_conflict',
    `The objective was changed by someone else (now at version ${current.version}, you started from ${version})`,
    { field: 'version', details: { currentVersion: current.version, current } },
  );

const indicatorView = (i: IndicatorRow, first: number, last: number) => ({
  id: i.id,
  nameIt: i.nameIt,
  nameEn: i.nameEn,
  unit: i.unit,
  values: yearsOf(first, last).map(
    (y) => i.values.find((v) => v.year === y) ?? { year: y, target: null, actual: null },
  ),
});

/** Objectives with their years and indicators, read in two queries for any number of them. */
async function assembled(repo: PlanRepository, rows: ObjectiveRow[]): Promise<Objective[]> {
  const ids = rows.map((r) => r.id);
  const [years, indicators] = await Promise.all([repo.years(ids), repo.indicators(ids)]);
  return rows.map((r) => ({
    id: r.id,
    level: r.level,
    parentId: r.parentId,
    code: r.code,
    mandateFrom: r.mandateFrom,
    mandateTo: r.mandateTo,
    titleIt: r.titleIt,
    titleEn: r.titleEn,
    addressIt: r.addressIt,
    addressEn: r.addressEn,
    mission: r.mission,
    programme: r.programme,
    responsible: r.responsible,
    descriptionIt: r.descriptionIt,
    descriptionEn: r.descriptionEn,
    firstYear: r.firstYear,
    lastYear: r.lastYear,
    currency: r.currency,
    years: horizon(
      r.firstYear,
      r.lastYear,
      years.filter((y) => y.objectiveId === r.id).map(({ objectiveId: _o, institutionId: _i, ...y }) => y),
    ),
    indicators: indicators
      .filter((i) => i.objectiveId === r.id)
      .map((i) => indicatorView(i, r.firstYear, r.lastYear)),
    sources: r.sources,
    published: r.published,
  }));
}

export function createPlanService(deps: {
  repo: PlanRepository;
  targets: Targets;
  institutions: Pick<InstitutionsService, 'idOf'>;
}) {
  const { repo, targets, institutions } = deps;

  const assemble = (rows: ObjectiveRow[]) => assembled(repo, rows);

  async function row(institutionId: string, id: string): Promise<ObjectiveRow> {
    const found = UUID.test(id) ? await repo.objective(institutionId, id) : undefined;
    if (!found) throw AppError.notFound('Objective', id);
    return found;
  }

  async function objective(institutionId: string, id: string): Promise<ObjectiveRecord> {
    const r = await row(institutionId, id);
    const [[base], stored, children] = await Promise.all([
      assemble([r]),
      repo.links(institutionId, id),
      repo.children(institutionId, id),
    ]);
    const named = new Map(
      (
        await targets(
          institutionId,
          stored.map((l) => l.recordId),
        )
      ).map((t) => [t.id, t]),
    );
    const links = stored.flatMap((l) => {
      const t = named.get(l.recordId);
      return t ? [{ ...t, linkId: l.linkId }] : [];
    });
    return {
      ...base!,
      version: r.version,
      updatedAt: new Date(r.updatedAt).toISOString(),
      links,
      children,
    };
  }

  /** The parent of an operational objective: a strategic objective of the institution; none for a strategic one. */
  async function parentOf(institutionId: string, level: Level, parentId: string, selfId?: string) {
    const id = parentId.trim();
    if (level === 'strategic') {
      if (id) throw AppError.invalid('parentId', 'A strategic objective serves no other objective');
      return null;
    }
    if (!id)
      throw AppError.invalid('parentId', 'Choose the strategic objective it serves', { reason: 'required' });
    const parent = UUID.test(id) && id !== selfId ? await repo.objective(institutionId, id) : undefined;
    if (parent?.level !== 'strategic')
      throw AppError.invalid('parentId', 'Choose one of your strategic objectives', { reason: 'unknown' });
    return parent.id;
  }

  async function uniqueCode(institutionId: string, values: ObjectiveValues, exceptId?: string) {
    if (values.code && (await repo.withCode(institutionId, values.mandateFrom, values.code, exceptId))) {
      throw new AppError('conflict', `The mandate already has an objective ${values.code}`, {
        field: 'code',
        details: { reason: 'taken_in_term' },
      });
    }
  }

  /** Moves the objective to its next version if it is still at `version`; refuses a stale one. */
  async function bump(institutionId: string, id: string, version: number) {
    if (!(await repo.update(institutionId, id, version, {}))) {
      throw stale(await objective(institutionId, id), version);
    }
  }

  return {
    row,
    objective,

    /** The institution's objectives with their money and indicators; only the published ones for the portal. */
    async objectives(institutionId: string, publishedOnly = false): Promise<Objective[]> {
      const all = await assemble(await repo.objectives({ institutionId, publishedOnly }));
      return publishedOnly ? publicParents(all) : all;
    },

    /** The strategic objectives by name alone (for a parent's choice and name): no money, no indicators. */
    strategic: (institutionId: string): Promise<ObjectiveChoice[]> => repo.strategic(institutionId),

    /** An institution's published objectives, by its slug: the portal's and the open data's. */
    async published(slug: string): Promise<Objective[]> {
      return publicParents(
        await assemble(
          await repo.objectives({ institutionId: await institutions.idOf(slug), publishedOnly: true }),
        ),
      );
    },

    async create(institutionId: string, fields: ObjectiveFields): Promise<ObjectiveRecord> {
      const values = checkedObjective(fields);
      values.parentId = await parentOf(institutionId, values.level as Level, fields.parentId);
      await uniqueCode(institutionId, values);
      const made = await repo.insert(institutionId, values);
      return objective(institutionId, made.id);
    },

    async update(institutionId: string, id: string, version: number, fields: ObjectiveFields) {
      const before = await objective(institutionId, id);
      const values = checkedObjective(fields);
      values.parentId = await parentOf(institutionId, values.level as Level, fields.parentId, id);
      if (values.level === 'operational' && before.children.length > 0) {
        throw AppError.invalid('level', 'Operational objectives serve this one: it stays strategic', {
          reason: 'in_use',
        });
      }
      await uniqueCode(institutionId, values, id);
      if (!(await repo.update(institutionId, id, version, values))) throw stale(before, version);
      await repo.dropYearsOutside(id, values.firstYear, values.lastYear);
      return objective(institutionId, id);
    },

    /** Deletes an objective no operational objective serves, with its years, indicators and links. */
    async remove(institutionId: string, id: string, version: number): Promise<ObjectiveRecord> {
      const before = await objective(institutionId, id);
      if (before.version !== version) throw stale(before, version);
      if (before.children.length > 0) {
        throw new AppError('conflict', `${before.children.length} operational objective(s) serve it`, {
          details: { reason: 'in_use', children: before.children.length },
        });
      }
      if (!(await repo.remove(institutionId, id, version)))
        throw stale(await objective(institutionId, id), version);
      return before;
    },

    ...planParts({ repo, targets, row, objective, bump }),
  };
}

/**
 * An objective's parts: its money per year and its indicators (each write at the objective's version), its
 * year report, and the records linked to it.
 */
function planParts(deps: {
  repo: PlanRepository;
  targets: Targets;
  row: (institutionId: string, id: string) => Promise<ObjectiveRow>;
  objective: (institutionId: string, id: string) => Promise<ObjectiveRecord>;
  bump: (institutionId: string, id: string, version: number) => Promise<void>;
}) {
  const { repo, targets, row, objective, bump } = deps;
  return {
    /** Writes the money of some years of the horizon at the objective's version. */
    async setYears(institutionId: string, id: string, version: number, years: YearFields[]) {
      const r = await row(institutionId, id);
      const c = fieldChecks();
      const seen = new Set<number>();
      const checked: YearAmounts[] = years.map((y) => {
        if (!Number.isInteger(y.year) || y.year < r.firstYear || y.year > r.lastYear) {
          c.refuse(AppError.invalid('years', `${y.year} is outside ${r.firstYear}–${r.lastYear}`));
        }
        if (seen.has(y.year))
          c.refuse(AppError.invalid('years', `${y.year} is given twice`, { reason: 'duplicate' }));
        seen.add(y.year);
        const amounts = AMOUNTS.map((k) => [k, c.take(() => amount(`${k}_${y.year}`, y[k] ?? ''))]);
        return { year: y.year, ...Object.fromEntries(amounts) } as YearAmounts;
      });
      c.done();
      await bump(institutionId, id, version);
      await repo.putYears(institutionId, id, checked);
      return objective(institutionId, id);
    },

    /** Adds an indicator (`indicatorId` undefined) or changes one, at the objective's version. */
    async putIndicator(
      institutionId: string,
      id: string,
      version: number,
      indicatorId: string | undefined,
      f: IndicatorFields,
    ) {
      const r = await row(institutionId, id);
      const c = fieldChecks();
      const names = {
        nameIt: c.take(() => text('nameIt', f.nameIt, 300, true)!),
        nameEn: c.take(() => text('nameEn', f.nameEn, 300)),
        unit: c.take(() => text('unit', f.unit, 40)),
      };
      const values = yearsOf(r.firstYear, r.lastYear).map((y) => {
        const given = f.values.find((v) => v.year === y);
        return {
          year: y,
          target: c.take(() => amount(`target_${y}`, given?.target ?? '')),
          actual: c.take(() => amount(`actual_${y}`, given?.actual ?? '')),
        };
      });
      c.done();
      await bump(institutionId, id, version);
      if (indicatorId === undefined) {
        const position = (await repo.indicators([id])).length;
        await repo.insertIndicator({ ...names, values, objectiveId: id, institutionId, position });
      } else if (
        !UUID.test(indicatorId) ||
        !(await repo.updateIndicator(institutionId, id, indicatorId, { ...names, values }))
      ) {
        throw AppError.notFound('Indicator', indicatorId);
      }
      return objective(institutionId, id);
    },

    async removeIndicator(institutionId: string, id: string, version: number, indicatorId: string) {
      await row(institutionId, id);
      await bump(institutionId, id, version);
      if (!UUID.test(indicatorId) || !(await repo.deleteIndicator(institutionId, id, indicatorId))) {
        throw AppError.notFound('Indicator', indicatorId);
      }
      return objective(institutionId, id);
    },

    /**
     * The objective's report for a year of its horizon: its money that year, each indicator's target and actual
     * value, and the linked activities of that year by kind (the others, and networks, listed apart).
     */
    async report(institutionId: string, id: string, yearText: string): Promise<YearReport> {
      const o = await objective(institutionId, id);
      const y = year('year', yearText);
      if (y < o.firstYear || y > o.lastYear)
        throw AppError.invalid('year', `${y} is outside ${o.firstYear}–${o.lastYear}`, { reason: 'outside' });
      // A project running 2023–2025 was work of 2024 too: an activity counts in each year it overlaps.
      const inYear = o.links.filter(
        (l) =>
          l.day !== null && Number(l.day.slice(0, 4)) <= y && Number((l.until ?? l.day).slice(0, 4)) >= y,
      );
      return {
        objective: o,
        year: y,
        amounts: o.years.find((a) => a.year === y)!,
        indicators: o.indicators.map((i) => ({ ...i, value: i.values.find((v) => v.year === y)! })),
        done: LINK_KINDS.map((kind) => ({ kind, items: inYear.filter((l) => l.kind === kind) })).filter(
          (g) => g.items.length > 0,
        ),
        other: o.links.filter((l) => !inYear.includes(l)),
      };
    },

    /** Everything of the institution an objective can be linked to. */
    choices: (institutionId: string) => targets(institutionId),

    async link(institutionId: string, id: string, kindText: string, recordIdText: string) {
      await row(institutionId, id);
      const kind = LINK_KINDS.find((k) => k === kindText.trim());
      if (!kind) throw AppError.invalid('kind', `Choose one of ${LINK_KINDS.join(', ')}`);
      const recordId = recordIdText.trim();
      const [target] = UUID.test(recordId) ? await targets(institutionId, [recordId]) : [];
      if (!target || target.kind !== kind)
        throw AppError.invalid('recordId', `Choose one of your institution’s ${kind}s`, {
          reason: 'unknown',
        });
      const made = await repo.insertLink(institutionId, id, kind, recordId);
      if (!made)
        throw new AppError('conflict', 'The record is already linked to this objective', {
          field: 'recordId',
          details: { reason: 'linked' },
        });
      return { ...target, linkId: made.id };
    },

    /** Removes a link; what it linked, named, for the log (undefined when the record is gone meanwhile). */
    async unlink(institutionId: string, id: string, linkId: string): Promise<ObjectiveLink | undefined> {
      await row(institutionId, id);
      const stored = UUID.test(linkId)
        ? (await repo.links(institutionId, id)).find((l) => l.linkId === linkId)
        : undefined;
      if (!stored || !(await repo.deleteLink(institutionId, id, linkId)))
        throw AppError.notFound('Link', linkId);
      const [target] = await targets(institutionId, [stored.recordId]);
      return target ? { ...target, linkId } : undefined;
    },
  };
}

export type PlanService = ReturnType<typeof createPlanService>;

/** A link as the log keeps it, as a person's links are kept: the record's kind, id, name and day. */
const linkView = (l: ObjectiveLink) => ({
  kind: l.kind,
  recordId: l.id,
  label: l.labelIt,
  labelEn: l.labelEn,
  day: l.day,
});

/** Published objectives as the public sees them: a parent that is not published itself is not named. */
function publicParents(list: Objective[]): Objective[] {
  const shown = new Set(list.map((o) => o.id));
  return list.map((o) => (o.parentId && !shown.has(o.parentId) ? { ...o, parentId: null } : o));
}

const CSV_COLUMNS = [
  'level',
  'code',
  'title_it',
  'title_en',
  'mandate_from',
  'mandate_to',
  'mission',
  'programme',
  'responsible',
  'year',
  'currency',
  ...AMOUNTS.map((k) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)),
] as const;

/** The published objectives' money as open data: a row per objective and year, an empty cell "not recorded". */
export function objectivesCsv(objectives: readonly Objective[]): string {
  const rows = objectives.flatMap((o) =>
    o.years.map((y) => [
      o.level,
      o.code ?? '',
      o.titleIt,
      o.titleEn ?? '',
      String(o.mandateFrom),
      String(o.mandateTo),
      o.mission,
      o.programme ?? '',
      o.responsible ?? '',
      String(y.year),
      o.currency,
      ...AMOUNTS.map((k) => y[k] ?? ''),
    ]),
  );
  const body = rows.map((r) => r.map((cell) => guardCell(cell)));
  return `\uFEFF${stringify([[...CSV_COLUMNS], ...body], { record_delimiter: '\r\n' })}`;
}

/** The back-office's and the API's use cases of the plan, as the actor's institution, each write audited. */
export function createPlanAdmin(deps: { database: Database; plan: PlanService }) {
  const { database, plan } = deps;
  const { asStaff, created, updated, removed, audit } = staffWork(database);
  const read = (id: string) => (institutionId: string) => plan.objective(institutionId, id);
  const change = <T>(actor: Actor, id: string, write: (institutionId: string) => Promise<T>) => {
    requireWriter(actor);
    return updated(actor, 'objective', id, read(id), write);
  };

  return {
    canWrite,
    checkWriter: (actor: Actor): void => requireWriter(actor),
    objectives: (actor: Actor) => asStaff(actor, (institutionId) => plan.objectives(institutionId)),
    strategic: (actor: Actor) => asStaff(actor, (institutionId) => plan.strategic(institutionId)),
    objective: (actor: Actor, id: string) =>
      asStaff(actor, async (institutionId) => ({
        objective: await plan.objective(institutionId, id),
        history: await recordHistory(database, 'objective', id, HISTORY_LIMIT),
      })),
    /** The objective to edit (writers only). */
    form(actor: Actor, id: string) {
      requireWriter(actor);
      return asStaff(actor, (institutionId) => plan.objective(institutionId, id));
    },
    choices: (actor: Actor) => asStaff(actor, (institutionId) => plan.choices(institutionId)),
    report: (actor: Actor, id: string, year: string) =>
      asStaff(actor, (institutionId) => plan.report(institutionId, id, year)),

    create(actor: Actor, fields: ObjectiveFields) {
      requireWriter(actor);
      return created(actor, 'objective', (institutionId) => plan.create(institutionId, fields));
    },
    update: (actor: Actor, id: string, version: number, fields: ObjectiveFields) =>
      change(actor, id, (institutionId) => plan.update(institutionId, id, version, fields)),
    remove(actor: Actor, id: string, version: number) {
      requireWriter(actor);
      return removed(actor, 'objective', id, (institutionId) => plan.remove(institutionId, id, version));
    },
    setYears: (actor: Actor, id: string, version: number, years: YearFields[]) =>
      change(actor, id, (institutionId) => plan.setYears(institutionId, id, version, years)),
    putIndicator: (
      actor: Actor,
      id: string,
      version: number,
      indicatorId: string | undefined,
      f: IndicatorFields,
    ) => change(actor, id, (institutionId) => plan.putIndicator(institutionId, id, version, indicatorId, f)),
    removeIndicator: (actor: Actor, id: string, version: number, indicatorId: string) =>
      change(actor, id, (institutionId) => plan.removeIndicator(institutionId, id, version, indicatorId)),

    link(actor: Actor, id: string, kind: string, recordId: string) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => {
        const link = await plan.link(institutionId, id, kind, recordId);
        await audit(actor, {
          action: 'add_objective_link',
          entity: 'objective',
          entityId: id,
          before: undefined,
          after: linkView(link),
        });
        return link;
      });
    },
    unlink(actor: Actor, id: string, linkId: string) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => {
        const link = await plan.unlink(institutionId, id, linkId);
        await audit(actor, {
          action: 'remove_objective_link',
          entity: 'objective',
          entityId: id,
          before: link ? linkView(link) : { linkId },
          after: undefined,
        });
      });
    },
  };
}

export type PlanAdmin = ReturnType<typeof createPlanAdmin>;
