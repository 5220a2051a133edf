// The API's and the CLI's JSON body of an event as the service's fields: a PATCH's left-out fields are taken
// from the stored event.
import { keep, type Text } from '../../platform/http/record-writes.ts';
import type { EventFields } from './events.rules.ts';
import type { Event } from './events.schemas.ts';

export type EventBody = { [K in keyof Omit<EventFields, 'published'>]?: Text } & {
  published?: boolean | undefined;
};

export function eventFields(b: EventBody, s?: Event): EventFields {
  return {
    titleIt: keep(b.titleIt, s?.titleIt),
    titleEn: keep(b.titleEn, s?.titleEn),
    role: keep(b.role, s?.role),
    status: keep(b.status, s?.status),
    startsOn: keep(b.startsOn, s?.startsOn),
    startsAt: keep(b.startsAt, s?.startsAt),
    endsOn: keep(b.endsOn, s?.endsOn),
    endsAt: keep(b.endsAt, s?.endsAt),
    venue: keep(b.venue, s?.venue),
    city: keep(b.city, s?.city),
    // Fixed digits: a stored 0.0000001 written as 1e-7 would be refused as a point.
    coordinates: keep(
      b.coordinates,
      s?.point ? `${s.point.latitude.toFixed(7)}, ${s.point.longitude.toFixed(7)}` : null,
    ),
    partners: keep(b.partners, s?.partners),
    audienceIt: keep(b.audienceIt, s?.audienceIt),
    audienceEn: keep(b.audienceEn, s?.audienceEn),
    descriptionIt: keep(b.descriptionIt, s?.descriptionIt),
    descriptionEn: keep(b.descriptionEn, s?.descriptionEn),
    published: String(b.published ?? s?.published ?? false),
  };
}
