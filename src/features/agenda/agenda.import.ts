// Importing past visits and missions from a spreadsheet, with the rules of the agreements' import: every row
// checked by the same services as a form, all or nothing (one transaction, rolled back at the first problem
// found once all rows are read), problems named by line and column, a dry run that writes nothing, and the
// progress row by row. CSV as offices save it: comma or semicolon, UTF-8 or Windows-1252. A mission's rows
// that share its title and first day are one mission with several travellers.

import { randomUUID } from 'node:crypto';
import { csvRecords, decodeText } from '../../platform/csv.ts';
import type { Database } from '../../platform/db/client.ts';
import { AppError, isAppError } from '../../platform/errors.ts';
import type { Actor } from '../accounts/accounts.access.ts';
import { type AuditRecord, appendAudit } from '../audit/audit.service.ts';
import type { CounterpartsService } from '../counterparts/counterparts.service.ts';
import { BLANK_MISSION, BLANK_TRAVELLER, type MissionsService } from '../missions/missions.service.ts';
import { normalizeName } from '../places/places.service.ts';
import { BLANK_VISIT, type VisitsService } from '../visits/visits.service.ts';

export const VISIT_COLUMNS = [
  'title_it',
  'title_en',
  'status',
  'starts_on',
  'starts_at',
  'ends_on',
  'ends_at',
  'partner',
  'head_name',
  'head_title',
  'delegation_size',
  'purpose_it',
  'purpose_en',
  'languages',
  'outcome_it',
  'outcome_en',
  'published',
] as const;

export const MISSION_COLUMNS = [
  'title_it',
  'title_en',
  'status',
  'starts_on',
  'ends_on',
  'destinations',
  'purpose_it',
  'purpose_en',
  'outcome_it',
  'outcome_en',
  'published',
  'traveller',
  'traveller_role',
  'traveller_office',
  'travel_cost',
  'lodging_cost',
  'other_cost',
  'currency',
  'public_money',
] as const;

/** The column a service's field is read from, to name it in a problem. */
const COLUMN_OF: Record<string, string> = {
  titleIt: 'title_it',
  titleEn: 'title_en',
  startsOn: 'starts_on',
  startsAt: 'starts_at',
  endsOn: 'ends_on',
  endsAt: 'ends_at',
  counterpartId: 'partner',
  headName: 'head_name',
  headTitle: 'head_title',
  delegationSize: 'delegation_size',
  purposeIt: 'purpose_it',
  purposeEn: 'purpose_en',
  outcomeIt: 'outcome_it',
  outcomeEn: 'outcome_en',
  name: 'traveller',
  role: 'traveller_role',
  office: 'traveller_office',
  travelCost: 'travel_cost',
  lodgingCost: 'lodging_cost',
  otherCost: 'other_cost',
  publicMoney: 'public_money',
};

export interface ImportProblem {
  line?: number;
  column: string;
  message: string;
}

export interface AgendaImportReport {
  kind: 'visits' | 'missions';
  rows: number;
  created: number;
  problems: ImportProblem[];
  warnings: string[];
  dryRun: boolean;
  written: boolean;
}

/** Rolls the import's transaction back once every row has been tried. */
class Rollback extends Error {}

const header = (h: string) => normalizeName(h).replace(/ /g, '_');

export function createAgendaImport(deps: {
  database: Database;
  visits: VisitsService;
  missions: MissionsService;
  counterparts: CounterpartsService;
}) {
  const { database, counterparts } = deps;

  /** The institution's partners by their names in either language, normalised. */
  async function partnerIndex(institutionId: string) {
    const index = new Map<string, string>();
    for (const c of await counterparts.list(institutionId)) {
      index.set(normalizeName(c.nameIt), c.id);
      index.set(normalizeName(c.nameEn), c.id);
    }
    return index;
  }

  const problemOf = (line: number, err: unknown): ImportProblem => {
    if (!isAppError(err)) throw err;
    const field = err.field?.split('.')[0] ?? '';
    return { line, column: COLUMN_OF[field] ?? field, message: err.message };
  };

  return async function importAgenda(opts: {
    actor: Actor;
    kind: 'visits' | 'missions';
    bytes: Uint8Array;
    dryRun: boolean;
    onProgress?: (done: number, total: number) => void;
  }): Promise<AgendaImportReport> {
    const { text, warning } = decodeText(opts.bytes);
    const columns = opts.kind === 'visits' ? VISIT_COLUMNS : MISSION_COLUMNS;
    const parsed = csvRecords(text, header);
    const report: AgendaImportReport = {
      kind: opts.kind,
      rows: parsed.records.length,
      created: 0,
      problems: [],
      warnings: warning ? [warning] : [],
      dryRun: opts.dryRun,
      written: false,
    };
    if (parsed.error) {
      report.problems.push({
        ...(parsed.error.line ? { line: parsed.error.line } : {}),
        column: 'file',
        message: parsed.error.message,
      });
      return report;
    }
    const found = parsed.records[0] ? Object.keys(parsed.records[0].cells) : [];
    for (const h of found.filter((h) => h && !(columns as readonly string[]).includes(h))) {
      report.problems.push({
        column: h,
        message: `unknown column "${h}"; the columns are: ${columns.join(', ')}`,
      });
    }
    for (const required of ['title_it', 'starts_on']) {
      if (parsed.records.length && !found.includes(required))
        report.problems.push({ column: required, message: `the file has no "${required}" column` });
    }
    if (report.problems.length) return report;

    const institutionId = opts.actor.institutionId;
    try {
      await database.scoped({ institutionIds: [institutionId] }, async () => {
        const audit: AuditRecord[] = [];
        const partners = await partnerIndex(institutionId);
        const missionsByKey = new Map<string, string>();
        for (const [i, { line, cells }] of parsed.records.entries()) {
          const c = (name: string) => (cells[name] ?? '').trim();
          try {
            const row = { institutionId, c, audit, partners, missionsByKey };
            report.created +=
              opts.kind === 'visits' ? await visitRow(deps, row) : await missionRow(deps, row);
          } catch (err) {
            report.problems.push(problemOf(line, err));
          }
          opts.onProgress?.(i + 1, parsed.records.length);
        }
        if (report.problems.length || opts.dryRun) throw new Rollback();
        await appendAudit(database.query, opts.actor, [
          {
            institutionId,
            action: 'import',
            entity: opts.kind,
            entityId: randomUUID(),
            after: { rows: report.rows, created: report.created },
          },
          ...audit,
        ]);
      });
      report.written = true;
    } catch (err) {
      // A failed statement leaves the transaction unusable: the rows after it were not tried.
      if (!(err instanceof Rollback)) throw err;
    }
    return report;
  };
}

export type AgendaImport = ReturnType<typeof createAgendaImport>;

type ImportDeps = Parameters<typeof createAgendaImport>[0];

/** One row being imported: the institution, the row's cells, and what the rows share. */
interface Row {
  institutionId: string;
  c: (name: string) => string;
  audit: AuditRecord[];
  partners: Map<string, string>;
  missionsByKey: Map<string, string>;
}

/** A visit from one row; how many records it made. */
async function visitRow({ visits }: ImportDeps, { institutionId, c, audit, partners }: Row): Promise<number> {
  const partner = c('partner');
  const counterpartId = partner ? partners.get(normalizeName(partner)) : '';
  if (partner && !counterpartId) {
    throw AppError.invalid('counterpartId', `"${partner}" is not one of the institution's partners`);
  }
  const made = await visits.create(institutionId, {
    ...BLANK_VISIT,
    titleIt: c('title_it'),
    titleEn: c('title_en'),
    status: c('status') || 'held',
    startsOn: c('starts_on'),
    startsAt: c('starts_at'),
    endsOn: c('ends_on'),
    endsAt: c('ends_at'),
    counterpartId: counterpartId ?? '',
    headName: c('head_name'),
    headTitle: c('head_title'),
    delegationSize: c('delegation_size'),
    purposeIt: c('purpose_it'),
    purposeEn: c('purpose_en'),
    languages: c('languages'),
    outcomeIt: c('outcome_it'),
    outcomeEn: c('outcome_en'),
    published: c('published'),
  });
  audit.push({
    institutionId,
    action: 'create',
    entity: 'visit',
    entityId: made.id,
    after: made,
  });
  return 1;
}

/** A mission from one row, or one more traveller of the mission of an earlier row; how many missions it made. */
async function missionRow(
  { missions }: ImportDeps,
  { institutionId, c, audit, missionsByKey }: Row,
): Promise<number> {
  const key = `${normalizeName(c('title_it'))}|${c('starts_on')}`;
  let missionId = missionsByKey.get(key);
  let made = 0;
  if (!missionId) {
    const mission = await missions.create(institutionId, {
      ...BLANK_MISSION,
      titleIt: c('title_it'),
      titleEn: c('title_en'),
      status: c('status') || 'held',
      startsOn: c('starts_on'),
      endsOn: c('ends_on'),
      destinations: c('destinations')
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => {
          const at = d.lastIndexOf(',');
          return at === -1 ? { name: d } : { name: d.slice(0, at).trim(), country: d.slice(at + 1).trim() };
        }),
      purposeIt: c('purpose_it'),
      purposeEn: c('purpose_en'),
      outcomeIt: c('outcome_it'),
      outcomeEn: c('outcome_en'),
      published: c('published'),
    });
    missionId = mission.id;
    missionsByKey.set(key, missionId);
    made = 1;
    audit.push({
      institutionId,
      action: 'create',
      entity: 'mission',
      entityId: mission.id,
      after: mission,
    });
  }
  if (c('traveller')) {
    const t = await missions.addTraveller(institutionId, missionId, {
      ...BLANK_TRAVELLER,
      name: c('traveller'),
      role: c('traveller_role'),
      office: c('traveller_office') || 'staff',
      travelCost: c('travel_cost'),
      lodgingCost: c('lodging_cost'),
      otherCost: c('other_cost'),
      currency: c('currency'),
      publicMoney: c('public_money'),
    });
    audit.push({
      institutionId,
      action: 'add_traveller',
      entity: 'mission',
      entityId: missionId,
      after: t,
    });
  }
  return made;
}
