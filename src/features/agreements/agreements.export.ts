// Agreements back into files (CSV, JSON, GeoJSON) that import again to the same agreements.
import { stringify } from 'csv-stringify/sync';
import { guardCell } from '../../platform/csv.ts';
import { CSV_COLUMNS } from './agreements.csv-record.ts';
import type { Agreement, AgreementInput } from './agreements.schemas.ts';

export function toInput(a: Agreement): AgreementInput {
  const website = a.partner.website;
  const partner: AgreementInput['partner'] =
    a.partner.type === 'city' && a.partner.place
      ? {
          type: 'city',
          name: a.partner.nameIt,
          ...(a.partner.country ? { country: a.partner.country.code } : {}),
          geonamesId: a.partner.place.geonamesId,
        }
      : {
          type: 'organisation',
          nameIt: a.partner.nameIt,
          nameEn: a.partner.nameEn,
          ...(a.partner.country ? { country: a.partner.country.code } : {}),
          ...(website ? { website } : {}),
        };
  return {
    slug: a.slug,
    kind: a.kind,
    partner,
    signed: { date: a.signed.date, ...(a.signed.source ? { source: a.signed.source } : {}) },
    ratified: { date: a.ratified.date, ...(a.ratified.source ? { source: a.ratified.source } : {}) },
    ...(a.signedPlace ? { signedPlace: a.signedPlace } : {}),
    term:
      a.term.type === 'fixed'
        ? {
            type: 'fixed',
            endsOn: a.term.endsOn,
            ...(a.term.renewal ? { renewal: a.term.renewal } : {}),
            ...(a.term.renewalYears ? { renewalYears: a.term.renewalYears } : {}),
          }
        : { type: 'permanent' },
    sectors: a.sectors,
    ...(a.titleIt ? { titleIt: a.titleIt } : {}),
    ...(a.titleEn ? { titleEn: a.titleEn } : {}),
    ...(a.descriptionIt ? { descriptionIt: a.descriptionIt } : {}),
    ...(a.descriptionEn ? { descriptionEn: a.descriptionEn } : {}),
    sources: a.sources,
    alternativeDates: a.alternativeDates,
    statusHistory: a.statusHistory.map((e) => ({
      status: e.status,
      ...(e.outcome === 'rejected' ? { outcome: e.outcome } : {}),
      date: e.date,
      ...(e.reasonIt ? { reasonIt: e.reasonIt } : {}),
      ...(e.reasonEn ? { reasonEn: e.reasonEn } : {}),
      ...(e.act ? { act: e.act } : {}),
    })),
    published: a.published,
    ...(a.toVerify ? { toVerify: true } : {}),
    ...(a.unit ? { unit: a.unit } : {}),
  };
}

export function toCsv(list: Agreement[]): string {
  const rows = list.map((a) => {
    const inp = toInput(a);
    const p = inp.partner;
    const latest = a.statusHistory.filter((e) => e.outcome === 'approved').at(-1);
    const row: Record<(typeof CSV_COLUMNS)[number], string> = {
      slug: a.slug,
      kind: a.kind,
      partner: p.type === 'city' ? p.name : p.nameIt,
      country: p.country ?? '',
      geonames_id: p.type === 'city' ? String(p.geonamesId ?? '') : '',
      partner_type: p.type,
      partner_name_en: p.type === 'organisation' ? p.nameEn : a.partner.nameEn,
      partner_website: p.type === 'organisation' ? (p.website ?? '') : '',
      signed: a.signed.date ?? '',
      signed_source: a.signed.source ?? '',
      ratified: a.ratified.date ?? '',
      ratified_source: a.ratified.source ?? '',
      signed_place: a.signedPlace ?? '',
      term: a.term.type,
      ends: a.term.endsOn ?? '',
      renewal: a.term.renewal ?? '',
      renewal_years: a.term.renewalYears ? String(a.term.renewalYears) : '',
      sectors: a.sectors.join('|'),
      status: a.status,
      status_date: a.statusSince ?? '',
      status_reason_it: latest?.reasonIt ?? '',
      status_reason_en: latest?.reasonEn ?? '',
      status_act: latest?.act ?? '',
      title_it: a.titleIt ?? '',
      title_en: a.titleEn ?? '',
      description_it: a.descriptionIt ?? '',
      description_en: a.descriptionEn ?? '',
      sources: a.sources.length ? JSON.stringify(a.sources) : '',
      alternative_dates: a.alternativeDates.length ? JSON.stringify(a.alternativeDates) : '',
      // The full history goes in its own column; on import it wins over the status columns.
      status_history: JSON.stringify(inp.statusHistory),
      published: a.published ? 'yes' : 'no',
      unit: a.unit ?? '',
    };
    return CSV_COLUMNS.map((c) => guardCell(row[c]));
  });
  return `\uFEFF${stringify([CSV_COLUMNS as unknown as string[], ...rows], { record_delimiter: '\r\n' })}`;
}

export function toJson(institution: string, list: Agreement[]): string {
  const agreements = list.map((a) => toInput(a));
  return `${JSON.stringify({ institution, exportedAt: new Date().toISOString(), agreements }, null, 2)}\n`;
}

/** RFC 7946 FeatureCollection: each agreement with a partner city as a Point [lon, lat] with its properties. */
export function toGeoJson(list: Agreement[], publicUrl?: string) {
  return {
    type: 'FeatureCollection' as const,
    features: list
      .filter((a) => a.partner.place)
      .map((a) => ({
        type: 'Feature' as const,
        id: a.id,
        geometry: {
          type: 'Point' as const,
          coordinates: [
            Math.round(a.partner.place!.lon * 1e6) / 1e6,
            Math.round(a.partner.place!.lat * 1e6) / 1e6,
          ],
        },
        properties: {
          institution: a.institution,
          slug: a.slug,
          kind: a.kind,
          status: a.status,
          statusSince: a.statusSince,
          partnerIt: a.partner.nameIt,
          partnerEn: a.partner.nameEn,
          country: a.partner.country?.code ?? null,
          countryIt: a.partner.country?.nameIt ?? null,
          countryEn: a.partner.country?.nameEn ?? null,
          continent: a.partner.country?.continent ?? null,
          geonamesId: a.partner.place!.geonamesId,
          signed: a.signed.date,
          signedPrecision: a.signed.precision,
          ratified: a.ratified.date,
          ratifiedPrecision: a.ratified.precision,
          sectors: a.sectors,
          ...(publicUrl ? { api: `${publicUrl}/api/v1/agreements/${a.id}` } : {}),
        },
      })),
  };
}
