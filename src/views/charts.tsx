// A grouped bar chart of money per category (e.g. per year: planned, committed and paid), drawn on the server as
// inline SVG with a table of the same numbers beside it (below it on a phone). No script, no library. In two
// parts so that the PDF (PDFKit) draws the same picture: barChartLayout is pure geometry in viewBox units and
// knows no language; BarChart draws it with the words.
// Accessibility (WCAG 2.1 AA): the SVG is one image named by its title and desc; the table, with caption and
// header cells, is its full equivalent. Fills have at least 3:1 contrast against white (1.4.11) and the series
// differ by pattern as well as by colour (1.4.1). A value not recorded draws a hollow dashed stub on the baseline,
// so that it never reads as 0. The stylesheet keeps only classes the views already use and the portal's CSP
// forbids style attributes, so all drawing is in SVG presentation attributes.
import type { Lang } from '../platform/i18n.ts';
import { TableBox } from './backoffice/tables.tsx';

export interface ChartSeries {
  key: string;
  label: string;
  /** One per category: an exact decimal string ("12500.50"), or null when not recorded. */
  values: (string | null)[];
}
export interface BarChartData {
  categories: string[];
  series: ChartSeries[];
  /** ISO 4217 code, e.g. "EUR". */
  currency: string;
}
export interface BarLayout {
  width: number;
  height: number;
  /** Category by category, series by series; a null value has h = 0 at the baseline (draw a marker there). */
  bars: {
    x: number;
    y: number;
    w: number;
    h: number;
    series: number;
    category: number;
    value: string | null;
  }[];
  /** From the lowest to the highest; the one whose value is 0 is the baseline. */
  ticks: { y: number; value: number }[];
  /** Centre of each category's group; the text goes below plot.bottom. */
  categoryLabels: { x: number; text: string }[];
  plot: { left: number; top: number; right: number; bottom: number };
}

/**
 * Each series' look, in order, repeating after four. Contrast against white: 5.6, 5.0, 5.1, 4.8 (≥ 3, WCAG
 * 1.4.11); exported so that the PDF uses the same ones.
 */
export const SERIES_STYLES = [
  { colour: '#0066cc', pattern: 'solid' },
  { colour: '#008055', pattern: 'stripes' },
  { colour: '#5d7083', pattern: 'dots' },
  { colour: '#a66300', pattern: 'crosshatch' },
] as const;
export const seriesStyle = (series: number) => SERIES_STYLES[series % SERIES_STYLES.length]!;

/** 400 units wide: a 390 px phone gives the chart about 366 px, so 14-unit text shows at 12.8 px. */
export const CHART_SIZE = { width: 400, height: 260 };
export const CHART_FONT_SIZE = 14;
// Left: room for an 8-character axis label ("1,25 Mln"); top: the currency sign; bottom: the categories.
const MARGIN = { left: 64, right: 8, top: 28, bottom: 30 };
const TARGET_INTERVALS = 4; // enough lines to read a bar against, few enough to label at 14 units
const DECIMAL = /^-?\d+(\.\d+)?$/;
// Text 17:1 and axis 5.2:1 against white; the grid lines are faint on purpose (decoration, not data).
const [TEXT, AXIS, GRID] = ['#1a1a1a', '#5c6f82', '#d9dadb'];

function checkDecimal(value: string): string {
  if (!DECIMAL.test(value)) throw new Error(`Not a decimal amount: ${JSON.stringify(value)}`);
  return value;
}
// Geometry only: a double is exact to far below a pixel, whatever the amount.
const numberOf = (value: string): number => Number(checkDecimal(value));
const round = (n: number): number => Math.round(n * 100) / 100;

/** The smallest of 1, 2, 2.5, 5 × 10^n that is at least `raw`. */
function niceStep(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].find((f) => f * magnitude >= raw * (1 - 1e-9))! * magnitude;
}

export function barChartLayout(data: BarChartData, size = CHART_SIZE): BarLayout {
  const [right, bottom] = [size.width - MARGIN.right, size.height - MARGIN.bottom];
  const plot = { left: MARGIN.left, top: MARGIN.top, right, bottom };
  const numbers = data.series.flatMap((s) => s.values.filter((v) => v !== null).map(numberOf));
  // The scale always contains 0, so that every bar stands on the baseline; all null or all 0 gives 0..1.
  const [lo, highest] = [Math.min(0, ...numbers), Math.max(0, ...numbers)];
  const hi = highest === lo ? 1 : highest; // lo <= 0 <= highest: equal only when every value is 0 or null
  const step = niceStep((hi - lo) / TARGET_INTERVALS);
  // A quotient may land a hair past a whole number (1.1 / 0.1 = 11.000000000000002): take one step fewer when
  // it still covers the values, checked by multiplying back, as a tolerance could leave the last cents out.
  const [down, up] = [Math.floor(lo / step), Math.ceil(hi / step)];
  const first = (down + 1) * step <= lo ? down + 1 : down;
  const last = (up - 1) * step >= hi ? up - 1 : up;
  const [min, max] = [first * step, last * step];
  const yOf = (v: number) => plot.bottom - ((v - min) / (max - min)) * (plot.bottom - plot.top);
  const ticks = Array.from({ length: last - first + 1 }, (_, i) => {
    // toPrecision drops the float noise of steps like 0.1 × 3.
    const value = Number(((first + i) * step).toPrecision(12));
    return { y: round(yOf(value)), value };
  });

  const base = round(yOf(0));
  const group = (plot.right - plot.left) / Math.max(1, data.categories.length);
  const n = Math.max(1, data.series.length);
  const gap = n > 1 ? Math.min(4, group * 0.04) : 0;
  const w = round((group * 0.8 - gap * (n - 1)) / n);
  const bars = data.categories.flatMap((_, c) =>
    data.series.map((series, s) => {
      const value = series.values[c] ?? null;
      const top = value === null ? base : round(yOf(numberOf(value)));
      const [y, h] = [Math.min(top, base), round(Math.abs(base - top))];
      const x = round(plot.left + c * group + group * 0.1 + s * (w + gap));
      return { x, y, w, h, series: s, category: c, value };
    }),
  );
  const centre = (c: number) => round(plot.left + (c + 0.5) * group);
  const categoryLabels = data.categories.map((text, c) => ({ x: centre(c), text }));
  return { width: size.width, height: size.height, bars, ticks, categoryLabels, plot };
}

// Each language's and currency's formatter made once: building an Intl formatter is the costly part.
const formatters = new Map<string, (value: string) => string>();

/**
 * Formats exact decimal strings as money: "1.234.567,89 €" / "€1,234,567.89". The string itself goes to
 * Intl.NumberFormat, which since ES2023 (Node ≥ 19) reads a string as an exact decimal, never through a float:
 * "12345678901234567.89" keeps every digit, where Number() would print ...568,00. Splitting integer and fraction
 * by hand would have to redo the locale's grouping, sign and the currency's digits, which Intl already knows.
 */
export function amountFormatter(lang: Lang, currency: string): (value: string) => string {
  const key = `${lang} ${currency}`;
  let made = formatters.get(key);
  if (!made) {
    made = newAmountFormatter(lang, currency);
    formatters.set(key, made);
  }
  return made;
}

function newAmountFormatter(lang: Lang, currency: string): (value: string) => string {
  // Grouped from four digits, as Italian budgets write them (1.000,00 €); CLDR's Italian default starts at five.
  const options = {
    style: 'currency',
    currency,
    useGrouping: 'always',
  } as unknown as Intl.NumberFormatOptions;
  const money = new Intl.NumberFormat(lang === 'it' ? 'it-IT' : 'en-GB', options);
  // TypeScript's ES2022 library types format() as taking numbers only; the runtime takes the decimal string.
  return (value) => money.format(checkDecimal(value) as unknown as number);
}

/** A series' fill: its colour, or its pattern (defined once per chart in the chart's <defs>). */
const fillOf = (id: string, series: number) =>
  seriesStyle(series).pattern === 'solid' ? seriesStyle(series).colour : `url(#${id}-fill-${series})`;

function Pattern(p: { id: string; series: number }) {
  const { colour, pattern } = seriesStyle(p.series);
  if (pattern === 'solid') return null;
  return (
    <pattern
      id={`${p.id}-fill-${p.series}`}
      patternUnits="userSpaceOnUse"
      width="6"
      height="6"
      {...(pattern === 'dots' ? {} : { patternTransform: 'rotate(45)' })}
    >
      <rect width="6" height="6" fill="#ffffff" />
      {pattern === 'dots' && <circle cx="3" cy="3" r="1.8" fill={colour} />}
      {pattern !== 'dots' && <rect width="3" height="6" fill={colour} />}
      {pattern === 'crosshatch' && <rect width="6" height="2" fill={colour} />}
    </pattern>
  );
}

/** A bar; for a value not recorded (fill null), a hollow dashed stub on the baseline, where a 0 draws nothing. */
function Bar(p: { x: number; y: number; w: number; h: number; colour: string; fill: string | null }) {
  const stub = p.fill === null;
  return (
    <rect
      x={p.x}
      y={stub ? p.y - 8 : p.y}
      width={p.w}
      height={stub ? 8 : p.h}
      fill={p.fill ?? '#ffffff'}
      stroke={p.colour}
      stroke-width="1.5"
      {...(stub ? { 'stroke-dasharray': '3 2' } : {})}
    />
  );
}

/** A legend entry's 16 px sample of a series' fill, or of the not-recorded stub. */
const Swatch = (p: { colour: string; fill: string | null }) => (
  <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
    <Bar x={1} y={p.fill === null ? 15 : 1} w={14} h={14} {...p} />
  </svg>
);

export function BarChart(p: {
  lang: Lang;
  /** Prefix of the element ids, unique within the page. */
  id: string;
  title: string;
  /** What the chart shows, in a sentence or two: the SVG's description. */
  summary: string;
  data: BarChartData;
  /** The words for a value not recorded, e.g. "non rilevato" / "not recorded". */
  notRecorded: string;
  tableCaption: string;
}) {
  const layout = barChartLayout(p.data);
  const { plot } = layout;
  const money = amountFormatter(p.lang, p.data.currency);
  const cell = (value: string | null | undefined) => (value == null ? p.notRecorded : money(value));
  const locale = p.lang === 'it' ? 'it-IT' : 'en-GB';
  // Short compact numbers ("250K", "1,25 Mln" / "250k", "1.25m") fit the axis; two decimals keep 1.25 from
  // being rounded to 1.3, which would misplace the label.
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 2 });
  const { currency } = p.data;
  const parts = new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0);
  const unit = parts.find((part) => part.type === 'currency')?.value ?? currency;
  const zero = layout.ticks.find((t) => t.value === 0)!;

  return (
    <figure>
      <figcaption class="fw-semibold mb-2">{p.title}</figcaption>
      <div class="row">
        <div class="col-12 col-md-6">
          <svg
            xmlns="http://www.w3.org/2000/svg"
            viewBox={`0 0 ${layout.width} ${layout.height}`}
            width="100%"
            role="img"
            aria-labelledby={`${p.id}-title ${p.id}-desc`}
            font-size={CHART_FONT_SIZE}
            fill={TEXT}
          >
            <title id={`${p.id}-title`}>{p.title}</title>
            <desc id={`${p.id}-desc`}>{p.summary}</desc>
            <defs>
              {p.data.series.map((s, i) => (
                <Pattern key={s.key} id={p.id} series={i} />
              ))}
            </defs>
            {layout.ticks.map((t) => (
              <g key={t.value}>
                <line x1={plot.left} x2={plot.right} y1={t.y} y2={t.y} stroke={GRID} />
                <text x={plot.left - 6} y={t.y} dy="0.35em" text-anchor="end">
                  {compact.format(t.value)}
                </text>
              </g>
            ))}
            <text x={plot.left - 6} y={plot.top - 14} text-anchor="end">
              {unit}
            </text>
            {layout.bars.map((b) => (
              <Bar
                key={`${b.category}-${b.series}`}
                {...b}
                colour={seriesStyle(b.series).colour}
                fill={b.value === null ? null : fillOf(p.id, b.series)}
              />
            ))}
            <line x1={plot.left} x2={plot.right} y1={zero.y} y2={zero.y} stroke={AXIS} stroke-width="1.5" />
            {layout.categoryLabels.map((c) => (
              <text key={c.x} x={c.x} y={plot.bottom + 20} text-anchor="middle">
                {c.text}
              </text>
            ))}
          </svg>
          <ul class="list-inline">
            {p.data.series.map((s, i) => (
              <li key={s.key} class="list-inline-item">
                <Swatch colour={seriesStyle(i).colour} fill={fillOf(p.id, i)} /> {s.label}
              </li>
            ))}
            {layout.bars.some((b) => b.value === null) && (
              <li class="list-inline-item">
                <Swatch colour={AXIS} fill={null} /> {p.notRecorded}
              </li>
            )}
          </ul>
        </div>
        <div class="col-12 col-md-6">
          <TableBox label={p.tableCaption}>
            <table class="table table-sm">
              <caption>{p.tableCaption}</caption>
              <thead>
                <tr>
                  <td />
                  {p.data.series.map((s) => (
                    <th key={s.key} scope="col" class="text-end">
                      {s.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {p.data.categories.map((category, c) => (
                  <tr key={category}>
                    <th scope="row">{category}</th>
                    {p.data.series.map((s) => (
                      <td key={s.key} class="text-end">
                        {cell(s.values[c])}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </TableBox>
        </div>
      </div>
    </figure>
  );
}
