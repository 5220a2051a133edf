// Meetings' JSON routes: recording a meeting with a consul through a write token, reading it with a read token,
// editing at a version, field errors, a partner in use, isolation between institutions.
import { describe, expect, it } from 'vitest';
import { makeMeeting, makeToken } from '../../../test/factories-backoffice.ts';
import {
  app,
  auditOf,
  bearer,
  ctx,
  milanId,
  milanRead,
  milanWrite,
  organisation,
  rowOf,
  useRecordsApi,
} from '../../../test/records-api.ts';

useRecordsApi();

const send = (
  method: 'POST' | 'PATCH' | 'DELETE' | 'GET',
  url: string,
  payload?: Record<string, unknown>,
  token = milanWrite,
) => app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });

describe('meetings', () => {
  it('when a write token records a meeting with a partner, then a read token reads it and the partner cannot be deleted', async () => {
    const partner = await organisation(milanId);
    const created = await send('POST', '/api/v1/meetings', {
      titleIt: 'Incontro con il Console generale del Giappone',
      status: 'confirmed',
      startsOn: '2027-05-20',
      startsAt: '10:00',
      endsAt: '11:00',
      place: 'Palazzo Marino',
      counterpartId: partner.id,
      host: 'Il Sindaco',
      participants: 'Il Console generale e il vice console',
      topicsEn: 'Cultural exchanges with Osaka',
    });
    expect(created.statusCode, created.body).toBe(201);
    const m = created.json();
    expect(m).toMatchObject({
      mode: 'in_person',
      counterpart: { id: partner.id },
      startsAt: '10:00',
      version: 1,
    });
    const read = await send('GET', `/api/v1/meetings/${m.id}`, undefined, milanRead);
    expect(read.json()).toMatchObject({ participants: 'Il Console generale e il vice console' });
    const edited = await send('PATCH', `/api/v1/meetings/${m.id}`, {
      status: 'held',
      outcomeEn: 'A visit to Osaka in 2028',
      version: 1,
    });
    expect(edited.json()).toMatchObject({ status: 'held', place: 'Palazzo Marino', version: 2 });
    expect(
      (await send('PATCH', `/api/v1/meetings/${m.id}`, { status: 'cancelled', version: 1 })).statusCode,
    ).toBe(409);
    const refused = await send('DELETE', `/api/v1/counterparts/${partner.id}?version=${partner.version}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.details).toMatchObject({ reason: 'in_use', visits: 1 });
    expect((await auditOf(m.id)).map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('when fields are wrong, then the answer names the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ titleIt: 'X', startsOn: '2027-05-20', startsAt: '12:00', endsAt: '11:00' }, 'startsAt'],
      [{ titleIt: 'X', startsOn: 'domani' }, 'startsOn'],
      [
        { titleIt: 'X', startsOn: '2027-05-20', counterpartId: '00000000-0000-4000-8000-000000000000' },
        'counterpartId',
      ],
    ];
    for (const [payload, field] of cases) {
      const res = await send('POST', '/api/v1/meetings', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
  });

  it("when Florence's token reaches for Milan's meeting, then it does not exist for it and nothing changes", async () => {
    const m = await makeMeeting(ctx.services, milanId);
    const florence = await makeToken(ctx.services, 'firenze', 'write', 'meetings');
    for (const res of [
      await send('GET', `/api/v1/meetings/${m.id}`, undefined, florence),
      await send('PATCH', `/api/v1/meetings/${m.id}`, { status: 'held', version: 1 }, florence),
      await send('DELETE', `/api/v1/meetings/${m.id}?version=1`, undefined, florence),
    ]) {
      expect(res.statusCode).toBe(404);
    }
    expect(await rowOf('meetings', m.id)).toMatchObject({ status: 'confirmed', version: 1 });
  });
});
