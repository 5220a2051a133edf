// A worker thread's entry (pglite-thread.ts): one PGlite database, asked and answered by message. PostgreSQL
// runs here, on a thread of its own, so that its start (about a second of WebAssembly) overlaps the main
// thread's loading of the app, and its queries never hold up the main thread's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Call, Init, Outcome, WorkerEvent } from './pglite-thread.ts';

const init = workerData as Init;
const port = parentPort!;
const post = (message: WorkerEvent | Outcome, transfer: ArrayBuffer[] = []) =>
  port.postMessage(message, transfer);

// Parsers cannot cross threads: the main thread names the types whose text is kept as it is (the only kind of
// parser Ponte and Drizzle use), and the parsers are made here, once per list.
const textParsers = new Map<string, Record<number, (value: string) => string>>();
function parsersKeeping(types: readonly number[] | undefined) {
  if (!types?.length) return undefined;
  const key = types.join(',');
  let parsers = textParsers.get(key);
  if (!parsers) {
    parsers = Object.fromEntries(types.map((oid) => [oid, (value: string) => value]));
    textParsers.set(key, parsers);
  }
  return parsers;
}

/** An open transaction: its PGlite handle, and how to end it (settled once PGlite committed or rolled back). */
interface Open {
  tx: Transaction;
  end(commit: boolean): Promise<void>;
}
/** Thrown into PGlite's transaction to end it with the rollback the main thread asked for. */
const ROLLBACK = new Error('rolled back as the main thread asked');
const open = new Map<number, Open>();
const listeners = new Map<number, () => Promise<void>>();
let next = 1;

async function serve(db: PGlite, call: Call): Promise<unknown> {
  const on = call.tx === undefined ? db : open.get(call.tx)?.tx;
  if (!on) throw new Error('The transaction has already ended');
  switch (call.op) {
    case 'query': {
      const parsers = parsersKeeping(call.keepText);
      const result = await on.query(call.text, call.params, {
        ...(call.rowMode ? { rowMode: call.rowMode } : {}),
        ...(parsers ? { parsers } : {}),
        ...(call.blob ? { blob: call.blob } : {}),
      });
      return { rows: result.rows, fields: result.fields, affectedRows: result.affectedRows };
    }
    case 'exec':
      return (await on.exec(call.text)).map((r) => ({
        rows: r.rows,
        fields: r.fields,
        affectedRows: r.affectedRows,
      }));
    case 'begin':
      return begin(db);
    case 'end': {
      const ending = open.get(call.tx!)!;
      open.delete(call.tx!);
      return ending.end(call.commit);
    }
    case 'listen': {
      const id = next++;
      listeners.set(id, await db.listen(call.channel, (payload) => post({ notify: id, payload })));
      return id;
    }
    case 'unlisten':
      await listeners.get(call.listener)?.();
      listeners.delete(call.listener);
      return undefined;
    case 'dump':
      return (await db.dumpDataDir(call.compression)).arrayBuffer();
    case 'close':
      await db.close();
      return undefined;
  }
}

/** Opens a transaction that stays open until the main thread ends it; answers its number once begun. */
function begin(db: PGlite): Promise<number> {
  const id = next++;
  return new Promise((begun, failed) => {
    const done: Promise<void> = db.transaction(
      (tx) =>
        new Promise<void>((commit, rollBack) => {
          const end = (ok: boolean) => {
            if (ok) commit();
            else rollBack(ROLLBACK);
            // A failed COMMIT is the caller's error; the rollback it asked for is not.
            return done.catch((err: unknown) => {
              if (err !== ROLLBACK) throw err;
            });
          };
          open.set(id, { tx, end });
          begun(id);
        }),
    );
    // BEGIN failed. (Later failures reach end's caller; failing a promise already settled does nothing.)
    done.catch(failed);
  });
}

/**
 * An error as plain fields: PostgreSQL's (code, detail, constraint...) must reach the main thread intact, and
 * only plain values can cross.
 */
function fieldsOf(err: unknown): Record<string, unknown> {
  if (!(err instanceof Error)) return { message: String(err) };
  const plain = Object.entries(err).filter(
    ([, v]) => v === null || ['string', 'number', 'boolean'].includes(typeof v),
  );
  return { ...Object.fromEntries(plain), name: err.name, message: err.message };
}

/** Answers a call; an answer that cannot cross threads (a value no message can carry) becomes an error. */
function answer(id: number, result: unknown): void {
  try {
    post({ id, result }, result instanceof ArrayBuffer ? [result] : []);
  } catch (err) {
    post({ id, error: fieldsOf(err) });
  }
}

let opened: PGlite | undefined;
try {
  const db = await PGlite.create({
    ...(init.dataDir ? { dataDir: init.dataDir } : {}),
    ...(init.loadDataDir ? { loadDataDir: init.loadDataDir } : {}),
    extensions: { pg_trgm },
    ...(init.keepText ? { parsers: parsersKeeping(init.keepText) } : {}),
    startParams: [...PGlite.defaultStartParams, ...init.settings.flatMap((s) => ['-c', s])],
  });
  opened = db;
  if (init.role) {
    const known = await db.query('select 1 from pg_roles where rolname = $1', [init.role]);
    if (known.rows.length > 0) await db.exec(`set role ${init.role}`);
  }
  port.on('message', (call: Call) => {
    serve(db, call).then(
      (result) => {
        answer(call.id, result);
        if (call.op === 'close') port.close();
      },
      (err: unknown) => post({ id: call.id, error: fieldsOf(err) }),
    );
  });
  post({ ready: true });
} catch (err) {
  await opened?.close().catch(() => {});
  post({ failed: fieldsOf(err) });
  port.close();
}
