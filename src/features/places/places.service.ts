// Gazetteer lookup: a name in any language, optionally with a country, answered with ranked candidates and a
// confidence. Only a clear exact match is "matched"; anything uncertain is "ambiguous" for a person to decide.
import { AppError } from '../../platform/errors.ts';
import { resolveCountry } from './countries.ts';
import { normalizeName } from './normalize.ts';
import { NAME_KIND } from './places.loader.ts';
import type { NameHitRow, PlaceRow, PlacesRepository } from './places.repository.ts';
import type { LookupQuery, LookupResult, PlaceCandidate, PlaceView } from './places.schemas.ts';

// With its types, the gazetteer's name and country rules, for the other features (their way into places).
export { countryByCode, resolveCountry } from './countries.ts';
export { normalizeName } from './normalize.ts';
export type { LookupQuery, LookupResult, PlaceCandidate } from './places.schemas.ts';

/** Confidence at or above which an exact match is taken without asking. */
export const MATCH_THRESHOLD = 0.9;
// A curated name (the exonym table lists the ~1,500 cities people mean: "Florence", "Monaco di Baviera") weighs
// ten times a homonym that merely shares the spelling. Only a ranking weight: never turns a similar name into a
// match, and two curated cities of one name (Valencia ES/VE) stay ambiguous.
const EXONYM_WEIGHT = 10;
const MAX_CANDIDATES = 10;

function toCandidate(row: NameHitRow, match: 'exact' | 'similar', confidence: number): PlaceCandidate {
  return {
    ...placeView(row),
    matchedName: row.matched_name,
    match,
    confidence: Math.round(confidence * 1000) / 1000,
  };
}

export function placeView(row: PlaceRow): PlaceView {
  return {
    geonamesId: row.id,
    name: row.name,
    nameIt: row.name_it ?? row.name,
    nameEn: row.name_en ?? row.name,
    country: { code: row.country_code, nameIt: row.country_it, nameEn: row.country_en },
    continent: row.continent,
    population: row.population,
    lat: row.lat,
    lon: row.lon,
  };
}

/** Which of a place's names that a query hit counts: a curated name over GeoNames' own, any over a colloquial. */
const rankOfKind = (kind: number) => (kind === NAME_KIND.colloquial ? -1 : kind);

/** Ranks exact hits of one query: confidence is each place's share of the weighted population. */
export function rankExact(rows: NameHitRow[]): PlaceCandidate[] {
  const byPlace = new Map<number, NameHitRow>();
  for (const r of rows) {
    const prev = byPlace.get(r.id);
    if (!prev || rankOfKind(r.kind) > rankOfKind(prev.kind)) byPlace.set(r.id, r);
  }
  const hits = [...byPlace.values()];
  const curated = (kind: number) => kind >= NAME_KIND.italian && kind !== NAME_KIND.colloquial;
  const weight = (r: NameHitRow) => Math.max(r.population, 1) * (curated(r.kind) ? EXONYM_WEIGHT : 1);
  const total = hits.reduce((s, r) => s + weight(r), 0);
  return hits
    .map((r) => toCandidate(r, 'exact', hits.length === 1 ? 1 : weight(r) / total))
    .sort((a, b) => b.confidence - a.confidence || b.population - a.population)
    .slice(0, MAX_CANDIDATES);
}

function rankSimilar(rows: NameHitRow[]): PlaceCandidate[] {
  const seen = new Set<number>();
  const out: PlaceCandidate[] = [];
  for (const r of rows) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    // Similar names are suggestions: their confidence stays below the threshold whatever the similarity.
    out.push(toCandidate(r, 'similar', Math.min(r.sim, 1) * 0.85));
    if (out.length === MAX_CANDIDATES) break;
  }
  return out;
}

function decide(query: string, country: string | null, candidates: PlaceCandidate[]): LookupResult {
  const top = candidates[0];
  if (!top) return { query, country, status: 'not_found', match: null, candidates };
  const matched = top.match === 'exact' && top.confidence >= MATCH_THRESHOLD;
  return {
    query,
    country,
    status: matched ? 'matched' : 'ambiguous',
    match: matched ? top : null,
    candidates,
  };
}

export function createPlacesService({ repo }: { repo: PlacesRepository }) {
  function countryCodeOf(country: string | undefined, field: string): string | null {
    if (country === undefined || country.trim() === '') return null;
    const code = resolveCountry(country);
    if (!code) throw AppError.invalid(field, `Unknown country "${country}": give an ISO code (DE) or a name`);
    return code;
  }

  async function lookup(q: LookupQuery): Promise<LookupResult> {
    const norm = normalizeName(q.name);
    if (!norm) throw AppError.invalid('q', 'Give the name of a place');
    const cc = countryCodeOf(q.country, 'country');
    const exact = rankExact(await repo.exactMany([norm], [cc]));
    if (exact.length > 0) return decide(q.name, cc, exact);
    return decide(q.name, cc, rankSimilar(await repo.similar(norm, cc, 40)));
  }

  /** Many lookups at once: one query for every exact match, then one per name that has none. */
  async function lookupMany(queries: LookupQuery[]): Promise<(LookupResult | AppError)[]> {
    const out: (LookupResult | AppError)[] = new Array(queries.length);
    const norms: string[] = [];
    const codes: (string | null)[] = [];
    queries.forEach((q, i) => {
      try {
        const norm = normalizeName(q.name);
        if (!norm) throw AppError.invalid('partner', 'Give the name of the partner city');
        norms[i] = norm;
        codes[i] = countryCodeOf(q.country, 'country');
      } catch (err) {
        out[i] = err as AppError;
        norms[i] = '';
        codes[i] = null;
      }
    });
    const grouped = new Map<number, NameHitRow[]>();
    for (const row of await repo.exactMany(norms, codes)) {
      const list = grouped.get(row.qi) ?? [];
      list.push(row);
      grouped.set(row.qi, list);
    }
    for (let i = 0; i < queries.length; i++) {
      if (out[i]) continue;
      const rows = grouped.get(i);
      const q = queries[i]!;
      out[i] = rows
        ? decide(q.name, codes[i]!, rankExact(rows))
        : decide(q.name, codes[i]!, rankSimilar(await repo.similar(norms[i]!, codes[i]!, 40)));
    }
    return out;
  }

  async function get(geonamesId: number) {
    const row = await repo.byId(geonamesId);
    if (!row) throw AppError.notFound('Place', geonamesId);
    return placeView(row);
  }

  return { lookup, lookupMany, get, countries: () => repo.countries() };
}

export type PlacesService = ReturnType<typeof createPlacesService>;
