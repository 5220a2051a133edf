// Visits as the API shows and takes them: the back-office record with its programme, and the bodies of the
// write routes (one set of properties for the creation and, all optional, the PATCH) of a visit and of a
// programme item.
import { type Static, type TProperties, Type } from '@sinclair/typebox';
import { changesOf, closed, NO_LINE_BREAK, optionalText } from '../../platform/http/record-writes.ts';
import { Nullable, StringEnum } from '../../platform/http/schema-helpers.ts';
import { VISIT_STATUSES } from './visits.rules.ts';

const DAY = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const TIME = Nullable(
  Type.String({ pattern: '^\\d{2}:\\d{2}$', description: 'HH:MM, Europe/Rome; null when not known' }),
);
const Named = Type.Object({
  id: Type.String({ format: 'uuid' }),
  nameIt: Type.String(),
  nameEn: Type.String(),
});

export const VisitItem = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    kind: StringEnum(['activity', 'tour'] as const, {
      description: 'A guided tour has a language, guide and group',
    }),
    day: DAY,
    startsAt: TIME,
    endsAt: TIME,
    place: Nullable(Type.String()),
    activityIt: Type.String(),
    activityEn: Nullable(Type.String()),
    attendees: Nullable(Type.String({ description: 'Who of the institution takes part; internal' })),
    tourLanguage: Nullable(Type.String({ description: 'ISO 639-1 code of the tour' })),
    guide: Nullable(Type.String({ description: 'Internal' })),
    groupSize: Nullable(Type.Integer()),
    version: Type.Integer({ description: 'Send it back with the next PATCH or DELETE' }),
  },
  { title: 'VisitItem' },
);
export type VisitItem = Static<typeof VisitItem>;

export const VisitRecord = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    titleIt: Type.String(),
    titleEn: Nullable(Type.String()),
    status: StringEnum(VISIT_STATUSES),
    startsOn: DAY,
    startsAt: TIME,
    endsOn: DAY,
    endsAt: TIME,
    counterpart: Nullable(
      Type.Object(
        {
          id: Type.String({ format: 'uuid' }),
          nameIt: Type.String(),
          nameEn: Type.String(),
          countryCode: Nullable(Type.String()),
        },
        { description: 'The visiting city or organisation, one of the partners' },
      ),
    ),
    headName: Nullable(Type.String({ description: 'Head of the delegation; internal' })),
    headTitle: Nullable(Type.String({ description: 'Internal' })),
    delegationSize: Nullable(Type.Integer()),
    purposeIt: Nullable(Type.String()),
    purposeEn: Nullable(Type.String()),
    languages: Type.Array(Type.String(), { description: 'ISO 639-1 codes' }),
    interpretingPair: Nullable(
      Type.String({ description: 'Two ISO 639-1 codes, such as "zh-it"; internal' }),
    ),
    interpretingBooked: Type.Boolean({ description: 'Internal' }),
    interpretingProvider: Nullable(Type.String({ description: 'Internal' })),
    protocolNotes: Nullable(Type.String({ description: 'Internal' })),
    outcomeIt: Nullable(Type.String()),
    outcomeEn: Nullable(Type.String()),
    agreements: Type.Array(
      Type.Object({
        id: Type.String({ format: 'uuid' }),
        kind: Type.String(),
        counterpartIt: Type.String(),
        counterpartEn: Type.String(),
      }),
      { description: 'The agreements the visit concerns' },
    ),
    networks: Type.Array(Named, { description: 'The networks the visit concerns' }),
    programme: Type.Array(VisitItem),
    published: Type.Boolean({
      description: 'Shown on the portal and in the public feed, without internal fields',
    }),
    example: Type.Boolean({ description: 'An example record of `ponte seed examples`; never published' }),
    version: Type.Integer({ description: 'Send it back with the next PATCH or DELETE' }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'VisitRecord' },
);
export type VisitRecord = Static<typeof VisitRecord>;

const line = (maxLength: number, description?: string) =>
  Type.Optional(
    Nullable(Type.String({ maxLength, pattern: NO_LINE_BREAK, ...(description ? { description } : {}) })),
  );
const time = (description: string) =>
  Type.Optional(
    Nullable(Type.String({ maxLength: 8, description: `${description}: HH:MM; null or "" when not known` })),
  );
const ids = (description: string) =>
  Type.Optional(
    Type.Array(Type.String({ format: 'uuid' }), { maxItems: 50, uniqueItems: true, description }),
  );

export const visitProps = {
  titleIt: Type.String({
    minLength: 1,
    maxLength: 200,
    pattern: NO_LINE_BREAK,
    description: 'Title in Italian',
  }),
  titleEn: line(200, 'Title in English; the Italian one is shown when it is missing'),
  status: Type.Optional(StringEnum(VISIT_STATUSES, { description: 'proposed by default' })),
  startsOn: Type.String({ maxLength: 10, description: 'First day: YYYY-MM-DD or DD/MM/YYYY' }),
  startsAt: time('Arrival time'),
  endsOn: Type.Optional(Type.String({ maxLength: 10, description: 'Last day; the first day when left out' })),
  endsAt: time('Departure time'),
  counterpartId: Type.Optional(
    Nullable(
      Type.String({ format: 'uuid', description: "The visiting party: one of the institution's partners" }),
    ),
  ),
  partnerCity: line(
    200,
    'Instead of counterpartId, a city not yet a partner, as "Shanghai, CN": found in the gazetteer and made a partner (400 naming the field when unknown or ambiguous)',
  ),
  headName: line(200, 'Head of the delegation; internal'),
  headTitle: line(200, 'Their title, such as "Vice sindaco di Shanghai"; internal'),
  delegationSize: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 10000 }))),
  purposeIt: optionalText(5000),
  purposeEn: optionalText(5000),
  languages: Type.Optional(
    Type.Array(Type.String({ maxLength: 40 }), {
      maxItems: 20,
      description: 'Languages the delegation speaks: ISO 639-1 codes or names in Italian or English',
    }),
  ),
  interpretingPair: line(60, 'Such as "zh-it" or "cinese-italiano"; internal'),
  interpretingBooked: Type.Optional(Type.Boolean({ description: 'Internal' })),
  interpretingProvider: line(200, 'Internal'),
  protocolNotes: optionalText(5000, 'Internal'),
  outcomeIt: optionalText(5000),
  outcomeEn: optionalText(5000),
  agreementIds: ids('Agreements of the institution the visit concerns'),
  networkIds: ids('Networks the visit concerns'),
  published: Type.Optional(Type.Boolean({ description: 'false by default; an example is never published' })),
} satisfies TProperties;

export const VisitInput = Type.Object(visitProps, { ...closed, title: 'VisitInput' });
export const VisitChanges = changesOf(visitProps, 'VisitChanges');

export const itemProps = {
  kind: Type.Optional(StringEnum(['activity', 'tour'] as const, { description: 'activity by default' })),
  day: Type.String({ maxLength: 10, description: 'YYYY-MM-DD or DD/MM/YYYY, within the visit' }),
  startsAt: time('Start'),
  endsAt: time('End'),
  place: line(300),
  activityIt: Type.String({ minLength: 1, maxLength: 300, pattern: NO_LINE_BREAK }),
  activityEn: line(300),
  attendees: optionalText(1000, 'Who of the institution takes part; internal'),
  tourLanguage: line(40, 'A tour: its language, as a code or a name'),
  guide: line(200, 'A tour: its guide; internal'),
  groupSize: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 10000 }))),
} satisfies TProperties;

export const VisitItemInput = Type.Object(itemProps, { ...closed, title: 'VisitItemInput' });
export const VisitItemChanges = changesOf(itemProps, 'VisitItemChanges');

export const VisitSummary = Type.Omit(VisitRecord, ['agreements', 'networks', 'programme'], {
  title: 'VisitSummary',
});

export const VisitPage = Type.Object(
  {
    items: Type.Array(VisitSummary),
    total: Type.Integer(),
    page: Type.Integer(),
    pages: Type.Integer(),
    pageSize: Type.Integer(),
  },
  { title: 'VisitPage' },
);
