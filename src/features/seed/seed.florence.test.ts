// Florence's demo partnerships as facts.md lists them: every row, its kind, its date at its own precision,
// the other date a second source gives, and the same source text on every row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient } from '../../../test/admin.ts';
import { TEST_ACTOR } from '../../../test/factories.ts';
import { createTestApp, createTestDeps, type TestContext } from '../../../test/support.ts';
import type { App } from '../../platform/http/types.ts';
import type { Agreement } from '../agreements/agreements.schemas.ts';

const SOURCE = 'Comune di Firenze e Wikipedia, non ancora verificato riga per riga';
const SOURCE_EN = 'City of Florence and Wikipedia, not yet checked row by row';

// slug, country, kind, date, precision, alternative date (year) — one line per row of facts.md's table.
const ROWS: [string, string, string, string | null, string, string | null][] = [
  ['reims', 'FR', 'twinning', '1954-07-03', 'day', null],
  ['kassel', 'DE', 'twinning', '1952', 'year', '1958'],
  ['fez', 'MA', 'twinning', '1961', 'year', null],
  ['filadelfia', 'US', 'twinning', '1964', 'year', null],
  ['edimburgo', 'GB', 'twinning', '1964', 'year', '1965'],
  ['kyoto', 'JP', 'twinning', '1965-11-06', 'day', null],
  ['kiev', 'UA', 'twinning', '1967-07-27', 'day', null],
  ['dresda', 'DE', 'twinning', '1978', 'year', null],
  ['nanchino', 'CN', 'twinning', '1980', 'year', null],
  ['cracovia', 'PL', 'friendship_pact', '1985', 'year', null],
  ['kuwait-city', 'KW', 'twinning', '1991', 'year', null],
  ['salvador-de-bahia', 'BR', 'twinning', '1991', 'year', null],
  ['turku', 'FI', 'twinning', '1991', 'year', '1992'],
  ['sydney', 'AU', 'twinning', '1991', 'year', null],
  ['asmara', 'ER', 'twinning', '1992', 'year', null],
  ['nazaret', 'IL', 'twinning', '1996-03-25', 'day', null],
  ['betlemme', 'PS', 'twinning', '1962', 'year', '2012'],
  ['valladolid', 'ES', 'twinning', '2007-01-24', 'day', null],
  ['budapest', 'HU', 'twinning', '2007', 'year', '2008'],
  ['atene', 'GR', 'twinning', null, 'unknown', null],
  ['riga', 'LV', 'twinning', null, 'unknown', null],
  ['tirana', 'AL', 'twinning', null, 'unknown', null],
  ['isfahan', 'IR', 'twinning', null, 'unknown', null],
  ['el-aaiun', 'EH', 'twinning', null, 'unknown', null],
  ['porto-vecchio', 'FR', 'friendship_pact', '2007-01-22', 'day', null],
  ['puebla', 'MX', 'friendship_pact', '2005-02', 'month', null],
  ['sanaa', 'YE', 'friendship_pact', '2007', 'year', '2008'],
  ['xian', 'CN', 'friendship_pact', '2007', 'year', '2008'],
  ['arequipa', 'PE', 'friendship_pact', '2007', 'year', '2008'],
  ['tallinn', 'EE', 'friendship_pact', '2008', 'year', null],
  ['austin', 'US', 'collaboration_agreement', '2023', 'year', null],
];

let ctx: TestContext;
let app: App;
let bySlug: Map<string, Agreement>;

beforeAll(async () => {
  ctx = await createTestDeps({ seed: true });
  app = await createTestApp(ctx);
  const all = await ctx.services.agreements.listDetailed('firenze');
  bySlug = new Map(all.map((a) => [a.slug, a]));
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

const stored = (slug: string) =>
  ctx.services.agreements.listDetailed('firenze').then((all) => all.find((a) => a.slug === slug)!);

describe('Florence demo partnerships', () => {
  it('when seeded, then Florence has exactly the rows of facts.md, all published', () => {
    expect([...bySlug.keys()].sort()).toEqual(ROWS.map((r) => r[0]).sort());
    expect([...bySlug.values()].every((a) => a.published && a.status === 'active')).toBe(true);
  });

  it.each(ROWS)(
    'when %s is read, then its country, kind, date, precision and alternative date are as facts.md gives them',
    (slug, country, kind, date, precision, other) => {
      const a = bySlug.get(slug)!;
      expect(a.partner.country?.code).toBe(country);
      expect(a.kind).toBe(kind);
      expect(a.signed).toEqual({ date, precision, source: SOURCE, sourceEn: SOURCE_EN });
      expect(a.sources).toEqual([]);
      expect(a.alternativeDates).toEqual(
        other
          ? [{ field: 'signed', date: other, precision: 'year', source: SOURCE, sourceEn: SOURCE_EN }]
          : [],
      );
      expect(a.descriptionIt).toBeTruthy();
      expect(a.descriptionEn).toBeTruthy();
      // The status comes from the same unverified list, and says so.
      expect(a.statusHistory[0]?.sources).toEqual([{ title: SOURCE, titleEn: SOURCE_EN }]);
    },
  );

  it('when El Aaiún is read, then it is tied to no gazetteer place and says it may be the refugee camp', () => {
    const a = bySlug.get('el-aaiun')!;
    expect(a.partner.place).toBeNull();
    expect(a.descriptionEn).toContain('refugee camp');
    expect(a.descriptionEn).toContain('Tindouf');
    expect(a.descriptionIt).toContain('Tindouf');
  });

  it('when uncertain rows are read, then their descriptions say so', () => {
    expect(bySlug.get('sydney')!.descriptionEn).toContain('may have lapsed');
    expect(bySlug.get('budapest')!.descriptionIt).toContain('incerto');
    expect(bySlug.get('betlemme')!.descriptionEn).toContain('2012');
  });

  it('when Milan and Florence both have a partnership with Kraków, then each keeps the slug in its own list', async () => {
    const milan = await ctx.services.agreements.listDetailed('milano');
    expect(milan.find((a) => a.slug === 'cracovia')?.kind).toBe('twinning');
    expect(bySlug.get('cracovia')?.kind).toBe('friendship_pact');
  });
});

describe("Florence's contacts", () => {
  it("when the portal draws its footer, then it has seed 000's address and VAT number and no contact the seeds do not give", async () => {
    const inst = await ctx.services.institutions.get('firenze');
    expect(inst).toMatchObject({
      address: 'Palazzo Vecchio, Piazza della Signoria, 50122 Firenze',
      vatNumber: '01307110484',
      email: null,
      phone: null,
      pec: null,
      accessibilityUrl: null,
      privacyTextIt: null,
    });
    expect(inst.units.every((u) => u.email === null && u.phone === null)).toBe(true);
    const home = await app.inject({ method: 'GET', url: '/firenze/it/' });
    expect(home.body).toContain('01307110484');
    // No statement of its own in the seeds: the footer links AgID's generic form.
    expect(home.body).toContain('href="https://form.agid.gov.it/" data-element="accessibility-link"');
  });
});

describe('the "to verify" mark', () => {
  it('when seeded, then every Florence row is marked to verify and no Milan row is', async () => {
    expect([...bySlug.values()].every((a) => a.toVerify)).toBe(true);
    const milan = await ctx.services.agreements.listDetailed('milano');
    expect(milan.some((a) => a.toVerify)).toBe(false);
  });

  it('when a write token clears the mark through PATCH, then the API says so and the audit keeps the change', async () => {
    const { token } = await ctx.services.accounts.createApiToken({
      institution: 'firenze',
      name: 'verify',
      scope: 'write',
      actor: TEST_ACTOR,
    });
    const before = await stored('kyoto');
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/v1/agreements/${before.id}`,
      headers: { authorization: `Bearer ${token}` },
      payload: { toVerify: false, version: before.version },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().toVerify).toBe(false);
    expect(res.json().descriptionEn).toBe(before.descriptionEn);
    const read = await app.inject({ method: 'GET', url: `/api/v1/agreements/${before.id}` });
    expect(read.json().toVerify).toBe(false);
    const [audit] = await ctx.database.query<{ before: unknown; after: unknown }>(
      'select before, after from audit_events where entity_id = $1 order by id desc limit 1',
      [before.id],
    );
    expect(audit).toMatchObject({ before: { toVerify: true }, after: { toVerify: null } });

    const back = await app.inject({
      method: 'PATCH',
      url: `/api/v1/agreements/${before.id}`,
      headers: { authorization: `Bearer ${token}` },
      payload: { toVerify: true, version: res.json().version },
    });
    expect(back.json().toVerify).toBe(true);
  });

  it('when an editor opens the dashboard, then the agreements to verify are listed; once cleared on its page, it leaves the list', async () => {
    const client = adminClient(app, ctx);
    const { cookie } = await client.signIn('firenze', 'editor');
    const dashboard = (await client.get('/admin/it/', cookie)).body;
    expect(dashboard).toContain('Dati da verificare');
    const reims = await stored('reims');
    // The "to verify" list: from its heading to the next one (the dashboard links Reims elsewhere too).
    const toVerifyList = (html: string) => html.split('Dati da verificare</h2>')[1]?.split('<h2')[0] ?? '';
    expect(toVerifyList(dashboard)).toContain(`/admin/it/agreements/${reims.id}`);
    expect((await client.get('/admin/en/', cookie)).body).toContain('Data to verify');

    const page = (await client.get(`/admin/it/agreements/${reims.id}`, cookie)).body;
    expect(page).toContain('Segna come verificato');
    const res = await client.post(`/admin/it/agreements/${reims.id}/verify`, cookie, {
      version: String(reims.version),
      toVerify: 'false',
    });
    expect(res.statusCode).toBe(303);
    expect((await stored('reims')).toVerify).toBe(false);
    const after = (await client.get(`/admin/it/agreements/${reims.id}`, cookie)).body;
    expect(after).toContain('Segna come da verificare');
    const later = (await client.get('/admin/it/', cookie)).body;
    expect(toVerifyList(later)).toContain('/admin/it/agreements/');
    expect(toVerifyList(later)).not.toContain(`/admin/it/agreements/${reims.id}`);
    const [audit] = await ctx.database.query<{ action: string }>(
      'select action from audit_events where entity_id = $1 order by id desc limit 1',
      [reims.id],
    );
    expect(audit?.action).toBe('update');
  });

  it('when a viewer posts the clearing form, then it is refused and the mark stays', async () => {
    const client = adminClient(app, ctx);
    const { cookie } = await client.signIn('firenze', 'viewer');
    const a = await stored('tirana');
    const res = await client.post(`/admin/it/agreements/${a.id}/verify`, cookie, {
      version: String(a.version),
      toVerify: 'false',
    });
    expect(res.statusCode).toBe(403);
    expect((await stored('tirana')).toVerify).toBe(true);
  });

  it('when the portal shows a partnership to verify, then it says the data is being verified, in both languages', async () => {
    const it_ = (await app.inject({ method: 'GET', url: '/firenze/it/partenariati/kassel' })).body;
    expect(it_).toContain('Dati in corso di verifica');
    const en = (await app.inject({ method: 'GET', url: '/firenze/en/partnerships/kassel' })).body;
    expect(en).toContain('Data being verified');
    const list = (await app.inject({ method: 'GET', url: '/firenze/it/partenariati/' })).body;
    expect(list).toContain('Dati in corso di verifica');
    const listEn = (await app.inject({ method: 'GET', url: '/firenze/en/partnerships/' })).body;
    expect(listEn).toContain('Data being verified');
    const milan = (await app.inject({ method: 'GET', url: '/milano/it/partenariati/chicago' })).body;
    expect(milan).not.toContain('Dati in corso di verifica');
  });
});

describe('one twinning per country', () => {
  const count = async (institution: string) =>
    (await ctx.services.agreements.listDetailed(institution, { includeUnpublished: true })).length;

  it('when a Florence editor records a second twinning in Germany, then the form warns and offers a friendship pact; nothing is written until they choose', async () => {
    const client = adminClient(app, ctx);
    const { cookie } = await client.signIn('firenze', 'editor');
    const before = await count('firenze');
    const fields = { kind: 'twinning', partner: 'Monaco di Baviera', country: 'DE' };
    const warned = await client.post('/admin/it/agreements/new', cookie, fields);
    expect(warned.statusCode).toBe(409);
    expect(warned.body).toContain('un solo gemellaggio per Paese');
    expect(warned.body).toContain('Dresda');
    expect(warned.body).toContain('Registra come patto di amicizia');
    expect(warned.body).toContain('Registra comunque come gemellaggio');
    expect(await count('firenze')).toBe(before);

    const asPact = await client.post('/admin/it/agreements/new', cookie, {
      ...fields,
      twinningRule: 'friendship_pact',
    });
    expect(asPact.statusCode).toBe(303);
    const pact = (await ctx.services.agreements.listDetailed('firenze', { includeUnpublished: true })).find(
      (a) => a.partner.nameEn === 'Munich',
    );
    expect(pact?.kind).toBe('friendship_pact');
  });

  it('when the editor confirms the twinning anyway, then it is recorded as a twinning', async () => {
    const client = adminClient(app, ctx);
    const { cookie } = await client.signIn('firenze', 'editor');
    const res = await client.post('/admin/en/agreements/new', cookie, {
      kind: 'twinning',
      partner: 'Lione',
      country: 'FR',
      twinningRule: 'twinning',
    });
    expect(res.statusCode).toBe(303);
    const all = await ctx.services.agreements.listDetailed('firenze', { includeUnpublished: true });
    expect(all.find((a) => a.partner.nameEn === 'Lyon')?.kind).toBe('twinning');
  });

  it('when an institution without the rule records a second twinning in a country, then no warning', async () => {
    const client = adminClient(app, ctx);
    const { cookie } = await client.signIn('milano', 'editor');
    const res = await client.post('/admin/it/agreements/new', cookie, {
      kind: 'twinning',
      partner: 'Monaco di Baviera',
      country: 'DE',
    });
    expect(res.statusCode).toBe(303);
  });
});
