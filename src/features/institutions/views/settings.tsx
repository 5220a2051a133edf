// The fields of the institution's settings form, and the stored settings as the form's values.
import type { FieldSpec, Values } from '../../../views/backoffice/forms.tsx';
import { sourcesToLines } from '../../../views/sources.tsx';
import type { Institution } from '../institutions.schemas.ts';

export const SETTINGS_SPECS: FieldSpec[] = [
  { name: 'address', autoComplete: 'street-address' },
  { name: 'email', kind: 'email', autoComplete: 'email' },
  { name: 'pec', kind: 'email', autoComplete: 'email' },
  { name: 'phone', kind: 'tel', autoComplete: 'tel' },
  { name: 'taxCode' },
  { name: 'vatNumber' },
  { name: 'website', kind: 'url', autoComplete: 'url' },
  { name: 'accessibilityUrl', kind: 'url', autoComplete: 'url' },
  { name: 'privacyTextIt', kind: 'textarea' },
  { name: 'privacyTextEn', kind: 'textarea' },
  { name: 'sources', kind: 'textarea' },
];

export const SETTINGS_FIELDS = SETTINGS_SPECS.map((s) => s.name);

export const settingsValues = (i: Institution): Values => ({
  address: i.address ?? '',
  email: i.email ?? '',
  pec: i.pec ?? '',
  phone: i.phone ?? '',
  taxCode: i.taxCode ?? '',
  vatNumber: i.vatNumber ?? '',
  website: i.website ?? '',
  accessibilityUrl: i.accessibilityUrl ?? '',
  privacyTextIt: i.privacyTextIt ?? '',
  privacyTextEn: i.privacyTextEn ?? '',
  sources: sourcesToLines(i.sources),
});
