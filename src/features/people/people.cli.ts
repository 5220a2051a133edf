// People's commands: list, show, create, update and erase a person, and their roles, with the API's JSON bodies
// (see src/cli/records.ts), the CLI acting as the institution's admin; a person's data for a request of access,
// and a review confirmed.
import { readFileSync, writeFileSync } from 'node:fs';
import { type CliCommand, CliUsageError, progressBar } from '../../cli/cli.types.ts';
import { institutionActor, printJson, recordCommands, versionOf } from '../../cli/records.ts';
import { personBodies } from './people.body.ts';
import { listCsv, listVcards } from './people.lists.ts';
import {
  PersonChanges,
  PersonInput,
  type PersonRecord,
  PersonRoleChanges,
  PersonRoleInput,
} from './people.schemas.ts';

const idOf = (positionals: string[]) => {
  const id = positionals[0];
  if (!id) throw new CliUsageError("Give the person's id");
  return id;
};

export const peopleCli: CliCommand[] = [
  {
    name: 'import contacts',
    usage: 'import contacts FILE --institution SLUG [--kind consular_post|association] [--dry-run]',
    summary:
      'Import organisations (and their heads) from a CSV (comma or semicolon, UTF-8 or Latin-1, Italian headers too); all or nothing, likely duplicates flagged',
    options: { institution: { type: 'string' }, kind: { type: 'string' }, 'dry-run': { type: 'boolean' } },
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
      const r = await ctx.services.importContacts({
        actor: await institutionActor(ctx),
        bytes,
        kind: (ctx.values['kind'] as string | undefined) ?? 'consular_post',
        dryRun: !!ctx.values['dry-run'],
        onProgress: (done, total) => bar('import', done, total),
      });
      for (const w of r.warnings) ctx.err(`Warning: ${w}\n`);
      for (const p of r.problems)
        ctx.err(`${p.line ? `${file}:${p.line}` : file}: ${p.column}: ${p.message}\n`);
      ctx.out(
        r.problems.length
          ? `Nothing imported: ${r.problems.length} problem(s) in ${r.rows} rows.\n`
          : r.dryRun
            ? `Dry run: all ${r.rows} rows can be imported (${r.organisations} organisations, ${r.people} people); nothing was written.\n`
            : `Imported ${r.organisations} organisations and ${r.people} people from ${r.rows} rows.\n`,
      );
      return r.problems.length ? 1 : 0;
    },
  },
  ...recordCommands({
    noun: 'people',
    one: 'person',
    input: PersonInput,
    changes: PersonChanges,
    filters: {},
    list: (s, actor, q) => s.peopleAdmin.people(actor, q),
    columns: (p: PersonRecord) => [
      p.visibility,
      p.roles
        .filter((r) => r.current)
        .map((r) => `${r.titleIt}, ${r.organisation.nameIt}`)
        .join('; '),
      p.name,
    ],
    show: async (s, actor, id) => (await s.peopleAdmin.person(actor, id)).person,
    create: (s, actor, body) => personBodies(s.peopleAdmin).create(actor, body),
    update: (s, actor, id, version, body) => personBodies(s.peopleAdmin).update(actor, id, version, body),
    remove: (s, actor, id, version) => s.peopleAdmin.erasePerson(actor, id, version),
    removeSummary:
      'Erase a person and their roles at once (GDPR art. 17); the log records it, not the values',
    children: [
      {
        noun: 'roles',
        one: 'role',
        input: PersonRoleInput,
        changes: PersonRoleChanges,
        add: (s, actor, personId, body) => personBodies(s.peopleAdmin).addRole(actor, personId, body),
        update: (s, actor, personId, id, version, body) =>
          personBodies(s.peopleAdmin).updateRole(actor, personId, id, version, body),
        remove: (s, actor, personId, id, version) => s.peopleAdmin.removeRole(actor, personId, id, version),
      },
    ],
  }),
  {
    name: 'people links',
    usage:
      'people links ID --institution SLUG | people links add ID --kind agreement|visit|mission|meeting|network --record RECORD_ID [--role TEXT] | people links delete ID LINK_ID',
    summary:
      'What a person took part in (agreements, visits, missions, meetings, networks): list, add, delete',
    options: {
      institution: { type: 'string' },
      kind: { type: 'string' },
      record: { type: 'string' },
      role: { type: 'string' },
    },
    async run(ctx) {
      const [first = '', ...rest] = ctx.positionals;
      const verb = first === 'add' || first === 'delete' ? first : 'list';
      const args = verb === 'list' ? [first, ...rest] : rest;
      const personId = idOf(args);
      const actor = await institutionActor(ctx);
      const links = ctx.services.personLinks;
      if (verb === 'add') {
        const value = (name: string) => String(ctx.values[name] ?? '');
        if (!value('kind') || !value('record')) throw new CliUsageError('Give --kind and --record');
        printJson(
          ctx,
          await links.add(actor, personId, {
            kind: value('kind'),
            recordId: value('record'),
            roleIt: value('role'),
          }),
        );
        return 0;
      }
      if (verb === 'delete') {
        if (!args[1]) throw new CliUsageError("Give the link's id (people links ID lists them)");
        await links.remove(actor, personId, args[1]);
        ctx.out('Link removed.\n');
        return 0;
      }
      for (const l of await links.links(actor, personId))
        ctx.out(
          `${l.linkId}  ${l.kind.padEnd(9)}  ${l.day ?? '          '}  ${l.labelIt}${l.roleIt ? ` (${l.roleIt})` : ''}\n`,
        );
      return 0;
    },
  },
  {
    name: 'people export',
    usage: 'people export ID --institution SLUG [--out FILE]',
    summary:
      "All of a person's data as JSON, for a request of access or portability (GDPR art. 15, 20); logged",
    options: { institution: { type: 'string' }, out: { type: 'string' } },
    async run(ctx) {
      const data = await ctx.services.peopleAdmin.exportPerson(
        await institutionActor(ctx),
        idOf(ctx.positionals),
      );
      const out = ctx.values['out'] as string | undefined;
      if (out) writeFileSync(out, `${JSON.stringify(data, null, 2)}\n`);
      else printJson(ctx, data);
      return 0;
    },
  },
  ...(['organisations', 'people'] as const).map(
    (noun): CliCommand => ({
      name: `${noun} merge`,
      usage: `${noun} merge KEEP_ID FROM_ID --institution SLUG`,
      summary:
        noun === 'people'
          ? 'Merge the same person recorded twice: roles move to KEEP, then FROM goes'
          : "Merge two records of one organisation: FROM's roles (its history) move to KEEP, then FROM goes",
      options: { institution: { type: 'string' } },
      async run(ctx) {
        const [keep, from] = ctx.positionals;
        if (!keep || !from)
          throw new CliUsageError('Give the id of the record kept and of the one merged into it');
        const actor = await institutionActor(ctx);
        const done =
          noun === 'people'
            ? await ctx.services.peopleAdmin.mergePeople(actor, keep, from)
            : await ctx.services.peopleAdmin.mergeOrganisations(actor, keep, from);
        printJson(ctx, done);
        return 0;
      },
    }),
  ),
  {
    name: 'export distribution-list',
    usage:
      'export distribution-list --institution SLUG [--kind K] [--country C] [--community C] [--language L] [--role WORDS] [--format csv|vcf] [--out FILE]',
    summary:
      'Organisations and the people in them, picked by kind, country, community, language or role, as CSV or vCard',
    options: {
      institution: { type: 'string' },
      kind: { type: 'string' },
      country: { type: 'string' },
      community: { type: 'string' },
      language: { type: 'string' },
      role: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
    },
    async run(ctx) {
      const format = (ctx.values['format'] as string | undefined) ?? 'csv';
      if (format !== 'csv' && format !== 'vcf') throw new CliUsageError('--format is csv or vcf');
      const v = (name: string) => ctx.values[name] as string | undefined;
      const entries = await ctx.services.distributionLists.list(await institutionActor(ctx), {
        kind: v('kind'),
        country: v('country'),
        community: v('community'),
        language: v('language'),
        role: v('role'),
      });
      const text = format === 'csv' ? listCsv(entries) : listVcards(entries);
      const out = v('out');
      if (out) writeFileSync(out, text);
      else ctx.out(text);
      return 0;
    },
  },
  {
    name: 'people review',
    usage: 'people review ID --institution SLUG --version N',
    summary: "Confirm that a person's data are still needed and right (the next review in 24 months)",
    options: { institution: { type: 'string' }, version: { type: 'string' } },
    async run(ctx) {
      const done = await ctx.services.peopleAdmin.confirmReview(
        await institutionActor(ctx),
        idOf(ctx.positionals),
        versionOf(ctx),
      );
      ctx.out(`Next review on ${done.reviewOn} (version ${done.version}).\n`);
      return 0;
    },
  },
];
