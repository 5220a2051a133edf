import type { Lang } from '../../../platform/i18n.ts';
import { DataLink } from '../../../views/data-link.tsx';
import { SourceItem, SourceList, sourceText } from '../../../views/sources.tsx';
import { KIND_LABELS, SECTOR_LABELS, STATUS_LABELS } from '../../agreements/agreements.labels.ts';
import type { Agreement } from '../../agreements/agreements.schemas.ts';
import { locatorMapSvg } from '../map/world-map.ts';
import {
  agreementTitle,
  countryName,
  date,
  partnerName,
  precisionOf,
  reasonOf,
  StatusBadge,
  statusText,
} from './common.tsx';
import { s } from './portal.strings.ts';

type Props = { a: Agreement; lang: Lang };

export function Partnership({ a, lang }: Props) {
  const t = s(lang).partnership;
  const description =
    lang === 'it' ? (a.descriptionIt ?? a.descriptionEn) : (a.descriptionEn ?? a.descriptionIt);
  return (
    <div class="container my-4">
      <h1>{agreementTitle(a, lang)}</h1>
      <p>
        <StatusBadge a={a} lang={lang} />
      </p>
      {a.toVerify ? <p class="alert alert-warning">{s(lang).partnerships.beingVerifiedNote}</p> : null}
      <div class="row">
        <div class="col-lg-8">
          <Facts a={a} lang={lang} />

          {a.alternativeDates.length > 0 ? <OtherDates a={a} lang={lang} /> : null}

          {description ? (
            <section aria-labelledby="description">
              <h2 id="description" class="h4">
                {t.description}
              </h2>
              <p>{description}</p>
            </section>
          ) : null}

          <History a={a} lang={lang} />

          {a.sectors.length > 0 ? <Sectors a={a} lang={lang} /> : null}

          {a.sources.length > 0 ? <Sources a={a} lang={lang} /> : null}
        </div>
        {a.partner.place ? <Locator a={a} lang={lang} /> : null}
      </div>
    </div>
  );
}

/**
 * " (two years after signing)" when the end date falls on the anniversary of a signing known to the day: the
 * reader learns that the date follows from the term's length rather than from a document of its own.
 */
function afterSigning(a: Agreement, lang: Lang): string {
  const signed = a.signed.precision === 'day' ? a.signed.date : null;
  const ends = a.term.endsOn;
  if (!signed || !ends || signed.slice(4) !== ends.slice(4)) return '';
  const years = Number(ends.slice(0, 4)) - Number(signed.slice(0, 4));
  return years > 0 ? ` (${s(lang).partnership.yearsAfterSigning(years)})` : '';
}

/** The agreement's term in words: permanent, or until when and how it renews. */
function termText(a: Agreement, lang: Lang): string {
  const t = s(lang).partnership;
  return a.term.type === 'permanent'
    ? t.permanent
    : [
        a.term.endsOn ? `${t.until} ${date(a.term.endsOn, 'day', lang)}${afterSigning(a, lang)}` : null,
        a.term.renewal ? t.renewal[a.term.renewal] : null,
        a.term.renewalYears ? t.everyYears(a.term.renewalYears) : null,
      ]
        .filter(Boolean)
        .join(', ');
}

function Facts({ a, lang }: Props) {
  const t = s(lang).partnership;
  const signed = date(a.signed.date, a.signed.precision, lang);
  const ratified = date(a.ratified.date, a.ratified.precision, lang);
  return (
    <section aria-labelledby="facts">
      <h2 id="facts" class="h4">
        {t.facts}
      </h2>
      <dl class="row">
        <dt class="col-sm-4">{t.partner}</dt>
        <dd class="col-sm-8">{partnerName(a, lang)}</dd>
        {a.partner.country ? (
          <>
            <dt class="col-sm-4">{t.country}</dt>
            <dd class="col-sm-8">{countryName(a, lang)}</dd>
          </>
        ) : null}
        <dt class="col-sm-4">{t.kind}</dt>
        <dd class="col-sm-8">{KIND_LABELS[a.kind][lang]}</dd>
        <dt class="col-sm-4">{t.signed}</dt>
        <dd class="col-sm-8">
          {signed ?? t.unknown}
          <DateSource fact={a.signed} lang={lang} />
        </dd>
        {ratified ? (
          <>
            <dt class="col-sm-4">{t.ratified}</dt>
            <dd class="col-sm-8">
              {ratified}
              <DateSource fact={a.ratified} lang={lang} />
            </dd>
          </>
        ) : null}
        {a.signedPlace ? (
          <>
            <dt class="col-sm-4">{t.signedPlace}</dt>
            <dd class="col-sm-8">{a.signedPlace}</dd>
          </>
        ) : null}
        <dt class="col-sm-4">{t.term}</dt>
        <dd class="col-sm-8">{termText(a, lang)}</dd>
        <dt class="col-sm-4">{t.status}</dt>
        <dd class="col-sm-8">{statusText(a, lang)}</dd>
      </dl>
    </section>
  );
}

/** Where a date comes from, in brackets after it. */
function DateSource(p: { fact: { source: string | null; sourceEn: string | null }; lang: Lang }) {
  const text = sourceText(p.fact.source, p.fact.sourceEn, p.lang);
  return text ? <span class="small text-muted"> ({text})</span> : null;
}

function OtherDates({ a, lang }: Props) {
  const t = s(lang).partnership;
  return (
    <section aria-labelledby="other-dates">
      <h2 id="other-dates" class="h5">
        {t.otherDates}
      </h2>
      <ul>
        {a.alternativeDates.map((d) => (
          <li key={`${d.field}-${d.date}`}>
            {d.field === 'signed' ? t.signed : t.ratified}: {date(d.date, d.precision, lang)}, {t.accordingTo}{' '}
            <DataLink href={d.url}>{sourceText(d.source, d.sourceEn, lang)}</DataLink>
          </li>
        ))}
      </ul>
    </section>
  );
}

function History({ a, lang }: Props) {
  const t = s(lang).partnership;
  return (
    <section aria-labelledby="history">
      <h2 id="history" class="h4">
        {t.history}
      </h2>
      <ol class="ponte-timeline">
        {a.statusHistory.map((e) => {
          const reason = reasonOf(e, lang);
          const when = e.date ? date(e.date, precisionOf(e.date), lang) : t.unknown;
          return (
            <li key={e.id} class={e.status === 'active' || e.outcome === 'rejected' ? '' : 'is-inactive'}>
              <strong>{when}</strong>: {STATUS_LABELS[e.status][lang]}
              {e.outcome === 'rejected' ? <em> — {t.rejected}</em> : null}
              {reason ? <p class="mb-0">{reason}</p> : null}
              {e.act ? (
                <p class="mb-0 small">
                  {t.act}: {e.act}
                </p>
              ) : null}
              {e.sources.length > 0 ? (
                <p class="mb-0 small">
                  {t.eventSources}:{' '}
                  {e.sources.map((src, i) => (
                    <>
                      {i > 0 ? '; ' : ''}
                      <SourceItem source={src} lang={lang} />
                    </>
                  ))}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function Sectors({ a, lang }: Props) {
  return (
    <section aria-labelledby="sectors">
      <h2 id="sectors" class="h4">
        {s(lang).partnership.sectors}
      </h2>
      <ul class="d-flex flex-wrap gap-2 list-unstyled">
        {a.sectors.map((sec) => (
          <li key={sec} class="chip chip-simple">
            <span class="chip-label">{SECTOR_LABELS[sec][lang]}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Sources({ a, lang }: Props) {
  return (
    <section aria-labelledby="sources">
      <h2 id="sources" class="h4">
        {s(lang).partnership.sources}
      </h2>
      <SourceList sources={a.sources} lang={lang} />
    </section>
  );
}

/** The partner city on a small world map; only for a partner with a place. */
function Locator({ a, lang }: Props) {
  const t = s(lang).partnership;
  const place = a.partner.place!;
  return (
    <div class="col-lg-4">
      <figure
        class="ponte-locator"
        // Raw HTML on purpose: a server-built SVG whose labels the map module escapes.
        dangerouslySetInnerHTML={{
          __html: locatorMapSvg({
            lon: place.lon,
            lat: place.lat,
            title: t.locator(partnerName(a, lang)),
            description: t.locatorDesc(partnerName(a, lang), countryName(a, lang)),
            idPrefix: 'loc',
          }),
        }}
      />
    </div>
  );
}
