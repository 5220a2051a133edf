// Gazetteer lookup: a name in any language, optionally with a country, answered with ranked candidates and a
// confidence. Only a clear exact match is "matched"; anything uncertain is "ambiguous" for a person to decide.
import { AppError } from '../../platform/errors.ts';
import { resolveCountry } from './countries.ts';
import { normalizeName } from './normalize.ts';
import { NAME_KIND } from './places.loader.ts';
import type { NameHitRow, PlaceRow, PlacesRepository } from './places.repository.ts';
import type { LookupQuery, LookupResult, PlaceCandidate, PlaceView } from './places.schemas.ts';
import { spellingKeys, spellingSimilarity, spellingVariants } from './spelling.ts';

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
/** The confidence of a suggestion whose spelling is as close as can be: still below the threshold. */
const SIMILAR_CEILING = 0.85;
/** Similar names fetched per spelling of the query, before they are ranked. */
const SIMILAR_PER_SPELLING = 40;

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

/**
 * Ranks similar names: by the closer of trigram and spelling similarity (two decimals), then population, one
 * row per place. They are suggestions: their confidence stays below the threshold whatever the similarity.
 */
function rankSimilar(norm: string, rows: NameHitRow[]): PlaceCandidate[] {
  const keys = spellingKeys(norm);
  const best = new Map<number, { row: NameHitRow; score: number }>();
  for (const r of rows) {
    const score =
      Math.round(Math.max(r.sim, spellingSimilarity(keys, normalizeName(r.matched_name))) * 100) / 100;
    const prev = best.get(r.id);
    if (!prev || score > prev.score) best.set(r.id, { row: r, score });
  }
  return [...best.values()]
    .sort((a, b) => b.score - a.score || b.row.population - a.row.population)
    .slice(0, MAX_CANDIDATES)
    .map(({ row, score }) => toCandidate(row, 'similar', Math.min(score, 1) * SIMILAR_CEILING));
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

/** A country typed by a person (a name in Italian or English, or a code) as its ISO code; null when empty. */
export function countryCode(field: string, value: string): string | null {
  const v = value.trim();
  if (!v) return null;
  const code = resolveCountry(v);
  if (!code) throw AppError.invalid(field, `"${v}" is not a country Ponte knows`, { value: v });
  return code;
}

/** Countries typed by a person, separated by commas, as their ISO codes (at most 40, each once). */
export function countryList(field: string, value: string): string[] {
  const codes = value
    .split(/[,;\n]/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => countryCode(field, p)!);
  if (codes.length > 40) throw AppError.invalid(field, 'At most 40 countries');
  return [...new Set(codes)];
}

export function createPlacesService({ repo }: { repo: PlacesRepository }) {
  function countryCodeOf(country: string | undefined, field: string): string | null {
    if (country === undefined || country.trim() === '') return null;
    const code = resolveCountry(country);
    if (!code) throw AppError.invalid(field, `Unknown country "${country}": give an ISO code (DE) or a name`);
    return code;
  }

  /** Suggestions for a name with no exact match: its spellings' similar names, closest first. */
  async function similar(norm: string, cc: string | null): Promise<PlaceCandidate[]> {
    return rankSimilar(norm, await repo.similar(spellingVariants(norm), cc, SIMILAR_PER_SPELLING));
  }

  async function lookup(q: LookupQuery): Promise<LookupResult> {
    const norm = normalizeName(q.name);
    if (!norm) throw AppError.invalid('q', 'Give the name of a place');
    const cc = countryCodeOf(q.country, 'country');
    const exact = rankExact(await repo.exactMany([norm], [cc]));
    if (exact.length > 0) return decide(q.name, cc, exact);
    return decide(q.name, cc, await similar(norm, cc));
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
        : decide(q.name, codes[i]!, await similar(norms[i]!, codes[i]!));
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
