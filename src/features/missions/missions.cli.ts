// Missions' commands: list, show, create, update and delete a mission, and its travellers, with the API's JSON
// bodies (see src/cli/records.ts); and the yearly costs of political office holders' missions as CSV.
import { writeFileSync } from 'node:fs';
import { type CliCommand, requireString } from '../../cli/cli.types.ts';
import { recordCommands, yearOf } from '../../cli/records.ts';
import { missionBodies } from './missions.body.ts';
import { MISSION_STATUSES } from './missions.rules.ts';
import {
  MissionChanges,
  MissionInput,
  type MissionSummary,
  TravellerChanges,
  TravellerInput,
} from './missions.schemas.ts';
import { costsCsv } from './missions.service.ts';

export const missionsCli: CliCommand[] = [
  ...recordCommands({
    noun: 'missions',
    one: 'mission',
    input: MissionInput,
    changes: MissionChanges,
    filters: { enums: { status: MISSION_STATUSES }, when: true },
    list: (s, actor, q) => s.missionsAdmin.missions(actor, q),
    columns: (m: MissionSummary) => [
      m.startsOn,
      m.status,
      m.destinations.map((d) => d.nameEn).join(', '),
      m.titleIt,
    ],
    show: async (s, actor, id) => (await s.missionsAdmin.mission(actor, id)).mission,
    create: (s, actor, body) => missionBodies(s.missionsAdmin).create(actor, body),
    update: (s, actor, id, version, body) => missionBodies(s.missionsAdmin).update(actor, id, version, body),
    remove: (s, actor, id, version) => s.missionsAdmin.deleteMission(actor, id, version),
    children: [
      {
        noun: 'travellers',
        one: 'traveller',
        input: TravellerInput,
        changes: TravellerChanges,
        add: (s, actor, missionId, body) =>
          missionBodies(s.missionsAdmin).addTraveller(actor, missionId, body),
        update: (s, actor, missionId, id, version, body) =>
          missionBodies(s.missionsAdmin).updateTraveller(actor, missionId, id, version, body),
        remove: (s, actor, missionId, id, version) =>
          s.missionsAdmin.removeTraveller(actor, missionId, id, version),
      },
    ],
  }),
  {
    name: 'export mission-costs',
    usage: 'export mission-costs --institution SLUG [--year Y] [--out FILE]',
    summary:
      "Political office holders' mission costs paid with public money, per person and year (CSV, as published)",
    options: { institution: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' } },
    async run(ctx) {
      const slug = requireString(ctx, 'institution');
      const csv = costsCsv(await ctx.services.missions.publicCosts(slug, yearOf(ctx)));
      const out = ctx.values['out'] as string | undefined;
      if (out) writeFileSync(out, csv);
      else ctx.out(csv);
      return 0;
    },
  },
];
