// One SQL dialect, two engines: PGlite (embedded, in-process) when no DATABASE_URL is set, otherwise a
// node-postgres pool. Everything above this file sees the same Drizzle database type.
import { AsyncLocalStorage } from 'node:async_hooks';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import {
  type BulkLoadOptions,
  type BulkRows,
  type BulkWrite,
  copyFromBlob,
  insertBatches,
  setIndexesAside,
} from './bulk.ts';
import { isConnectionLost, isRetrySafeRead } from './connection.ts';
import { DATE_OID, type Embedded, startEmbedded } from './embedded.ts';
import type { PgliteThread } from './pglite-thread.ts';
import { type TarEntry, tarOf } from './tar.ts';

// Queries name their tables (the features' *.table.ts); the relational query API, which would need every table
// here, is not used, so platform/ knows no feature's table.
type RootDb = PgDatabase<PgQueryResultHKT>;
type Tx = Parameters<Parameters<RootDb['transaction']>[0]>[0];
/**
 * The database handle repositories query through. Inside Database.transaction or Database.scoped every query
 * on it joins that transaction; transactions are opened only with Database.transaction, hence no
 * `transaction` here.
 */
export type Db = Omit<RootDb, 'transaction'>;

export type QueryFn = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** Runs raw SQL with parameters and returns the rows (used for bulk loads and tuned queries). */
  query: QueryFn;
  /**
   * Calls onMessage with the payload of every NOTIFY on the channel, from this or any other process; onLost is
   * called when the listening connection dropped and messages may have been missed. Returns a stop function.
   */
  listen(
    channel: string,
    onMessage: (payload: string) => void,
    onLost?: () => void,
  ): Promise<() => Promise<void>>;
  /**
   * The unit of work: runs fn in one transaction (inside another, a savepoint). Every query fn makes through
   * this Database (db, so every repository, and query) joins it; it commits when fn returns and rolls back
   * when it throws.
   */
  transaction<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Appends rows (values in the order of columns) to a table as fast as the engine allows, all or nothing: in
   * the current transaction, or one of its own. PGlite: one COPY from memory; a server: a statement per ten
   * thousand rows.
   */
  bulkLoad(
    table: string,
    columns: readonly string[],
    rows: BulkRows,
    options?: BulkLoadOptions,
  ): Promise<void>;
  /**
   * Runs fn in one transaction as the restricted role `ponte_staff`, which row-level security lets see and
   * change only the rows of the scope's institutions. Every query fn makes through this Database (db, query,
   * transaction) joins that transaction; it commits when fn returns and rolls back when it throws.
   */
  scoped<T>(scope: Scope, fn: () => Promise<T>): Promise<T>;
  /**
   * Runs fn with the role that owns the tables (migrations, the gazetteer's load): on a server a short-lived
   * connection as DATABASE_OWNER_URL (or DATABASE_URL); embedded, the same database with its role reset.
   */
  asOwner<T>(fn: (owner: Database) => Promise<T>): Promise<T>;
  /**
   * Embedded only: the whole data directory as a tar archive, taken while no other transaction is open (so it
   * holds exactly the committed state) and after a checkpoint (so it needs no WAL replay to open). Other
   * queries wait meanwhile: the checkpoint and reading the folder's files (under a second for the demo data).
   */
  snapshot?(): Promise<Blob>;
  close(): Promise<void>;
}

/** The institutions a unit of work acts for. */
export interface Scope {
  institutionIds: readonly string[];
}

import { STAFF_ROLE } from './roles.ts';

export { APP_ROLE, STAFF_ROLE } from './roles.ts';

export interface DatabaseOptions {
  databaseUrl?: string | undefined;
  /** The owner of the tables, for migrations (asOwner); DATABASE_URL's role when empty. */
  ownerUrl?: string | undefined;
  /** The role every connection acts as (APP_ROLE); none for the owner's own connections. */
  role?: string | undefined;
  /** PGlite data folder; undefined for an in-memory database. */
  dataDir?: string | undefined;
  /** A PGlite data-dir tarball to start from (tests clone a migrated template this way). */
  loadDataDir?: Blob | undefined;
  /**
   * The folder a new PGlite data folder is copied from (template.ts): TEMPLATE_DIR when undefined, none when
   * false (initdb runs).
   */
  template?: string | false | undefined;
  poolSize?: number;
  /** The embedded database already starting in its thread (main.ts starts it before it loads the app). */
  embedded?: Embedded | undefined;
}

/** An open transaction of one database (`owner`: its pool or PGlite client); `open` ends with fn. */
interface Work {
  owner: object;
  tx: Tx;
  open: boolean;
  /** What this unit of work has already done once (notifyChange's payloads). */
  done?: Set<string>;
}

// The unit of work of the async context: queries made inside Database.transaction or scoped go to its
// transaction. It is per database (a second one, such as the owner's connection of asOwner, is not joined),
// and it ends with fn: a callback that fn left behind and that runs later queries outside.
const ambient = new AsyncLocalStorage<Work>();

// While an AsyncLocalStorage is enabled, Node 20 runs async hooks on every promise and socket write of the
// process: about a fifth of the portal's throughput (bench:portal). So it is disabled again whenever no
// transaction is open; the next `run` enables it.
let openContexts = 0;
async function within<T>(work: Work, fn: () => Promise<T>): Promise<T> {
  openContexts++;
  try {
    return await ambient.run(work, fn);
  } finally {
    work.open = false;
    if (--openContexts === 0) ambient.disable();
  }
}

/**
 * True the first time a key is seen in the current unit of work (and always outside one). A savepoint is a
 * unit of its own, so what it does is done again by its parent: a savepoint rolled back takes its part away.
 */
export function firstInUnitOfWork(key: string): boolean {
  const work = ambient.getStore();
  if (!work?.open) return true;
  work.done ??= new Set();
  if (work.done.has(key)) return false;
  work.done.add(key);
  return true;
}

/** The open transaction of this database in the current async context, if any. */
function current(owner: object): Tx | undefined {
  const work = ambient.getStore();
  return work?.open && work.owner === owner ? work.tx : undefined;
}

// A query on the root handle from inside a transaction would wait for the transaction forever on PGlite (one
// connection) and read outside it on PostgreSQL: both are bugs, so such a query fails at once instead. Every
// query through Database joins the transaction; this catches what reaches the driver beside it.
function assertNotInTransaction(owner: object): void {
  if (current(owner)) {
    throw new Error('A query used the root database handle inside a transaction: use Database.db or query');
  }
}

/** The root handle, except inside a unit of work, where every use goes to its transaction. */
function ambientAware(owner: object, root: RootDb): Db {
  return new Proxy(root, {
    get(target, prop) {
      const source = current(owner) ?? target;
      const value = Reflect.get(source, prop);
      return typeof value === 'function' ? value.bind(source) : value;
    },
  });
}

/**
 * Raw SQL with $1..$n placeholders as a Drizzle SQL object, to run on a Drizzle transaction. Each value is one
 * parameter, arrays included (a bare array in Drizzle's sql`` would become a list of parameters).
 */
function rawSql(text: string, params: readonly unknown[] = []) {
  const parts = text.split(/\$(\d+)/);
  const chunks = parts.map((part, i) =>
    i % 2 === 0 ? sql.raw(part) : sql`${sql.param(params[Number(part) - 1])}`,
  );
  return sql.join(chunks);
}

/** What both engines share: db, query, transaction, scoped and bulkLoad, all joining the unit of work. */
function unitOfWork(
  owner: object,
  root: RootDb,
  rootQuery: QueryFn,
  write: BulkWrite,
): Pick<Database, 'db' | 'query' | 'transaction' | 'scoped' | 'bulkLoad'> {
  const query: QueryFn = async (text, params) => {
    const tx = current(owner);
    if (!tx) return rootQuery(text, params);
    const res = (await tx.execute(rawSql(text, params))) as unknown as { rows: never[] };
    return res.rows;
  };
  const transaction = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = (tx: Tx) => within({ owner, tx, open: true }, fn);
    const outer = current(owner);
    return (outer ? outer.transaction(run) : root.transaction(run)) as Promise<T>;
  };
  const scoped = <T>(scope: Scope, fn: () => Promise<T>): Promise<T> => {
    if (current(owner)) throw new Error('Database.scoped called inside a transaction');
    return root.transaction(async (tx) => {
      await tx.execute(sql.raw(`set local role ${STAFF_ROLE}`));
      await tx.execute(sql`select set_config('ponte.institutions', ${scope.institutionIds.join(',')}, true)`);
      return within({ owner, tx: tx as Tx, open: true }, fn);
    }) as Promise<T>;
  };
  const bulkLoad = (
    table: string,
    columns: readonly string[],
    rows: BulkRows,
    options: BulkLoadOptions = {},
  ) =>
    transaction(async () => {
      const rebuild = options.rebuildIndexes ? await setIndexesAside(query, table) : [];
      await write(current(owner), query, table, columns, rows);
      for (const statement of rebuild) await query(statement);
    });
  return { db: ambientAware(owner, root), query, transaction, scoped, bulkLoad };
}

export function openDatabase(opts: DatabaseOptions): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts) : openPglite(opts);
}

async function openPostgres(databaseUrl: string, opts: DatabaseOptions): Promise<Database> {
  // The role is a startup option: it holds for the whole connection, and RESET ROLE comes back to it.
  const startup = opts.role ? { options: `-c role=${opts.role}` } : {};
  const pool = new pg.Pool({ connectionString: databaseUrl, max: opts.poolSize ?? 10, ...startup });
  // A connection that the server ends (pg_terminate_backend, a failover, an idle timeout, a dropped test
  // database) emits 'error' on its client; an 'error' event without a listener ends the process. The pool
  // listens only while a connection is idle, so every client gets a listener of its own for the time it is
  // checked out (a transaction): the query in flight fails on its own, and the pool drops the client when it
  // is released, since it is no longer queryable.
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    client.on('error', () => {});
    oneQueryAtATime(client);
  });
  // Dates stay strings ("1973-04-01"): a partial date must never meet a time zone.
  pg.types.setTypeParser(DATE_OID, (v: string) => v);
  const poolQuery = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  pool.query = (async (...args: unknown[]) => {
    assertNotInTransaction(pool);
    try {
      return await poolQuery(...args);
    } catch (err) {
      // A read outside a transaction that lost its connection is sent once more, on another connection.
      const first = args[0] as string | { text?: string };
      const text = typeof first === 'string' ? first : (first?.text ?? '');
      if (typeof args.at(-1) === 'function' || !isConnectionLost(err) || !isRetrySafeRead(text)) throw err;
      return poolQuery(...args);
    }
  }) as typeof pool.query;
  const root = drizzleNodePg(pool) as unknown as RootDb;
  return {
    engine: 'postgres',
    ...unitOfWork(
      pool,
      root,
      async (text, params) => (await pool.query(text, params as unknown[])).rows,
      insertBatches,
    ),
    listen: (channel, onMessage, onLost) =>
      listenOnServer({ connectionString: databaseUrl, ...startup }, channel, onMessage, onLost),
    async asOwner(fn) {
      const owner = await openDatabase({ databaseUrl: opts.ownerUrl ?? databaseUrl, poolSize: 2 });
      try {
        return await fn(owner);
      } finally {
        await owner.close();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * A transaction's queries sent one after another on its connection. A service may start several at once
 * (`Promise.all` of reads inside a unit of work); node-postgres 8 queues them itself but warns that pg 9 will
 * not, so each waits here for the one before to settle. Callback and streaming queries pass as they are.
 */
function oneQueryAtATime(client: pg.PoolClient): void {
  const send = client.query.bind(client) as (...args: unknown[]) => unknown;
  let last: Promise<unknown> = Promise.resolve();
  client.query = ((...args: unknown[]) => {
    const first = args[0] as { submit?: unknown } | undefined;
    if (typeof args.at(-1) === 'function' || typeof first?.submit === 'function') return send(...args);
    const next = last.then(() => send(...args));
    last = next.catch(() => undefined);
    return next;
  }) as typeof client.query;
}

/** Database.listen on a server: a connection of its own, reconnected when it drops. */
async function listenOnServer(
  config: pg.ClientConfig,
  channel: string,
  onMessage: (payload: string) => void,
  onLost?: () => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  const connect = async (): Promise<void> => {
    const c = new pg.Client(config);
    c.on('notification', (n) => {
      if (n.channel === channel) onMessage(n.payload ?? '');
    });
    let lost = false;
    c.on('error', () => {
      // The connection dropped: what was sent meanwhile is lost, so say so, then reconnect.
      // (While connecting, a failure rejects connect() instead, and the caller tries again.)
      if (lost || client !== c) return;
      lost = true;
      onLost?.();
      c.end().catch(() => {});
      reconnect(1);
    });
    try {
      await c.connect();
      await c.query(`listen ${pg.escapeIdentifier(channel)}`);
    } catch (err) {
      c.end().catch(() => {});
      throw err;
    }
    client = c;
  };
  // Tries again until it is back (every 1, 2, 4 ... at most 30 seconds) or listening stops: a server that is
  // restarting refuses connections for a while.
  const reconnect = (attempt: number): void => {
    if (stopped) return;
    const delay = Math.min(30_000, 1000 * 2 ** (attempt - 1));
    setTimeout(() => {
      if (stopped) return;
      connect().catch(() => {
        onLost?.();
        reconnect(attempt + 1);
      });
    }, delay).unref();
  };
  await connect();
  return async () => {
    stopped = true;
    await client?.end().catch(() => {});
  };
}

async function openPglite(opts: DatabaseOptions): Promise<Database> {
  const embedded = opts.embedded ?? startEmbedded(opts);
  const client = embedded.thread;
  // Not waited for: the database may still be starting in its thread, and every query waits for it (or fails
  // with the reason it could not open). The server builds the app meanwhile.
  client.ready.catch(() => embedded.release());
  for (const method of ['query', 'exec'] as const) {
    const original = client[method].bind(client) as (...args: unknown[]) => Promise<unknown>;
    (client as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      assertNotInTransaction(client);
      return original(...args);
    };
  }
  // One connection, one role at a time: the app's, once migrations have created it (as the thread sets it when
  // the database opens, in startEmbedded); the owner's inside asOwner.
  const actAs = async (role: string | undefined) => {
    if (!role) return;
    const known = await client.query('select 1 from pg_roles where rolname = $1', [role]);
    if (known.rows.length > 0) await client.exec(`set role ${role}`);
  };
  const root = drizzlePglite(client as unknown as PGlite) as unknown as RootDb;
  const database: Database = {
    engine: 'pglite',
    ...unitOfWork(
      client,
      root,
      async (text, params) => (await client.query(text, params)).rows as never[],
      copyFromBlob,
    ),
    async listen(channel, onMessage) {
      // PGlite is one process: nothing can be missed, so onLost is never called.
      return client.listen(channel, onMessage);
    },
    async asOwner(fn) {
      await client.exec('reset role');
      try {
        return await fn(database);
      } finally {
        await actAs(opts.role);
      }
    },
    snapshot: () => snapshotOf(client, opts.dataDir),
    close: async () => {
      await client.close();
      embedded.release();
    },
  };
  return database;
}

async function snapshotOf(client: PgliteThread, dataDir: string | undefined): Promise<Blob> {
  assertNotInTransaction(client);
  // Inside a transaction of its own: PGlite runs one transaction at a time, so none is half done meanwhile.
  // CHECKPOINT needs the owner, not ponte_app; SET LOCAL gives the role back when the transaction ends.
  const entries = await client.transaction(async (tx) => {
    await tx.exec('set local role none; checkpoint');
    if (!dataDir) return undefined;
    const [wal] = (
      await tx.query<{ first: string; last: string }>(
        `select (pg_control_checkpoint()).redo_wal_file as first,
                pg_walfile_name(pg_current_wal_lsn()) as last`,
      )
    ).rows;
    // The folder on disk is complete after the checkpoint, and nothing writes to it until this returns;
    // read asynchronously, so the server still answers what needs no database meanwhile.
    return readDataDir(dataDir, wal as { first: string; last: string });
  });
  return entries ? new Blob([tarOf(entries)]) : client.dumpDataDir('none');
}

const WAL_SEGMENT = /^[0-9A-F]{24}$/;

/**
 * Every file and folder of an embedded data folder, as tar entries. Of pg_wal only the segments from the last
 * checkpoint's redo point to the current one: the others are recycled for later use and hold nothing needed,
 * yet they are most of the folder. The lock file stays behind: it belongs to this process.
 */
async function readDataDir(dataDir: string, wal: { first: string; last: string }): Promise<TarEntry[]> {
  const entries: TarEntry[] = [];
  const walk = async (rel: string) => {
    for (const name of (await readdir(join(dataDir, rel))).sort()) {
      const path = rel ? `${rel}/${name}` : name;
      if (path === 'ponte.lock') continue;
      if (rel === 'pg_wal' && WAL_SEGMENT.test(name) && (name < wal.first || name > wal.last)) continue;
      const full = join(dataDir, path);
      const info = await stat(full);
      if (info.isDirectory()) {
        entries.push({ name: `/${path}`, mode: info.mode, mtime: info.mtime });
        await walk(path);
      } else if (info.isFile()) {
        entries.push({ name: `/${path}`, data: await readFile(full), mode: info.mode, mtime: info.mtime });
      }
    }
  };
  await walk('');
  return entries;
}

export { lockDataDir } from './embedded.ts';

/** True when the database answers a trivial query. */
export async function ping(db: Db): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
