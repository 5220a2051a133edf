import { describe, expect, it } from 'vitest';
import { formatDate, formatNumber } from './i18n.ts';

describe('formatDate', () => {
  it('when a date is known to the year, the month or the day, then it is written at that precision', () => {
    expect(formatDate('1974-01-01', 'year', 'it')).toBe('1974');
    expect(formatDate('1973-04-01', 'month', 'it')).toBe('aprile 1973');
    expect(formatDate('1973-04', 'month', 'en')).toBe('April 1973');
    expect(formatDate('1979-07-03', 'day', 'it')).toBe('3 luglio 1979');
    expect(formatDate('1979-07-03', 'day', 'en')).toBe('3 July 1979');
    expect(formatDate(null, 'unknown', 'en')).toBeNull();
  });

  it('when a date is the first of January, then no time zone moves it to the previous year', () => {
    expect(formatDate('1961-01-01', 'day', 'en')).toBe('1 January 1961');
  });

  it('when numbers are shown, then each language groups digits its own way', () => {
    expect(formatNumber(300000, 'it')).toBe('300.000');
    expect(formatNumber(300000, 'en')).toBe('300,000');
  });
});
