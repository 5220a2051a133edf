// Visits' JSON routes: recording a delegation with a programme and a guided tour through a write token, reading
// it back with a read token, editing at a version, the field errors, isolation between institutions, and the
// programme's items audited under their visit.
import { describe, expect, it } from 'vitest';
import { makeToken } from '../../../test/factories-backoffice.ts';
import {
  app,
  auditOf,
  bearer,
  ctx,
  florenceId,
  membership,
  milanId,
  milanRead,
  milanWrite,
  organisation,
  rowOf,
  useRecordsApi,
  visit,
} from '../../../test/records-api.ts';

useRecordsApi();

const post = (url: string, payload: Record<string, unknown>, token = milanWrite) =>
  app.inject({ method: 'POST', url, headers: bearer(token), payload });
const patch = (url: string, payload: Record<string, unknown>, token = milanWrite) =>
  app.inject({ method: 'PATCH', url, headers: bearer(token), payload });

describe('visits', () => {
  it('when a write token records a delegation with a tour, then a read token reads it whole and the log has each step', async () => {
    const partner = await organisation(milanId);
    const member = await membership('milano');
    const created = await post('/api/v1/visits', {
      titleIt: 'Delegazione di Shanghai',
      titleEn: 'Delegation from Shanghai',
      status: 'confirmed',
      startsOn: '15/03/2027',
      startsAt: '9.30',
      endsOn: '2027-03-17',
      counterpartId: partner.id,
      headName: 'Li Wei',
      headTitle: 'Vicesindaco',
      delegationSize: 12,
      languages: ['cinese', 'English'],
      interpretingPair: 'Chinese-Italian',
      interpretingBooked: true,
      networkIds: [member.networkId],
    });
    expect(created.statusCode, created.body).toBe(201);
    const v = created.json();
    expect(v).toMatchObject({
      startsOn: '2027-03-15',
      startsAt: '09:30',
      endsOn: '2027-03-17',
      counterpart: { id: partner.id },
      languages: ['zh', 'en'],
      interpretingPair: 'zh-it',
      interpretingBooked: true,
      networks: [{ id: member.networkId }],
      published: false,
      version: 1,
    });
    expect(await rowOf('visits', v.id)).toMatchObject({ institution_id: milanId, delegation_size: 12 });

    const tour = await post(`/api/v1/visits/${v.id}/programme`, {
      kind: 'tour',
      day: '2027-03-16',
      startsAt: '10:00',
      endsAt: '11:30',
      place: 'Pinacoteca di Brera',
      activityIt: 'Visita guidata alla Pinacoteca',
      tourLanguage: 'inglese',
      guide: 'Anna Verdi',
      groupSize: 12,
    });
    expect(tour.statusCode, tour.body).toBe(201);
    expect(tour.json()).toMatchObject({ kind: 'tour', tourLanguage: 'en', groupSize: 12, version: 1 });

    const read = await app.inject({
      method: 'GET',
      url: `/api/v1/visits/${v.id}`,
      headers: bearer(milanRead),
    });
    expect(read.statusCode).toBe(200);
    expect(read.json().programme).toEqual([
      expect.objectContaining({ place: 'Pinacoteca di Brera', startsAt: '10:00' }),
    ]);
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/visits?q=Shanghai&when=upcoming',
      headers: bearer(milanRead),
    });
    expect(list.json().items.map((i: { id: string }) => i.id)).toContain(v.id);

    const edited = await patch(`/api/v1/visits/${v.id}`, {
      status: 'held',
      outcomeEn: 'A letter of intent',
      version: 1,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      status: 'held',
      headName: 'Li Wei',
      languages: ['zh', 'en'],
      version: 2,
    });
    const stale = await patch(`/api/v1/visits/${v.id}`, { status: 'cancelled', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({
      code: 'version_conflict',
      details: { current: { version: 2 } },
    });

    expect((await auditOf(v.id)).map((a) => a.action)).toEqual(['create', 'add_item', 'update']);
    const gone = await app.inject({
      method: 'DELETE',
      url: `/api/v1/visits/${v.id}?version=2`,
      headers: bearer(milanWrite),
    });
    expect(gone.statusCode).toBe(204);
    expect(await rowOf('visits', v.id)).toBeUndefined();
    expect(await rowOf('visit_items', tour.json().id)).toBeUndefined();
  });

  it('when fields are wrong, then the answer names each field and nothing is stored', async () => {
    const before = (await ctx.database.query<{ n: number }>('select count(*)::int as n from visits'))[0]!.n;
    const florencePartner = await organisation(florenceId);
    const cases: [Record<string, unknown>, string][] = [
      [{ titleIt: 'X', startsOn: '2027-02-30' }, 'startsOn'],
      [{ titleIt: 'X', startsOn: '2027-03' }, 'startsOn'],
      [{ titleIt: 'X', startsOn: '2027-03-10', endsOn: '2027-03-09' }, 'endsOn'],
      [{ titleIt: 'X', startsOn: '2027-03-10', startsAt: '25:00' }, 'startsAt'],
      [{ titleIt: 'X', startsOn: '2027-03-10', startsAt: '12:00', endsAt: '11:00' }, 'startsAt'],
      [{ titleIt: 'X', startsOn: '2027-03-10', languages: ['klingon'] }, 'languages'],
      [{ titleIt: 'X', startsOn: '2027-03-10', interpretingPair: 'it-it' }, 'interpretingPair'],
      [{ titleIt: 'X', startsOn: '2027-03-10', counterpartId: florencePartner.id }, 'counterpartId'],
      [
        { titleIt: 'X', startsOn: '2027-03-10', agreementIds: ['00000000-0000-4000-8000-000000000000'] },
        'agreementIds',
      ],
      [{ titleIt: '   ', startsOn: '2027-03-10' }, 'titleIt'],
    ];
    for (const [payload, field] of cases) {
      const res = await post('/api/v1/visits', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.field, JSON.stringify(payload)).toBe(field);
    }
    const v = await visit(milanId);
    const outside = await post(`/api/v1/visits/${v.id}/programme`, { day: '2027-03-18', activityIt: 'Cena' });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.field).toBe('day');
    expect((await ctx.database.query<{ n: number }>('select count(*)::int as n from visits'))[0]!.n).toBe(
      before + 1,
    );
  });

  it("when Florence's token reaches for Milan's visit or its items, then they do not exist for it", async () => {
    const v = await visit(milanId);
    const florence = await makeToken(ctx.services, 'firenze', 'write', 'visits');
    const calls = [
      app.inject({ method: 'GET', url: `/api/v1/visits/${v.id}`, headers: bearer(florence) }),
      patch(`/api/v1/visits/${v.id}`, { status: 'held', version: 1 }, florence),
      app.inject({ method: 'DELETE', url: `/api/v1/visits/${v.id}?version=1`, headers: bearer(florence) }),
      post(`/api/v1/visits/${v.id}/programme`, { day: '2027-03-15', activityIt: 'X' }, florence),
      patch(`/api/v1/visits/${v.id}/programme/${v.item.id}`, { place: 'X', version: 1 }, florence),
      app.inject({
        method: 'DELETE',
        url: `/api/v1/visits/${v.id}/programme/${v.item.id}?version=1`,
        headers: bearer(florence),
      }),
    ];
    for (const res of await Promise.all(calls)) expect(res.statusCode, res.body).toBe(404);
    const list = await app.inject({ method: 'GET', url: '/api/v1/visits', headers: bearer(florence) });
    expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(v.id);
    expect(await rowOf('visits', v.id)).toMatchObject({ version: v.version, status: 'proposed' });
    expect(await rowOf('visit_items', v.item.id)).toMatchObject({ version: 1, place: null });
  });

  it('when an item is edited from a stale version, then 409 with the stored item; at its version it changes', async () => {
    const v = await visit(milanId);
    const url = `/api/v1/visits/${v.id}/programme/${v.item.id}`;
    expect((await patch(url, { place: 'Palazzo Marino', version: 1 })).statusCode).toBe(200);
    const stale = await patch(url, { place: 'Castello Sforzesco', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ place: 'Palazzo Marino', version: 2 });
    expect((await auditOf(v.id)).map((a) => a.action)).toEqual(['change_item']);
  });

  it('when a visit comes from a partner, then deleting the partner is refused as in use and both stay', async () => {
    const partner = await organisation(milanId);
    const v = await visit(milanId);
    const linked = await patch(`/api/v1/visits/${v.id}`, { counterpartId: partner.id, version: v.version });
    expect(linked.statusCode, linked.body).toBe(200);
    const res = await app.inject({
      method: 'DELETE',
      url: `/api/v1/counterparts/${partner.id}?version=${partner.version}`,
      headers: bearer(milanWrite),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict', details: { reason: 'in_use', visits: 1 } });
    expect(await rowOf('counterparts', partner.id)).toBeDefined();
  });

  it('when the visiting city is not yet a partner, then it is found in the gazetteer and made one; an ambiguous name is refused', async () => {
    const made = await post('/api/v1/visits', {
      titleIt: 'Delegazione di Kyoto',
      startsOn: '2027-05-02',
      partnerCity: 'Kyoto, JP',
    });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json().counterpart).toMatchObject({ nameEn: 'Kyoto', countryCode: 'JP' });
    const again = await post('/api/v1/visits', {
      titleIt: 'Ancora Kyoto',
      startsOn: '2027-06-02',
      partnerCity: 'Kyoto, Giappone',
    });
    expect(again.json().counterpart.id).toBe(made.json().counterpart.id);
    const vague = await post('/api/v1/visits', {
      titleIt: 'Visita',
      startsOn: '2027-05-02',
      partnerCity: 'San José',
    });
    expect(vague.statusCode).toBe(400);
    expect(vague.json().error).toMatchObject({ field: 'partnerCity' });
    expect(vague.json().error.message).toContain('could be several places');
  });
});
