// Meetings as the API shows and takes them: the back-office record and the bodies of the write routes.
import { type Static, type TProperties, Type } from '@sinclair/typebox';
import { changesOf, closed, NO_LINE_BREAK, optionalText } from '../../platform/http/record-writes.ts';
import { Nullable, StringEnum } from '../../platform/http/schema-helpers.ts';
import { MEETING_MODES, MEETING_STATUSES } from './meetings.rules.ts';

const TIME = Nullable(Type.String({ pattern: '^\\d{2}:\\d{2}$', description: 'HH:MM, Europe/Rome' }));

export const MeetingRecord = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    titleIt: Type.String(),
    titleEn: Nullable(Type.String()),
    status: StringEnum(MEETING_STATUSES),
    startsOn: Type.String({ format: 'date' }),
    startsAt: TIME,
    endsAt: TIME,
    mode: StringEnum(MEETING_MODES),
    place: Nullable(Type.String()),
    counterpart: Nullable(
      Type.Object({
        id: Type.String({ format: 'uuid' }),
        nameIt: Type.String(),
        nameEn: Type.String(),
        countryCode: Nullable(Type.String()),
      }),
    ),
    host: Nullable(Type.String({ description: 'Who met for the institution' })),
    participants: Nullable(Type.String({ description: 'Who came; internal' })),
    topicsIt: Nullable(Type.String()),
    topicsEn: Nullable(Type.String()),
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
    networks: Type.Array(
      Type.Object({ id: Type.String({ format: 'uuid' }), nameIt: Type.String(), nameEn: Type.String() }),
    ),
    published: Type.Boolean(),
    example: Type.Boolean(),
    version: Type.Integer({ description: 'Send it back with the next PATCH or DELETE' }),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'MeetingRecord' },
);
export type MeetingRecord = Static<typeof MeetingRecord>;

export const MeetingSummary = Type.Omit(MeetingRecord, ['agreements', 'networks'], {
  title: 'MeetingSummary',
});
export type MeetingSummary = Static<typeof MeetingSummary>;

export const MeetingPage = Type.Object(
  {
    items: Type.Array(MeetingSummary),
    total: Type.Integer(),
    page: Type.Integer(),
    pages: Type.Integer(),
    pageSize: Type.Integer(),
  },
  { title: 'MeetingPage' },
);

const line = (maxLength: number, description?: string) =>
  Type.Optional(
    Nullable(Type.String({ maxLength, pattern: NO_LINE_BREAK, ...(description ? { description } : {}) })),
  );
const ids = (description: string) =>
  Type.Optional(
    Type.Array(Type.String({ format: 'uuid' }), { maxItems: 50, uniqueItems: true, description }),
  );

export const meetingProps = {
  titleIt: Type.String({ minLength: 1, maxLength: 200, pattern: NO_LINE_BREAK }),
  titleEn: line(200),
  status: Type.Optional(StringEnum(MEETING_STATUSES, { description: 'proposed by default' })),
  startsOn: Type.String({ maxLength: 10, description: 'The day: YYYY-MM-DD or DD/MM/YYYY' }),
  startsAt: line(8, 'HH:MM'),
  endsAt: line(8, 'HH:MM'),
  mode: Type.Optional(StringEnum(MEETING_MODES, { description: 'in_person by default' })),
  place: line(300),
  counterpartId: Type.Optional(Nullable(Type.String({ format: 'uuid', description: 'One of the partners' }))),
  host: line(300, 'Who met for the institution'),
  participants: optionalText(2000, 'Who came, with their titles; internal'),
  topicsIt: optionalText(5000),
  topicsEn: optionalText(5000),
  outcomeIt: optionalText(5000),
  outcomeEn: optionalText(5000),
  agreementIds: ids('Agreements of the institution the meeting concerns'),
  networkIds: ids('Networks the meeting concerns'),
  published: Type.Optional(Type.Boolean({ description: 'false by default; an example is never published' })),
} satisfies TProperties;

export const MeetingInput = Type.Object(meetingProps, { ...closed, title: 'MeetingInput' });
export const MeetingChanges = changesOf(meetingProps, 'MeetingChanges');
