// The embedded database runs in a worker thread of its own (pglite.worker.ts); this is its handle on the main
// thread, with the part of PGlite's interface that Drizzle and client.ts use: query, exec, transaction,
// listen, dumpDataDir, close. Why a thread: PGlite's start is about a second of WebAssembly on the thread that
// opens it. In a thread of its own it overlaps the main thread's loading of the app (main.ts starts it first),
// and a long query (a bulk load, a checkpoint) no longer holds up every other request (decision 0011).
// Light on purpose: main.ts imports it before the app, so it imports neither PGlite nor Drizzle.
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../worker.ts';

/** What the worker is started with. */
export interface Init {
  dataDir?: string;
  /** A data-dir tarball to start from (tests clone a migrated template this way). */
  loadDataDir?: Blob;
  /** Types whose values stay text, for every query (dates: a partial date must never meet a time zone). */
  keepText?: number[];
  /** PostgreSQL settings, "name=value". */
  settings: string[];
  /** The role the connection acts as once open, when the migrations have created it (APP_ROLE). */
  role?: string;
}

export type Call = { id: number; tx?: number } & (
  | {
      op: 'query';
      text: string;
      params?: unknown[];
      rowMode?: 'array' | 'object';
      keepText?: number[];
      blob?: Blob;
    }
  | { op: 'exec'; text: string }
  | { op: 'begin' }
  | { op: 'end'; commit: boolean }
  | { op: 'listen'; channel: string }
  | { op: 'unlisten'; listener: number }
  | { op: 'dump'; compression: 'none' | 'gzip' | 'auto' }
  | { op: 'close' }
);
/** A call as the main thread makes it (the id is added when it is sent). */
type Request = Call extends infer C ? (C extends Call ? Omit<C, 'id'> : never) : never;

export type Outcome = { id: number; result?: unknown; error?: Record<string, unknown> };
export type WorkerEvent =
  | { ready: true }
  | { failed: Record<string, unknown> }
  | { notify: number; payload: string };

export interface Results<T = Record<string, unknown>> {
  rows: T[];
  fields: { name: string; dataTypeID: number }[];
  affectedRows?: number;
}

export interface QueryOptions {
  rowMode?: 'array' | 'object';
  parsers?: Record<number, (value: string) => unknown>;
  blob?: Blob;
}

/** The queries of one side of a transaction, or of the whole database. */
export interface Queries {
  query<T = Record<string, unknown>>(
    text: string,
    params?: unknown[],
    options?: QueryOptions,
  ): Promise<Results<T>>;
  exec(text: string): Promise<Results[]>;
}

/** An error of the database, with PostgreSQL's fields (code, detail, constraint, ...) as PGlite gives them. */
class DatabaseError extends Error {
  [field: string]: unknown;
}

/**
 * PGlite in its worker thread. `start` returns at once; every call waits until the database is open, and
 * `ready` rejects with PGlite's error when it could not be opened.
 */
export class PgliteThread implements Queries {
  readonly ready: Promise<void>;
  /**
   * Settles with the reason when the thread stops without close() (PostgreSQL aborted, out of memory): every
   * query fails from then on, so the server treats it as fatal and exits, for its supervisor to restart it.
   */
  readonly lost: Promise<Error>;
  #worker: Worker;
  #closing = false;
  #pending = new Map<number, { resolve(value: unknown): void; reject(err: Error): void }>();
  #listeners = new Map<number, (payload: string) => void>();
  #next = 1;
  #stopped: Error | undefined;

  static start(init: Init): PgliteThread {
    return new PgliteThread(init);
  }

  private constructor(init: Init) {
    // The thread keeps the process alive while it starts and while a call waits for it (#call), and no longer,
    // as an in-process database would: a command that forgot to close it still ends.
    this.#worker = startWorker(import.meta.url, 'pglite.worker', { workerData: init });
    let lose: (err: Error) => void = () => {};
    this.lost = new Promise((resolve) => {
      lose = resolve;
    });
    this.ready = new Promise((resolve, reject) => {
      this.#worker.on('message', (message: WorkerEvent | Outcome) => {
        if ('id' in message) this.#settle(message);
        else if ('notify' in message) this.#listeners.get(message.notify)?.(message.payload);
        else {
          if (this.#pending.size === 0) this.#worker.unref();
          if ('ready' in message) resolve();
          else reject(errorOf(message.failed));
        }
      });
      const stop = (err: Error) => {
        if (!this.#closing && !this.#stopped) lose(err);
        this.#stopped ??= err;
        reject(err);
        for (const waiting of this.#pending.values()) waiting.reject(err);
        this.#pending.clear();
      };
      this.#worker.on('error', (err) =>
        stop(notConnected(`The database thread failed: ${err.message}`, err)),
      );
      this.#worker.on('exit', (code) =>
        stop(notConnected(`The database thread stopped (exit code ${code})`)),
      );
    });
    this.ready.catch(() => {}); // reported to whoever waits for it
  }

  #settle({ id, result, error }: Outcome): void {
    const waiting = this.#pending.get(id);
    if (!waiting) return;
    this.#forget(id);
    if (error) waiting.reject(errorOf(error));
    else waiting.resolve(result);
  }

  #forget(id: number): void {
    this.#pending.delete(id);
    if (this.#pending.size === 0) this.#worker.unref();
  }

  async #call(call: Request): Promise<unknown> {
    // Where the call was made, for the stack of its error (the answer comes from a message handler).
    const caller = new Error();
    await this.ready;
    if (this.#stopped) throw this.#stopped;
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      if (this.#pending.size === 0) this.#worker.ref();
      this.#pending.set(id, {
        resolve,
        reject: (err: Error) => {
          err.stack = `${err.name}: ${err.message}\n${caller.stack?.split('\n').slice(1).join('\n') ?? ''}`;
          reject(err);
        },
      });
      try {
        this.#worker.postMessage({ ...call, id });
      } catch (err) {
        // A value no message can carry (a function among the parameters): this call fails, nothing waits.
        this.#forget(id);
        reject(err);
      }
    });
  }

  query<T = Record<string, unknown>>(text: string, params?: unknown[], options?: QueryOptions) {
    return this.#query<T>(undefined, text, params, options);
  }

  async exec(text: string): Promise<Results[]> {
    return (await this.#call({ op: 'exec', text })) as Results[];
  }

  async #query<T>(tx: number | undefined, text: string, params?: unknown[], options: QueryOptions = {}) {
    const { blob } = options;
    const call: Request = {
      op: 'query',
      text,
      ...(tx === undefined ? {} : { tx }),
      ...(params ? { params } : {}),
      ...(options.rowMode ? { rowMode: options.rowMode } : {}),
      ...(options.parsers ? { keepText: textKept(options.parsers) } : {}),
      ...(blob ? { blob } : {}),
    };
    return (await this.#call(call)) as Results<T>;
  }

  /**
   * Runs fn in a transaction, committed when fn returns and rolled back when it throws (with fn's error).
   * As with PGlite in-process, queries outside it wait until it ends.
   */
  async transaction<T>(fn: (tx: Queries) => Promise<T>): Promise<T> {
    const id = (await this.#call({ op: 'begin' })) as number;
    const tx: Queries = {
      query: (text, params, options) => this.#query(id, text, params, options),
      exec: async (text) => (await this.#call({ op: 'exec', text, tx: id })) as Results[],
    };
    let result: T;
    try {
      result = await fn(tx);
    } catch (err) {
      // fn's error is the one that matters: a rollback that fails (the thread is gone) loses nothing more.
      await this.#call({ op: 'end', tx: id, commit: false }).catch(() => {});
      throw err;
    }
    await this.#call({ op: 'end', tx: id, commit: true });
    return result;
  }

  /** Calls onMessage with the payload of every NOTIFY on the channel; returns the function that stops it. */
  async listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>> {
    const listener = (await this.#call({ op: 'listen', channel })) as number;
    this.#listeners.set(listener, onMessage);
    return async () => {
      this.#listeners.delete(listener);
      await this.#call({ op: 'unlisten', listener });
    };
  }

  async dumpDataDir(compression: 'none' | 'gzip' | 'auto' = 'auto'): Promise<Blob> {
    return new Blob([(await this.#call({ op: 'dump', compression })) as ArrayBuffer]);
  }

  /** Closes the database (PostgreSQL's clean shutdown) and ends the thread. */
  async close(): Promise<void> {
    if (this.#stopped) return;
    this.#closing = true;
    await this.#call({ op: 'close' });
    this.#stopped = new Error('The database is closed');
    await this.#worker.terminate();
  }
}

/** The types a query's parsers keep as text. Only such parsers can cross to the database's thread. */
function textKept(parsers: Record<number, (value: string) => unknown>): number[] {
  const keepsText = (parse: (value: string) => unknown) => {
    try {
      return ['2001-02-03 04:05:06+00', '', '{1,2}', 'x'].every((v) => parse(v) === v);
    } catch {
      return false;
    }
  };
  return Object.entries(parsers).map(([oid, parse]) => {
    if (!keepsText(parse)) {
      throw new Error(
        `A parser for type ${oid} changes the value: only parsers that keep the text are supported`,
      );
    }
    return Number(oid);
  });
}

/** A lost database, as the HTTP layer recognises one (a 503, try again: platform/db/connection.ts). */
function notConnected(message: string, cause?: unknown): Error {
  return Object.assign(new Error(message, { cause }), { code: 'ENOTCONN' });
}

function errorOf(fields: Record<string, unknown>): DatabaseError {
  const { message, name, stack: _stack, ...rest } = fields;
  const err = new DatabaseError(String(message));
  err.name = typeof name === 'string' ? name : 'DatabaseError';
  return Object.assign(err, rest);
}
