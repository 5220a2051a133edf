// The briefing pack as a PDF, drawn with PDFKit: A4, Titillium Web (bootstrap-italia's typeface, OFL) embedded,
// a small world map with the partner's place (the portal's projected land), and sections the mayor reads in
// order: what, the partner, its agreements and their history, what came before, what is still open.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PDFDocument from 'pdfkit';
import { formatDate, type Lang } from '../../platform/i18n.ts';
import { KIND_LABELS, STATUS_LABELS } from '../agreements/agreements.labels.ts';
import type { Agreement } from '../agreements/agreements.schemas.ts';
import { worldBase } from '../portal/map/world-map.ts';
import type { BriefingData } from './briefing.service.ts';
import { briefingStrings } from './briefing.strings.ts';

const FONTS = join(
  dirname(createRequire(import.meta.url).resolve('bootstrap-italia/package.json')),
  'dist/fonts/Titillium_Web',
);
const REGULAR = join(FONTS, 'titillium-web-v10-latin-ext_latin-regular.ttf');
const BOLD = join(FONTS, 'titillium-web-v10-latin-ext_latin-700.ttf');
const BLUE = '#0066cc';
const GREY = '#5c6f82';

const day = (iso: string, lang: Lang) => formatDate(iso, 'day', lang) ?? iso;
const title = (x: { titleIt: string; titleEn: string | null }, lang: Lang) =>
  lang === 'en' ? (x.titleEn ?? x.titleIt) : x.titleIt;

function period(s: BriefingData['subject'], lang: Lang) {
  const start = [day(s.startsOn, lang), s.startsAt].filter(Boolean).join(', ');
  if (s.endsOn === s.startsOn) return s.endsAt ? `${start}–${s.endsAt}` : start;
  return `${start} – ${[day(s.endsOn, lang), s.endsAt].filter(Boolean).join(', ')}`;
}

/** An agreement's history in one line per event: date, status, act. */
function history(a: Agreement, lang: Lang): string[] {
  return a.statusHistory.map((e) => {
    const when = formatDate(e.date, e.precision, lang) ?? '—';
    const what = STATUS_LABELS[e.status]?.[lang] ?? e.status;
    const rejected = e.outcome === 'rejected' ? (lang === 'it' ? ' (respinta)' : ' (rejected)') : '';
    return `${when}: ${what}${rejected}${e.act ? ` — ${e.act}` : ''}`;
  });
}

export function briefingPdf(data: BriefingData, lang: Lang, today: string): Promise<Buffer> {
  const t = briefingStrings(lang);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    info: {
      Title: `${t.pack}: ${title(data.subject, lang)}`,
      Author: 'Ponte',
      Subject: t.kinds[data.kind] ?? '',
    },
    lang: lang === 'it' ? 'it-IT' : 'en-GB',
    displayTitle: true,
  });
  doc.registerFont('regular', REGULAR);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const heading = (text: string) => {
    if (doc.y > 720) doc.addPage();
    doc.moveDown(0.8).font('bold').fontSize(14).fillColor(BLUE).text(text).moveDown(0.3);
    doc.font('regular').fontSize(10.5).fillColor('black');
  };
  const line = (label: string, value: string | null | undefined) => {
    if (!value) return;
    doc.font('bold').text(`${label}: `, { continued: true }).font('regular').text(value);
  };
  const bullet = (text: string) => doc.text(`•  ${text}`, { indent: 8 });

  doc.font('regular').fontSize(10).fillColor(GREY).text(`${t.pack} · ${t.kinds[data.kind]}`);
  doc.font('bold').fontSize(20).fillColor('black').text(title(data.subject, lang)).moveDown(0.4);
  doc.font('regular').fontSize(10.5);
  line(t.when, period(data.subject, lang));
  line(t.status, t.statuses[data.subject.status] ?? data.subject.status);
  line(t.where, data.subject.where);
  line(t.who, data.subject.people.join('; '));
  line(
    t.purpose,
    lang === 'en' ? (data.subject.purposeEn ?? data.subject.purposeIt) : data.subject.purposeIt,
  );

  if (data.programme.length) {
    heading(t.programme);
    for (const i of data.programme) {
      const time = [i.startsAt, i.endsAt].filter(Boolean).join('–');
      const what = lang === 'en' ? (i.activityEn ?? i.activityIt) : i.activityIt;
      bullet(
        `${day(i.day, lang)}${time ? `, ${time}` : ''}: ${what}${i.tour ? ` (${t.tour})` : ''}${i.place ? ` — ${i.place}` : ''}`,
      );
    }
  }

  heading(t.partners);
  if (data.partners.length === 0) doc.text(t.noPartner);
  for (const p of data.partners) {
    const name = lang === 'en' ? p.nameEn : p.nameIt;
    doc.font('bold').text(name).font('regular');
    if (p.country) line(t.country, lang === 'en' ? p.country.nameEn : p.country.nameIt);
    if (p.place) drawMap(doc, p.place.lon, p.place.lat, t.mapOf(name));
  }

  heading(t.agreements);
  if (data.agreements.length === 0) doc.text(t.noAgreements);
  for (const a of data.agreements) {
    const kind = KIND_LABELS[a.kind]?.[lang] ?? a.kind;
    const signed = formatDate(a.signed.date, a.signed.precision, lang);
    doc
      .font('bold')
      .text(
        `${kind} — ${lang === 'en' ? a.partner.nameEn : a.partner.nameIt}${signed ? `, ${t.signed} ${signed}` : ''}`,
      )
      .font('regular');
    for (const h of history(a, lang)) bullet(h);
    doc.moveDown(0.3);
  }

  heading(t.past);
  if (data.past.length === 0) doc.text(t.noPast);
  for (const p of data.past) {
    const when =
      p.ends_on === p.starts_on
        ? day(p.starts_on, lang)
        : `${day(p.starts_on, lang)} – ${day(p.ends_on, lang)}`;
    doc
      .font('bold')
      .text(`${when} · ${t.kinds[p.kind]}: ${lang === 'en' ? (p.title_en ?? p.title_it) : p.title_it}`)
      .font('regular');
    const outcome = lang === 'en' ? (p.outcome_en ?? p.outcome_it) : p.outcome_it;
    if (outcome) line(t.outcome, outcome);
  }

  heading(t.open);
  if (data.open.length === 0) doc.text(t.noOpen);
  for (const f of data.open) {
    bullet(
      `${f.action}${f.owner ? ` (${f.owner})` : ''}${f.due_on ? ` — ${t.by} ${day(f.due_on, lang)}` : ''} · ${lang === 'en' ? (f.title_en ?? f.title_it) : f.title_it}`,
    );
  }

  heading(t.giftsTitle);
  if (data.gifts.length === 0) doc.text(t.noGifts);
  for (const g of data.gifts) {
    const value = g.value
      ? ` — ${new Intl.NumberFormat(lang === 'it' ? 'it-IT' : 'en-GB', { style: 'currency', currency: g.currency }).format(Number(g.value))}`
      : '';
    bullet(
      `${day(g.on_day, lang)} · ${t.directions[g.direction]}: ${lang === 'en' ? (g.description_en ?? g.description_it) : g.description_it}${value}`,
    );
  }

  heading(t.networks);
  if (data.networks.length === 0) doc.text(t.noNetworks);
  for (const n of data.networks) bullet(lang === 'en' ? n.nameEn : n.nameIt);

  doc
    .moveDown(1)
    .fontSize(9)
    .fillColor(GREY)
    .text(t.made(day(today, lang)));
  doc.end();
  return done;
}

/** A small world map, the partner's place marked; drawn with the portal's projected land. */
function drawMap(doc: PDFKit.PDFDocument, lon: number, lat: number, label: string) {
  const base = worldBase();
  const width = 220;
  const scale = width / base.width;
  const height = base.height * scale;
  if (doc.y + height > 780) doc.addPage();
  const x = doc.page.margins.left;
  const y = doc.y + 4;
  doc.save().translate(x, y).scale(scale);
  doc.path(base.sphere).fill('#e6f0fa');
  doc.path(base.land).fill('#c5d3e0');
  const point = base.projection([lon, lat]);
  if (point) doc.circle(point[0], point[1], 6 / scale).fill(BLUE);
  doc.restore();
  doc.y = y + height + 4;
  doc.fontSize(8).fillColor(GREY).text(label, x).fontSize(10.5).fillColor('black');
}
