// CSV as Ponte writes and reads it. Cells that a spreadsheet would run as a formula: a cell starting with =,
// +, -, @, a tab or a carriage return is a formula to Excel, LibreOffice and Google Sheets (`=HYPERLINK(...)` in a public download is a
// phishing link; DDE payloads run commands). As OWASP advises, such a cell is written with a leading
// apostrophe, which spreadsheets show as text; Ponte's own importer takes exactly that apostrophe off again,
// so an export imports back to the same values. And reading: bytes as UTF-8 or Windows-1252, the delimiter
// a spreadsheet chose, records with their line numbers.
import { parse } from 'csv-parse/sync';

// Apostrophes already leading a risky cell are guarded too, so "'=x" survives the round trip as itself.
const RISKY = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;
/** Plain numbers ("-12.5") are data, not formulas: they stay as they are. */
const NUMBER = /^[+-]?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** The cell as it goes into a CSV file. */
export function guardCell(value: string): string {
  return RISKY.test(value) && !NUMBER.test(value) ? `'${value}` : value;
}

/** The cell as a CSV file from guardCell gave it: one guarding apostrophe taken off. */
export function unguardCell(value: string): string {
  return GUARDED.test(value) ? value.slice(1) : value;
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

/** One record of a CSV file, its cells by normalised column name, and the line it starts on. */
export interface CsvRecord {
  line: number;
  cells: Record<string, string>;
}

/**
 * A CSV's records as spreadsheets save them (comma or semicolon, UTF-8 or Windows-1252 decoded by the caller),
 * with their column names lower-cased and their line numbers; a broken file is a problem with its line.
 */
export function csvRecords(
  text: string,
  column: (header: string) => string,
): { records: CsvRecord[]; error?: { message: string; line?: number } } {
  try {
    const parsed = parse(text.replace(/\r\n?/g, '\n'), {
      bom: true,
      delimiter: detectDelimiter(text),
      columns: (header: string[]) => header.map(column),
      cast: (value: string) => unguardCell(value),
      skip_empty_lines: true,
      relax_column_count: false,
      trim: false,
      info: true,
    }) as { record: Record<string, string>; info: { lines: number } }[];
    return {
      records: parsed.map(({ record, info }) => {
        const span = Object.values(record).reduce((n, v) => n + (v.match(/\n/g)?.length ?? 0), 0);
        return { line: info.lines - span, cells: record };
      }),
    };
  } catch (err) {
    const e = err as Error & { lines?: number };
    return { records: [], error: { message: e.message, ...(e.lines ? { line: e.lines } : {}) } };
  }
}
