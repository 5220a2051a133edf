// Projects: the rules of a project (its code unique in the institution, kind, role, status, period, countries,
// budget as exact decimals), its partners from the registry or named here, its co-funding by source and its
// budget per year, by institution id; the public list and the IATI activity file of its cooperation
// projects; and the back-office's and the API's use cases (createProjectsAdmin): as the actor's institution
// under row-level security, role-checked, versioned and audited.
import { stringify } from 'csv-stringify/sync';
import { guardCell } from '../../platform/csv.ts';
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { amount, fieldChecks, text, UUID } from '../../platform/field-rules.ts';
import { pageOf } from '../../platform/paging.ts';
import { type Actor, canWrite, requireWriter } from '../accounts/accounts.access.ts';
import { HISTORY_LIMIT, recordHistory, staffWork } from '../audit/audit.service.ts';
import type { CounterpartsService } from '../counterparts/counterparts.service.ts';
import type { InstitutionsService } from '../institutions/institutions.service.ts';
import { countryCode } from '../places/places.service.ts';
import { type IatiOrganisation, type IatiProject, iatiActivities } from './projects.iati.ts';
import {
  PROJECT_SORTS,
  type ProjectFilter,
  type ProjectParts,
  type ProjectRow,
  type ProjectSort,
  type ProjectsRepository,
} from './projects.repository.ts';
import { checkedProject, PARTNER_ROLES, type ProjectFields, projectYears } from './projects.rules.ts';
import type { Project } from './projects.schemas.ts';

export { PROJECT_SORTS, type ProjectSort } from './projects.repository.ts';
export { PROJECT_KINDS, PROJECT_STATUSES, type ProjectFields } from './projects.rules.ts';

export interface ProjectRecord extends Project {
  example: boolean;
  version: number;
}

/** A project as the back-office list shows it. */
export interface ProjectSummary
  extends Pick<
    ProjectRecord,
    | 'id'
    | 'code'
    | 'kind'
    | 'titleIt'
    | 'titleEn'
    | 'status'
    | 'startsOn'
    | 'endsOn'
    | 'published'
    | 'example'
  > {
  partnerCount: number;
}

export interface ProjectListQuery {
  q?: string | undefined;
  status?: string | undefined;
  kind?: string | undefined;
  country?: string | undefined;
  sort?: ProjectSort | undefined;
  page?: number | undefined;
}

export interface PartnerFields {
  counterpartId?: string | null | undefined;
  name?: string | null | undefined;
  role: string;
  country?: string | null | undefined;
}

const stale = (current: ProjectRecord, version: number) =>
  new AppError(
    'version_conflict',
    `The project was changed by someone else (now at version ${current.version}, you started from ${version})`,
    { field: 'version', details: { currentVersion: current.version, current } },
  );

/** A project's record from its row and its parts. */
function recordOf(r: ProjectRow, parts: ProjectParts): ProjectRecord {
  return {
    id: r.id,
    code: r.code,
    kind: r.kind,
    titleIt: r.titleIt,
    titleEn: r.titleEn,
    descriptionIt: r.descriptionIt,
    descriptionEn: r.descriptionEn,
    funder: r.funder,
    role: r.role,
    status: r.status,
    startsOn: r.startsOn,
    endsOn: r.endsOn,
    countries: r.countries,
    currency: r.currency,
    totalBudget: r.totalBudget,
    ownShare: r.ownShare,
    resultsIt: r.resultsIt,
    resultsEn: r.resultsEn,
    documents: r.documents,
    partners: parts.partners.map((p) => ({
      id: p.id,
      counterpartId: p.counterpartId,
      name: p.name,
      role: p.role,
      country: p.country,
    })),
    funding: parts.funding.map((f) => ({ id: f.id, source: f.source, amount: f.amount })),
    years: parts.years.map((y) => ({ year: y.year, amount: y.amount })),
    published: r.published,
    updatedAt: new Date(r.updatedAt).toISOString(),
    example: r.example,
    version: r.version,
  };
}

/** Projects with their partners, funding and years, read in three queries for any number of them. */
async function assembled(repo: ProjectsRepository, rows: ProjectRow[]): Promise<ProjectRecord[]> {
  const { partners, funding, years } = await repo.parts(rows.map((r) => r.id));
  return rows.map((r) =>
    recordOf(r, {
      partners: partners.filter((p) => p.projectId === r.id),
      funding: funding.filter((f) => f.projectId === r.id),
      years: years.filter((y) => y.projectId === r.id),
    }),
  );
}

/** A project as an IATI activity: the institution's role and its partners as participating organisations. */
function iatiOf(p: ProjectRecord, org: IatiOrganisation, url: string | null): IatiProject {
  const role = {
    lead: 'implementing',
    partner: 'implementing',
    associate: 'implementing',
    funder: 'funding',
  } as const;
  return {
    id: p.id,
    code: p.code,
    titleIt: p.titleIt,
    titleEn: p.titleEn,
    descriptionIt: p.descriptionIt,
    descriptionEn: p.descriptionEn,
    status: p.status,
    startDate: p.startsOn,
    endDate: p.endsOn,
    countries: p.countries,
    participants: [
      // The institution itself carries the activity out, whatever else takes part.
      { name: org.nameIt, role: 'implementing' as const, ref: org.ref, typeCode: org.typeCode },
      ...(p.funder ? [{ name: p.funder, role: 'funding' as const }] : []),
      ...p.partners.map((x) => ({ name: x.name, role: role[x.role], country: x.country })),
    ],
    currency: p.currency,
    totalBudget: p.totalBudget,
    yearBudgets: p.years,
    url,
    updatedAt: p.updatedAt,
  };
}

/**
 * A page of the list and the count of all it matched, in one scan, read by `read` (the back-office's summaries
 * or the API's full records); a page past the end gives the last.
 */
async function listRows<R extends { total: number }>(
  repo: ProjectsRepository,
  read: (f: ProjectFilter, o: { sort: ProjectSort; limit: number; offset: number }) => Promise<R[]>,
  institutionId: string,
  query: ProjectListQuery,
) {
  const filter: ProjectFilter = {
    institutionId,
    q: query.q?.trim() || undefined,
    status: query.status || undefined,
    kind: query.kind || undefined,
    country: query.country || undefined,
  };
  const sort = query.sort && PROJECT_SORTS.includes(query.sort) ? query.sort : '-starts';
  const wanted = pageOf(Number.MAX_SAFE_INTEGER, query.page);
  let rows = await read(filter, { sort, limit: wanted.pageSize, offset: wanted.offset });
  // Past the end the count comes with no row: count, then read the last page.
  if (rows.length === 0 && wanted.page > 1) {
    const last = pageOf(await repo.count(filter), query.page);
    rows = await read(filter, { sort, limit: last.pageSize, offset: last.offset });
  }
  return { rows, at: pageOf(rows[0]?.total ?? 0, query.page) };
}

export function createProjectsService(deps: {
  repo: ProjectsRepository;
  counterparts: Pick<CounterpartsService, 'byIds' | 'list'>;
  institutions: Pick<InstitutionsService, 'get'>;
}) {
  const { repo, counterparts, institutions } = deps;

  async function project(institutionId: string, id: string): Promise<ProjectRecord> {
    const row = UUID.test(id) ? await repo.byId(institutionId, id) : undefined;
    if (!row) throw AppError.notFound('Project', id);
    return (await assembled(repo, [row]))[0]!;
  }

  async function uniqueCode(institutionId: string, code: string, exceptId?: string) {
    if (await repo.withCode(institutionId, code, exceptId))
      throw new AppError('conflict', `A project "${code}" already exists`, {
        field: 'code',
        details: { reason: 'taken' },
      });
  }

  async function bump(institutionId: string, id: string, version: number) {
    if (!(await repo.update(institutionId, id, version, {})))
      throw stale(await project(institutionId, id), version);
  }

  return {
    project,

    /** A page of the back-office list: the projects' own fields and their number of partners. */
    async summaries(institutionId: string, query: ProjectListQuery) {
      const { rows, at } = await listRows(repo, repo.listPage, institutionId, query);
      const items = rows.map(
        ({ total: _t, partnerCount, ...r }): ProjectSummary => ({
          id: r.id,
          code: r.code,
          kind: r.kind,
          titleIt: r.titleIt,
          titleEn: r.titleEn,
          status: r.status,
          startsOn: r.startsOn,
          endsOn: r.endsOn,
          published: r.published,
          example: r.example,
          partnerCount,
        }),
      );
      return { items, total: at.total, page: at.page, pages: at.pages, pageSize: at.pageSize };
    },

    /** A page of projects with their partners, funding and years (the API's list). */
    async page(institutionId: string, query: ProjectListQuery) {
      const { rows, at } = await listRows(repo, repo.fullPage, institutionId, query);
      const items = rows.map((r) => recordOf(r, r));
      return { items, total: at.total, page: at.page, pages: at.pages, pageSize: at.pageSize };
    },

    /** An institution's published projects (never an example), newest first: the portal's and the open data's. */
    async published(institutionId: string): Promise<ProjectRecord[]> {
      const rows = await repo.page({ institutionId, publishedOnly: true }, { sort: '-starts' });
      return assembled(repo, rows);
    },

    /** The IATI 2.03 activities of the institution's published cooperation projects. */
    async iati(slug: string, now: Date, urlOf: (p: ProjectRecord) => string | null): Promise<string> {
      const inst = await institutions.get(slug);
      if (!inst.taxCode)
        throw new AppError('conflict', 'The institution has no tax code: IATI names the publisher by it', {
          details: { reason: 'no_tax_code' },
        });
      const org: IatiOrganisation = {
        // The Italian registration agency's prefix (IT-CF: codice fiscale) makes the publisher's IATI ref.
        ref: `IT-CF-${inst.taxCode}`,
        nameIt: inst.nameIt,
        nameEn: inst.nameEn,
        // IATI's OrganisationType 11: local government (municipalities, metropolitan cities, regions).
        typeCode: '11',
      };
      const rows = await repo.page(
        { institutionId: inst.id, publishedOnly: true, kind: 'cooperation' },
        { sort: 'starts' },
      );
      // IATI needs a start date: a project without one is left out until it has one.
      const exportable = (await assembled(repo, rows)).filter(
        (p) => ['approved', 'running', 'closed'].includes(p.status) && p.startsOn,
      );
      if (exportable.length === 0)
        throw new AppError(
          'not_found',
          'No published cooperation project is approved, running or closed yet',
          {
            details: { reason: 'none' },
          },
        );
      try {
        return iatiActivities(
          org,
          exportable.map((p) => iatiOf(p, org, urlOf(p))),
          now,
        );
      } catch (err) {
        // A rule of the standard the stored projects break (the writer names the project and the field).
        throw new AppError('conflict', `The IATI file cannot be written: ${(err as Error).message}`, {
          details: { reason: 'iati' },
          cause: err,
        });
      }
    },

    async create(institutionId: string, fields: ProjectFields, example = false): Promise<ProjectRecord> {
      const values = checkedProject(fields);
      if (example && values.published)
        throw AppError.invalid('published', 'An example is never published', { reason: 'example' });
      await uniqueCode(institutionId, values.code);
      const made = await repo.insert(institutionId, { ...values, example });
      return project(institutionId, made.id);
    },

    async update(institutionId: string, id: string, version: number, fields: ProjectFields) {
      const before = await project(institutionId, id);
      const values = checkedProject(fields);
      if (before.example && values.published)
        throw AppError.invalid('published', 'An example is never published', { reason: 'example' });
      await uniqueCode(institutionId, values.code, id);
      if (!(await repo.update(institutionId, id, version, values))) throw stale(before, version);
      // A narrowed period drops the budget of the years it no longer covers.
      const kept = projectYears(values.startsOn ?? null, values.endsOn ?? null);
      const dropped = before.years
        .filter((y) => !kept.includes(y.year))
        .map((y) => ({ year: y.year, amount: null }));
      if (dropped.length > 0) await repo.putYears(institutionId, id, dropped);
      return project(institutionId, id);
    },

    async remove(institutionId: string, id: string, version: number): Promise<ProjectRecord> {
      const before = await project(institutionId, id);
      if (before.version !== version) throw stale(before, version);
      if (!(await repo.remove(institutionId, id, version)))
        throw stale(await project(institutionId, id), version);
      return before;
    },

    ...projectParts({ repo, counterparts, project, bump }),

    /** The institution's projects as records an objective can be linked to. */
    targets: (institutionId: string, ids?: string[]) => repo.targets(institutionId, ids),
  };
}

/**
 * A project's parts: its partners (from the registry or named), its co-funding and its budget per year, each
 * write at the project's version.
 */
function projectParts(deps: {
  repo: ProjectsRepository;
  counterparts: Pick<CounterpartsService, 'byIds' | 'list'>;
  project: (institutionId: string, id: string) => Promise<ProjectRecord>;
  bump: (institutionId: string, id: string, version: number) => Promise<void>;
}) {
  const { repo, counterparts, project, bump } = deps;

  /** A partner checked: a counterpart of the institution (its name and country by default) or a name. */
  async function checkedPartner(institutionId: string, f: PartnerFields) {
    const c = fieldChecks();
    const role = c.take(() => {
      const v = PARTNER_ROLES.find((r) => r === f.role.trim());
      if (!v) throw AppError.invalid('role', `Choose one of ${PARTNER_ROLES.join(', ')}`);
      return v;
    });
    const id = (f.counterpartId ?? '').trim();
    const [known] = id && UUID.test(id) ? await counterparts.byIds([id]) : [];
    if (id && (!known || known.institutionId !== institutionId))
      c.refuse(
        AppError.invalid('counterpartId', "Choose one of your institution's partners", { reason: 'unknown' }),
      );
    const name = c.take(() => text('name', f.name ?? '', 300, !known) ?? known?.nameIt ?? '');
    const country = c.take(() => countryCode('country', f.country ?? '') ?? known?.countryCode ?? null);
    c.done();
    return { counterpartId: known?.id ?? null, name, role, country };
  }

  return {
    async addPartner(institutionId: string, id: string, version: number, f: PartnerFields) {
      await project(institutionId, id);
      const values = await checkedPartner(institutionId, f);
      await bump(institutionId, id, version);
      await repo.addPartner({ ...values, projectId: id, institutionId });
      return project(institutionId, id);
    },

    async addFunding(
      institutionId: string,
      id: string,
      version: number,
      f: { source: string; amount: string },
    ) {
      await project(institutionId, id);
      const c = fieldChecks();
      const source = c.take(() => text('source', f.source, 300, true)!);
      const money = c.take(() => amount('amount', f.amount));
      if (money === null) c.refuse(AppError.invalid('amount', 'amount is required'));
      c.done();
      await bump(institutionId, id, version);
      await repo.addFunding({ source, amount: money!, projectId: id, institutionId });
      return project(institutionId, id);
    },

    async removePart(
      institutionId: string,
      id: string,
      version: number,
      kind: 'partner' | 'funding',
      partId: string,
    ) {
      await project(institutionId, id);
      await bump(institutionId, id, version);
      if (!UUID.test(partId) || !(await repo.removePart(kind, institutionId, id, partId)))
        throw AppError.notFound(kind === 'partner' ? 'Partner' : 'Funding', partId);
      return project(institutionId, id);
    },

    /** The institution's budget per year, for years within the project's period. */
    async setYears(
      institutionId: string,
      id: string,
      version: number,
      years: { year: number; amount: string | null }[],
    ) {
      const p = await project(institutionId, id);
      const allowed = projectYears(p.startsOn, p.endsOn);
      const c = fieldChecks();
      const seen = new Set<number>();
      const checked = years.map((y) => {
        // A year outside the period may only be removed (one left by an older period).
        if (!allowed.includes(y.year) && y.amount !== null)
          c.refuse(
            AppError.invalid('years', `${y.year} is outside the project's period`, { reason: 'outside' }),
          );
        if (seen.has(y.year))
          c.refuse(AppError.invalid('years', `${y.year} is given twice`, { reason: 'duplicate' }));
        seen.add(y.year);
        return { year: y.year, amount: c.take(() => amount(`amount_${y.year}`, y.amount ?? '')) };
      });
      c.done();
      await bump(institutionId, id, version);
      await repo.putYears(institutionId, id, checked);
      return project(institutionId, id);
    },

    /** The registry's counterparts a partner can be chosen from. */
    partnerChoices: async (institutionId: string) =>
      (await counterparts.list(institutionId)).map((c) => ({ id: c.id, name: c.nameIt })),
  };
}

export type ProjectsService = ReturnType<typeof createProjectsService>;

const CSV_COLUMNS = [
  'code',
  'kind',
  'title_it',
  'title_en',
  'funder',
  'role',
  'status',
  'starts_on',
  'ends_on',
  'countries',
  'currency',
  'total_budget',
  'own_share',
  'partners',
] as const;

/** The published projects as open data, a row each; partners as "name (role, country)" separated by "; ". */
export function projectsCsv(list: readonly ProjectRecord[]): string {
  const rows = list.map((p) =>
    [
      p.code,
      p.kind,
      p.titleIt,
      p.titleEn ?? '',
      p.funder ?? '',
      p.role,
      p.status,
      p.startsOn ?? '',
      p.endsOn ?? '',
      p.countries.join(' '),
      p.currency,
      p.totalBudget ?? '',
      p.ownShare ?? '',
      p.partners.map((x) => `${x.name} (${[x.role, x.country].filter(Boolean).join(', ')})`).join('; '),
    ].map(guardCell),
  );
  return `\uFEFF${stringify([[...CSV_COLUMNS], ...rows], { record_delimiter: '\r\n' })}`;
}

/** The back-office's and the API's use cases of projects, as the actor's institution, each write audited. */
export function createProjectsAdmin(deps: { database: Database; projects: ProjectsService }) {
  const { database, projects } = deps;
  const { asStaff, created, updated, removed } = staffWork(database);
  const change = <T>(actor: Actor, id: string, write: (institutionId: string) => Promise<T>) => {
    requireWriter(actor);
    return updated(actor, 'project', id, (institutionId) => projects.project(institutionId, id), write);
  };
  return {
    canWrite,
    checkWriter: (actor: Actor): void => requireWriter(actor),
    projects: (actor: Actor, q: ProjectListQuery) => asStaff(actor, (i) => projects.page(i, q)),
    summaries: (actor: Actor, q: ProjectListQuery) => asStaff(actor, (i) => projects.summaries(i, q)),
    project: (actor: Actor, id: string) =>
      asStaff(actor, async (i) => ({
        project: await projects.project(i, id),
        history: await recordHistory(database, 'project', id, HISTORY_LIMIT),
      })),
    partnerChoices: (actor: Actor) => asStaff(actor, (i) => projects.partnerChoices(i)),
    form(actor: Actor, id: string) {
      requireWriter(actor);
      return asStaff(actor, (i) => projects.project(i, id));
    },
    create(actor: Actor, fields: ProjectFields) {
      requireWriter(actor);
      return created(actor, 'project', (i) => projects.create(i, fields));
    },
    update: (actor: Actor, id: string, version: number, fields: ProjectFields) =>
      change(actor, id, (i) => projects.update(i, id, version, fields)),
    remove(actor: Actor, id: string, version: number) {
      requireWriter(actor);
      return removed(actor, 'project', id, (i) => projects.remove(i, id, version));
    },
    addPartner: (actor: Actor, id: string, version: number, f: PartnerFields) =>
      change(actor, id, (i) => projects.addPartner(i, id, version, f)),
    addFunding: (actor: Actor, id: string, version: number, f: { source: string; amount: string }) =>
      change(actor, id, (i) => projects.addFunding(i, id, version, f)),
    removePart: (actor: Actor, id: string, version: number, kind: 'partner' | 'funding', partId: string) =>
      change(actor, id, (i) => projects.removePart(i, id, version, kind, partId)),
    setYears: (actor: Actor, id: string, version: number, years: { year: number; amount: string | null }[]) =>
      change(actor, id, (i) => projects.setYears(i, id, version, years)),
  };
}

export type ProjectsAdmin = ReturnType<typeof createProjectsAdmin>;
