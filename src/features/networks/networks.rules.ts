// The rules of the network catalogue's and the memberships' fields, with no database: text lengths, web
// addresses, partial dates, amounts and currencies as people type them, and the refusal of a stale version.

import { checkedSources } from '../../platform/contacts.ts';
import { isDateError, parsePartialDate } from '../../platform/dates.ts';
import { AppError } from '../../platform/errors.ts';
import { parseAmount } from '../../platform/field-rules.ts';
import { webUrlProblem } from '../../platform/urls.ts';
import type { CatalogueValues } from './networks.repository.ts';
import type { MembershipFields, MembershipRecord, NetworkEntry, NetworkFields } from './networks.schemas.ts';

function text(field: string, value: string | undefined, max: number, required: boolean): string | null {
  const v = (value ?? '').trim();
  if (required && !v) throw AppError.invalid(field, `${field} is required`);
  if (v.length > max) throw AppError.invalid(field, `${field} is longer than ${max} characters`);
  return v || null;
}

function webAddress(field: string, value: string | undefined): string | null {
  const v = text(field, value, 300, false);
  if (!v) return null;
  const problem = webUrlProblem(v);
  if (problem) throw AppError.invalid(field, problem);
  return v;
}

export function checkedCatalogue(fields: NetworkFields): CatalogueValues {
  return {
    acronym: text('acronym', fields.acronym, 30, false),
    nameIt: text('nameIt', fields.nameIt, 200, true)!,
    nameEn: text('nameEn', fields.nameEn, 200, true)!,
    descriptionIt: text('descriptionIt', fields.descriptionIt, 5000, false),
    descriptionEn: text('descriptionEn', fields.descriptionEn, 5000, false),
    website: webAddress('website', fields.website),
    sources: checkedSources('sources', fields.sources),
  };
}

/** The membership fields checked; the unit is checked against the institution's own units by the caller. */
export function checkedMembership(fields: MembershipFields) {
  const since = parsePartialDate(fields.since);
  if (isDateError(since)) throw AppError.invalid('since', since.error);
  const groups = (fields.workingGroups ?? '')
    .split(/\r?\n/)
    .map((g) => g.trim())
    .filter(Boolean);
  if (groups.length > 50 || groups.some((g) => g.length > 200)) {
    throw AppError.invalid('workingGroups', 'At most 50 working groups of at most 200 characters each');
  }
  const annualFee = parseAmount(fields.annualFee);
  if (annualFee === undefined) {
    throw AppError.invalid('annualFee', `"${fields.annualFee}" is not an amount such as 1500 or 1500.50`);
  }
  const currency = (fields.feeCurrency ?? '').trim().toUpperCase();
  if (currency && !/^[A-Z]{3}$/.test(currency)) {
    throw AppError.invalid('feeCurrency', 'The currency is a three-letter ISO 4217 code such as EUR');
  }
  return {
    sinceOn: since.date,
    sincePrecision: since.precision,
    roleIt: text('roleIt', fields.roleIt, 300, false),
    roleEn: text('roleEn', fields.roleEn, 300, false),
    workingGroups: groups,
    annualFee,
    // A fee without a currency is in euros, as an Italian institution pays it.
    feeCurrency: currency || (annualFee !== null ? 'EUR' : null),
    notes: text('notes', fields.notes, 5000, false),
    sources: checkedSources('sources', fields.sources),
  };
}

export function staleNetwork(current: NetworkEntry, version: number): AppError {
  return new AppError(
    'version_conflict',
    `The network was changed by someone else (now at version ${current.version}, you started from ${version})`,
    { field: 'version', details: { currentVersion: current.version, current } },
  );
}

export function staleMembership(current: MembershipRecord, version: number): AppError {
  return new AppError(
    'version_conflict',
    `The membership was changed by someone else (now at version ${current.version}, you started from ${version})`,
    { field: 'version', details: { currentVersion: current.version, current } },
  );
}
