// The embedded database serves one process, so while the server runs it is the server that takes a backup:
// it listens on a Unix socket beside DATA_DIR (`<DATA_DIR>.sock`, mode 0600; not inside the folder, since the
// snapshot copies the folder and a socket cannot be read) and answers two requests, one line each:
//   ping    {"ok":true,"pid":N}
//   backup  {"ok":true,"pid":N,"bytes":N,"tables":N,"rows":N} then exactly `bytes` bytes of the snapshot
// An error is {"ok":false,"error":"..."}. The CLI asks here first and opens DATA_DIR itself only when no one
// answers (no socket, or one left by a server that died).
import { chmodSync, lstatSync, unlinkSync } from 'node:fs';
import { createConnection, createServer, type Socket } from 'node:net';
import type { Database } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { compress } from './backup.files.ts';
import { countRows } from './backup.rows.ts';

// Unix socket paths are limited to 108 bytes on Linux (104 on macOS).
const MAX_SOCKET_PATH = 100;

export function controlSocketPath(dataDir: string): string {
  return `${dataDir.replace(/\/+$/, '')}.sock`;
}

export interface ControlLog {
  info(msg: string): void;
  warn(msg: string): void;
}

/**
 * Starts answering backups of the embedded database. Returns the function that stops it; a no-op on a
 * PostgreSQL server, where pg_dump reads the database beside the running servers.
 */
export async function startControlChannel(
  database: Database,
  dataDir: string,
  log: ControlLog,
): Promise<() => Promise<void>> {
  const snapshot = database.snapshot;
  if (!snapshot) return async () => {};
  const path = controlSocketPath(dataDir);
  if (path.length > MAX_SOCKET_PATH) {
    log.warn(`No backup channel: ${path} is too long for a socket; stop the server to back up DATA_DIR`);
    return async () => {};
  }
  // We hold DATA_DIR's lock, so a socket there was left by a server that died. Anything else is not ours.
  try {
    if (lstatSync(path).isSocket()) unlinkSync(path);
  } catch {
    // absent
  }
  const server = createServer((conn) => {
    conn.on('error', () => {});
    readLine(conn)
      .then(async (request) => {
        if (request === 'ping') {
          conn.end(`${JSON.stringify({ ok: true, pid: process.pid })}\n`);
        } else if (request === 'backup') {
          const counts = await countRows(database.query);
          // Compressed after the snapshot, off the event loop: requests wait only for the snapshot itself.
          const data = await compress(await snapshot());
          conn.write(`${JSON.stringify({ ok: true, pid: process.pid, bytes: data.length, ...counts })}\n`);
          conn.end(data);
          log.info(`Backup taken through ${path}: ${data.length} bytes`);
        } else {
          conn.end(`${JSON.stringify({ ok: false, error: `unknown request "${request}"` })}\n`);
        }
      })
      .catch((err: Error) => {
        log.warn(`Backup channel: ${err.message}`);
        conn.end(`${JSON.stringify({ ok: false, error: err.message })}\n`);
      });
  });
  // Created 0600 from the start (no moment when others could connect), and made so again to be sure.
  const umask = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(path, () => resolve());
    });
    chmodSync(path, 0o600);
  } catch (err) {
    // The folder above DATA_DIR may not be writable: the server still serves, only without this channel.
    server.close();
    log.warn(`No backup channel at ${path} (${(err as Error).message}): stop the server to back up DATA_DIR`);
    return async () => {};
  } finally {
    process.umask(umask);
  }
  return () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
    });
}

function readLine(conn: Socket): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const end = text.indexOf('\n');
      if (end >= 0) {
        conn.off('data', onData);
        resolve(text.slice(0, end).trim());
      } else if (text.length > 1024) {
        reject(new Error('request too long'));
      }
    };
    conn.on('data', onData);
    conn.once('end', () => reject(new Error('connection closed before a request')));
  });
}

export interface ServerHeader {
  ok: boolean;
  pid?: number;
  error?: string;
  bytes?: number;
  tables?: number;
  rows?: number;
}

/**
 * Sends one request to the server of DATA_DIR. Undefined when no server answers there (no socket, or a stale
 * one); otherwise its header (also given to on.header as soon as it arrives), with the bytes after it passed
 * to on.data as they arrive.
 */
export function askServer(
  dataDir: string,
  request: 'ping' | 'backup',
  on: { header?: (header: ServerHeader) => void; data?: (chunk: Buffer) => void } = {},
): Promise<{ header: ServerHeader; received: number } | undefined> {
  const onData = on.data ?? (() => {});
  const path = controlSocketPath(dataDir);
  return new Promise((resolve, reject) => {
    const conn = createConnection(path);
    let header: ServerHeader | undefined;
    let pending = Buffer.alloc(0);
    let received = 0;
    conn.on('connect', () => conn.write(`${request}\n`));
    conn.on('data', (chunk: Buffer) => {
      if (header) {
        received += chunk.length;
        onData(chunk);
        return;
      }
      pending = Buffer.concat([pending, chunk]);
      const end = pending.indexOf(0x0a);
      if (end < 0) return;
      try {
        header = JSON.parse(pending.subarray(0, end).toString('utf8')) as ServerHeader;
      } catch {
        conn.destroy();
        reject(new AppError('unavailable', `Something that is not Ponte answers on ${path}`));
        return;
      }
      on.header?.(header);
      const rest = pending.subarray(end + 1);
      if (rest.length > 0) {
        received += rest.length;
        onData(rest);
      }
    });
    conn.on('end', () => {
      if (header) resolve({ header, received });
      else
        reject(new AppError('unavailable', `The server on ${path} closed the connection without answering`));
    });
    conn.on('error', (err: NodeJS.ErrnoException) => {
      // No socket, or a socket file whose server is gone.
      if (!header && (err.code === 'ENOENT' || err.code === 'ECONNREFUSED')) resolve(undefined);
      else reject(new AppError('unavailable', `Backup channel ${path}: ${err.message}`));
    });
  });
}
