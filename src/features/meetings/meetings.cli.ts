// Meetings' commands: list, show, create, update and delete a meeting, with the API's JSON bodies (see
// src/cli/records.ts).
import { recordCommands } from '../../cli/records.ts';
import { meetingBodies } from './meetings.body.ts';
import { MEETING_STATUSES } from './meetings.rules.ts';
import { MeetingChanges, MeetingInput, type MeetingSummary } from './meetings.schemas.ts';

export const meetingsCli = recordCommands({
  noun: 'meetings',
  one: 'meeting',
  input: MeetingInput,
  changes: MeetingChanges,
  filters: { enums: { status: MEETING_STATUSES }, when: true },
  list: (s, actor, q) => s.meetingsAdmin.meetings(actor, q),
  columns: (m: MeetingSummary) => [m.startsOn, m.status, m.counterpart?.nameEn, m.titleIt],
  show: async (s, actor, id) => (await s.meetingsAdmin.meeting(actor, id)).meeting,
  create: (s, actor, body) => meetingBodies(s.meetingsAdmin).create(actor, body),
  update: (s, actor, id, version, body) => meetingBodies(s.meetingsAdmin).update(actor, id, version, body),
  remove: (s, actor, id, version) => s.meetingsAdmin.deleteMeeting(actor, id, version),
});
