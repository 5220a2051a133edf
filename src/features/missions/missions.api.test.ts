// Missions' JSON routes: a mission with destinations found in the gazetteer and travellers with their costs,
// written with a write token and read with a read token; the public yearly costs of political office holders
// (held missions, public money, no examples, exact decimals); field errors; isolation between institutions.
import { describe, expect, it } from 'vitest';
import { makeInstitution } from '../../../test/factories.ts';
import { makeMission, makeToken } from '../../../test/factories-backoffice.ts';
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

useRecordsApi();

const post = (url: string, payload: Record<string, unknown>, token = milanWrite) =>
  app.inject({ method: 'POST', url, headers: bearer(token), payload });
const patch = (url: string, payload: Record<string, unknown>, token = milanWrite) =>
  app.inject({ method: 'PATCH', url, headers: bearer(token), payload });

describe('missions', () => {
  it('when a write token records a mission to Shanghai with two travellers, then a read token reads its places and exact costs', async () => {
    const created = await post('/api/v1/missions', {
      titleIt: 'Missione a Shanghai',
      status: 'confirmed',
      startsOn: '2027-10-03',
      endsOn: '2027-10-07',
      destinations: [{ name: 'Shanghai', country: 'CN' }, { name: 'Pechino' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const m = created.json();
    expect(m.destinations).toEqual([
      expect.objectContaining({ nameEn: 'Shanghai', countryCode: 'CN' }),
      expect.objectContaining({ nameIt: 'Pechino', nameEn: 'Beijing', countryCode: 'CN' }),
    ]);
    const mayor = await post(`/api/v1/missions/${m.id}/travellers`, {
      name: 'Anna Sindaca',
      role: 'Sindaca',
      office: 'mayor',
      travelCost: '1234.56',
      lodgingCost: '800',
      paidBy: 'Comune',
    });
    expect(mayor.statusCode, mayor.body).toBe(201);
    expect(mayor.json()).toMatchObject({
      travelCost: '1234.56',
      lodgingCost: '800.00',
      currency: 'EUR',
      publicMoney: true,
    });
    const read = await app.inject({
      method: 'GET',
      url: `/api/v1/missions/${m.id}`,
      headers: bearer(milanRead),
    });
    expect(read.json().travellers).toHaveLength(1);
    expect((await auditOf(m.id)).map((a) => a.action)).toEqual(['create', 'add_traveller']);
    const edited = await patch(`/api/v1/missions/${m.id}`, { status: 'held', version: m.version });
    expect(edited.json()).toMatchObject({
      status: 'held',
      destinations: [{ nameEn: 'Shanghai' }, { nameEn: 'Beijing' }],
    });
  });

  it('when missions are held, cancelled, examples or privately paid, then the public costs count only what the law asks, summed exactly', async () => {
    const office = await makeInstitution(ctx.services);
    await makeMission(ctx.services, office.id, { startsOn: '2027-01-10', endsOn: '2027-01-11' });
    const second = await makeMission(ctx.services, office.id, {
      startsOn: '2027-06-10',
      endsOn: '2027-06-11',
    });
    await ctx.services.missions.addTraveller(office.id, second.id, {
      name: 'Paolo Funzionario',
      role: '',
      office: 'staff',
      travelCost: '100',
      lodgingCost: '',
      otherCost: '',
      currency: '',
      paidBy: '',
      publicMoney: '',
    });
    await ctx.services.missions.addTraveller(office.id, second.id, {
      name: 'Giulia Sindaco',
      role: '',
      office: 'mayor',
      travelCost: '0.10',
      lodgingCost: '',
      otherCost: '0.20',
      currency: '',
      paidBy: 'Rete',
      publicMoney: 'no',
    });
    await makeMission(ctx.services, office.id, {
      startsOn: '2027-07-01',
      endsOn: '2027-07-02',
      status: 'cancelled',
    });
    await makeMission(ctx.services, office.id, { startsOn: '2026-03-01', endsOn: '2026-03-02' });
    const res = await app.inject({ method: 'GET', url: `/api/v1/mission-costs?institution=${office.slug}` });
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      {
        year: 2027,
        name: 'Giulia Sindaco',
        role: null,
        office: 'mayor',
        missions: 2,
        travel: '1701.00',
        lodging: '840.00',
        other: '0.00',
        total: '2541.00',
        currency: 'EUR',
      },
      expect.objectContaining({ year: 2026, missions: 1, total: '1270.50' }),
    ]);
    const year = await app.inject({
      method: 'GET',
      url: `/api/v1/mission-costs?institution=${office.slug}&year=2026`,
    });
    expect(year.json().items).toHaveLength(1);
  });

  it('when fields are wrong, then the answer names each field and nothing is stored', async () => {
    const m = await makeMission(ctx.services, milanId);
    const cases: [string, Record<string, unknown>, string][] = [
      [
        '/api/v1/missions',
        { titleIt: 'X', startsOn: '2027-01-01', destinations: [{ name: 'Xyzzyqwerty' }] },
        'destinations',
      ],
      ['/api/v1/missions', { titleIt: 'X', startsOn: '2027-01-01', endsOn: '2026-12-31' }, 'endsOn'],
      [
        `/api/v1/missions/${m.id}/travellers`,
        { name: 'A', office: 'mayor', travelCost: '12,345.6.7' },
        'travelCost',
      ],
      [`/api/v1/missions/${m.id}/travellers`, { name: 'A', office: 'mayor', currency: 'EU' }, 'currency'],
    ];
    for (const [url, payload, field] of cases) {
      const res = await post(url, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.field, JSON.stringify(payload)).toBe(field);
    }
    expect(
      (await ctx.database.query('select 1 from mission_travellers where mission_id = $1', [m.id])).length,
    ).toBe(1);
  });

  it("when Florence's token reaches for Milan's mission or its travellers, then they do not exist for it", async () => {
    const m = await makeMission(ctx.services, milanId);
    const florence = await makeToken(ctx.services, 'firenze', 'write', 'missions');
    const base = `/api/v1/missions/${m.id}`;
    const answers = await Promise.all([
      app.inject({ method: 'GET', url: base, headers: bearer(florence) }),
      patch(base, { status: 'cancelled', version: 1 }, florence),
      app.inject({ method: 'DELETE', url: `${base}?version=1`, headers: bearer(florence) }),
      post(`${base}/travellers`, { name: 'X', office: 'staff' }, florence),
      patch(`${base}/travellers/${m.traveller.id}`, { travelCost: '1', version: 1 }, florence),
      app.inject({
        method: 'DELETE',
        url: `${base}/travellers/${m.traveller.id}?version=1`,
        headers: bearer(florence),
      }),
    ]);
    for (const res of answers) expect(res.statusCode, res.body).toBe(404);
    expect(await rowOf('mission_travellers', m.traveller.id)).toMatchObject({
      travel_cost: '850.50',
      version: 1,
    });
  });
});
