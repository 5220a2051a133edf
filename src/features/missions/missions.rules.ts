// What a mission's fields may hold beyond the platform's field rules: its statuses, the offices a traveller
// may hold (the political ones are those whose costs the law asks to publish), and destinations as typed.
import { AppError } from '../../platform/errors.ts';

export const MISSION_STATUSES = ['proposed', 'confirmed', 'held', 'cancelled'] as const;
export type MissionStatus = (typeof MISSION_STATUSES)[number];

export const OFFICES = ['mayor', 'deputy_mayor', 'councillor', 'staff', 'other'] as const;
export type Office = (typeof OFFICES)[number];

/** Political office holders (D.Lgs. 33/2013, art. 14): their missions' costs paid with public money are published. */
export const POLITICAL: readonly Office[] = ['mayor', 'deputy_mayor', 'councillor'];

/** The fields of a traveller that are never published on their own (the costs are, summed per person and year). */
export const TRAVELLER_INTERNAL = ['paidBy'] as const;

/** A destination as a person or a body gives it: a place's GeoNames id, or a name with an optional country. */
export type DestinationSpec = { geonamesId: number } | { name: string; country?: string | undefined };

/** Destinations typed one per line, "Shanghai" or "Shanghai, Cina"; at most 20. */
export function destinationLines(field: string, value: string): DestinationSpec[] {
  const lines = value
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length > 20) throw AppError.invalid(field, 'At most 20 destinations');
  return lines.map((line) => {
    const at = line.lastIndexOf(',');
    if (at === -1) return { name: line };
    return { name: line.slice(0, at).trim(), country: line.slice(at + 1).trim() || undefined };
  });
}
