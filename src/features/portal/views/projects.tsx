// The portal's "Progetti": the institution's published projects, filtered by status, kind and country with a
// plain GET form (no JavaScript), each with its funder, the institution's role, its period and countries, its
// budget and the institution's share, its partners and results; and its open data (CSV, JSON, IATI).
import { formatDate, type Lang } from '../../../platform/i18n.ts';
import { amountFormatter } from '../../../views/charts.tsx';
import { countryByCode } from '../../places/places.service.ts';
import type { ProjectRecord } from '../../projects/projects.service.ts';
import { projectsStrings } from '../../projects/projects.strings.ts';

const WORDS = {
  it: {
    // The name without a preposition before it: "di Comune di …" and "di Città metropolitana …" read wrong.
    lead: (name: string) =>
      `${name}: i progetti di cooperazione decentrata con i governi locali del Sud del mondo, i progetti europei, nazionali e regionali.`,
    none: 'L’ente non ha ancora pubblicato progetti.',
    noneFiltered: 'Nessun progetto corrisponde ai filtri scelti.',
    filters: 'Filtra i progetti',
    status: 'Stato',
    kind: 'Tipo',
    country: 'Paese',
    all: 'Tutti',
    apply: 'Applica',
    count: (n: number) => (n === 1 ? '1 progetto' : `${n} progetti`),
    funder: 'Programma o finanziatore',
    role: 'Ruolo dell’ente',
    period: 'Periodo',
    where: 'Dove',
    budget: 'Budget totale',
    share: 'Quota dell’ente',
    partners: 'Partner',
    results: 'Risultati',
    data: 'Scarica i dati',
    csv: 'i progetti pubblicati',
    json: 'i progetti con partner, finanziamenti e budget annuale',
    iati: 'i progetti di cooperazione nello standard IATI 2.03',
  },
  en: {
    lead: (name: string) =>
      `The projects of ${name}: decentralised cooperation with local governments of the Global South, EU, national and regional projects.`,
    none: 'The institution has not published any project yet.',
    noneFiltered: 'No project matches the filters chosen.',
    filters: 'Filter the projects',
    status: 'Status',
    kind: 'Kind',
    country: 'Country',
    all: 'All',
    apply: 'Apply',
    count: (n: number) => (n === 1 ? '1 project' : `${n} projects`),
    funder: 'Programme or funder',
    role: "The institution's role",
    period: 'Period',
    where: 'Where',
    budget: 'Total budget',
    share: "The institution's share",
    partners: 'Partners',
    results: 'Results',
    data: 'Download the data',
    csv: 'the published projects',
    json: 'the projects with partners, funding and yearly budget',
    iati: 'the cooperation projects in the IATI 2.03 standard',
  },
};

export const projectWords = (lang: Lang) => WORDS[lang];

export interface ProjectFilters {
  status: string;
  kind: string;
  country: string;
}

/** The filters a query asks for, keeping only values the list offers (so they cannot multiply cache entries). */
export function readProjectFilters(query: Record<string, unknown>, all: ProjectRecord[]): ProjectFilters {
  const pick = (name: string, allowed: Iterable<string>) => {
    const v = query[name];
    return typeof v === 'string' && [...allowed].includes(v) ? v : '';
  };
  return {
    status: pick('stato', new Set(all.map((p) => p.status))),
    kind: pick('tipo', new Set(all.map((p) => p.kind))),
    country: pick('paese', new Set(all.flatMap((p) => p.countries))),
  };
}

const countryName = (code: string, lang: Lang) => {
  const c = countryByCode(code);
  return (lang === 'en' ? c?.nameEn : c?.nameIt) ?? code;
};

function Select(p: { name: string; label: string; value: string; all: string; options: [string, string][] }) {
  return (
    <div class="col-md-3 select-wrapper mt-4 mb-3">
      <label for={`f-${p.name}`}>{p.label}</label>
      <select id={`f-${p.name}`} name={p.name}>
        <option value="">{p.all}</option>
        {p.options.map(([value, label]) => (
          <option value={value} selected={p.value === value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

function ProjectCard(p: { r: ProjectRecord; lang: Lang }) {
  // Kinds, statuses and roles in the back-office's words: one name for each, wherever it shows.
  const { kinds, statuses, roles } = projectsStrings(p.lang);
  const w = { ...WORDS[p.lang], kinds, statuses, roles };
  const r = p.r;
  const money = amountFormatter(p.lang, r.currency);
  const title = p.lang === 'en' ? (r.titleEn ?? r.titleIt) : r.titleIt;
  const description = p.lang === 'en' ? (r.descriptionEn ?? r.descriptionIt) : r.descriptionIt;
  const results = p.lang === 'en' ? (r.resultsEn ?? r.resultsIt) : r.resultsIt;
  const day = (d: string | null) => (d ? (formatDate(d, 'day', p.lang) ?? d) : '…');
  return (
    <article class="card-wrapper mb-4" id={`p-${r.code}`}>
      <div class="card card-bg">
        <div class="card-body">
          <p class="small text-uppercase mb-1">
            {w.kinds[r.kind]} · {w.statuses[r.status]}
          </p>
          <h2 class="h4 card-title">{title}</h2>
          {description ? <p>{description}</p> : null}
          <dl class="row small mb-0">
            {r.funder ? (
              <>
                <dt class="col-sm-4">{w.funder}</dt>
                <dd class="col-sm-8">{r.funder}</dd>
              </>
            ) : null}
            <dt class="col-sm-4">{w.role}</dt>
            <dd class="col-sm-8">{w.roles[r.role]}</dd>
            <dt class="col-sm-4">{w.period}</dt>
            <dd class="col-sm-8">{`${day(r.startsOn)} – ${day(r.endsOn)}`}</dd>
            {r.countries.length ? (
              <>
                <dt class="col-sm-4">{w.where}</dt>
                <dd class="col-sm-8">{r.countries.map((c) => countryName(c, p.lang)).join(', ')}</dd>
              </>
            ) : null}
            {r.totalBudget ? (
              <>
                <dt class="col-sm-4">{w.budget}</dt>
                <dd class="col-sm-8">{money(r.totalBudget)}</dd>
              </>
            ) : null}
            {r.ownShare ? (
              <>
                <dt class="col-sm-4">{w.share}</dt>
                <dd class="col-sm-8">{money(r.ownShare)}</dd>
              </>
            ) : null}
            {r.partners.length ? (
              <>
                <dt class="col-sm-4">{w.partners}</dt>
                <dd class="col-sm-8">
                  {r.partners
                    .map(
                      (x) =>
                        `${x.name} (${w.roles[x.role]}${x.country ? `, ${countryName(x.country, p.lang)}` : ''})`,
                    )
                    .join('; ')}
                </dd>
              </>
            ) : null}
          </dl>
          {results ? (
            <>
              <h3 class="h6 mt-3">{w.results}</h3>
              <p class="mb-0">{results}</p>
            </>
          ) : null}
        </div>
      </div>
    </article>
  );
}

export function Projects(p: {
  all: ProjectRecord[];
  filters: ProjectFilters;
  institution: string;
  institutionName: string;
  lang: Lang;
  title: string;
  action: string;
}) {
  // Kinds, statuses and roles in the back-office's words: one name for each, wherever it shows.
  const { kinds, statuses, roles } = projectsStrings(p.lang);
  const w = { ...WORDS[p.lang], kinds, statuses, roles };
  const f = p.filters;
  const shown = p.all.filter(
    (r) =>
      (!f.status || r.status === f.status) &&
      (!f.kind || r.kind === f.kind) &&
      (!f.country || r.countries.includes(f.country)),
  );
  const options = (values: Iterable<string>, label: (v: string) => string): [string, string][] =>
    [...new Set(values)]
      .map((v) => [v, label(v)] as [string, string])
      .sort((a, b) => a[1].localeCompare(b[1]));
  return (
    <div class="container my-4">
      <h1>{p.title}</h1>
      <p class="lead">{w.lead(p.institutionName)}</p>
      {p.all.length === 0 ? (
        <p>{w.none}</p>
      ) : (
        <>
          <form method="get" action={p.action} class="row align-items-end mb-4" aria-label={w.filters}>
            <Select
              name="stato"
              label={w.status}
              value={f.status}
              all={w.all}
              options={options(
                p.all.map((r) => r.status),
                (v) => w.statuses[v] ?? v,
              )}
            />
            <Select
              name="tipo"
              label={w.kind}
              value={f.kind}
              all={w.all}
              options={options(
                p.all.map((r) => r.kind),
                (v) => w.kinds[v] ?? v,
              )}
            />
            <Select
              name="paese"
              label={w.country}
              value={f.country}
              all={w.all}
              options={options(
                p.all.flatMap((r) => r.countries),
                (v) => countryName(v, p.lang),
              )}
            />
            <div class="col-md-3 mt-4 mb-3">
              <button type="submit" class="btn btn-primary">
                {w.apply}
              </button>
            </div>
          </form>
          <p role="status">{shown.length === 0 ? w.noneFiltered : w.count(shown.length)}</p>
          {shown.map((r) => (
            <ProjectCard r={r} lang={p.lang} />
          ))}
          <h2 class="h4 mt-5">{w.data}</h2>
          <ul>
            <li>
              <a href={`/${p.institution}/data/projects.csv`} download>
                projects.csv
              </a>{' '}
              — {w.csv}
            </li>
            <li>
              <a href={`/api/v1/institutions/${p.institution}/projects`}>projects.json</a> — {w.json}
            </li>
            <li>
              <a href={`/api/v1/institutions/${p.institution}/projects.iati.xml`}>projects.iati.xml</a> —{' '}
              {w.iati}
            </li>
          </ul>
        </>
      )}
    </div>
  );
}
