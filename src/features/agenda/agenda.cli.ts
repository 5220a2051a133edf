// The agenda's commands: importing past visits or missions from a CSV file (all or nothing, line-numbered
// problems, a dry run, a progress bar on a terminal), and writing the institution's public calendar to a file.
import { readFileSync, writeFileSync } from 'node:fs';
import {
  type CliCommand,
  type CliContext,
  CliUsageError,
  progressBar,
  requireString,
} from '../../cli/cli.types.ts';
import { cliActor } from '../accounts/accounts.access.ts';
import type { AgendaImportReport } from './agenda.import.ts';

function printReport(ctx: CliContext, file: string, r: AgendaImportReport): void {
  for (const w of r.warnings) ctx.err(`Warning: ${w}\n`);
  for (const p of r.problems) ctx.err(`${p.line ? `${file}:${p.line}` : file}: ${p.column}: ${p.message}\n`);
  const what = r.kind === 'visits' ? 'visits' : 'missions';
  ctx.out(
    r.dryRun && r.problems.length === 0
      ? `Dry run: all ${r.rows} rows can be imported (${r.created} ${what}); nothing was written.\n`
      : r.written
        ? `Imported ${r.created} ${what} from ${r.rows} rows.\n`
        : `Nothing imported: ${r.problems.length} problem(s) in ${r.rows} rows.\n`,
  );
}

const importCommand = (kind: 'visits' | 'missions'): CliCommand => ({
  name: `import ${kind}`,
  usage: `import ${kind} FILE --institution SLUG [--dry-run]`,
  summary: `Import past ${kind} from a CSV file (comma or semicolon, UTF-8 or Latin-1); all or nothing`,
  options: { institution: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  async run(ctx) {
    const file = ctx.positionals[0];
    if (!file) throw new CliUsageError('Give the file to import');
    const slug = requireString(ctx, 'institution');
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (err) {
      ctx.err(`Cannot read ${file}: ${(err as Error).message}\n`);
      return 1;
    }
    const id = await ctx.services.institutions.idOf(slug);
    const bar = progressBar(ctx);
    const report = await ctx.services.importAgenda({
      actor: cliActor({ id, slug }),
      kind,
      bytes,
      dryRun: !!ctx.values['dry-run'],
      onProgress: (done, total) => bar('import', done, total),
    });
    printReport(ctx, file, report);
    return report.problems.length > 0 ? 1 : 0;
  },
});

export const agendaCli: CliCommand[] = [
  importCommand('visits'),
  importCommand('missions'),
  {
    name: 'export agenda',
    usage: 'export agenda --institution SLUG [--lang it|en] [--out FILE]',
    summary: "Write an institution's public calendar (iCalendar: published visits, missions and meetings)",
    options: { institution: { type: 'string' }, lang: { type: 'string' }, out: { type: 'string' } },
    async run(ctx) {
      const lang = (ctx.values['lang'] as string | undefined) ?? 'it';
      if (lang !== 'it' && lang !== 'en') throw new CliUsageError('--lang is it or en');
      const ics = await ctx.services.agenda.publicFeed(requireString(ctx, 'institution'), lang);
      const out = ctx.values['out'] as string | undefined;
      if (out) writeFileSync(out, ics);
      else ctx.out(ics);
      return 0;
    },
  },
];
