// Gifts as the API shows and takes them: the register's record and the bodies of the write routes.
import { type Static, type TProperties, Type } from '@sinclair/typebox';
import { changesOf, closed, NO_LINE_BREAK, optionalText } from '../../platform/http/record-writes.ts';
import { Nullable, StringEnum } from '../../platform/http/schema-helpers.ts';
import { DIRECTIONS, DISPOSITIONS } from './gifts.rules.ts';

export const GiftRecord = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    direction: StringEnum(DIRECTIONS),
    onDay: Type.String({ format: 'date' }),
    occasion: Nullable(
      Type.Object({
        kind: StringEnum(['visit', 'mission', 'meeting'] as const),
        id: Type.String({ format: 'uuid' }),
        titleIt: Type.String(),
        titleEn: Nullable(Type.String()),
      }),
    ),
    counterpart: Nullable(
      Type.Object({ id: Type.String({ format: 'uuid' }), nameIt: Type.String(), nameEn: Type.String() }),
    ),
    descriptionIt: Type.String(),
    descriptionEn: Nullable(Type.String()),
    value: Nullable(Type.String({ description: 'Estimated value, a decimal string such as "180.00"' })),
    currency: Type.String({ description: 'ISO 4217' }),
    person: Nullable(Type.String({ description: 'Who received it for the institution, or who gave it' })),
    disposition: Nullable(StringEnum(DISPOSITIONS)),
    dispositionOn: Nullable(Type.String({ format: 'date' })),
    notes: Nullable(Type.String({ description: 'Internal' })),
    aboveModestValue: Type.Boolean({
      description:
        'Received and worth more than EUR 150 (DPR 62/2013, art. 4), or valued in another currency',
    }),
    published: Type.Boolean(),
    example: Type.Boolean(),
    version: Type.Integer({ description: 'Send it back with the next PATCH or DELETE' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'GiftRecord' },
);
export type GiftRecord = Static<typeof GiftRecord>;

export const GiftPage = Type.Object(
  {
    items: Type.Array(GiftRecord),
    total: Type.Integer(),
    page: Type.Integer(),
    pages: Type.Integer(),
    pageSize: Type.Integer(),
  },
  { title: 'GiftPage' },
);

const uuid = (description: string) => Type.Optional(Nullable(Type.String({ format: 'uuid', description })));

export const giftProps = {
  direction: StringEnum(DIRECTIONS),
  onDay: Type.String({ maxLength: 10, description: 'YYYY-MM-DD or DD/MM/YYYY' }),
  visitId: uuid('The visit it was given or received at (at most one occasion)'),
  missionId: uuid('The mission'),
  meetingId: uuid('The meeting'),
  counterpartId: uuid("One of the institution's partners"),
  descriptionIt: Type.String({ minLength: 1, maxLength: 2000 }),
  descriptionEn: optionalText(2000),
  value: Type.Optional(
    Nullable(Type.String({ maxLength: 20, description: 'Estimated value: 180 or 180.50' })),
  ),
  currency: Type.Optional(Nullable(Type.String({ maxLength: 3, description: 'ISO 4217; EUR by default' }))),
  person: Type.Optional(Nullable(Type.String({ maxLength: 200, pattern: NO_LINE_BREAK }))),
  disposition: Type.Optional(
    Nullable(StringEnum(DISPOSITIONS, { description: 'Required above the modest value' })),
  ),
  dispositionOn: optionalText(10, 'YYYY-MM-DD'),
  notes: optionalText(5000, 'Internal'),
  published: Type.Optional(Type.Boolean({ description: 'In the public register; false by default' })),
} satisfies TProperties;

export const GiftInput = Type.Object(giftProps, { ...closed, title: 'GiftInput' });
export const GiftChanges = changesOf(giftProps, 'GiftChanges');
