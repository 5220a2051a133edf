// Backup and restore of the whole database, for both engines.
// - PostgreSQL server: pg_dump's custom format, taken by the owner of the tables in one snapshot while the
//   servers run; restored with pg_restore into an empty database, in one transaction.
// - Embedded (PGlite): the data folder as a gzipped tar archive. While a server runs, the server takes it
//   (backup.control.ts) between transactions; otherwise the CLI opens DATA_DIR itself. A restore fills a new
//   folder beside DATA_DIR and swaps it in only once it opened, keeping any previous folder aside.
// After a restore every institution's audit log, and the platform's, says so.
import { createWriteStream, existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rename, rm, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { APP_ROLE, type Database, lockDataDir, openDatabase } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { CLI } from '../accounts/accounts.access.ts';
import { appendAudit } from '../audit/audit.service.ts';
import { askServer } from './backup.control.ts';
import { compress, expectFormat } from './backup.files.ts';
import {
  connect,
  databaseName,
  existingTables,
  expectSeesEveryRow,
  libpqTarget,
  runTool,
} from './backup.pg-tools.ts';
import { countRows } from './backup.rows.ts';

export interface BackupTarget {
  /** The PostgreSQL server's database the app uses; undefined for the embedded database. */
  databaseUrl?: string | undefined;
  /** The owner of the tables (DATABASE_OWNER_URL); databaseUrl when undefined. */
  ownerUrl?: string | undefined;
  /** The embedded database's folder. */
  dataDir: string;
}

/** Progress of long work: bytes written or read, or tables dumped or restored. */
export type Progress = (done: number, total: number, unit: 'bytes' | 'tables') => void;

export interface BackupReport {
  file: string;
  bytes: number;
  ms: number;
  tables: number;
  rows: number;
  engine: 'pglite' | 'postgres';
  /** How it was taken or put back: through the running server, on the data folder, or pg_dump/pg_restore. */
  via: 'server' | 'data folder' | 'pg_dump' | 'pg_restore';
}

export interface RestoreReport extends BackupReport {
  /** The previous data folder, kept when --replace moved it aside. */
  keptAside?: string;
}

const noProgress: Progress = () => {};

export function createBackupService(target: BackupTarget) {
  const engine = target.databaseUrl ? 'postgres' : 'pglite';
  return {
    engine,
    backup(file: string, opts: { progress?: Progress } = {}): Promise<BackupReport> {
      return target.databaseUrl
        ? pgBackup(target.ownerUrl ?? target.databaseUrl, file, opts.progress ?? noProgress)
        : pgliteBackup(target.dataDir, file, opts.progress ?? noProgress);
    },
    restore(file: string, opts: { replace?: boolean; progress?: Progress } = {}): Promise<RestoreReport> {
      const replace = opts.replace ?? false;
      const progress = opts.progress ?? noProgress;
      return target.databaseUrl
        ? pgRestore(target.databaseUrl, target.ownerUrl ?? target.databaseUrl, file, replace, progress)
        : pgliteRestore(target.dataDir, file, replace, progress);
    },
  };
}

export type BackupService = ReturnType<typeof createBackupService>;

/** Writes to FILE.partial and renames at the end: a failed backup never leaves a truncated FILE. */
function partialOf(file: string): string {
  return `${file}.partial`;
}

// ---------------------------------------------------------------------------------------------- embedded

async function pgliteBackup(dataDir: string, file: string, progress: Progress): Promise<BackupReport> {
  const started = performance.now();
  const partial = partialOf(file);
  const out = createWriteStream(partial, { mode: 0o600 });
  const written = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  try {
    let expected = 0;
    let seen = 0;
    const answer = await askServer(dataDir, 'backup', {
      header: (h) => {
        expected = h.bytes ?? 0;
      },
      data: (chunk) => {
        out.write(chunk);
        seen += chunk.length;
        progress(seen, expected, 'bytes');
      },
    });
    let counts: { tables: number; rows: number };
    let via: BackupReport['via'];
    if (answer) {
      const { header, received } = answer;
      if (!header.ok)
        throw new AppError('unavailable', `The running server refused the backup: ${header.error}`);
      if (received !== expected) {
        throw new AppError('unavailable', `The server sent ${received} of ${expected} bytes: try again`);
      }
      counts = { tables: header.tables ?? 0, rows: header.rows ?? 0 };
      via = 'server';
    } else {
      if (!existsSync(join(dataDir, 'PG_VERSION'))) {
        throw new AppError('not_found', `There is no embedded database in ${dataDir}`);
      }
      // No server: this process opens the folder (its lock refuses if a server without the channel holds it).
      const database = await openDatabase({ dataDir, role: APP_ROLE });
      try {
        counts = await countRows(database.query);
        const data = await compress(await snapshotOf(database));
        for (let at = 0; at < data.length; at += 1 << 20) {
          const chunk = data.subarray(at, at + (1 << 20));
          if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
          progress(at + chunk.length, data.length, 'bytes');
        }
      } finally {
        await database.close();
      }
      via = 'data folder';
    }
    out.end();
    await written;
    await rename(partial, file);
    const { size } = await stat(file);
    return { file, bytes: size, ms: performance.now() - started, engine: 'pglite', via, ...counts };
  } catch (err) {
    out.destroy();
    await rm(partial, { force: true });
    throw err;
  }
}

function snapshotOf(database: Database): Promise<Blob> {
  if (!database.snapshot) throw new Error('snapshot is only available on the embedded database');
  return database.snapshot();
}

async function pgliteRestore(
  dataDir: string,
  file: string,
  replace: boolean,
  progress: Progress,
): Promise<RestoreReport> {
  const started = performance.now();
  await expectFormat(file, 'pglite');
  const running = await askServer(dataDir, 'ping');
  if (running) {
    throw new AppError(
      'conflict',
      `A Ponte server (process ${running.header.pid}) is using ${dataDir}: stop it first, then restore`,
    );
  }
  // Held until the new folder is in place: no server may start on DATA_DIR meanwhile.
  const release = lockDataDir(dataDir);
  const staging = `${dataDir}.restoring-${process.pid}`;
  try {
    const present = (await readdir(dataDir)).filter((f) => f !== 'ponte.lock');
    if (present.length > 0 && !replace) {
      const listed = present.slice(0, 5).join(', ') + (present.length > 5 ? ', ...' : '');
      throw new AppError(
        'conflict',
        `${dataDir} is not empty (${listed}): restore into an empty or new DATA_DIR, or pass --replace to keep ` +
          'the current folder aside and restore in its place',
      );
    }
    const bytes = (await stat(file)).size;
    const data = await readFile(file);
    progress(bytes, bytes, 'bytes');
    await rm(staging, { recursive: true, force: true });
    const gzip = data[0] === 0x1f && data[1] === 0x8b;
    const database = await openDatabase({
      dataDir: staging,
      loadDataDir: new Blob([data], { type: gzip ? 'application/gzip' : 'application/x-tar' }),
      role: APP_ROLE,
    });
    let counts: { tables: number; rows: number };
    try {
      await expectPonteDatabase(database.query, file);
      counts = await countRows(database.query);
      await auditRestore(database, file, 'pglite');
    } finally {
      await database.close();
    }
    // The archive holds the lock file of the process it was taken from: never let it claim the new folder.
    await rm(join(staging, 'ponte.lock'), { force: true });
    let keptAside: string | undefined;
    if (present.length > 0) {
      keptAside = `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      await rename(dataDir, keptAside);
      await rm(join(keptAside, 'ponte.lock'), { force: true });
    } else {
      await unlink(join(dataDir, 'ponte.lock'));
      await rmdir(dataDir);
    }
    await rename(staging, dataDir);
    return {
      file,
      bytes,
      ms: performance.now() - started,
      engine: 'pglite',
      via: 'data folder',
      ...counts,
      ...(keptAside ? { keptAside } : {}),
    };
  } catch (err) {
    await rm(staging, { recursive: true, force: true });
    throw err;
  } finally {
    release();
  }
}

async function expectPonteDatabase(query: Database['query'], file: string): Promise<void> {
  const [row] = await query<{ found: boolean }>(
    "select to_regclass('public.institutions') is not null and to_regclass('public.audit_events') is not null as found",
  );
  if (!row?.found) throw new AppError('invalid_input', `${file} holds a database, but not Ponte's`);
}

/** One entry in each institution's log and one in the platform's: the data now is what the file held. */
async function auditRestore(database: Database, file: string, engine: string): Promise<void> {
  await database.transaction(async () => {
    const institutions = await database.query<{ id: string }>('select id from institutions order by id');
    const after = { file: basename(file), engine, restoredAt: new Date().toISOString() };
    await appendAudit(database.query, CLI, [
      { institutionId: null, action: 'restore', entity: 'database', entityId: basename(file), after },
      ...institutions.map((i) => ({
        institutionId: i.id,
        action: 'restore',
        entity: 'database',
        entityId: basename(file),
        after,
      })),
    ]);
    // Servers on the same PostgreSQL database drop their cached pages.
    await database.query("select pg_notify('ponte_changes', '*')");
  });
}

// ---------------------------------------------------------------------------------------------- PostgreSQL

async function pgBackup(ownerUrl: string, file: string, progress: Progress): Promise<BackupReport> {
  const started = performance.now();
  const client = await connect(ownerUrl);
  const partial = partialOf(file);
  try {
    await expectSeesEveryRow(client, 'back up');
    // pg_dump joins this transaction's snapshot, so the counts below are those of the file.
    await client.query('begin isolation level repeatable read read only');
    const [{ snapshot }] = (
      await client.query<{ snapshot: string }>('select pg_export_snapshot() as snapshot')
    ).rows as [{ snapshot: string }];
    const counts = await countRows(async (text) => (await client.query(text)).rows);
    const { dbname, env } = libpqTarget(ownerUrl);
    // Created readable by this user only (it holds password hashes): pg_dump keeps the mode of the file it opens.
    await writeFile(partial, '', { mode: 0o600 });
    let dumped = 0;
    progress(0, counts.tables, 'tables');
    await runTool(
      'pg_dump',
      ['--format=custom', '--verbose', `--snapshot=${snapshot}`, `--file=${partial}`, `--dbname=${dbname}`],
      env,
      (line) => {
        if (/dumping contents of table/.test(line)) progress(++dumped, counts.tables, 'tables');
      },
    );
    await client.query('commit');
    await rename(partial, file);
    const { size } = await stat(file);
    return {
      file,
      bytes: size,
      ms: performance.now() - started,
      engine: 'postgres',
      via: 'pg_dump',
      tables: counts.tables,
      rows: counts.rows,
    };
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  } finally {
    await client.end().catch(() => {});
  }
}

async function pgRestore(
  appUrl: string,
  ownerUrl: string,
  file: string,
  replace: boolean,
  progress: Progress,
): Promise<RestoreReport> {
  const started = performance.now();
  await expectFormat(file, 'pg_dump');
  const bytes = (await stat(file)).size;
  const client = await connect(ownerUrl);
  const work = await mkdtemp(join(tmpdir(), 'ponte-restore-'));
  let counts: { tables: number; rows: number };
  try {
    await expectSeesEveryRow(client, 'restore');
    const { rows: roles } = await client.query<{ rolname: string }>(
      "select rolname from pg_roles where rolname in ('ponte_app', 'ponte_staff')",
    );
    const missing = ['ponte_app', 'ponte_staff'].filter((r) => !roles.some((x) => x.rolname === r));
    if (missing.length > 0) {
      throw new AppError(
        'conflict',
        `The server has no role ${missing.join(' nor ')}: create the roles first (README, "Database roles"), then restore`,
      );
    }
    const present = await existingTables(client);
    if (present.length > 0 && !replace) {
      const listed = present.slice(0, 6).join(', ') + (present.length > 6 ? ', ...' : '');
      throw new AppError(
        'conflict',
        `The database ${databaseName(ownerUrl)} is not empty: it holds ${present.length} table(s) (${listed}). ` +
          'Restore into an empty database (createdb), or pass --replace to drop what the backup holds there first',
      );
    }
    const { dbname, env } = libpqTarget(ownerUrl);
    // The archive's table of contents: how many tables to load (for the progress bar), and default privileges
    // of roles this server lacks, left out (the owner's own are granted again below, as migration 0006 does).
    const list = await runTool('pg_restore', ['--list', file], env);
    const { rows: known } = await client.query<{ rolname: string }>('select rolname from pg_roles');
    const knownRoles = new Set(known.map((r) => r.rolname));
    const entries = list.split('\n').map((line) => {
      const acl = /\bDEFAULT ACL\b.*\s(\S+)$/.exec(line);
      return acl && !knownRoles.has(acl[1] as string) && !line.startsWith(';') ? `;${line}` : line;
    });
    const tables = entries.filter((l) => /^\d+;.*\bTABLE DATA\b/.test(l)).length;
    const listFile = join(work, 'toc.list');
    await writeFile(listFile, entries.join('\n'));
    let restored = 0;
    progress(0, tables, 'tables');
    if (replace) {
      // Tables that --clean drops and creates again would get this owner's default privileges on top of the
      // archive's own grants (ponte_app could then update the audit log). The archive sets the defaults again.
      await client.query(
        'alter default privileges in schema public revoke all on tables from ponte_app, ponte_staff',
      );
      await client.query(
        'alter default privileges in schema public revoke all on sequences from ponte_app, ponte_staff',
      );
    }
    try {
      await runTool(
        'pg_restore',
        [
          '--verbose',
          // All or nothing: a failure leaves the database as it was.
          '--single-transaction',
          '--exit-on-error',
          // The restoring owner owns what it creates: the original owner's name may not exist on this server.
          '--no-owner',
          ...(replace ? ['--clean', '--if-exists'] : []),
          `--use-list=${listFile}`,
          `--dbname=${dbname}`,
          file,
        ],
        env,
        (line) => {
          if (/processing data for table/.test(line)) progress(++restored, tables, 'tables');
        },
      );
    } finally {
      // Tables that later migrations add are granted to ponte_app through the owner's default privileges.
      await client.query(
        'alter default privileges in schema public grant select, insert, update, delete on tables to ponte_app',
      );
      await client.query(
        'alter default privileges in schema public grant usage, select on sequences to ponte_app',
      );
    }
    counts = await countRows(async (text) => (await client.query(text)).rows);
  } finally {
    await client.end().catch(() => {});
    await rm(work, { recursive: true, force: true });
  }
  const database = await openDatabase({ databaseUrl: appUrl, role: APP_ROLE, poolSize: 1 });
  try {
    await auditRestore(database, file, 'postgres');
  } finally {
    await database.close();
  }
  return {
    file,
    bytes,
    ms: performance.now() - started,
    engine: 'postgres',
    via: 'pg_restore',
    tables: counts.tables,
    rows: counts.rows,
  };
}
