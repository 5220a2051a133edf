// The office's units as the API shows and takes them.
import { type Static, type TProperties, Type } from '@sinclair/typebox';
import { changesOf, closed, optionalText, SLUG } from '../../platform/http/record-writes.ts';
import { Nullable } from '../../platform/http/schema-helpers.ts';
import { Source } from '../agreements/agreements.schemas.ts';

export const Unit = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    slug: Type.String(),
    nameIt: Type.String(),
    nameEn: Type.String(),
    remitIt: Nullable(Type.String()),
    remitEn: Nullable(Type.String()),
    head: Nullable(Type.String()),
    email: Nullable(Type.String({ description: "The unit's contact e-mail" })),
    phone: Nullable(Type.String({ description: "The unit's telephone" })),
    sources: Type.Array(Source, { description: 'Where what the unit does and who leads it come from' }),
  },
  { title: 'Unit' },
);
export type Unit = Static<typeof Unit>;

export const UnitInput = Type.Object({
  slug: Type.String({ pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', maxLength: 60 }),
  nameIt: Type.String({ minLength: 1, maxLength: 200 }),
  nameEn: Type.String({ minLength: 1, maxLength: 200 }),
  remitIt: Type.Optional(Type.String({ maxLength: 5000 })),
  remitEn: Type.Optional(Type.String({ maxLength: 5000 })),
  head: Type.Optional(Type.String({ maxLength: 200 })),
});
export type UnitInput = Static<typeof UnitInput>;

export const UnitRecordSchema = Type.Composite(
  [
    Unit,
    Type.Object({
      position: Type.Integer({ description: "Order in the office's list of units" }),
      version: Type.Integer({ description: 'Send it back with the next PATCH or DELETE' }),
      updatedAt: Type.String({ format: 'date-time' }),
      usage: Type.Object(
        { memberships: Type.Integer(), agreements: Type.Integer() },
        { description: 'Networks it follows and agreements it looks after: while any, it cannot be deleted' },
      ),
    }),
  ],
  { title: 'UnitRecord' },
);

export const unitProps = {
  slug: Type.String({
    pattern: SLUG,
    maxLength: 60,
    description: 'Unique in the institution (409 if taken); agreements name their unit by it',
  }),
  nameIt: Type.String({ minLength: 1, maxLength: 200 }),
  nameEn: Type.String({ minLength: 1, maxLength: 200 }),
  remitIt: optionalText(5000, 'What the unit does, in Italian'),
  remitEn: optionalText(5000, 'What the unit does, in English'),
  head: optionalText(200, 'Who leads it'),
  email: optionalText(200, 'Contact e-mail (400 naming the field if it is not one)'),
  phone: optionalText(40, 'Telephone: digits, spaces and an optional leading +'),
  sources: Type.Optional(
    Type.Array(Source, { maxItems: 50, description: 'Replaces the list; http(s) addresses only' }),
  ),
} satisfies TProperties;

export const UnitInputBody = Type.Object(unitProps, { ...closed, title: 'UnitInput' });
export const UnitChanges = changesOf(unitProps, 'UnitChanges');
