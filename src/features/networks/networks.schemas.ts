import { type Static, type TProperties, Type } from '@sinclair/typebox';
import type { PartialDate } from '../../platform/dates.ts';
import { changesOf, closed, NO_LINE_BREAK, optionalText, SLUG } from '../../platform/http/record-writes.ts';
import { Nullable, type Source, Sources, StringEnum, WebUrl } from '../../platform/http/schema-helpers.ts';

const PRECISIONS = ['day', 'month', 'year', 'unknown'] as const;

export const Membership = Type.Object(
  {
    institution: Type.String(),
    since: Type.Object({ date: Nullable(Type.String()), precision: StringEnum(PRECISIONS) }),
    unit: Nullable(Type.String({ description: 'Slug of the unit that follows the network' })),
    roleIt: Nullable(Type.String()),
    roleEn: Nullable(Type.String()),
    workingGroups: Type.Array(Type.String()),
    sources: Sources(),
  },
  { title: 'Membership' },
);

/** What a network is, as the portal's API and the back-office's catalogue both show it. */
const networkShown = {
  id: Type.String({ format: 'uuid' }),
  slug: Type.String(),
  acronym: Nullable(Type.String()),
  nameIt: Type.String(),
  nameEn: Type.String(),
  descriptionIt: Nullable(Type.String()),
  descriptionEn: Nullable(Type.String()),
  website: Nullable(Type.String()),
  sources: Sources(),
} satisfies TProperties;

export const Network = Type.Object(
  { ...networkShown, memberships: Type.Array(Membership) },
  { title: 'Network' },
);
export type Network = Static<typeof Network>;

export const NetworkInput = Type.Object({
  slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 60 }),
  acronym: Type.Optional(Type.String({ maxLength: 30 })),
  nameIt: Type.String({ minLength: 1, maxLength: 200 }),
  nameEn: Type.String({ minLength: 1, maxLength: 200 }),
  descriptionIt: Type.Optional(Type.String({ maxLength: 5000 })),
  descriptionEn: Type.Optional(Type.String({ maxLength: 5000 })),
  website: Type.Optional(WebUrl({ maxLength: 300 })),
  sources: Type.Optional(Sources()),
});
export type NetworkInput = Static<typeof NetworkInput>;

export const MembershipInput = Type.Object({
  network: Type.String({ description: 'Network slug' }),
  unit: Type.Optional(Type.String()),
  since: Type.Optional(Type.String({ maxLength: 10 })),
  roleIt: Type.Optional(Type.String({ maxLength: 300 })),
  roleEn: Type.Optional(Type.String({ maxLength: 300 })),
  workingGroups: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50 })),
  sources: Type.Optional(Sources()),
});
export type MembershipInput = Static<typeof MembershipInput>;

// ── The back-office's records and the bodies of the write routes ────────────────────────────────────────

export const MembershipRecordSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    networkId: Type.String({ format: 'uuid' }),
    since: Type.Object({
      date: Nullable(Type.String({ description: 'YYYY, YYYY-MM or YYYY-MM-DD, at its precision' })),
      precision: StringEnum(['day', 'month', 'year', 'unknown'] as const),
    }),
    roleIt: Nullable(Type.String()),
    roleEn: Nullable(Type.String()),
    unit: Nullable(
      Type.Object(
        { id: Type.String({ format: 'uuid' }), nameIt: Type.String(), nameEn: Type.String() },
        { description: 'The unit of the office that follows the network' },
      ),
    ),
    workingGroups: Type.Array(Type.String()),
    annualFee: Nullable(Type.String({ description: 'A decimal string such as "1500.00"' })),
    feeCurrency: Nullable(Type.String({ description: 'ISO 4217 code' })),
    notes: Nullable(Type.String()),
    sources: Sources(),
    version: Type.Integer({ description: 'Send it back with the next PATCH or DELETE' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'MembershipRecord' },
);

export const CatalogueNetwork = Type.Object(
  {
    ...networkShown,
    version: Type.Integer({ description: 'Send it back with the next PATCH' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'CatalogueNetwork' },
);

export const membershipProps = {
  since: optionalText(20, 'Member since: YYYY, YYYY-MM or YYYY-MM-DD; null or left out when unknown'),
  roleIt: optionalText(300, 'The role of the institution in the network, in Italian'),
  roleEn: optionalText(300, 'The role of the institution in the network, in English'),
  unitId: Type.Optional(
    Nullable(Type.String({ format: 'uuid', description: 'One of the units of the office; null for none' })),
  ),
  workingGroups: Type.Optional(
    Type.Array(Type.String({ minLength: 1, maxLength: 200, pattern: NO_LINE_BREAK }), { maxItems: 50 }),
  ),
  annualFee: Type.Optional(
    Nullable(
      Type.String({
        pattern: '^\\d{1,10}(\\.\\d{1,2})?$',
        description: 'Yearly fee as a decimal with a dot, such as "1500" or "1500.50"',
      }),
    ),
  ),
  feeCurrency: Type.Optional(
    Nullable(Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code; EUR when a fee has none' })),
  ),
  notes: optionalText(5000, 'Notes for the office; never published'),
  sources: Type.Optional(Sources()),
} satisfies TProperties;

export const networkProps = {
  acronym: optionalText(30),
  nameIt: Type.String({ minLength: 1, maxLength: 200 }),
  nameEn: Type.String({ minLength: 1, maxLength: 200 }),
  descriptionIt: optionalText(5000),
  descriptionEn: optionalText(5000),
  website: Type.Optional(Nullable(WebUrl({ maxLength: 300, emptyClears: true }))),
  sources: Type.Optional(Sources()),
} satisfies TProperties;

export const MembershipInputBody = Type.Object(membershipProps, { ...closed, title: 'MembershipInput' });
export const MembershipChanges = changesOf(membershipProps, 'MembershipChanges');
export const NetworkInputBody = Type.Object(
  {
    slug: Type.String({
      pattern: SLUG,
      maxLength: 60,
      description: 'Lower-case letters, digits and hyphens; unique in the catalogue (409 if taken) and fixed',
    }),
    ...networkProps,
  },
  { ...closed, title: 'CatalogueNetworkInput' },
);
export const NetworkChanges = changesOf(networkProps, 'CatalogueNetworkChanges');

// The shapes the service and its rules exchange (kept here, not in the service, so that the rules need not
// import the service that imports them).

/** A catalogue network as the back-office shows and audits it. */
export type NetworkEntry = Static<typeof CatalogueNetwork>;

/** An institution's membership as the back-office shows and audits it. */
export interface MembershipRecord {
  id: string;
  networkId: string;
  since: PartialDate;
  roleIt: string | null;
  roleEn: string | null;
  unit: { id: string; nameIt: string; nameEn: string } | null;
  workingGroups: string[];
  /** A decimal string such as "1500.00", as PostgreSQL's numeric keeps it. */
  annualFee: string | null;
  feeCurrency: string | null;
  notes: string | null;
  sources: Source[];
  version: number;
  updatedAt: string;
}

/** What a person types in the catalogue form (the slug is fixed once the network exists). */
export interface NetworkFields {
  slug: string;
  acronym: string;
  nameIt: string;
  nameEn: string;
  descriptionIt: string;
  descriptionEn: string;
  website: string;
  /** Where the network's description comes from; the form edits them as lines (views/sources.tsx). */
  sources?: Source[];
}

/** What a person types in the membership form: working groups one per line, the fee as 1500 or 1.500,50. */
export interface MembershipFields {
  since: string;
  roleIt: string;
  roleEn: string;
  unitId: string;
  workingGroups: string;
  annualFee: string;
  feeCurrency: string;
  notes: string;
  /** Where the membership (its date, its role) is documented. */
  sources?: Source[];
}
