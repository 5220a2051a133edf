// Every way of writing leaves its audit row, in the institution's log, naming who wrote: a back-office page,
// the API, the CLI (tokens, imports), the demo seed; and the sign-ins, failed ones included, and password
// changes appear in the logs of the user's institutions.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient } from '../../../test/admin.ts';
import { runCommand } from '../../../test/cli.ts';
import { makeInstitution } from '../../../test/factories.ts';
import { createTestApp, createTestDeps, type TestContext } from '../../../test/support.ts';
import type { App } from '../../platform/http/types.ts';

let ctx: TestContext;
let app: App;
let dir: string;
let inst: { id: string; slug: string };

beforeAll(async () => {
  ctx = await createTestDeps();
  app = await createTestApp(ctx);
  dir = mkdtempSync(join(tmpdir(), 'ponte-audit-'));
  inst = await makeInstitution(ctx.services);
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Row {
  institution_id: string | null;
  actor: string;
  action: string;
  entity: string;
  entity_id: string;
  after: Record<string, unknown> | null;
}
const rows = (where: string, params: unknown[]) =>
  ctx.database.query<Row>(
    `select institution_id, actor, action, entity, entity_id, after from audit_events where ${where} order by id`,
    params,
  );

const cli = (...argv: string[]) => runCommand(argv, { deps: ctx });

describe('one audit row per write, whichever way it comes', () => {
  it('when a page, the API, the CLI and an import write, then each write is in the log with who wrote it', async () => {
    const { signIn, post } = adminClient(app, ctx);
    const { cookie, email } = await signIn(inst.slug, 'editor');
    const page = await post('/admin/it/counterparts/new', cookie, {
      nameIt: 'Ente della pagina',
      nameEn: 'Body of the page',
      country: 'Belgio',
    });
    expect(page.statusCode).toBe(303);
    expect(
      await rows(`entity = 'counterpart' and after->>'nameEn' = $1`, ['Body of the page']),
    ).toMatchObject([{ institution_id: inst.id, actor: email, action: 'create' }]);

    const made = await cli(
      'token',
      'create',
      '--institution',
      inst.slug,
      '--name',
      'sync',
      '--scope',
      'write',
    );
    expect(made.code).toBe(0);
    const token = made.out.match(/ponte_\S+/)![0];
    const tokenId = made.out.match(/Token ([0-9a-f-]{36})/)![1]!;
    const api = await app.inject({
      method: 'POST',
      url: '/api/v1/agreements',
      headers: { authorization: `Bearer ${token}` },
      payload: {
        kind: 'collaboration_agreement',
        partner: { type: 'organisation', nameIt: 'Ente API', nameEn: 'API body' },
      },
    });
    expect(api.statusCode).toBe(201);
    expect(await rows('entity_id = $1', [api.json().id])).toMatchObject([
      { institution_id: inst.id, actor: 'token sync', action: 'create', entity: 'agreement' },
    ]);
    expect((await cli('token', 'revoke', tokenId)).code).toBe(0);
    expect(await rows(`entity = 'api_token' and entity_id = $1`, [tokenId])).toMatchObject([
      { institution_id: inst.id, actor: 'cli', action: 'create', after: { name: 'sync', scope: 'write' } },
      { institution_id: inst.id, actor: 'cli', action: 'revoke' },
    ]);

    const file = join(dir, 'two.csv');
    writeFileSync(file, 'kind;partner;country\ngemellaggio;Lione;FR\ngemellaggio;Francoforte;DE\n');
    expect((await cli('import', 'agreements', file, '--institution', inst.slug)).code).toBe(0);
    const imported = await rows(`actor = 'cli' and institution_id = $1 and entity like 'agreement%'`, [
      inst.id,
    ]);
    expect(imported.map((r) => [r.action, r.entity])).toEqual([
      ['create', 'agreement'],
      ['create', 'agreement'],
      ['import', 'agreements'],
    ]);
    expect(imported[2]!.after).toMatchObject({ format: 'csv', rows: 2, created: 2 });
    expect(imported[0]!.after).toMatchObject({
      kind: 'twinning',
      partner: { nameIt: 'Lione', nameEn: 'Lyon' },
    });
  });

  it("when the demo seed loads, then every record it writes is in the log in the seed's name", async () => {
    await ctx.services.seed.demo();
    const [milan] = await ctx.database.query<{ id: string }>(
      `select id from institutions where slug = 'milano'`,
    );
    const seeded = await rows(`actor = 'seed' and (institution_id = $1 or institution_id is null)`, [
      milan!.id,
    ]);
    const count = (entity: string) => seeded.filter((r) => r.entity === entity).length;
    const [agreements] = await ctx.database.query<{ n: number }>(
      'select count(*)::int as n from agreements where institution_id = $1',
      [milan!.id],
    );
    expect(count('institution')).toBe(1);
    expect(count('agreement')).toBe(agreements!.n);
    expect(count('unit')).toBeGreaterThan(0);
    expect(count('membership')).toBeGreaterThan(0);
    expect(count('network')).toBeGreaterThan(0);
  });

  it("when someone signs in, fails to, or changes a password, then the logs of the user's institutions say so", async () => {
    const email = `audited.${process.pid}@example.org`;
    const { user, password } = await ctx.services.accounts.createUser({
      email,
      institution: inst.slug,
      role: 'viewer',
    });
    await expect(
      ctx.services.accounts.authenticate(email, 'not the password', '192.0.2.10'),
    ).rejects.toMatchObject({
      code: 'unauthorized',
    });
    const { login } = adminClient(app, ctx);
    await login(email, password!);
    await ctx.services.accounts.changePassword(user.id, password!, 'another good password');
    expect(await rows(`entity = 'user' and entity_id = $1 and action <> 'create'`, [user.id])).toMatchObject([
      { institution_id: inst.id, action: 'sign_in_failed', after: { email, address: '192.0.2.10' } },
      { institution_id: inst.id, actor: email, action: 'sign_in', after: { method: 'password' } },
      { institution_id: inst.id, actor: email, action: 'change_password' },
    ]);
    // An address nobody has is in the platform's log, not in an institution's.
    await expect(
      ctx.services.accounts.authenticate('nobody.here@example.org', 'whatever it is', '192.0.2.11'),
    ).rejects.toMatchObject({ code: 'unauthorized' });
    expect(
      await rows(`action = 'sign_in_failed' and after->>'email' = $1`, ['nobody.here@example.org']),
    ).toMatchObject([{ institution_id: null, entity_id: 'unknown' }]);
  });
});
