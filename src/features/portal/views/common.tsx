// Small pieces every portal page uses: names in the page's language, dates at their precision, status badges.
import type { Precision } from '../../../platform/dates.ts';
import { formatDate, type Lang } from '../../../platform/i18n.ts';
import { KIND_LABELS, STATUS_LABELS } from '../../agreements/agreements.labels.ts';
import type { Agreement, AgreementSummary, StatusEvent } from '../../agreements/agreements.schemas.ts';
import { legendSymbol, type MapPoint } from '../map/world-map.ts';
import { s } from './portal.strings.ts';

export const partnerName = (a: AgreementSummary, lang: Lang) =>
  lang === 'it' ? a.partner.nameIt : a.partner.nameEn;
export const countryName = (a: AgreementSummary, lang: Lang) =>
  a.partner.country ? (lang === 'it' ? a.partner.country.nameIt : a.partner.country.nameEn) : '';

/** "Gemellaggio con Chicago" / "Twinning with Chicago" (or the agreement's own title). */
export function agreementTitle(a: Agreement, lang: Lang): string {
  const own = lang === 'it' ? a.titleIt : a.titleEn;
  if (own) return own;
  return `${KIND_LABELS[a.kind][lang]} ${s(lang).partnership.with} ${partnerName(a, lang)}`;
}

export function date(d: string | null, precision: Precision | string, lang: Lang): string | null {
  return formatDate(d, precision as Precision, lang);
}

/** The date an agreement is known by: signing, else ratification, in words; or "date not known". */
export function agreementDate(a: AgreementSummary, lang: Lang): string {
  const t = s(lang).partnerships;
  const signed = date(a.signed.date, a.signed.precision, lang);
  if (signed) return `${t.signed} ${signed}`;
  const ratified = date(a.ratified.date, a.ratified.precision, lang);
  if (ratified) return `${t.ratified} ${ratified}`;
  return t.dateUnknown;
}

/**
 * The status as a reader should understand it: an agreement still recorded as active whose fixed term has
 * ended, with no renewal recorded, is not presented as active.
 */
export function statusText(a: AgreementSummary, lang: Lang): string {
  if (a.termEndedOn) return s(lang).partnerships.termEnded(date(a.termEndedOn, 'day', lang) ?? a.termEndedOn);
  return STATUS_LABELS[a.status][lang];
}

/** The status a reader filters by: a lapsed fixed term counts as expired. */
export const effectiveStatus = (a: AgreementSummary): AgreementSummary['status'] =>
  a.termEndedOn ? 'expired' : a.status;

/** Whether an agreement is in force as far as the record shows (for the maps' tones). */
export const inForce = (a: AgreementSummary) =>
  !a.termEndedOn && (a.status === 'active' || a.status === 'proposed');

export function StatusBadge({ a, lang }: { a: AgreementSummary; lang: Lang }) {
  if (a.termEndedOn) return <span class="ponte-badge ponte-badge-expired">{statusText(a, lang)}</span>;
  const since =
    a.status !== 'active' && a.statusSince ? date(a.statusSince, precisionOf(a.statusSince), lang) : null;
  return (
    <span class={`ponte-badge ponte-badge-${a.status}`}>
      {STATUS_LABELS[a.status][lang]}
      {since ? ` ${s(lang).partnerships.since} ${since}` : ''}
    </span>
  );
}

/** Said of an agreement recorded from sources the office has not yet checked. */
export function VerifyBadge({ a, lang }: { a: AgreementSummary; lang: Lang }) {
  return a.toVerify ? (
    <span class="ponte-badge ponte-badge-verify">{s(lang).partnerships.beingVerified}</span>
  ) : null;
}

/** The precision an API-form date string carries: "2012" year, "2012-11" month, "2012-11-05" day. */
export function precisionOf(d: string): Precision {
  return d.length === 4 ? 'year' : d.length === 7 ? 'month' : 'day';
}

/** The latest approved event that set the current status, for its reason. */
export function statusEvent(a: Agreement): StatusEvent | undefined {
  return a.statusHistory.filter((e) => e.outcome === 'approved' && e.status === a.status).at(-1);
}

export const reasonOf = (e: StatusEvent, lang: Lang) =>
  lang === 'it' ? (e.reasonIt ?? e.reasonEn) : (e.reasonEn ?? e.reasonIt);

/** A map's legend: each tone's symbol, drawn exactly as the map draws its points, beside its meaning. */
export function MapLegend(p: { items: [tone: MapPoint['tone'], text: string][] }) {
  return (
    <ul class="list-inline small ponte-legend">
      {p.items.map(([tone, text]) => (
        <li key={tone} class="list-inline-item me-4">
          {/* Raw HTML on purpose: a fixed, decorative SVG symbol from the map module. */}
          <span dangerouslySetInnerHTML={{ __html: legendSymbol(tone) }} /> {text}
        </li>
      ))}
    </ul>
  );
}
