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
