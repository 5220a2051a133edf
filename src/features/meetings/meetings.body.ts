// A meeting's JSON body (the API's and the CLI's) as the service's fields, and the writes that take a body: a
// creation, or a PATCH's changes laid onto the stored meeting.
import { keep, type Text } from '../../platform/http/record-writes.ts';
import type { Actor } from '../accounts/accounts.access.ts';
import type { MeetingRecord } from './meetings.schemas.ts';
import type { MeetingFields, MeetingsAdmin } from './meetings.service.ts';

export type MeetingBody = {
  [K in keyof MeetingFields]?: K extends 'agreementIds' | 'networkIds'
    ? string[]
    : K extends 'published'
      ? boolean
      : Text;
};

function meetingFields(body: MeetingBody, stored?: MeetingRecord): MeetingFields {
  return {
    titleIt: keep(body.titleIt, stored?.titleIt),
    titleEn: keep(body.titleEn, stored?.titleEn),
    status: keep(body.status, stored?.status),
    startsOn: keep(body.startsOn, stored?.startsOn),
    startsAt: keep(body.startsAt, stored?.startsAt),
    endsAt: keep(body.endsAt, stored?.endsAt),
    mode: keep(body.mode, stored?.mode),
    place: keep(body.place, stored?.place),
    counterpartId: keep(body.counterpartId, stored?.counterpart?.id),
    host: keep(body.host, stored?.host),
    participants: keep(body.participants, stored?.participants),
    topicsIt: keep(body.topicsIt, stored?.topicsIt),
    topicsEn: keep(body.topicsEn, stored?.topicsEn),
    outcomeIt: keep(body.outcomeIt, stored?.outcomeIt),
    outcomeEn: keep(body.outcomeEn, stored?.outcomeEn),
    agreementIds: body.agreementIds ?? stored?.agreements.map((a) => a.id) ?? [],
    networkIds: body.networkIds ?? stored?.networks.map((n) => n.id) ?? [],
    published: (body.published ?? stored?.published) ? 'yes' : '',
  };
}

/** The writes from bodies, shared by the API's routes and the CLI's commands. */
export function meetingBodies(admin: MeetingsAdmin) {
  return {
    create: (actor: Actor, body: MeetingBody) => admin.createMeeting(actor, meetingFields(body)),
    async update(actor: Actor, id: string, version: number, changes: MeetingBody) {
      const stored = (await admin.meetingForm(actor, id)).meeting;
      return admin.updateMeeting(actor, id, version, meetingFields(changes, stored));
    },
  };
}
