// The registry's JSON write routes: partners, units, memberships and the network catalogue through API tokens
// (scoped, revocable) and sessions with CSRF; every write route against every kind of caller; changes that
// reach the database and the audit log; institutions that cannot touch each other's records; stale versions,
// bad bodies and records still in use refused without writing anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ACTOR } from '../../../test/factories.ts';
import { createTestApp, createTestDeps, type TestContext, uniqueSlug } from '../../../test/support.ts';
import type { App } from '../../platform/http/types.ts';
import type { Role } from '../accounts/accounts.table.ts';

let ctx: TestContext;
let app: App;
let milanId: string;
let florenceId: string;
let milanWrite: string;
let milanRead: string;
let seq = 0;

type Method = 'POST' | 'PATCH' | 'DELETE';
interface Call {
  label: string;
  method: Method;
  url: string;
  payload?: Record<string, unknown>;
}
type Headers = Record<string, string>;

const bearer = (token: string): Headers => ({ authorization: `Bearer ${token}` });
const send = (call: Call, headers: Headers) =>
  app.inject({
    method: call.method,
    url: call.url,
    headers,
    ...(call.payload === undefined ? {} : { payload: call.payload }),
  });

/** A user of an institution with a session: the cookie header, the CSRF header, and the e-mail. */
async function session(institution: string, role: Role, platformAdmin = false) {
  const { user, password } = await ctx.services.accounts.createUser({
    email: `registry.api.${role}${++seq}.${institution}@example.org`,
    institution,
    role,
    platformAdmin,
  });
  await ctx.services.accounts.authenticate(user.email, password!, '10.9.1.1');
  const { token, csrfToken } = await ctx.services.accounts.createSession(user.id, {
    method: 'password',
    address: '127.0.0.1',
  });
  const cookie = { cookie: `ponte_session=${token}` };
  return { cookie, withCsrf: { ...cookie, 'x-csrf-token': csrfToken }, email: user.email };
}

const rowOf = async (table: string, id: string) =>
  (await ctx.database.query<Record<string, unknown>>(`select * from ${table} where id = $1`, [id]))[0];
const auditOf = (id: string) =>
  ctx.database.query<{ actor: string; action: string; entity: string }>(
    'select actor, action, entity from audit_events where entity_id = $1 order by at, id',
    [id],
  );
const auditTotal = async () =>
  (await ctx.database.query<{ n: number }>('select count(*)::int as n from audit_events'))[0]!.n;
/** Everything the write routes could touch, to show that a refused write changed nothing. */
const registryState = async () =>
  ctx.database.query(
    `select 'counterparts' as t, id, version from counterparts union all
     select 'units', id, version from units union all
     select 'memberships', id, version from memberships union all
     select 'networks', id, version from networks
     order by 1, 2`,
  );

// ── Fixtures, written as the database owner ───────────────────────────────────────────────────────────

async function organisation(institutionId: string) {
  const name = `Org ${uniqueSlug('o')}`;
  const [row] = await ctx.services.counterparts.ensureMany(institutionId, [
    { type: 'organisation', nameIt: `${name} (it)`, nameEn: name, website: 'https://org.example.org' },
  ]);
  return { id: row!.id, version: row!.version };
}

async function unit(institutionId: string) {
  const slug = uniqueSlug('u');
  const made = await ctx.services.institutions.addUnit(
    institutionId,
    { slug, nameIt: `Ufficio ${slug}`, nameEn: `Unit ${slug}`, head: 'Anna Rossi' },
    50,
  );
  return { id: made.id, slug, version: Number((await rowOf('units', made.id))!['version']) };
}

async function network() {
  const slug = uniqueSlug('net');
  const made = await ctx.services.networks.create({
    slug,
    nameIt: `Rete ${slug}`,
    nameEn: `Network ${slug}`,
  });
  return { id: made.id, slug, version: made.version };
}

async function membership(institution: string) {
  const net = await network();
  const made = await ctx.services.networks.join(institution, {
    network: net.slug,
    since: '2019-05',
    roleIt: 'Membro',
    roleEn: 'Member',
    workingGroups: ['Cultura', 'Mobilità'],
  });
  return { id: made.id, networkId: net.id, version: made.version };
}

/** One call of each write route on fresh records of Milan, none depending on another. */
async function everyWrite(): Promise<Call[]> {
  const [orgA, orgB, unitA, unitB, memberA, memberB, catalogue, spare, unused] = [
    await organisation(milanId),
    await organisation(milanId),
    await unit(milanId),
    await unit(milanId),
    await membership('milano'),
    await membership('milano'),
    await network(),
    await network(),
    await network(),
  ];
  const slug = uniqueSlug('new');
  return [
    {
      label: 'create partner',
      method: 'POST',
      url: '/api/v1/counterparts',
      payload: { nameIt: `Ente ${slug}`, nameEn: `Body ${slug}`, country: 'FR' },
    },
    {
      label: 'edit partner',
      method: 'PATCH',
      url: `/api/v1/counterparts/${orgA.id}`,
      payload: { website: 'https://changed.example.org', version: orgA.version },
    },
    {
      label: 'delete partner',
      method: 'DELETE',
      url: `/api/v1/counterparts/${orgB.id}?version=${orgB.version}`,
    },
    {
      label: 'create unit',
      method: 'POST',
      url: '/api/v1/units',
      payload: { slug, nameIt: `Ufficio ${slug}`, nameEn: `Unit ${slug}` },
    },
    {
      label: 'edit unit',
      method: 'PATCH',
      url: `/api/v1/units/${unitA.id}`,
      payload: { head: 'Marco Bianchi', version: unitA.version },
    },
    { label: 'delete unit', method: 'DELETE', url: `/api/v1/units/${unitB.id}?version=${unitB.version}` },
    {
      label: 'join network',
      method: 'POST',
      url: `/api/v1/networks/${spare.id}/membership`,
      payload: { since: '2024', roleEn: 'Observer' },
    },
    {
      label: 'edit membership',
      method: 'PATCH',
      url: `/api/v1/memberships/${memberA.id}`,
      payload: { roleEn: 'Vice-chair', version: memberA.version },
    },
    {
      label: 'leave network',
      method: 'DELETE',
      url: `/api/v1/memberships/${memberB.id}?version=${memberB.version}`,
    },
    {
      label: 'add catalogue network',
      method: 'POST',
      url: '/api/v1/networks',
      payload: { slug, nameIt: `Rete ${slug}`, nameEn: `Network ${slug}` },
    },
    {
      label: 'edit catalogue network',
      method: 'PATCH',
      url: `/api/v1/networks/${catalogue.id}`,
      payload: { acronym: 'NET', version: catalogue.version },
    },
    {
      label: 'delete catalogue network',
      method: 'DELETE',
      url: `/api/v1/networks/${unused.id}?version=${unused.version}`,
    },
  ];
}

beforeAll(async () => {
  ctx = await createTestDeps({ seed: true });
  app = await createTestApp(ctx);
  milanId = await ctx.services.institutions.idOf('milano');
  florenceId = await ctx.services.institutions.idOf('firenze');
  milanWrite = (
    await ctx.services.accounts.createApiToken({
      institution: 'milano',
      name: 'sync',
      scope: 'write',
      actor: TEST_ACTOR,
    })
  ).token;
  milanRead = (
    await ctx.services.accounts.createApiToken({
      institution: 'milano',
      name: 'bi',
      scope: 'read',
      actor: TEST_ACTOR,
    })
  ).token;
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

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
    const expected: Record<Method, number> = { POST: 201, PATCH: 200, DELETE: 204 };
    for (const call of calls) {
      const res = await send(call, editor.withCsrf);
      if (call.label === 'edit catalogue network' || call.label === 'delete catalogue network') {
        expect(res.statusCode, call.label).toBe(403);
        expect(res.json().error.details).toEqual({ reason: 'catalogue' });
        continue;
      }
      expect(res.statusCode, `${call.label}: ${res.body}`).toBe(expected[call.method]);
      const id = call.method === 'POST' ? res.json().id : call.url.split('/').pop()!.split('?')[0]!;
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

describe('partners', () => {
  it('when a write token adds an organisation, then 201 with the record, in Milan, in the audit log', async () => {
    const name = `Chamber ${uniqueSlug('c')}`;
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/counterparts',
      headers: bearer(milanWrite),
      payload: {
        nameIt: `Camera ${name}`,
        nameEn: name,
        country: 'Francia',
        website: 'https://cci.example.fr',
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({
      kind: 'organisation',
      nameIt: `Camera ${name}`,
      nameEn: name,
      country: { code: 'FR' },
      place: null,
      website: 'https://cci.example.fr',
      agreements: 0,
      version: 1,
    });
    expect(await rowOf('counterparts', created.id)).toMatchObject({
      institution_id: milanId,
      kind: 'organisation',
      name_en: name,
      country_code: 'FR',
    });
    expect(await auditOf(created.id)).toEqual([
      { actor: 'token sync', action: 'create', entity: 'counterpart' },
    ]);
  });

  it('when a write token edits a partner, then the fields sent change, the others stay, null clears, and the log has it', async () => {
    const org = await organisation(milanId);
    const before = (await rowOf('counterparts', org.id))!;
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/v1/counterparts/${org.id}`,
      headers: bearer(milanWrite),
      payload: { nameIt: 'Nome nuovo', website: null, version: org.version },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: org.id,
      nameIt: 'Nome nuovo',
      nameEn: before['name_en'],
      website: null,
      version: org.version + 1,
    });
    expect(await rowOf('counterparts', org.id)).toMatchObject({
      name_it: 'Nome nuovo',
      name_en: before['name_en'],
      website: null,
      version: org.version + 1,
    });
    expect(await auditOf(org.id)).toEqual([{ actor: 'token sync', action: 'update', entity: 'counterpart' }]);
  });

  it('when a write token deletes an unused partner, then 204, the row is gone and the log keeps it', async () => {
    const org = await organisation(milanId);
    const res = await app.inject({
      method: 'DELETE',
      url: `/api/v1/counterparts/${org.id}?version=${org.version}`,
      headers: bearer(milanWrite),
    });
    expect(res.statusCode, res.body).toBe(204);
    expect(res.body).toBe('');
    expect(await rowOf('counterparts', org.id)).toBeUndefined();
    expect(await auditOf(org.id)).toEqual([{ actor: 'token sync', action: 'delete', entity: 'counterpart' }]);
  });

  it('when agreements name a partner, then deleting it is refused with 409 in_use and it stays', async () => {
    const [bank] = await ctx.database.query<{ id: string; version: number }>(
      `select c.id, c.version from counterparts c where c.institution_id = $1
          and exists (select 1 from agreements a where a.counterpart_id = c.id) order by c.name_en limit 1`,
      [milanId],
    );
    const res = await app.inject({
      method: 'DELETE',
      url: `/api/v1/counterparts/${bank!.id}?version=${bank!.version}`,
      headers: bearer(milanWrite),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict', details: { reason: 'in_use' } });
    expect(res.json().error.details.agreements).toBeGreaterThan(0);
    expect(await rowOf('counterparts', bank!.id)).toMatchObject({ version: bank!.version });
    expect(await auditOf(bank!.id)).toEqual([]);
  });

  it('when an organisation with the same English name exists, then adding another is 409 naming nameEn', async () => {
    const org = await organisation(milanId);
    const nameEn = (await rowOf('counterparts', org.id))!['name_en'];
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/counterparts',
      headers: bearer(milanWrite),
      payload: { nameIt: 'Doppione', nameEn },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict', field: 'nameEn' });
  });
});

describe('units', () => {
  it('when a write token adds, edits and deletes a unit, then each answer carries the record and the database and log follow', async () => {
    const slug = uniqueSlug('desk');
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/units',
      headers: bearer(milanWrite),
      payload: { slug, nameIt: 'Ufficio gemellaggi', nameEn: 'Twinning desk', head: 'Giulia Neri' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const unitRecord = created.json();
    expect(unitRecord).toMatchObject({
      slug,
      nameEn: 'Twinning desk',
      head: 'Giulia Neri',
      remitIt: null,
      version: 1,
      usage: { memberships: 0, agreements: 0 },
    });
    expect(await rowOf('units', unitRecord.id)).toMatchObject({ institution_id: milanId, slug });

    const edited = await app.inject({
      method: 'PATCH',
      url: `/api/v1/units/${unitRecord.id}`,
      headers: bearer(milanWrite),
      payload: { remitEn: 'Twinnings and pacts', head: null, version: 1 },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      slug,
      nameEn: 'Twinning desk',
      remitEn: 'Twinnings and pacts',
      head: null,
      version: 2,
    });
    expect(await rowOf('units', unitRecord.id)).toMatchObject({
      remit_en: 'Twinnings and pacts',
      head: null,
      name_it: 'Ufficio gemellaggi',
      version: 2,
    });

    const deleted = await app.inject({
      method: 'DELETE',
      url: `/api/v1/units/${unitRecord.id}?version=2`,
      headers: bearer(milanWrite),
    });
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(await rowOf('units', unitRecord.id)).toBeUndefined();
    expect((await auditOf(unitRecord.id)).map((e) => [e.actor, e.action, e.entity])).toEqual([
      ['token sync', 'create', 'unit'],
      ['token sync', 'update', 'unit'],
      ['token sync', 'delete', 'unit'],
    ]);
  });

  it('when a unit follows a network, then deleting it is refused with 409 in_use and it stays', async () => {
    const [busy] = await ctx.database.query<{ id: string; version: number }>(
      `select u.id, u.version from units u where u.institution_id = $1
          and exists (select 1 from memberships m where m.unit_id = u.id) limit 1`,
      [milanId],
    );
    const res = await app.inject({
      method: 'DELETE',
      url: `/api/v1/units/${busy!.id}?version=${busy!.version}`,
      headers: bearer(milanWrite),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'conflict', details: { reason: 'in_use' } });
    expect(await rowOf('units', busy!.id)).toMatchObject({ version: busy!.version });
  });
});

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
