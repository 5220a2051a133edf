// CSV cells that a spreadsheet would run as a formula. A cell starting with =, +, -, @, a tab or a carriage
// return is a formula to Excel, LibreOffice and Google Sheets (`=HYPERLINK(...)` in a public download is a
// phishing link; DDE payloads run commands). As OWASP advises, such a cell is written with a leading
// apostrophe, which spreadsheets show as text; Ponte's own importer takes exactly that apostrophe off again,
// so an export imports back to the same values.

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
