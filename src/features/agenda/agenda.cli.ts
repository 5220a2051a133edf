// The agenda's commands: importing past visits or missions from a CSV file (all or nothing, line-numbered
// problems, a dry run, a progress bar on a terminal), writing the institution's public calendar to a file,
// and the follow-ups of visits, missions and meetings (listed, added, changed, marked done, deleted).
import { readFileSync, writeFileSync } from 'node:fs';
import {
  type CliCommand,
  type CliContext,
  CliUsageError,
  progressBar,
  requireString,
} from '../../cli/cli.types.ts';
import { bodyOf, changesFrom, institutionActor, printJson, versionOf } from '../../cli/records.ts';
import { asserter } from '../../platform/validation.ts';
import type { AgendaImportReport } from './agenda.import.ts';
import { followUpBodies } from './follow-ups.body.ts';
import { FollowUpChanges, FollowUpInput } from './follow-ups.schemas.ts';
import { SUBJECT_KINDS, type SubjectKind } from './follow-ups.service.ts';

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
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(file);
    } catch (err) {
      ctx.err(`Cannot read ${file}: ${(err as Error).message}\n`);
      return 1;
    }
    const bar = progressBar(ctx);
    const report = await ctx.services.importAgenda({
      actor: await institutionActor(ctx),
      kind,
      bytes,
      dryRun: !!ctx.values['dry-run'],
      onProgress: (done, total) => bar('import', done, total),
    });
    printReport(ctx, file, report);
    return report.problems.length > 0 ? 1 : 0;
  },
});

const INSTITUTION = { institution: { type: 'string' } } as const;
const BODY = { data: { type: 'string' }, file: { type: 'string' } } as const;

function subjectOf(ctx: CliContext): { kind: SubjectKind; id: string } {
  const [kind, id] = ctx.positionals;
  if (!kind || !(SUBJECT_KINDS as readonly string[]).includes(kind) || !id)
    throw new CliUsageError(`Give what it belongs to (${SUBJECT_KINDS.join(', ')}) and its id`);
  return { kind: kind as SubjectKind, id };
}

function followUpId(ctx: CliContext): string {
  const id = ctx.positionals[0];
  if (!id) throw new CliUsageError("Give the follow-up's id");
  return id;
}

function followUpCommands(): CliCommand[] {
  const kinds = SUBJECT_KINDS.join('|');
  return [
    {
      name: 'follow-ups due',
      usage: 'follow-ups due --institution SLUG [--days N]',
      summary: 'Open follow-ups due within N days (30 unless told), overdue and undated ones included',
      options: { ...INSTITUTION, days: { type: 'string' } },
      async run(ctx) {
        const days = Number(ctx.values['days'] ?? 30);
        if (!Number.isInteger(days) || days < 0 || days > 366) throw new CliUsageError('--days is 0 to 366');
        const open = await ctx.services.followUps.due(await institutionActor(ctx), days, 200);
        for (const f of open) {
          ctx.out(`${[f.id, f.due_on ?? '-', f.kind, f.subject_it, f.action, f.owner ?? '-'].join('  ')}\n`);
        }
        ctx.out(`${open.length} open follow-up(s).\n`);
        return 0;
      },
    },
    {
      name: 'follow-ups list',
      usage: `follow-ups list ${kinds} ID --institution SLUG`,
      summary: "A visit's, mission's or meeting's follow-ups (JSON)",
      options: INSTITUTION,
      async run(ctx) {
        const { kind, id } = subjectOf(ctx);
        printJson(ctx, await ctx.services.followUps.of(await institutionActor(ctx), kind, id));
        return 0;
      },
    },
    {
      name: 'follow-ups add',
      usage: `follow-ups add ${kinds} ID --institution SLUG (--data JSON | --file FILE)`,
      summary: 'Add a follow-up: {"action": ..., "owner": ..., "dueOn": "YYYY-MM-DD"}',
      options: { ...INSTITUTION, ...BODY },
      async run(ctx) {
        const { kind, id } = subjectOf(ctx);
        const body = asserter<Record<string, string | null>>(FollowUpInput)(bodyOf(ctx));
        const actor = await institutionActor(ctx);
        printJson(ctx, await followUpBodies(ctx.services.followUps).add(actor, kind, id, body));
        return 0;
      },
    },
    {
      name: 'follow-ups update',
      usage: 'follow-ups update ID --institution SLUG --version N (--data JSON | --file FILE)',
      summary: 'Change a follow-up: only the fields given (null clears one)',
      options: { ...INSTITUTION, ...BODY, version: { type: 'string' } },
      async run(ctx) {
        const { version, changes } = changesFrom(ctx, FollowUpChanges);
        const actor = await institutionActor(ctx);
        printJson(
          ctx,
          await followUpBodies(ctx.services.followUps).update(actor, followUpId(ctx), version, changes),
        );
        return 0;
      },
    },
    {
      name: 'follow-ups done',
      usage: 'follow-ups done ID --institution SLUG --version N',
      summary: 'Mark a follow-up done today',
      options: { ...INSTITUTION, version: { type: 'string' } },
      async run(ctx) {
        const done = await ctx.services.followUps.done(
          await institutionActor(ctx),
          followUpId(ctx),
          versionOf(ctx),
        );
        ctx.out(`Done on ${done.doneOn} (version ${done.version}).\n`);
        return 0;
      },
    },
    {
      name: 'follow-ups delete',
      usage: 'follow-ups delete ID --institution SLUG --version N',
      summary: 'Delete a follow-up',
      options: { ...INSTITUTION, version: { type: 'string' } },
      async run(ctx) {
        await ctx.services.followUps.remove(await institutionActor(ctx), followUpId(ctx), versionOf(ctx));
        ctx.out('Deleted.\n');
        return 0;
      },
    },
  ];
}

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
  ...followUpCommands(),
];
