// Agreements as files: CSV as spreadsheets save it (comma or semicolon, UTF-8 with or without BOM, or
// Windows-1252/Latin-1), and JSON. Turns a file into AgreementInput rows with their line numbers, and
// agreements back into files that import again to the same agreements.
// The rows of one CSV record are read in agreements.csv-record.ts; agreements become files in
// agreements.export.ts. Both are re-exported here, the one place the other modules import file formats from.
import { parse } from 'csv-parse/sync';
import { decodeText, detectDelimiter, unguardCell } from '../../platform/csv.ts';
import type { FieldProblem } from '../../platform/errors.ts';
import { normalizeName } from '../places/places.service.ts';
import { CSV_COLUMNS, csvRecordToInput } from './agreements.csv-record.ts';
import type { AgreementInput } from './agreements.schemas.ts';

export { decodeText, detectDelimiter } from '../../platform/csv.ts';
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
