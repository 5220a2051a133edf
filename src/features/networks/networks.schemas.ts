import { type Static, Type } from '@sinclair/typebox';
import { Nullable, StringEnum, WebUrl } from '../../platform/http/schema-helpers.ts';

const PRECISIONS = ['day', 'month', 'year', 'unknown'] as const;

export const Membership = Type.Object(
  {
    institution: Type.String(),
    since: Type.Object({ date: Nullable(Type.String()), precision: StringEnum(PRECISIONS) }),
    unit: Nullable(Type.String({ description: 'Slug of the unit that follows the network' })),
    roleIt: Nullable(Type.String()),
    roleEn: Nullable(Type.String()),
    workingGroups: Type.Array(Type.String()),
  },
  { title: 'Membership' },
);

export const Network = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    slug: Type.String(),
    acronym: Nullable(Type.String()),
    nameIt: Type.String(),
    nameEn: Type.String(),
    descriptionIt: Nullable(Type.String()),
    descriptionEn: Nullable(Type.String()),
    website: Nullable(Type.String()),
    memberships: Type.Array(Membership),
  },
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
});
export type NetworkInput = Static<typeof NetworkInput>;

export const MembershipInput = Type.Object({
  network: Type.String({ description: 'Network slug' }),
  unit: Type.Optional(Type.String()),
  since: Type.Optional(Type.String({ maxLength: 10 })),
  roleIt: Type.Optional(Type.String({ maxLength: 300 })),
  roleEn: Type.Optional(Type.String({ maxLength: 300 })),
  workingGroups: Type.Optional(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50 })),
});
export type MembershipInput = Static<typeof MembershipInput>;
