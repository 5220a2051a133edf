import { describe, expect, it } from 'vitest';
import { guardCell, unguardCell } from './csv.ts';

describe('CSV formula cells', () => {
  it('when a cell would run as a spreadsheet formula, then it is written behind an apostrophe and read back as it was', () => {
    const risky = [
      '=HYPERLINK("http://x","y")',
      '+39 02 884',
      '-cmd',
      '@SUM(A1)',
      '\t=1',
      '\r=1',
      "'=1",
      "''@x",
    ];
    for (const value of risky) {
      expect(guardCell(value), value).toBe(`'${value}`);
      expect(unguardCell(guardCell(value)), value).toBe(value);
    }
  });

  it('when a cell is plain text or a number, then it is written as it is', () => {
    for (const value of ['Lione', "l'Aia", "'quoted'", '-12.5', '+3', '1e-3', '', 'a=b']) {
      expect(guardCell(value), value).toBe(value);
      expect(unguardCell(value), value).toBe(value);
    }
  });
});
