// A gift's JSON body (the API's and the CLI's) as the service's fields, and the writes that take a body: a
// creation, or a PATCH's changes laid onto the stored gift.
import { keep, type Text } from '../../platform/http/record-writes.ts';
import type { Actor } from '../accounts/accounts.access.ts';
import type { GiftRecord } from './gifts.schemas.ts';
import type { GiftFields, GiftsAdmin } from './gifts.service.ts';

export type GiftBody = {
  direction?: Text;
  onDay?: Text;
  visitId?: Text;
  missionId?: Text;
  meetingId?: Text;
  counterpartId?: Text;
  descriptionIt?: Text;
  descriptionEn?: Text;
  value?: Text;
  currency?: Text;
  person?: Text;
  disposition?: Text;
  dispositionOn?: Text;
  notes?: Text;
  published?: boolean;
};

function giftFields(b: GiftBody, stored?: GiftRecord): GiftFields {
  const occasionSent = b.visitId !== undefined || b.missionId !== undefined || b.meetingId !== undefined;
  const occasion = occasionSent
    ? b.visitId
      ? `visit:${b.visitId}`
      : b.missionId
        ? `mission:${b.missionId}`
        : b.meetingId
          ? `meeting:${b.meetingId}`
          : ''
    : stored?.occasion
      ? `${stored.occasion.kind}:${stored.occasion.id}`
      : '';
  return {
    direction: keep(b.direction, stored?.direction),
    onDay: keep(b.onDay, stored?.onDay),
    occasion,
    counterpartId: keep(b.counterpartId, stored?.counterpart?.id),
    descriptionIt: keep(b.descriptionIt, stored?.descriptionIt),
    descriptionEn: keep(b.descriptionEn, stored?.descriptionEn),
    value: keep(b.value, stored?.value),
    currency: keep(b.currency, stored?.currency),
    person: keep(b.person, stored?.person),
    disposition: keep(b.disposition, stored?.disposition),
    dispositionOn: keep(b.dispositionOn, stored?.dispositionOn),
    notes: keep(b.notes, stored?.notes),
    published: (b.published ?? stored?.published) ? 'yes' : '',
  };
}

/** The writes from bodies, shared by the API's routes and the CLI's commands. */
export function giftBodies(admin: GiftsAdmin) {
  return {
    create: (actor: Actor, body: GiftBody) => admin.createGift(actor, giftFields(body)),
    async update(actor: Actor, id: string, version: number, changes: GiftBody) {
      const stored = (await admin.giftForm(actor, id)).gift;
      return admin.updateGift(actor, id, version, giftFields(changes, stored));
    },
  };
}
