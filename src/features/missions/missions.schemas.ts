// Missions as the API shows and takes them: the back-office record with its travellers and their costs, the
// bodies of the write routes of a mission and of a traveller, and the public transparency rows.
import { type Static, type TProperties, Type } from '@sinclair/typebox';
import { changesOf, closed, NO_LINE_BREAK, optionalText } from '../../platform/http/record-writes.ts';
import { Nullable, StringEnum } from '../../platform/http/schema-helpers.ts';
import { MISSION_STATUSES, OFFICES } from './missions.rules.ts';

const DAY = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const TIME = Nullable(Type.String({ pattern: '^\\d{2}:\\d{2}$', description: 'HH:MM, Europe/Rome' }));
const MONEY = Nullable(Type.String({ description: 'A decimal string such as "1250.00"' }));
const Named = Type.Object({
  id: Type.String({ format: 'uuid' }),
  nameIt: Type.String(),
  nameEn: Type.String(),
});

export const Destination = Type.Object(
  {
    geonamesId: Type.Integer(),
    nameIt: Type.String(),
    nameEn: Type.String(),
    countryCode: Type.String(),
  },
  { title: 'Destination' },
);

export const Traveller = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    name: Type.String(),
    role: Nullable(Type.String({ description: 'Such as "Assessore alla cultura"' })),
    office: StringEnum(OFFICES, {
      description: 'mayor, deputy_mayor and councillor are political office holders',
    }),
    travelCost: MONEY,
    lodgingCost: MONEY,
    otherCost: MONEY,
    currency: Type.String({ description: 'ISO 4217' }),
    paidBy: Nullable(Type.String({ description: 'Internal' })),
    publicMoney: Type.Boolean({ description: 'Paid with public funds' }),
    version: Type.Integer(),
  },
  { title: 'MissionTraveller' },
);
export type Traveller = Static<typeof Traveller>;

export const MissionRecord = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    titleIt: Type.String(),
    titleEn: Nullable(Type.String()),
    status: StringEnum(MISSION_STATUSES),
    startsOn: DAY,
    startsAt: TIME,
    endsOn: DAY,
    endsAt: TIME,
    destinations: Type.Array(Destination),
    purposeIt: Nullable(Type.String()),
    purposeEn: Nullable(Type.String()),
    meetingsIt: Nullable(Type.String({ description: 'The meetings held there' })),
    meetingsEn: Nullable(Type.String()),
    outcomeIt: Nullable(Type.String()),
    outcomeEn: Nullable(Type.String()),
    agreements: Type.Array(
      Type.Object({
        id: Type.String({ format: 'uuid' }),
        kind: Type.String(),
        counterpartIt: Type.String(),
        counterpartEn: Type.String(),
      }),
    ),
    networks: Type.Array(Named),
    travellers: Type.Array(Traveller),
    published: Type.Boolean(),
    example: Type.Boolean({ description: 'An example record of `ponte seed examples`; never published' }),
    version: Type.Integer({ description: 'Send it back with the next PATCH or DELETE' }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'MissionRecord' },
);
export type MissionRecord = Static<typeof MissionRecord>;

export const MissionSummary = Type.Omit(MissionRecord, ['agreements', 'networks', 'travellers'], {
  title: 'MissionSummary',
});
export type MissionSummary = Static<typeof MissionSummary>;

export const MissionPage = Type.Object(
  {
    items: Type.Array(MissionSummary),
    total: Type.Integer(),
    page: Type.Integer(),
    pages: Type.Integer(),
    pageSize: Type.Integer(),
  },
  { title: 'MissionPage' },
);

const line = (maxLength: number, description?: string) =>
  Type.Optional(
    Nullable(Type.String({ maxLength, pattern: NO_LINE_BREAK, ...(description ? { description } : {}) })),
  );
const ids = (description: string) =>
  Type.Optional(
    Type.Array(Type.String({ format: 'uuid' }), { maxItems: 50, uniqueItems: true, description }),
  );

export const missionProps = {
  titleIt: Type.String({ minLength: 1, maxLength: 200, pattern: NO_LINE_BREAK }),
  titleEn: line(200, 'The Italian title is shown when it is missing'),
  status: Type.Optional(StringEnum(MISSION_STATUSES, { description: 'proposed by default' })),
  startsOn: Type.String({ maxLength: 10, description: 'First day: YYYY-MM-DD or DD/MM/YYYY' }),
  startsAt: line(8, 'HH:MM; null when not known'),
  endsOn: Type.Optional(Type.String({ maxLength: 10, description: 'Last day; the first day when left out' })),
  endsAt: line(8, 'HH:MM; null when not known'),
  destinations: Type.Optional(
    Type.Array(
      Type.Union([
        Type.Object({ geonamesId: Type.Integer({ minimum: 1, maximum: 2147483647 }) }, closed),
        Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            country: Type.Optional(Type.String({ maxLength: 100, description: 'ISO code or name' })),
          },
          closed,
        ),
      ]),
      {
        maxItems: 20,
        description: 'Gazetteer places: by GeoNames id, or by name (and country) when it is unambiguous',
      },
    ),
  ),
  purposeIt: optionalText(5000),
  purposeEn: optionalText(5000),
  meetingsIt: optionalText(5000),
  meetingsEn: optionalText(5000),
  outcomeIt: optionalText(10000, 'The outcome report'),
  outcomeEn: optionalText(10000),
  agreementIds: ids('Agreements of the institution the mission concerns'),
  networkIds: ids('Networks the mission concerns'),
  published: Type.Optional(Type.Boolean({ description: 'false by default; an example is never published' })),
} satisfies TProperties;

export const MissionInput = Type.Object(missionProps, { ...closed, title: 'MissionInput' });
export const MissionChanges = changesOf(missionProps, 'MissionChanges');

const money = (description: string) =>
  Type.Optional(Nullable(Type.String({ maxLength: 20, description: `${description}: 1250 or 1250.50` })));

export const travellerProps = {
  name: Type.String({ minLength: 1, maxLength: 200, pattern: NO_LINE_BREAK }),
  role: line(200),
  office: StringEnum(OFFICES),
  travelCost: money('Travel'),
  lodgingCost: money('Lodging'),
  otherCost: money('Other costs'),
  currency: line(3, 'ISO 4217; EUR when left out'),
  paidBy: line(200, 'Who paid; internal'),
  publicMoney: Type.Optional(Type.Boolean({ description: 'true by default' })),
} satisfies TProperties;

export const TravellerInput = Type.Object(travellerProps, { ...closed, title: 'MissionTravellerInput' });
export const TravellerChanges = changesOf(travellerProps, 'MissionTravellerChanges');

/** One political office holder's mission costs paid with public money in a year, as the portal publishes them. */
export const MissionCostRow = Type.Object(
  {
    year: Type.Integer(),
    name: Type.String(),
    role: Nullable(Type.String()),
    office: StringEnum(OFFICES),
    missions: Type.Integer(),
    travel: Type.String(),
    lodging: Type.String(),
    other: Type.String(),
    total: Type.String(),
    currency: Type.String(),
  },
  { title: 'MissionCosts' },
);
export type MissionCostRow = Static<typeof MissionCostRow>;
