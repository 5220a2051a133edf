// The portal's "Obiettivi e risorse": the institution's published planning objectives by term, each strategic
// objective with the operational ones that serve it, their codes, mission and programme, the person
// responsible, the description, the money per year as charts with their tables, and the indicators. Filters by
// term and programme are a plain GET form (no JavaScript).
import type { Lang } from '../../../platform/i18n.ts';
import { BarChart } from '../../../views/charts.tsx';
import type { Objective } from '../../plan/plan.schemas.ts';
import { coded, MISSIONS, PROGRAMMES } from '../../plan/plan.service.ts';
import { planStrings } from '../../plan/plan.strings.ts';

const WORDS = {
  it: {
    lead: (name: string) =>
      `Gli obiettivi che ${name} si è data nel Documento unico di programmazione (DUP) per le relazioni internazionali, con le risorse previste e spese anno per anno.`,
    none: 'L’ente non ha ancora pubblicato i suoi obiettivi.',
    noneFiltered: 'Nessun obiettivo corrisponde ai filtri scelti.',
    filters: 'Filtra gli obiettivi',
    mandate: 'Mandato',
    programme: 'Programma',
    all: 'Tutti',
    apply: 'Applica',
    term: (from: number, to: number) => `Mandato ${from}–${to}`,
    strategic: 'Obiettivo strategico',
    operational: 'Obiettivo operativo',
    mission: 'Missione',
    responsible: 'Responsabile',
    address: 'Indirizzo strategico',
    money: (from: number, to: number) => `Risorse finanziarie ${from}–${to}`,
    moneyNote: 'Importi in euro. «Non registrato»: l’importo non è stato ancora inserito, e non vale zero.',
    chartTitle: (what: string, code: string) => `${what} di ${code} per anno`,
    chartSummary: (what: string) =>
      `${what} per anno: previsione, importo impegnato o accertato, importo pagato o riscosso. I numeri sono nella tabella accanto.`,
    tableCaption: (what: string, code: string) => `${what} di ${code} per anno`,
    notRecorded: 'non registrato',
    indicators: 'Indicatori',
    indicator: 'Indicatore',
    year: 'Anno',
    target: 'Atteso',
    actual: 'Raggiunto',
    official: '',
    data: 'Scarica i dati',
    csv: 'importi per obiettivo e anno',
    json: 'obiettivi con importi e indicatori',
  },
  en: {
    lead: (name: string) =>
      `The objectives ${name} set itself for international relations in its single programming document (DUP), with the resources planned and spent year by year.`,
    none: 'The institution has not published its objectives yet.',
    noneFiltered: 'No objective matches the filters chosen.',
    filters: 'Filter the objectives',
    mandate: 'Term',
    programme: 'Programme',
    all: 'All',
    apply: 'Apply',
    term: (from: number, to: number) => `Term ${from}–${to}`,
    strategic: 'Strategic objective',
    operational: 'Operational objective',
    mission: 'Mission',
    responsible: 'Person responsible',
    address: 'Strategic address',
    money: (from: number, to: number) => `Financial resources ${from}–${to}`,
    moneyNote: 'Amounts in euros. "Not recorded": the amount has not been entered yet; it is not zero.',
    chartTitle: (what: string, code: string) => `${what} of ${code} per year`,
    chartSummary: (what: string) =>
      `${what} per year: planned, committed or ascertained, and paid or collected. The figures are in the table beside it.`,
    tableCaption: (what: string, code: string) => `${what} of ${code} per year`,
    notRecorded: 'not recorded',
    indicators: 'Indicators',
    indicator: 'Indicator',
    year: 'Year',
    target: 'Target',
    actual: 'Actual',
    official: 'The Italian text is the official one; this is a translation.',
    data: 'Download the data',
    csv: 'amounts per objective and year',
    json: 'objectives with amounts and indicators',
  },
};

export interface ObjectiveFilters {
  mandate: string;
  programme: string;
}

/** The filters a query asks for, keeping only values the list offers (so they cannot multiply cache entries). */
export function readObjectiveFilters(query: Record<string, unknown>, all: Objective[]): ObjectiveFilters {
  const pick = (name: string, allowed: string[]) => {
    const v = query[name];
    return typeof v === 'string' && allowed.includes(v) ? v : '';
  };
  return {
    mandate: pick('mandato', [...new Set(all.map((o) => String(o.mandateFrom)))]),
    programme: pick('programma', Object.keys(PROGRAMMES)),
  };
}

const title = (o: Objective, lang: Lang) => (lang === 'en' ? (o.titleEn ?? o.titleIt) : o.titleIt);

function MoneyCharts(p: { o: Objective; lang: Lang; heading: 'h3' | 'h4' }) {
  // The budget's headings and series in the back-office's words, one name for each wherever it shows.
  const { income, expense, series } = planStrings(p.lang);
  const w = { ...WORDS[p.lang], income, expense, series };
  const name = p.o.code ?? title(p.o, p.lang);
  const Heading = p.heading;
  return (
    <>
      <Heading class="h5 mt-4">{w.money(p.o.firstYear, p.o.lastYear)}</Heading>
      <p class="small">{w.moneyNote}</p>
      {(['expense', 'income'] as const).map((side) => {
        const what = side === 'income' ? w.income : w.expense;
        const keys = (['Planned', 'Committed', 'Paid'] as const).map((k) => `${side}${k}` as const);
        return (
          <BarChart
            lang={p.lang}
            id={`c-${p.o.id.slice(0, 8)}-${side}`}
            title={w.chartTitle(what, name)}
            summary={w.chartSummary(what)}
            data={{
              categories: p.o.years.map((y) => String(y.year)),
              series: keys.map((k) => ({ key: k, label: w.series[k]!, values: p.o.years.map((y) => y[k]) })),
              currency: p.o.currency,
            }}
            notRecorded={w.notRecorded}
            tableCaption={w.tableCaption(what, name)}
          />
        );
      })}
    </>
  );
}

function ObjectiveBlock(p: { o: Objective; lang: Lang; level: 2 | 3 }) {
  // The budget's headings and series in the back-office's words, one name for each wherever it shows.
  const { income, expense, series } = planStrings(p.lang);
  const w = { ...WORDS[p.lang], income, expense, series };
  const o = p.o;
  const description = p.lang === 'en' ? (o.descriptionEn ?? o.descriptionIt) : o.descriptionIt;
  const Heading = p.level === 2 ? 'h2' : 'h3';
  // The parts of an objective one level below its title, whatever the title's level.
  const Part = p.level === 2 ? 'h3' : 'h4';
  return (
    <article class="mb-5" id={`o-${o.id}`}>
      <p class="small text-uppercase mb-1">
        {o.level === 'strategic' ? w.strategic : w.operational} · {w.term(o.mandateFrom, o.mandateTo)}
      </p>
      <Heading class={p.level === 2 ? 'h3' : 'h4'}>
        {[o.code, title(o, p.lang)].filter(Boolean).join(' - ')}
      </Heading>
      <dl class="row small">
        <dt class="col-sm-3">{w.mission}</dt>
        <dd class="col-sm-9">{coded(o.mission, MISSIONS, p.lang)}</dd>
        {o.programme ? (
          <>
            <dt class="col-sm-3">{w.programme}</dt>
            <dd class="col-sm-9">{coded(o.programme, PROGRAMMES, p.lang)}</dd>
          </>
        ) : null}
        {o.responsible ? (
          <>
            <dt class="col-sm-3">{w.responsible}</dt>
            <dd class="col-sm-9">{o.responsible}</dd>
          </>
        ) : null}
        {o.addressIt ? (
          <>
            <dt class="col-sm-3">{w.address}</dt>
            <dd class="col-sm-9">{p.lang === 'en' ? (o.addressEn ?? o.addressIt) : o.addressIt}</dd>
          </>
        ) : null}
      </dl>
      {description ? <p>{description}</p> : null}
      {p.lang === 'en' && o.descriptionEn ? <p class="small fst-italic">{w.official}</p> : null}
      <MoneyCharts o={o} lang={p.lang} heading={Part} />
      {o.indicators.length > 0 ? (
        <>
          <Part class="h5 mt-4">{w.indicators}</Part>
          {o.indicators.map((i) => (
            <div class="table-responsive">
              <table class="table table-sm caption-top">
                <caption>
                  {p.lang === 'en' ? (i.nameEn ?? i.nameIt) : i.nameIt}
                  {i.unit ? ` (${i.unit})` : ''}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{w.year}</th>
                    <th scope="col">{w.target}</th>
                    <th scope="col">{w.actual}</th>
                  </tr>
                </thead>
                <tbody>
                  {i.values.map((v) => (
                    <tr>
                      <th scope="row">{String(v.year)}</th>
                      <td>{v.target ?? w.notRecorded}</td>
                      <td>{v.actual ?? w.notRecorded}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </>
      ) : null}
    </article>
  );
}

export function Objectives(p: {
  all: Objective[];
  filters: ObjectiveFilters;
  institution: string;
  institutionName: string;
  lang: Lang;
  title: string;
  action: string;
}) {
  // The budget's headings and series in the back-office's words, one name for each wherever it shows.
  const { income, expense, series } = planStrings(p.lang);
  const w = { ...WORDS[p.lang], income, expense, series };
  const shown = p.all.filter(
    (o) =>
      (!p.filters.mandate || String(o.mandateFrom) === p.filters.mandate) &&
      (!p.filters.programme || o.programme === p.filters.programme || o.level === 'strategic'),
  );
  const roots = shown.filter((o) => o.level === 'strategic' || !shown.some((x) => x.id === o.parentId));
  const mandates = [...new Map(p.all.map((o) => [String(o.mandateFrom), o])).values()];
  return (
    <div class="container my-4">
      <h1>{p.title}</h1>
      <p class="lead">{w.lead(p.institutionName)}</p>
      {p.all.length === 0 ? (
        <p>{w.none}</p>
      ) : (
        <>
          <form
            method="get"
            action={p.action}
            class="row g-3 align-items-end mt-2 mb-4"
            aria-label={w.filters}
          >
            <div class="col-sm-4 select-wrapper">
              <label for="f-mandato">{w.mandate}</label>
              <select id="f-mandato" name="mandato">
                <option value="">{w.all}</option>
                {mandates.map((o) => (
                  <option
                    value={String(o.mandateFrom)}
                    selected={p.filters.mandate === String(o.mandateFrom)}
                  >
                    {`${o.mandateFrom}–${o.mandateTo}`}
                  </option>
                ))}
              </select>
            </div>
            <div class="col-sm-5 select-wrapper">
              <label for="f-programma">{w.programme}</label>
              <select id="f-programma" name="programma">
                <option value="">{w.all}</option>
                {Object.keys(PROGRAMMES).map((code) => (
                  <option value={code} selected={p.filters.programme === code}>
                    {coded(code, PROGRAMMES, p.lang)}
                  </option>
                ))}
              </select>
            </div>
            <div class="col-sm-3">
              <button type="submit" class="btn btn-primary">
                {w.apply}
              </button>
            </div>
          </form>
          {roots.length === 0 ? <p>{w.noneFiltered}</p> : null}
          {roots.map((root) => (
            <div>
              <ObjectiveBlock o={root} lang={p.lang} level={2} />
              {shown
                .filter((c) => c.parentId === root.id)
                .map((c) => (
                  <div class="ps-3 ps-md-4 border-start border-2">
                    <ObjectiveBlock o={c} lang={p.lang} level={3} />
                  </div>
                ))}
            </div>
          ))}
          <h2 class="h4 mt-5">{w.data}</h2>
          <ul>
            <li>
              <a href={`/${p.institution}/data/objectives.csv`} download>
                objectives.csv
              </a>{' '}
              — {w.csv}
            </li>
            <li>
              <a href={`/api/v1/institutions/${p.institution}/objectives`}>objectives.json</a> — {w.json}
            </li>
          </ul>
        </>
      )}
    </div>
  );
}
