// The rules of an agreement that need no database: dates at their precision, term, sectors, status history
// and the status it yields. Every problem names its field, so a form or an import report can point at it.
import {
  formatPartialDate,
  isDateError,
  type PartialDate,
  parsePartialDate,
  periodEnd,
  UNKNOWN_DATE,
} from '../../platform/dates.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import { sourcesProblem } from '../../platform/http/schema-helpers.ts';
import { webUrlProblem } from '../../platform/urls.ts';
import { normalizeName } from '../places/places.service.ts';
import type {
  AgreementInput,
  AlternativeDate,
  PartnerInput,
  Sector,
  Source,
  Status,
  StatusEventInput,
} from './agreements.schemas.ts';

export interface EventDraft {
  status: Status;
  outcome: 'approved' | 'rejected';
  date: PartialDate;
  reasonIt: string | null;
  reasonEn: string | null;
  act: string | null;
  sources: Source[];
}

export interface AgreementDraft {
  slug: string | undefined;
  kind: AgreementInput['kind'];
  partner: PartnerInput;
  signed: PartialDate;
  signedSource: string | null;
  signedSourceEn: string | null;
  ratified: PartialDate;
  ratifiedSource: string | null;
  ratifiedSourceEn: string | null;
  signedPlace: string | null;
  term: 'permanent' | 'fixed';
  endsOn: string | null;
  renewal: 'none' | 'automatic' | 'by_agreement' | null;
  renewalYears: number | null;
  sectors: Sector[];
  titleIt: string | null;
  titleEn: string | null;
  descriptionIt: string | null;
  descriptionEn: string | null;
  sources: Source[];
  alternativeDates: AlternativeDate[];
  events: EventDraft[];
  published: boolean;
  toVerify: boolean;
  unit: string | undefined;
}

const text = (v: string | undefined | null): string | null => {
  const t = v?.trim();
  return t ? t : null;
};

function date(value: string | null | undefined, field: string, problems: FieldProblem[]): PartialDate {
  const parsed = parsePartialDate(value);
  if (isDateError(parsed)) {
    problems.push({ field, message: parsed.error });
    return UNKNOWN_DATE;
  }
  return parsed;
}

/** Turns validated-shape input into a draft, or lists every problem with its field. */
export function draftAgreement(input: AgreementInput): { draft: AgreementDraft; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const signed = date(input.signed?.date, 'signed.date', problems);
  const ratified = date(input.ratified?.date, 'ratified.date', problems);
  const ratifiedEnd = periodEnd(ratified);
  if (signed.date && ratifiedEnd && ratifiedEnd < signed.date) {
    problems.push({ field: 'ratified.date', message: 'The ratification cannot come before the signing' });
  }

  const termType = input.term?.type ?? 'permanent';
  let endsOn: string | null = null;
  if (termType === 'fixed') {
    const ends = date(input.term?.endsOn, 'term.endsOn', problems);
    if (ends.precision !== 'day') {
      if (ends.precision !== 'unknown' || input.term?.endsOn) {
        problems.push({
          field: 'term.endsOn',
          message: 'A fixed term needs its end date to the day (YYYY-MM-DD)',
        });
      } else {
        problems.push({ field: 'term.endsOn', message: 'A fixed term needs an end date' });
      }
    } else {
      endsOn = ends.date;
      if (signed.date && endsOn! <= signed.date) {
        problems.push({ field: 'term.endsOn', message: 'The end date must come after the signing' });
      }
    }
  } else if (input.term?.endsOn) {
    problems.push({ field: 'term.endsOn', message: 'A permanent agreement has no end date' });
  }

  const events: EventDraft[] = (input.statusHistory ?? []).map((e: StatusEventInput, i) => ({
    status: e.status,
    outcome: e.outcome ?? 'approved',
    date: date(e.date, `statusHistory.${i}.date`, problems),
    reasonIt: text(e.reasonIt),
    reasonEn: text(e.reasonEn),
    act: text(e.act),
    sources: e.sources ?? [],
  }));
  events.forEach((e, i) => {
    if (e.outcome === 'rejected' && !e.act && !e.reasonIt && !e.reasonEn) {
      problems.push({ field: `statusHistory.${i}.act`, message: 'Say which motion or act was rejected' });
    }
  });

  if (input.partner.type === 'city' && !input.partner.geonamesId && !normalizeName(input.partner.name)) {
    problems.push({ field: 'partner.name', message: 'Give the name of the partner city' });
  }
  const sourceFields = [
    sourcesProblem(input.sources),
    ...(input.statusHistory ?? []).map((e, i) => sourcesProblem(e.sources, `statusHistory.${i}.sources`)),
  ].filter((f): f is string => f !== undefined);
  for (const field of sourceFields) {
    problems.push({ field, message: 'Give the address or the title of the source' });
  }
  const urls: [string, string | undefined][] = [
    ...(input.sources ?? []).map((s, i): [string, string | undefined] => [`sources.${i}.url`, s.url]),
    ...(input.statusHistory ?? []).flatMap((e, i) =>
      (e.sources ?? []).map((s, j): [string, string | undefined] => [
        `statusHistory.${i}.sources.${j}.url`,
        s.url,
      ]),
    ),
    ...(input.alternativeDates ?? []).map((d, i): [string, string | undefined] => [
      `alternativeDates.${i}.url`,
      d.url,
    ]),
    ['partner.website', input.partner.type === 'organisation' ? input.partner.website : undefined],
  ];
  for (const [field, url] of urls) {
    const problem = url === undefined || url === '' ? undefined : webUrlProblem(url);
    if (problem) problems.push({ field, message: problem });
  }

  return {
    problems,
    draft: {
      slug: input.slug,
      kind: input.kind,
      partner: input.partner,
      signed,
      signedSource:
        signed.precision === 'unknown' && !input.signed?.source ? null : text(input.signed?.source),
      ratified,
      signedSourceEn:
        signed.precision === 'unknown' && !input.signed?.source ? null : text(input.signed?.sourceEn),
      ratifiedSource: text(input.ratified?.source),
      ratifiedSourceEn: text(input.ratified?.sourceEn),
      signedPlace: text(input.signedPlace),
      term: termType,
      endsOn,
      renewal: termType === 'fixed' ? (input.term?.renewal ?? 'none') : null,
      renewalYears: termType === 'fixed' ? (input.term?.renewalYears ?? null) : null,
      sectors: [...new Set(input.sectors ?? [])],
      titleIt: text(input.titleIt),
      titleEn: text(input.titleEn),
      descriptionIt: text(input.descriptionIt),
      descriptionEn: text(input.descriptionEn),
      sources: input.sources ?? [],
      alternativeDates: input.alternativeDates ?? [],
      events,
      published: input.published ?? false,
      toVerify: input.toVerify ?? false,
      unit: input.unit,
    },
  };
}

/**
 * Orders events by date, keeping the recorded order for events of the same date. An event whose date is not
 * known stays where it was recorded: it sorts with the event recorded just before it ("suspended, date
 * unknown" after "active 1970" stays the latest), or first when nothing came before.
 */
export function orderEvents<T extends { date: PartialDate }>(events: T[]): T[] {
  let carried = '';
  return events
    .map((e, i) => {
      carried = e.date.date ?? carried;
      return { e, i, key: carried };
    })
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i))
    .map(({ e }) => e);
}

/**
 * A status change an office seldom means, from the status the agreement has: an agreement never in force
 * suspended or expired, an ended one suspended, or a "change" to the status it already has. Such a change is
 * recorded only when confirmed; undefined when the change is ordinary. A rejected motion changes nothing.
 */
export function unusualTransition(
  from: Status,
  to: Status,
): 'same' | 'never_in_force' | 'already_ended' | undefined {
  if (from === to) return 'same';
  if (from === 'proposed' && (to === 'suspended' || to === 'expired')) return 'never_in_force';
  if ((from === 'terminated' || from === 'expired') && to === 'suspended') return 'already_ended';
  return undefined;
}

/** The status is the latest approved event's; a rejected motion leaves it as it was. No event: proposed. */
export function currentStatus<T extends { status: Status; outcome: string; date: PartialDate }>(
  events: T[],
): { status: Status; since: PartialDate } {
  let status: Status = 'proposed';
  let since: PartialDate = UNKNOWN_DATE;
  for (const e of orderEvents(events)) {
    if (e.outcome !== 'approved') continue;
    status = e.status;
    since = e.date;
  }
  return { status, since };
}

/** A URL-safe slug from a name: "Tel Aviv-Giaffa" -> "tel-aviv-giaffa". */
export function slugify(name: string): string {
  return normalizeName(name).replace(/ /g, '-').slice(0, 100) || 'agreement';
}

/**
 * What the audit log keeps of a new agreement: its fields in the shape of an agreement's input (as the
 * history shows edits), dates at their precision.
 */
export function draftSnapshot(
  draft: AgreementDraft,
  slug: string,
  /** The partner as resolved (the gazetteer's names of a city), not as it was typed. */
  partner: { nameIt: string; nameEn: string; country: string | null },
): Record<string, unknown> {
  const at = (d: PartialDate) => formatPartialDate(d.date, d.precision);
  return {
    slug,
    kind: draft.kind,
    partner: { type: draft.partner.type, ...partner },
    signed: { date: at(draft.signed), source: draft.signedSource, sourceEn: draft.signedSourceEn },
    ratified: { date: at(draft.ratified), source: draft.ratifiedSource, sourceEn: draft.ratifiedSourceEn },
    signedPlace: draft.signedPlace,
    term: {
      type: draft.term,
      endsOn: draft.endsOn,
      renewal: draft.renewal,
      renewalYears: draft.renewalYears,
    },
    sectors: draft.sectors,
    titleIt: draft.titleIt,
    titleEn: draft.titleEn,
    descriptionIt: draft.descriptionIt,
    descriptionEn: draft.descriptionEn,
    sources: draft.sources,
    alternativeDates: draft.alternativeDates,
    statusHistory: draft.events.map((e) => ({ ...e, date: at(e.date) })),
    published: draft.published,
    toVerify: draft.toVerify,
    unit: draft.unit ?? null,
  };
}
