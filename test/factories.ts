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
