// An objective's report for a year, as a page: what was planned, what was done (the linked activities of the
// year, counted by kind and listed), the indicators against their targets, the money planned against
// committed and paid, and the chart of planned against actual over the years with its table.
import type { Lang } from '../../../platform/i18n.ts';
import { LINK_PATHS, linkKindWords, linkLabel } from '../../../views/backoffice/links.tsx';
import { backofficeStrings } from '../../../views/backoffice/strings.ts';
import { DataTable } from '../../../views/backoffice/tables.tsx';
import { amountFormatter } from '../../../views/charts.tsx';
import { coded, MISSIONS, PROGRAMMES } from '../plan.rules.ts';
import type { YearReport } from '../plan.service.ts';
import { planStrings } from '../plan.strings.ts';
import { AMOUNTS_SHOWN, MoneyChart, objectiveName } from './plan.tsx';

/** target − actual as an exact decimal in cents; null when either is not recorded. */
export function gap(target: string | null, actual: string | null): string | null {
  if (target === null || actual === null) return null;
  const cents = (v: string) => {
    const [i = '0', f = ''] = v.split('.');
    return BigInt(i) * 100n + BigInt(`${f}00`.slice(0, 2));
  };
  const d = cents(actual) - cents(target);
  const abs = d < 0n ? -d : d;
  const text = `${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`.replace(/\.00$/, '');
  return `${d < 0n ? '−' : d > 0n ? '+' : ''}${text}`;
}

export function ReportView(p: { lang: Lang; report: YearReport }) {
  const s = planStrings(p.lang);
  const r = s.report;
  const t = backofficeStrings(p.lang);
  const k = linkKindWords(p.lang);
  const { objective: o, year } = p.report;
  const money = amountFormatter(p.lang, o.currency);
  const base = `/admin/${p.lang}/plan/${o.id}`;
  const description = p.lang === 'en' ? (o.descriptionEn ?? o.descriptionIt) : o.descriptionIt;
  return (
    <>
      <p>
        <a href={base}>{t.backToRecord}</a>
      </p>
      <h1>{r.title(year, objectiveName(o, p.lang))}</h1>
      <p>
        <a class="btn btn-primary" href={`${base}/report/${year}.pdf`}>
          {r.pdf}
        </a>
      </p>
      <section aria-labelledby="planned-title">
        <h2 class="h4" id="planned-title">
          {r.planned}
        </h2>
        <p class="small text-muted">
          {[
            s.levels[o.level],
            s.mandate(o.mandateFrom, o.mandateTo),
            coded(o.mission, MISSIONS, p.lang),
            coded(o.programme, PROGRAMMES, p.lang),
            o.responsible ? `${t.labels['responsible']}: ${o.responsible}` : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        {description ? <p>{description}</p> : null}
      </section>
      <section class="mt-4" aria-labelledby="done-title">
        <h2 class="h4" id="done-title">
          {r.done(year)}
        </h2>
        {p.report.done.length === 0 ? <p>{r.doneNone(year)}</p> : null}
        {p.report.done.map((g) => (
          <>
            <h3 class="h6">{r.count(g.items.length, k.groups[g.kind])}</h3>
            <ul>
              {g.items.map((l) => (
                <li>
                  <a href={`/admin/${p.lang}/${LINK_PATHS[l.kind]}/${l.id}`}>{linkLabel(l, p.lang)}</a>
                </li>
              ))}
            </ul>
          </>
        ))}
        {p.report.other.length > 0 ? (
          <>
            <h3 class="h6">{r.other}</h3>
            <ul>
              {p.report.other.map((l) => (
                <li>
                  {k.kinds[l.kind]}:{' '}
                  <a href={`/admin/${p.lang}/${LINK_PATHS[l.kind]}/${l.id}`}>{linkLabel(l, p.lang)}</a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <section class="mt-4" aria-labelledby="indicators-title">
        <h2 class="h4" id="indicators-title">
          {r.indicators(year)}
        </h2>
        {p.report.indicators.length === 0 ? (
          <p>{s.noIndicators}</p>
        ) : (
          <DataTable
            caption={r.indicators(year)}
            captionHidden
            columns={[s.indicator, t.labels['target']!, t.labels['actual']!, r.gap]}
          >
            {p.report.indicators.map((i) => (
              <tr>
                <th scope="row">
                  {p.lang === 'en' ? (i.nameEn ?? i.nameIt) : i.nameIt}
                  {i.unit ? ` (${i.unit})` : ''}
                </th>
                <td>{i.value.target ?? s.notRecorded}</td>
                <td>{i.value.actual ?? s.notRecorded}</td>
                <td>{gap(i.value.target, i.value.actual) ?? '—'}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>
      <section class="mt-4" aria-labelledby="money-title">
        <h2 class="h4" id="money-title">
          {r.money(year)}
        </h2>
        <DataTable caption={r.money(year)} captionHidden columns={[r.heading, r.amount]}>
          {AMOUNTS_SHOWN.map((a) => {
            const v = p.report.amounts[a];
            return (
              <tr>
                <th scope="row">{t.labels[a]}</th>
                <td>{v === null ? s.notRecorded : money(v)}</td>
              </tr>
            );
          })}
        </DataTable>
      </section>
      <section class="mt-4" aria-labelledby="trend-title">
        <h2 class="h4" id="trend-title">
          {r.trend}
        </h2>
        <MoneyChart lang={p.lang} o={o} side="expense" id="chart-expense" />
        <MoneyChart lang={p.lang} o={o} side="income" id="chart-income" />
      </section>
    </>
  );
}
