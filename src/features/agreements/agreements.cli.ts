import { readFileSync, writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import {
  type CliCommand,
  type CliContext,
  CliUsageError,
  progressBar,
  requireString,
} from '../../cli/cli.types.ts';
import { versionOf } from '../../cli/records.ts';
import { CLI } from '../accounts/accounts.access.ts';
import { toCsv, toGeoJson, toJson } from './agreements.files.ts';
import type { ImportReport } from './agreements.import.ts';
import { STATUSES, type StatusEventInput } from './agreements.schemas.ts';

function printReport(ctx: CliContext, file: string, r: ImportReport): void {
  for (const w of r.warnings) ctx.err(`Warning: ${w}\n`);
  for (const p of r.problems) {
    const where = p.line ? `${file}:${p.line}` : file;
    ctx.err(`${where}: ${p.field}: ${p.message}\n`);
    for (const c of p.candidates ?? []) {
      ctx.err(
        `    candidate: ${c.name} (${c.country}), pop. ${c.population}, geonames_id ${c.geonamesId}, confidence ${c.confidence}\n`,
      );
    }
  }
  const summary = r.dryRun
    ? `Dry run: ${r.valid} of ${r.rows} rows can be imported; nothing was written.`
    : r.written
      ? `Imported ${r.created} of ${r.rows} rows.`
      : `Nothing imported: ${r.problems.length} problem(s) in ${r.rows} rows. Fix them, or use --partial to import the ${r.valid} good rows.`;
  ctx.out(`${summary}\n`);
}

function id(ctx: CliContext): string {
  const v = ctx.positionals[0];
  if (!v) throw new CliUsageError('Give the agreement id');
  return v;
}

export const agreementsCli: CliCommand[] = [
  {
    name: 'import agreements',
    usage: 'import agreements FILE --institution SLUG [--dry-run] [--partial] [--format csv|json]',
    summary: 'Import agreements from a CSV or JSON file; all or nothing unless --partial',
    options: {
      institution: { type: 'string' },
      'dry-run': { type: 'boolean' },
      partial: { type: 'boolean' },
      format: { type: 'string' },
    },
    async run(ctx) {
      const file = ctx.positionals[0];
      if (!file) throw new CliUsageError('Give the file to import');
      const institution = requireString(ctx, 'institution');
      const format =
        (ctx.values['format'] as string | undefined) ??
        (extname(file).toLowerCase() === '.json' ? 'json' : 'csv');
      if (format !== 'csv' && format !== 'json') throw new CliUsageError('--format is csv or json');
      let bytes: Uint8Array;
      try {
        bytes = readFileSync(file);
      } catch (err) {
        ctx.err(`Cannot read ${file}: ${(err as Error).message}\n`);
        return 1;
      }
      const report = await ctx.services.importAgreements({
        institution,
        bytes,
        format,
        actor: CLI,
        dryRun: !!ctx.values['dry-run'],
        partial: !!ctx.values['partial'],
        onProgress: progressBar(ctx),
      });
      printReport(ctx, file, report);
      return report.problems.length > 0 ? 1 : 0;
    },
  },
  {
    name: 'export agreements',
    usage: 'export agreements --institution SLUG --format csv|json|geojson [--out FILE] [--published-only]',
    summary: "Export an institution's agreements; the CSV and JSON import back to the same agreements",
    options: {
      institution: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      'published-only': { type: 'boolean' },
    },
    async run(ctx) {
      const institution = requireString(ctx, 'institution');
      const format = requireString(ctx, 'format');
      if (!['csv', 'json', 'geojson'].includes(format))
        throw new CliUsageError('--format is csv, json or geojson');
      const list = await ctx.services.agreements.listDetailed(institution, {
        includeUnpublished: !ctx.values['published-only'],
      });
      const text =
        format === 'csv'
          ? toCsv(list)
          : format === 'json'
            ? toJson(institution, list)
            : `${JSON.stringify(toGeoJson(list, ctx.config.publicUrl), null, 2)}\n`;
      const out = ctx.values['out'] as string | undefined;
      if (out) {
        writeFileSync(out, text);
        ctx.err(`Wrote ${list.length} agreements to ${out}\n`);
      } else {
        ctx.out(text);
      }
      return 0;
    },
  },
  {
    name: 'agreements status',
    usage:
      'agreements status ID --status STATUS --version N [--date D] [--reason-it T] [--reason-en T] [--act A] [--rejected] [--confirm]',
    summary: 'Record a status change (or, with --rejected, a motion that did not pass)',
    options: {
      status: { type: 'string' },
      version: { type: 'string' },
      date: { type: 'string' },
      'reason-it': { type: 'string' },
      'reason-en': { type: 'string' },
      act: { type: 'string' },
      rejected: { type: 'boolean' },
      confirm: { type: 'boolean' },
    },
    async run(ctx) {
      const status = requireString(ctx, 'status') as StatusEventInput['status'];
      if (!(STATUSES as readonly string[]).includes(status)) {
        throw new CliUsageError(`--status is one of ${STATUSES.join(', ')}`);
      }
      const a = await ctx.services.agreements.recordStatus(
        id(ctx),
        {
          status,
          outcome: ctx.values['rejected'] ? 'rejected' : 'approved',
          date: (ctx.values['date'] as string | undefined) ?? null,
          ...(ctx.values['reason-it'] ? { reasonIt: ctx.values['reason-it'] as string } : {}),
          ...(ctx.values['reason-en'] ? { reasonEn: ctx.values['reason-en'] as string } : {}),
          ...(ctx.values['act'] ? { act: ctx.values['act'] as string } : {}),
        },
        versionOf(ctx),
        { confirmed: ctx.values['confirm'] === true },
      );
      ctx.out(
        `${a.slug}: now ${a.status}${a.statusSince ? ` since ${a.statusSince}` : ''} (version ${a.version})\n`,
      );
      return 0;
    },
  },
  {
    name: 'agreements publish',
    usage: 'agreements publish ID --version N [--unpublish]',
    summary: 'Publish an agreement on the portal and the API, or withdraw it with --unpublish',
    options: { version: { type: 'string' }, unpublish: { type: 'boolean' } },
    async run(ctx) {
      const a = await ctx.services.agreements.setPublished(id(ctx), !ctx.values['unpublish'], versionOf(ctx));
      ctx.out(`${a.slug}: ${a.published ? 'published' : 'not published'} (version ${a.version})\n`);
      return 0;
    },
  },
  {
    name: 'agreements delete',
    usage: 'agreements delete ID --version N',
    summary: 'Delete an agreement recorded by mistake',
    options: { version: { type: 'string' } },
    async run(ctx) {
      await ctx.services.agreements.remove(id(ctx), versionOf(ctx));
      ctx.out('Deleted.\n');
      return 0;
    },
  },
];
