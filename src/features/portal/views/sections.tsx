// The map, timeline, networks, open-data and privacy pages of an institution.

import type { Lang } from '../../../platform/i18n.ts';
import { safeHref } from '../../../platform/urls.ts';
import { distinctSources, SourceList } from '../../../views/sources.tsx';
import { KIND_LABELS, STATUS_LABELS } from '../../agreements/agreements.labels.ts';
import type { Agreement } from '../../agreements/agreements.schemas.ts';
import type { Network } from '../../networks/networks.schemas.ts';
import { type MapPoint, worldMapSvg } from '../map/world-map.ts';
import {
  agendaFeedPath,
  dataPath,
  directoryFilePath,
  missionCostsPath,
  partnershipPath,
} from '../portal.paths.ts';
import {
  agreementDate,
  agreementTitle,
  countryName,
  date,
  inForce,
  MapLegend,
  partnerName,
  precisionOf,
  reasonOf,
  statusText,
} from './common.tsx';
import { s } from './portal.strings.ts';

export function pointsOf(institution: string, list: Agreement[], lang: Lang): MapPoint[] {
  return list
    .filter((a) => a.partner.place)
    .map((a) => ({
      id: a.slug,
      lon: a.partner.place!.lon,
      lat: a.partner.place!.lat,
      label: `${partnerName(a, lang)}, ${countryName(a, lang)} — ${KIND_LABELS[a.kind][lang]}, ${statusText(a, lang).toLowerCase()}`,
      href: partnershipPath(institution, lang, a),
      tone: inForce(a) ? ('active' as const) : ('inactive' as const),
    }));
}

export function MapPage(p: { institution: string; institutionName: string; list: Agreement[]; lang: Lang }) {
  const t = s(p.lang).map;
  const points = pointsOf(p.institution, p.list, p.lang);
  const svg = worldMapSvg({
    points,
    title: t.mapTitle(p.institutionName),
    description: t.mapDesc(points.length),
    idPrefix: 'wm',
  });
  return (
    <div class="container my-4">
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      <MapLegend
        items={[
          ['active', t.legendActive],
          ['inactive', t.legendInactive],
        ]}
      />
      {/* Raw HTML on purpose: a server-built SVG whose labels the map module escapes. */}
      <figure class="ponte-map" dangerouslySetInnerHTML={{ __html: svg }} />
      <section aria-labelledby="map-list">
        <h2 id="map-list">{t.list}</h2>
        <ul>
          {p.list.map((a) => (
            <li key={a.id}>
              <a href={partnershipPath(p.institution, p.lang, a)}>{partnerName(a, p.lang)}</a>
              {a.partner.country ? `, ${countryName(a, p.lang)}` : ''} — {KIND_LABELS[a.kind][p.lang]},{' '}
              {statusText(a, p.lang).toLowerCase()}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

interface TimelineEntry {
  key: string;
  date: string | null;
  label: string;
  href: string;
  inactive: boolean;
  detail: string | null;
}

export function timelineEntries(institution: string, list: Agreement[], lang: Lang): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const a of list) {
    const href = partnershipPath(institution, lang, a);
    entries.push({
      key: `${a.id}-start`,
      date: a.signed.date ?? a.ratified.date,
      label: agreementTitle(a, lang),
      href,
      inactive: false,
      detail: agreementDate(a, lang),
    });
    // Status changes after the start: suspensions, endings, and motions that failed.
    for (const e of a.statusHistory.slice(1)) {
      const when = e.date ? date(e.date, precisionOf(e.date), lang) : null;
      const what = `${agreementTitle(a, lang)}: ${STATUS_LABELS[e.status][lang].toLowerCase()}${
        e.outcome === 'rejected' ? ` — ${s(lang).partnership.rejected.toLowerCase()}` : ''
      }`;
      entries.push({
        key: e.id,
        date: e.date,
        label: what,
        href,
        inactive: e.outcome === 'approved' && e.status !== 'active',
        detail: [when, reasonOf(e, lang)].filter(Boolean).join(' — ') || null,
      });
    }
  }
  return entries.sort((x, y) => (x.date ?? '9999').localeCompare(y.date ?? '9999'));
}

export function Timeline(p: { institution: string; list: Agreement[]; lang: Lang }) {
  const t = s(p.lang).timeline;
  const entries = timelineEntries(p.institution, p.list, p.lang);
  const dated = entries.filter((e) => e.date);
  const years = new Map<string, TimelineEntry[]>();
  for (const e of entries) {
    const y = e.date ? e.date.slice(0, 4) : t.undated;
    years.set(y, [...(years.get(y) ?? []), e]);
  }
  return (
    <div class="container my-4">
      <h1>{t.title}</h1>
      <p class="lead">{dated[0] ? t.lead(dated[0].date!.slice(0, 4)) : t.empty}</p>
      {[...years.entries()].map(([year, list]) => (
        <section key={year} aria-labelledby={`y-${year}`}>
          <h2 id={`y-${year}`} class="h4">
            {year}
          </h2>
          <ol class="ponte-timeline">
            {list.map((e) => (
              <li key={e.key} class={e.inactive ? 'is-inactive' : undefined}>
                <a href={e.href}>{e.label}</a>
                {e.detail ? <p class="mb-0 small">{e.detail}</p> : null}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}

export function Networks(p: { networks: Network[]; institution: string; lang: Lang }) {
  const t = s(p.lang).networks;
  return (
    <div class="container my-4">
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      {p.networks.length === 0 ? <p>{t.none}</p> : null}
      {p.networks.map((n) => {
        const m = n.memberships.find((x) => x.institution === p.institution);
        const since = m ? date(m.since.date, m.since.precision, p.lang) : null;
        const role = m ? (p.lang === 'it' ? m.roleIt : m.roleEn) : null;
        const description = p.lang === 'it' ? n.descriptionIt : n.descriptionEn;
        return (
          <section key={n.slug} aria-labelledby={`n-${n.slug}`} class="mb-4">
            <h2 id={`n-${n.slug}`} class="h4">
              {p.lang === 'it' ? n.nameIt : n.nameEn}
              {n.acronym ? ` (${n.acronym})` : ''}
            </h2>
            {description ? <p>{description}</p> : null}
            <dl class="row">
              {since ? (
                <>
                  <dt class="col-sm-3">{t.since}</dt>
                  <dd class="col-sm-9">{since}</dd>
                </>
              ) : null}
              {role ? (
                <>
                  <dt class="col-sm-3">{t.role}</dt>
                  <dd class="col-sm-9">{role}</dd>
                </>
              ) : null}
              {m?.workingGroups.length ? (
                <>
                  <dt class="col-sm-3">{t.groups}</dt>
                  <dd class="col-sm-9">{m.workingGroups.join(', ')}</dd>
                </>
              ) : null}
              {n.sources.length + (m?.sources.length ?? 0) > 0 ? (
                <>
                  <dt class="col-sm-3">{t.sources}</dt>
                  <dd class="col-sm-9">
                    <SourceList
                      sources={distinctSources([...n.sources, ...(m?.sources ?? [])])}
                      lang={p.lang}
                      class="mb-0"
                    />
                  </dd>
                </>
              ) : null}
            </dl>
            {safeHref(n.website) ? <a href={safeHref(n.website)}>{t.website}</a> : null}
          </section>
        );
      })}
    </div>
  );
}

export function OpenData(p: { institution: string; institutionName: string; lang: Lang }) {
  const t = s(p.lang).openData;
  return (
    <div class="container my-4">
      <h1>{t.title}</h1>
      <p class="lead">{t.lead}</p>
      <ul>
        <li>
          <a href={dataPath(p.institution, 'csv')} download>
            agreements.csv
          </a>{' '}
          — {t.csv}
        </li>
        <li>
          <a href={dataPath(p.institution, 'json')} download>
            agreements.json
          </a>{' '}
          — {t.json}
        </li>
        <li>
          <a href={dataPath(p.institution, 'geojson')} download>
            agreements.geojson
          </a>{' '}
          — {t.geojson}
        </li>
        <li>
          <a href={missionCostsPath(p.institution)} download>
            mission-costs.csv
          </a>{' '}
          — {t.missionCosts}
        </li>
        <li>
          <a href={agendaFeedPath(p.institution, p.lang)}>agenda.ics</a> — {t.agenda}
        </li>
        <li>
          <a href={`/${p.institution}/data/gifts.csv`} download>
            gifts.csv
          </a>{' '}
          — {t.gifts}
        </li>
        <li>
          <a href={directoryFilePath(p.institution, 'consular', 'csv')} download>
            consular-corps.csv
          </a>
          ,{' '}
          <a href={directoryFilePath(p.institution, 'consular', 'json')} download>
            consular-corps.json
          </a>{' '}
          — {t.consularCorps}
        </li>
        <li>
          <a href={`/${p.institution}/data/objectives.csv`} download>
            objectives.csv
          </a>
          , <a href={`/api/v1/institutions/${p.institution}/objectives`}>objectives.json</a> — {t.objectives}
        </li>
        <li>
          <a href={`/${p.institution}/data/projects.csv`} download>
            projects.csv
          </a>
          , <a href={`/api/v1/institutions/${p.institution}/projects`}>projects.json</a>,{' '}
          <a href={`/api/v1/institutions/${p.institution}/projects.iati.xml`}>projects.iati.xml</a> —{' '}
          {t.projects}
        </li>
        <li>
          <a href={directoryFilePath(p.institution, 'communities', 'csv')} download>
            community-associations.csv
          </a>
          ,{' '}
          <a href={directoryFilePath(p.institution, 'communities', 'json')} download>
            community-associations.json
          </a>{' '}
          — {t.communities}
        </li>
      </ul>
      <h2>{t.license}</h2>
      <p>
        <a href="https://creativecommons.org/licenses/by/4.0/deed.it" hreflang="it">
          Creative Commons Attribuzione 4.0 Internazionale (CC-BY 4.0)
        </a>
        . {t.attribution(p.institutionName)}
      </p>
      <h2>{t.api}</h2>
      <p>
        {t.apiText} <a href="/api/docs">{t.apiLink}</a> ·{' '}
        <a href={`/api/v1/agreements?institution=${encodeURIComponent(p.institution)}`}>
          /api/v1/agreements?institution={p.institution}
        </a>
      </p>
    </div>
  );
}

/** The paragraphs of an institution's own privacy notice (split at blank lines), or the portal's generic ones. */
export const privacyParagraphs = (lang: Lang, own?: string | null): string[] => {
  const paras = (own ?? '')
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return paras.length > 0 ? paras : s(lang).privacy.body;
};

export function Privacy({ lang, text }: { lang: Lang; text?: string | null }) {
  return (
    <div class="container my-4">
      <h1>{s(lang).privacy.title}</h1>
      {privacyParagraphs(lang, text).map((para, i) => (
        // The same sentence may come twice in a text the institution wrote.
        <p key={i}>{para}</p>
      ))}
    </div>
  );
}

export function NotFound({ lang }: { lang: Lang }) {
  const t = s(lang).notFound;
  return (
    <div class="container my-5">
      <h1>{t.title}</h1>
      <p>{t.body}</p>
      <a href="/">{t.back}</a>
    </div>
  );
}
