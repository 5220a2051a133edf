// Agreement rows to the API's shapes, and an agreement's draft to its columns. Pure functions, no queries.
import { formatPartialDate, type Precision } from '../../platform/dates.ts';
import { normalizeName } from '../places/places.service.ts';
import type { DetailRow, EventRow, SummaryRow } from './agreements.repository.ts';
import { type AgreementDraft, type EventDraft, orderEvents } from './agreements.rules.ts';
import type { Agreement, AgreementSummary, StatusEvent } from './agreements.schemas.ts';

export const iso = (v: Date | string) => (v instanceof Date ? v.toISOString() : new Date(v).toISOString());

function dated(date: string | null, precision: Precision, source: string | null, sourceEn: string | null) {
  return { date: formatPartialDate(date, precision), precision, source, sourceEn };
}

export function summaryView(r: SummaryRow): AgreementSummary {
  return {
    id: r.id,
    institution: r.institution,
    slug: r.slug,
    slugEn: r.slug_en,
    kind: r.kind,
    status: r.status,
    statusSince: formatPartialDate(r.status_since, r.status_since_precision),
    termEndedOn: r.term_ended_on,
    partner: {
      id: r.cp_id,
      type: r.cp_kind,
      nameIt: r.cp_name_it,
      nameEn: r.cp_name_en,
      website: r.cp_website,
      country: r.co_code
        ? { code: r.co_code, nameIt: r.co_name_it!, nameEn: r.co_name_en!, continent: r.co_continent! }
        : null,
      place:
        r.p_id !== null
          ? { geonamesId: r.p_id, name: r.p_name!, lat: r.p_lat!, lon: r.p_lon!, population: r.p_population! }
          : null,
    },
    signed: dated(r.signed_on, r.signed_precision, r.signed_source, r.signed_source_en),
    ratified: dated(r.ratified_on, r.ratified_precision, r.ratified_source, r.ratified_source_en),
    sectors: r.sectors,
    published: r.published,
    toVerify: r.to_verify,
    version: r.version,
    updatedAt: iso(r.updated_at),
  };
}

function eventView(e: EventRow): StatusEvent {
  return {
    id: e.id,
    status: e.status,
    outcome: e.outcome,
    date: formatPartialDate(e.occurredOn, e.precision),
    precision: e.precision,
    reasonIt: e.reasonIt,
    reasonEn: e.reasonEn,
    act: e.act,
    sources: e.sources,
  };
}

export const eventDraftOf = (e: EventRow): EventDraft => ({
  status: e.status,
  outcome: e.outcome,
  date: { date: e.occurredOn, precision: e.precision },
  reasonIt: e.reasonIt,
  reasonEn: e.reasonEn,
  act: e.act,
  sources: e.sources,
});

export function detailView(r: DetailRow, events: EventRow[]): Agreement {
  const ordered = orderEvents(
    [...events]
      .sort((a, b) => a.seq - b.seq)
      .map((e) => ({ e, date: { date: e.occurredOn, precision: e.precision } })),
  ).map(({ e }) => e);
  return {
    ...summaryView(r),
    titleIt: r.title_it,
    titleEn: r.title_en,
    signedPlace: r.signed_place,
    term: {
      type: r.term,
      endsOn: r.ends_on,
      renewal: r.renewal,
      renewalYears: r.renewal_years,
    },
    unit: r.unit,
    descriptionIt: r.description_it,
    descriptionEn: r.description_en,
    sources: r.sources ?? [],
    alternativeDates: r.alternative_dates ?? [],
    statusHistory: ordered.map(eventView),
    createdAt: iso(r.created_at),
  };
}

/** The columns an agreement's draft fills, the same for a new agreement and an edited one. */
export function draftColumns(draft: AgreementDraft) {
  return {
    kind: draft.kind,
    signedOn: draft.signed.date,
    signedPrecision: draft.signed.precision,
    signedSource: draft.signedSource,
    signedSourceEn: draft.signedSourceEn,
    ratifiedOn: draft.ratified.date,
    ratifiedPrecision: draft.ratified.precision,
    ratifiedSource: draft.ratifiedSource,
    ratifiedSourceEn: draft.ratifiedSourceEn,
    signedPlace: draft.signedPlace,
    term: draft.term,
    endsOn: draft.endsOn,
    renewal: draft.renewal,
    renewalYears: draft.renewalYears,
    sectors: draft.sectors,
    titleIt: draft.titleIt,
    titleEn: draft.titleEn,
    descriptionIt: draft.descriptionIt,
    descriptionEn: draft.descriptionEn,
    sources: draft.sources,
    alternativeDates: draft.alternativeDates,
    toVerify: draft.toVerify,
  };
}

/** What free-text search matches: the partner's names and country in both languages, titles, place names. */
export function searchTextOf(
  partner: { nameIt: string; nameEn: string },
  country: { nameIt: string; nameEn: string } | undefined | null,
  draft: AgreementDraft,
  placeNames: string[],
): string {
  const parts = [
    partner.nameIt,
    partner.nameEn,
    country?.nameIt ?? '',
    country?.nameEn ?? '',
    draft.titleIt ?? '',
    draft.titleEn ?? '',
    ...placeNames,
  ];
  return [...new Set(parts.map(normalizeName).filter(Boolean))].join(' | ');
}
