// Networks' JSON write routes: joining, editing and leaving a network (memberships) and the shared catalogue
// (adding for any writer; editing and deleting for platform administrators only, once nobody is a member).
import { describe, expect, it } from 'vitest';
import {
  app,
  auditOf,
  bearer,
  ctx,
  florenceId,
  membership,
  milanId,
  milanWrite,
  network,
  registryState,
  rowOf,
  session,
  useRecordsApi,
} from '../../../test/records-api.ts';
import { uniqueSlug } from '../../../test/support.ts';

useRecordsApi();

describe('memberships', () => {
  it('when a write token joins a network, edits the membership and leaves, then the database and the log follow', async () => {
    const net = await network();
    const [desk] = await ctx.services.institutions.unitsOf(milanId);
    const joined = await app.inject({
      method: 'POST',
      url: `/api/v1/networks/${net.id}/membership`,
      headers: bearer(milanWrite),
      payload: {
        since: '2021-03',
        roleEn: 'Member',
        unitId: desk!.id,
        workingGroups: ['Culture', 'Mobility'],
        annualFee: '1500',
      },
    });
    expect(joined.statusCode, joined.body).toBe(201);
    const member = joined.json();
    expect(member).toMatchObject({
      networkId: net.id,
      since: { date: '2021-03', precision: 'month' },
      roleEn: 'Member',
      roleIt: null,
      unit: { id: desk!.id },
      workingGroups: ['Culture', 'Mobility'],
      annualFee: '1500.00',
      feeCurrency: 'EUR',
      version: 1,
    });
    expect(await rowOf('memberships', member.id)).toMatchObject({
      institution_id: milanId,
      network_id: net.id,
      unit_id: desk!.id,
    });

    const edited = await app.inject({
      method: 'PATCH',
      url: `/api/v1/memberships/${member.id}`,
      headers: bearer(milanWrite),
      payload: { roleIt: 'Membro', workingGroups: ['Climate'], annualFee: null, unitId: null, version: 1 },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      since: { date: '2021-03', precision: 'month' },
      roleIt: 'Membro',
      roleEn: 'Member',
      unit: null,
      workingGroups: ['Climate'],
      annualFee: null,
      feeCurrency: null,
      version: 2,
    });
    expect(await rowOf('memberships', member.id)).toMatchObject({
      role_it: 'Membro',
      role_en: 'Member',
      working_groups: ['Climate'],
      annual_fee: null,
      unit_id: null,
      version: 2,
    });

    const left = await app.inject({
      method: 'DELETE',
      url: `/api/v1/memberships/${member.id}?version=2`,
      headers: bearer(milanWrite),
    });
    expect(left.statusCode, left.body).toBe(204);
    expect(await rowOf('memberships', member.id)).toBeUndefined();
    expect(await rowOf('networks', net.id)).toBeDefined();
    expect((await auditOf(member.id)).map((e) => [e.actor, e.action])).toEqual([
      ['token sync', 'join'],
      ['token sync', 'update'],
      ['token sync', 'leave'],
    ]);
  });

  it('when Milan joins a network it belongs to, or one the catalogue lacks, then 409 and 404', async () => {
    const member = await membership('milano');
    const again = await app.inject({
      method: 'POST',
      url: `/api/v1/networks/${member.networkId}/membership`,
      headers: bearer(milanWrite),
      payload: {},
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toEqual({ reason: 'member', membershipId: member.id });
    const missing = await app.inject({
      method: 'POST',
      url: '/api/v1/networks/00000000-0000-4000-8000-000000000000/membership',
      headers: bearer(milanWrite),
      payload: {},
    });
    expect(missing.statusCode).toBe(404);
  });
});

describe('the network catalogue', () => {
  it('when a write token adds a network, then 201, in the catalogue for everyone, logged under Milan', async () => {
    const slug = uniqueSlug('cat');
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/networks',
      headers: bearer(milanWrite),
      payload: { slug, acronym: 'CAT', nameIt: 'Rete del catalogo', nameEn: 'Catalogue network' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ slug, acronym: 'CAT', nameEn: 'Catalogue network', version: 1 });
    expect(await rowOf('networks', created.id)).toMatchObject({ slug, name_en: 'Catalogue network' });
    const [entry] = await ctx.database.query<{ institution_id: string; actor: string; action: string }>(
      'select institution_id, actor, action from audit_events where entity_id = $1',
      [created.id],
    );
    expect(entry).toEqual({ institution_id: milanId, actor: 'token sync', action: 'create' });
    const taken = await app.inject({
      method: 'POST',
      url: '/api/v1/networks',
      headers: bearer(milanWrite),
      payload: { slug, nameIt: 'Altra', nameEn: 'Other' },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.field).toBe('slug');
  });

  it('when a network is deleted from the catalogue, then only a platform administrator may, only once nobody is a member, at its version; the log keeps it', async () => {
    const member = await membership('milano');
    const net = (
      await ctx.database.query<{ id: string; version: number }>(
        'select id, version from networks where id = $1',
        [member.networkId],
      )
    )[0]!;
    const url = (version: number) => `/api/v1/networks/${net.id}?version=${version}`;
    const platform = await session('firenze', 'admin', true);
    const before = await registryState();

    const token = await app.inject({ method: 'DELETE', url: url(net.version), headers: bearer(milanWrite) });
    expect(token.statusCode).toBe(403);
    const admin = await session('milano', 'admin');
    const milanAdmin = await app.inject({ method: 'DELETE', url: url(net.version), headers: admin.withCsrf });
    expect(milanAdmin.statusCode).toBe(403);
    expect(milanAdmin.json().error.details).toEqual({ reason: 'catalogue' });

    const inUse = await app.inject({ method: 'DELETE', url: url(net.version), headers: platform.withCsrf });
    expect(inUse.statusCode, inUse.body).toBe(409);
    expect(inUse.json().error.details).toEqual({ reason: 'in_use', memberships: 1 });
    expect(await registryState()).toEqual(before);

    const left = await app.inject({
      method: 'DELETE',
      url: `/api/v1/memberships/${member.id}?version=${member.version}`,
      headers: bearer(milanWrite),
    });
    expect(left.statusCode, left.body).toBe(204);

    const stale = await app.inject({
      method: 'DELETE',
      url: url(net.version + 1),
      headers: platform.withCsrf,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect(stale.json().error.details.current).toMatchObject({ id: net.id, version: net.version });
    expect(await rowOf('networks', net.id)).toBeDefined();

    const gone = await app.inject({ method: 'DELETE', url: url(net.version), headers: platform.withCsrf });
    expect(gone.statusCode, gone.body).toBe(204);
    expect(await rowOf('networks', net.id)).toBeUndefined();
    const [entry] = await ctx.database.query<{ institution_id: string; actor: string; before: unknown }>(
      `select institution_id, actor, before from audit_events where entity_id = $1 and action = 'delete'`,
      [net.id],
    );
    expect(entry).toMatchObject({ institution_id: florenceId, actor: platform.email });
    expect(entry!.before).toMatchObject({ id: net.id, nameEn: expect.stringMatching(/^Network /) });

    const again = await app.inject({ method: 'DELETE', url: url(net.version), headers: platform.withCsrf });
    expect(again.statusCode).toBe(404);
  });
});
