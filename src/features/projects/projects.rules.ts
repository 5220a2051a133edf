// The projects' fixed words and pure checks: kinds, roles, statuses, and a project's own fields as a form or
// a body gives them, every field at fault refused at once.
import { checkedSources } from '../../platform/contacts.ts';
import { AppError } from '../../platform/errors.ts';
import { amount, choice, currency, day, fieldChecks, text, yes } from '../../platform/field-rules.ts';
import type { Source } from '../agreements/agreements.schemas.ts';
import { countryList } from '../places/places.service.ts';
import type { projects } from './projects.table.ts';

export const PROJECT_KINDS = ['cooperation', 'eu', 'national', 'regional', 'other'] as const;
export const PROJECT_ROLES = ['lead', 'partner', 'associate'] as const;
export const PARTNER_ROLES = ['lead', 'partner', 'associate', 'funder'] as const;
export const PROJECT_STATUSES = ['idea', 'submitted', 'approved', 'rejected', 'running', 'closed'] as const;
export type ProjectKind = (typeof PROJECT_KINDS)[number];
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export type ProjectValues = Omit<
  typeof projects.$inferInsert,
  'id' | 'institutionId' | 'version' | 'createdAt' | 'updatedAt' | 'example'
>;

/** What a person types in the project's form (or an API body, as text). */
export interface ProjectFields {
  code: string;
  kind: string;
  titleIt: string;
  titleEn: string;
  descriptionIt: string;
  descriptionEn: string;
  funder: string;
  role: string;
  status: string;
  startsOn: string;
  endsOn: string;
  /** Names or codes separated by commas. */
  countries: string;
  currency: string;
  totalBudget: string;
  ownShare: string;
  resultsIt: string;
  resultsEn: string;
  published: string;
  documents: Source[];
}

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/** The project's own fields checked, every field at fault refused at once. */
export function checkedProject(f: ProjectFields): ProjectValues {
  const c = fieldChecks();
  const code = c.take(() => {
    const v = f.code.trim();
    // The IATI identifier ends with it: letters, digits, dots, hyphens and underscores only.
    if (!CODE.test(v))
      throw AppError.invalid(
        'code',
        'The code takes letters, digits, dots, hyphens and underscores (at most 40)',
      );
    return v;
  });
  const startsOn = c.take(() => day('startsOn', f.startsOn, false));
  const endsOn = c.take(() => day('endsOn', f.endsOn, false));
  if (startsOn && endsOn && endsOn < startsOn)
    c.refuse(AppError.invalid('endsOn', 'The end comes before the start', { reason: 'before_start' }));
  const totalBudget = c.take(() => amount('totalBudget', f.totalBudget));
  const ownShare = c.take(() => amount('ownShare', f.ownShare));
  if (totalBudget && ownShare && Number(ownShare) > Number(totalBudget))
    c.refuse(
      AppError.invalid('ownShare', 'The share is larger than the total budget', { reason: 'over_total' }),
    );
  const published = yes(f.published);
  const values: ProjectValues = {
    code,
    kind: c.take(() => choice('kind', PROJECT_KINDS, f.kind)),
    titleIt: c.take(() => text('titleIt', f.titleIt, 300, true)!),
    titleEn: c.take(() => text('titleEn', f.titleEn, 300)),
    descriptionIt: c.take(() => text('descriptionIt', f.descriptionIt, 10_000)),
    descriptionEn: c.take(() => text('descriptionEn', f.descriptionEn, 10_000)),
    funder: c.take(() => text('funder', f.funder, 300)),
    role: c.take(() => choice('role', PROJECT_ROLES, f.role)),
    status: c.take(() => choice('status', PROJECT_STATUSES, f.status)),
    startsOn,
    endsOn,
    countries: c.take(() => countryList('countries', f.countries)),
    currency: c.take(() => currency('currency', f.currency, 'EUR')!),
    totalBudget,
    ownShare,
    resultsIt: c.take(() => text('resultsIt', f.resultsIt, 10_000)),
    resultsEn: c.take(() => text('resultsEn', f.resultsEn, 10_000)),
    documents: c.take(() => checkedSources('documents', f.documents ?? [])),
    published,
  };
  c.done();
  return values;
}

/** The calendar years a project runs in; none until both ends are known. */
export function projectYears(startsOn: string | null, endsOn: string | null): number[] {
  if (!startsOn || !endsOn) return [];
  const first = Number(startsOn.slice(0, 4));
  const last = Number(endsOn.slice(0, 4));
  return Array.from({ length: Math.min(last - first + 1, 15) }, (_, i) => first + i);
}
