// What the back-office does beyond the registry services: every operation runs as the signed-in user's
// institution under row-level security, and every write is recorded in the audit log in the same transaction.

import { type Precision, todayIso } from '../../platform/dates.ts';
import type { Database } from '../../platform/db/client.ts';
import { containing } from '../../platform/db/search.ts';
import { AppError } from '../../platform/errors.ts';
import { type Actor, requireAdmin } from '../accounts/accounts.access.ts';
import type { AccountsService, Session } from '../accounts/accounts.service.ts';
import type { Role } from '../accounts/accounts.table.ts';
import { comingUp, type EntryRow, type OpenFollowUp } from '../agenda/agenda.service.ts';
import type { AgreementsAdmin } from '../agreements/agreements.admin.ts';
import {
  type AuditEntry,
  appendAudit,
  auditRows,
  type RecordName,
  type RecordNames,
} from '../audit/audit.service.ts';
import {
  type AnniversaryRow,
  agreementFigures,
  anniversaries,
  DORMANT_YEARS,
  dormantAgreements,
  type FeedbackCommentRow,
  type FeedbackPageRow,
  feedbackCommentCount,
  feedbackComments,
  feedbackPages,
  NAMED_ENTITIES,
  recordNames,
} from './admin.repository.ts';

export type { Actor } from '../accounts/accounts.access.ts';
export type { AuditEntry, RecordNames } from '../audit/audit.service.ts';
export type { FeedbackPageRow } from './admin.repository.ts';

/** An active agreement whose partner has had no activity recorded within DORMANT_YEARS. */
export interface DormantAgreement {
  id: string;
  kind: string;
  nameIt: string;
  nameEn: string;
  /** The partner's latest recorded activity and its precision; null when none is recorded. */
  lastOn: string | null;
  lastPrecision: Precision;
}

/** A comment left with the page-feedback widget. */
export interface FeedbackComment {
  page: string;
  rating: number;
  /** The follow-up answer chosen (0-4 within the positive or negative group the rating implies). */
  answer: number | null;
  comment: string;
  at: string;
}

export interface Dashboard {
  byStatus: { status: string; n: number }[];
  expiring: { id: string; nameIt: string; nameEn: string; endsOn: string }[];
  /** Still recorded as active, but the fixed term has ended with no renewal recorded. */
  needsReview: { id: string; nameIt: string; nameEn: string; endsOn: string }[];
  /** Recorded from sources the office has not yet checked. */
  toVerify: { id: string; nameIt: string; nameEn: string }[];
  dormant: DormantAgreement[];
  dormantYears: number;
  feedback: { pages: FeedbackPageRow[]; comments: FeedbackComment[]; commentCount: number };
  recent: AuditEntry[];
  recentNames: RecordNames;
  /** Visits, missions and meetings of the coming 30 days. */
  coming: EntryRow[];
  /** Open follow-ups due within 30 days, overdue or undated. */
  followUps: OpenFollowUp[];
  /** This year's round anniversaries of agreements in force. */
  anniversaries: AnniversaryRow[];
}

/** How many days ahead the dashboard's agenda looks. */
export const COMING_DAYS = 30;

/** Feedback comments the dashboard shows; the rest are on the feedback page, this many a page. */
export const DASHBOARD_COMMENTS = 5;
export const COMMENTS_PAGE = 25;
/** Pages listed with their feedback counts on the dashboard, the most answered first. */
const FEEDBACK_PAGES = 20;

const asComment = (r: FeedbackCommentRow): FeedbackComment => ({
  page: r.page,
  rating: r.rating,
  answer: r.answer,
  comment: r.comment,
  at: r.created_at,
});

/** The names of the records audit entries are about: one query per record type (in the open transaction). */
async function namesOf(database: Database, rows: AuditEntry[]): Promise<RecordNames> {
  const ids = new Map<string, string[]>();
  for (const r of rows) {
    if (!NAMED_ENTITIES.has(r.entity)) continue;
    const list = ids.get(r.entity) ?? [];
    list.push(r.entityId);
    ids.set(r.entity, list);
  }
  const known = new Map<string, RecordName>();
  for (const [entity, found] of await recordNames(database.query, ids)) {
    for (const n of found) {
      known.set(`${entity}:${n.id}`, { kind: n.kind ?? undefined, nameIt: n.name_it, nameEn: n.name_en });
    }
  }
  return { known, nameable: NAMED_ENTITIES };
}

/** Users shown per page on the users page. */
const USERS_PAGE = 25;

interface ShellDeps {
  database: Database;
  accounts: AccountsService;
}

/** Runs fn as the actor's institution under row-level security, in one transaction; and its audit entries. */
function staff(database: Database) {
  const asStaff = <T>(actor: Actor, fn: (institutionId: string) => Promise<T>): Promise<T> =>
    database.scoped({ institutionIds: [actor.institutionId] }, () => fn(actor.institutionId));
  const audit = (actor: Actor, institutionId: string, entry: Omit<AuditEntry, 'at' | 'actor'>) =>
    appendAudit(database.query, actor, [{ institutionId, ...entry }]);
  return { asStaff, audit };
}

/** Where a user may work, the dashboard and the audit log. */
function shellReads({ database }: ShellDeps) {
  const { asStaff } = staff(database);
  return {
    /**
     * The institutions a user can work in, with their figures: every one for a platform administrator,
     * otherwise those where the user holds a role. Read under row-level security limited to them.
     */
    async workplaces(user: Session['user']) {
      const ids = user.platformAdmin
        ? (await database.query<{ id: string }>('select id from institutions')).map((r) => r.id)
        : user.roles.map((r) => r.institutionId);
      if (ids.length === 0) return [];
      return database.scoped({ institutionIds: ids }, () =>
        database.query<{
          id: string;
          slug: string;
          name_it: string;
          name_en: string;
          agreements: number;
          published: number;
          users: number;
        }>(
          `select i.id, i.slug, i.name_it, i.name_en,
                  (select count(*)::int from agreements a where a.institution_id = i.id) as agreements,
                  (select count(*)::int from agreements a where a.institution_id = i.id and a.published) as published,
                  (select count(*)::int from user_roles r where r.institution_id = i.id) as users
             from institutions i where i.id = any($1::uuid[]) order by i.name_it`,
          [ids],
        ),
      );
    },

    dashboard(actor: Actor): Promise<Dashboard> {
      return asStaff(actor, async (institutionId) => {
        const { byStatus, expiring, ended, toVerify } = await agreementFigures(database.query);
        const dormant = await dormantAgreements(database.query);
        const comments = await feedbackComments(database.query, institutionId, DASHBOARD_COMMENTS, 0);
        const recent = await auditRows(database, 'institution_id = $1', [institutionId], 10);
        const agenda = await comingUp(database, institutionId, COMING_DAYS);
        const year = Number(todayIso().slice(0, 4));
        return {
          byStatus,
          expiring: expiring.map((r) => ({
            id: r.id,
            nameIt: r.name_it,
            nameEn: r.name_en,
            endsOn: r.ends_on,
          })),
          needsReview: ended.map((r) => ({
            id: r.id,
            nameIt: r.name_it,
            nameEn: r.name_en,
            endsOn: r.ends_on,
          })),
          toVerify: toVerify.map((r) => ({ id: r.id, nameIt: r.name_it, nameEn: r.name_en })),
          dormant: dormant.map((r) => ({
            id: r.id,
            kind: r.kind,
            nameIt: r.name_it,
            nameEn: r.name_en,
            lastOn: r.last_on,
            lastPrecision: (r.last_precision ?? 'unknown') as Precision,
          })),
          dormantYears: DORMANT_YEARS,
          feedback: {
            pages: await feedbackPages(database.query, institutionId, FEEDBACK_PAGES),
            comments: comments.map(asComment),
            commentCount: comments[0]?.total ?? 0,
          },
          recent,
          recentNames: await namesOf(database, recent),
          coming: agenda.entries,
          followUps: agenda.followUps,
          anniversaries: await anniversaries(database.query, year),
        };
      });
    },

    /** A page of the institution's page-feedback comments, newest first. */
    feedbackComments(actor: Actor, page: number) {
      return asStaff(actor, async (institutionId) => {
        const total = await feedbackCommentCount(database.query, institutionId);
        const pages = Math.max(1, Math.ceil(total / COMMENTS_PAGE));
        const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
        const rows = await feedbackComments(
          database.query,
          institutionId,
          COMMENTS_PAGE,
          (current - 1) * COMMENTS_PAGE,
        );
        return { comments: rows.map(asComment), total, page: current, pages };
      });
    },

    /** The institution's audit log, newest first (raw entries, for the CSV export). */
    auditLog(actor: Actor, limit = 500): Promise<AuditEntry[]> {
      return asStaff(actor, (institutionId) =>
        auditRows(database, 'institution_id = $1', [institutionId], limit),
      );
    },

    /** The institution's audit log, newest first, with the names of the records it mentions. */
    auditLogNamed(actor: Actor, limit = 500): Promise<{ rows: AuditEntry[]; names: RecordNames }> {
      return asStaff(actor, async (institutionId) => {
        const rows = await auditRows(database, 'institution_id = $1', [institutionId], limit);
        return { rows, names: await namesOf(database, rows) };
      });
    },
  };
}

/** The institution's users and API tokens (admins only). */
function usersAdmin({ database, accounts }: ShellDeps) {
  const { asStaff, audit } = staff(database);
  return {
    /** A page of the institution's users (row-level security limits them to those with a role there). */
    listUsers(actor: Actor, filters: { q?: string; role?: string; sort?: string; page?: number } = {}) {
      requireAdmin(actor);
      const orders: Record<string, string> = {
        email: 'lower(u.email)',
        name: 'lower(u.name), lower(u.email)',
        role: "array_position(array['admin','editor','viewer'], r.role), lower(u.email)",
      };
      const order = orders[filters.sort ?? 'email'] ?? orders['email']!;
      const asked = Math.trunc(filters.page ?? 1);
      const page = Number.isFinite(asked) ? Math.min(Math.max(1, asked), 100_000) : 1;
      const where = ['r.institution_id = $1'];
      const params: unknown[] = [actor.institutionId];
      if (filters.q) {
        params.push(containing(filters.q.toLowerCase()));
        where.push(`(lower(u.email) like $${params.length} or lower(u.name) like $${params.length})`);
      }
      if (filters.role) {
        params.push(filters.role);
        where.push(`r.role = $${params.length}`);
      }
      return asStaff(actor, async () => {
        const rows = await database.query<{
          id: string;
          email: string;
          name: string;
          role: Role;
          disabled: boolean;
          version: number;
          total: number;
        }>(
          `select u.id, u.email, u.name, r.role, u.disabled, u.version, count(*) over ()::int as total
             from users u join user_roles r on r.user_id = u.id
            where ${where.join(' and ')}
            order by ${order} limit ${USERS_PAGE} offset ${(page - 1) * USERS_PAGE}`,
          params,
        );
        return { users: rows, total: rows[0]?.total ?? 0, page, pageSize: USERS_PAGE };
      });
    },

    /**
     * Changes a user's role in the actor's institution, or removes their access to it (role null), at the
     * version the form started from. The institution always keeps at least one admin.
     */
    setUserRole(actor: Actor, userId: string, role: Role | null, version: number) {
      requireAdmin(actor);
      return asStaff(actor, async (institutionId) => {
        const [before] = await database.query<{ role: Role; version: number; email: string }>(
          `select r.role, u.version, u.email from users u join user_roles r on r.user_id = u.id
            where u.id = $1 and r.institution_id = $2 for update of u`,
          [userId, institutionId],
        );
        if (!before) throw AppError.notFound('User', userId);
        if (before.version !== version) {
          throw new AppError(
            'version_conflict',
            `The user was changed by someone else (now at version ${before.version})`,
            {
              field: 'version',
              details: { currentVersion: before.version, current: { role: before.role } },
            },
          );
        }
        if (before.role === 'admin' && role !== 'admin') {
          const [{ n } = { n: 0 }] = await database.query<{ n: number }>(
            `select count(*)::int as n from user_roles where institution_id = $1 and role = 'admin'`,
            [institutionId],
          );
          if (n <= 1)
            throw new AppError('conflict', 'The institution must keep at least one admin', { field: 'role' });
        }
        // The version lives on the user, so two admins editing the same person cannot overwrite each other;
        // bumped first, while the user is still visible under row-level security.
        await database.query('update users set version = version + 1 where id = $1', [userId]);
        if (role) {
          await database.query('update user_roles set role = $3 where user_id = $1 and institution_id = $2', [
            userId,
            institutionId,
            role,
          ]);
        } else {
          await database.query('delete from user_roles where user_id = $1 and institution_id = $2', [
            userId,
            institutionId,
          ]);
        }
        await audit(actor, institutionId, {
          action: role ? 'change_role' : 'remove_access',
          entity: 'user',
          entityId: userId,
          before: { email: before.email, role: before.role, version: before.version },
          after: role ? { role, version: before.version + 1 } : undefined,
        });
      });
    },

    listTokens(actor: Actor) {
      requireAdmin(actor);
      return asStaff(actor, () =>
        database.query<{
          id: string;
          name: string;
          scope: string;
          created_at: string;
          last_used_at: string | null;
          revoked_at: string | null;
        }>(
          `select id, name, scope, created_at::text, last_used_at::text, revoked_at::text
             from api_tokens order by created_at desc`,
        ),
      );
    },

    async createToken(actor: Actor, input: { name: string; scope: 'read' | 'write' }) {
      requireAdmin(actor);
      return accounts.createApiToken({
        institution: actor.institutionSlug,
        name: input.name,
        scope: input.scope,
        ...(actor.userId ? { createdBy: actor.userId } : {}),
        actor,
      });
    },

    revokeToken(actor: Actor, id: string) {
      requireAdmin(actor);
      // Under row-level security another institution's token is simply not found.
      return asStaff(actor, () => accounts.revokeApiToken(id, actor));
    },
  };
}

/**
 * The back-office shell's use cases. The agreements' ones (agreements.admin.ts) are reachable here too, under
 * the names the pages and tests have always called.
 */
export function createAdminService(deps: ShellDeps & { agreementsAdmin: AgreementsAdmin }) {
  return {
    ...deps.agreementsAdmin,
    asStaff: staff(deps.database).asStaff,
    ...shellReads(deps),
    ...usersAdmin(deps),
  };
}

export type AdminService = ReturnType<typeof createAdminService>;
