// Importing a file of agreements: every row checked and every partner resolved before anything is written;
// then all rows in one transaction. All or nothing unless the caller asks to keep the good rows.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../platform/db/client.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import { validator } from '../../platform/validation.ts';
import { type Actor, requireWriter } from '../accounts/accounts.access.ts';
import { type AuditActor, appendAudit, staffWork } from '../audit/audit.service.ts';
import type { InstitutionsService } from '../institutions/institutions.service.ts';
import { csvColumnOf, parseAgreementsFile } from './agreements.files.ts';
import { createAgreementsRepository } from './agreements.repository.ts';
import { AgreementInput } from './agreements.schemas.ts';
import type { AgreementsService, PreparedAgreement } from './agreements.service.ts';

export interface RowProblem extends FieldProblem {
  /** File line (CSV) or item number (JSON); 0 for problems of the whole file. */
  line: number;
  candidates?: {
    geonamesId: number;
    name: string;
    nameIt: string;
    country: string;
    population: number;
    confidence: number;
  }[];
}

export interface ImportReport {
  format: 'csv' | 'json';
  rows: number;
  valid: number;
  created: number;
  written: boolean;
  dryRun: boolean;
  problems: RowProblem[];
  warnings: string[];
}

export interface ImportOptions {
  institution: string;
  bytes: Uint8Array;
  format: 'csv' | 'json';
  /** Who imports: the audit log has an entry for the import and one for each agreement it creates. */
  actor: AuditActor;
  dryRun?: boolean;
  /** Write the good rows even when others have problems (default: all or nothing). */
  partial?: boolean;
  /**
   * The place a person picked for a row whose partner city was ambiguous, by the row's line: the row then
   * names the city by its GeoNames id, as a file's geonames_id column would.
   */
  choices?: ReadonlyMap<number, number>;
  /** Awaited, so that a caller can let its output out (a page streamed while the import runs). */
  onProgress?: (phase: 'checking' | 'writing', done: number, total: number) => void | Promise<void>;
}

const CHUNK = 500;
/** Imports of at least this many rows refresh the planner's statistics. */
const ANALYZE_AFTER = 1000;
const validateInput = validator<AgreementInput>(AgreementInput);

export function createAgreementImporter(deps: {
  database: Database;
  agreements: AgreementsService;
  institutions: InstitutionsService;
}) {
  const { database, agreements, institutions } = deps;
  const repo = createAgreementsRepository(database);

  return async function importAgreements(opts: ImportOptions): Promise<ImportReport> {
    const institutionId = await institutions.idOf(opts.institution);
    const parsed = parseAgreementsFile(opts.bytes, opts.format);
    // A CSV's problems name its columns ("country", "signed"), a JSON's the input fields ("partner.country").
    const fieldOf = parsed.format === 'csv' ? csvColumnOf : (field: string) => field;
    const report: ImportReport = {
      format: parsed.format,
      rows: parsed.rows.length,
      valid: 0,
      created: 0,
      written: false,
      dryRun: !!opts.dryRun,
      problems: parsed.problems.map((p) => ({ ...p, line: p.line ?? 0 })),
      warnings: parsed.warnings,
    };
    if (report.problems.length > 0) return report;
    for (const row of parsed.rows) {
      const chosen = opts.choices?.get(row.line);
      const partner = row.input?.partner;
      if (chosen && partner?.type === 'city') partner.geonamesId = chosen;
    }

    const ready: { line: number; prepared: PreparedAgreement }[] = [];
    const taken = (await agreements.takenSlugs(institutionId)).it;
    const slugLines = new Map<string, number>();
    const total = parsed.rows.length;
    for (let start = 0; start < total; start += CHUNK) {
      const chunk = parsed.rows.slice(start, start + CHUNK);
      const checked = chunk.map((row) => {
        if (row.problems.length > 0 || !row.input) return { row, input: undefined, problems: row.problems };
        const { value, problems } = validateInput(row.input);
        return { row, input: value, problems };
      });
      const inputs = checked.filter((c) => c.input);
      const preps = await agreements.prepare(
        institutionId,
        inputs.map((c) => c.input!),
      );
      const prepOf = new Map(inputs.map((c, i) => [c, preps[i]!]));
      for (const c of checked) {
        const line = c.row.line;
        for (const p of c.problems) report.problems.push({ ...p, field: fieldOf(p.field), line });
        const prep = prepOf.get(c);
        if (!prep) continue;
        if (!prep.ok) {
          for (const p of prep.problems) {
            report.problems.push({
              ...p,
              field: fieldOf(p.field),
              line,
              ...(prep.candidates
                ? {
                    candidates: prep.candidates.map((k) => ({
                      geonamesId: k.geonamesId,
                      name: k.nameEn,
                      nameIt: k.nameIt,
                      country: k.country.code,
                      population: k.population,
                      confidence: k.confidence,
                    })),
                  }
                : {}),
            });
          }
          continue;
        }
        const { draft } = prep.prepared;
        const slug = draft.slug;
        if (slug && taken.has(slug)) {
          report.problems.push({ line, field: 'slug', message: `"${slug}" is already used by an agreement` });
          continue;
        }
        if (slug && slugLines.has(slug)) {
          report.problems.push({
            line,
            field: 'slug',
            message: `"${slug}" is also on line ${slugLines.get(slug)}`,
          });
          continue;
        }
        if (slug) slugLines.set(slug, line);
        ready.push({ line, prepared: prep.prepared });
      }
      await opts.onProgress?.('checking', Math.min(start + CHUNK, total), total);
    }
    report.valid = ready.length;
    report.problems.sort((a, b) => a.line - b.line);
    if (opts.dryRun || ready.length === 0 || (report.problems.length > 0 && !opts.partial)) return report;

    // Rows that give their slug are written first: a slug made from a partner's name on an earlier row could
    // otherwise take the slug a later row asks for, and the write would fail halfway.
    const ordered = [
      ...ready.filter((r) => r.prepared.draft.slug),
      ...ready.filter((r) => !r.prepared.draft.slug),
    ];
    await database.transaction(async () => {
      for (let start = 0; start < ordered.length; start += CHUNK * 2) {
        const batch = ordered.slice(start, start + CHUNK * 2).map((r) => r.prepared);
        await agreements.insertPrepared(institutionId, batch, opts.actor);
        await opts.onProgress?.('writing', Math.min(start + CHUNK * 2, ready.length), ready.length);
      }
      await appendAudit(database.query, opts.actor, [
        {
          institutionId,
          action: 'import',
          entity: 'agreements',
          entityId: randomUUID(),
          after: {
            format: parsed.format,
            rows: report.rows,
            created: ready.length,
            skipped: report.problems.length,
          },
        },
      ]);
    });
    // A large load shifts the table's statistics at once; autovacuum (absent on PGlite) would catch up only
    // later, and until then list queries may pick poor plans.
    if (ready.length >= ANALYZE_AFTER) await repo.analyze();
    report.created = ready.length;
    report.written = true;
    return report;
  };
}

export type AgreementImporter = ReturnType<typeof createAgreementImporter>;

/**
 * The same import for the back-office: by an editor of the institution, as that institution under row-level
 * security, the checks and the writes in one transaction.
 */
export function createStaffImport(deps: { database: Database; importAgreements: AgreementImporter }) {
  const { asStaff } = staffWork(deps.database);
  return function importAs(actor: Actor, opts: Omit<ImportOptions, 'institution' | 'actor'>) {
    requireWriter(actor);
    return asStaff(actor, () =>
      deps.importAgreements({ ...opts, institution: actor.institutionSlug, actor }),
    );
  };
}

export type StaffImport = ReturnType<typeof createStaffImport>;
