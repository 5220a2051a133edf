// Follow-ups through the API and the pages: added to a visit, a mission and a meeting, listed on their pages
// and among those coming due, marked done, audited under their record; another institution's are out of reach.
import { describe, expect, it } from 'vitest';
import {
  makeFollowUp,
  makeMeeting,
  makeMission,
  makeToken,
  makeVisit,
} from '../../../test/factories-backoffice.ts';
import {
  app,
  bearer,
  ctx,
  milanId,
  milanRead,
  milanWrite,
  useRecordsApi,
} from '../../../test/records-api.ts';

useRecordsApi();

const send = (
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
  token = milanWrite,
) => app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });

describe('follow-ups', () => {
  it('when each kind of record gets a follow-up, then it is listed with it and among those coming due, and marking it done takes it off', async () => {
    const soon = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
    const subjects = [
      ['visits', (await makeVisit(ctx.services, milanId)).id],
      ['missions', (await makeMission(ctx.services, milanId)).id],
      ['meetings', (await makeMeeting(ctx.services, milanId)).id],
    ] as const;
    const made: string[] = [];
    for (const [base, id] of subjects) {
      const res = await send('POST', `/api/v1/${base}/${id}/follow-ups`, {
        action: `Mandare il resoconto (${base})`,
        owner: 'Anna',
        dueOn: soon,
      });
      expect(res.statusCode, res.body).toBe(201);
      made.push(res.json().id);
      const list = await send('GET', `/api/v1/${base}/${id}/follow-ups`, undefined, milanRead);
      expect(list.json().items.map((f: { id: string }) => f.id)).toEqual([res.json().id]);
      const audit = await ctx.database.query<{ action: string }>(
        'select action from audit_events where entity_id = $1',
        [id],
      );
      expect(audit.map((a) => a.action)).toContain('add_follow_up');
    }
    const due = await send('GET', '/api/v1/follow-ups?days=10', undefined, milanRead);
    expect(due.json().items.map((f: { id: string }) => f.id)).toEqual(expect.arrayContaining(made));
    const done = await send('PATCH', `/api/v1/follow-ups/${made[0]}`, { doneOn: soon, version: 1 });
    expect(done.json()).toMatchObject({ doneOn: soon, version: 2 });
    const after = await send('GET', '/api/v1/follow-ups?days=10', undefined, milanRead);
    expect(after.json().items.map((f: { id: string }) => f.id)).not.toContain(made[0]);
    expect(
      (await send('PATCH', `/api/v1/follow-ups/${made[0]}`, { owner: 'Marco', version: 1 })).statusCode,
    ).toBe(409);
    expect((await send('DELETE', `/api/v1/follow-ups/${made[1]}?version=1`)).statusCode).toBe(204);
  });

  it('when a visit is deleted, then its follow-ups go with it', async () => {
    const v = await makeVisit(ctx.services, milanId);
    const f = await makeFollowUp(ctx.database, milanId, { kind: 'visit', id: v.id });
    await ctx.database.query('delete from visits where id = $1', [v.id]);
    expect(await ctx.database.query('select 1 from follow_ups where id = $1', [f.id])).toEqual([]);
  });

  it("when Florence reaches for Milan's follow-ups, then they do not exist for it", async () => {
    const v = await makeVisit(ctx.services, milanId);
    const f = await makeFollowUp(ctx.database, milanId, { kind: 'visit', id: v.id });
    const florence = await makeToken(ctx.services, 'firenze', 'write', 'follow');
    for (const res of [
      await send('GET', `/api/v1/visits/${v.id}/follow-ups`, undefined, florence),
      await send('POST', `/api/v1/visits/${v.id}/follow-ups`, { action: 'X' }, florence),
      await send('PATCH', `/api/v1/follow-ups/${f.id}`, { action: 'X', version: 1 }, florence),
      await send('DELETE', `/api/v1/follow-ups/${f.id}?version=1`, undefined, florence),
    ]) {
      expect(res.statusCode).toBe(404);
    }
    expect((await send('GET', '/api/v1/follow-ups', undefined, florence)).json().items).toEqual([]);
  });
});
