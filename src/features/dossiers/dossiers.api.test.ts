// Candidacy dossiers: a dossier with its deadlines through the API, versioned and audited; a won candidacy
// needs its decision day; the deadlines reminded 30, 7 and 1 days before and once overdue, in the API and on
// the dashboard, only for open dossiers and open deadlines; isolation between institutions.
import { describe, expect, it } from 'vitest';
import { makeToken } from '../../../test/factories-backoffice.ts';
import {
  app,
  auditOf,
  bearer,
  ctx,
  milanId,
  milanRead,
  milanWrite,
  session,
  unit,
  useRecordsApi,
} from '../../../test/records-api.ts';
import { todayIso } from '../../platform/dates.ts';
import { daysUntil, reminderOf } from './dossiers.rules.ts';

useRecordsApi();

const send = (
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
  token = milanWrite,
) => app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) });
const inDays = (n: number) =>
  new Date(Date.parse(`${todayIso()}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

async function dossier(extra: object = {}) {
  const res = await send('POST', '/api/v1/dossiers', {
    titleIt: 'Capitale europea della cultura',
    titleEn: 'European Capital of Culture',
    kind: 'recognition',
    awardingBody: 'Commissione europea',
    callUrl: 'https://culture.example.org/call',
    status: 'preparing',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('reminders', () => {
  it('when a deadline is 31, 30, 8, 7, 2, 1, 0 or -1 days away, then the reminder is none, 30, 30, 7, 7, 1, 1 or overdue', () => {
    expect([31, 30, 8, 7, 2, 1, 0, -1].map(reminderOf)).toEqual([undefined, 30, 30, 7, 7, 1, 1, 'overdue']);
    expect(daysUntil('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysUntil('2027-03-27', '2027-03-28')).toBe(1);
  });
});

describe('dossiers', () => {
  it('when deadlines are added, then the API lists the due ones with their reminder, and the dashboard shows them; a done one or a decided dossier drops out', async () => {
    const d = await dossier();
    const add = (version: number, labelIt: string, dueOn: string, doneOn?: string) =>
      send('POST', `/api/v1/dossiers/${d.id}/deadlines`, {
        version,
        labelIt,
        dueOn,
        ...(doneOn ? { doneOn } : {}),
      });
    expect((await add(1, 'Manifestazione di interesse', inDays(30))).statusCode).toBe(201);
    expect((await add(2, 'Dossier completo', inDays(7))).statusCode).toBe(201);
    expect((await add(3, 'Audizione', inDays(1))).statusCode).toBe(201);
    expect((await add(4, 'Lettera d’intenti', inDays(-2))).statusCode).toBe(201);
    expect((await add(5, 'Pre-selezione', inDays(31))).statusCode).toBe(201);
    expect((await add(6, 'Già fatto', inDays(3), todayIso())).statusCode).toBe(201);
    const due = await app.inject({ url: '/api/v1/dossiers/deadlines', headers: bearer(milanRead) });
    const mine = due.json().items.filter((x: { dossierId: string }) => x.dossierId === d.id);
    expect(mine.map((x: { labelIt: string; reminder: unknown }) => [x.labelIt, x.reminder])).toEqual([
      ['Lettera d’intenti', 'overdue'],
      ['Audizione', 1],
      ['Dossier completo', 7],
      ['Manifestazione di interesse', 30],
    ]);
    const viewer = await session('milano', 'viewer');
    const home = await app.inject({ url: '/admin/it/', headers: viewer.cookie });
    // The deadlines' section alone: the recent changes further down name every deadline added.
    const section = home.body.slice(
      home.body.indexOf('Scadenze delle candidature'),
      home.body.indexOf('</section>'),
    );
    expect(section).toContain('domani');
    expect(section).toContain('tra 7 giorni');
    expect(section).toContain('scaduta da 2 giorni');
    expect(section).toContain('Audizione');
    expect(section).not.toContain('Pre-selezione');
    expect(section).not.toContain('Già fatto');
    const en = await app.inject({ url: '/admin/en/', headers: viewer.cookie });
    expect(en.body).toContain('Candidacy deadlines');
    expect(en.body).toContain('tomorrow');

    const won = await send('PATCH', `/api/v1/dossiers/${d.id}`, { status: 'won', version: 7 });
    expect(won.statusCode).toBe(400);
    expect(won.json().error.field).toBe('decidedOn');
    expect(
      (await send('PATCH', `/api/v1/dossiers/${d.id}`, { status: 'won', decidedOn: todayIso(), version: 7 }))
        .statusCode,
    ).toBe(200);
    const after = await app.inject({ url: '/api/v1/dossiers/deadlines', headers: bearer(milanRead) });
    expect(after.json().items.some((x: { dossierId: string }) => x.dossierId === d.id)).toBe(false);
    expect((await auditOf(d.id)).length).toBe(8);
  });

  it("when a dossier is led by a unit, then its page names the unit in the page's language, not its slug; its forms name it", async () => {
    const u = await unit(milanId);
    const d = await dossier({ unit: u.slug });
    expect(d.unit).toBe(u.slug);
    const { cookie } = await session('milano', 'viewer');
    const it_ = (await app.inject({ url: `/admin/it/dossiers/${d.id}`, headers: cookie })).body;
    expect(it_).toContain(`Ufficio ${u.slug}`);
    const en = (await app.inject({ url: `/admin/en/dossiers/${d.id}`, headers: cookie })).body;
    expect(en).toContain(`Unit ${u.slug}`);
    expect(en).not.toContain(`<dd>${u.slug}</dd>`);
    // The deadline form names its candidacy; a deadline that is not the dossier's is not found.
    const editor = await session('milano', 'editor');
    const form = await app.inject({
      url: `/admin/en/dossiers/${d.id}/deadlines/new`,
      headers: editor.cookie,
    });
    expect(form.body).toContain('Add a deadline — European Capital of Culture');
    const unknown = `/admin/en/dossiers/${d.id}/deadlines/00000000-0000-4000-8000-000000000000/edit`;
    expect((await app.inject({ url: unknown, headers: editor.cookie })).statusCode).toBe(404);
  });

  it('when the call page is not http(s) or a unit is unknown, then each is named; Florence does not find the dossier', async () => {
    const bad = await send('POST', '/api/v1/dossiers', {
      titleIt: 'Premio',
      kind: 'prize',
      status: 'preparing',
      callUrl: 'javascript:alert(1)',
      unit: 'nessuno',
    });
    expect(bad.statusCode).toBe(400);
    const e = bad.json().error;
    expect([e.field, ...(e.details?.also ?? []).map((a: { field: string }) => a.field)]).toEqual(
      expect.arrayContaining(['callUrl']),
    );
    const d = await dossier();
    const florence = await makeToken(ctx.services, 'firenze', 'write', 'dossiers');
    expect(
      (await app.inject({ url: `/api/v1/dossiers/${d.id}`, headers: bearer(florence) })).statusCode,
    ).toBe(404);
    expect(
      (
        await send(
          'POST',
          `/api/v1/dossiers/${d.id}/deadlines`,
          { version: 1, labelIt: 'X', dueOn: inDays(3) },
          florence,
        )
      ).statusCode,
    ).toBe(404);
    expect(
      (await send('PATCH', `/api/v1/dossiers/${d.id}`, { status: 'withdrawn', version: 1 }, milanRead))
        .statusCode,
    ).toBe(403);
    expect(await ctx.database.query('select version from dossiers where id = $1', [d.id])).toEqual([
      { version: 1 },
    ]);
  });
});
