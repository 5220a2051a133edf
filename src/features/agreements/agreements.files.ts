// Agreements as files: CSV as spreadsheets save it (comma or semicolon, UTF-8 with or without BOM, or
// Windows-1252/Latin-1), and JSON. Turns a file into AgreementInput rows with their line numbers, and
// agreements back into files that import again to the same agreements.
// The rows of one CSV record are read in agreements.csv-record.ts; agreements become files in
// agreements.export.ts. Both are re-exported here, the one place the other modules import file formats from.
import { parse } from 'csv-parse/sync';
import { unguardCell } from '../../platform/csv.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import { normalizeName } from '../places/places.service.ts';
import { CSV_COLUMNS, csvRecordToInput } from './agreements.csv-record.ts';
import type { AgreementInput } from './agreements.schemas.ts';

export { CSV_COLUMNS, csvColumnOf, csvRecordToInput } from './agreements.csv-record.ts';
export { toCsv, toGeoJson, toInput, toJson } from './agreements.export.ts';

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
