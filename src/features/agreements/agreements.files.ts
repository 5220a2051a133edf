// Agreements as files: CSV as spreadsheets save it (comma or semicolon, UTF-8 with or without BOM, or
// Windows-1252/Latin-1), and JSON. Turns a file into AgreementInput rows with their line numbers, and
// agreements back into files that import again to the same agreements.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { guardCell, unguardCell } from '../../platform/csv.ts';
import {
  formatPartialDate,
  isDateError,
  type PartialDate,
  parsePartialDate,
  periodEnd,
} from '../../platform/dates.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import { normalizeName } from '../places/normalize.ts';
import {
  AGREEMENT_KINDS,
  type Agreement,
  type AgreementInput,
  type AlternativeDate,
  SECTORS,
  type Source,
  STATUSES,
  type StatusEventInput,
} from './agreements.schemas.ts';

export interface FileRow {
  /** Line of the file where the row starts (CSV), or the item number (JSON), for reports. */
  line: number;
  input?: AgreementInput;
  problems: FieldProblem[];
}

export interface ParsedFile {
  format: 'csv' | 'json';
  rows: FileRow[];
  warnings: string[];
}

/** A problem of the whole file, with the line it was found on when there is one (a broken CSV record). */
export interface FileProblem extends FieldProblem {
  line?: number;
}

/** Every CSV column an import understands; export writes them all, in this order. */
export const CSV_COLUMNS = [
  'slug',
  'kind',
  'partner',
  'country',
  'geonames_id',
  'partner_type',
  'partner_name_en',
  'partner_website',
  'signed',
  'signed_source',
  'ratified',
  'ratified_source',
  'signed_place',
  'term',
  'ends',
  'renewal',
  'renewal_years',
  'sectors',
  'status',
  'status_date',
  'status_reason_it',
  'status_reason_en',
  'status_act',
  'title_it',
  'title_en',
  'description_it',
  'description_en',
  'sources',
  'alternative_dates',
  'status_history',
  'published',
  'unit',
] as const;

// Italian and English labels people write in spreadsheets, mapped to codes.
const KIND_WORDS: Record<string, (typeof AGREEMENT_KINDS)[number]> = {
  gemellaggio: 'twinning',
  twinning: 'twinning',
  'twin city': 'twinning',
  'sister city': 'twinning',
  'patto di amicizia': 'friendship_pact',
  'friendship pact': 'friendship_pact',
  amicizia: 'friendship_pact',
  'patto di fratellanza': 'brotherhood_pact',
  'brotherhood pact': 'brotherhood_pact',
  fratellanza: 'brotherhood_pact',
  'accordo di collaborazione': 'collaboration_agreement',
  'collaboration agreement': 'collaboration_agreement',
  'accordo di cooperazione': 'collaboration_agreement',
  'memorandum d intesa': 'memorandum_of_understanding',
  'protocollo d intesa': 'memorandum_of_understanding',
  memorandum: 'memorandum_of_understanding',
  'memorandum of understanding': 'memorandum_of_understanding',
  mou: 'memorandum_of_understanding',
  'partenariato di progetto': 'project_partnership',
  'project partnership': 'project_partnership',
};
const STATUS_WORDS: Record<string, (typeof STATUSES)[number]> = {
  proposto: 'proposed',
  proposta: 'proposed',
  attivo: 'active',
  attiva: 'active',
  sospeso: 'suspended',
  sospesa: 'suspended',
  scaduto: 'expired',
  scaduta: 'expired',
  cessato: 'terminated',
  cessata: 'terminated',
  concluso: 'terminated',
  revocato: 'terminated',
  ended: 'terminated',
};
const SECTOR_WORDS: Record<string, (typeof SECTORS)[number]> = {
  'amministrazione pubblica': 'public_administration',
  'pubblica amministrazione': 'public_administration',
  'public administration': 'public_administration',
  economia: 'economy',
  scienza: 'science',
  tecnologia: 'technology',
  innovazione: 'innovation',
  cultura: 'culture',
  educazione: 'education',
  istruzione: 'education',
  commercio: 'trade',
  'scambi commerciali': 'trade',
  turismo: 'tourism',
  mobilita: 'mobility',
  energia: 'energy',
  ambiente: 'environment',
};

function codeOf<T extends string>(raw: string, codes: readonly T[], words: Record<string, T>): T | undefined {
  const v = raw.trim();
  if ((codes as readonly string[]).includes(v)) return v as T;
  const norm = normalizeName(v);
  const asCode = norm.replace(/ /g, '_');
  if ((codes as readonly string[]).includes(asCode)) return asCode as T;
  return words[norm];
}

// Windows-1252 differs from Latin-1 in 0x80-0x9F: curly quotes (’ “ ”), dashes, € and a few letters that
// Word and Excel write. Node's TextDecoder('windows-1252') decodes those bytes as Latin-1 control characters
// since Node 20.18.3 (nodejs/node#60888), so they are mapped here.
const CP1252_80_9F =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (ch) => CP1252_80_9F[ch.charCodeAt(0) - 0x80]!);
}

/** Decodes bytes as UTF-8 (dropping a BOM); a file that is not valid UTF-8 is read as Windows-1252. */
export function decodeText(bytes: Uint8Array): { text: string; warning?: string } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { text };
  } catch {
    return {
      text: decodeWindows1252(bytes),
      warning: 'The file is not UTF-8: it was read as Windows-1252 (Latin-1). Check accented letters.',
    };
  }
}

/** The delimiter of a CSV: whichever of ; and , occurs more often outside quotes in the header line. */
export function detectDelimiter(text: string): ',' | ';' {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  let inQuotes = false;
  let commas = 0;
  let semicolons = 0;
  for (const ch of header) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === ',') commas++;
    else if (!inQuotes && ch === ';') semicolons++;
  }
  return semicolons > commas ? ';' : ',';
}

const truthy = (v: string) => /^(1|true|yes|y|si|sì|x|pubblicato|published)$/i.test(v.trim());
const falsy = (v: string) => /^(0|false|no|n|bozza|draft|non pubblicato|unpublished)?$/i.test(v.trim());

function jsonCell<T>(raw: string, field: string, problems: FieldProblem[]): T | undefined {
  if (!raw.trim()) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    problems.push({ field, message: 'is not valid JSON' });
    return undefined;
  }
}

/**
 * A date cell at its precision ("1970", "1967-10", "1967-10-02"), or null when empty or unknown ("sconosciuta",
 * "n/d"). A cell that is not a date is a problem of its column, with the reason dates.ts gives.
 */
function dateCell(raw: string, column: string, problems: FieldProblem[]): string | null {
  const parsed = parsePartialDate(raw);
  if (isDateError(parsed)) {
    problems.push({ field: column, message: parsed.error });
    return null;
  }
  return formatPartialDate(parsed.date, parsed.precision);
}

function listCell(raw: string): string[] {
  return raw
    .split(/[|;,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

// Input fields ("partner.country", "term.endsOn", "statusHistory.1.date") to the CSV column that holds them.
const FIELD_COLUMNS: [RegExp, string][] = [
  [/^partner\.(name|nameIt)$/, 'partner'],
  [/^partner\.nameEn$/, 'partner_name_en'],
  [/^partner\.country$/, 'country'],
  [/^partner\.geonamesId$/, 'geonames_id'],
  [/^partner\.website$/, 'partner_website'],
  [/^partner(\.|$)/, 'partner'],
  [/^signed\.date$/, 'signed'],
  [/^signed\.source$/, 'signed_source'],
  [/^ratified\.date$/, 'ratified'],
  [/^ratified\.source$/, 'ratified_source'],
  [/^term\.endsOn$/, 'ends'],
  [/^term\.renewalYears$/, 'renewal_years'],
  [/^term\.renewal$/, 'renewal'],
  [/^term(\.|$)/, 'term'],
  [/^statusHistory(\.|$)/, 'status_history'],
  [/^alternativeDates(\.|$)/, 'alternative_dates'],
  [/^sectors(\.|$)/, 'sectors'],
  [/^sources(\.|$)/, 'sources'],
];

/** The CSV column a problem of an input field points at, so a report names what the person sees. */
export function csvColumnOf(field: string): string {
  for (const [re, column] of FIELD_COLUMNS) if (re.test(field)) return column;
  const snake = field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  return (CSV_COLUMNS as readonly string[]).includes(snake) ? snake : field;
}

/** One CSV record to an AgreementInput, collecting problems of the cells that cannot be understood. */
export function csvRecordToInput(rec: Record<string, string>): {
  input?: AgreementInput;
  problems: FieldProblem[];
} {
  const problems: FieldProblem[] = [];
  const get = (k: string) => (rec[k] ?? '').trim();

  const kind = codeOf(get('kind'), AGREEMENT_KINDS, KIND_WORDS);
  if (!get('kind')) problems.push({ field: 'kind', message: 'is empty: say what kind of agreement it is' });
  else if (!kind)
    problems.push({
      field: 'kind',
      message: `"${get('kind')}" is not a kind (${AGREEMENT_KINDS.join(', ')})`,
    });

  const partnerName = get('partner');
  if (!partnerName)
    problems.push({ field: 'partner', message: 'is empty: name the partner city or organisation' });
  const partnerType = get('partner_type').toLowerCase() || 'city';
  const geonamesRaw = get('geonames_id');
  const geonamesId = geonamesRaw ? Number(geonamesRaw) : undefined;
  if (geonamesRaw && !(Number.isInteger(geonamesId) && geonamesId! > 0)) {
    problems.push({ field: 'geonames_id', message: `"${geonamesRaw}" is not a GeoNames id` });
  }
  let partner: AgreementInput['partner'];
  if (['organisation', 'organization', 'organizzazione', 'ente'].includes(partnerType)) {
    partner = {
      type: 'organisation',
      nameIt: partnerName,
      nameEn: get('partner_name_en') || partnerName,
      ...(get('country') ? { country: get('country') } : {}),
      ...(get('partner_website') ? { website: get('partner_website') } : {}),
    };
  } else if (['city', 'citta', 'città', 'comune'].includes(partnerType)) {
    partner = {
      type: 'city',
      name: partnerName,
      ...(get('country') ? { country: get('country') } : {}),
      ...(geonamesId && Number.isInteger(geonamesId) ? { geonamesId } : {}),
    };
  } else {
    problems.push({ field: 'partner_type', message: `"${partnerType}" is neither city nor organisation` });
    partner = { type: 'city', name: partnerName };
  }

  const sectors: (typeof SECTORS)[number][] = [];
  for (const s of listCell(get('sectors'))) {
    const code = codeOf(s, SECTORS, SECTOR_WORDS);
    // A sheet may name a sector in both languages ("cultura|culture"); it counts once.
    if (code) {
      if (!sectors.includes(code)) sectors.push(code);
    } else problems.push({ field: 'sectors', message: `"${s}" is not a sector (${SECTORS.join(', ')})` });
  }

  const signed = dateCell(get('signed'), 'signed', problems);
  const ratified = dateCell(get('ratified'), 'ratified', problems);
  const ends = dateCell(get('ends'), 'ends', problems);
  const statusDate = dateCell(get('status_date'), 'status_date', problems);

  let history = jsonCell<StatusEventInput[]>(get('status_history'), 'status_history', problems);
  if (history === undefined) {
    const statusRaw = get('status');
    const status = statusRaw ? codeOf(statusRaw, STATUSES, STATUS_WORDS) : 'active';
    if (!status) {
      problems.push({ field: 'status', message: `"${statusRaw}" is not a status (${STATUSES.join(', ')})` });
    } else {
      const start = signed ?? ratified;
      const reason = {
        ...(get('status_reason_it') ? { reasonIt: get('status_reason_it') } : {}),
        ...(get('status_reason_en') ? { reasonEn: get('status_reason_en') } : {}),
        ...(get('status_act') ? { act: get('status_act') } : {}),
      };
      if (status === 'proposed' || status === 'active') {
        history = [{ status, date: statusDate ?? start, ...reason }];
      } else {
        // A status without a date stays after the activation: undated events keep their recorded place.
        const since = parsePartialDate(statusDate) as PartialDate;
        const begun = parsePartialDate(start) as PartialDate;
        if (since.date && begun.date && periodEnd(since)! < begun.date) {
          problems.push({
            field: 'status_date',
            message: `"${get('status_date')}" comes before the agreement began (${start}): it cannot be ${status} before it was active`,
          });
        }
        history = [
          { status: 'active', date: start },
          { status, date: statusDate, ...reason },
        ];
      }
    }
  }

  let sources: Source[] | undefined;
  const sourcesRaw = get('sources');
  if (sourcesRaw.startsWith('[')) sources = jsonCell<Source[]>(sourcesRaw, 'sources', problems);
  else if (sourcesRaw)
    sources = sourcesRaw
      .split(/[\s|]+/)
      .filter(Boolean)
      .map((url) => ({ url }));

  const termRaw = get('term').toLowerCase();
  const fixed =
    termRaw === 'fixed' ||
    termRaw === 'a termine' ||
    termRaw === 'determinato' ||
    (!termRaw && !!get('ends'));
  if (termRaw && !fixed && !['permanent', 'permanente', 'indeterminato'].includes(termRaw)) {
    problems.push({ field: 'term', message: `"${get('term')}" is neither permanent nor fixed` });
  }
  const renewal = get('renewal');
  if (renewal && !['none', 'automatic', 'by_agreement'].includes(renewal)) {
    problems.push({ field: 'renewal', message: `"${renewal}" is not one of none, automatic, by_agreement` });
  }
  const renewalYears = get('renewal_years') ? Number(get('renewal_years')) : undefined;
  if (
    renewalYears !== undefined &&
    !(Number.isInteger(renewalYears) && renewalYears > 0 && renewalYears <= 50)
  ) {
    problems.push({ field: 'renewal_years', message: `"${get('renewal_years')}" is not a number of years` });
  }

  const publishedRaw = get('published');
  if (!truthy(publishedRaw) && !falsy(publishedRaw)) {
    problems.push({ field: 'published', message: `"${publishedRaw}" is not yes or no` });
  }

  const alternativeDates = jsonCell<AlternativeDate[]>(
    get('alternative_dates'),
    'alternative_dates',
    problems,
  );
  if (problems.length > 0 || !kind) return { problems };

  const input: AgreementInput = {
    kind,
    partner,
    ...(get('slug') ? { slug: get('slug') } : {}),
    signed: {
      date: signed,
      ...(get('signed_source') ? { source: get('signed_source') } : {}),
    },
    ratified: {
      date: ratified,
      ...(get('ratified_source') ? { source: get('ratified_source') } : {}),
    },
    ...(get('signed_place') ? { signedPlace: get('signed_place') } : {}),
    term: fixed
      ? {
          type: 'fixed',
          endsOn: ends,
          ...(renewal ? { renewal: renewal as 'none' } : {}),
          ...(renewalYears ? { renewalYears } : {}),
        }
      : { type: 'permanent' },
    sectors,
    ...(get('title_it') ? { titleIt: get('title_it') } : {}),
    ...(get('title_en') ? { titleEn: get('title_en') } : {}),
    ...(get('description_it') ? { descriptionIt: get('description_it') } : {}),
    ...(get('description_en') ? { descriptionEn: get('description_en') } : {}),
    ...(sources ? { sources } : {}),
    ...(alternativeDates ? { alternativeDates } : {}),
    statusHistory: history ?? [],
    published: truthy(publishedRaw),
    ...(get('unit') ? { unit: get('unit') } : {}),
  };
  return { input, problems };
}

export function parseCsv(text: string): { rows: FileRow[]; problems: FileProblem[] } {
  const delimiter = detectDelimiter(text);
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    // csv-parse counts a CRLF inside a quoted cell as two lines, which puts every later row's line number
    // off; with one kind of line break the count is right (a cell's CRLF becomes LF, as spreadsheets write it).
    records = parse(text.replace(/\r\n?/g, '\n'), {
      bom: true,
      delimiter,
      columns: (header: string[]) => header.map((h) => normalizeName(h).replace(/ /g, '_')),
      // Undoes the apostrophe the export puts before a cell a spreadsheet would run as a formula.
      cast: (value: string) => unguardCell(value),
      skip_empty_lines: true,
      relax_column_count: false,
      trim: false,
      info: true,
    }) as never;
  } catch (err) {
    const e = err as Error & { lines?: number };
    return {
      rows: [],
      problems: [{ field: 'file', message: e.message, ...(e.lines ? { line: e.lines } : {}) }],
    };
  }
  const header = records[0] ? Object.keys(records[0].record) : [];
  const unknown = header.filter((h) => h && !(CSV_COLUMNS as readonly string[]).includes(h));
  const problems: FileProblem[] = unknown.map((h) => ({
    field: h,
    message: `unknown column "${h}"; the columns are: ${CSV_COLUMNS.join(', ')}`,
  }));
  for (const required of ['kind', 'partner']) {
    if (records.length > 0 && !header.includes(required)) {
      problems.push({ field: required, message: `the file has no "${required}" column` });
    }
  }
  if (problems.length > 0) return { rows: [], problems };
  return {
    problems,
    rows: records.map(({ record, info }) => {
      // info.lines is the line where the record ends; a record spans more lines when a cell has line breaks.
      const span = Object.values(record).reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0);
      return { line: info.lines - span, ...csvRecordToInput(record) };
    }),
  };
}

export function parseAgreementsFile(
  bytes: Uint8Array,
  format: 'csv' | 'json',
): ParsedFile & { problems: FileProblem[] } {
  const { text, warning } = decodeText(bytes);
  const warnings = warning ? [warning] : [];
  if (!text.replace(/^\uFEFF/, '').trim()) {
    return { format, rows: [], warnings, problems: [{ field: 'file', message: 'The file is empty' }] };
  }
  if (format === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch (err) {
      return {
        format,
        rows: [],
        warnings,
        problems: [{ field: 'file', message: `Not valid JSON: ${(err as Error).message}` }],
      };
    }
    const items = Array.isArray(data) ? data : (data as { agreements?: unknown })?.agreements;
    if (!Array.isArray(items)) {
      return {
        format,
        rows: [],
        warnings,
        problems: [
          { field: 'file', message: 'Expected an array of agreements, or an object with "agreements"' },
        ],
      };
    }
    return {
      format,
      warnings,
      problems: [],
      rows: items.map((input, i) => ({ line: i + 1, input, problems: [] })),
    };
  }
  const { rows, problems } = parseCsv(text);
  if (rows.length === 0 && problems.length === 0)
    problems.push({ field: 'file', message: 'The file has no rows' });
  return { format, rows, warnings, problems };
}

// ---- Export ----

export function toInput(a: Agreement): AgreementInput {
  const website = a.partner.website;
  const partner: AgreementInput['partner'] =
    a.partner.type === 'city' && a.partner.place
      ? {
          type: 'city',
          name: a.partner.nameIt,
          ...(a.partner.country ? { country: a.partner.country.code } : {}),
          geonamesId: a.partner.place.geonamesId,
        }
      : {
          type: 'organisation',
          nameIt: a.partner.nameIt,
          nameEn: a.partner.nameEn,
          ...(a.partner.country ? { country: a.partner.country.code } : {}),
          ...(website ? { website } : {}),
        };
  return {
    slug: a.slug,
    kind: a.kind,
    partner,
    signed: { date: a.signed.date, ...(a.signed.source ? { source: a.signed.source } : {}) },
    ratified: { date: a.ratified.date, ...(a.ratified.source ? { source: a.ratified.source } : {}) },
    ...(a.signedPlace ? { signedPlace: a.signedPlace } : {}),
    term:
      a.term.type === 'fixed'
        ? {
            type: 'fixed',
            endsOn: a.term.endsOn,
            ...(a.term.renewal ? { renewal: a.term.renewal } : {}),
            ...(a.term.renewalYears ? { renewalYears: a.term.renewalYears } : {}),
          }
        : { type: 'permanent' },
    sectors: a.sectors,
    ...(a.titleIt ? { titleIt: a.titleIt } : {}),
    ...(a.titleEn ? { titleEn: a.titleEn } : {}),
    ...(a.descriptionIt ? { descriptionIt: a.descriptionIt } : {}),
    ...(a.descriptionEn ? { descriptionEn: a.descriptionEn } : {}),
    sources: a.sources,
    alternativeDates: a.alternativeDates,
    statusHistory: a.statusHistory.map((e) => ({
      status: e.status,
      ...(e.outcome === 'rejected' ? { outcome: e.outcome } : {}),
      date: e.date,
      ...(e.reasonIt ? { reasonIt: e.reasonIt } : {}),
      ...(e.reasonEn ? { reasonEn: e.reasonEn } : {}),
      ...(e.act ? { act: e.act } : {}),
    })),
    published: a.published,
    ...(a.toVerify ? { toVerify: true } : {}),
    ...(a.unit ? { unit: a.unit } : {}),
  };
}

export function toCsv(list: Agreement[]): string {
  const rows = list.map((a) => {
    const inp = toInput(a);
    const p = inp.partner;
    const latest = a.statusHistory.filter((e) => e.outcome === 'approved').at(-1);
    const row: Record<(typeof CSV_COLUMNS)[number], string> = {
      slug: a.slug,
      kind: a.kind,
      partner: p.type === 'city' ? p.name : p.nameIt,
      country: p.country ?? '',
      geonames_id: p.type === 'city' ? String(p.geonamesId ?? '') : '',
      partner_type: p.type,
      partner_name_en: p.type === 'organisation' ? p.nameEn : a.partner.nameEn,
      partner_website: p.type === 'organisation' ? (p.website ?? '') : '',
      signed: a.signed.date ?? '',
      signed_source: a.signed.source ?? '',
      ratified: a.ratified.date ?? '',
      ratified_source: a.ratified.source ?? '',
      signed_place: a.signedPlace ?? '',
      term: a.term.type,
      ends: a.term.endsOn ?? '',
      renewal: a.term.renewal ?? '',
      renewal_years: a.term.renewalYears ? String(a.term.renewalYears) : '',
      sectors: a.sectors.join('|'),
      status: a.status,
      status_date: a.statusSince ?? '',
      status_reason_it: latest?.reasonIt ?? '',
      status_reason_en: latest?.reasonEn ?? '',
      status_act: latest?.act ?? '',
      title_it: a.titleIt ?? '',
      title_en: a.titleEn ?? '',
      description_it: a.descriptionIt ?? '',
      description_en: a.descriptionEn ?? '',
      sources: a.sources.length ? JSON.stringify(a.sources) : '',
      alternative_dates: a.alternativeDates.length ? JSON.stringify(a.alternativeDates) : '',
      // The full history goes in its own column; on import it wins over the status columns.
      status_history: JSON.stringify(inp.statusHistory),
      published: a.published ? 'yes' : 'no',
      unit: a.unit ?? '',
    };
    return CSV_COLUMNS.map((c) => guardCell(row[c]));
  });
  return `\uFEFF${stringify([CSV_COLUMNS as unknown as string[], ...rows], { record_delimiter: '\r\n' })}`;
}

export function toJson(institution: string, list: Agreement[]): string {
  const agreements = list.map((a) => toInput(a));
  return `${JSON.stringify({ institution, exportedAt: new Date().toISOString(), agreements }, null, 2)}\n`;
}

/** RFC 7946 FeatureCollection: each agreement with a partner city as a Point [lon, lat] with its properties. */
export function toGeoJson(list: Agreement[], publicUrl?: string) {
  return {
    type: 'FeatureCollection' as const,
    features: list
      .filter((a) => a.partner.place)
      .map((a) => ({
        type: 'Feature' as const,
        id: a.id,
        geometry: {
          type: 'Point' as const,
          coordinates: [
            Math.round(a.partner.place!.lon * 1e6) / 1e6,
            Math.round(a.partner.place!.lat * 1e6) / 1e6,
          ],
        },
        properties: {
          institution: a.institution,
          slug: a.slug,
          kind: a.kind,
          status: a.status,
          statusSince: a.statusSince,
          partnerIt: a.partner.nameIt,
          partnerEn: a.partner.nameEn,
          country: a.partner.country?.code ?? null,
          countryIt: a.partner.country?.nameIt ?? null,
          countryEn: a.partner.country?.nameEn ?? null,
          continent: a.partner.country?.continent ?? null,
          geonamesId: a.partner.place!.geonamesId,
          signed: a.signed.date,
          signedPrecision: a.signed.precision,
          ratified: a.ratified.date,
          ratifiedPrecision: a.ratified.precision,
          sectors: a.sectors,
          ...(publicUrl ? { api: `${publicUrl}/api/v1/agreements/${a.id}` } : {}),
        },
      })),
  };
}
