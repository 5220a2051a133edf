// Distribution lists: the organisations (and the people who hold roles in them) picked by kind, country,
// community, language or role, e.g. the whole consular corps for the New Year reception, or the Chinese
// community's associations for a delegation from Shanghai; as CSV or vCard, with only what the reader may see.

import { stringify } from 'csv-stringify/sync';
import { telUri } from '../../platform/contacts.ts';
import { guardCell } from '../../platform/csv.ts';
import type { Database } from '../../platform/db/client.ts';
import { languageList } from '../../platform/languages.ts';
import type { Actor } from '../accounts/accounts.access.ts';
import { staffWork } from '../audit/audit.service.ts';
import type { OrganisationRecord } from '../organisations/organisations.schemas.ts';
import {
  vcardEscape as esc,
  type OrganisationsService,
  resolveCountryCode,
  vcardText,
} from '../organisations/organisations.service.ts';
import { normalizeName } from '../places/places.service.ts';
import type { PeopleRepository } from './people.repository.ts';
import { readerLevel, visibleLevels } from './people.rules.ts';
import type { PersonRecord } from './people.schemas.ts';
import { personView } from './people.service.ts';

export interface ListCriteria {
  kind?: string | undefined;
  country?: string | undefined;
  community?: string | undefined;
  language?: string | undefined;
  /** Words of a role's title ("console", "presidente"): only the people holding such a role today. */
  role?: string | undefined;
}

export interface ListEntry {
  organisation: OrganisationRecord;
  /** The people holding a current role there whom the reader may see (all of them unless a role is asked). */
  people: { person: PersonRecord; title: string }[];
}

export function createDistributionLists(deps: {
  database: Database;
  organisations: OrganisationsService;
  repo: PeopleRepository;
}) {
  const { database, organisations, repo } = deps;
  const { asStaff } = staffWork(database);

  async function pick(institutionId: string, level: number, c: ListCriteria): Promise<ListEntry[]> {
    const country = c.country ? resolveCountryCode('country', c.country) : undefined;
    const community = c.community ? resolveCountryCode('community', c.community) : undefined;
    const language = c.language ? languageList('language', c.language)[0] : undefined;
    const role = normalizeName(c.role ?? '');
    const orgs = (await organisations.all(institutionId)).filter(
      (o) =>
        (!c.kind || o.kind === c.kind) &&
        (!country || o.country?.code === country) &&
        (!community || o.communities.some((x) => x.code === community)) &&
        (!language || o.languages.includes(language)),
    );
    const rows = await repo.page({ institutionId, visible: visibleLevels(level) }, 100_000, 0);
    const roles = await repo.rolesOf(rows.map((r) => r.id));
    const people = new Map(
      rows.map((r) => [
        r.id,
        personView(
          r,
          roles.filter((x) => x.personId === r.id),
          level,
        ),
      ]),
    );
    const entries = orgs.map((o) => ({
      organisation: o,
      people: [...people.values()].flatMap((p) =>
        p.roles
          .filter(
            (r) =>
              r.current &&
              r.organisation.id === o.id &&
              (!role ||
                normalizeName(r.titleIt).includes(role) ||
                normalizeName(r.titleEn ?? '').includes(role)),
          )
          .map((r) => ({ person: p, title: r.titleIt })),
      ),
    }));
    return role ? entries.filter((e) => e.people.length > 0) : entries;
  }

  return {
    /** The list for these criteria, as the actor may see it. */
    list: (actor: Actor, c: ListCriteria) =>
      asStaff(actor, (institutionId) => pick(institutionId, readerLevel(actor.role), c)),
  };
}

export type DistributionLists = ReturnType<typeof createDistributionLists>;

const LIST_COLUMNS = [
  'organisation',
  'kind',
  'country',
  'address',
  'city',
  'organisation_phone',
  'organisation_email',
  'website',
  'person',
  'title',
  'person_email',
  'person_phone',
  'languages',
] as const;

/** One row per person in an organisation, or one per organisation without people; withheld fields empty. */
export function listCsv(entries: readonly ListEntry[]): string {
  const rows = entries.flatMap(({ organisation: o, people }) => {
    const org = [
      o.nameIt,
      o.postKind ?? o.kind,
      o.country?.code ?? '',
      o.address ?? '',
      o.city ?? '',
      o.phone ?? '',
      o.email ?? '',
      o.website ?? '',
    ];
    return people.length === 0
      ? [[...org, '', '', '', '', o.languages.join(' ')]]
      : people.map(({ person: p, title }) => [
          ...org,
          [p.honorific, p.name].filter(Boolean).join(' '),
          title,
          p.email ?? '',
          p.phone ?? '',
          p.languages.join(' '),
        ]);
  });
  return `\uFEFF${stringify([[...LIST_COLUMNS], ...rows.map((r) => r.map(guardCell))], { record_delimiter: '\r\n' })}`;
}

/** Each organisation as a vCard of kind "org" and each person as one of kind "individual" with ORG and TITLE. */
export function listVcards(entries: readonly ListEntry[]): string {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const { organisation: o, people } of entries) {
    out.push(
      vcardText([
        'BEGIN:VCARD',
        'VERSION:4.0',
        'KIND:org',
        `UID:urn:uuid:${o.id}`,
        `FN:${esc(o.nameIt)}`,
        `ORG:${esc(o.nameIt)}`,
        ...(o.address || o.city ? [`ADR;TYPE=work:;;${esc(o.address ?? '')};${esc(o.city ?? '')};;;`] : []),
        ...(o.phone ? [`TEL;TYPE=work,voice;VALUE=uri:${telUri(o.phone)}`] : []),
        ...(o.email ? [`EMAIL;TYPE=work:${esc(o.email)}`] : []),
        ...(o.website ? [`URL:${o.website}`] : []),
        'END:VCARD',
      ]),
    );
    for (const { person: p, title } of people) {
      if (seen.has(`${p.id}|${o.id}`)) continue;
      seen.add(`${p.id}|${o.id}`);
      out.push(
        vcardText([
          'BEGIN:VCARD',
          'VERSION:4.0',
          'KIND:individual',
          `UID:urn:uuid:${p.id}`,
          `FN:${esc([p.honorific, p.name].filter(Boolean).join(' '))}`,
          `ORG:${esc(o.nameIt)}`,
          `TITLE:${esc(title)}`,
          ...(p.email ? [`EMAIL;TYPE=work:${esc(p.email)}`] : []),
          ...(p.phone ? [`TEL;TYPE=work,voice;VALUE=uri:${telUri(p.phone)}`] : []),
          ...p.languages.map((l, i) => `LANG;PREF=${i + 1}:${l}`),
          'END:VCARD',
        ]),
      );
    }
  }
  return out.join('');
}
