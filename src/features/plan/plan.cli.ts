// The plan's commands: list, show, create, update and delete an objective with the API's JSON bodies (see
// src/cli/records.ts), and record an objective's money per year as PUT /objectives/{id}/years takes it.
import type { CliCommand } from '../../cli/cli.types.ts';
import { changesFrom, institutionActor, printJson, recordCommands } from '../../cli/records.ts';
import { fieldsOf } from './plan.body.ts';
import {
  IndicatorInput,
  LINK_KINDS,
  type Objective,
  ObjectiveChanges,
  ObjectiveInput,
  YearsInput,
} from './plan.schemas.ts';

type IndicatorBody = {
  nameIt?: string;
  nameEn?: string | null;
  unit?: string | null;
  values?: { year: number; target: string | null; actual: string | null }[];
};
const indicator = (b: IndicatorBody) => ({
  nameIt: b.nameIt ?? '',
  nameEn: b.nameEn ?? '',
  unit: b.unit ?? '',
  values: b.values ?? [],
});

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
    children: [
      {
        noun: 'indicators',
        one: 'indicator',
        input: IndicatorInput,
        changes: IndicatorInput,
        add: (s, actor, objectiveId, body) => {
          const { version, ...rest } = body as IndicatorBody & { version: number };
          return s.planAdmin.putIndicator(actor, objectiveId, version, undefined, indicator(rest));
        },
        update: (s, actor, objectiveId, id, version, body) =>
          s.planAdmin.putIndicator(actor, objectiveId, version, id, indicator(body as IndicatorBody)),
        remove: (s, actor, objectiveId, id, version) =>
          s.planAdmin.removeIndicator(actor, objectiveId, version, id),
      },
    ],
  }),
  {
    name: 'objectives link',
    usage: `objectives link ID --institution SLUG --kind ${LINK_KINDS.join('|')} --record RECORD_ID`,
    summary: "Link one of the institution's records to the objective (an activity that serves it)",
    options: { institution: { type: 'string' }, kind: { type: 'string' }, record: { type: 'string' } },
    async run(ctx) {
      const id = ctx.positionals[0];
      if (!id) {
        ctx.err('Give the objective: objectives link ID ...\n');
        return 2;
      }
      const link = await ctx.services.planAdmin.link(
        await institutionActor(ctx),
        id,
        String(ctx.values['kind'] ?? ''),
        String(ctx.values['record'] ?? ''),
      );
      printJson(ctx, link);
      return 0;
    },
  },
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
