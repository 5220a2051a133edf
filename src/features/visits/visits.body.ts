// A visit's and a programme item's JSON body (the API's and the CLI's) as the service's fields, and the writes
// that take a body: a creation, or a PATCH's changes laid onto the stored record.
import type { Text } from '../../platform/http/record-writes.ts';
import { keep } from '../../platform/http/record-writes.ts';
import type { Actor } from '../accounts/accounts.access.ts';
import type { VisitItem, VisitRecord } from './visits.schemas.ts';
import type { ItemFields, VisitFields, VisitsAdmin } from './visits.service.ts';

export type VisitBody = {
  [K in keyof VisitFields]?: K extends 'languages' | 'agreementIds' | 'networkIds'
    ? string[]
    : K extends 'interpretingBooked' | 'published'
      ? boolean
      : K extends 'delegationSize'
        ? number | null
        : Text;
};

const flag = (sent: boolean | undefined, stored: boolean | undefined) => ((sent ?? stored) ? 'yes' : '');
const count = (sent: number | null | undefined, stored: number | null | undefined) =>
  sent === undefined ? String(stored ?? '') : String(sent ?? '');

/** A body (a PATCH's changes onto the stored visit) as the service's fields. */
function visitFields(body: VisitBody, stored?: VisitRecord): VisitFields {
  return {
    titleIt: keep(body.titleIt, stored?.titleIt),
    titleEn: keep(body.titleEn, stored?.titleEn),
    status: keep(body.status, stored?.status),
    startsOn: keep(body.startsOn, stored?.startsOn),
    startsAt: keep(body.startsAt, stored?.startsAt),
    // A creation's last day is its first unless told; an edit keeps the stored one.
    endsOn: keep(body.endsOn, stored?.endsOn),
    endsAt: keep(body.endsAt, stored?.endsAt),
    counterpartId: keep(body.counterpartId, stored?.counterpart?.id),
    partnerCity: body.partnerCity ?? '',
    headName: keep(body.headName, stored?.headName),
    headTitle: keep(body.headTitle, stored?.headTitle),
    delegationSize: count(body.delegationSize, stored?.delegationSize),
    purposeIt: keep(body.purposeIt, stored?.purposeIt),
    purposeEn: keep(body.purposeEn, stored?.purposeEn),
    languages: body.languages ?? stored?.languages ?? [],
    interpretingPair: keep(body.interpretingPair, stored?.interpretingPair),
    interpretingBooked: flag(body.interpretingBooked, stored?.interpretingBooked),
    interpretingProvider: keep(body.interpretingProvider, stored?.interpretingProvider),
    protocolNotes: keep(body.protocolNotes, stored?.protocolNotes),
    outcomeIt: keep(body.outcomeIt, stored?.outcomeIt),
    outcomeEn: keep(body.outcomeEn, stored?.outcomeEn),
    agreementIds: body.agreementIds ?? stored?.agreements.map((a) => a.id) ?? [],
    networkIds: body.networkIds ?? stored?.networks.map((n) => n.id) ?? [],
    published: flag(body.published, stored?.published),
  };
}

export type ItemBody = { [K in keyof ItemFields]?: K extends 'groupSize' ? number | null : Text };

function itemFields(body: ItemBody, stored?: VisitItem): ItemFields {
  return {
    kind: keep(body.kind, stored?.kind),
    day: keep(body.day, stored?.day),
    startsAt: keep(body.startsAt, stored?.startsAt),
    endsAt: keep(body.endsAt, stored?.endsAt),
    place: keep(body.place, stored?.place),
    activityIt: keep(body.activityIt, stored?.activityIt),
    activityEn: keep(body.activityEn, stored?.activityEn),
    attendees: keep(body.attendees, stored?.attendees),
    tourLanguage: keep(body.tourLanguage, stored?.tourLanguage),
    guide: keep(body.guide, stored?.guide),
    groupSize: count(body.groupSize, stored?.groupSize),
  };
}

/** The writes from bodies, shared by the API's routes and the CLI's commands. */
export function visitBodies(admin: VisitsAdmin) {
  return {
    create: (actor: Actor, body: VisitBody) => admin.createVisit(actor, visitFields(body)),
    async update(actor: Actor, id: string, version: number, changes: VisitBody) {
      const stored = (await admin.visitForm(actor, id)).visit;
      return admin.updateVisit(actor, id, version, visitFields(changes, stored));
    },
    addItem: (actor: Actor, visitId: string, body: ItemBody) =>
      admin.addItem(actor, visitId, itemFields(body)),
    async updateItem(actor: Actor, visitId: string, itemId: string, version: number, changes: ItemBody) {
      const stored = (await admin.itemForm(actor, visitId, itemId)).item;
      return admin.updateItem(actor, visitId, itemId, version, itemFields(changes, stored));
    },
  };
}
