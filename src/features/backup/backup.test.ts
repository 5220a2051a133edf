// Backup and restore, run through the CLI on real files and real databases: a backup restored into an empty
// database holds every table's rows, every sequence, and the same policies, grants, triggers and indexes.
// On PGlite the backup is taken by a running server (a child process) through its socket, then again with no
// server; on PostgreSQL (TEST_DATABASE_URL) by pg_dump, restored into a database created here.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCommand } from '../../../test/cli.ts';
import { makeAgreements, makeInstitution, TEST_ACTOR } from '../../../test/factories.ts';
import { createTestDeps, freePort, type TestContext, uniqueSlug } from '../../../test/support.ts';
import { type Config, loadConfig } from '../../config.ts';
import { createServices, type Services } from '../../deps.ts';
import { APP_ROLE, openDatabase, type QueryFn } from '../../platform/db/client.ts';
import * as tables from '../tables.ts';
import { controlSocketPath } from './backup.control.ts';
import { detectFormat } from './backup.files.ts';

const onPostgres = Boolean(process.env['TEST_DATABASE_URL']);
/** Every table of the schema, and Drizzle's record of the migrations: what a backup holds. */
const TABLES = Object.values(tables).filter((t) => is(t, PgTable)).length + 1;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ponte-backup-'));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const cli = (config: Config, ...argv: string[]) => runCommand(argv, { config });

/**
 * What a database holds, table by table (row count and a hash of every row in order), each sequence's state,
 * and the catalog entries a restore must bring back. The restore's own audit rows are left out; the audit
 * sequence is compared apart, as it counts them.
 */
async function fingerprint(query: QueryFn): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const tables = await query<{ s: string; t: string }>(
    `select n.nspname as s, c.relname as t from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema')
        and n.nspname not like 'pg\\_%' order by 1, 2`,
  );
  for (const { s, t } of tables) {
    const from =
      s === 'public' && t === 'audit_events'
        ? `(select * from public.audit_events where action <> 'restore')`
        : `"${s}"."${t}"`;
    const [row] = await query<{ n: number; h: string }>(
      `select count(*)::int as n, md5(coalesce(string_agg(r::text, E'\\n' order by r::text), '')) as h
         from ${from} r`,
    );
    out[`table ${s}.${t}`] = `${row?.n} ${row?.h}`;
  }
  const sequences = await query<{ s: string; q: string }>(
    `select schemaname as s, sequencename as q from pg_sequences order by 1, 2`,
  );
  for (const { s, q } of sequences) {
    if (q === 'audit_events_id_seq') continue;
    const [row] = await query<{ v: string }>(
      `select last_value::text || ' ' || is_called::text as v from "${s}"."${q}"`,
    );
    out[`sequence ${s}.${q}`] = row?.v ?? '';
  }
  const catalog: Record<string, string> = {
    policies: `select schemaname || '.' || tablename || ' ' || policyname || ' ' || roles::text || ' ' || cmd || ' '
                 || coalesce(qual, '') || ' ' || coalesce(with_check, '') from pg_policies`,
    security: `select c.relname || ' ' || c.relrowsecurity::text || ' ' || c.relforcerowsecurity::text
                 from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind = 'r'`,
    grants: `select table_schema || '.' || table_name || ' ' || grantee || ' ' || privilege_type
               from information_schema.role_table_grants where grantee in ('ponte_app', 'ponte_staff')`,
    triggers: `select tgrelid::regclass::text || ' ' || tgname || ' ' || tgenabled::text from pg_trigger
                where not tgisinternal`,
    indexes: `select indexdef from pg_indexes where schemaname not in ('pg_catalog', 'information_schema')`,
    extensions: `select extname from pg_extension`,
  };
  for (const [name, sql] of Object.entries(catalog)) {
    const rows = await query<{ v: string }>(`select v from (${sql}) as x(v) order by 1`);
    out[name] = rows.map((r) => r.v).join('\n');
  }
  return out;
}

async function auditSequence(query: QueryFn): Promise<number> {
  const [row] = await query<{ v: string }>('select last_value::text as v from audit_events_id_seq');
  return Number(row?.v);
}

/** The restore's audit rows: one in the platform's log and one in each institution's. */
async function restoreEntries(
  query: QueryFn,
): Promise<{ platform: number; institutions: number; of: number }> {
  const [row] = await query<{ platform: number; institutions: number; of: number }>(
    `select count(*) filter (where institution_id is null)::int as platform,
            count(distinct institution_id)::int as institutions,
            (select count(*)::int from institutions) as of
       from audit_events where action = 'restore' and actor = 'cli'`,
  );
  return row as { platform: number; institutions: number; of: number };
}

/** The tables under forced row-level security hold rows in the comparison: nothing hid them from it. */
function expectRowsIn(tables: Record<string, string>): void {
  for (const t of [
    'agreements',
    'audit_events',
    'users',
    'user_roles',
    'api_tokens',
    'attachments',
    'places',
  ]) {
    expect(Number(tables[`table public.${t}`]?.split(' ')[0]), t).toBeGreaterThan(0);
  }
}

/**
 * What the backups carry: three institutions with units and agreements, a network with a member, and a user
 * with a role, API tokens and an attachment in the first. Returns the institutions' slugs, sorted.
 */
async function makeRecords(services: Services): Promise<string[]> {
  const slugs: string[] = [];
  for (let i = 0; i < 3; i++) {
    const inst = await makeInstitution(services);
    await makeAgreements(services, inst.slug, 3);
    slugs.push(inst.slug);
  }
  const network = uniqueSlug('net');
  await services.networks.create({ slug: network, nameIt: 'Rete di prova', nameEn: 'Test network' });
  await services.networks.join(slugs[0]!, { network, unit: 'relazioni' });
  await addAccountsAndFiles(services, slugs[0]!);
  return slugs.sort();
}

/** Records in the tables the institutions and agreements leave empty: a user with a role, an API token, an attachment. */
async function addAccountsAndFiles(services: Services, institution: string): Promise<void> {
  await services.accounts.createUser({
    email: `backup-${Date.now()}@example.invalid`,
    institution,
    role: 'editor',
    actor: 'test',
  });
  await services.accounts.createApiToken({
    institution,
    name: 'backup test',
    scope: 'read',
    actor: TEST_ACTOR,
  });
  const institutionId = await services.institutions.idOf(institution);
  const [agreement] = await services.agreements.listDetailed(institution, { includeUnpublished: true });
  await services.attachments.add({
    institutionId,
    agreementId: agreement?.id as string,
    filename: 'delibera.pdf',
    bytes: Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.from([0, 1, 2, 255, 254, 10])]),
    actor: 'test',
  });
}

describe('backup formats', () => {
  it('when a file starts as pg_dump, a gzipped tar or a tar, then its format is named; anything else is not a backup', () => {
    expect(detectFormat(Buffer.from('PGDMP\x01\x0e\x00'))).toBe('pg_dump');
    const tar = Buffer.alloc(1024);
    tar.write('ustar', 257, 'latin1');
    expect(detectFormat(tar)).toBe('pglite');
    expect(detectFormat(Buffer.from(gzipSync(tar)))).toBe('pglite');
    expect(detectFormat(Buffer.from('kind;partner\ntwinning;Chicago\n'))).toBeUndefined();
    expect(detectFormat(Buffer.from(gzipSync('not a tar')))).toBeUndefined();
  });
});

describe.skipIf(onPostgres)('backup and restore of the embedded database', () => {
  let source: string;
  let server: ChildProcess | undefined;
  let output = '';

  const configFor = (dataDir: string) => loadConfig({}, { dataDir, databaseUrl: undefined });
  // The source as the first test leaves it (the server adds its signing key at start); unchanged afterwards.
  let before: { tables: Record<string, string>; auditSeq: number };
  const restored = () => join(dir, 'restored');
  let token: string;
  /** The slugs of the source's institutions, sorted. */
  let institutions: string[];

  /** Creates agreements through the running server's API, one after another, until stopped. */
  function keepWriting(base: string): { created(): number; stop(): Promise<number> } {
    let running = true;
    let created = 0;
    const loop = (async () => {
      for (let n = 1; running; n++) {
        // A new connection each time: a write refused by a reused idle connection would prove nothing here.
        const res = await fetch(`${base}/api/v1/agreements`, {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            connection: 'close',
          },
          body: JSON.stringify({
            kind: 'collaboration_agreement',
            partner: { type: 'organisation', nameIt: `Organizzazione ${n}`, nameEn: `Organisation ${n}` },
          }),
        });
        await res.arrayBuffer();
        if (res.status === 201) created++;
      }
    })();
    return {
      created: () => created,
      stop: async () => {
        running = false;
        await loop;
        return created;
      },
    };
  }

  async function fingerprintOf(dataDir: string) {
    const database = await openDatabase({ dataDir });
    try {
      return { tables: await fingerprint(database.query), auditSeq: await auditSequence(database.query) };
    } finally {
      await database.close();
    }
  }

  beforeAll(async () => {
    const target = inject('testDb');
    if (target.engine !== 'pglite') return;
    source = join(dir, 'source');
    const database = await openDatabase({
      dataDir: source,
      loadDataDir: new Blob([readFileSync(target.template)]),
      role: APP_ROLE,
    });
    const services = createServices(database);
    institutions = await makeRecords(services);
    ({ token } = await services.accounts.createApiToken({
      institution: institutions[0]!,
      name: 'writes during the backup',
      scope: 'write',
      actor: TEST_ACTOR,
    }));
    await database.close();
  });
  afterAll(() => {
    server?.kill('SIGKILL');
  });

  // Files of the server's backups, shared by the tests that restore them; each test is long on its own.
  const liveFile = () => join(dir, 'live.tar.gz');
  const busyFile = () => join(dir, 'busy.tar.gz');
  let created = 0;

  it('when the server runs, then backup asks it over its socket, also while writes arrive, and restore refuses', async () => {
    const port = await freePort();
    server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: '',
        DATA_DIR: source,
        PORT: String(port),
        SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.stdout?.on('data', (d) => {
      output += d;
    });
    server.stderr?.on('data', (d) => {
      output += d;
    });
    const deadline = Date.now() + 60_000;
    while (
      !(await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      ))
    ) {
      if (Date.now() > deadline) throw new Error(`the server did not start\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    // Only this user may talk to the server's backup channel.
    expect(statSync(controlSocketPath(source)).mode & 0o777).toBe(0o600);

    // A backup while agreements are being created: each is in it whole (row, status, audit) or not at all.
    const writer = keepWriting(`http://127.0.0.1:${port}`);
    while (writer.created() < 3) await new Promise((r) => setTimeout(r, 20));
    const busy = await cli(configFor(source), 'backup', busyFile());
    created = await writer.stop();
    expect(busy, busy.err).toMatchObject({ code: 0 });
    expect(created).toBeGreaterThan(0);

    // Then one of the quiet server, to compare with the folder once the server has stopped.
    const file = liveFile();
    const backup = await cli(configFor(source), 'backup', file);
    expect(backup, output).toMatchObject({ code: 0, err: '' });
    expect(backup.out).toMatch(
      new RegExp(`^Backed up .*live\\.tar\\.gz: .* ${TABLES} tables, [\\d,]+ rows \\(pglite, server\\)\\n$`),
    );
    expect(detectFormat(readFileSync(file).subarray(0, 65536))).toBe('pglite');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    // The server keeps serving while and after it gave the snapshot.
    expect((await fetch(`http://127.0.0.1:${port}/api/v1/institutions`)).status).toBe(200);

    const refused = await cli(configFor(source), 'restore', file);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/A Ponte server \(process \d+\) is using .*: stop it first/);

    server.kill('SIGTERM');
    await once(server, 'exit');
    server = undefined;
  }, 180_000);

  it("when the server's backup is restored into an empty folder, then it holds every table, sequence and policy, and the restore is in every log", async () => {
    const target = restored();
    const restore = await cli(configFor(target), 'restore', liveFile());
    expect(restore, restore.err).toMatchObject({ code: 0, err: '' });
    expect(restore.out).toMatch(
      new RegExp(`^Restored .*: .* ${TABLES} tables, [\\d,]+ rows \\(pglite, data folder\\)\\n$`),
    );
    // The archive came with the server's lock file; the restored folder must not keep it.
    expect(readdirSync(target)).not.toContain('ponte.lock');

    before = await fingerprintOf(source);
    const after = await fingerprintOf(target);
    expect(Object.keys(after.tables).length).toBeGreaterThan(25);
    expect(after.tables).toEqual(before.tables);
    expectRowsIn(before.tables);
    const database = await openDatabase({ dataDir: target });
    try {
      const entries = await restoreEntries(database.query);
      expect(entries).toEqual({ platform: 1, institutions: entries.of, of: 3 });
      expect(after.auditSeq).toBe(before.auditSeq + 1 + entries.of);
      // The restored database serves: the app's role sees the rows again.
      const services = createServices(database);
      expect((await services.institutions.list()).map((i) => i.slug).sort()).toEqual(institutions);
    } finally {
      await database.close();
    }
  }, 180_000);

  it('when the backup taken during writes is restored, then each agreement is in it whole or not at all', async () => {
    const busyTarget = join(dir, 'busy');
    expect((await cli(configFor(busyTarget), 'restore', busyFile())).code).toBe(0);
    const busyDb = await openDatabase({ dataDir: busyTarget });
    try {
      // Each write is one transaction: the agreement and its audit row (by the token) are there together or not.
      const [whole] = await busyDb.query<{ agreements: number; audited: number; partial: number }>(
        `with mine as (select a.id from agreements a join counterparts c on c.id = a.counterpart_id
                        where c.name_it like 'Organizzazione %'),
              logged as (select entity_id from audit_events
                          where entity = 'agreement' and action = 'create' and actor like 'token %')
         select (select count(*)::int from mine) as agreements,
                (select count(*)::int from logged) as audited,
                (select count(*)::int from mine where id::text not in (select entity_id from logged)) as partial`,
      );
      expect(whole?.audited).toBe(whole?.agreements);
      expect(whole?.partial).toBe(0);
      expect(whole?.agreements).toBeGreaterThanOrEqual(3);
      expect(whole?.agreements).toBeLessThanOrEqual(created);
    } finally {
      await busyDb.close();
    }
  }, 180_000);

  it('when no server runs (a stale socket aside), then backup opens the folder itself; a restore into a folder with data is refused, and --replace keeps that folder aside', async () => {
    // A socket left by a server that died: nobody answers there, so the CLI opens the folder itself.
    const socket = controlSocketPath(source);
    const dead = createServer().listen(`${socket}.tmp`);
    await once(dead, 'listening');
    linkSync(`${socket}.tmp`, socket);
    await new Promise((r) => dead.close(r));
    expect(statSync(socket).isSocket()).toBe(true);

    const file = join(dir, 'offline.tar.gz');
    const backup = await cli(configFor(source), 'backup', file);
    expect(backup, backup.err).toMatchObject({ code: 0 });
    expect(backup.out).toMatch(/\(pglite, data folder\)\n$/);
    rmSync(socket);

    // The first test's restored folder holds data now.
    const target = restored();
    const refused = await cli(configFor(target), 'restore', file);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(
      /restored is not empty \(PG_VERSION.*\): restore into an empty or new DATA_DIR/,
    );

    const replaced = await cli(configFor(target), 'restore', file, '--replace');
    expect(replaced, replaced.err).toMatchObject({ code: 0 });
    const aside = /kept in (.+)\n/.exec(replaced.out)?.[1] as string;
    expect(readdirSync(aside)).toContain('PG_VERSION');
    expect(readdirSync(aside)).not.toContain('ponte.lock');
    expect((await fingerprintOf(target)).tables).toEqual(before.tables);
  }, 180_000);

  it('when the file is a pg_dump archive or not a backup, then restore says so and leaves the folder alone', async () => {
    const target = join(dir, 'untouched');
    const dump = join(dir, 'server.dump');
    writeFileSync(dump, Buffer.concat([Buffer.from('PGDMP'), Buffer.alloc(100)]));
    const wrong = await cli(configFor(target), 'restore', dump);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/is a backup of a PostgreSQL server \(pg_dump's custom format\)/);
    const csv = join(dir, 'agreements.csv');
    writeFileSync(csv, 'kind;partner\ntwinning;Chicago\n');
    expect((await cli(configFor(target), 'restore', csv)).err).toMatch(/is not a Ponte backup/);
    expect((await cli(configFor(target), 'restore')).code).toBe(2);
    expect(() => readdirSync(target)).toThrow();
  });
});

describe.skipIf(!onPostgres)('backup and restore on a PostgreSQL server', () => {
  let ctx: TestContext;
  let admin: pg.Client;
  const targetName = `ponte_bk_${process.pid}_${Date.now().toString(36)}`;
  let targetUrl: string;

  beforeAll(async () => {
    ctx = await createTestDeps();
    await makeRecords(ctx.services);
    admin = new pg.Client({ connectionString: process.env['TEST_DATABASE_URL'] });
    await admin.connect();
    await admin.query(`create database ${targetName}`);
    const url = new URL(process.env['TEST_DATABASE_URL'] as string);
    url.pathname = `/${targetName}`;
    targetUrl = url.toString();
  });
  afterAll(async () => {
    await admin?.query(`drop database if exists ${targetName} with (force)`);
    await admin?.end();
    await ctx?.close();
  });

  /** Read as the server's superuser (the test's login), which row-level security does not filter. */
  async function fingerprintOf(url: string) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const query: QueryFn = async (text, params) => (await client.query(text, params as unknown[])).rows;
    try {
      return { tables: await fingerprint(query), auditSeq: await auditSequence(query), query, client };
    } catch (err) {
      await client.end();
      throw err;
    }
  }

  it('when pg_dump backs up and pg_restore restores into an empty database, then every table, sequence, policy and grant is there; a second restore is refused unless --replace', async () => {
    const file = join(dir, 'ponte.dump');
    const backup = await cli(loadConfig({}, { databaseUrl: ctx.databaseUrl }), 'backup', file);
    expect(backup, backup.err).toMatchObject({ code: 0, err: '' });
    expect(backup.out).toMatch(new RegExp(`: .* ${TABLES} tables, [\\d,]+ rows \\(postgres, pg_dump\\)\\n$`));
    expect(detectFormat(readFileSync(file).subarray(0, 64))).toBe('pg_dump');
    // It holds password hashes: readable by this user only.
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const config = loadConfig({}, { databaseUrl: targetUrl });
    const restore = await cli(config, 'restore', file);
    expect(restore, restore.err).toMatchObject({ code: 0, err: '' });
    expect(restore.out).toMatch(/\(postgres, pg_restore\)\n$/);

    const before = await fingerprintOf(ctx.databaseUrl as string);
    await before.client.end();
    const after = await fingerprintOf(targetUrl);
    try {
      expect(Object.keys(after.tables).length).toBeGreaterThan(25);
      expect(after.tables).toEqual(before.tables);
      expectRowsIn(before.tables);
      const entries = await restoreEntries(after.query);
      expect(entries).toEqual({ platform: 1, institutions: entries.of, of: 3 });
      expect(after.auditSeq).toBe(before.auditSeq + 1 + entries.of);
    } finally {
      await after.client.end();
    }

    const again = await cli(config, 'restore', file);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(
      new RegExp(`is not empty: it holds ${TABLES} table\\(s\\) \\(drizzle.__drizzle_migrations, .*\\)`),
    );

    const replaced = await cli(config, 'restore', file, '--replace');
    expect(replaced, replaced.err).toMatchObject({ code: 0 });
    const third = await fingerprintOf(targetUrl);
    await third.client.end();
    expect(third.tables).toEqual(before.tables);
  }, 120_000);

  it('when the owner cannot bypass row-level security, then backup and restore refuse and say which role can', async () => {
    const role = `ponte_bk_owner_${process.pid}`;
    await admin.query(`create role ${role} login`);
    try {
      const as = (url: string) => {
        const u = new URL(url);
        u.username = role;
        return u.toString();
      };
      const file = join(dir, 'refused.dump');
      const backup = await cli(
        loadConfig({}, { databaseUrl: ctx.databaseUrl, databaseOwnerUrl: as(ctx.databaseUrl as string) }),
        'backup',
        file,
      );
      expect(backup.code).toBe(1);
      expect(backup.err).toMatch(new RegExp(`The role ${role} cannot back up every row: .*BYPASSRLS`));
      expect(() => statSync(file)).toThrow();
      expect(() => statSync(`${file}.partial`)).toThrow();
      writeFileSync(file, Buffer.concat([Buffer.from('PGDMP'), Buffer.alloc(100)]));
      const restore = await cli(
        loadConfig({}, { databaseUrl: targetUrl, databaseOwnerUrl: as(targetUrl) }),
        'restore',
        file,
      );
      expect(restore.code).toBe(1);
      expect(restore.err).toMatch(/cannot restore every row/);
    } finally {
      await admin.query(`drop role ${role}`);
    }
  });

  it('when the file is an embedded database archive or not a backup, then restore says so', async () => {
    const config = loadConfig({}, { databaseUrl: targetUrl });
    const tar = Buffer.alloc(1024);
    tar.write('ustar', 257, 'latin1');
    const archive = join(dir, 'embedded.tar');
    writeFileSync(archive, tar);
    const wrong = await cli(config, 'restore', archive);
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/is a backup of the embedded database: restore it without DATABASE_URL/);
    const csv = join(dir, 'agreements.csv');
    writeFileSync(csv, 'kind;partner\n');
    expect((await cli(config, 'restore', csv)).err).toMatch(/is not a Ponte backup/);
  });
});
