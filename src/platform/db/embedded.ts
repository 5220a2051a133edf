// Starting the embedded database (PGlite): lock its folder, copy the template into a new one, start its
// thread. Apart from client.ts, and light, so that main.ts can start it before it loads the app (decision 0011).
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import v8 from 'node:v8';
import { AppError } from '../errors.ts';
import { migrationsFingerprint } from './migration-files.ts';
import { PgliteThread } from './pglite-thread.ts';
import { hasCluster, startFromTemplate } from './template.ts';

/** PostgreSQL's type of dates: kept as text ("1973-04-01"), since a partial date must never meet a time zone. */
export const DATE_OID = 1082;

/**
 * PostgreSQL's settings for the embedded database. 32 MB of shared buffers instead of 128: an institution's
 * data and the gazetteer are about 65 MB on disk, and the operating system caches the files as well, while
 * PostgreSQL sets up every buffer at each start: 0.4 to 0.5 s less per start (bench:start).
 */
const SETTINGS = ['shared_buffers=32MB'];

/** What starting an embedded database needs of client.ts's DatabaseOptions. */
export interface EmbeddedOptions {
  /** The data folder; none for a database in memory. */
  dataDir?: string | undefined;
  /** A data-dir tarball to start from. */
  loadDataDir?: Blob | undefined;
  /** The template a new folder is copied from: TEMPLATE_DIR when undefined, none when false. */
  template?: string | false | undefined;
  /** The role the connection acts as once open. */
  role?: string | undefined;
}

/**
 * For the server (main.ts) and what measures it (bench/): PostgreSQL's WebAssembly stays on V8's baseline code
 * until a function has run some 500 times longer than V8's default budget (1.8 million) allows. At a start,
 * optimising the functions that starting runs hot is work on both cores, and about 0.2 s of the database's
 * own thread, for code that barely runs again; the functions queries keep running are still optimised, later.
 * Process-wide, so called before any WebAssembly is compiled (decision 0011).
 */
export function raiseWasmTieringBudget(): void {
  v8.setFlagsFromString('--wasm-tiering-budget=1000000000');
}

/** An embedded database starting (or started) in its thread, and the lock on its folder. */
export interface Embedded {
  thread: PgliteThread;
  /** Gives the folder's lock back; after the database closed, or when it failed to open. */
  release(): void;
}

/** Locks the folder, copies the template into it when it is new, and starts the database's thread. */
export function startEmbedded(opts: EmbeddedOptions): Embedded {
  const release = opts.dataDir ? lockDataDir(opts.dataDir) : () => {};
  try {
    // Only a folder without a cluster is copied into (and only then are the migrations hashed to check).
    if (opts.dataDir && !opts.loadDataDir && opts.template !== false && !hasCluster(opts.dataDir)) {
      startFromTemplate(opts.dataDir, opts.template, { migrations: migrationsFingerprint() });
    }
    const thread = PgliteThread.start({
      ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
      ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
      keepText: [DATE_OID],
      settings: SETTINGS,
      ...(opts.role ? { role: opts.role } : {}),
    });
    return { thread, release };
  } catch (err) {
    release();
    throw err;
  }
}

/**
 * PGlite serves one process: a second process opening the same folder would corrupt it. A lock file with the
 * owner's pid turns that into a clear error; a lock left by a dead process is taken over.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'ponte.lock');
  const mine = String(process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, mine, { flag: 'wx' });
      const release = () => {
        process.off('exit', release);
        try {
          if (readFileSync(file, 'utf8') === mine) unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once('exit', release);
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(readFileSync(file, 'utf8'));
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new AppError(
          'unavailable',
          `The embedded database in ${dataDir} is in use by process ${owner} (a running Ponte?). ` +
            'Stop it first, or run Ponte on a PostgreSQL server (DATABASE_URL) to share the database.',
        );
      }
      unlinkSync(file);
    }
  }
  throw new AppError('unavailable', `Could not lock ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
