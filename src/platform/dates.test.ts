import { describe, expect, it } from 'vitest';
import { formatPartialDate, isDateError, parsePartialDate, periodEnd, todayIso } from './dates.ts';

describe('parsePartialDate', () => {
  it.each([
    ['1961', { date: '1961-01-01', precision: 'year' }],
    ['1973-04', { date: '1973-04-01', precision: 'month' }],
    ['1973-4', { date: '1973-04-01', precision: 'month' }],
    ['1979-07-03', { date: '1979-07-03', precision: 'day' }],
    ['03/07/1979', { date: '1979-07-03', precision: 'day' }],
    ['3/7/1979', { date: '1979-07-03', precision: 'day' }],
    ['03.07.1979', { date: '1979-07-03', precision: 'day' }],
    ['04/1973', { date: '1973-04-01', precision: 'month' }],
    ['', { date: null, precision: 'unknown' }],
    ['  ', { date: null, precision: 'unknown' }],
    ['sconosciuta', { date: null, precision: 'unknown' }],
    ['n/d', { date: null, precision: 'unknown' }],
    ['2024-02-29', { date: '2024-02-29', precision: 'day' }],
  ])('when given "%s", then it reads it at its precision', (input, expected) => {
    expect(parsePartialDate(input)).toEqual(expected);
  });

  it.each(['31/02/2020', '2023-02-29', '1973-13', '1973-00', 'spring 1970', '19733', '12/31/2020', '0999'])(
    'when given "%s", then it is refused with a reason',
    (input) => {
      const parsed = parsePartialDate(input);
      expect(isDateError(parsed)).toBe(true);
      expect((parsed as { error: string }).error.length).toBeGreaterThan(5);
    },
  );
});

describe('formatPartialDate and periodEnd', () => {
  it('when a date has a precision, then it is written and bounded at that precision', () => {
    expect(formatPartialDate('1973-04-01', 'month')).toBe('1973-04');
    expect(formatPartialDate('1974-01-01', 'year')).toBe('1974');
    expect(formatPartialDate('1979-07-03', 'day')).toBe('1979-07-03');
    expect(formatPartialDate(null, 'unknown')).toBeNull();
    expect(periodEnd({ date: '2012-11-01', precision: 'month' })).toBe('2012-11-30');
    expect(periodEnd({ date: '2024-02-01', precision: 'month' })).toBe('2024-02-29');
    expect(periodEnd({ date: '1974-01-01', precision: 'year' })).toBe('1974-12-31');
    expect(periodEnd({ date: null, precision: 'unknown' })).toBeNull();
  });

  it("when it is late evening UTC on New Year's Eve, then today is already the new year in Italy", () => {
    expect(todayIso(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
  });
});
