// What a fuzz run starts from: Milan's demo data, an admin's session, a platform administrator's session
// (working in Milan, so that the catalogue's edit and delete forms show), write and read tokens, and a few
// records that make the rarer forms appear (an unused partner and unit to delete, an attachment to delete,
// a token to revoke, networks Milan has not joined). Also the hints: values that reach the logic behind the
// schemas and forms (a city and a country the gazetteer knows, a unit of the institution, real dates).
import fc from 'fast-check';
import type { App } from '../../src/platform/http/types.ts';
import { adminClient, csrfIn, FORM } from '../admin.ts';
import { TEST_ACTOR } from '../factories.ts';
import type { TestContext } from '../support.ts';
import type { Credentials } from './openapi-requests.ts';
import type { Hints } from './schema-arbitrary.ts';

export interface Setting {
  creds: Credentials;
  /** The platform administrator's session cookie. */
  platformCookie: string;
  /** Ids no valid form may act on: the fuzzing users (a role change would lock them out) and tokens. */
  protectedIds: string[];
  /** Ids of Milan's records (and the catalogue's networks) by the collection name of their API path. */
  pools: Record<string, string[]>;
  apiHints: Hints;
  /** For forms; a name joined with "+" gives controls that go together (a city and its country). */
  formHints: Hints;
  /** Pages that only some data show, to start the crawl from. */
  extraPages: string[];
  /** Pages only a post shows: the new-agreement form asking which of several cities was meant. */
  rendered: { url: string; html: string }[];
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

type Query = (sql: string, params?: unknown[]) => Promise<string[]>;

/** Milan's admin, and a platform administrator who chose to work in Milan. */
async function signIn(app: App, ctx: TestContext, institution: string) {
  const client = adminClient(app, ctx);
  const admin = await client.signIn(institution, 'admin');
  const platform = `platform.${process.pid}@example.org`;
  const { password } = await ctx.services.accounts.createUser({ email: platform, platformAdmin: true });
  const platformCookie = await client.login(platform, password!);
  const choose = await client.get('/admin/it/institutions', platformCookie);
  await app.inject({
    method: 'POST',
    url: '/admin/it/institutions',
    headers: { ...FORM, cookie: platformCookie },
    payload: new URLSearchParams({ _csrf: csrfIn(choose.body), institution }).toString(),
  });
  const csrf = csrfIn((await client.get('/admin/it/password', admin.cookie)).body);
  return { client, ...admin, csrf, platform, platformCookie };
}

/**
 * Records that make the rarer forms appear: an unused partner and unit (their delete forms), an attachment
 * (its delete form), and the new-agreement form asking which of several cities named Springfield was meant.
 */
async function rarerForms(
  app: App,
  client: ReturnType<typeof adminClient>,
  cookie: string,
  writeToken: string,
  agreement: string,
) {
  const api = (url: string, payload: object) =>
    app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${writeToken}` }, payload });
  await api('/api/v1/counterparts', { nameIt: 'Ente di prova', nameEn: 'Fuzz test body', country: 'FR' });
  await api('/api/v1/units', { slug: 'fuzz-unit', nameIt: 'Unità di prova', nameEn: 'Test unit' });
  const page = await client.get(`/admin/it/agreements/${agreement}`, cookie);
  const boundary = 'settingboundary';
  await app.inject({
    method: 'POST',
    url: `/admin/it/agreements/${agreement}/attachments`,
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrfIn(page.body)}\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n` +
          'Content-Type: application/pdf\r\n\r\n',
      ),
      PDF,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
  const ambiguous = await client.post('/admin/it/agreements/new', cookie, {
    kind: 'twinning',
    partner: 'Springfield',
  });
  return ambiguous.body.includes('name="geonamesId"')
    ? [{ url: '/admin/it/agreements/new', html: ambiguous.body }]
    : [];
}

/** Milan's records by the collection name of their API path, in an order that does not depend on ids. */
async function poolsOf(ids: Query, milano: string): Promise<Record<string, string[]>> {
  const mine = [milano];
  return {
    agreements: await ids('select id from agreements where institution_id = $1 order by slug', mine),
    counterparts: await ids(
      'select id from counterparts where institution_id = $1 order by name_en, name_it',
      mine,
    ),
    memberships: await ids(
      `select m.id from memberships m join networks n on n.id = m.network_id
        where m.institution_id = $1 order by n.slug`,
      mine,
    ),
    units: await ids('select id from units where institution_id = $1 order by slug', mine),
    networks: await ids('select id from networks order by slug'),
  };
}

/** Values that reach the logic: known cities and countries, the institution's units, real dates. */
async function hintsOf(ctx: TestContext, milano: string, unitIds: string[], institutions: string[]) {
  const places = await Promise.all(
    ['Lione', 'Francoforte', 'Tokyo'].map((name) => ctx.services.places.lookup({ name })),
  );
  const units = await ctx.services.institutions.unitsOf(milano);
  const geonamesIds = places.flatMap((p) => p.candidates.map((c) => c.geonamesId));
  const shared: Hints = {
    unit: fc.constantFrom(...units.map((u) => u.slug)),
    unitId: fc.constantFrom(...unitIds),
    institution: fc.constantFrom(...institutions),
    q: fc.constantFrom('Lione', 'fra', 'San'),
    date: fc.constantFrom('1973', '1979-07', '1979-07-03', '2026-11-20'),
    since: fc.constantFrom('2001', '2019-05', '2019-05-12'),
    email: fc.emailAddress(),
    annualFee: fc.constantFrom('1500', '1500.50'),
    feeCurrency: fc.constantFrom('EUR', 'USD'),
  };
  const apiHints: Hints = {
    ...shared,
    // A partner the gazetteer finds: a city by name and country, or by its GeoNames id; or an organisation.
    partner: fc.constantFrom(
      { type: 'city', name: 'Lione', country: 'FR' },
      { type: 'city', name: 'Tokyo' },
      { type: 'city', name: 'Francoforte', country: 'DE' },
      ...geonamesIds.slice(0, 3).map((geonamesId) => ({ type: 'city', name: 'x', geonamesId })),
      { type: 'organisation', nameIt: 'Banca Mondiale', nameEn: 'World Bank' },
    ),
    geonamesId: fc.constantFrom(...geonamesIds),
    country: fc.constantFrom('FR', 'DE', 'JP', 'Germany'),
  };
  const formHints: Hints = {
    ...shared,
    'partner+country': fc.constantFrom(
      ['Lione', 'FR'],
      ['Tokyo', ''],
      ['Francoforte', 'DE'],
      ['Monaco di Baviera', 'Germania'],
      ['Chicago', 'US'],
    ),
    country: fc.constantFrom('FR', 'DE', 'Giappone', ''),
    signed: fc.constantFrom('1973', '1979-07', '1979-07-03', ''),
    endsOn: fc.constantFrom('2030-12-31', ''),
    renewalYears: fc.integer({ min: 1, max: 50 }).map(String),
    sources: fc.constantFrom('https://example.org/gemellaggio Delibera', ''),
    website: fc.constantFrom('https://example.org/', ''),
  };
  return { apiHints, formHints };
}

/**
 * The setting of a run in `institution` (Milan's demo by default); `institutions` are the slugs the hints
 * offer where a request names an institution.
 */
export async function prepareSetting(
  app: App,
  ctx: TestContext,
  institution = 'milano',
  institutions = ['milano', 'firenze', 'cm-firenze'],
): Promise<Setting> {
  const ids: Query = async (sql, params = []) =>
    (await ctx.database.query<{ id: string }>(sql, params)).map((r) => r.id);
  const who = await signIn(app, ctx, institution);
  const milano = await ctx.services.institutions.idOf(institution);
  const token = (name: string, scope: 'read' | 'write') =>
    ctx.services.accounts.createApiToken({ institution, name, scope, actor: TEST_ACTOR });
  const write = await token('fuzz-write', 'write');
  const read = await token('fuzz-read', 'read');
  await token('fuzz-spare', 'read');
  const [agreement] = await ids('select id from agreements where institution_id = $1 order by slug', [
    milano,
  ]);
  const rendered = await rarerForms(app, who.client, who.cookie, write.token, agreement!);
  const pools = await poolsOf(ids, milano);
  const notJoined = await ids(
    `select id from networks where id not in (select network_id from memberships where institution_id = $1)
      order by slug limit 2`,
    [milano],
  );
  return {
    creds: { writeToken: write.token, readToken: read.token, cookie: who.cookie, csrf: who.csrf },
    platformCookie: who.platformCookie,
    protectedIds: [
      ...(await ids('select id from users where email = any($1::text[])', [[who.email, who.platform]])),
      write.id,
      read.id,
    ],
    pools,
    ...(await hintsOf(ctx, milano, pools['units']!, institutions)),
    rendered,
    extraPages: [
      '/admin/it/login',
      '/admin/it/institutions',
      ...notJoined.map((id) => `/admin/it/networks/${id}/join`),
      ...pools['memberships']!.slice(0, 1).map((id) => `/admin/it/memberships/${id}`),
    ],
  };
}
