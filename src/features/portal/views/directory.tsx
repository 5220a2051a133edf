// The portal's directories: the consular corps and the foreign-community associations an institution
// publishes, with filters that are plain GET forms (no script), a sketch of where the posts are, each entry's
// contacts and vCard, and the whole list as vCard, CSV and JSON.
import { telUri } from '../../../platform/contacts.ts';
import type { Lang } from '../../../platform/i18n.ts';
import { languageName } from '../../../platform/languages.ts';
import { ORGANISATION_WORDS } from '../../organisations/organisations.schemas.ts';
import type { DirectoryEntry } from '../../organisations/organisations.service.ts';
import {
  type DirectoryKind,
  directoryFilePath,
  organisationVcardPath,
  sectionPath,
} from '../portal.paths.ts';
import { directoryWords } from './directory.strings.ts';

export interface DirectoryFilters {
  country: string;
  kind: string;
  language: string;
}

const nameOf = (o: { nameIt: string; nameEn: string | null }, lang: Lang) =>
  lang === 'en' && o.nameEn ? o.nameEn : o.nameIt;
const countryName = (c: { nameIt: string; nameEn: string }, lang: Lang) =>
  lang === 'en' ? c.nameEn : c.nameIt;

/** The entries the filters keep: a consular post by its country and kind; an association by a community and a language. */
export function filtered(list: DirectoryEntry[], kind: DirectoryKind, f: DirectoryFilters): DirectoryEntry[] {
  return list.filter((o) =>
    kind === 'consular'
      ? (!f.country || o.country?.code === f.country) && (!f.kind || o.postKind === f.kind)
      : (!f.country || o.communities.some((c) => c.code === f.country)) &&
        (!f.language || o.languages.includes(f.language)),
  );
}

/** The filters a query asks for, each kept only when the list offers it (no cache entry for a made-up value). */
export function readDirectoryFilters(
  query: Record<string, unknown>,
  list: DirectoryEntry[],
): DirectoryFilters {
  const one = (name: string) => (typeof query[name] === 'string' ? (query[name] as string) : '');
  const countries = new Set(list.flatMap((o) => [o.country?.code, ...o.communities.map((c) => c.code)]));
  const kinds = new Set(list.map((o) => o.postKind));
  const languages = new Set(list.flatMap((o) => o.languages));
  return {
    country: countries.has(one('country')) ? one('country') : '',
    kind: kinds.has(one('kind') as never) ? one('kind') : '',
    language: languages.has(one('language')) ? one('language') : '',
  };
}

const short = (text: string) => (text.length > 28 ? `${text.slice(0, 27)}…` : text);

/** A sketch of the posts' places relative to each other: no map tiles, the numbers of the list. */
function Sketch(p: { entries: DirectoryEntry[]; lang: Lang }) {
  const w = directoryWords(p.lang);
  const placed = p.entries.map((o, i) => ({ o, n: i + 1 })).filter((x) => x.o.point);
  if (placed.length < 2) return null;
  const lats = placed.map((x) => x.o.point!.latitude);
  const lons = placed.map((x) => x.o.point!.longitude);
  const [minLat, maxLat, minLon, maxLon] = [
    Math.min(...lats),
    Math.max(...lats),
    Math.min(...lons),
    Math.max(...lons),
  ];
  const k = Math.cos(((minLat + maxLat) / 2) * (Math.PI / 180));
  const spanX = Math.max((maxLon - minLon) * k, 0.002);
  const spanY = Math.max(maxLat - minLat, 0.002);
  const width = 640;
  const height = Math.round(Math.min(320, Math.max(200, (width * spanY) / spanX)));
  const pad = 36;
  const scale = Math.min((width - 2 * pad) / spanX, (height - 2 * pad) / spanY);
  const x = (lon: number) => pad + (lon - minLon) * k * scale;
  const y = (lat: number) => height - pad - (lat - minLat) * scale;
  return (
    <figure class="my-4">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        class="ponte-sketch w-100"
        role="img"
        aria-labelledby="sketch-title sketch-desc"
      >
        <title id="sketch-title">{w.mapTitle}</title>
        <desc id="sketch-desc">{w.mapDesc(placed.length)}</desc>
        <rect x="0" y="0" width={width} height={height} fill="#f2f4f7" />
        {placed.map(({ o, n }) => (
          <g key={o.id}>
            <circle cx={x(o.point!.longitude)} cy={y(o.point!.latitude)} r="11" fill="#0066cc" />
            <text
              x={x(o.point!.longitude) + (x(o.point!.longitude) > width / 2 ? -16 : 16)}
              y={y(o.point!.latitude) + 4}
              text-anchor={x(o.point!.longitude) > width / 2 ? 'end' : 'start'}
              font-size="12"
              fill="#1a1a1a"
            >
              {short(nameOf(o, p.lang))}
            </text>
            <text
              x={x(o.point!.longitude)}
              y={y(o.point!.latitude) + 4}
              text-anchor="middle"
              font-size="11"
              fill="#ffffff"
            >
              {String(n)}
            </text>
          </g>
        ))}
      </svg>
      <figcaption class="small">{w.mapDesc(placed.length)}</figcaption>
    </figure>
  );
}

function Entry(p: { o: DirectoryEntry; n: number; lang: Lang; institution: string }) {
  const w = directoryWords(p.lang);
  const kinds = ORGANISATION_WORDS[p.lang];
  const o = p.o;
  const rows: [string, preact.ComponentChildren][] = [
    ...(o.head
      ? ([
          [
            w.head,
            `${[o.head.honorific, o.head.name].filter(Boolean).join(' ')}, ${
              p.lang === 'en' && o.head.titleEn ? o.head.titleEn : o.head.titleIt
            }`,
          ],
        ] as [string, string][])
      : []),
    [w.address, [o.address, o.city].filter(Boolean).join(', ')],
    ...(o.district.length ? ([[w.district, o.district.join(', ')]] as [string, string][]) : []),
    ...(o.communities.length
      ? ([[w.communities, o.communities.map((c) => countryName(c, p.lang)).join(', ')]] as [string, string][])
      : []),
    ...(o.languages.length
      ? ([[w.languages, o.languages.map((l) => languageName(l, p.lang)).join(', ')]] as [string, string][])
      : []),
    [w.phone, o.phone ? <a href={telUri(o.phone)}>{o.phone}</a> : null],
    [w.email, o.email ? <a href={`mailto:${o.email}`}>{o.email}</a> : null],
    [w.website, o.website ? <a href={o.website}>{o.website.replace(/^https?:\/\//, '')}</a> : null],
    [
      w.hours,
      p.lang === 'en' ? (o.openingHoursEn ?? o.openingHoursIt) : (o.openingHoursIt ?? o.openingHoursEn),
    ],
    [w.activities, p.lang === 'en' ? (o.activitiesEn ?? o.activitiesIt) : (o.activitiesIt ?? o.activitiesEn)],
    ...(o.registerNumber ? ([[w.register, o.registerNumber]] as [string, string][]) : []),
  ];
  const shown = rows.filter(([, v]) => v !== null && v !== undefined && v !== '');
  return (
    <li class="mb-4" id={`o-${o.id}`}>
      <p class="mb-1 text-uppercase small fw-semibold">
        {o.point ? `${p.n} · ` : ''}
        {o.postKind ? kinds.postKinds[o.postKind] : kinds.kinds[o.kind]}
        {o.country ? ` · ${countryName(o.country, p.lang)}` : ''}
      </p>
      <h2 class="h5 mb-2">{nameOf(o, p.lang)}</h2>
      <dl class="row mb-1">
        {shown.map(([label, value]) => (
          <>
            <dt class="col-sm-3">{label}</dt>
            <dd class="col-sm-9">{value}</dd>
          </>
        ))}
      </dl>
      <p class="mb-0">
        <a href={organisationVcardPath(p.institution, o.id, p.lang)} download>
          {w.vcard}
          <span class="visually-hidden">: {nameOf(o, p.lang)}</span>
        </a>
        {o.point ? (
          <>
            {' · '}
            <a
              href={`https://www.openstreetmap.org/?mlat=${o.point.latitude}&mlon=${o.point.longitude}#map=17/${o.point.latitude}/${o.point.longitude}`}
              rel="noopener noreferrer"
            >
              {w.onMap}
              <span class="visually-hidden">: {nameOf(o, p.lang)}</span>
            </a>
          </>
        ) : null}
      </p>
    </li>
  );
}

export function Directory(p: {
  kind: DirectoryKind;
  entries: DirectoryEntry[];
  filters: DirectoryFilters;
  institution: string;
  institutionName: string;
  lang: Lang;
}) {
  const w = directoryWords(p.lang);
  const kinds = ORGANISATION_WORDS[p.lang];
  const consular = p.kind === 'consular';
  const shown = filtered(p.entries, p.kind, p.filters);
  const countries = new Map<string, string>();
  for (const o of p.entries) {
    for (const c of consular ? (o.country ? [o.country] : []) : o.communities)
      countries.set(c.code, countryName(c, p.lang));
  }
  const options = (entries: [string, string][], any: string) => [
    ['', any] as [string, string],
    ...entries.sort((a, b) => a[1].localeCompare(b[1], p.lang)),
  ];
  const selects: { name: keyof DirectoryFilters; label: string; options: [string, string][] }[] = consular
    ? [
        { name: 'country', label: w.country, options: options([...countries], w.anyCountry) },
        {
          name: 'kind',
          label: w.kind,
          options: options(
            [...new Set(p.entries.map((o) => o.postKind).filter((k): k is NonNullable<typeof k> => !!k))].map(
              (k) => [k, kinds.postKinds[k] ?? k],
            ),
            w.anyKind,
          ),
        },
      ]
    : [
        { name: 'country', label: w.community, options: options([...countries], w.anyCommunity) },
        {
          name: 'language',
          label: w.language,
          options: options(
            [...new Set(p.entries.flatMap((o) => o.languages))].map((l) => [l, languageName(l, p.lang)]),
            w.anyLanguage,
          ),
        },
      ];
  const here = sectionPath(p.institution, p.lang, consular ? 'consularCorps' : 'communities');
  return (
    <div class="container my-4">
      <h1>{consular ? w.consularTitle : w.communitiesTitle}</h1>
      <p class="lead">
        {consular ? w.consularLead(p.institutionName) : w.communitiesLead(p.institutionName)}
      </p>
      {p.entries.length === 0 ? (
        <p>{w.empty}</p>
      ) : (
        <>
          <form method="get" action={here} class="row align-items-end my-4" aria-label={w.filters}>
            {selects.map((s) => (
              <div class="select-wrapper col-md-4 mb-3" key={s.name}>
                <label for={`f-${s.name}`}>{s.label}</label>
                <select id={`f-${s.name}`} name={s.name}>
                  {s.options.map(([value, label]) => (
                    <option key={value} value={value} selected={value === p.filters[s.name]}>
                      {label}
                    </option>
                  ))}
                </select>
              </div>
            ))}
            <div class="col-md-4 mb-3">
              <button type="submit" class="btn btn-primary me-3">
                {w.apply}
              </button>
              <a href={here}>{w.reset}</a>
            </div>
          </form>
          <p role="status">{w.count(shown.length)}</p>
          {consular ? <Sketch entries={shown} lang={p.lang} /> : null}
          {shown.length === 0 ? <p>{w.none}</p> : null}
          <ol class="list-unstyled">
            {shown.map((o, i) => (
              <Entry key={o.id} o={o} n={i + 1} lang={p.lang} institution={p.institution} />
            ))}
          </ol>
        </>
      )}
      <section class="mt-4" aria-labelledby="downloads">
        <h2 id="downloads" class="h4">
          {w.downloads}
        </h2>
        <ul>
          <li>
            <a href={directoryFilePath(p.institution, p.kind, 'vcf', p.lang)} download>
              {w.vcardAll}
            </a>
          </li>
          <li>
            <a href={directoryFilePath(p.institution, p.kind, 'csv')} download>
              {w.csv}
            </a>
          </li>
          <li>
            <a href={directoryFilePath(p.institution, p.kind, 'json')} download>
              {w.json}
            </a>
          </li>
        </ul>
        <p class="small">{w.licence}</p>
        <p>
          <a href={sectionPath(p.institution, p.lang, consular ? 'communities' : 'consularCorps')}>
            {consular ? w.otherDirectory.consular : w.otherDirectory.communities}
          </a>
        </p>
      </section>
    </div>
  );
}
