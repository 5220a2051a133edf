// The contacts register's people: the rules of a person by institution id (a name in any script, languages,
// contacts, a visibility for the person and each personal field, the legal basis and, for consent, when and
// what was consented to, a review day), a person as one reader may see them, their roles in organisations over
// time; and the back-office's use cases (createPeopleAdmin): as the actor's institution under row-level
// security, role-checked, versioned and audited, where the audit keeps which fields changed but never a
// person's values, so that an erasure leaves none behind; reading a restricted person is logged too.

import { randomUUID } from 'node:crypto';
import { contact } from '../../platform/contacts.ts';
import { todayIso } from '../../platform/dates.ts';
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { day, fieldChecks, text, UUID, yes } from '../../platform/field-rules.ts';
import { languageList } from '../../platform/languages.ts';
import { pageOf } from '../../platform/paging.ts';
import { type Actor, canWrite, requireAdmin, requireWriter } from '../accounts/accounts.access.ts';
import { auditRows, HISTORY_LIMIT, recordHistory, staffWork } from '../audit/audit.service.ts';
import type { OrganisationsService } from '../organisations/organisations.service.ts';
import { normalizeName } from '../places/places.service.ts';
import { createLinksRepository } from './people.links.repository.ts';
import type {
  PeopleRepository,
  PersonRow,
  PersonValues,
  RoleListRow,
  RoleValues,
} from './people.repository.ts';
import {
  DEFAULT_FIELD_VISIBILITY,
  isRestricted,
  LEGAL_BASES,
  type LegalBasis,
  mayRead,
  PERSONAL_FIELDS,
  type PersonalField,
  readerLevel,
  reviewDayFrom,
  stricter,
  VISIBILITIES,
  type Visibility,
  visibleLevels,
} from './people.rules.ts';
import type { PersonRecord, PersonRole } from './people.schemas.ts';

export { readerLevel } from './people.rules.ts';

/** What a form sends (and the API's body becomes): text, languages with commas, a visibility per field. */
export interface PersonFields {
  name: string;
  honorific: string;
  languages: string;
  preferredLanguage: string;
  email: string;
  phone: string;
  address: string;
  notes: string;
  visibility: string;
  emailVisibility: string;
  phoneVisibility: string;
  addressVisibility: string;
  notesVisibility: string;
  legalBasis: string;
  consentOn: string;
  consentText: string;
  reviewOn: string;
}

export const BLANK_PERSON: PersonFields = {
  name: '',
  honorific: '',
  languages: '',
  preferredLanguage: '',
  email: '',
  phone: '',
  address: '',
  notes: '',
  visibility: '',
  emailVisibility: '',
  phoneVisibility: '',
  addressVisibility: '',
  notesVisibility: '',
  legalBasis: '',
  consentOn: '',
  consentText: '',
  reviewOn: '',
};

export interface RoleFields {
  organisationId: string;
  titleIt: string;
  titleEn: string;
  head: string;
  startsOn: string;
  endsOn: string;
}

export const BLANK_ROLE: RoleFields = {
  organisationId: '',
  titleIt: '',
  titleEn: '',
  head: '',
  startsOn: '',
  endsOn: '',
};

/** The head of a post as the portal may name them. */
export interface PublicHead {
  name: string;
  honorific: string | null;
  titleIt: string;
  titleEn: string | null;
}

export interface PersonListQuery {
  q?: string | undefined;
  organisationId?: string | undefined;
  language?: string | undefined;
  page?: number | undefined;
}

function oneOf<T extends string>(field: string, allowed: readonly T[], raw: string, fallback?: T): T {
  const v = raw.trim();
  if (!v && fallback) return fallback;
  if (!(allowed as readonly string[]).includes(v))
    throw AppError.invalid(field, v ? `Unknown value "${v}"` : `Choose one of ${allowed.join(', ')}`);
  return v as T;
}

/** The fields as stored values, or an AppError naming the first field at fault and the others in `also`. */
function checked(f: PersonFields, example: boolean) {
  const c = fieldChecks();
  const visibility = c.take(() => oneOf('visibility', VISIBILITIES, f.visibility ?? '', 'staff'));
  if (example && visibility === 'public')
    c.refuse(AppError.invalid('visibility', 'An example is never public'));
  const fieldVisibility = Object.fromEntries(
    PERSONAL_FIELDS.map((name) => {
      const raw = (f[`${name}Visibility`] ?? '').trim();
      const own = c.take(() => oneOf(`${name}Visibility`, VISIBILITIES, raw, DEFAULT_FIELD_VISIBILITY[name]));
      return [name, stricter(visibility ?? 'staff', own ?? 'staff')];
    }),
  ) as Record<PersonalField, Visibility>;
  const legalBasis = c.take(() => oneOf('legalBasis', LEGAL_BASES, f.legalBasis ?? '') as LegalBasis);
  const name = c.take(() => text('name', f.name, 200, true)!);
  const honorific = c.take(() => text('honorific', f.honorific, 60));
  const languages = c.take(() => languageList('languages', f.languages));
  const preferred = c.take(() => languageList('preferredLanguage', f.preferredLanguage));
  if ((preferred?.length ?? 0) > 1) c.refuse(AppError.invalid('preferredLanguage', 'Give one language'));
  const email = c.take(() => contact('email', 'email', f.email));
  const phone = c.take(() => contact('phone', 'phone', f.phone));
  const address = c.take(() => text('address', f.address, 300));
  const notes = c.take(() => text('notes', f.notes, 5000));
  const consentOn = c.take(() => day('consentOn', f.consentOn, legalBasis === 'consent'));
  const consentText = c.take(() => text('consentText', f.consentText, 5000, legalBasis === 'consent'));
  const reviewOn = c.take(() => day('reviewOn', f.reviewOn, false));
  c.done();
  return {
    name,
    honorific,
    languages,
    preferredLanguage: preferred[0] ?? null,
    email,
    phone,
    address,
    notes,
    visibility,
    fieldVisibility,
    legalBasis,
    consentOn,
    consentText,
    reviewOn: reviewOn ?? reviewDayFrom(todayIso()),
    searchKey: normalizeName(name),
  };
}

function checkedRole(f: RoleFields) {
  const startsOn = day('startsOn', f.startsOn, false);
  const endsOn = day('endsOn', f.endsOn, false);
  if (startsOn && endsOn && endsOn < startsOn)
    throw AppError.invalid('endsOn', 'The role cannot end before it starts', { reason: 'before_start' });
  return {
    titleIt: text('titleIt', f.titleIt, 200, true)!,
    titleEn: text('titleEn', f.titleEn, 200),
    head: yes(f.head),
    startsOn,
    endsOn,
  };
}

const roleOf = (r: RoleListRow, today: string): PersonRole => ({
  id: r.id,
  organisation: { id: r.organisationId, nameIt: r.orgNameIt, nameEn: r.orgNameEn, kind: r.orgKind },
  titleIt: r.titleIt,
  titleEn: r.titleEn,
  head: r.head,
  startsOn: r.startsOn,
  endsOn: r.endsOn,
  current: (!r.startsOn || r.startsOn <= today) && (!r.endsOn || r.endsOn >= today),
  version: r.version,
});

/** Who may see each personal field of a person: its own setting, never looser than the person's. */
function personFieldLevels(row: PersonRow): Record<PersonalField, Visibility> {
  return Object.fromEntries(
    PERSONAL_FIELDS.map((f) => [
      f,
      stricter(
        row.visibility,
        (row.fieldVisibility[f] as Visibility | undefined) ?? DEFAULT_FIELD_VISIBILITY[f],
      ),
    ]),
  ) as Record<PersonalField, Visibility>;
}

/** The person as a reader at this level may see them: what they may not see is null and named. */
export function personView(row: PersonRow, roles: RoleListRow[], level: number): PersonRecord {
  const today = todayIso();
  const fieldVisibility = personFieldLevels(row);
  const withheld = PERSONAL_FIELDS.filter((f) => !mayRead(level, fieldVisibility[f]));
  const shown = (f: PersonalField) => (withheld.includes(f) ? null : row[f]);
  return {
    id: row.id,
    name: row.name,
    honorific: row.honorific,
    languages: row.languages,
    preferredLanguage: row.preferredLanguage,
    email: shown('email'),
    phone: shown('phone'),
    address: shown('address'),
    notes: shown('notes'),
    visibility: row.visibility,
    fieldVisibility,
    withheld,
    legalBasis: row.legalBasis,
    consentOn: row.consentOn,
    consentText: row.consentText,
    reviewOn: row.reviewOn,
    reviewDue: row.reviewOn <= today,
    roles: roles.map((r) => roleOf(r, today)),
    example: row.example,
    version: row.version,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

const VALUE_FIELDS = [
  'name',
  'honorific',
  'languages',
  'preferredLanguage',
  ...PERSONAL_FIELDS,
  'consentText',
] as const;

/** What the audit log keeps of a person: the settings of their data, never its values. */
function auditView(row: PersonRow, changed?: string[]) {
  return {
    visibility: row.visibility,
    fieldVisibility: row.fieldVisibility,
    legalBasis: row.legalBasis,
    consentOn: row.consentOn,
    reviewOn: row.reviewOn,
    ...(changed
      ? { changed }
      : { given: VALUE_FIELDS.filter((f) => (Array.isArray(row[f]) ? row[f].length : row[f])) }),
  };
}

const changedFields = (before: PersonRow, after: PersonRow) =>
  VALUE_FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));

function stale(current: PersonRecord, version: number): AppError {
  return new AppError(
    'version_conflict',
    `The person was changed by someone else (now at version ${current.version}, you started from ${version})`,
    { field: 'version', details: { currentVersion: current.version, current } },
  );
}

/** A person's roles in organisations: added, read, changed and deleted, the person first found visible. */
function roleWork(
  repo: PeopleRepository,
  row: (institutionId: string, id: string, level: number) => Promise<PersonRow>,
  organisationOf: (institutionId: string, id: string) => Promise<{ id: string }>,
) {
  const stale = (current: PersonRole) =>
    new AppError('version_conflict', 'The role was changed by someone else', {
      field: 'version',
      details: { current },
    });
  const role = async (institutionId: string, personId: string, id: string, level: number) => {
    await row(institutionId, personId, level);
    const found = UUID.test(id) ? await repo.role(institutionId, personId, id) : undefined;
    if (!found) throw AppError.notFound('Role', id);
    return roleOf(found, todayIso());
  };
  return {
    role,

    async addRole(institutionId: string, personId: string, fields: RoleFields, level: number) {
      await row(institutionId, personId, level);
      const org = await organisationOf(institutionId, fields.organisationId);
      const made = await repo.insertRole({
        institutionId,
        personId,
        organisationId: org.id,
        ...checkedRole(fields),
      });
      return roleOf((await repo.role(institutionId, personId, made.id))!, todayIso());
    },

    async updateRole(
      institutionId: string,
      personId: string,
      id: string,
      version: number,
      fields: RoleFields,
      level: number,
    ) {
      const before = await role(institutionId, personId, id, level);
      const org = await organisationOf(institutionId, fields.organisationId);
      const values = { organisationId: org.id, ...checkedRole(fields) };
      const done =
        before.version === version
          ? await repo.updateRole(institutionId, personId, id, version, values)
          : undefined;
      if (!done) throw stale(before);
      return { before, after: await role(institutionId, personId, id, level) };
    },

    async removeRole(institutionId: string, personId: string, id: string, version: number, level: number) {
      const before = await role(institutionId, personId, id, level);
      if (before.version !== version || !(await repo.deleteRole(institutionId, personId, id, version))) {
        throw stale(before);
      }
      return before;
    },
  };
}

/** Two records of one organisation, or of one person, made one: the roles move, then the second goes. */
function mergeWork(
  repo: PeopleRepository,
  organisations: OrganisationsService,
  row: (institutionId: string, id: string, level: number) => Promise<PersonRow>,
) {
  return {
    /**
     * Merges the record `from` into `keep`, both of the same organisation: its roles (a post's history) move
     * to `keep`, then `from` goes.
     */
    async mergeOrganisations(institutionId: string, keep: string, from: string) {
      if (keep === from) throw AppError.invalid('from', 'Choose another record than the one kept');
      const kept = await organisations.detail(institutionId, keep);
      const gone = await organisations.detail(institutionId, from);
      const moved = await repo.moveOrganisationRoles(institutionId, from, keep);
      await organisations.remove(institutionId, from, gone.version);
      return { kept, gone, moved };
    },

    /**
     * Merges the person `from` into `keep` (the same person recorded twice): roles move, languages join, an
     * empty contact of `keep` takes `from`'s, then `from` goes. Both must be within the reader's sight.
     */
    async mergePeople(institutionId: string, keep: string, from: string, level: number) {
      if (keep === from) throw AppError.invalid('from', 'Choose another person than the one kept');
      const kept = await row(institutionId, keep, level);
      const gone = await row(institutionId, from, level);
      const moved = await repo.movePersonRoles(institutionId, from, keep);
      await repo.movePersonLinks(institutionId, from, keep);
      // Nothing becomes more visible by a merge: the stricter of the two people's visibilities, and a field
      // taken from `from` only if the reader may see it there, kept at the stricter of its two visibilities.
      const levels = (r: PersonRow) => personFieldLevels(r);
      const [a, b] = [levels(kept), levels(gone)];
      const fieldVisibility = { ...kept.fieldVisibility };
      const take = (f: 'email' | 'phone' | 'address') => {
        if (kept[f] !== null || gone[f] === null || !mayRead(level, b[f])) return kept[f];
        fieldVisibility[f] = stricter(a[f], b[f]);
        return gone[f];
      };
      const after = await repo.updateVersioned(institutionId, keep, kept.version, {
        languages: [...new Set([...kept.languages, ...gone.languages])],
        email: take('email'),
        phone: take('phone'),
        address: take('address'),
        honorific: kept.honorific ?? gone.honorific,
        visibility: stricter(kept.visibility, gone.visibility),
        fieldVisibility,
      });
      await repo.delete(institutionId, from);
      return { kept, after: after!, gone, moved };
    },
  };
}

/** What an import writes: people holding roles in its organisations, checked row by row, written together. */
function importWork(repo: PeopleRepository) {
  return {
    /**
     * An import's new person holding a role in one of the import's organisations, checked like a form's
     * (the AppError names the field); `insertHolders` then writes them all together.
     */
    checkHolder(institutionId: string, fields: PersonFields, roleFields: RoleFields, organisationId: string) {
      const person = { id: randomUUID(), institutionId, example: false, ...checked(fields, false) };
      const role = { institutionId, personId: person.id, organisationId, ...checkedRole(roleFields) };
      return { person, role };
    },
    /** Every person's name, to flag an import's row that repeats one (names only: no personal field). */
    namesForDuplicates: (institutionId: string) => repo.names(institutionId),
    insertHolders: (
      institutionId: string,
      holders: { person: PersonValues & { id: string }; role: RoleValues }[],
    ) =>
      repo.insertMany(
        institutionId,
        holders.map((h) => h.person),
        holders.map((h) => h.role),
      ),
  };
}

export function createPeopleService({
  repo,
  organisations,
}: {
  repo: PeopleRepository;
  organisations: OrganisationsService;
}) {
  /** The stored row, or not found when it is not the institution's or the reader may not see the person. */
  async function row(institutionId: string, id: string, level: number): Promise<PersonRow> {
    const found = UUID.test(id) ? await repo.byId(institutionId, id) : undefined;
    if (!found || !mayRead(level, found.visibility)) throw AppError.notFound('Person', id);
    return found;
  }
  const detail = async (institutionId: string, id: string, level: number) => {
    const found = await row(institutionId, id, level);
    return personView(found, await repo.rolesOf([id]), level);
  };

  async function organisationOf(institutionId: string, id: string) {
    const known = UUID.test(id) && (await organisations.detail(institutionId, id).catch(() => undefined));
    if (!known) throw AppError.invalid('organisationId', 'Choose one of your institution’s organisations');
    return known;
  }

  return {
    row,
    detail,

    async page(institutionId: string, level: number, q: PersonListQuery) {
      const filter = {
        institutionId,
        visible: visibleLevels(level),
        words: normalizeName(q.q ?? '')
          .split(' ')
          .filter(Boolean)
          .slice(0, 8),
        organisationId: q.organisationId && UUID.test(q.organisationId) ? q.organisationId : undefined,
        language: languageList('language', q.language)[0],
      };
      // One scan gives the page and the count; only a page past the end asks for the count on its own.
      let at = pageOf(Number.MAX_SAFE_INTEGER, q.page);
      let { rows, total } = await repo.pageCounted(filter, at.pageSize, at.offset);
      if (rows.length === 0 && at.page > 1) {
        at = pageOf(await repo.count(filter), q.page);
        ({ rows, total } = await repo.pageCounted(filter, at.pageSize, at.offset));
      }
      at = pageOf(total, at.page);
      const roles = await repo.rolesOf(rows.map((r) => r.id));
      const items = rows.map((r) =>
        personView(
          r,
          roles.filter((x) => x.personId === r.id),
          level,
        ),
      );
      return { items, total, page: at.page, pages: at.pages, pageSize: at.pageSize };
    },

    async create(institutionId: string, fields: PersonFields, opts: { example?: boolean } = {}) {
      const example = opts.example ?? false;
      return repo.insert({ institutionId, example, ...checked(fields, example) });
    },

    /** Saves the fields; those the writer may not see keep their stored value, whatever was sent. */
    async update(institutionId: string, id: string, version: number, fields: PersonFields, level: number) {
      const before = await row(institutionId, id, level);
      const values = checked(fields, before.example);
      for (const f of PERSONAL_FIELDS) {
        const was = stricter(
          before.visibility,
          (before.fieldVisibility[f] as Visibility) ?? DEFAULT_FIELD_VISIBILITY[f],
        );
        if (!mayRead(level, was)) {
          values[f] = before[f];
          values.fieldVisibility[f] = was;
        }
      }
      const after =
        before.version === version
          ? await repo.updateVersioned(institutionId, id, version, values)
          : undefined;
      if (!after) throw stale(await detail(institutionId, id, level), version);
      return { before, after };
    },

    async confirmReview(institutionId: string, id: string, version: number, level: number) {
      const before = await row(institutionId, id, level);
      const after =
        before.version === version
          ? await repo.updateVersioned(institutionId, id, version, { reviewOn: reviewDayFrom(todayIso()) })
          : undefined;
      if (!after) throw stale(await detail(institutionId, id, level), version);
      return { before, after };
    },

    async erase(institutionId: string, id: string, version: number, level: number) {
      const before = await row(institutionId, id, level);
      if (before.version !== version) throw stale(await detail(institutionId, id, level), version);
      await repo.delete(institutionId, id);
      return before;
    },

    ...mergeWork(repo, organisations, row),
    ...importWork(repo),

    /** The current heads of the organisations of a kind, where the head may be named in public. */
    async publicHeads(institutionId: string, kind: 'consular_post' | 'association') {
      const heads = new Map<string, PublicHead>();
      for (const h of await repo.publicHeads(institutionId, kind, todayIso())) {
        if (!heads.has(h.organisationId)) heads.set(h.organisationId, h);
      }
      return heads;
    },

    dueReviews: (institutionId: string, level: number, limit = 20) =>
      repo.dueReviews(institutionId, visibleLevels(level), todayIso(), limit),

    /** Who held roles in an organisation, a person the reader may not see named only by the role. */
    async holders(institutionId: string, organisationId: string, level: number) {
      const today = todayIso();
      return (await repo.holders(institutionId, organisationId)).map((h) => ({
        ...roleOf({ ...h.role, orgNameIt: '', orgNameEn: null, orgKind: '' }, today),
        person: mayRead(level, h.visibility)
          ? { id: h.role.personId, name: h.name, honorific: h.honorific, visibility: h.visibility }
          : null,
      }));
    },

    ...roleWork(repo, row, organisationOf),
  };
}

export type PeopleService = ReturnType<typeof createPeopleService>;

/** The merges of duplicates, as the actor's institution, audited on both records. */
function mergeUseCases(
  deps: { people: PeopleService },
  k: {
    asStaff: ReturnType<typeof staffWork>['asStaff'];
    audit: ReturnType<typeof staffWork>['audit'];
    logged: (actor: Actor, action: string, id: string, before?: unknown, after?: unknown) => Promise<void>;
    view: (institutionId: string, id: string, actor: Actor) => Promise<PersonRecord>;
    level: (actor: Actor) => number;
  },
) {
  const { people } = deps;
  const { asStaff, audit, logged, view, level } = k;
  return {
    /** Two records of one organisation become one, the roles of both kept; audited on both. */
    mergeOrganisations(actor: Actor, keep: string, from: string) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => {
        const { kept, gone, moved } = await people.mergeOrganisations(institutionId, keep, from);
        await audit(actor, {
          action: 'merge',
          entity: 'organisation',
          entityId: keep,
          before: undefined,
          after: { from, name: gone.nameIt, roles: moved },
        });
        await audit(actor, {
          action: 'merged_into',
          entity: 'organisation',
          entityId: from,
          before: gone,
          after: { into: keep, name: kept.nameIt },
        });
        return { kept: kept.id, roles: moved };
      });
    },

    /** The same person recorded twice becomes one; audited on both, without values. */
    mergePeople(actor: Actor, keep: string, from: string) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => {
        const { kept, after, moved } = await people.mergePeople(institutionId, keep, from, level(actor));
        await logged(actor, 'merge', keep, auditView(kept), auditView(after, changedFields(kept, after)));
        await logged(actor, 'merged_into', from, undefined, { into: keep, roles: moved });
        return view(institutionId, keep, actor);
      });
    },

    holders: (actor: Actor, organisationId: string) =>
      asStaff(actor, (i) => people.holders(i, organisationId, level(actor))),

    roleForm(actor: Actor, personId: string, id?: string) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => ({
        person: await view(institutionId, personId, actor),
        role: id ? await people.role(institutionId, personId, id, level(actor)) : undefined,
      }));
    },

    addRole(actor: Actor, personId: string, fields: RoleFields) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => {
        const made = await people.addRole(institutionId, personId, fields, level(actor));
        await logged(actor, 'add_person_role', personId, undefined, made);
        return made;
      });
    },

    updateRole(actor: Actor, personId: string, id: string, version: number, fields: RoleFields) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => {
        const { before, after } = await people.updateRole(
          institutionId,
          personId,
          id,
          version,
          fields,
          level(actor),
        );
        await logged(actor, 'change_person_role', personId, before, after);
        return after;
      });
    },

    removeRole(actor: Actor, personId: string, id: string, version: number) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => {
        const before = await people.removeRole(institutionId, personId, id, version, level(actor));
        await logged(actor, 'remove_person_role', personId, before, undefined);
      });
    },
  };
}

/** The back-office's use cases of people, as the actor's institution, at the actor's level, audited. */
export function createPeopleAdmin(deps: { database: Database; people: PeopleService }) {
  const { database, people } = deps;
  const { asStaff, audit } = staffWork(database);
  const links = createLinksRepository(database.db);
  const level = (actor: Actor) => readerLevel(actor.role);
  const logged = (actor: Actor, action: string, id: string, before?: unknown, after?: unknown) =>
    audit(actor, { action, entity: 'person', entityId: id, before, after });
  const view = async (institutionId: string, id: string, actor: Actor) =>
    people.detail(institutionId, id, level(actor));

  return {
    canWrite,
    level,
    people: (actor: Actor, q: PersonListQuery) => asStaff(actor, (i) => people.page(i, level(actor), q)),

    /** A person with their history; reading one whose visibility is restricted is logged. */
    person: (actor: Actor, id: string) =>
      asStaff(actor, async (institutionId) => {
        const person = await view(institutionId, id, actor);
        if (isRestricted(person.visibility)) await logged(actor, 'read', id);
        return { person, history: await recordHistory(database, 'person', id, HISTORY_LIMIT) };
      }),

    personForm(actor: Actor, id?: string) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => ({
        person: id ? await view(institutionId, id, actor) : undefined,
      }));
    },

    createPerson(actor: Actor, fields: PersonFields) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => {
        const made = await people.create(institutionId, fields);
        await logged(actor, 'create', made.id, undefined, auditView(made));
        return view(institutionId, made.id, actor);
      });
    },

    updatePerson(actor: Actor, id: string, version: number, fields: PersonFields) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => {
        const { before, after } = await people.update(institutionId, id, version, fields, level(actor));
        await logged(actor, 'update', id, auditView(before), auditView(after, changedFields(before, after)));
        return view(institutionId, id, actor);
      });
    },

    /** The data are still needed and right: the next review is 24 months away. */
    confirmReview(actor: Actor, id: string, version: number) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => {
        const { before, after } = await people.confirmReview(institutionId, id, version, level(actor));
        await logged(
          actor,
          'confirm_review',
          id,
          { reviewOn: before.reviewOn },
          { reviewOn: after.reviewOn },
        );
        return view(institutionId, id, actor);
      });
    },

    /**
     * Erases the person and their roles at once (GDPR art. 17). The log records that it happened, by whom, and
     * nothing of the values, which it never held.
     */
    erasePerson(actor: Actor, id: string, version: number) {
      requireWriter(actor);
      return asStaff(actor, async (institutionId) => {
        await people.erase(institutionId, id, version, level(actor));
        await logged(actor, 'erase', id);
      });
    },

    /** Everything kept about the person, for a request of access or portability: admins only, logged. */
    exportPerson(actor: Actor, id: string) {
      requireAdmin(actor);
      return asStaff(actor, async (institutionId) => {
        const person = await view(institutionId, id, actor);
        const rows = await auditRows(database, 'entity = $1 and entity_id = $2', ['person', id], 1000);
        await logged(actor, 'export', id);
        return {
          exportedAt: new Date().toISOString(),
          institution: actor.institutionSlug,
          person,
          links: await links.linksOf(institutionId, id),
          // Oldest first: the story of the record as it happened.
          history: [...rows].reverse().map((r) => ({
            at: new Date(r.at).toISOString(),
            actor: r.actor,
            action: r.action,
            changed: ((r.after as { changed?: string[]; given?: string[] } | null)?.changed ??
              (r.after as { given?: string[] } | null)?.given ??
              []) as string[],
          })),
        };
      });
    },

    dueReviews: (actor: Actor) => asStaff(actor, (i) => people.dueReviews(i, level(actor))),

    ...mergeUseCases(deps, { asStaff, audit, logged, view, level }),
  };
}

export type PeopleAdmin = ReturnType<typeof createPeopleAdmin>;
