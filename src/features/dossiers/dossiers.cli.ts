// Candidacy dossiers' commands: list, show, create, update and delete a dossier with the API's JSON bodies,
// and its deadlines (add, update, delete), as src/cli/records.ts writes every record type's commands.
import type { CliCommand } from '../../cli/cli.types.ts';
import { recordCommands } from '../../cli/records.ts';
import { dossierFields } from './dossiers.body.ts';
import { DOSSIER_STATUSES } from './dossiers.rules.ts';
import { DeadlineInput, type Dossier, DossierChanges, DossierInput } from './dossiers.schemas.ts';

type DeadlineBody = { labelIt?: string; labelEn?: string | null; dueOn?: string; doneOn?: string | null };
const deadline = (b: DeadlineBody) => ({
  labelIt: b.labelIt ?? '',
  labelEn: b.labelEn ?? '',
  dueOn: b.dueOn ?? '',
  doneOn: b.doneOn ?? '',
});

export const dossiersCli: CliCommand[] = recordCommands({
  noun: 'dossiers',
  one: 'dossier',
  input: DossierInput,
  changes: DossierChanges,
  filters: { enums: { status: DOSSIER_STATUSES } },
  list: (s, actor, q) =>
    s.dossiersAdmin.dossiers(actor, {
      ...(q.q ? { q: q.q } : {}),
      ...(q['status'] ? { status: String(q['status']) } : {}),
      ...(q.page ? { page: q.page } : {}),
    }),
  columns: (d: Dossier) => [d.status, d.deadlines.find((x) => !x.doneOn)?.dueOn, d.titleIt],
  show: async (s, actor, id) => (await s.dossiersAdmin.dossier(actor, id)).dossier,
  create: (s, actor, body) => s.dossiersAdmin.create(actor, dossierFields(body)),
  update: async (s, actor, id, version, body) =>
    s.dossiersAdmin.update(actor, id, version, dossierFields(body, await s.dossiersAdmin.form(actor, id))),
  remove: (s, actor, id, version) => s.dossiersAdmin.remove(actor, id, version),
  children: [
    {
      noun: 'deadlines',
      one: 'deadline',
      input: DeadlineInput,
      changes: DeadlineInput,
      add: async (s, actor, dossierId, body) => {
        const { version, ...rest } = body as DeadlineBody & { version: number };
        return s.dossiersAdmin.putDeadline(actor, dossierId, version, undefined, deadline(rest));
      },
      update: (s, actor, dossierId, id, version, body) =>
        s.dossiersAdmin.putDeadline(actor, dossierId, version, id, deadline(body as DeadlineBody)),
      remove: (s, actor, dossierId, id, version) =>
        s.dossiersAdmin.removeDeadline(actor, dossierId, version, id),
    },
  ],
});
