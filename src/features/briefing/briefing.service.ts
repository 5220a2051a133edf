// The briefing pack of a visit, mission or meeting, for the mayor: what it is and its programme, each partner
// concerned with its country and place, every agreement with it and its status history, what was done with it
// before and with what outcome, the follow-ups still open, and the networks concerned. Read as the actor's
// institution under row-level security; drawn as a PDF by briefing.pdf.ts.
import type { Database } from '../../platform/db/client.ts';
import type { Actor } from '../accounts/accounts.access.ts';
import type { Agreement } from '../agreements/agreements.schemas.ts';
import type { AgreementsService } from '../agreements/agreements.service.ts';
import type { CounterpartsService } from '../counterparts/counterparts.service.ts';
import type { MeetingsService } from '../meetings/meetings.service.ts';
import type { MissionsService } from '../missions/missions.service.ts';
import type { PlacesService } from '../places/places.service.ts';
import type { VisitsService } from '../visits/visits.service.ts';
import type { BriefingRepository, GiftLine, OpenRow, PastRow } from './briefing.repository.ts';

export type BriefingKind = 'visit' | 'mission' | 'meeting';

export interface BriefingData {
  kind: BriefingKind;
  subject: {
    id: string;
    titleIt: string;
    titleEn: string | null;
    status: string;
    startsOn: string;
    startsAt: string | null;
    endsOn: string;
    endsAt: string | null;
    purposeIt: string | null;
    purposeEn: string | null;
    /** Who: the head of a delegation, a mission's travellers, who came to a meeting. */
    people: string[];
    /** Where: a mission's destinations, a meeting's place. */
    where: string | null;
  };
  programme: {
    day: string;
    startsAt: string | null;
    endsAt: string | null;
    activityIt: string;
    activityEn: string | null;
    place: string | null;
    tour: boolean;
  }[];
  partners: {
    nameIt: string;
    nameEn: string;
    country: { code: string; nameIt: string; nameEn: string } | null;
    place: { lat: number; lon: number; name: string } | null;
  }[];
  agreements: Agreement[];
  past: PastRow[];
  open: OpenRow[];
  gifts: GiftLine[];
  networks: { nameIt: string; nameEn: string }[];
}

export function createBriefing(deps: {
  database: Database;
  repo: BriefingRepository;
  visits: VisitsService;
  missions: MissionsService;
  meetings: MeetingsService;
  counterparts: CounterpartsService;
  agreements: AgreementsService;
  places: PlacesService;
}) {
  const { database, repo, visits, missions, meetings, counterparts, agreements, places } = deps;

  /** The record itself, and the partners it concerns, as the pack tells them. */
  async function subjectOf(institutionId: string, kind: BriefingKind, id: string) {
    if (kind === 'visit') {
      const v = await visits.detail(institutionId, id);
      return {
        record: v,
        partnerIds: v.counterpart ? [v.counterpart.id] : [],
        places: [] as number[],
        people: [v.headName && [v.headName, v.headTitle].filter(Boolean).join(', ')].filter(
          (x): x is string => !!x,
        ),
        where: null,
        endsOn: v.endsOn,
        endsAt: v.endsAt,
        purposeIt: v.purposeIt,
        purposeEn: v.purposeEn,
        programme: v.programme.map((i) => ({
          day: i.day,
          startsAt: i.startsAt,
          endsAt: i.endsAt,
          activityIt: i.activityIt,
          activityEn: i.activityEn,
          place: i.place,
          tour: i.kind === 'tour',
        })),
        networks: v.networks,
      };
    }
    if (kind === 'mission') {
      const m = await missions.detail(institutionId, id);
      const places = m.destinations.map((d) => d.geonamesId);
      return {
        record: m,
        partnerIds: await repo.partnersAt(institutionId, places),
        places,
        people: m.travellers.map((t) => [t.name, t.role].filter(Boolean).join(', ')),
        where: m.destinations.map((d) => d.nameIt).join(', '),
        endsOn: m.endsOn,
        endsAt: m.endsAt,
        purposeIt: m.purposeIt,
        purposeEn: m.purposeEn,
        programme: [],
        networks: m.networks,
      };
    }
    const g = await meetings.detail(institutionId, id);
    return {
      record: g,
      partnerIds: g.counterpart ? [g.counterpart.id] : [],
      places: [] as number[],
      people: [g.participants].filter((x): x is string => !!x),
      where: g.place,
      endsOn: g.startsOn,
      endsAt: g.endsAt,
      purposeIt: g.topicsIt,
      purposeEn: g.topicsEn,
      programme: [],
      networks: g.networks,
    };
  }

  return {
    pack(actor: Actor, kind: BriefingKind, id: string): Promise<BriefingData> {
      return database.scoped({ institutionIds: [actor.institutionId] }, async () => {
        const institutionId = actor.institutionId;
        const s = await subjectOf(institutionId, kind, id);
        const partners = await Promise.all(s.partnerIds.map((p) => counterparts.detail(institutionId, p)));
        const agreementRows = (
          await Promise.all(s.partnerIds.map((p) => counterparts.agreementsOf(institutionId, p)))
        ).flat();
        const full = await Promise.all(
          agreementRows.map((a) => agreements.get(a.id, { includeUnpublished: true })),
        );
        const placeIds = [...new Set([...s.places, ...(await repo.placesOf(s.partnerIds))])];
        const past = await repo.past(institutionId, s.partnerIds, placeIds, s.record.startsOn, id);
        const open = await repo.open([id, ...past.map((p) => p.id)]);
        const gifts = await repo.gifts(institutionId, s.partnerIds, [id, ...past.map((p) => p.id)]);
        const located = new Map(
          await Promise.all(
            partners
              .filter((p) => p.place)
              .map(async (p) => [p.id, await places.get(p.place!.geonamesId)] as const),
          ),
        );
        return {
          kind,
          subject: {
            id,
            titleIt: s.record.titleIt,
            titleEn: s.record.titleEn,
            status: s.record.status,
            startsOn: s.record.startsOn,
            startsAt: s.record.startsAt,
            endsOn: s.endsOn,
            endsAt: s.endsAt,
            purposeIt: s.purposeIt,
            purposeEn: s.purposeEn,
            people: s.people,
            where: s.where,
          },
          programme: s.programme,
          partners: partners.map((p) => {
            const place = located.get(p.id);
            return {
              nameIt: p.nameIt,
              nameEn: p.nameEn,
              country: p.country,
              place: place ? { lat: place.lat, lon: place.lon, name: place.nameIt } : null,
            };
          }),
          agreements: full,
          past,
          open,
          gifts,
          networks: s.networks,
        };
      });
    },
  };
}

export type Briefing = ReturnType<typeof createBriefing>;
