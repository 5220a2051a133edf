// Visits' commands: list, show, create, update and delete a visit, and the items of its programme, with the
// API's JSON bodies (see src/cli/records.ts).
import { recordCommands } from '../../cli/records.ts';
import { visitBodies } from './visits.body.ts';
import { VISIT_STATUSES } from './visits.rules.ts';
import { VisitChanges, VisitInput, VisitItemChanges, VisitItemInput } from './visits.schemas.ts';
import type { VisitSummary } from './visits.service.ts';

export const visitsCli = recordCommands({
  noun: 'visits',
  one: 'visit',
  input: VisitInput,
  changes: VisitChanges,
  filters: { enums: { status: VISIT_STATUSES }, when: true },
  list: (s, actor, q) => s.visitsAdmin.visits(actor, q),
  columns: (v: VisitSummary) => [v.startsOn, v.status, v.counterpart?.nameEn, v.titleIt],
  show: async (s, actor, id) => (await s.visitsAdmin.visit(actor, id)).visit,
  create: (s, actor, body) => visitBodies(s.visitsAdmin).create(actor, body),
  update: (s, actor, id, version, body) => visitBodies(s.visitsAdmin).update(actor, id, version, body),
  remove: (s, actor, id, version) => s.visitsAdmin.deleteVisit(actor, id, version),
  children: [
    {
      noun: 'programme',
      one: 'item',
      input: VisitItemInput,
      changes: VisitItemChanges,
      add: (s, actor, visitId, body) => visitBodies(s.visitsAdmin).addItem(actor, visitId, body),
      update: (s, actor, visitId, id, version, body) =>
        visitBodies(s.visitsAdmin).updateItem(actor, visitId, id, version, body),
      remove: (s, actor, visitId, id, version) => s.visitsAdmin.removeItem(actor, visitId, id, version),
    },
  ],
});
