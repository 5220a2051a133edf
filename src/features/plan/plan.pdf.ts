// An objective's year report as a PDF in Italian (the language of the DUP and of the council it goes to), drawn
// with PDFKit like the briefing pack: A4, Titillium Web embedded, real text; the chart is the page's own
// geometry (views/charts.tsx) drawn as PDF paths, with the figures in a table under it.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { amountFormatter, barChartLayout, seriesStyle } from '../../views/charts.tsx';
import { AMOUNTS, coded, MISSIONS, PROGRAMMES } from './plan.rules.ts';
import type { YearReport } from './plan.service.ts';
import { planStrings } from './plan.strings.ts';

const FONTS = join(
  dirname(createRequire(import.meta.url).resolve('bootstrap-italia/package.json')),
  'dist/fonts/Titillium_Web',
);
const REGULAR = join(FONTS, 'titillium-web-v10-latin-ext_latin-regular.ttf');
const BOLD = join(FONTS, 'titillium-web-v10-latin-ext_latin-700.ttf');
const BLUE = '#0066cc';
const GREY = '#5c6f82';
const KINDS: Record<string, string> = {
  agreement: 'Accordi',
  visit: 'Visite',
  mission: 'Missioni',
  meeting: 'Incontri',
  network: 'Reti',
  project: 'Progetti',
  event: 'Eventi',
  dossier: 'Candidature',
};
const LABELS: Record<string, string> = {
  incomePlanned: 'Entrate: previsione',
  incomeCommitted: 'Entrate: accertato',
  incomePaid: 'Entrate: riscosso',
  expensePlanned: 'Spese: previsione',
  expenseCommitted: 'Spese: impegnato',
  expensePaid: 'Spese: pagato',
};

const itDay = (iso: string) =>
  new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString('it-IT', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });

export function reportPdf(report: YearReport, today: string): Promise<Buffer> {
  const s = planStrings('it');
  const r = s.report;
  const { objective: o, year } = report;
  const name = [o.code, o.titleIt].filter(Boolean).join(' ');
  const money = amountFormatter('it', o.currency);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: { Title: r.title(year, name), Author: 'Ponte', Subject: s.title },
    lang: 'it-IT',
    displayTitle: true,
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const heading = (text: string) => {
    if (doc.y > 700) doc.addPage();
    doc.moveDown(0.8).font('bold').fontSize(14).fillColor(BLUE).text(text).moveDown(0.3);
    doc.font('regular').fontSize(10.5).fillColor('black');
  };
  const row = (label: string, value: string) =>
    doc.font('bold').text(`${label}: `, { continued: true }).font('regular').text(value);

  doc.font('regular').fontSize(10).fillColor(GREY).text(`${s.title} · ${s.levels[o.level]}`);
  doc.font('bold').fontSize(20).fillColor('black').text(r.title(year, name)).moveDown(0.4);
  doc.font('regular').fontSize(10.5);

  heading(r.planned);
  row('Mandato', `${o.mandateFrom}–${o.mandateTo}`);
  row('Missione', coded(o.mission, MISSIONS, 'it') ?? '—');
  if (o.programme) row('Programma', coded(o.programme, PROGRAMMES, 'it')!);
  if (o.responsible) row('Responsabile', o.responsible);
  if (o.descriptionIt) doc.moveDown(0.3).text(o.descriptionIt, { align: 'justify' });

  heading(r.done(year));
  if (report.done.length === 0) doc.text(r.doneNone(year));
  for (const g of report.done) {
    doc.font('bold').text(r.count(g.items.length, KINDS[g.kind]!)).font('regular');
    for (const l of g.items) doc.text(`•  ${l.labelIt}${l.day ? ` (${itDay(l.day)})` : ''}`, { indent: 8 });
  }
  if (report.other.length > 0) {
    doc.moveDown(0.3).font('bold').text(r.other).font('regular');
    for (const l of report.other)
      doc.text(`•  ${l.labelIt}${l.day ? ` (${itDay(l.day)})` : ''}`, { indent: 8 });
  }

  heading(r.indicators(year));
  if (report.indicators.length === 0) doc.text(s.noIndicators);
  for (const i of report.indicators) {
    const unit = i.unit ? ` (${i.unit})` : '';
    row(
      `${i.nameIt}${unit}`,
      `atteso ${i.value.target ?? s.notRecorded}, raggiunto ${i.value.actual ?? s.notRecorded}`,
    );
  }

  heading(r.money(year));
  for (const a of AMOUNTS) {
    const v = report.amounts[a];
    row(LABELS[a]!, v === null ? s.notRecorded : money(v));
  }

  heading(r.trend);
  for (const side of ['expense', 'income'] as const) chart(doc, report, side, money);

  doc
    .moveDown(1)
    .fontSize(9)
    .fillColor(GREY)
    .text(r.generated(itDay(today)));
  doc.end();
  return done;
}

/** One side's money per year: the bars of the page's chart, a legend, and the figures under it. */
function chart(
  doc: PDFKit.PDFDocument,
  report: YearReport,
  side: 'income' | 'expense',
  money: (v: string) => string,
) {
  const s = planStrings('it');
  const o = report.objective;
  const keys = AMOUNTS.filter((k) => k.startsWith(side));
  const data = {
    categories: o.years.map((y) => String(y.year)),
    series: keys.map((k) => ({ key: k, label: s.series[k]!, values: o.years.map((y) => y[k]) })),
    currency: o.currency,
  };
  const layout = barChartLayout(data);
  if (doc.y > 560) doc.addPage();
  doc
    .font('bold')
    .fontSize(11)
    .fillColor('black')
    .text(side === 'income' ? s.income : s.expense);
  const top = doc.y + 4;
  const left = 50;
  const scale = 300 / layout.width;
  const at = (x: number, y: number) => [left + x * scale, top + y * scale] as const;
  doc.save();
  for (const tick of layout.ticks) {
    const [x1, y] = at(layout.plot.left, tick.y);
    const [x2] = at(layout.plot.right, tick.y);
    doc.moveTo(x1, y).lineTo(x2, y).lineWidth(0.4).strokeColor('#d9dadb').stroke();
    doc
      .font('regular')
      .fontSize(7)
      .fillColor(GREY)
      .text(new Intl.NumberFormat('it-IT', { notation: 'compact' }).format(tick.value), left, y - 4, {
        width: layout.plot.left * scale - 4,
        align: 'right',
      });
  }
  for (const b of layout.bars) {
    const [x, y] = at(b.x, b.y);
    const colour = seriesStyle(b.series).colour;
    if (b.value === null) {
      // Not recorded: a dashed stub on the baseline, unlike a zero, which draws nothing.
      doc
        .rect(x, y - 6, b.w * scale, 6)
        .dash(2, { space: 2 })
        .lineWidth(0.6)
        .strokeColor(colour)
        .stroke()
        .undash();
    } else if (b.h > 0) {
      doc
        .rect(x, y, b.w * scale, b.h * scale)
        .fillColor(colour)
        .fill();
    }
  }
  for (const c of layout.categoryLabels) {
    const [x, y] = at(c.x, layout.plot.bottom);
    doc
      .font('regular')
      .fontSize(8)
      .fillColor('black')
      .text(c.text, x - 20, y + 3, { width: 40, align: 'center' });
  }
  doc.restore();
  // The legend and the figures beside the chart.
  let y = top;
  keys.forEach((k, i) => {
    doc
      .rect(370, y + 2, 8, 8)
      .fillColor(seriesStyle(i).colour)
      .fill();
    doc.font('bold').fontSize(9).fillColor('black').text(s.series[k]!, 382, y);
    y = doc.y;
    for (const yr of o.years) {
      const v = yr[k];
      doc.font('regular').text(`${yr.year}: ${v === null ? s.notRecorded : money(v)}`, 382, y);
      y = doc.y;
    }
    y += 4;
  });
  doc.x = 50;
  doc.y = Math.max(y, top + layout.height * scale) + 10;
}
