// People's JSON routes and their personal data: a consul general's change keeps the predecessor in the post's
// history; what a role may not see is withheld in the record, the list, the search and the export, and a person
// above the role does not exist for it; another institution sees nothing; reading a restricted person is logged;
// an export gives everything to an admin only; an erasure leaves the log saying so, and no value.
import { describe, expect, it } from 'vitest';
import { makeOrganisation, makePerson, makeToken } from '../../../test/factories-backoffice.ts';
import {
  app,
  bearer,
  ctx,
  milanId,
  milanRead,
  milanWrite,
  session,
  useRecordsApi,
} from '../../../test/records-api.ts';
import { uniqueSlug } from '../../../test/support.ts';

useRecordsApi();

const call = (
  method: 'POST' | 'PATCH' | 'DELETE' | 'GET',
  url: string,
  payload?: Record<string, unknown>,
  headers: Record<string, string> = bearer(milanWrite),
) => app.inject({ method, url, headers, ...(payload ? { payload } : {}) });

const auditRows = (id: string) =>
  ctx.database.query<{ actor: string; action: string; before: unknown; after: unknown }>(
    'select actor, action, before, after from audit_events where entity_id = $1 order by id',
    [id],
  );

describe('people', () => {
  it('when a consul general is succeeded, then the post lists both, the predecessor with the end of the role', async () => {
    const post = await makeOrganisation(ctx.services, milanId);
    const first = (
      await call('POST', '/api/v1/people', {
        name: `Tanaka Hiroshi ${uniqueSlug('t')}`,
        honorific: 'S.E.',
        legalBasis: 'public_task',
        visibility: 'public',
        languages: ['giapponese', 'en'],
      })
    ).json();
    const role = await call('POST', `/api/v1/people/${first.id}/roles`, {
      organisationId: post.id,
      titleIt: 'Console generale',
      titleEn: 'Consul General',
      head: true,
      startsOn: '2021-09-01',
    });
    expect(role.statusCode, role.body).toBe(201);
    const ended = await call('PATCH', `/api/v1/people/${first.id}/roles/${role.json().id}`, {
      endsOn: '2025-08-31',
      version: 1,
    });
    expect(ended.json()).toMatchObject({ endsOn: '2025-08-31', current: false, head: true });
    const second = (
      await call('POST', '/api/v1/people', {
        name: `Sato Yuki ${uniqueSlug('s')}`,
        legalBasis: 'public_task',
      })
    ).json();
    await call('POST', `/api/v1/people/${second.id}/roles`, {
      organisationId: post.id,
      titleIt: 'Console generale',
      head: true,
      startsOn: '2025-09-01',
    });
    const holders = (
      await call('GET', `/api/v1/organisations/${post.id}/people`, undefined, bearer(milanRead))
    ).json();
    expect(
      holders.items.map((h: { person: { id: string }; current: boolean }) => [h.person.id, h.current]),
    ).toEqual([
      [second.id, true],
      [first.id, false],
    ]);
    const bad = await call('POST', `/api/v1/people/${second.id}/roles`, {
      organisationId: post.id,
      titleIt: 'Vice console',
      startsOn: '2026-01-01',
      endsOn: '2025-01-01',
    });
    expect(bad.json().error.field).toBe('endsOn');
  });

  it('when a person has fields for editors or admins only, then a viewer gets them withheld in the record, the list and the search, and cannot export', async () => {
    const tag = uniqueSlug('v');
    const person = await makePerson(ctx.services, milanId, {
      name: `Ana Müller ${tag}`,
      address: 'Via Segreta 1',
      addressVisibility: 'editors',
      phoneVisibility: 'admins',
      notes: 'Solo per lo staff',
    });
    const hidden = await makePerson(ctx.services, milanId, {
      name: `Persona riservata ${tag}`,
      visibility: 'admins',
    });
    const asViewer = (await call('GET', `/api/v1/people/${person.id}`, undefined, bearer(milanRead))).json();
    expect(asViewer).toMatchObject({
      email: 'console@example.org',
      phone: null,
      address: null,
      notes: 'Solo per lo staff',
    });
    expect(asViewer.withheld.sort()).toEqual(['address', 'phone']);
    const asEditor = (await call('GET', `/api/v1/people/${person.id}`)).json();
    expect(asEditor).toMatchObject({ address: 'Via Segreta 1', phone: null, withheld: ['phone'] });

    const search = (
      await call(
        'GET',
        `/api/v1/people?q=${encodeURIComponent(`muller ${tag}`)}`,
        undefined,
        bearer(milanRead),
      )
    ).json();
    expect(search.items).toHaveLength(1);
    expect(search.items[0]).toMatchObject({ address: null, phone: null });
    const all = (await call('GET', `/api/v1/people?q=${tag}`, undefined, bearer(milanRead))).json();
    expect(all.items.map((i: { id: string }) => i.id)).toEqual([person.id]);
    expect((await call('GET', `/api/v1/people/${hidden.id}`, undefined, bearer(milanRead))).statusCode).toBe(
      404,
    );
    expect(
      (await call('GET', `/api/v1/people/${person.id}/export`, undefined, bearer(milanRead))).statusCode,
    ).toBe(403);
    expect((await call('GET', `/api/v1/people/${person.id}/export`)).statusCode).toBe(403);

    // An editor's edit cannot touch the phone it does not see, whatever it sends.
    const edited = await call('PATCH', `/api/v1/people/${person.id}`, {
      phone: '+39 333 000 0000',
      notes: 'Nuove note',
      version: 1,
    });
    expect(edited.json()).toMatchObject({ notes: 'Nuove note', phone: null });
    const [stored] = await ctx.database.query<{ phone: string }>('select phone from people where id = $1', [
      person.id,
    ]);
    expect(stored!.phone).toBe('+39 02 1234 5678');
  });

  it('when another institution looks, then no person of Milan is found, listed or searched', async () => {
    const tag = uniqueSlug('x');
    const person = await makePerson(ctx.services, milanId, {
      name: `Console di prova ${tag}`,
      visibility: 'public',
    });
    const florence = bearer(await makeToken(ctx.services, 'firenze', 'write'));
    expect((await call('GET', `/api/v1/people/${person.id}`, undefined, florence)).statusCode).toBe(404);
    expect((await call('GET', `/api/v1/people?q=${tag}`, undefined, florence)).json().items).toEqual([]);
    expect(
      (await call('DELETE', `/api/v1/people/${person.id}?version=1`, undefined, florence)).statusCode,
    ).toBe(404);
  });

  it('when an admin reads a restricted person, exports and then erases them, then the log holds the read, the export and the erasure but no value', async () => {
    const admin = await session('milano', 'admin');
    const person = (
      await call(
        'POST',
        '/api/v1/people',
        {
          name: `Privata Cittadina ${uniqueSlug('e')}`,
          legalBasis: 'consent',
          consentOn: '2026-11-20',
          consentText: 'Acconsento a essere contattata per gli eventi della comunità.',
          visibility: 'editors',
          email: 'privata@example.org',
          address: 'Via delle Rose 3',
        },
        admin.withCsrf,
      )
    ).json();
    expect(person).toMatchObject({ legalBasis: 'consent', withheld: [] });
    await call('GET', `/api/v1/people/${person.id}`, undefined, admin.withCsrf);
    const exported = await call('GET', `/api/v1/people/${person.id}/export`, undefined, admin.withCsrf);
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.json()).toMatchObject({
      institution: 'milano',
      person: { email: 'privata@example.org', address: 'Via delle Rose 3', consentOn: '2026-11-20' },
      history: [
        { action: 'create', changed: expect.arrayContaining(['name', 'email', 'address', 'consentText']) },
        { action: 'read', changed: [] },
      ],
    });
    const erased = await call('DELETE', `/api/v1/people/${person.id}?version=1`, undefined, admin.withCsrf);
    expect(erased.statusCode).toBe(204);
    expect((await call('GET', `/api/v1/people/${person.id}`, undefined, admin.withCsrf)).statusCode).toBe(
      404,
    );
    const log = await auditRows(person.id);
    expect(log.map((r) => r.action)).toEqual(['create', 'read', 'export', 'erase']);
    const text = JSON.stringify(log);
    for (const value of ['Privata Cittadina', 'privata@example.org', 'Via delle Rose', 'Acconsento']) {
      expect(text, value).not.toContain(value);
    }
    expect(await ctx.database.query('select 1 from person_roles where person_id = $1', [person.id])).toEqual(
      [],
    );
  });

  it('when consent is the basis but its day or text is missing, then the field is named and nothing is stored', async () => {
    const name = `Senza consenso ${uniqueSlug('c')}`;
    for (const [body, field] of [
      [{ name, legalBasis: 'consent', consentText: 'Testo' }, 'consentOn'],
      [{ name, legalBasis: 'consent', consentOn: '2026-01-01' }, 'consentText'],
      [{ name, legalBasis: 'public_task', email: 'nope' }, 'email'],
      [{ name, legalBasis: 'public_task', languages: ['klingon'] }, 'languages'],
    ] as const) {
      const res = await call('POST', '/api/v1/people', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
    expect(await ctx.database.query('select 1 from people where name = $1', [name])).toEqual([]);
  });
});
