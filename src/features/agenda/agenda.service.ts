// What the agenda's record types (visits, missions, meetings) share: the agreements and networks a record
// concerns, checked on write (the institution's agreements, the catalogue's networks) and read by join; and
// the calendar of all three (month and week) with its feeds: public per institution, private per person.
import { createHash, randomBytes } from 'node:crypto';
import { todayIso } from '../../platform/dates.ts';
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { UUID } from '../../platform/field-rules.ts';
import type { Lang } from '../../platform/i18n.ts';
import type { Actor } from '../accounts/accounts.access.ts';
import { staffWork } from '../audit/audit.service.ts';
import type { InstitutionsService } from '../institutions/institutions.service.ts';
import { agendaIcs } from './agenda.ics.ts';
import {
  type AgendaRepository,
  agendaEntries,
  type EntryRow,
  feedQueries,
  feedStamp,
} from './agenda.repository.ts';
import { createFollowUpsRepository } from './follow-ups.repository.ts';

export type { EntryRow } from './agenda.repository.ts';
export type { OpenFollowUp } from './follow-ups.repository.ts';

/** An agreement a record concerns, with its partner's names. */
export interface LinkedAgreement {
  id: string;
  kind: string;
  counterpartIt: string;
  counterpartEn: string;
}

export interface LinkedNetwork {
  id: string;
  nameIt: string;
  nameEn: string;
}

export function createAgendaLinks({ repo }: { repo: AgendaRepository }) {
  return {
    /** The ids without repeats, each one of the institution's agreements or the catalogue's networks. */
    async checked(institutionId: string, agreementIds: readonly string[], networkIds: readonly string[]) {
      const agreements = [...new Set(agreementIds)];
      const networks = [...new Set(networkIds)];
      if (
        agreements.some((id) => !UUID.test(id)) ||
        (await repo.agreements(institutionId, agreements)).length !== agreements.length
      ) {
        throw AppError.invalid('agreementIds', 'Choose agreements of your institution');
      }
      if (
        networks.some((id) => !UUID.test(id)) ||
        (await repo.networks(networks)).length !== networks.length
      ) {
        throw AppError.invalid('networkIds', 'Choose networks of the catalogue');
      }
      return { agreementIds: agreements, networkIds: networks };
    },

    /** The agreements and networks a record names (one since deleted is left out). */
    async read(institutionId: string, agreementIds: readonly string[], networkIds: readonly string[]) {
      const [agreements, networks] = await Promise.all([
        repo.agreements(institutionId, agreementIds),
        repo.networks(networkIds),
      ]);
      return { agreements: agreements as LinkedAgreement[], networks: networks as LinkedNetwork[] };
    },

    /** What a form offers to link. */
    choices: (institutionId: string) => repo.choices(institutionId),
  };
}

export type AgendaLinks = ReturnType<typeof createAgendaLinks>;

// ── The calendar and its feeds ───────────────────────────────────────────────────────────────────────────

/** The days of a month's grid: from the Monday on or before the 1st to the Sunday on or after its last day. */
export function monthGrid(month: string): { first: string; last: string; days: string[] } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const start = new Date(Date.UTC(y, m - 1, 1));
  start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7));
  const end = new Date(Date.UTC(y, m, 0));
  end.setUTCDate(end.getUTCDate() + ((7 - end.getUTCDay()) % 7));
  const days: string[] = [];
  for (const d = new Date(start); d <= end; d.setUTCDate(d.getUTCDate() + 1))
    days.push(d.toISOString().slice(0, 10));
  return { first: days[0]!, last: days.at(-1)!, days };
}

/** The seven days of the week that holds `day`, Monday first. */
export function weekOf(day: string): string[] {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return Array.from({ length: 7 }, (_, i) => {
    const x = new Date(d);
    x.setUTCDate(d.getUTCDate() + i);
    return x.toISOString().slice(0, 10);
  });
}

/** An entry as the public may see it: without its internal details. */
export type PublicEntry = Omit<EntryRow, 'internal' | 'published' | 'example'>;

/** How far back a feed reaches: a calendar needs the past year, not ten. */
const FEED_PAST_DAYS = 366;
const FAR_FUTURE = '9999-12-31';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export function createAgendaService({
  database,
  institutions,
}: {
  database: Database;
  institutions: InstitutionsService;
}) {
  const { asStaff, audit } = staffWork(database);
  const feeds = feedQueries(database.query);
  // Writing a feed of hundreds of events takes ical-generator a tenth of a second or more; calendars poll the
  // same feed again and again, so the text is kept until what it depends on changes (feedStamp).
  const written = new Map<string, { stamp: string; body: string }>();
  const feedOf = async (key: string, institutionId: string, make: () => Promise<string>) => {
    const stamp = await feedStamp(database.query, institutionId);
    const kept = written.get(key);
    if (kept?.stamp === stamp) return kept.body;
    const body = await make();
    if (written.size >= 500) written.delete(written.keys().next().value!);
    written.set(key, { stamp, body });
    return body;
  };
  const since = () => {
    const d = new Date(`${todayIso()}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() - FEED_PAST_DAYS);
    return d.toISOString().slice(0, 10);
  };

  return {
    /** The entries of the actor's institution over [from, to], everything the staff may see. */
    entries: (actor: Actor, from: string, to: string) =>
      asStaff(actor, (institutionId) => agendaEntries(database.query, institutionId, from, to, false)),

    /** What the portal shows: the published entries of the past two years and the future, no internal field. */
    async publicEntries(institutionId: string): Promise<PublicEntry[]> {
      const from = new Date(`${todayIso()}T00:00:00Z`);
      from.setUTCFullYear(from.getUTCFullYear() - 2);
      const rows = await agendaEntries(
        database.query,
        institutionId,
        from.toISOString().slice(0, 10),
        FAR_FUTURE,
        true,
      );
      return rows.map(({ internal: _internal, published: _published, example: _example, ...rest }) => rest);
    },

    /** The public feed of an institution: published records only, no internal field. */
    async publicFeed(institution: string, lang: Lang): Promise<string> {
      const inst = await institutions.get(institution);
      return feedOf(`public|${inst.id}|${lang}`, inst.id, async () => {
        const entries = await agendaEntries(database.query, inst.id, since(), FAR_FUTURE, true);
        const name = `${lang === 'en' ? inst.nameEn : inst.nameIt} — ${lang === 'en' ? 'International agenda' : 'Agenda internazionale'}`;
        return agendaIcs(entries, { name, lang, internal: false });
      });
    },

    /**
     * A person's private feed: everything their institution's staff see, internal details included; undefined
     * for a secret that is unknown, revoked, or whose holder no longer works there.
     */
    async privateFeed(token: string, lang: Lang, link: (e: EntryRow) => string): Promise<string | undefined> {
      if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
      return database.transaction(async () => {
        const feed = await feeds.open(sha256(token));
        if (!feed) return undefined;
        return feedOf(`private|${feed.institution_id}|${lang}`, feed.institution_id, async () => {
          const entries = await agendaEntries(
            database.query,
            feed.institution_id,
            since(),
            FAR_FUTURE,
            false,
          );
          const name = `${lang === 'en' ? feed.name_en : feed.name_it} — ${lang === 'en' ? 'Agenda (staff)' : 'Agenda (uso interno)'}`;
          return agendaIcs(entries, { name, lang, internal: true, link });
        });
      });
    },

    /** Whether the actor has a live private feed, and since when. */
    feedOf: (actor: Actor) =>
      asStaff(actor, async (institutionId) =>
        actor.userId ? feeds.current(actor.userId, institutionId) : undefined,
      ),

    /** A new secret address for the actor (a person, not a token), revoking the previous one; returned once. */
    issueFeed(actor: Actor): Promise<string> {
      const userId = actor.userId;
      if (!userId) throw new AppError('forbidden', 'Only a person signed in has a calendar feed');
      return asStaff(actor, async (institutionId) => {
        const token = randomBytes(32).toString('base64url');
        const id = await feeds.issue(userId, institutionId, sha256(token));
        await audit(actor, {
          action: 'create',
          entity: 'calendar_feed',
          entityId: id,
          before: undefined,
          after: undefined,
        });
        return token;
      });
    },

    revokeFeed(actor: Actor): Promise<void> {
      const userId = actor.userId;
      if (!userId) throw new AppError('forbidden', 'Only a person signed in has a calendar feed');
      return asStaff(actor, async (institutionId) => {
        for (const id of await feeds.revoke(userId, institutionId)) {
          await audit(actor, {
            action: 'revoke',
            entity: 'calendar_feed',
            entityId: id,
            before: undefined,
            after: undefined,
          });
        }
      });
    },
  };
}

export type AgendaService = ReturnType<typeof createAgendaService>;

/** What the dashboard leads with: the entries of the coming days, and the open follow-ups due by then. */
export async function comingUp(database: Database, institutionId: string, days: number) {
  const today = todayIso();
  const until = new Date(`${today}T00:00:00Z`);
  until.setUTCDate(until.getUTCDate() + days);
  const last = until.toISOString().slice(0, 10);
  const entries = await agendaEntries(database.query, institutionId, today, last, false);
  const followUps = await createFollowUpsRepository(database.db, database.query).open(
    institutionId,
    last,
    20,
  );
  return { entries, followUps };
}

/** A follow-up written outside a person's session (the examples' loader), in the caller's transaction. */
export function addFollowUpAs(
  database: Database,
  institutionId: string,
  subject: { kind: 'visit' | 'mission' | 'meeting'; id: string },
  values: { action: string; owner: string | null; dueOn: string | null },
) {
  return createFollowUpsRepository(database.db, database.query).insert(
    institutionId,
    subject.kind,
    subject.id,
    {
      ...values,
      doneOn: null,
    },
  );
}
