import {
  choice,
  day,
  fieldChecks,
  mapPoint,
  period,
  text,
  timeOfDay,
  yes,
} from '../../platform/field-rules.ts';
import type { events } from './events.table.ts';

export const EVENT_ROLES = ['organiser', 'co_organiser', 'supporter'] as const;
export const EVENT_STATUSES = ['proposed', 'confirmed', 'held', 'cancelled'] as const;

export type EventValues = Omit<
  typeof events.$inferInsert,
  'id' | 'institutionId' | 'version' | 'createdAt' | 'updatedAt' | 'example'
>;

/** What a person types in the event's form (or an API body, as text). */
export interface EventFields {
  titleIt: string;
  titleEn: string;
  role: string;
  status: string;
  startsOn: string;
  startsAt: string;
  endsOn: string;
  endsAt: string;
  venue: string;
  city: string;
  /** "43.7696, 11.2558" */
  coordinates: string;
  partners: string;
  audienceIt: string;
  audienceEn: string;
  descriptionIt: string;
  descriptionEn: string;
  published: string;
}

/** The event's own fields checked, every field at fault refused at once; the last day defaults to the first. */
export function checkedEvent(f: EventFields): EventValues {
  const c = fieldChecks();
  const startsOn = c.take(() => day('startsOn', f.startsOn, true)!);
  const endsOn = c.take(() => day('endsOn', f.endsOn, false)) ?? startsOn;
  const startsAt = c.take(() => timeOfDay('startsAt', f.startsAt));
  const endsAt = c.take(() => timeOfDay('endsAt', f.endsAt));
  if (startsOn && endsOn)
    // A same-day end before the start is the end time's fault: the days may both be right.
    c.take(() => period({ start: 'endsAt', end: 'endsOn' }, { startsOn, endsOn, startsAt, endsAt }));
  const point = c.take(() => mapPoint('coordinates', f.coordinates));
  const values: EventValues = {
    titleIt: c.take(() => text('titleIt', f.titleIt, 200, true)!),
    titleEn: c.take(() => text('titleEn', f.titleEn, 200)),
    role: c.take(() => choice('role', EVENT_ROLES, f.role)),
    status: c.take(() => choice('status', EVENT_STATUSES, f.status)),
    startsOn,
    startsAt,
    endsOn,
    endsAt,
    venue: c.take(() => text('venue', f.venue, 300)),
    city: c.take(() => text('city', f.city, 100)),
    latitude: point?.latitude ?? null,
    longitude: point?.longitude ?? null,
    partners: c.take(() => text('partners', f.partners, 1000)),
    audienceIt: c.take(() => text('audienceIt', f.audienceIt, 500)),
    audienceEn: c.take(() => text('audienceEn', f.audienceEn, 500)),
    descriptionIt: c.take(() => text('descriptionIt', f.descriptionIt, 10_000)),
    descriptionEn: c.take(() => text('descriptionEn', f.descriptionEn, 10_000)),
    published: yes(f.published),
  };
  c.done();
  return values;
}
