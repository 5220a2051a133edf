// Follow-ups of visits, missions and meetings: the rules (an action, who follows it, a due day, the day it was
// done), the open ones for the dashboard, and the back-office's use cases: as the actor's institution under
// row-level security, writers only, versioned, each change audited under the record it belongs to.

import { todayIso } from '../../platform/dates.ts';
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { day, text, UUID } from '../../platform/field-rules.ts';
import { type Actor, requireWriter } from '../accounts/accounts.access.ts';
import { staffWork } from '../audit/audit.service.ts';
import {
  type FollowUpRow,
  type FollowUpsRepository,
  SUBJECT_KINDS,
  type SubjectKind,
} from './follow-ups.repository.ts';

export { SUBJECT_KINDS, type SubjectKind } from './follow-ups.repository.ts';

export interface FollowUp {
  id: string;
  kind: SubjectKind;
  subjectId: string;
  action: string;
  owner: string | null;
  dueOn: string | null;
  doneOn: string | null;
  version: number;
}

export interface FollowUpFields {
  action: string;
  owner: string;
  dueOn: string;
  doneOn: string;
}

const view = (r: FollowUpRow): FollowUp => {
  const kind: SubjectKind = r.visitId ? 'visit' : r.missionId ? 'mission' : 'meeting';
  return {
    id: r.id,
    kind,
    subjectId: (r.visitId ?? r.missionId ?? r.meetingId)!,
    action: r.action,
    owner: r.owner,
    dueOn: r.dueOn,
    doneOn: r.doneOn,
    version: r.version,
  };
};

const checked = (f: FollowUpFields) => ({
  action: text('action', f.action, 500, true)!,
  owner: text('owner', f.owner, 200),
  dueOn: day('dueOn', f.dueOn, false),
  doneOn: day('doneOn', f.doneOn, false),
});

/** The audit entity of each kind of record a follow-up belongs to. */
const ENTITY: Record<SubjectKind, string> = { visit: 'visit', mission: 'mission', meeting: 'meeting' };

export function createFollowUps({ database, repo }: { database: Database; repo: FollowUpsRepository }) {
  const { asStaff, audit } = staffWork(database);

  async function subject(institutionId: string, kind: SubjectKind, id: string) {
    if (
      !SUBJECT_KINDS.includes(kind) ||
      !UUID.test(id) ||
      !(await repo.subjectExists(institutionId, kind, id))
    ) {
      throw AppError.notFound(kind === 'visit' ? 'Visit' : kind === 'mission' ? 'Mission' : 'Meeting', id);
    }
  }

  async function one(institutionId: string, id: string): Promise<FollowUp> {
    const row = UUID.test(id) ? await repo.byId(institutionId, id) : undefined;
    if (!row) throw AppError.notFound('Follow-up', id);
    return view(row);
  }

  const stale = (current: FollowUp, version: number) =>
    new AppError(
      'version_conflict',
      `The follow-up was changed by someone else (now at version ${current.version})`,
      {
        field: 'version',
        details: { currentVersion: current.version, current, sent: version },
      },
    );

  /** A write and its audit entry under the record the follow-up belongs to. */
  const logged = (
    actor: Actor,
    action: string,
    before: FollowUp | undefined,
    after: FollowUp | undefined,
  ) => {
    const f = (after ?? before)!;
    return audit(actor, { action, entity: ENTITY[f.kind], entityId: f.subjectId, before, after });
  };

  return {
    /** The follow-ups of one record (404 when it is not the institution's). */
    of: (actor: Actor, kind: SubjectKind, id: string) =>
      asStaff(actor, async (institutionId) => {
        await subject(institutionId, kind, id);
        return (await repo.of(kind, id)).map(view);
      }),

    /** The open follow-ups due within `days` days (and overdue ones, and undated ones), the most urgent first. */
    due: (actor: Actor, days = 30, limit = 20) =>
      asStaff(actor, (institutionId) => {
        const until = new Date(`${todayIso()}T00:00:00Z`);
        until.setUTCDate(until.getUTCDate() + days);
        return repo.open(institutionId, until.toISOString().slice(0, 10), limit);
      }),

    /** The follow-up and the record it belongs to, for its form (writers only). */
    form(actor: Actor, id: string) {
      requireWriter(actor);
      return asStaff(actor, (institutionId) => one(institutionId, id));
    },

    add(actor: Actor, kind: SubjectKind, subjectId: string, fields: FollowUpFields) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => {
        await subject(institutionId, kind, subjectId);
        const after = view(await repo.insert(institutionId, kind, subjectId, checked(fields)));
        await logged(actor, 'add_follow_up', undefined, after);
        return after;
      });
    },

    update(actor: Actor, id: string, version: number, fields: FollowUpFields) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => {
        const before = await one(institutionId, id);
        const values = checked(fields);
        const row =
          before.version === version
            ? await repo.updateVersioned(institutionId, id, version, values)
            : undefined;
        if (!row) throw stale(await one(institutionId, id), version);
        const after = view(row);
        await logged(actor, 'change_follow_up', before, after);
        return after;
      });
    },

    /** Marks it done today, at the version shown. */
    done(actor: Actor, id: string, version: number) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => {
        const before = await one(institutionId, id);
        const values = {
          action: before.action,
          owner: before.owner,
          dueOn: before.dueOn,
          doneOn: todayIso(),
        };
        const row =
          before.version === version
            ? await repo.updateVersioned(institutionId, id, version, values)
            : undefined;
        if (!row) throw stale(await one(institutionId, id), version);
        const after = view(row);
        await logged(actor, 'change_follow_up', before, after);
        return after;
      });
    },

    remove(actor: Actor, id: string, version: number) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => {
        const before = await one(institutionId, id);
        if (before.version !== version || !(await repo.deleteVersioned(institutionId, id, version))) {
          throw stale(await one(institutionId, id), version);
        }
        await logged(actor, 'remove_follow_up', before, undefined);
        return before;
      });
    },
  };
}

export type FollowUps = ReturnType<typeof createFollowUps>;
