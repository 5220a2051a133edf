// The plan's commands: list, show, create, update and delete an objective with the API's JSON bodies (see
// src/cli/records.ts), and record an objective's money per year as PUT /objectives/{id}/years takes it.
import type { CliCommand } from '../../cli/cli.types.ts';
import { changesFrom, institutionActor, printJson, recordCommands } from '../../cli/records.ts';
import { fieldsOf } from './plan.body.ts';
import { type Objective, ObjectiveChanges, ObjectiveInput, YearsInput } from './plan.schemas.ts';

export const planCli: CliCommand[] = [
  ...recordCommands({
    noun: 'objectives',
    one: 'objective',
    input: ObjectiveInput,
    changes: ObjectiveChanges,
    filters: {},
    // An institution has a few objectives per term: one page holds them all.
    list: async (s, actor) => {
      const items = await s.planAdmin.objectives(actor);
      return { items, total: items.length, page: 1, pages: 1, pageSize: items.length };
    },
    columns: (o: Objective) => [o.level, o.code, `${o.mandateFrom}-${o.mandateTo}`, o.titleIt],
    show: async (s, actor, id) => (await s.planAdmin.objective(actor, id)).objective,
    create: (s, actor, body) => s.planAdmin.create(actor, fieldsOf(body)),
    update: async (s, actor, id, version, body) =>
      s.planAdmin.update(actor, id, version, fieldsOf(body, await s.planAdmin.form(actor, id))),
    remove: (s, actor, id, version) => s.planAdmin.remove(actor, id, version),
  }),
  {
    name: 'objectives years',
    usage: 'objectives years ID --institution SLUG --version N (--data JSON | --file FILE)',
    summary:
      'Record planned, committed and paid income and expenditure per year: {"years":[{"year":2023,"expensePlanned":"12500.00"}]}',
    options: {
      institution: { type: 'string' },
      version: { type: 'string' },
      data: { type: 'string' },
      file: { type: 'string' },
    },
    async run(ctx) {
      const id = ctx.positionals[0];
      if (!id) {
        ctx.err('Give the objective: objectives years ID ...\n');
        return 2;
      }
      const { version, changes } = changesFrom(ctx, YearsInput);
      const years = (changes as { years: { year: number }[] }).years;
      printJson(ctx, await ctx.services.planAdmin.setYears(await institutionActor(ctx), id, version, years));
      return 0;
    },
  },
];
