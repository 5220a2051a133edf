// What a visit's fields may hold beyond the platform's field rules (platform/field-rules.ts, languages.ts): its
// statuses, and which fields stay internal.

export const VISIT_STATUSES = ['proposed', 'confirmed', 'held', 'cancelled'] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/**
 * The fields of a visit that are never published (portal, public feed, open data): people's details,
 * interpreting, protocol notes. Every other field of a published visit is public.
 */
export const VISIT_INTERNAL = [
  'headName',
  'headTitle',
  'interpretingPair',
  'interpretingBooked',
  'interpretingProvider',
  'protocolNotes',
] as const;

/** The fields of a programme item that are never published: who attends, and the guide. */
export const ITEM_INTERNAL = ['attendees', 'guide'] as const;
