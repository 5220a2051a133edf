import { describe, expect, it } from 'vitest';
import { agreementInput } from '../../../test/factories.ts';
import { currentStatus, draftAgreement, slugify } from './agreements.rules.ts';

const d = (date: string | null, precision: 'day' | 'month' | 'year' | 'unknown' = 'day') => ({
  date,
  precision,
});

describe('currentStatus', () => {
  it('when there is no event, then the agreement is proposed', () => {
    expect(currentStatus([]).status).toBe('proposed');
  });

  it('when a suspension follows activation, then it is suspended since the suspension', () => {
    const s = currentStatus([
      { status: 'active', outcome: 'approved', date: d('1967-10-02') },
      { status: 'suspended', outcome: 'approved', date: d('2012-11-01', 'month') },
    ]);
    expect(s).toEqual({ status: 'suspended', since: d('2012-11-01', 'month') });
  });

  it('when a motion to suspend is rejected, then the status stays as it was', () => {
    const s = currentStatus([
      { status: 'active', outcome: 'approved', date: d('1997-10-16') },
      { status: 'suspended', outcome: 'rejected', date: d('2025-10-13') },
    ]);
    expect(s.status).toBe('active');
    expect(s.since.date).toBe('1997-10-16');
  });

  it('when events are recorded out of order, then the latest by date wins', () => {
    const s = currentStatus([
      { status: 'terminated', outcome: 'approved', date: d('2022-03-01') },
      { status: 'active', outcome: 'approved', date: d('1980-01-01') },
    ]);
    expect(s.status).toBe('terminated');
  });

  it('when the first event has no date, then it comes before the dated ones', () => {
    expect(
      currentStatus([
        { status: 'active', outcome: 'approved', date: d(null, 'unknown') },
        { status: 'suspended', outcome: 'approved', date: d('2014-05-01') },
      ]).status,
    ).toBe('suspended');
  });

  it('when a later event has no date, then it keeps its recorded place after the event before it', () => {
    expect(
      currentStatus([
        { status: 'active', outcome: 'approved', date: d('1970-01-01', 'year') },
        { status: 'suspended', outcome: 'approved', date: d(null, 'unknown') },
      ]).status,
    ).toBe('suspended');
  });
});

describe('draftAgreement', () => {
  it('when dates are given at several precisions, then each keeps its own', () => {
    const { draft, problems } = draftAgreement(
      agreementInput({ signed: { date: '1974' }, ratified: { date: '03/06/1974' } }),
    );
    expect(problems).toEqual([]);
    expect(draft.signed).toEqual(d('1974-01-01', 'year'));
    expect(draft.ratified).toEqual(d('1974-06-03'));
  });

  it('when the input is inconsistent, then every problem names its field', () => {
    const { problems } = draftAgreement(
      agreementInput({
        signed: { date: '2000-05-22' },
        ratified: { date: '1999' },
        term: { type: 'fixed', endsOn: '2020' },
        statusHistory: [
          { status: 'active', date: '32/01/2000' },
          { status: 'suspended', outcome: 'rejected', date: '2001' },
        ],
      }),
    );
    expect(problems.map((p) => p.field).sort()).toEqual([
      'ratified.date',
      'statusHistory.0.date',
      'statusHistory.1.act',
      'term.endsOn',
    ]);
  });

  it('when a permanent agreement is given an end date, then it is refused', () => {
    const { problems } = draftAgreement(
      agreementInput({ term: { type: 'permanent', endsOn: '2030-01-01' } }),
    );
    expect(problems).toEqual([expect.objectContaining({ field: 'term.endsOn' })]);
  });

  it('when a fixed term ends before the signing, then it is refused', () => {
    const { problems } = draftAgreement(
      agreementInput({ signed: { date: '2018-02-02' }, term: { type: 'fixed', endsOn: '2017-01-01' } }),
    );
    expect(problems).toEqual([expect.objectContaining({ field: 'term.endsOn' })]);
  });
});

describe('slugify', () => {
  it('when a name has accents and punctuation, then the slug is plain ascii words', () => {
    expect(slugify('Tel Aviv-Giaffa')).toBe('tel-aviv-giaffa');
    expect(slugify('São Paulo')).toBe('sao-paulo');
    expect(slugify('Kraków')).toBe('krakow');
    expect(slugify('Łódź')).toBe('lodz');
  });
});
