// Factories for records tests need: each call makes uniquely named records.
import type { Services } from '../src/deps.ts';
import type { AgreementInput } from '../src/features/agreements/agreements.schemas.ts';
import type { AuditActor } from '../src/features/audit/audit.service.ts';
import { uniqueSlug } from './support.ts';

/** Who writes in tests that call services directly: their audit rows say "test". */
export const TEST_ACTOR: AuditActor = { userId: null, label: 'test' };

export async function makeInstitution(services: Services, overrides: { slug?: string } = {}) {
  const slug = overrides.slug ?? uniqueSlug('inst');
  const institution = await services.institutions.create({
    slug,
    kind: 'comune',
    nameIt: `Comune di prova ${slug}`,
    nameEn: `Test city ${slug}`,
  });
  await services.institutions.addUnit(
    institution.id,
    { slug: 'relazioni', nameIt: 'Relazioni internazionali', nameEn: 'International relations' },
    0,
  );
  return institution;
}

export function agreementInput(overrides: Partial<AgreementInput> = {}): AgreementInput {
  return {
    kind: 'twinning',
    partner: { type: 'city', name: 'Francoforte', country: 'DE' },
    signed: { date: '1970-10-20' },
    term: { type: 'permanent' },
    sectors: ['culture'],
    statusHistory: [{ status: 'active', date: '1970-10-20' }],
    published: true,
    ...overrides,
  };
}

/** Cities the gazetteer knows by their Italian name, for agreements with partners all different. */
export const PARTNER_CITIES = [
  { name: 'Francoforte sul Meno', country: 'DE' },
  { name: 'Lione', country: 'FR' },
  { name: 'Chicago', country: 'US' },
  { name: 'Osaka', country: 'JP' },
  { name: 'Birmingham', country: 'GB' },
  { name: 'Dakar', country: 'SN' },
  { name: 'Shanghai', country: 'CN' },
  { name: 'Toronto', country: 'CA' },
  { name: 'Daegu', country: 'KR' },
  { name: 'Riga', country: 'LV' },
  { name: 'San Paolo', country: 'BR' },
  { name: 'Betlemme', country: 'PS' },
] as const;

/**
 * `count` agreements of `institution` (at most PARTNER_CITIES.length), one per city of PARTNER_CITIES in
 * order, each signed a year after the one before; `overrides(i)` changes the i-th one's input.
 */
export async function makeAgreements(
  services: Services,
  institution: string,
  count: number,
  overrides: (i: number) => Partial<AgreementInput> = () => ({}),
) {
  const made = [];
  for (const [i, city] of PARTNER_CITIES.slice(0, count).entries()) {
    const date = `${1960 + i}-05-10`;
    const input = agreementInput({
      partner: { type: 'city', name: city.name, country: city.country },
      signed: { date },
      statusHistory: [{ status: 'active', date }],
      ...overrides(i),
    });
    made.push(await services.agreements.create(institution, input, TEST_ACTOR));
  }
  return made;
}

const twinning = (
  slug: string,
  name: string,
  country: string,
  dates: Partial<AgreementInput>,
  statusHistory: AgreementInput['statusHistory'] = [{ status: 'active', outcome: 'approved', date: null }],
): AgreementInput =>
  agreementInput({
    slug,
    partner: { type: 'city', name, country },
    ...dates,
    statusHistory,
    unit: 'relazioni',
  });
const UNKNOWN = { date: null };

/**
 * Twinnings with something of each kind: dates at every precision (day, month, year, unknown), signed or only
 * ratified, a suspension, a rejected motion to suspend, a second date from another source, sources.
 * In date order, the unknown date last.
 */
export const VARIED_TWINNINGS: AgreementInput[] = [
  twinning('san-paolo', 'San Paolo', 'BR', { signed: { date: '1961-07-28', source: 'Delibera' } }),
  twinning('lione', 'Lione', 'FR', { signed: UNKNOWN, ratified: { date: '1967-09-22' } }),
  twinning('san-pietroburgo', 'San Pietroburgo', 'RU', { signed: { date: '1967-10-02' } }, [
    { status: 'active', outcome: 'approved', date: '1967-10-02' },
    { status: 'suspended', outcome: 'approved', date: '2012-11', act: 'Mozione del Consiglio comunale' },
  ]),
  twinning('francoforte', 'Francoforte sul Meno', 'DE', { signed: { date: '1970-10-20' } }),
  twinning('chicago', 'Chicago', 'US', { signed: UNKNOWN, ratified: { date: '1973-04' } }),
  twinning('birmingham', 'Birmingham', 'GB', { signed: { date: '1974' } }),
  twinning('shanghai', 'Shanghai', 'CN', { signed: UNKNOWN, ratified: { date: '1979-07-03' } }),
  twinning('tel-aviv', 'Tel Aviv-Giaffa', 'IL', { signed: UNKNOWN, ratified: { date: '1997-10-16' } }, [
    { status: 'active', outcome: 'approved', date: '1997-10-16' },
    { status: 'suspended', outcome: 'rejected', date: '2025-10-13', act: 'Mozione respinta' },
  ]),
  twinning('betlemme', 'Betlemme', 'PS', {
    signed: { date: '2000-05-22' },
    alternativeDates: [{ field: 'signed', date: '2000-05-07', precision: 'day', source: 'Its own website' }],
    sources: [{ url: 'https://example.org/betlemme', title: 'Gemellaggio con Betlemme' }],
  }),
  twinning('daegu', 'Daegu', 'KR', { signed: { date: '2015-10-15' } }),
  twinning('cracovia', 'Cracovia', 'PL', { signed: UNKNOWN }),
];

/** Besides the twinnings: a collaboration agreement with a city, and one with an organisation (a website). */
export const VARIED_OTHERS: AgreementInput[] = [
  agreementInput({
    slug: 'new-york',
    kind: 'collaboration_agreement',
    partner: { type: 'city', name: 'New York', country: 'US' },
    signed: { date: '2016-01' },
    term: { type: 'fixed', endsOn: '2026-01-31' },
    titleIt: 'Accordo con New York',
    titleEn: 'Agreement with New York',
    descriptionIt: 'Descrizione di prova.',
    descriptionEn: 'A test description.',
  }),
  agreementInput({
    slug: 'banca-mondiale',
    kind: 'collaboration_agreement',
    partner: {
      type: 'organisation',
      nameIt: 'Banca Mondiale',
      nameEn: 'World Bank',
      website: 'https://www.worldbank.org',
    },
    signed: UNKNOWN,
    statusHistory: [{ status: 'active', outcome: 'approved', date: null }],
  }),
];

/**
 * An institution with units and every agreement of VARIED_TWINNINGS and VARIED_OTHERS, all published: data
 * of each kind for tests that need more than one agreement, without the demo.
 */
export async function makeVariedInstitution(services: Services) {
  const institution = await makeInstitution(services);
  await services.institutions.addUnit(
    institution.id,
    { slug: 'affari-europei', nameIt: 'Affari europei', nameEn: 'European affairs' },
    1,
  );
  const agreements = [];
  for (const input of [...VARIED_TWINNINGS, ...VARIED_OTHERS]) {
    agreements.push(await services.agreements.create(institution.slug, input, TEST_ACTOR));
  }
  return { institution, agreements };
}
