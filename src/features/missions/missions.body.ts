// A mission's and a traveller's JSON body (the API's and the CLI's) as the service's fields, and the writes
// that take a body: a creation, or a PATCH's changes laid onto the stored record.
import { keep, type Text } from '../../platform/http/record-writes.ts';
import type { Actor } from '../accounts/accounts.access.ts';
import type { DestinationSpec } from './missions.rules.ts';
import type { MissionRecord, Traveller } from './missions.schemas.ts';
import type { MissionFields, MissionsAdmin, TravellerFields } from './missions.service.ts';

export type MissionBody = {
  [K in keyof MissionFields]?: K extends 'agreementIds' | 'networkIds'
    ? string[]
    : K extends 'destinations'
      ? DestinationSpec[]
      : K extends 'published'
        ? boolean
        : Text;
};

const flag = (sent: boolean | undefined, stored: boolean | undefined) => ((sent ?? stored) ? 'yes' : '');

function missionFields(body: MissionBody, stored?: MissionRecord): MissionFields {
  return {
    titleIt: keep(body.titleIt, stored?.titleIt),
    titleEn: keep(body.titleEn, stored?.titleEn),
    status: keep(body.status, stored?.status),
    startsOn: keep(body.startsOn, stored?.startsOn),
    startsAt: keep(body.startsAt, stored?.startsAt),
    endsOn: keep(body.endsOn, stored?.endsOn),
    endsAt: keep(body.endsAt, stored?.endsAt),
    destinations: body.destinations ?? stored?.destinations.map((d) => ({ geonamesId: d.geonamesId })) ?? [],
    purposeIt: keep(body.purposeIt, stored?.purposeIt),
    purposeEn: keep(body.purposeEn, stored?.purposeEn),
    meetingsIt: keep(body.meetingsIt, stored?.meetingsIt),
    meetingsEn: keep(body.meetingsEn, stored?.meetingsEn),
    outcomeIt: keep(body.outcomeIt, stored?.outcomeIt),
    outcomeEn: keep(body.outcomeEn, stored?.outcomeEn),
    agreementIds: body.agreementIds ?? stored?.agreements.map((a) => a.id) ?? [],
    networkIds: body.networkIds ?? stored?.networks.map((n) => n.id) ?? [],
    published: flag(body.published, stored?.published),
  };
}

export type TravellerBody = { [K in keyof TravellerFields]?: K extends 'publicMoney' ? boolean : Text };

function travellerFields(body: TravellerBody, stored?: Traveller): TravellerFields {
  const money = body.publicMoney ?? stored?.publicMoney ?? true;
  return {
    name: keep(body.name, stored?.name),
    role: keep(body.role, stored?.role),
    office: keep(body.office, stored?.office),
    travelCost: keep(body.travelCost, stored?.travelCost),
    lodgingCost: keep(body.lodgingCost, stored?.lodgingCost),
    otherCost: keep(body.otherCost, stored?.otherCost),
    currency: keep(body.currency, stored?.currency),
    paidBy: keep(body.paidBy, stored?.paidBy),
    publicMoney: money ? 'yes' : 'no',
  };
}

/** The writes from bodies, shared by the API's routes and the CLI's commands. */
export function missionBodies(admin: MissionsAdmin) {
  return {
    create: (actor: Actor, body: MissionBody) => admin.createMission(actor, missionFields(body)),
    async update(actor: Actor, id: string, version: number, changes: MissionBody) {
      const stored = (await admin.missionForm(actor, id)).mission;
      return admin.updateMission(actor, id, version, missionFields(changes, stored));
    },
    addTraveller: (actor: Actor, missionId: string, body: TravellerBody) =>
      admin.addTraveller(actor, missionId, travellerFields(body)),
    async updateTraveller(
      actor: Actor,
      missionId: string,
      id: string,
      version: number,
      changes: TravellerBody,
    ) {
      const stored = (await admin.travellerForm(actor, missionId, id)).traveller;
      return admin.updateTraveller(actor, missionId, id, version, travellerFields(changes, stored));
    },
  };
}
