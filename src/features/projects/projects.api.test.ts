// Projects' JSON routes: a decentralised cooperation project with partners from the registry and by name, its
// co-funding and budget per year as exact decimals, versions, isolation between institutions, the public list
// of published projects only, and the IATI 2.03 file of a cooperation project validated against the schema.
import { describe, expect, it } from 'vitest';
import { makeToken } from '../../../test/factories-backoffice.ts';
import { iatiValidator } from '../../../test/iati.ts';
import {
  app,
  auditOf,
  bearer,
  ctx,
  milanId,
  milanRead,
  milanWrite,
  rowOf,
  useRecordsApi,
} from '../../../test/records-api.ts';
import { uniqueSlug } from '../../../test/support.ts';

useRecordsApi();
const validate = iatiValidator();

const send = (
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
  token = milanWrite,
) => app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });

async function cooperation(extra: object = {}) {
  const res = await send('POST', '/api/v1/projects', {
    code: uniqueSlug('coop'),
    kind: 'cooperation',
    titleIt: 'Acqua potabile a Thiès & dintorni',
    titleEn: 'Drinking water in Thiès',
    funder: 'AICS',
    role: 'lead',
    status: 'running',
    startsOn: '2025-03-01',
    endsOn: '2027-02-28',
    countries: ['SN', 'Burkina Faso'],
    totalBudget: '250000.00',
    ownShare: '40000.50',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('projects', () => {
  it('when a cooperation project gets partners, co-funding and yearly amounts, then each is kept to the cent and the version moves', async () => {
    const p = await cooperation();
    expect(p).toMatchObject({ countries: ['SN', 'BF'], ownShare: '40000.50', version: 1, partners: [] });
    const [partner] = await ctx.services.counterparts.ensureMany(milanId, [
      { type: 'organisation', nameIt: 'Comune di Thiès', nameEn: 'City of Thiès', country: 'SN' },
    ]);
    let r = await send('POST', `/api/v1/projects/${p.id}/partners`, {
      version: 1,
      counterpartId: partner!.id,
      role: 'partner',
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().partners).toEqual([
      expect.objectContaining({ name: 'Comune di Thiès', country: 'SN', role: 'partner' }),
    ]);
    r = await send('POST', `/api/v1/projects/${p.id}/partners`, {
      version: 2,
      name: 'ONG Acqua Viva',
      role: 'associate',
      country: 'Italia',
    });
    expect(r.json().partners[1]).toMatchObject({
      name: 'ONG Acqua Viva',
      country: 'IT',
      counterpartId: null,
    });
    r = await send('POST', `/api/v1/projects/${p.id}/funding`, {
      version: 3,
      source: 'AICS',
      amount: '180000.10',
    });
    expect(r.json().funding).toEqual([expect.objectContaining({ source: 'AICS', amount: '180000.10' })]);
    r = await send('PUT', `/api/v1/projects/${p.id}/years`, {
      version: 4,
      years: [
        { year: 2025, amount: '15000.00' },
        { year: 2026, amount: '20000.25' },
      ],
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({
      version: 5,
      years: [
        { year: 2025, amount: '15000.00' },
        { year: 2026, amount: '20000.25' },
      ],
    });
    const stale = await send('PUT', `/api/v1/projects/${p.id}/years`, {
      version: 4,
      years: [{ year: 2027, amount: '1' }],
    });
    expect(stale.statusCode).toBe(409);
    const outside = await send('PUT', `/api/v1/projects/${p.id}/years`, {
      version: 5,
      years: [{ year: 2030, amount: '1' }],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.field).toBe('years');
    expect((await auditOf(p.id)).map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['create', 'update']),
    );
    // The list reads the parts in its own query: its item must be the record itself, amounts to the cent.
    const get = (url: string) => app.inject({ url, headers: bearer(milanWrite) });
    const one = (await get(`/api/v1/projects/${p.id}`)).json();
    const listed = (await get(`/api/v1/projects?q=${p.code}`)).json().items;
    expect(listed).toEqual([one]);
    expect(one.funding[0].amount).toBe('180000.10');
  });

  it('when fields are wrong, then every one is named at once and nothing is written', async () => {
    const res = await send('POST', '/api/v1/projects', {
      code: 'ok-code',
      kind: 'cooperation',
      titleIt: 'Progetto',
      role: 'lead',
      status: 'idea',
      startsOn: '2026-05-01',
      endsOn: '2026-01-01',
      countries: ['Atlantide'],
      totalBudget: '100.00',
      ownShare: '200.00',
    });
    expect(res.statusCode).toBe(400);
    const e = res.json().error;
    const fields = [e.field, ...e.details.also.map((a: { field: string }) => a.field)];
    expect(fields).toEqual(expect.arrayContaining(['endsOn', 'countries', 'ownShare']));
    expect(await ctx.database.query("select 1 from projects where code = 'ok-code'")).toHaveLength(0);
  });

  it("when Florence's token reaches for Milan's project, then it does not exist for it; a read token may not write", async () => {
    const p = await cooperation();
    const florence = await makeToken(ctx.services, 'firenze', 'write', 'projects');
    const base = `/api/v1/projects/${p.id}`;
    const answers = await Promise.all([
      app.inject({ url: base, headers: bearer(florence) }),
      send('PATCH', base, { titleIt: 'X', version: 1 }, florence),
      send('DELETE', `${base}?version=1`, undefined, florence),
      send('POST', `${base}/funding`, { version: 1, source: 'X', amount: '1' }, florence),
      send('PUT', `${base}/years`, { version: 1, years: [] }, florence),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([404, 404, 404, 404, 404]);
    expect((await send('PATCH', base, { titleIt: 'X', version: 1 }, milanRead)).statusCode).toBe(403);
    expect(await rowOf('projects', p.id)).toMatchObject({ version: 1 });
  });

  it('when a published cooperation project is exported as IATI, then the file validates against the official 2.03 schema; unpublished ones are absent', async () => {
    await ctx.database.query("update institutions set tax_code = '01199250158' where id = $1", [milanId]);
    const shown = await cooperation({ published: true, status: 'running' });
    await send('POST', `/api/v1/projects/${shown.id}/partners`, {
      version: 1,
      name: 'Commune de Thiès',
      role: 'partner',
      country: 'SN',
    });
    await send('PUT', `/api/v1/projects/${shown.id}/years`, {
      version: 2,
      years: [{ year: 2026, amount: '20000.00' }],
    });
    const hidden = await cooperation({ published: false });
    const res = await app.inject({ url: '/api/v1/institutions/milano/projects.iati.xml' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('application/xml');
    const result = await validate(res.body);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(res.body).toContain(`<iati-identifier>IT-CF-01199250158-${shown.code}</iati-identifier>`);
    expect(res.body).toContain('Acqua potabile a Thiès &amp; dintorni');
    expect(res.body).not.toContain(hidden.code);
    const list = await app.inject({ url: '/api/v1/institutions/milano/projects' });
    const codes = list.json().items.map((p: { code: string }) => p.code);
    expect(codes).toContain(shown.code);
    expect(codes).not.toContain(hidden.code);
  });

  it('when a visitor opens "Progetti", then published projects show with their budget and partners, filters narrow them, and examples never show', async () => {
    const shown = await cooperation({
      published: true,
      status: 'closed',
      titleIt: 'Scuole a Kaya',
      countries: ['BF'],
    });
    await send('POST', `/api/v1/projects/${shown.id}/partners`, {
      version: 1,
      name: 'Commune de Kaya',
      role: 'partner',
      country: 'BF',
    });
    const eu = await cooperation({
      published: true,
      kind: 'eu',
      status: 'running',
      titleIt: 'Città accoglienti',
      countries: ['DE'],
    });
    const example = await ctx.services.projects.create(
      milanId,
      {
        code: uniqueSlug('ex'),
        kind: 'other',
        titleIt: 'Progetto di esempio',
        titleEn: '',
        descriptionIt: '',
        descriptionEn: '',
        funder: '',
        role: 'lead',
        status: 'idea',
        startsOn: '',
        endsOn: '',
        countries: '',
        currency: '',
        totalBudget: '',
        ownShare: '',
        resultsIt: '',
        resultsEn: '',
        published: '',
        documents: [],
      },
      true,
    );
    const it = await app.inject({ url: '/milano/it/progetti/' });
    expect(it.statusCode).toBe(200);
    expect(it.body).toContain('Scuole a Kaya');
    expect(it.body).toContain('250.000,00');
    expect(it.body).toContain('Commune de Kaya (Partner, Burkina Faso)');
    expect(it.body).not.toContain(example.titleIt);
    const filtered = await app.inject({ url: '/milano/it/progetti/?tipo=eu' });
    expect(filtered.body).toContain('Città accoglienti');
    expect(filtered.body).not.toContain('Scuole a Kaya');
    const en = await app.inject({ url: '/milano/en/projects/?paese=BF' });
    expect(en.body).toContain('Decentralised cooperation');
    expect(en.body).not.toContain('Città accoglienti');
    const csv = await app.inject({ url: '/milano/data/projects.csv' });
    expect(csv.body).toContain(`${shown.code},cooperation,Scuole a Kaya`);
    expect(csv.body).toContain(eu.code);
    expect(csv.body).not.toContain(example.code);
  });

  it('when the period narrows, a year is given twice, or a partner leaves the registry, then years follow the period, the repeat is refused and the partner keeps its name', async () => {
    const p = await cooperation({ startsOn: '2025-01-01', endsOn: '2027-12-31' });
    const [registry] = await ctx.services.counterparts.ensureMany(milanId, [
      { type: 'organisation', nameIt: `Ente ${p.code}`, nameEn: `Body ${p.code}` },
    ]);
    await send('POST', `/api/v1/projects/${p.id}/partners`, {
      version: 1,
      counterpartId: registry!.id,
      role: 'partner',
    });
    const twice = await send('PUT', `/api/v1/projects/${p.id}/years`, {
      version: 2,
      years: [
        { year: 2026, amount: '1.00' },
        { year: 2026, amount: '2.00' },
      ],
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error).toMatchObject({ field: 'years', details: { reason: 'duplicate' } });
    await send('PUT', `/api/v1/projects/${p.id}/years`, {
      version: 2,
      years: [
        { year: 2026, amount: '1.00' },
        { year: 2027, amount: '2.00' },
      ],
    });
    const narrowed = await send('PATCH', `/api/v1/projects/${p.id}`, { endsOn: '2026-06-30', version: 3 });
    expect(narrowed.json().years).toEqual([{ year: 2026, amount: '1.00' }]);
    const gone = await send('DELETE', `/api/v1/counterparts/${registry!.id}?version=${registry!.version}`);
    expect(gone.statusCode, gone.body).toBe(204);
    const after = await app.inject({ url: `/api/v1/projects/${p.id}`, headers: bearer(milanRead) });
    expect(after.json().partners).toEqual([
      expect.objectContaining({ name: `Ente ${p.code}`, counterpartId: null }),
    ]);
  });
});
