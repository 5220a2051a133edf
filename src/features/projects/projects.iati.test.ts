import { describe, expect, it } from 'vitest';
import { iatiValidator } from '../../../test/iati.ts';
import {
  type IatiOrganisation,
  type IatiParticipant,
  type IatiProject,
  iatiActivities,
  iatiIdentifier,
} from './projects.iati.ts';

const validate = iatiValidator();

const GENERATED = new Date('2026-03-15T09:30:00.000Z');
const ORG: IatiOrganisation = {
  ref: 'IT-CF-80012345678',
  nameIt: 'Comune di Borgoverde',
  nameEn: 'Municipality of Borgoverde',
  typeCode: '11',
};
const PARTNERS: IatiParticipant[] = [
  { name: 'Comune di Borgoverde', role: 'funding', typeCode: '11', ref: 'IT-CF-80012345678', country: 'IT' },
  { name: 'Commune de Kaolack', role: 'implementing', typeCode: '11', country: 'SN' },
  { name: 'Commune de Koudougou', role: 'implementing', typeCode: '11', country: 'BF' },
  { name: 'Associazione Sahel & Po', role: 'extending', typeCode: '22', country: 'IT' },
];

function project(overrides: Partial<IatiProject> = {}): IatiProject {
  return {
    id: '0b6f7a52-3f4e-4d8a-9c61-2a7e5d1c9f00',
    code: 'coop-2025-01',
    titleIt: 'Acqua & igiene nelle scuole di Kaolack e Koudougou',
    titleEn: 'Water & sanitation in the schools of Kaolack and Koudougou',
    descriptionIt: 'Pozzi, latrine e formazione: la città e i comuni partner lavorano insieme per l’igiene.',
    descriptionEn: 'Wells, latrines and training, run together by the city and its partner municipalities.',
    status: 'running',
    startDate: '2025-03-01',
    endDate: '2027-06-30',
    countries: ['SN', 'BF'],
    participants: PARTNERS,
    currency: 'EUR',
    totalBudget: '60000.00',
    yearBudgets: [
      { year: 2025, amount: '20000.00' },
      { year: 2026, amount: '25000.50' },
      { year: 2027, amount: '14999.5' },
    ],
    url: 'https://www.comune.borgoverde.it/cooperazione/progetti?id=coop-2025-01&lang=it',
    updatedAt: '2026-02-10T14:03:27.512Z',
    ...overrides,
  };
}

const PROJECTS: IatiProject[] = [
  project(),
  project({
    code: 'coop-2026-02',
    titleIt: 'Orti comunitari <pilota> a Thiès: l’agricoltura dell’“oasi”',
    titleEn: '   ',
    descriptionIt: null,
    descriptionEn: null,
    status: 'approved',
    startDate: '2026-09-01',
    endDate: '2027-08-31',
    countries: ['SN', 'BF', 'ML'],
    yearBudgets: [{ year: 2026, amount: '8000' }],
    url: null,
  }),
  project({
    code: 'coop-2022-03',
    titleIt: 'Gemellaggio scolastico\u0001 Borgoverde–Ouagadougou',
    status: 'closed',
    startDate: '2022-01-15',
    endDate: '2024-12-31',
    countries: ['BF'],
    yearBudgets: [{ year: 2024, amount: '-1500.00' }],
  }),
  project({ code: 'coop-idea-04', status: 'idea' }),
  project({ code: 'coop-sub-05', status: 'submitted' }),
  project({ code: 'coop-rej-06', status: 'rejected' }),
];

/** The XML of the activity with that identifier, to read its parts apart from the others'. */
function activityOf(xml: string, code: string): string {
  const at = xml.indexOf(`<iati-identifier>IT-CF-80012345678-${code}</iati-identifier>`);
  expect(at, code).toBeGreaterThan(-1);
  return xml.slice(xml.lastIndexOf('<iati-activity ', at), xml.indexOf('</iati-activity>', at));
}

describe('IATI activities export', () => {
  it('when approved, running and closed projects are exported, then the document is valid IATI 2.03', async () => {
    const xml = iatiActivities(ORG, PROJECTS, GENERATED);
    const result = await validate(xml);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(xml).toContain('<iati-activities version="2.03" generated-datetime="2026-03-15T09:30:00Z">');
    expect(xml).toContain(
      'last-updated-datetime="2026-02-10T14:03:27Z" xml:lang="it" default-currency="EUR"',
    );
  });

  it('when an element is out of the schema order, then the validator refuses the document', async () => {
    const xml = iatiActivities(ORG, [project()], GENERATED);
    const status = '    <activity-status code="2"/>\n';
    const broken = xml
      .replace(status, '')
      .replace('    <participating-org', `${status}    <participating-org`);
    expect(broken).not.toBe(xml);
    const result = await validate(broken);
    expect(result.valid).toBe(false);
    expect(result.errors.join('\n')).toContain('activity-status');
  });

  it('when projects are ideas, submitted or rejected, then they are left out and the others identified', () => {
    const xml = iatiActivities(ORG, PROJECTS, GENERATED);
    const ids = [...xml.matchAll(/<iati-identifier>([^<]*)<\/iati-identifier>/g)].map((m) => m[1]);
    expect(ids).toEqual([
      'IT-CF-80012345678-coop-2025-01',
      'IT-CF-80012345678-coop-2026-02',
      'IT-CF-80012345678-coop-2022-03',
    ]);
    expect(iatiIdentifier(ORG, project())).toBe('IT-CF-80012345678-coop-2025-01');
    expect(() => iatiActivities(ORG, [project({ status: 'rejected' })], GENERATED)).toThrow(/no approved/);
  });

  it('when the institution has no IATI organisation identifier, then the export says org.ref is needed', () => {
    expect(() => iatiIdentifier({ ...ORG, ref: null }, project())).toThrow(/org\.ref/);
    expect(() => iatiActivities({ ...ORG, ref: ' ' }, PROJECTS, GENERATED)).toThrow(/org\.ref/);
    expect(() => iatiIdentifier(ORG, project({ code: 'coop/2025' }))).toThrow(/coop\/2025/);
  });

  it('when a project takes place in several countries, then their percentages sum to exactly 100', () => {
    const xml = iatiActivities(ORG, PROJECTS, GENERATED);
    const percentages = (code: string) =>
      [
        ...activityOf(xml, code).matchAll(/<recipient-country code="([A-Z]{2})" percentage="([\d.]+)"\/>/g),
      ].map((m) => [m[1], m[2]]);
    expect(percentages('coop-2025-01')).toEqual([
      ['SN', '50'],
      ['BF', '50'],
    ]);
    expect(percentages('coop-2026-02')).toEqual([
      ['SN', '33.33'],
      ['BF', '33.33'],
      ['ML', '33.34'],
    ]);
    expect(percentages('coop-2022-03')).toEqual([['BF', '100']]);
    const seven = iatiActivities(
      ORG,
      [project({ countries: ['SN', 'BF', 'ML', 'NE', 'GH', 'TG', 'BJ'] })],
      GENERATED,
    );
    const hundredths = [...seven.matchAll(/percentage="(\d+)\.(\d\d)"/g)].map(
      (m) => Number(m[1]) * 100 + Number(m[2]),
    );
    expect(hundredths).toHaveLength(7);
    expect(hundredths.reduce((a, b) => a + b, 0)).toBe(10000);
  });

  it('when texts hold & < > quotes or control characters, then they are escaped or dropped', () => {
    const xml = iatiActivities(ORG, PROJECTS, GENERATED);
    expect(xml).toContain('<narrative>Acqua &amp; igiene nelle scuole di Kaolack e Koudougou</narrative>');
    expect(xml).toContain('Orti comunitari &lt;pilota&gt; a Thiès: l’agricoltura dell’“oasi”');
    expect(xml).toContain('<narrative>Associazione Sahel &amp; Po</narrative>');
    expect(xml).toContain(
      'url="https://www.comune.borgoverde.it/cooperazione/progetti?id=coop-2025-01&amp;lang=it"',
    );
    expect(xml).toContain('<narrative>Gemellaggio scolastico Borgoverde–Ouagadougou</narrative>');
    expect(xml).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
    expect(xml).not.toContain('\u0001');
    const quoted = iatiActivities(
      ORG,
      [project({ participants: [{ name: `"L'Aia"`, role: 'funding' }] })],
      GENERATED,
    );
    expect(quoted).toContain('<narrative>&quot;L&apos;Aia&quot;</narrative>');
  });

  it('when an amount is not an exact decimal, then the export throws naming the project code', () => {
    const floaty = project({
      code: 'coop-2025-09',
      yearBudgets: [{ year: 2025, amount: String(0.1 + 0.2) }],
    });
    expect(() => iatiActivities(ORG, [floaty], GENERATED)).toThrow(/coop-2025-09.*0\.30000000000000004/);
    const comma = project({ code: 'coop-2025-10', yearBudgets: [{ year: 2025, amount: '12.500,00' }] });
    expect(() => iatiActivities(ORG, [comma], GENERATED)).toThrow(/coop-2025-10/);
    expect(() => iatiActivities(ORG, [project({ totalBudget: '1e5' })], GENERATED)).toThrow(/coop-2025-01/);
  });

  it('when titles and descriptions are given in two languages, then both narratives are written, never an empty one', () => {
    const xml = iatiActivities(ORG, PROJECTS, GENERATED);
    const running = activityOf(xml, 'coop-2025-01');
    expect(running).toContain('<narrative>Comune di Borgoverde</narrative>');
    expect(running).toContain('<narrative xml:lang="en">Municipality of Borgoverde</narrative>');
    expect(running).toContain(
      '<narrative xml:lang="en">Water &amp; sanitation in the schools of Kaolack and Koudougou</narrative>',
    );
    expect(running).toContain('<narrative>Pozzi, latrine e formazione: la città e i comuni partner');
    // No English title, no description at all: the Italian title stands in for the required description.
    const approved = activityOf(xml, 'coop-2026-02');
    const texts = approved.slice(approved.indexOf('<title>'), approved.indexOf('</description>'));
    expect(texts).not.toContain('xml:lang="en"');
    expect(texts.match(/<narrative>Orti comunitari/g)).toHaveLength(2);
    expect(xml).not.toMatch(/<narrative[^>]*>\s*<\/narrative>/);
  });

  it('when projects are pipeline, running or closed, then status, dates and budgets follow', () => {
    const xml = iatiActivities(ORG, PROJECTS, GENERATED);
    const running = activityOf(xml, 'coop-2025-01');
    expect(running).toContain('<activity-status code="2"/>');
    expect(running).toContain('<activity-date type="2" iso-date="2025-03-01"/>');
    expect(running).toContain('<activity-date type="3" iso-date="2027-06-30"/>');
    expect(running).toContain('<budget type="1" status="2">\n      <period-start iso-date="2025-03-01"/>');
    expect(running).toContain(
      '<period-end iso-date="2027-06-30"/>\n      <value currency="EUR" value-date="2027-01-01">14999.5</value>',
    );
    const approved = activityOf(xml, 'coop-2026-02');
    expect(approved).toContain('<activity-status code="1"/>');
    expect(approved).toContain('<activity-date type="1" iso-date="2026-09-01"/>');
    expect(approved).toContain('<budget type="1" status="1">');
    const closed = activityOf(xml, 'coop-2022-03');
    expect(closed).toContain('<activity-status code="4"/>');
    expect(closed).toContain('<activity-date type="4" iso-date="2024-12-31"/>');
    const finishing = iatiActivities(ORG, [project({ endDate: '2026-01-31', yearBudgets: [] })], GENERATED);
    expect(finishing).toContain('<activity-status code="3"/>');
    const outside = project({ yearBudgets: [{ year: 2029, amount: '1.00' }] });
    expect(() => iatiActivities(ORG, [outside], GENERATED)).toThrow(/coop-2025-01.*2029/);
  });

  it('when 500 projects with 10 participants and 5 years each are exported, then it takes well under 200 ms', () => {
    const participants = Array.from({ length: 10 }, (_, i) => ({
      ...PARTNERS[i % 4]!,
      name: `Partner ${i} & co`,
    }));
    const many = Array.from({ length: 500 }, (_, i) =>
      project({
        code: `coop-${i}`,
        startDate: '2021-01-01',
        endDate: '2025-12-31',
        participants,
        yearBudgets: [2021, 2022, 2023, 2024, 2025].map((year) => ({ year, amount: `${1000 + i}.25` })),
      }),
    );
    iatiActivities(ORG, many, GENERATED);
    const started = performance.now();
    const xml = iatiActivities(ORG, many, GENERATED);
    const elapsed = performance.now() - started;
    expect(xml.match(/<iati-activity /g)).toHaveLength(500);
    expect(elapsed).toBeLessThan(200);
  });
});
