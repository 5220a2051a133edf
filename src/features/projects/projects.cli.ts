// Projects' commands: list, show, create, update and delete a project with the API's JSON bodies (see
// src/cli/records.ts), and the IATI file of the published cooperation projects.
import { writeFileSync } from 'node:fs';
import { type CliCommand, requireString } from '../../cli/cli.types.ts';
import { recordCommands } from '../../cli/records.ts';
import { fieldsOf } from './projects.body.ts';
import { PROJECT_KINDS, PROJECT_STATUSES } from './projects.rules.ts';
import { ProjectChanges, ProjectInput } from './projects.schemas.ts';
import type { ProjectRecord } from './projects.service.ts';

export const projectsCli: CliCommand[] = [
  ...recordCommands({
    noun: 'projects',
    one: 'project',
    input: ProjectInput,
    changes: ProjectChanges,
    filters: { enums: { status: PROJECT_STATUSES, kind: PROJECT_KINDS } },
    list: (s, actor, q) => s.projectsAdmin.projects(actor, { ...q, q: q.q }),
    columns: (p: ProjectRecord) => [p.code, p.status, p.startsOn, p.titleIt],
    show: async (s, actor, id) => (await s.projectsAdmin.project(actor, id)).project,
    create: (s, actor, body) => s.projectsAdmin.create(actor, fieldsOf(body)),
    update: async (s, actor, id, version, body) =>
      s.projectsAdmin.update(actor, id, version, fieldsOf(body, await s.projectsAdmin.form(actor, id))),
    remove: (s, actor, id, version) => s.projectsAdmin.remove(actor, id, version),
  }),
  {
    name: 'export projects-iati',
    usage: 'export projects-iati --institution SLUG [--out FILE]',
    summary: 'The published cooperation projects as IATI 2.03 activities (XML), as the API serves them',
    options: { institution: { type: 'string' }, out: { type: 'string' } },
    async run(ctx) {
      const xml = await ctx.services.projects.iati(requireString(ctx, 'institution'), new Date(), () => null);
      const out = ctx.values['out'] as string | undefined;
      if (out) writeFileSync(out, xml);
      else ctx.out(xml);
      return 0;
    },
  },
];
