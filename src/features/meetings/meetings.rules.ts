// What a meeting's fields may hold beyond the platform's field rules: its statuses and modes, and which
// fields stay internal.

export const MEETING_STATUSES = ['proposed', 'confirmed', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MEETING_MODES = ['in_person', 'online'] as const;
export type MeetingMode = (typeof MEETING_MODES)[number];

/** Never published: who came (people's details). Every other field of a published meeting is public. */
export const MEETING_INTERNAL = ['participants'] as const;
