// The agenda as an iCalendar feed (RFC 5545), written with ical-generator: one event per visit, mission or
// meeting, in Europe/Rome (its VTIMEZONE included), with a UID that stays across edits and a SEQUENCE that
// rises with each one; a cancelled record stays as STATUS:CANCELLED, a proposed one is TENTATIVE. A day without
// a time is an all-day event.
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus } from 'ical-generator';
import type { Lang } from '../../platform/i18n.ts';
import type { EntryRow } from './agenda.repository.ts';

const ZONE = 'Europe/Rome';

const STATUS = {
  proposed: ICalEventStatus.TENTATIVE,
  confirmed: ICalEventStatus.CONFIRMED,
  held: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
} as const;

/** The day after an ISO day: an all-day event's end is exclusive. */
function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** A timed entry's end: its end time, else the end of a later last day, else an hour after the start (same day). */
function endOf(e: EntryRow): string {
  if (e.ends_at) return `${e.ends_on}T${e.ends_at}:00`;
  if (e.ends_on !== e.starts_on) return `${e.ends_on}T23:59:00`;
  const [h, m] = e.starts_at!.split(':').map(Number) as [number, number];
  const end = Math.min(h * 60 + m + 60, 23 * 60 + 59);
  return `${e.ends_on}T${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}:00`;
}

const KINDS = {
  it: { visit: 'Visita', mission: 'Missione', meeting: 'Incontro', event: 'Evento' },
  en: { visit: 'Visit', mission: 'Mission', meeting: 'Meeting', event: 'Event' },
} as const;

export interface FeedOptions {
  name: string;
  lang: Lang;
  /** The back-office address of each record, for the private feed. */
  link?: (e: EntryRow) => string;
  /** Whether internal details go in the descriptions (the private feed). */
  internal: boolean;
}

/** LOCATION from the place's words and, for an event placed on the map, GEO from its point. */
function locationOf(e: EntryRow, where: string | null) {
  if (e.latitude !== null && e.longitude !== null) {
    const geo = { lat: e.latitude, lon: e.longitude };
    return { location: where ? { title: where, geo } : { geo } };
  }
  return where ? { location: where } : {};
}

export function agendaIcs(entries: readonly EntryRow[], o: FeedOptions): string {
  const calendar = ical({
    name: o.name,
    prodId: { company: 'Ponte', product: 'agenda', language: o.lang.toUpperCase() },
    ttl: 60 * 60,
  });
  // With no calendar-wide zone, DTSTAMP and LAST-MODIFIED stay in UTC; the events' zone brings its VTIMEZONE.
  calendar.timezone({ name: null, generator: getVtimezoneComponent });
  for (const e of entries) {
    const title = o.lang === 'en' ? (e.title_en ?? e.title_it) : e.title_it;
    const party = o.lang === 'en' ? e.party_en : e.party_it;
    const about = o.lang === 'en' ? (e.about_en ?? e.about_it) : e.about_it;
    const timed = e.starts_at !== null;
    const description = [party, about, o.internal ? e.internal : null].filter(Boolean).join('\n\n');
    calendar.createEvent({
      // The record's own id keeps the UID unique everywhere and the same across edits.
      id: `${e.kind}-${e.id}@ponte`,
      sequence: e.version - 1,
      stamp: new Date(e.updated_at),
      lastModified: new Date(e.updated_at),
      summary: `${KINDS[o.lang][e.kind]}: ${title}`,
      ...(timed
        ? {
            start: `${e.starts_on}T${e.starts_at}:00`,
            end: endOf(e),
            timezone: ZONE,
          }
        : { start: e.starts_on, end: nextDay(e.ends_on), allDay: true }),
      status: STATUS[e.status],
      ...(description ? { description } : {}),
      ...locationOf(e, o.lang === 'en' ? e.where_en : e.where_it),
      ...(o.link ? { url: o.link(e) } : {}),
    });
  }
  return calendar.toString();
}
