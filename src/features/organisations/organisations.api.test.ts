// The organisations register's JSON routes: a consular post recorded with a write token and read with a read
// token, found by its name without accents or in its own script, edited at a version, refused field by field,
// isolated between institutions.
import { describe, expect, it } from 'vitest';
import { makeOrganisation, makeToken } from '../../../test/factories-backoffice.ts';
import {
  app,
  auditOf,
  bearer,
  ctx,
  milanId,
  milanRead,
  milanWrite,
  useRecordsApi,
} from '../../../test/records-api.ts';
import { uniqueSlug } from '../../../test/support.ts';

useRecordsApi();

const send = (
  method: 'POST' | 'PATCH' | 'DELETE' | 'GET',
  url: string,
  payload?: Record<string, unknown>,
  token = milanWrite,
) => app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });

describe('organisations', () => {
  it('when a write token records a consular post, then a read token finds it by a name typed without accents or in its script', async () => {
    const tag = uniqueSlug('z');
    const created = await send('POST', '/api/v1/organisations', {
      kind: 'consular_post',
      postKind: 'consulate_general',
      nameIt: `Consolato generale della Repubblica di Türkiye ${tag}`,
      nameEn: `Генеральное консульство ${tag}`,
      country: 'Turchia',
      district: ['lombardy', 'Piemonte', 'Lombardia'],
      languages: ['turco', 'en'],
      address: 'Via Canova 36',
      city: 'Milano',
      point: { latitude: 45.4772, longitude: 9.1666 },
      website: 'https://milano.example.org',
      email: 'consolato@example.org',
      notes: 'Il console riceve il martedì',
    });
    expect(created.statusCode, created.body).toBe(201);
    const o = created.json();
    expect(o).toMatchObject({
      postKind: 'consulate_general',
      country: { code: 'TR' },
      district: ['Lombardia', 'Piemonte'],
      languages: ['tr', 'en'],
      point: { latitude: 45.4772, longitude: 9.1666 },
      published: false,
      version: 1,
    });
    for (const q of [`turkiye ${tag}`, `ГЕНЕРАЛЬНОЕ ${tag}`]) {
      const found = await send(
        'GET',
        `/api/v1/organisations?q=${encodeURIComponent(q)}`,
        undefined,
        milanRead,
      );
      expect(
        found.json().items.map((i: { id: string }) => i.id),
        q,
      ).toEqual([o.id]);
    }
    const byCountry = await send(
      'GET',
      '/api/v1/organisations?country=Turkey&kind=consular_post',
      undefined,
      milanRead,
    );
    expect(byCountry.json().items.map((i: { id: string }) => i.id)).toContain(o.id);

    const edited = await send('PATCH', `/api/v1/organisations/${o.id}`, {
      phone: '+39 02 5555 1234',
      version: 1,
    });
    expect(edited.json()).toMatchObject({
      phone: '+39 02 5555 1234',
      district: ['Lombardia', 'Piemonte'],
      version: 2,
    });
    const stale = await send('PATCH', `/api/v1/organisations/${o.id}`, {
      phone: '+39 02 7777 1234',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.version).toBe(2);
    const gone = await send('DELETE', `/api/v1/organisations/${o.id}?version=2`);
    expect(gone.statusCode).toBe(204);
    expect((await auditOf(o.id)).map((a) => `${a.entity}:${a.action}`)).toEqual([
      'organisation:create',
      'organisation:update',
      'organisation:delete',
    ]);
  });

  it('when a field breaks a rule, then the answer is 400 naming it and nothing is stored', async () => {
    const name = `Da rifiutare ${uniqueSlug('r')}`;
    const cases: [Record<string, unknown>, string][] = [
      [{ kind: 'consular_post', nameIt: name }, 'postKind'],
      [{ kind: 'association', nameIt: name, district: ['Lombardia'] }, 'district'],
      [{ kind: 'consular_post', postKind: 'consulate', nameIt: name, district: ['Bavaria'] }, 'district'],
      [{ kind: 'ngo', nameIt: name, country: 'Atlantide' }, 'country'],
      [{ kind: 'ngo', nameIt: name, communities: ['Cina', 'Narnia'] }, 'communities'],
      [{ kind: 'ngo', nameIt: name, website: 'javascript:alert(1)' }, 'website'],
      [{ kind: 'ngo', nameIt: name, email: 'not an address' }, 'email'],
      [{ kind: 'ngo', nameIt: name, point: { latitude: 95, longitude: 9 } }, 'point.latitude'],
      [{ kind: 'spaceship', nameIt: name }, 'kind'],
    ];
    for (const [body, field] of cases) {
      const res = await send('POST', '/api/v1/organisations', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.field, JSON.stringify(body)).toBe(field);
    }
    expect(await ctx.database.query('select 1 from organisations where name_it = $1', [name])).toEqual([]);
  });

  it("when another institution's token reaches for Milan's organisation, then it does not exist for it", async () => {
    const o = await makeOrganisation(ctx.services, milanId);
    const florence = await makeToken(ctx.services, 'firenze', 'write');
    for (const [method, url, payload] of [
      ['GET', `/api/v1/organisations/${o.id}`, undefined],
      ['PATCH', `/api/v1/organisations/${o.id}`, { nameIt: 'Preso', version: 1 }],
      ['DELETE', `/api/v1/organisations/${o.id}?version=1`, undefined],
    ] as const) {
      expect((await send(method, url, payload, florence)).statusCode, `${method} ${url}`).toBe(404);
    }
    const list = await send('GET', '/api/v1/organisations?kind=consular_post', undefined, florence);
    expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(o.id);
  });
});
