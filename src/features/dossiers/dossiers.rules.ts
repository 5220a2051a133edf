// The dossiers' fixed words and pure checks: kinds, statuses, which statuses are still open (their deadlines
// count), how near a deadline is (the dashboard warns 30, 7 and 1 days before), and a dossier's own fields.
import { checkedSources } from '../../platform/contacts.ts';
import { AppError } from '../../platform/errors.ts';
import { choice, day, fieldChecks, text } from '../../platform/field-rules.ts';
import { webUrlProblem } from '../../platform/urls.ts';
import type { Source } from '../agreements/agreements.schemas.ts';
import type { dossiers } from './dossiers.table.ts';

export const DOSSIER_KINDS = ['host_organisation', 'host_event', 'prize', 'recognition'] as const;
export const DOSSIER_STATUSES = [
  'preparing',
  'submitted',
  'shortlisted',
  'won',
  'lost',
  'withdrawn',
] as const;
/** A dossier still in play: its deadlines are reminded. */
export const OPEN_STATUSES = ['preparing', 'submitted', 'shortlisted'] as const;
/** The reminders before a deadline, in days: the dashboard shows a deadline from the first on. */
export const REMINDERS = [30, 7, 1] as const;

export type DossierValues = Omit<
  typeof dossiers.$inferInsert,
  'id' | 'institutionId' | 'version' | 'createdAt' | 'updatedAt' | 'example' | 'unitId'
>;

export interface DossierFields {
  titleIt: string;
  titleEn: string;
  kind: string;
  awardingBody: string;
  callTitle: string;
  callUrl: string;
  /** The lead unit's slug, or empty. */
  unit: string;
  contributors: string;
  status: string;
  submittedOn: string;
  decidedOn: string;
  outcomeIt: string;
  outcomeEn: string;
  documents: Source[];
}

export function checkedDossier(f: DossierFields): DossierValues {
  const c = fieldChecks();
  const status = c.take(() => choice('status', DOSSIER_STATUSES, f.status));
  const submittedOn = c.take(() => day('submittedOn', f.submittedOn, false));
  const decidedOn = c.take(() => day('decidedOn', f.decidedOn, false));
  if (submittedOn && decidedOn && decidedOn < submittedOn)
    c.refuse(
      AppError.invalid('decidedOn', 'The decision comes before the submission', { reason: 'before_start' }),
    );
  if (['won', 'lost'].includes(status) && !decidedOn)
    c.refuse(
      AppError.invalid('decidedOn', 'A decided candidacy has the day of the decision', {
        reason: 'required',
      }),
    );
  const callUrl = c.take(() => {
    const v = (f.callUrl ?? '').trim();
    const problem = v ? webUrlProblem(v) : undefined;
    if (problem) throw AppError.invalid('callUrl', problem);
    return v || null;
  });
  const values: DossierValues = {
    titleIt: c.take(() => text('titleIt', f.titleIt, 300, true)!),
    titleEn: c.take(() => text('titleEn', f.titleEn, 300)),
    kind: c.take(() => choice('kind', DOSSIER_KINDS, f.kind)),
    awardingBody: c.take(() => text('awardingBody', f.awardingBody, 300)),
    callTitle: c.take(() => text('callTitle', f.callTitle, 300)),
    callUrl,
    contributors: c.take(() => text('contributors', f.contributors, 1000)),
    status,
    submittedOn,
    decidedOn,
    outcomeIt: c.take(() => text('outcomeIt', f.outcomeIt, 5000)),
    outcomeEn: c.take(() => text('outcomeEn', f.outcomeEn, 5000)),
    documents: c.take(() => checkedSources('documents', f.documents ?? [])),
  };
  c.done();
  return values;
}

/** Whole days from `today` to `due` (both YYYY-MM-DD): 0 on the day, negative once passed. */
export const daysUntil = (today: string, due: string) =>
  Math.round((Date.parse(`${due}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);

/** The nearest reminder a deadline has reached (30, 7 or 1 days before, or overdue), if any. */
export function reminderOf(days: number): 30 | 7 | 1 | 'overdue' | undefined {
  if (days < 0) return 'overdue';
  return [...REMINDERS].reverse().find((r) => days <= r);
}
