// Every record type's JSON write routes together: who may call them (tokens, sessions, CSRF, roles), another
// institution's records, stale versions and bad bodies refused without writing anything.
import { describe, expect, it } from 'vitest';
import { TEST_ACTOR } from '../../test/factories.ts';
import {
  app,
  auditOf,
  auditTotal,
  bearer,
  type Call,
  ctx,
  everyWrite,
  florenceId,
  type Headers,
  type Method,
  membership,
  milanId,
  milanRead,
  milanWrite,
  network,
  organisation,
  registryState,
  rowOf,
  send,
  session,
  unit,
  useRecordsApi,
} from '../../test/records-api.ts';
import { uniqueSlug } from '../../test/support.ts';

useRecordsApi();

describe('who may write', () => {
  it('when no credentials come, or a revoked token, then every write route answers 401 and nothing changes', async () => {
    const revoked = await ctx.services.accounts.createApiToken({
      institution: 'milano',
      name: 'old',
      scope: 'write',
      actor: TEST_ACTOR,
    });
    await ctx.services.accounts.revokeApiToken(revoked.id, TEST_ACTOR);
    const calls = await everyWrite();
    const before = await registryState();
    const audits = await auditTotal();
    for (const call of calls) {
      for (const headers of [{}, bearer(revoked.token), bearer('ponte_made_up')]) {
        const res = await send(call, headers);
        expect(res.statusCode, call.label).toBe(401);
        expect(res.json().error.code, call.label).toBe('unauthorized');
      }
    }
    expect(await registryState()).toEqual(before);
    expect(await auditTotal()).toBe(audits);
  });

  it('when a read token tries every write route, then 403 and nothing changes', async () => {
    const calls = await everyWrite();
    const before = await registryState();
    const audits = await auditTotal();
    for (const call of calls) {
      const res = await send(call, bearer(milanRead));
      expect(res.statusCode, call.label).toBe(403);
      expect(res.json().error.code, call.label).toBe('forbidden');
    }
    expect(await registryState()).toEqual(before);
    expect(await auditTotal()).toBe(audits);
  });

  it("when a session calls without its X-CSRF-Token, or a viewer's session with it, then 403 and nothing changes", async () => {
    const editor = await session('milano', 'editor');
    const viewer = await session('milano', 'viewer');
    const calls = await everyWrite();
    const before = await registryState();
    const audits = await auditTotal();
    for (const call of calls) {
      expect((await send(call, editor.cookie)).statusCode, `${call.label} without CSRF`).toBe(403);
      expect((await send(call, { ...editor.cookie, 'x-csrf-token': 'forged' })).statusCode).toBe(403);
      expect((await send(call, viewer.withCsrf)).statusCode, `${call.label} by a viewer`).toBe(403);
    }
    expect(await registryState()).toEqual(before);
    expect(await auditTotal()).toBe(audits);
  });

  it("when an editor's session sends its X-CSRF-Token, then every institution write goes through and the log names the user; the catalogue's edit and delete stay the platform's", async () => {
    const editor = await session('milano', 'editor');
    const calls = await everyWrite();
    const expected: Record<Method, number> = { POST: 201, PATCH: 200, PUT: 200, DELETE: 204 };
    for (const call of calls) {
      const res = await send(call, editor.withCsrf);
      if (call.label === 'edit catalogue network' || call.label === 'delete catalogue network') {
        expect(res.statusCode, call.label).toBe(403);
        expect(res.json().error.details).toEqual({ reason: 'catalogue' });
        continue;
      }
      expect(res.statusCode, `${call.label}: ${res.body}`).toBe(call.status ?? expected[call.method]);
      // A child record's change (a programme item, a traveller, a follow-up) is logged under its parent.
      const id =
        call.auditedAs ??
        (call.method === 'POST' ? res.json().id : call.url.split('/').pop()!.split('?')[0]!);
      const entries = await auditOf(id);
      expect(entries.at(-1)?.actor, call.label).toBe(editor.email);
    }
  });

  it('when a write token edits a catalogue network, then 403: only a platform administrator may; theirs goes through', async () => {
    const net = await network();
    const url = `/api/v1/networks/${net.id}`;
    const refused = await app.inject({
      method: 'PATCH',
      url,
      headers: bearer(milanWrite),
      payload: { nameEn: 'Renamed by a token', version: net.version },
    });
    expect(refused.statusCode).toBe(403);
    expect((await rowOf('networks', net.id))!['name_en']).toBe(`Network ${net.slug}`);

    const platform = await session('milano', 'admin', true);
    const res = await app.inject({
      method: 'PATCH',
      url,
      headers: platform.withCsrf,
      payload: { nameEn: 'Renamed network', website: 'https://net.example.org', version: net.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: net.id,
      slug: net.slug,
      nameIt: `Rete ${net.slug}`,
      nameEn: 'Renamed network',
      website: 'https://net.example.org',
      version: net.version + 1,
    });
    expect(await rowOf('networks', net.id)).toMatchObject({
      name_en: 'Renamed network',
      name_it: `Rete ${net.slug}`,
      version: net.version + 1,
    });
    expect(await auditOf(net.id)).toEqual([{ actor: platform.email, action: 'update', entity: 'network' }]);
  });
});

describe("another institution's records", () => {
  it("when Milan's write token reaches for Florence's partner, unit or membership, then 404 and they stay as they were", async () => {
    const org = await organisation(florenceId);
    const desk = await unit(florenceId);
    const member = await membership('firenze');
    const calls: Call[] = [
      {
        label: 'edit partner',
        method: 'PATCH',
        url: `/api/v1/counterparts/${org.id}`,
        payload: { nameIt: 'Preso', version: org.version },
      },
      {
        label: 'delete partner',
        method: 'DELETE',
        url: `/api/v1/counterparts/${org.id}?version=${org.version}`,
      },
      {
        label: 'edit unit',
        method: 'PATCH',
        url: `/api/v1/units/${desk.id}`,
        payload: { head: 'Preso', version: desk.version },
      },
      { label: 'delete unit', method: 'DELETE', url: `/api/v1/units/${desk.id}?version=${desk.version}` },
      {
        label: 'edit membership',
        method: 'PATCH',
        url: `/api/v1/memberships/${member.id}`,
        payload: { roleEn: 'Taken', version: member.version },
      },
      {
        label: 'leave network',
        method: 'DELETE',
        url: `/api/v1/memberships/${member.id}?version=${member.version}`,
      },
    ];
    const before = [
      await rowOf('counterparts', org.id),
      await rowOf('units', desk.id),
      await rowOf('memberships', member.id),
    ];
    for (const call of calls) {
      const res = await send(call, bearer(milanWrite));
      expect(res.statusCode, `${call.label}: ${res.body}`).toBe(404);
      expect(res.json().error.code).toBe('not_found');
    }
    expect([
      await rowOf('counterparts', org.id),
      await rowOf('units', desk.id),
      await rowOf('memberships', member.id),
    ]).toEqual(before);
    for (const id of [org.id, desk.id, member.id]) expect(await auditOf(id)).toEqual([]);
  });

  it("when Milan names Florence's unit in a membership, then 400 on unitId: it is not one of Milan's", async () => {
    const desk = await unit(florenceId);
    const net = await network();
    const res = await app.inject({
      method: 'POST',
      url: `/api/v1/networks/${net.id}/membership`,
      headers: bearer(milanWrite),
      payload: { unitId: desk.id },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('unitId');
    const [n] = await ctx.database.query<{ n: number }>(
      'select count(*)::int as n from memberships where network_id = $1',
      [net.id],
    );
    expect(n!.n).toBe(0);
  });
});

describe('stale versions', () => {
  it('when a PATCH or DELETE starts from an old version, then 409 version_conflict with the stored record, and nothing changes', async () => {
    const org = await organisation(milanId);
    const desk = await unit(milanId);
    const member = await membership('milano');
    const net = await network();
    // Each record moves on to version 2 behind the caller's back.
    for (const [table, id] of [
      ['counterparts', org.id],
      ['units', desk.id],
      ['memberships', member.id],
      ['networks', net.id],
    ] as const) {
      await ctx.database.query(`update ${table} set version = version + 1 where id = $1`, [id]);
    }
    const platform = await session('milano', 'admin', true);
    const calls: [Call, Headers][] = [
      [
        {
          label: 'edit partner',
          method: 'PATCH',
          url: `/api/v1/counterparts/${org.id}`,
          payload: { nameIt: 'Tardi', version: 1 },
        },
        bearer(milanWrite),
      ],
      [
        { label: 'delete partner', method: 'DELETE', url: `/api/v1/counterparts/${org.id}?version=1` },
        bearer(milanWrite),
      ],
      [
        {
          label: 'edit unit',
          method: 'PATCH',
          url: `/api/v1/units/${desk.id}`,
          payload: { head: 'Tardi', version: 1 },
        },
        bearer(milanWrite),
      ],
      [
        { label: 'delete unit', method: 'DELETE', url: `/api/v1/units/${desk.id}?version=1` },
        bearer(milanWrite),
      ],
      [
        {
          label: 'edit membership',
          method: 'PATCH',
          url: `/api/v1/memberships/${member.id}`,
          payload: { roleEn: 'Late', version: 1 },
        },
        bearer(milanWrite),
      ],
      [
        { label: 'leave network', method: 'DELETE', url: `/api/v1/memberships/${member.id}?version=1` },
        bearer(milanWrite),
      ],
      [
        {
          label: 'edit catalogue network',
          method: 'PATCH',
          url: `/api/v1/networks/${net.id}`,
          payload: { nameEn: 'Late', version: 1 },
        },
        platform.withCsrf,
      ],
    ];
    const before = await registryState();
    const audits = await auditTotal();
    for (const [call, headers] of calls) {
      const res = await send(call, headers);
      expect(res.statusCode, `${call.label}: ${res.body}`).toBe(409);
      const error = res.json().error;
      expect(error.code, call.label).toBe('version_conflict');
      expect(error.details.currentVersion, call.label).toBe(2);
      expect(error.details.current, call.label).toMatchObject({ version: 2 });
    }
    expect(await registryState()).toEqual(before);
    expect(await auditTotal()).toBe(audits);
  });
});

describe('bad bodies', () => {
  it('when a body or query is wrong, then 400 names the field and nothing is written', async () => {
    const org = await organisation(milanId);
    const desk = await unit(milanId);
    const member = await membership('milano');
    const net = await network();
    const platform = await session('milano', 'admin', true);
    const cases: [Call, string, Headers?][] = [
      [{ label: 'a', method: 'POST', url: '/api/v1/counterparts', payload: { nameIt: 'Solo' } }, 'nameEn'],
      [
        {
          label: 'b',
          method: 'POST',
          url: '/api/v1/counterparts',
          payload: { nameIt: 'Ente', nameEn: 'Body', website: 'ftp://files.example.org' },
        },
        'website',
      ],
      [
        {
          label: 'c',
          method: 'POST',
          url: '/api/v1/counterparts',
          payload: { nameIt: 'Ente', nameEn: 'Body', country: 'Atlantide' },
        },
        'country',
      ],
      [
        {
          label: 'd',
          method: 'PATCH',
          url: `/api/v1/counterparts/${org.id}`,
          payload: { nameIt: '', version: org.version },
        },
        'nameIt',
      ],
      [
        { label: 'e', method: 'PATCH', url: `/api/v1/counterparts/${org.id}`, payload: { nameIt: 'Senza' } },
        'version',
      ],
      [{ label: 'f', method: 'DELETE', url: `/api/v1/counterparts/${org.id}` }, 'version'],
      [{ label: 'g', method: 'DELETE', url: '/api/v1/counterparts/not-a-uuid?version=1' }, 'id'],
      [
        {
          label: 'h',
          method: 'POST',
          url: '/api/v1/units',
          payload: { slug: 'Not A Slug', nameIt: 'Ufficio', nameEn: 'Desk' },
        },
        'slug',
      ],
      [
        {
          label: 'i',
          method: 'PATCH',
          url: `/api/v1/units/${desk.id}`,
          payload: { colour: 'red', version: desk.version },
        },
        'colour',
      ],
      [
        {
          label: 'j',
          method: 'POST',
          url: `/api/v1/networks/${net.id}/membership`,
          payload: { since: 'soon' },
        },
        'since',
      ],
      [
        {
          label: 'k',
          method: 'POST',
          url: `/api/v1/networks/${net.id}/membership`,
          payload: { annualFee: '1.500,50' },
        },
        'annualFee',
      ],
      [
        {
          label: 'l',
          method: 'PATCH',
          url: `/api/v1/memberships/${member.id}`,
          payload: { workingGroups: ['Culture\nSport'], version: member.version },
        },
        'workingGroups.0',
      ],
      [
        {
          label: 'm',
          method: 'PATCH',
          url: `/api/v1/memberships/${member.id}`,
          payload: { feeCurrency: 'euro', version: member.version },
        },
        'feeCurrency',
      ],
      [
        {
          label: 'n',
          method: 'POST',
          url: '/api/v1/networks',
          payload: { slug: uniqueSlug('bad'), nameIt: 'Rete' },
        },
        'nameEn',
      ],
      [
        {
          label: 'o',
          method: 'PATCH',
          url: `/api/v1/networks/${net.id}`,
          payload: { slug: 'renamed', version: net.version },
        },
        'slug',
        platform.withCsrf,
      ],
      [
        {
          label: 'p',
          method: 'PATCH',
          url: `/api/v1/networks/${net.id}`,
          payload: { website: 'not an address', version: net.version },
        },
        'website',
        platform.withCsrf,
      ],
    ];
    const before = await registryState();
    const audits = await auditTotal();
    for (const [call, field, headers] of cases) {
      const res = await send(call, headers ?? bearer(milanWrite));
      expect(res.statusCode, `${call.method} ${call.url} ${JSON.stringify(call.payload)}: ${res.body}`).toBe(
        400,
      );
      expect(res.json().error, `${call.method} ${call.url} ${JSON.stringify(call.payload)}`).toMatchObject({
        code: 'invalid_input',
        field,
      });
    }
    expect(await registryState()).toEqual(before);
    expect(await auditTotal()).toBe(audits);
  });
});
