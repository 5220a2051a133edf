// The plan's JSON routes: an operational objective under a strategic one, its money per year as exact
// decimals, indicators, links to the institution's own records, versions, the public open data of published
// objectives only, isolation between institutions, and the audit of each write.
import { describe, expect, it } from 'vitest';
import { makeToken } from '../../../test/factories-backoffice.ts';
import {
  app,
  auditOf,
  bearer,
  ctx,
  florenceId,
  milanId,
  milanRead,
  milanWrite,
  rowOf,
  useRecordsApi,
  visit,
} from '../../../test/records-api.ts';

useRecordsApi();

let n = 0;
const post = (url: string, payload: object, token = milanWrite) =>
  app.inject({ method: 'POST', url, headers: bearer(token), payload });

async function strategic(extra: object = {}) {
  const res = await post('/api/v1/objectives', {
    level: 'strategic',
    mandateFrom: 2019,
    mandateTo: 2024,
    titleIt: `Relazioni internazionali ${++n}`,
    mission: '19',
    firstYear: 2022,
    lastYear: 2024,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function operational(parentId: string, extra: object = {}) {
  const res = await post('/api/v1/objectives', {
    level: 'operational',
    parentId,
    code: `1901/${String(++n).padStart(4, '0')}`,
    mandateFrom: 2019,
    mandateTo: 2024,
    titleIt: 'La Città Metropolitana nel mondo',
    mission: '19',
    programme: '1901',
    responsible: 'Cristiano Maggipinto',
    firstYear: 2022,
    lastYear: 2024,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('plan: objectives', () => {
  it('when an operational objective is added under a strategic one, then both name each other and the horizon has three empty years', async () => {
    const parent = await strategic();
    const child = await operational(parent.id);
    expect(child).toMatchObject({ level: 'operational', parentId: parent.id, programme: '1901', version: 1 });
    expect(child.years).toEqual(
      [2022, 2023, 2024].map((year) => ({
        year,
        incomePlanned: null,
        incomeCommitted: null,
        incomePaid: null,
        expensePlanned: null,
        expenseCommitted: null,
        expensePaid: null,
      })),
    );
    const read = await app.inject({ url: `/api/v1/objectives/${parent.id}`, headers: bearer(milanRead) });
    expect(read.json().children).toEqual([{ id: child.id, code: child.code, titleIt: child.titleIt }]);
    expect((await auditOf(child.id))[0]).toMatchObject({ action: 'create', entity: 'objective' });
  });

  it('when the money of two years is recorded, then it is kept to the cent, a zero differs from "not recorded", and the version moves', async () => {
    const o = await operational((await strategic()).id);
    const res = await app.inject({
      method: 'PUT',
      url: `/api/v1/objectives/${o.id}/years`,
      headers: bearer(milanWrite),
      payload: {
        version: 1,
        years: [
          { year: 2022, expensePlanned: '12500.10', expenseCommitted: '9999999999.99', expensePaid: '0' },
          { year: 2023, incomePlanned: '0.01', expensePlanned: null },
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.version).toBe(2);
    expect(body.years[0]).toMatchObject({
      year: 2022,
      expensePlanned: '12500.10',
      expenseCommitted: '9999999999.99',
      expensePaid: '0.00',
      incomePlanned: null,
    });
    expect(body.years[1]).toMatchObject({ year: 2023, incomePlanned: '0.01', expensePlanned: null });
    expect(body.years[2].expensePlanned).toBeNull();

    const stale = await app.inject({
      method: 'PUT',
      url: `/api/v1/objectives/${o.id}/years`,
      headers: bearer(milanWrite),
      payload: { version: 1, years: [{ year: 2024, expensePaid: '1' }] },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const audit = await auditOf(o.id);
    expect(audit.at(-1)).toMatchObject({ action: 'update' });
  });

  it('when a year is outside the horizon or an amount is a float, then the request is refused naming the field and nothing is written', async () => {
    const o = await operational((await strategic()).id);
    const outside = await app.inject({
      method: 'PUT',
      url: `/api/v1/objectives/${o.id}/years`,
      headers: bearer(milanWrite),
      payload: { version: 1, years: [{ year: 2025, expensePlanned: '10' }] },
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.field).toBe('years');
    const bad = await app.inject({
      method: 'PUT',
      url: `/api/v1/objectives/${o.id}/years`,
      headers: bearer(milanWrite),
      payload: { version: 1, years: [{ year: 2023, expensePlanned: '1e5' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('expensePlanned');
    expect(await rowOf('objectives', o.id)).toMatchObject({ version: 1 });
  });

  it('when an operational objective has no parent or programme, or a code is taken, then each is refused naming its field', async () => {
    const parent = await strategic();
    const orphan = await post('/api/v1/objectives', {
      level: 'operational',
      mandateFrom: 2019,
      mandateTo: 2024,
      titleIt: 'Senza padre',
      mission: '19',
      firstYear: 2022,
      lastYear: 2035,
    });
    expect(orphan.statusCode).toBe(400);
    const error = orphan.json().error;
    const fields = [error.field, ...(error.details?.also ?? []).map((a: { field: string }) => a.field)];
    expect(fields).toEqual(expect.arrayContaining(['programme', 'lastYear']));
    const first = await operational(parent.id);
    const twin = await post('/api/v1/objectives', {
      level: 'operational',
      parentId: parent.id,
      code: first.code,
      mandateFrom: 2019,
      mandateTo: 2024,
      titleIt: 'Doppione',
      mission: '19',
      programme: '1902',
      firstYear: 2022,
      lastYear: 2024,
    });
    expect(twin.statusCode).toBe(409);
    expect(twin.json().error.field).toBe('code');
    const busy = await app.inject({
      method: 'DELETE',
      url: `/api/v1/objectives/${parent.id}?version=1`,
      headers: bearer(milanWrite),
    });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().error.details.reason).toBe('in_use');
  });

  it('when an indicator and a visit are linked, then the objective lists them and another institution’s visit is refused', async () => {
    const o = await operational((await strategic()).id);
    const ind = await post(`/api/v1/objectives/${o.id}/indicators`, {
      version: 1,
      nameIt: 'Accordi attivi',
      unit: 'accordi',
      values: [{ year: 2023, target: '5', actual: '4' }],
    });
    expect(ind.statusCode, ind.body).toBe(201);
    expect(ind.json().indicators[0].values).toEqual([
      { year: 2022, target: null, actual: null },
      { year: 2023, target: '5', actual: '4' },
      { year: 2024, target: null, actual: null },
    ]);
    const mine = await visit(milanId);
    const linked = await post(`/api/v1/objectives/${o.id}/links`, { kind: 'visit', recordId: mine.id });
    expect(linked.statusCode, linked.body).toBe(201);
    const again = await post(`/api/v1/objectives/${o.id}/links`, { kind: 'visit', recordId: mine.id });
    expect(again.statusCode).toBe(409);
    const theirs = await visit(florenceId);
    const refused = await post(`/api/v1/objectives/${o.id}/links`, { kind: 'visit', recordId: theirs.id });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.field).toBe('recordId');
    const read = await app.inject({ url: `/api/v1/objectives/${o.id}`, headers: bearer(milanRead) });
    expect(read.json().links).toEqual([expect.objectContaining({ kind: 'visit', id: mine.id })]);
    const actions = (await auditOf(o.id)).map((a: { action: string }) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['add_objective_link']));
  });

  it("when a read token writes, or Florence's token reaches for Milan's objective, then it is refused or not found", async () => {
    const o = await operational((await strategic()).id);
    const write = await post('/api/v1/objectives', { level: 'strategic' }, milanRead);
    expect(write.statusCode).toBe(403);
    const florence = await makeToken(ctx.services, 'firenze', 'write', 'plan');
    const base = `/api/v1/objectives/${o.id}`;
    const answers = await Promise.all([
      app.inject({ url: base, headers: bearer(florence) }),
      app.inject({
        method: 'PATCH',
        url: base,
        headers: bearer(florence),
        payload: { titleIt: 'X', version: 1 },
      }),
      app.inject({ method: 'DELETE', url: `${base}?version=1`, headers: bearer(florence) }),
      app.inject({
        method: 'PUT',
        url: `${base}/years`,
        headers: bearer(florence),
        payload: { version: 1, years: [] },
      }),
      post(`${base}/indicators`, { version: 1, nameIt: 'X' }, florence),
      post(`${base}/links`, { kind: 'visit', recordId: o.id }, florence),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([404, 404, 404, 404, 404, 404]);
    expect(await rowOf('objectives', o.id)).toMatchObject({ version: 1, title_it: o.titleIt });
  });

  it('when an objective is published, then the open data lists it without a token; an unpublished one is absent, even as a parent', async () => {
    const hidden = await strategic();
    const shown = await strategic({ published: true, descriptionIt: 'Lo Statuto & l’art. 4' });
    const res = await app.inject({ url: '/api/v1/institutions/milano/objectives' });
    expect(res.statusCode).toBe(200);
    const ids = res.json().items.map((o: { id: string }) => o.id);
    expect(ids).toContain(shown.id);
    expect(ids).not.toContain(hidden.id);
    // A published objective under an unpublished one does not name it; under a published one it does.
    const orphan = await operational(hidden.id, { published: true });
    const child = await operational(shown.id, { published: true });
    const items = (await app.inject({ url: '/api/v1/institutions/milano/objectives' })).json().items;
    const of = (id: string) => items.find((o: { id: string }) => o.id === id);
    expect(of(orphan.id).parentId).toBeNull();
    expect(of(child.id).parentId).toBe(shown.id);
    expect(JSON.stringify(items)).not.toContain(hidden.id);
    const none = await app.inject({ url: '/api/v1/institutions/nowhere/objectives' });
    expect(none.statusCode).toBe(404);
  });
});
