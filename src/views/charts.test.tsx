import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PURGED_CSS_FILE } from '../platform/http/assets.ts';
import {
  BarChart,
  type BarChartData,
  barChartLayout,
  CHART_FONT_SIZE,
  CHART_SIZE,
  SERIES_STYLES,
} from './charts.tsx';
import { renderFragment } from './render.ts';

// --- fixtures and helpers ---

const budget = (values: (string | null)[][]): BarChartData => ({
  categories: ['2022', '2023', '2024'],
  currency: 'EUR',
  series: ['previsione', 'impegnato', 'pagato'].map((key, i) => ({
    key,
    label: key[0]!.toUpperCase() + key.slice(1),
    values: values[i] ?? [],
  })),
});

/** Every value recorded: 1..9, series by series. */
const FULL = budget([0, 3, 6].map((n) => [n + 1, n + 2, n + 3].map(String)));

const chart = (data: BarChartData, lang: 'it' | 'en' = 'it', title = 'Spese per la cooperazione') =>
  renderFragment(
    <BarChart
      lang={lang}
      id="spese"
      title={title}
      summary="Previsione, impegnato e pagato dal 2022 al 2024."
      data={data}
      notRecorded={lang === 'it' ? 'non rilevato' : 'not recorded'}
      tableCaption={lang === 'it' ? 'Importi per anno' : 'Amounts per year'}
    />,
  );

const nbsp = '\u00a0';
/** The table's amount cells, row by row (a row is a category, a column a series). */
const cellsOf = (html: string) => [...html.matchAll(/<td class="text-end">([^<]*)<\/td>/g)].map((m) => m[1]);
/** The cells of the first series, category by category. */
const firstColumn = (html: string) => cellsOf(html).filter((_, i) => i % 3 === 0);
const chartSvg = (html: string) => /<svg xmlns[\s\S]*?<\/svg>/.exec(html)![0];

interface XmlNode {
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  getElementsByTagName(name: string): ArrayLike<XmlNode>;
  textContent: string | null;
  documentElement: XmlNode;
}

/**
 * Parses with @xmldom/xmldom, which bootstrap-italia brings in (a dependency of a dependency) but package.json
 * does not name. Loaded at run time by a computed name so that, if it ever leaves node_modules, only the tests
 * that parse fail (saying so), not the type check of the whole project.
 */
async function parseXml(text: string, mimeType: string): Promise<XmlNode> {
  const name = '@xmldom/xmldom';
  const { DOMParser } = (await import(name)) as {
    DOMParser: new (o: object) => { parseFromString(t: string, m: string): XmlNode };
  };
  const fail = (message: string) => {
    throw new Error(message);
  };
  const parser = new DOMParser({ errorHandler: { warning: fail, error: fail, fatalError: fail } });
  return parser.parseFromString(text, mimeType);
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The step between ticks is 1, 2, 2.5 or 5 × 10^n. */
function isRoundStep(step: number): boolean {
  const mantissa = step / 10 ** Math.floor(Math.log10(step));
  return [1, 2, 2.5, 5].some((f) => Math.abs(mantissa - f) < 1e-9);
}

// --- tests ---

describe('barChartLayout', () => {
  it('when amounts are laid out, then bar heights are proportional to them and stand on the baseline at 0', () => {
    const layout = barChartLayout(budget([['100', '200', '400'], ['50.50', null, '0.00'], []]));
    const zero = layout.ticks.find((t) => t.value === 0)!;
    expect(zero.y).toBe(layout.plot.bottom);
    const bar = (series: number, category: number) =>
      layout.bars.find((b) => b.series === series && b.category === category)!;
    const unit = bar(0, 0).h / 100;
    expect(unit).toBeGreaterThan(0);
    for (const [s, c, value] of [
      [0, 1, 200],
      [0, 2, 400],
      [1, 0, 50.5],
    ] as const) {
      expect(bar(s, c).h).toBeCloseTo(value * unit, 1);
    }
    for (const b of layout.bars) expect(b.y + b.h).toBeCloseTo(zero.y, 1);
    expect(bar(1, 2)).toMatchObject({ h: 0, value: '0.00' });
    expect(bar(1, 1)).toMatchObject({ h: 0, y: zero.y, value: null });
    expect(bar(2, 0).value).toBeNull(); // a series shorter than the categories is not recorded there
  });

  it('when bars are laid out, then they stay inside the plot, in order, and never overlap', () => {
    const layout = barChartLayout(FULL);
    const xs = layout.bars.map((b) => [b.x, b.x + b.w] as const);
    for (let i = 1; i < xs.length; i++) expect(xs[i]![0]).toBeGreaterThan(xs[i - 1]![1]);
    expect(xs[0]![0]).toBeGreaterThanOrEqual(layout.plot.left);
    expect(xs.at(-1)![1]).toBeLessThanOrEqual(layout.plot.right);
    expect(layout.categoryLabels.map((l) => l.text)).toEqual(['2022', '2023', '2024']);
    for (const b of layout.bars) expect(b.y).toBeGreaterThanOrEqual(layout.plot.top);
  });

  it('when any maximum is laid out, then the ticks are round steps from 0 that cover it', () => {
    const amount = fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 13n }), fc.integer({ min: 0, max: 99 }))
      .map(([units, cents]) => `${units}.${String(cents).padStart(2, '0')}`);
    fc.assert(
      fc.property(fc.array(amount, { minLength: 1, maxLength: 9 }), (values) => {
        const { ticks } = barChartLayout(budget([values.slice(0, 3), values.slice(3, 6), values.slice(6)]));
        const max = Math.max(...values.map(Number));
        expect(ticks[0]!.value).toBe(0);
        expect(ticks.at(-1)!.value).toBeGreaterThanOrEqual(max);
        expect(ticks.length).toBeGreaterThanOrEqual(2);
        expect(ticks.length).toBeLessThanOrEqual(6);
        const step = ticks[1]!.value - ticks[0]!.value;
        if (max > 0) expect(isRoundStep(step), `step ${step}`).toBe(true);
        for (let i = 1; i < ticks.length; i++) {
          expect(ticks[i]!.value - ticks[i - 1]!.value).toBeCloseTo(step, 6);
          expect(ticks[i]!.y).toBeLessThan(ticks[i - 1]!.y);
        }
      }),
    );
  });

  it('when every value is null, then the ticks run from 0 to 1 and every bar is an empty slot', () => {
    const layout = barChartLayout(budget([[null, null, null], [null], [null, null, null]]));
    expect(layout.ticks[0]!.value).toBe(0);
    expect(layout.ticks.at(-1)!.value).toBe(1);
    expect(isRoundStep(layout.ticks[1]!.value)).toBe(true);
    expect(layout.bars).toHaveLength(9);
    expect(layout.bars.every((b) => b.h === 0 && b.value === null)).toBe(true);
  });

  it('when a value is not a decimal amount, then the layout refuses it', () => {
    expect(() => barChartLayout(budget([['1e5']]))).toThrow(/Not a decimal amount/);
    expect(() => barChartLayout(budget([['12,50']]))).toThrow(/Not a decimal amount/);
  });
});

describe('BarChart', () => {
  it('when a value is null, then a dashed stub marks it on the baseline and the table says not recorded', () => {
    const html = chart(
      budget([
        ['1000', null, '12000'],
        ['800', '0.00', '0'],
        ['500', '700', null],
      ]),
    );
    const svg = chartSvg(html);
    // Two values are not recorded: two dashed stubs in the chart, one more as the legend's sample.
    expect(svg.match(/stroke-dasharray="3 2"/g)).toHaveLength(2);
    expect(html.match(/stroke-dasharray="3 2"/g)).toHaveLength(3);
    // Grouped from four digits, as Italian budgets write them: 1.000,00 €, like 12.000,00 €.
    expect(cellsOf(html)).toEqual([
      `1.000,00${nbsp}€`,
      `800,00${nbsp}€`,
      `500,00${nbsp}€`,
      'non rilevato',
      `0,00${nbsp}€`,
      `700,00${nbsp}€`,
      `12.000,00${nbsp}€`,
      `0,00${nbsp}€`,
      'non rilevato',
    ]);
    expect(html).toContain('> non rilevato</li>');
  });

  it('when a value is 0.00, then its bar has zero height and no stub, unlike a null', async () => {
    const html = chart(budget([['0.00', null, '10']]));
    const doc = await parseXml(chartSvg(html), 'image/svg+xml');
    const rects = Array.from(doc.getElementsByTagName('rect')).filter((r) => r.getAttribute('stroke'));
    const [zero, stub] = rects;
    expect(zero!.getAttribute('height')).toBe('0');
    expect(zero!.hasAttribute('stroke-dasharray')).toBe(false);
    expect(stub!.getAttribute('height')).toBe('8');
    expect(stub!.getAttribute('stroke-dasharray')).toBe('3 2');
  });

  it('when rendered in Italian and in English, then amounts and axis labels follow the language', () => {
    const data = budget([['1234567.89', '-5.50', '250000']]);
    const [it_, en] = [chart(data, 'it'), chart(data, 'en')];
    expect(firstColumn(it_)).toEqual([`1.234.567,89${nbsp}€`, `-5,50${nbsp}€`, `250.000,00${nbsp}€`]);
    expect(firstColumn(en)).toEqual(['€1,234,567.89', '-€5.50', '€250,000.00']);
    expect(chartSvg(it_)).toContain(`>1,5${nbsp}Mln</text>`);
    expect(chartSvg(en)).toContain('>1.5m</text>');
    expect(chartSvg(it_)).toMatch(/text-anchor="end">€<\/text>/);
  });

  it('when an amount has more digits than a float keeps, then the table shows it exactly', () => {
    const html = chart(budget([['123456789012.34', '12345678901234567.89', '0.10']]));
    expect(firstColumn(html)).toEqual([
      `123.456.789.012,34${nbsp}€`,
      `12.345.678.901.234.567,89${nbsp}€`,
      `0,10${nbsp}€`,
    ]);
  });

  it('when rendered, then the image is named by its title and desc, fills its box and is readable at 390 px', async () => {
    const svg = chartSvg(chart(budget([['1', '2', '3']])));
    const root = (await parseXml(svg, 'image/svg+xml')).documentElement;
    expect(root.getAttribute('role')).toBe('img');
    expect(root.getAttribute('aria-labelledby')).toBe('spese-title spese-desc');
    expect(root.getElementsByTagName('title')[0]!.getAttribute('id')).toBe('spese-title');
    expect(root.getElementsByTagName('title')[0]!.textContent).toBe('Spese per la cooperazione');
    expect(root.getElementsByTagName('desc')[0]!.getAttribute('id')).toBe('spese-desc');
    expect(root.getAttribute('width')).toBe('100%');
    expect(root.hasAttribute('height')).toBe(false);
    expect(root.getAttribute('viewBox')).toBe(`0 0 ${CHART_SIZE.width} ${CHART_SIZE.height}`);
    // On a 390 px phone the page leaves about 366 px for the chart.
    expect((CHART_FONT_SIZE * 366) / CHART_SIZE.width).toBeGreaterThanOrEqual(12);
  });

  it('when rendered, then the table has a caption, column and row headers, and a legend names each series', () => {
    const html = chart(FULL);
    expect(html).toContain('<caption>Importi per anno</caption>');
    expect(html.match(/<th scope="col" class="text-end">/g)).toHaveLength(3);
    expect(html).toContain('<th scope="row">2023</th>');
    for (const label of ['Previsione', 'Impegnato', 'Pagato']) expect(html).toContain(`/svg> ${label}</li>`);
    expect(html).not.toContain('non rilevato');
  });

  it('when series are drawn, then each has its own pattern and a colour with 3:1 contrast against white', () => {
    const svg = chartSvg(chart(FULL));
    expect(new Set(SERIES_STYLES.map((s) => s.pattern)).size).toBe(SERIES_STYLES.length);
    for (const { colour } of SERIES_STYLES)
      expect(1.05 / (luminance(colour) + 0.05)).toBeGreaterThanOrEqual(3);
    const fills = [...svg.matchAll(/<rect x="[^"]*" y="[^"]*" width="[^"]*" height="[^"]*" fill="([^"]*)"/g)];
    expect(new Set(fills.map((m) => m[1]))).toEqual(
      new Set(['#0066cc', 'url(#spese-fill-1)', 'url(#spese-fill-2)']),
    );
    expect(svg).toContain('<pattern id="spese-fill-1"');
  });

  it('when every value is null, then the chart still draws ticks 0 to 1, a stub per bar and the table', () => {
    const html = chart(
      budget([
        [null, null, null],
        [null, null, null],
        [null, null, null],
      ]),
    );
    const svg = chartSvg(html);
    expect(svg).toMatch(/>0<\/text>/);
    expect(svg).toMatch(/>1<\/text>/);
    expect(svg.match(/stroke-dasharray/g)).toHaveLength(9);
    expect(cellsOf(html)).toEqual(Array(9).fill('non rilevato'));
  });

  it('when the title holds "<&" and a <script>, then it is escaped and the markup is well-formed XML', async () => {
    const html = chart(budget([['1', null, '3']]), 'en', 'Costs <& <script>alert(1)</script>');
    expect(html).not.toContain('<script>');
    expect(html).toContain('<title id="spese-title">Costs &lt;&amp; &lt;script>');
    const doc = await parseXml(html, 'text/xml');
    expect(doc.documentElement.getElementsByTagName('title')[0]!.textContent).toBe(
      'Costs <& <script>alert(1)</script>',
    );
    await expect(parseXml(chartSvg(html), 'image/svg+xml')).resolves.toBeTruthy();
    await expect(parseXml('<svg><g></svg>', 'image/svg+xml')).rejects.toThrow(); // the parser does check
  });

  it('when rendered, then every class it uses is in the reduced bootstrap-italia stylesheet', () => {
    const css = readFileSync(PURGED_CSS_FILE, 'utf8');
    const html = chart(budget([['1', null, '3']]));
    const classes = new Set([...html.matchAll(/\sclass="([^"]*)"/g)].flatMap((m) => m[1]!.split(/\s+/)));
    expect(classes.size).toBeGreaterThan(0);
    for (const c of classes) expect(css, c).toMatch(new RegExp(`\\.${c}[^\\w-]`));
  });
});
