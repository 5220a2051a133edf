// Likely duplicates in the contacts register: organisations with the same folded name (or one inside the
// other), consular posts of the same kind and country in one city, people with the same folded name. The
// import flags its rows with them; the back-office's page lists the pairs already kept, to merge.

import type { Database } from '../../platform/db/client.ts';
import type { Actor } from '../accounts/accounts.access.ts';
import { staffWork } from '../audit/audit.service.ts';
import type { OrganisationsService } from '../organisations/organisations.service.ts';
import { normalizeName } from '../places/places.service.ts';
import { mayRead, readerLevel } from './people.rules.ts';
import type { PeopleService } from './people.service.ts';

/** Where a likely duplicate was seen first: an earlier line of a file, or a record already kept. */
export type Twin = { line: number } | { existing: string; id: string };

/** An organisation as the checks compare it. */
export type Known = {
  id: string;
  nameIt: string;
  nameEn: string | null;
  kind: string;
  postKind: string | null;
  countryCode: string | null;
  city: string | null;
};

/**
 * Likely duplicates: the same folded name (or one name inside the other: "Consolato generale del Giappone" and
 * "... a Milano"), or a consular post of the same kind and country in the same city.
 */
export class Duplicates {
  private readonly names = new Map<string, Twin>();
  private readonly posts = new Map<string, Twin>();
  constructor(existing: Known[]) {
    for (const o of existing) this.add(o, { existing: o.nameIt, id: o.id });
  }
  private add(o: Known, where: Twin) {
    // The first seen stays: a third record of a name pairs with the oldest, not with the second.
    for (const n of [o.nameIt, o.nameEn]) {
      const key = n ? normalizeName(n) : '';
      if (key && !this.names.has(key)) this.names.set(key, where);
    }
    const post = o.kind === 'consular_post' && o.countryCode ? this.postKey(o) : '';
    if (post && !this.posts.has(post)) this.posts.set(post, where);
  }
  private postKey(o: Known) {
    return [o.postKind, o.countryCode, normalizeName(o.city ?? '')].join('|');
  }
  /** The record or line `o` likely repeats, if any; then `o` is remembered as `where`. */
  check(o: Known, where: Twin): Twin | undefined {
    const mine = [o.nameIt, o.nameEn].filter(Boolean).map((n) => normalizeName(n!));
    let twin: Twin | undefined;
    for (const [name, at] of this.names) {
      if (
        mine.some(
          (m) => m === name || (m.length > 12 && name.length > 12 && (m.includes(name) || name.includes(m))),
        )
      ) {
        twin = at;
        break;
      }
    }
    if (!twin && o.kind === 'consular_post' && o.countryCode) twin = this.posts.get(this.postKey(o));
    this.add(o, where);
    return twin;
  }
}

/** A likely duplicate already kept: the record to keep (the older) and the one to merge into it. */
export interface DuplicatePair {
  keep: { id: string; name: string };
  from: { id: string; name: string };
}

export function createDuplicateFinder(deps: {
  database: Database;
  organisations: OrganisationsService;
  people: PeopleService;
}) {
  const { asStaff } = staffWork(deps.database);
  return {
    /** The likely duplicates the actor may see, organisations and people, each pair once. */
    find(actor: Actor): Promise<{ organisations: DuplicatePair[]; people: DuplicatePair[] }> {
      return asStaff(actor, async (institutionId) => {
        const orgs = await deps.organisations.choicesForDuplicates(institutionId);
        const seen = new Duplicates([]);
        const organisations: DuplicatePair[] = [];
        for (const o of orgs) {
          const twin = seen.check(o, { existing: o.nameIt, id: o.id });
          if (twin && 'id' in twin)
            organisations.push({
              keep: { id: twin.id, name: twin.existing },
              from: { id: o.id, name: o.nameIt },
            });
        }
        const level = readerLevel(actor.role);
        const byName = new Map<string, { id: string; name: string }>();
        const people: DuplicatePair[] = [];
        for (const p of await deps.people.namesForDuplicates(institutionId)) {
          if (!mayRead(level, p.visibility)) continue;
          const key = normalizeName(p.name);
          const first = byName.get(key);
          if (first) people.push({ keep: first, from: { id: p.id, name: p.name } });
          else byName.set(key, { id: p.id, name: p.name });
        }
        return { organisations, people };
      });
    },
  };
}

export type DuplicateFinder = ReturnType<typeof createDuplicateFinder>;
