// The plan's fixed words and pure checks: the budget missions and programmes of the national classification
// of harmonised accounts (D.Lgs. 118/2011, allegato 14) that international relations fall under, the levels of
// an objective, and the money of a year.
import { checkedSources } from '../../platform/contacts.ts';
import { AppError } from '../../platform/errors.ts';
import { currency, fieldChecks, text, yes } from '../../platform/field-rules.ts';
import type { Lang } from '../../platform/i18n.ts';
import type { Source } from '../agreements/agreements.schemas.ts';
import type { objectives } from './plan.table.ts';

export type ObjectiveValues = Omit<
  typeof objectives.$inferInsert,
  'id' | 'institutionId' | 'version' | 'createdAt' | 'updatedAt'
>;

export const LEVELS = ['strategic', 'operational'] as const;
export type Level = (typeof LEVELS)[number];

/** Missione 19 and its programmes, as the classification names them. */
export const MISSIONS: Record<string, Record<Lang, string>> = {
  '19': { it: 'Relazioni internazionali', en: 'International relations' },
};
export const PROGRAMMES: Record<string, Record<Lang, string>> = {
  '1901': {
    it: 'Relazioni internazionali e Cooperazione allo sviluppo',
    en: 'International relations and development cooperation',
  },
  '1902': { it: 'Cooperazione territoriale', en: 'Territorial cooperation' },
};

/** "19 - Relazioni internazionali", as the DUP writes a code with its name. */
export const coded = (code: string | null, names: Record<string, Record<Lang, string>>, lang: Lang) =>
  code ? `${code} - ${names[code]?.[lang] ?? ''}`.replace(/ - $/, '') : null;

/** The six amounts of a year; the middle and last ones of income are accertato and riscosso in Italian. */
export const AMOUNTS = [
  'incomePlanned',
  'incomeCommitted',
  'incomePaid',
  'expensePlanned',
  'expenseCommitted',
  'expensePaid',
] as const;
export type AmountField = (typeof AMOUNTS)[number];
export type YearAmounts = { year: number } & Record<AmountField, string | null>;

/** The years of a horizon, first to last. */
export const yearsOf = (first: number, last: number): number[] =>
  Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);

/** At most ten years of resources and a mandate of at most ten: wider is a typing slip, not a plan. */
export const MAX_SPAN = 10;
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

/** A year's amounts filled in for every year of the horizon: a missing year is all "not recorded". */
export function horizon(first: number, last: number, rows: YearAmounts[]): YearAmounts[] {
  const byYear = new Map(rows.map((r) => [r.year, r]));
  return yearsOf(first, last).map(
    (year) =>
      byYear.get(year) ?? {
        year,
        incomePlanned: null,
        incomeCommitted: null,
        incomePaid: null,
        expensePlanned: null,
        expenseCommitted: null,
        expensePaid: null,
      },
  );
}

/** What a person types in the objective's form (or an API body, as text). */
export interface ObjectiveFields {
  level: string;
  parentId: string;
  code: string;
  mandateFrom: string;
  mandateTo: string;
  titleIt: string;
  titleEn: string;
  addressIt: string;
  addressEn: string;
  mission: string;
  programme: string;
  responsible: string;
  descriptionIt: string;
  descriptionEn: string;
  firstYear: string;
  lastYear: string;
  currency: string;
  published: string;
  sources: Source[];
}

/** A year from a form or a body; invalid_input naming the field otherwise. */
export function year(field: string, value: string | undefined): number {
  const v = (value ?? '').trim();
  if (!/^\d{4}$/.test(v) || Number(v) < MIN_YEAR || Number(v) > MAX_YEAR) {
    throw AppError.invalid(field, `"${v}" is not a year from ${MIN_YEAR} to ${MAX_YEAR}`);
  }
  return Number(v);
}

function span(checks: ReturnType<typeof fieldChecks>, from: number, to: number, field: string) {
  if (from === undefined || to === undefined) return;
  if (to < from) checks.refuse(AppError.invalid(field, 'The last year comes before the first'));
  else if (to - from >= MAX_SPAN)
    checks.refuse(AppError.invalid(field, `At most ${MAX_SPAN} years`, { reason: 'too_long' }));
}

/** The objective's own fields checked, every field at fault refused at once. */
export function checkedObjective(f: ObjectiveFields): ObjectiveValues {
  const c = fieldChecks();
  const level = c.take(() => {
    const v = LEVELS.find((l) => l === f.level.trim());
    if (!v) throw AppError.invalid('level', 'Choose strategic or operational');
    return v;
  });
  const mandateFrom = c.take(() => year('mandateFrom', f.mandateFrom));
  const mandateTo = c.take(() => year('mandateTo', f.mandateTo));
  const firstYear = c.take(() => year('firstYear', f.firstYear));
  const lastYear = c.take(() => year('lastYear', f.lastYear));
  span(c, mandateFrom, mandateTo, 'mandateTo');
  span(c, firstYear, lastYear, 'lastYear');
  const mission = c.take(() => {
    const v = f.mission.trim();
    if (!MISSIONS[v]) throw AppError.invalid('mission', 'The mission is 19, Relazioni internazionali');
    return v;
  });
  const programme = c.take(() => {
    const v = f.programme.trim();
    if (v && !PROGRAMMES[v]) throw AppError.invalid('programme', 'Choose programme 1901 or 1902');
    if (!v && level === 'operational')
      throw AppError.invalid('programme', 'An operational objective belongs to a programme', {
        reason: 'required',
      });
    return v || null;
  });
  const values = {
    level: level as Level,
    code: c.take(() => text('code', f.code, 40)),
    mandateFrom,
    mandateTo,
    titleIt: c.take(() => text('titleIt', f.titleIt, 300, true)!),
    titleEn: c.take(() => text('titleEn', f.titleEn, 300)),
    addressIt: c.take(() => text('addressIt', f.addressIt, 300)),
    addressEn: c.take(() => text('addressEn', f.addressEn, 300)),
    mission,
    programme,
    responsible: c.take(() => text('responsible', f.responsible, 200)),
    descriptionIt: c.take(() => text('descriptionIt', f.descriptionIt, 10_000)),
    descriptionEn: c.take(() => text('descriptionEn', f.descriptionEn, 10_000)),
    firstYear,
    lastYear,
    currency: c.take(() => currency('currency', f.currency, 'EUR')!),
    published: yes(f.published),
    sources: c.take(() => checkedSources('sources', f.sources ?? [])),
  };
  c.done();
  return values;
}
