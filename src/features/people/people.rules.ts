// The personal-data rules of the contacts register's people, pure: who may see what (a visibility per person
// and per personal field, ordered from public to admins only), the legal bases a record may rest on, and the
// snapshot of a person the audit log keeps (which fields changed, never their values: an erasure leaves nothing
// to scrub from an append-only log).
import type { Role } from '../accounts/accounts.table.ts';

/** From everyone (the portal) to the institution's admins only; each level includes those after it. */
export const VISIBILITIES = ['public', 'staff', 'editors', 'admins'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** The legal bases of GDPR art. 6 an office relies on: public task for office holders, consent for others. */
export const LEGAL_BASES = ['public_task', 'consent', 'legitimate_interest'] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** The personal fields with a visibility of their own, and the level each takes unless told. */
export const PERSONAL_FIELDS = ['email', 'phone', 'address', 'notes'] as const;
export type PersonalField = (typeof PERSONAL_FIELDS)[number];
export const DEFAULT_FIELD_VISIBILITY: Record<PersonalField, Visibility> = {
  email: 'staff',
  phone: 'staff',
  address: 'editors',
  notes: 'staff',
};

const LEVEL: Record<Visibility, number> = { public: 0, staff: 1, editors: 2, admins: 3 };
const RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };

/** The level a reader reaches: the portal reaches public only. */
export const readerLevel = (role: Role | 'public'): number => (role === 'public' ? 0 : RANK[role]);

export const mayRead = (level: number, visibility: Visibility) => level >= LEVEL[visibility];

/** The stricter of two visibilities: a field is never more visible than its person. */
export const stricter = (a: Visibility, b: Visibility): Visibility => (LEVEL[a] >= LEVEL[b] ? a : b);

/** Whether reading a person at this visibility is logged: whatever is above the whole staff. */
export const isRestricted = (v: Visibility) => LEVEL[v] >= LEVEL.editors;

/** The visibilities a reader at this level reaches, as the database filter of a list wants them. */
export const visibleLevels = (level: number): Visibility[] => VISIBILITIES.filter((v) => LEVEL[v] <= level);

/** Months after which a person's data is to be reviewed (confirmed or erased), counted from the last review. */
export const REVIEW_MONTHS = 24;

export function reviewDayFrom(today: string, months = REVIEW_MONTHS): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

/** The records a person can be linked to (people.links.ts). */
export const LINK_KINDS = ['agreement', 'visit', 'mission', 'meeting', 'network'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
