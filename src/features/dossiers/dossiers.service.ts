// Candidacy dossiers: the rules of a dossier (kind, status with its dates, the call's http(s) page, the lead
// unit of the institution) and its deadlines, by institution id; the deadlines the dashboard reminds (30, 7
// and 1 days before, and overdue); and the back-office's and the API's use cases (createDossiersAdmin): as the
// actor's institution under row-level security, role-checked, versioned and audited.

import { todayIso } from '../../platform/dates.ts';
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { day, fieldChecks, text, UUID } from '../../platform/field-rules.ts';
import { pageOf } from '../../platform/paging.ts';
import { type Actor, canWrite, requireWriter } from '../accounts/accounts.access.ts';
import { HISTORY_LIMIT, recordHistory, staffWork } from '../audit/audit.service.ts';
import type { UnitsService } from '../units/units.service.ts';
import type { DeadlineRow, DossierRow, DossiersRepository } from './dossiers.repository.ts';
import { checkedDossier, type DossierFields, daysUntil, REMINDERS, reminderOf } from './dossiers.rules.ts';
import type { Dossier, DueDeadline } from './dossiers.schemas.ts';

export { DOSSIER_KINDS, DOSSIER_STATUSES, type DossierFields } from './dossiers.rules.ts';

export const BLANK_DOSSIER: DossierFields = {
  titleIt: '',
  titleEn: '',
  kind: 'host_event',
  awardingBody: '',
  callTitle: '',
  callUrl: '',
  unit: '',
  contributors: '',
  status: 'preparing',
  submittedOn: '',
  decidedOn: '',
  outcomeIt: '',
  outcomeEn: '',
  documents: [],
};

export interface DeadlineFields {
  labelIt: string;
  labelEn: string;
  dueOn: string;
  doneOn: string;
}

const dossierOf = (r: DossierRow, deadlines: DeadlineRow[]): Dossier => ({
  id: r.id,
  titleIt: r.titleIt,
  titleEn: r.titleEn,
  kind: r.kind,
  awardingBody: r.awardingBody,
  callTitle: r.callTitle,
  callUrl: r.callUrl,
  unit: r.unit,
  contributors: r.contributors,
  status: r.status,
  submittedOn: r.submittedOn,
  decidedOn: r.decidedOn,
  outcomeIt: r.outcomeIt,
  outcomeEn: r.outcomeEn,
  documents: r.documents,
  deadlines: deadlines
    .filter((d) => d.dossierId === r.id)
    .map((d) => ({ id: d.id, labelIt: d.labelIt, labelEn: d.labelEn, dueOn: d.dueOn, doneOn: d.doneOn })),
  example: r.example,
  version: r.version,
  updatedAt: new Date(r.updatedAt).toISOString(),
});

const stale = (current: Dossier, version: number) =>
  new AppError(
    'version_conflict',
    `The dossier was changed by someone else (now at version ${current.version}, you started from ${version})`,
    { field: 'version', details: { currentVersion: current.version, current } },
  );

function checkedDeadline(f: DeadlineFields) {
  const c = fieldChecks();
  const values = {
    labelIt: c.take(() => text('labelIt', f.labelIt, 200, true)!),
    labelEn: c.take(() => text('labelEn', f.labelEn, 200)),
    dueOn: c.take(() => day('dueOn', f.dueOn, true)!),
    doneOn: c.take(() => day('doneOn', f.doneOn, false)),
  };
  c.done();
  return values;
}

export function createDossiersService(deps: {
  repo: DossiersRepository;
  units: Pick<UnitsService, 'unitIdOf' | 'unitsOf'>;
}) {
  const { repo, units } = deps;

  async function dossier(institutionId: string, id: string): Promise<Dossier> {
    const row = UUID.test(id) ? await repo.byId(institutionId, id) : undefined;
    if (!row) throw AppError.notFound('Dossier', id);
    return dossierOf(row, await repo.deadlines([id]));
  }
  const unitOf = async (institutionId: string, slug: string) =>
    slug.trim() ? units.unitIdOf(institutionId, slug.trim()) : null;
  async function bump(institutionId: string, id: string, version: number) {
    if (!(await repo.update(institutionId, id, version, {})))
      throw stale(await dossier(institutionId, id), version);
  }

  return {
    dossier,
    async page(
      institutionId: string,
      q: { q?: string | undefined; status?: string | undefined; page?: number | undefined },
    ) {
      const filter = { institutionId, q: q.q?.trim() || undefined, status: q.status || undefined };
      const total = await repo.count(filter);
      const at = pageOf(total, q.page);
      const rows = await repo.page(filter, at.pageSize, at.offset);
      const deadlines = await repo.deadlines(rows.map((r) => r.id));
      return {
        items: rows.map((r) => dossierOf(r, deadlines)),
        total,
        page: at.page,
        pages: at.pages,
        pageSize: at.pageSize,
      };
    },
    async create(institutionId: string, f: DossierFields, example = false) {
      const values = checkedDossier(f);
      const made = await repo.insert(institutionId, {
        ...values,
        unitId: await unitOf(institutionId, f.unit),
        example,
      });
      return dossier(institutionId, made.id);
    },
    async update(institutionId: string, id: string, version: number, f: DossierFields) {
      const before = await dossier(institutionId, id);
      const values = checkedDossier(f);
      const unitId = await unitOf(institutionId, f.unit);
      if (!(await repo.update(institutionId, id, version, { ...values, unitId })))
        throw stale(before, version);
      return dossier(institutionId, id);
    },
    async remove(institutionId: string, id: string, version: number) {
      const before = await dossier(institutionId, id);
      if (before.version !== version) throw stale(before, version);
      if (!(await repo.remove(institutionId, id, version)))
        throw stale(await dossier(institutionId, id), version);
      return before;
    },
    /** Adds a deadline (`deadlineId` undefined) or changes one, at the dossier's version. */
    async putDeadline(
      institutionId: string,
      id: string,
      version: number,
      deadlineId: string | undefined,
      f: DeadlineFields,
    ) {
      await dossier(institutionId, id);
      const values = checkedDeadline(f);
      await bump(institutionId, id, version);
      if (deadlineId === undefined) await repo.addDeadline({ ...values, dossierId: id, institutionId });
      else if (!UUID.test(deadlineId) || !(await repo.updateDeadline(institutionId, id, deadlineId, values)))
        throw AppError.notFound('Deadline', deadlineId);
      return dossier(institutionId, id);
    },
    async removeDeadline(institutionId: string, id: string, version: number, deadlineId: string) {
      await dossier(institutionId, id);
      await bump(institutionId, id, version);
      if (!UUID.test(deadlineId) || !(await repo.removeDeadline(institutionId, id, deadlineId)))
        throw AppError.notFound('Deadline', deadlineId);
      return dossier(institutionId, id);
    },
    /** The open dossiers' open deadlines within the first reminder (30 days) or overdue, soonest first. */
    async due(institutionId: string, today = todayIso()): Promise<DueDeadline[]> {
      const until = new Date(Date.parse(`${today}T00:00:00Z`) + REMINDERS[0] * 86_400_000)
        .toISOString()
        .slice(0, 10);
      return (await repo.due(institutionId, until)).map((d) => {
        const days = daysUntil(today, d.dueOn);
        return { ...d, days, reminder: reminderOf(days)! };
      });
    },
    targets: (institutionId: string, ids?: string[]) => repo.targets(institutionId, ids),
    /** The units a dossier can be led by, for the form's choice. */
    /** The institution's units a dossier can be led by, named in both languages. */
    unitChoices: async (institutionId: string) =>
      (await units.unitsOf(institutionId)).map((u) => ({ slug: u.slug, nameIt: u.nameIt, nameEn: u.nameEn })),
  };
}

export type DossiersService = ReturnType<typeof createDossiersService>;

export function createDossiersAdmin(deps: { database: Database; dossiers: DossiersService }) {
  const { database, dossiers } = deps;
  const { asStaff, created, updated, removed } = staffWork(database);
  const change = <T>(actor: Actor, id: string, write: (i: string) => Promise<T>) => {
    requireWriter(actor);
    return updated(actor, 'dossier', id, (i) => dossiers.dossier(i, id), write);
  };
  return {
    canWrite,
    checkWriter: (actor: Actor): void => requireWriter(actor),
    dossiers: (actor: Actor, q: { q?: string; status?: string; page?: number }) =>
      asStaff(actor, (i) => dossiers.page(i, q)),
    dossier: (actor: Actor, id: string) =>
      asStaff(actor, async (i) => {
        const dossier = await dossiers.dossier(i, id);
        // The page names the lead unit; the record (and the API) carries its slug.
        const unit = (await dossiers.unitChoices(i)).find((u) => u.slug === dossier.unit) ?? null;
        return { dossier, unit, history: await recordHistory(database, 'dossier', id, HISTORY_LIMIT) };
      }),
    form(actor: Actor, id: string) {
      requireWriter(actor);
      return asStaff(actor, (i) => dossiers.dossier(i, id));
    },
    due: (actor: Actor) => asStaff(actor, (i) => dossiers.due(i)),
    unitChoices: (actor: Actor) => asStaff(actor, (i) => dossiers.unitChoices(i)),
    create(actor: Actor, f: DossierFields) {
      requireWriter(actor);
      return created(actor, 'dossier', (i) => dossiers.create(i, f));
    },
    update: (actor: Actor, id: string, version: number, f: DossierFields) =>
      change(actor, id, (i) => dossiers.update(i, id, version, f)),
    remove(actor: Actor, id: string, version: number) {
      requireWriter(actor);
      return removed(actor, 'dossier', id, (i) => dossiers.remove(i, id, version));
    },
    putDeadline: (
      actor: Actor,
      id: string,
      version: number,
      deadlineId: string | undefined,
      f: DeadlineFields,
    ) => change(actor, id, (i) => dossiers.putDeadline(i, id, version, deadlineId, f)),
    removeDeadline: (actor: Actor, id: string, version: number, deadlineId: string) =>
      change(actor, id, (i) => dossiers.removeDeadline(i, id, version, deadlineId)),
  };
}

export type DossiersAdmin = ReturnType<typeof createDossiersAdmin>;
