// A national-scale data set for benchmarks: thousands of municipalities, their foreign partners and about a
// hundred thousand agreements with realistic spreads of kinds, dates, statuses and sectors. Deterministic: the
// same seed gives the same rows. It writes straight to the tables in bulk (json_to_recordset, a few thousand
// rows per statement) instead of going through the services, and fills the denormalised columns exactly as
// agreements.service.ts insertPrepared does, so the rows are indistinguishable from ones the app wrote.
//
// Standalone use (fills the database of the current configuration, DATA_DIR or DATABASE_URL):
//   npx tsx bench/generate.ts [institutions] [agreements]
import { pathToFileURL } from 'node:url';
import { currentStatus, type EventDraft, slugify } from '../src/features/agreements/agreements.rules.ts';
import {
  AGREEMENT_KINDS,
  type AgreementKind,
  SECTORS,
  type Sector,
  type Status,
} from '../src/features/agreements/agreements.schemas.ts';
import { countryByCode } from '../src/features/places/countries.ts';
import { normalizeName } from '../src/features/places/normalize.ts';
import type { PartialDate, Precision } from '../src/platform/dates.ts';
import type { Database, QueryFn } from '../src/platform/db/client.ts';
import { Rng, WeightedSampler } from './lib.ts';

export interface GenerateOptions {
  institutions?: number;
  agreements?: number;
  seed?: number;
  log?: (msg: string) => void;
}

export interface GeneratedInstitution {
  id: string;
  slug: string;
  agreements: number;
}

export interface GenerateReport {
  institutions: GeneratedInstitution[];
  counterparts: number;
  agreements: number;
  events: number;
  ms: number;
}

// ---- Distributions (weights, not percentages) ----

const KIND_WEIGHTS: [AgreementKind, number][] = [
  ['twinning', 62],
  ['friendship_pact', 15],
  ['collaboration_agreement', 9],
  ['memorandum_of_understanding', 8],
  ['brotherhood_pact', 4],
  ['project_partnership', 2],
];
const PRECISION_WEIGHTS: [Precision, number][] = [
  ['day', 55],
  ['month', 15],
  ['year', 20],
  ['unknown', 10],
];
/** How often each sector appears on an agreement; twinnings are mostly about culture, schools and tourism. */
const SECTOR_WEIGHTS: [Sector, number][] = [
  ['culture', 30],
  ['education', 18],
  ['tourism', 14],
  ['economy', 9],
  ['trade', 6],
  ['public_administration', 6],
  ['environment', 4],
  ['innovation', 4],
  ['science', 3],
  ['technology', 3],
  ['mobility', 2],
  ['energy', 1],
];
/** Foreign partners of Italian municipalities are mostly European; the Americas follow (emigration). */
const CONTINENT_WEIGHT: Record<string, number> = { EU: 4, NA: 1.5, SA: 1.5, AS: 1, OC: 1, AF: 0.8, AN: 0 };
/** Neighbours twin with Italian comuni more than their size says; the largest Asian countries, less. */
const COUNTRY_WEIGHT: Record<string, number> = {
  FR: 3,
  DE: 2,
  AT: 2,
  CH: 2,
  HR: 2,
  SI: 2,
  ES: 1.5,
  BE: 1.5,
  GR: 1.5,
  AR: 1.5,
  RU: 0.4,
  CN: 0.5,
  IN: 0.3,
};
const KIND_LABEL: Record<AgreementKind, [string, string]> = {
  twinning: ['Gemellaggio', 'Twinning'],
  friendship_pact: ['Patto di amicizia', 'Friendship pact'],
  brotherhood_pact: ['Patto di fratellanza', 'Brotherhood pact'],
  collaboration_agreement: ['Accordo di collaborazione', 'Collaboration agreement'],
  memorandum_of_understanding: ["Protocollo d'intesa", 'Memorandum of understanding'],
  project_partnership: ['Partenariato di progetto', 'Project partnership'],
};
const ORGANISATIONS: [(city: string) => string, (city: string) => string][] = [
  [(c) => `Università di ${c}`, (c) => `University of ${c}`],
  [(c) => `Camera di commercio di ${c}`, (c) => `${c} Chamber of Commerce`],
  [(c) => `Porto di ${c}`, (c) => `Port of ${c}`],
];
const TODAY = '2025-06-30';
const FIRST_YEAR = 1950;
const LAST_YEAR = 2025;

/** Signing years: the post-war twinning wave around 1965 and the EU-programme wave around 2000. */
const YEAR_WEIGHTS: [number, number][] = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => {
  const y = FIRST_YEAR + i;
  return [y, 1 + 2 * Math.exp(-(((y - 1965) / 8) ** 2)) + 2.5 * Math.exp(-(((y - 2000) / 9) ** 2))];
});

// ---- Dates ----

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addDays = (date: string, days: number) => isoDay(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000);

/** A date in the given year at a drawn precision, stored like the app stores partial dates. */
function partialDate(rng: Rng, year: number, precision: Precision): PartialDate {
  if (precision === 'unknown') return { date: null, precision };
  if (precision === 'year') return { date: `${year}-01-01`, precision };
  const month = rng.int(1, 12);
  if (precision === 'month') return { date: `${year}-${pad(month)}-01`, precision };
  const day = rng.int(1, new Date(Date.UTC(year, month, 0)).getUTCDate());
  return { date: `${year}-${pad(month)}-${pad(day)}`, precision };
}

const yearOf = (d: PartialDate) => (d.date ? Number(d.date.slice(0, 4)) : undefined);

// ---- Source rows read from the gazetteer ----

interface PoolPlace {
  id: number;
  name: string;
  name_it: string | null;
  name_en: string | null;
  country_code: string;
  continent: string;
  population: number;
}

interface Counterpart {
  id: string;
  institution_id: string;
  kind: 'city' | 'organisation';
  place_id: number | null;
  name_it: string;
  name_en: string;
  country_code: string;
}

/** Splits total into integer shares proportional to weights (largest remainder), so they sum exactly. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, n) => s + n, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; left > 0; k++, left--) out[order[k % order.length]![1]]! += 1;
  return out;
}

async function insertJson(query: QueryFn, statement: string, rows: object[], chunk = 5000): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    await query(statement, [JSON.stringify(rows.slice(i, i + chunk))]);
  }
}

const INSERT_INSTITUTIONS = `insert into institutions (id, slug, kind, name_it, name_en, office_name_it,
    office_name_en, home_place_id, email, website)
  select * from json_to_recordset($1::json) as x(id uuid, slug text, kind text, name_it text, name_en text,
    office_name_it text, office_name_en text, home_place_id int, email text, website text)`;

const INSERT_COUNTERPARTS = `insert into counterparts (id, institution_id, kind, place_id, name_it, name_en,
    country_code)
  select * from json_to_recordset($1::json) as x(id uuid, institution_id uuid, kind text, place_id int,
    name_it text, name_en text, country_code text)`;

const INSERT_AGREEMENTS = `insert into agreements (id, institution_id, counterpart_id, slug, slug_en, kind, signed_on,
    signed_precision, ratified_on, ratified_precision, term, ends_on, renewal, renewal_years, sectors, title_it,
    title_en, published, status, status_since, status_since_precision, country_code, continent, search_text,
    sort_name_it, sort_name_en, created_at, updated_at)
  select * from json_to_recordset($1::json) as x(id uuid, institution_id uuid, counterpart_id uuid, slug text,
    slug_en text, kind text, signed_on date, signed_precision text, ratified_on date, ratified_precision text, term text,
    ends_on date, renewal text, renewal_years smallint, sectors text[], title_it text, title_en text,
    published boolean, status text, status_since date, status_since_precision text, country_code text,
    continent text, search_text text, sort_name_it text, sort_name_en text, created_at timestamptz,
    updated_at timestamptz)`;

const INSERT_EVENTS = `insert into agreement_status_events (agreement_id, institution_id, status, outcome,
    occurred_on, precision, reason_it, reason_en, act)
  select * from json_to_recordset($1::json) as x(agreement_id uuid, institution_id uuid, status text,
    outcome text, occurred_on date, precision text, reason_it text, reason_en text, act text)`;

/** Fills a prepared database (migrated, gazetteer loaded, no institutions yet) with the data set. */
export async function generateDataset(
  database: Database,
  opts: GenerateOptions = {},
): Promise<GenerateReport> {
  const started = performance.now();
  const nInstitutions = opts.institutions ?? 8000;
  const nAgreements = opts.agreements ?? 100_000;
  const log = opts.log ?? (() => {});
  const rng = new Rng(opts.seed ?? 20_250_630);

  // Foreign towns of 15,000 people or more, drawn with weight growing with population (sub-linearly, so the
  // many mid-sized towns that twin with Italian comuni still appear), by continent and country, and for the
  // cities that have a curated Italian name.
  const pool = await database.query<PoolPlace>(
    `select p.id, p.name, p.name_it, p.name_en, p.country_code, c.continent, p.population
     from places p join countries c on c.code = p.country_code
     where p.population >= 15000 and p.country_code <> 'IT'
     order by p.id`,
  );
  const sampler = new WeightedSampler(
    pool,
    (p) =>
      p.population ** 0.55 *
      (CONTINENT_WEIGHT[p.continent] ?? 1) *
      (COUNTRY_WEIGHT[p.country_code] ?? 1) *
      (p.name_it ? 2.5 : 1),
  );
  const norms = new Map<number, string[]>();
  for (const r of await database.query<{ place_id: number; norm: string }>(
    'select place_id, norm from place_names where place_id = any($1::int[]) order by id',
    [pool.map((p) => p.id)],
  )) {
    const list = norms.get(r.place_id) ?? [];
    list.push(r.norm);
    norms.set(r.place_id, list);
  }

  // Institutions: the Italian places of the gazetteer, largest first, as their comuni; the largest comuni have
  // the most agreements (a Zipf-like tail: a few hundred for the largest, a handful for the smallest).
  const homes = await database.query<{ id: number; name: string }>(
    `select id, name from places where country_code = 'IT' order by population desc, id limit $1`,
    [nInstitutions],
  );
  const perInstitution = apportion(
    nAgreements,
    Array.from({ length: nInstitutions }, (_, i) => (i + 1) ** -0.5),
  );
  const institutions = Array.from({ length: nInstitutions }, (_, i) => {
    const slug = `comune-${String(i + 1).padStart(5, '0')}`;
    const home = homes[i];
    const name = home?.name ?? `Comune ${i + 1}`;
    return {
      id: rng.uuid(),
      slug,
      kind: 'comune',
      name_it: `Comune di ${name}`,
      name_en: `Municipality of ${name}`,
      office_name_it: 'Ufficio relazioni internazionali',
      office_name_en: 'International relations office',
      home_place_id: home?.id ?? null,
      email: `relazioni.internazionali@${slug}.example.it`,
      website: `https://www.${slug}.example.it`,
    };
  });

  const counterparts: Counterpart[] = [];
  const agreements: object[] = [];
  const events: object[] = [];

  institutions.forEach((inst, i) => {
    const count = perInstitution[i]!;
    const mine: Counterpart[] = [];
    const usedPlaces = new Set<number>();
    const usedOrgs = new Set<string>();
    const taken = new Set<string>();
    const takenEn = new Set<string>();

    /** A new partner for this institution (usually a city, sometimes an organisation), if one is left. */
    const newCounterpart = (): Counterpart | undefined => {
      for (let attempt = 0; attempt < 30; attempt++) {
        const place = sampler.draw(rng);
        const cityIt = place.name_it ?? place.name;
        const cityEn = place.name_en ?? place.name;
        const common = { institution_id: inst.id, country_code: place.country_code };
        if (rng.chance(0.03)) {
          const [it, en] = rng.pick(ORGANISATIONS);
          if (usedOrgs.has(en(cityEn))) continue;
          usedOrgs.add(en(cityEn));
          return {
            ...common,
            id: rng.uuid(),
            kind: 'organisation',
            place_id: null,
            name_it: it(cityIt),
            name_en: en(cityEn),
          };
        }
        if (usedPlaces.has(place.id)) continue;
        usedPlaces.add(place.id);
        return {
          ...common,
          id: rng.uuid(),
          kind: 'city',
          place_id: place.id,
          name_it: cityIt,
          name_en: cityEn,
        };
      }
      return undefined;
    };

    for (let k = 0; k < count; k++) {
      // Most agreements are with a new partner; some add a second agreement with an existing one.
      let cp: Counterpart | undefined;
      if (mine.length > 0 && rng.chance(0.12)) cp = rng.pick(mine);
      else {
        cp = newCounterpart();
        if (cp) {
          mine.push(cp);
          counterparts.push(cp);
        } else cp = rng.pick(mine); // no new partner left to draw: another agreement with an old one
      }
      const kind = rng.weighted(KIND_WEIGHTS);
      const agreementId = rng.uuid();

      // Signing and ratification dates at mixed precisions; an unknown signing date often has a known
      // ratification (the council act is on file, the ceremony is not).
      const signedYear = rng.weighted(YEAR_WEIGHTS);
      const signed = partialDate(rng, signedYear, rng.weighted(PRECISION_WEIGHTS));
      let ratified: PartialDate = { date: null, precision: 'unknown' };
      if (signed.precision === 'day' && rng.chance(0.3)) {
        ratified = { date: addDays(signed.date!, rng.int(20, 400)), precision: 'day' };
        if (ratified.date! > TODAY) ratified = { date: null, precision: 'unknown' };
      } else if (signed.precision === 'unknown' && rng.chance(0.4)) {
        ratified = partialDate(rng, signedYear, 'day');
      }
      const start = signed.date ? signed : ratified;

      // Term: most agreements are permanent; some memoranda and project partnerships run for a fixed term.
      let term: 'permanent' | 'fixed' = 'permanent';
      let endsOn: string | null = null;
      let renewal: string | null = null;
      let renewalYears: number | null = null;
      if (kind !== 'twinning' && signed.precision === 'day' && rng.chance(0.35)) {
        term = 'fixed';
        renewalYears = rng.pick([3, 5]);
        endsOn = addDays(signed.date!, renewalYears * 365);
        renewal = rng.weighted([
          ['none', 5],
          ['automatic', 3],
          ['by_agreement', 2],
        ]);
        if (renewal === 'none') renewalYears = null;
      }

      // Status history: proposed, or active from the start, then for some a later suspension, termination,
      // expiry, a reactivation or a rejected motion. The status is derived from it as the service does.
      const history: EventDraft[] = [];
      const event = (status: Status, date: PartialDate, extra: Partial<EventDraft> = {}): EventDraft => ({
        status,
        outcome: 'approved',
        date,
        reasonIt: null,
        reasonEn: null,
        act: null,
        sources: [],
        ...extra,
      });
      const later = (): PartialDate => {
        const from = yearOf(start) ?? 1990;
        return partialDate(
          rng,
          Math.min(LAST_YEAR, from + rng.int(1, 30)),
          rng.weighted([
            ['day', 6],
            ['month', 1],
            ['year', 3],
          ]),
        );
      };
      const act = () => `Delibera di Consiglio comunale n. ${rng.int(1, 180)}/${rng.int(1990, 2025)}`;
      if (rng.chance(0.02)) {
        history.push(event('proposed', start));
      } else {
        history.push(event('active', start));
        const roll = rng.next();
        if (term === 'fixed' && endsOn! < TODAY && renewal !== 'automatic') {
          history.push(event('expired', { date: endsOn, precision: 'day' }));
        } else if (roll < 0.06) {
          history.push(
            event('suspended', later(), {
              reasonIt: 'Rapporti sospesi dal Consiglio comunale',
              reasonEn: 'Relations suspended by the city council',
              act: act(),
            }),
          );
          if (rng.chance(0.15)) history.push(event('active', later(), { act: act() }));
        } else if (roll < 0.11) {
          history.push(
            event('terminated', later(), {
              reasonIt: 'Cessato per mancanza di attività',
              reasonEn: 'Ended for lack of activity',
              act: act(),
            }),
          );
        } else if (roll < 0.12) {
          history.push(
            event('terminated', later(), { outcome: 'rejected', act: `Mozione n. ${rng.int(1, 99)}` }),
          );
        }
      }
      const { status, since } = currentStatus(history);

      // Sectors: up to three distinct ones, none for a tenth of the agreements.
      const sectors = new Set<Sector>();
      const nSectors = rng.weighted([
        [0, 1],
        [1, 5],
        [2, 3],
        [3, 1],
      ]);
      while (sectors.size < nSectors) sectors.add(rng.weighted(SECTOR_WEIGHTS));

      const [labelIt, labelEn] = KIND_LABEL[kind];
      const titled = rng.chance(0.25);
      const titleIt = titled ? `${labelIt} tra ${inst.name_it} e ${cp.name_it}` : null;
      const titleEn = titled ? `${labelEn} between ${inst.name_en} and ${cp.name_en}` : null;

      // Slug and denormalised columns, as insertPrepared computes them.
      const base = slugify(cp.name_it);
      const kinded = kind === 'twinning' ? base : `${base}-${kind.replace(/_/g, '-')}`;
      let slug = kinded;
      for (let n = 2; taken.has(slug); n++) slug = `${kinded}-${n}`;
      taken.add(slug);
      // The English address: the partner's English name in place of its Italian one (as englishSlug does).
      const kindedEn = `${slugify(cp.name_en)}${kinded.slice(base.length)}`;
      let slugEn = kindedEn;
      for (let n = 2; takenEn.has(slugEn); n++) slugEn = `${kindedEn}-${n}`;
      takenEn.add(slugEn);
      const country = countryByCode(cp.country_code);
      const searchParts = [
        cp.name_it,
        cp.name_en,
        country?.nameIt ?? '',
        country?.nameEn ?? '',
        titleIt ?? '',
        titleEn ?? '',
        ...(cp.place_id !== null ? (norms.get(cp.place_id) ?? []) : []),
      ];
      const createdAt = Date.parse('2023-01-01T08:00:00Z') + rng.int(0, 900) * 86_400_000;

      agreements.push({
        id: agreementId,
        institution_id: inst.id,
        counterpart_id: cp.id,
        slug,
        slug_en: slugEn,
        kind,
        signed_on: signed.date,
        signed_precision: signed.precision,
        ratified_on: ratified.date,
        ratified_precision: ratified.precision,
        term,
        ends_on: endsOn,
        renewal,
        renewal_years: renewalYears,
        sectors: [...sectors],
        title_it: titleIt,
        title_en: titleEn,
        published: rng.chance(0.9),
        status,
        status_since: since.date,
        status_since_precision: since.precision,
        country_code: cp.country_code,
        continent: country?.continent ?? null,
        search_text: [...new Set(searchParts.map(normalizeName).filter(Boolean))].join(' | '),
        sort_name_it: normalizeName(cp.name_it),
        sort_name_en: normalizeName(cp.name_en),
        created_at: new Date(createdAt).toISOString(),
        updated_at: new Date(createdAt + rng.int(0, 200) * 86_400_000).toISOString(),
      });
      for (const e of history) {
        events.push({
          agreement_id: agreementId,
          institution_id: inst.id,
          status: e.status,
          outcome: e.outcome,
          occurred_on: e.date.date,
          precision: e.date.precision,
          reason_it: e.reasonIt,
          reason_en: e.reasonEn,
          act: e.act,
        });
      }
    }
  });
  log(
    `Generated ${institutions.length} institutions, ${counterparts.length} counterparts, ` +
      `${agreements.length} agreements, ${events.length} status events in ${Math.round(performance.now() - started)} ms; writing...`,
  );

  await database.transaction(async () => {
    await insertJson(database.query, INSERT_INSTITUTIONS, institutions);
    await insertJson(database.query, INSERT_COUNTERPARTS, counterparts);
    await insertJson(database.query, INSERT_AGREEMENTS, agreements);
    await insertJson(database.query, INSERT_EVENTS, events);
  });
  // Fresh statistics, as autovacuum would gather on a server after such a load (PGlite has no autovacuum).
  await database.query('analyze');
  const ms = performance.now() - started;
  log(`Data set written in ${Math.round(ms)} ms.`);
  return {
    institutions: institutions.map((inst, i) => ({
      id: inst.id,
      slug: inst.slug,
      agreements: perInstitution[i]!,
    })),
    counterparts: counterparts.length,
    agreements: agreements.length,
    events: events.length,
    ms,
  };
}

// Kinds are listed in the schema; a kind added there without a weight here would never be generated.
for (const k of AGREEMENT_KINDS)
  if (!KIND_WEIGHTS.some(([kind]) => kind === k)) throw new Error(`No weight for ${k}`);
for (const s of SECTORS)
  if (!SECTOR_WEIGHTS.some(([sector]) => sector === s)) throw new Error(`No weight for ${s}`);

// ---- Standalone: fill the configured database ----

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { databaseOptions, loadConfig } = await import('../src/config.ts');
  const { openDatabase } = await import('../src/platform/db/client.ts');
  const { prepareDatabase } = await import('../src/prepare.ts');
  const database = await openDatabase(databaseOptions(loadConfig()));
  try {
    await prepareDatabase(database, console.log);
    const [existing] = await database.query<{ n: number }>('select count(*)::int as n from institutions');
    if (existing!.n > 0) throw new Error('The database already has institutions: generate into an empty one');
    await generateDataset(database, {
      institutions: process.argv[2] ? Number(process.argv[2]) : undefined,
      agreements: process.argv[3] ? Number(process.argv[3]) : undefined,
      log: console.log,
    });
  } finally {
    await database.close();
  }
}
