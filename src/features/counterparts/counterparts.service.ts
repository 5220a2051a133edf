// Counterparts are found or created as agreements name them: one per partner city (by gazetteer place) and
// one per organisation (by English name) within an institution.
import type { Executor, QueryFn } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import type { InstitutionsService } from '../institutions/institutions.service.ts';
import { resolveCountry } from '../places/countries.ts';
import type { PlaceCandidate } from '../places/places.service.ts';
import {
  type CounterpartRow,
  type CounterpartsRepository,
  listPublicCounterparts,
} from './counterparts.repository.ts';

export type CounterpartSpec =
  | { type: 'city'; place: PlaceCandidate }
  | {
      type: 'organisation';
      nameIt: string;
      nameEn: string;
      country?: string | undefined;
      website?: string | undefined;
    };

const keyOf = (spec: CounterpartSpec) =>
  spec.type === 'city' ? `city:${spec.place.geonamesId}` : `org:${spec.nameEn.trim().toLowerCase()}`;
const rowKey = (row: CounterpartRow) =>
  row.kind === 'city' ? `city:${row.placeId}` : `org:${row.nameEn.trim().toLowerCase()}`;

export function createCounterpartsService({
  repo,
  query,
  institutions,
}: {
  repo: CounterpartsRepository;
  query: QueryFn;
  institutions: InstitutionsService;
}) {
  return {
    /** Partners with at least one published agreement, as the public and the API see them. */
    async listPublic(institution: string) {
      const rows = await listPublicCounterparts(query, await institutions.idOf(institution));
      return rows.map((r) => ({
        id: r.id,
        type: r.kind,
        nameIt: r.name_it,
        nameEn: r.name_en,
        country: r.country_code
          ? { code: r.country_code, nameIt: r.country_it!, nameEn: r.country_en!, continent: r.continent! }
          : null,
        place:
          r.place_id !== null
            ? {
                geonamesId: r.place_id,
                name: r.place_name!,
                lat: r.lat!,
                lon: r.lon!,
                population: r.population!,
              }
            : null,
        agreements: r.agreements,
      }));
    },
    list: (institutionId: string, tx?: Executor) => repo.list(institutionId, tx),
    byIds: (ids: string[], tx?: Executor) => repo.byIds(ids, tx),

    /** The counterpart row for each spec, creating the missing ones in one statement. */
    async ensureMany(
      institutionId: string,
      specs: CounterpartSpec[],
      tx?: Executor,
    ): Promise<CounterpartRow[]> {
      const existing = new Map((await repo.list(institutionId, tx)).map((r) => [rowKey(r), r]));
      const missing = new Map<string, CounterpartSpec>();
      for (const spec of specs) if (!existing.has(keyOf(spec))) missing.set(keyOf(spec), spec);
      const created = await repo.insertMany(
        [...missing.values()].map((spec) => {
          if (spec.type === 'city') {
            return {
              institutionId,
              kind: 'city' as const,
              placeId: spec.place.geonamesId,
              nameIt: spec.place.nameIt,
              nameEn: spec.place.nameEn,
              countryCode: spec.place.country.code,
            };
          }
          const countryCode = spec.country ? resolveCountry(spec.country) : undefined;
          if (spec.country && !countryCode) {
            throw AppError.invalid('partner.country', `Unknown country "${spec.country}"`);
          }
          return {
            institutionId,
            kind: 'organisation' as const,
            nameIt: spec.nameIt.trim(),
            nameEn: spec.nameEn.trim(),
            countryCode: countryCode ?? null,
            website: spec.website ?? null,
          };
        }),
        tx,
      );
      for (const row of created) existing.set(rowKey(row), row);
      return specs.map((spec) => existing.get(keyOf(spec))!);
    },
  };
}

export type CounterpartsService = ReturnType<typeof createCounterpartsService>;
