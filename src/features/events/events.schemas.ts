// Events as the API shows and takes them.
import { type Static, type TProperties, Type } from '@sinclair/typebox';
import { changesOf, closed, optionalText } from '../../platform/http/record-writes.ts';
import { Nullable, StringEnum } from '../../platform/http/schema-helpers.ts';
import { EVENT_ROLES, EVENT_STATUSES } from './events.rules.ts';

const TIME = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: 'HH:MM, Europe/Rome' });

export const Event = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    titleIt: Type.String(),
    titleEn: Nullable(Type.String()),
    role: StringEnum(EVENT_ROLES, { description: "The institution's role" }),
    status: StringEnum(EVENT_STATUSES),
    startsOn: Type.String({ format: 'date' }),
    startsAt: Nullable(TIME),
    endsOn: Type.String({ format: 'date' }),
    endsAt: Nullable(TIME),
    venue: Nullable(Type.String()),
    city: Nullable(Type.String()),
    point: Nullable(
      Type.Object(
        { latitude: Type.Number(), longitude: Type.Number() },
        { description: 'The venue on the map' },
      ),
    ),
    partners: Nullable(Type.String()),
    audienceIt: Nullable(Type.String()),
    audienceEn: Nullable(Type.String()),
    descriptionIt: Nullable(Type.String()),
    descriptionEn: Nullable(Type.String()),
    published: Type.Boolean(),
    example: Type.Boolean({ description: 'Loaded by `ponte seed examples`: never published' }),
    version: Type.Integer(),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'Event' },
);
export type Event = Static<typeof Event>;

export const EventPage = Type.Object(
  {
    items: Type.Array(Event),
    total: Type.Integer(),
    page: Type.Integer(),
    pages: Type.Integer(),
    pageSize: Type.Integer(),
  },
  { title: 'EventPage' },
);

export const eventProps = {
  titleIt: Type.String({ minLength: 1, maxLength: 200 }),
  titleEn: optionalText(200),
  role: StringEnum(EVENT_ROLES),
  status: StringEnum(EVENT_STATUSES),
  startsOn: Type.String({ format: 'date' }),
  startsAt: Type.Optional(Nullable(TIME)),
  endsOn: Type.Optional(
    Nullable(Type.String({ format: 'date', description: 'The first day when left out' })),
  ),
  endsAt: Type.Optional(Nullable(TIME)),
  venue: optionalText(300),
  city: optionalText(100),
  coordinates: optionalText(60, 'The venue on the map: "43.7696, 11.2558" (latitude, longitude)'),
  partners: optionalText(1000),
  audienceIt: optionalText(500),
  audienceEn: optionalText(500),
  descriptionIt: optionalText(10_000),
  descriptionEn: optionalText(10_000),
  published: Type.Optional(Type.Boolean({ description: 'On the portal agenda and the public feed' })),
} satisfies TProperties;

export const EventInput = Type.Object(eventProps, { ...closed, title: 'EventInput' });
export const EventChanges = changesOf(eventProps, 'EventChanges');
