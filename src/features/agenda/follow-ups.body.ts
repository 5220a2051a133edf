// A follow-up's JSON body (the API's and the CLI's) as the service's fields: an addition, or a PATCH's changes
// laid onto the stored follow-up.
import type { Static } from '@sinclair/typebox';
import { keep } from '../../platform/http/record-writes.ts';
import type { Actor } from '../accounts/accounts.access.ts';
import type { FollowUpInput } from './follow-ups.schemas.ts';
import type { FollowUps, SubjectKind } from './follow-ups.service.ts';

type Body = Partial<{ [K in keyof Static<typeof FollowUpInput>]: string | null }>;

export function followUpBodies(followUps: FollowUps) {
  return {
    add: (actor: Actor, kind: SubjectKind, subjectId: string, b: Body) =>
      followUps.add(actor, kind, subjectId, {
        action: b.action ?? '',
        owner: b.owner ?? '',
        dueOn: b.dueOn ?? '',
        doneOn: b.doneOn ?? '',
      }),
    async update(actor: Actor, id: string, version: number, b: Body) {
      const stored = await followUps.form(actor, id);
      return followUps.update(actor, id, version, {
        action: keep(b.action, stored.action),
        owner: keep(b.owner, stored.owner),
        dueOn: keep(b.dueOn, stored.dueOn),
        doneOn: keep(b.doneOn, stored.doneOn),
      });
    },
  };
}
