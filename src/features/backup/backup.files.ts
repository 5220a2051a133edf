// The two backup formats, told apart by their first bytes, so a file meant for one engine given to the other
// is refused with a clear message instead of being loaded as garbage.
import { open } from 'node:fs/promises';
import { promisify } from 'node:util';
import { constants, gunzipSync, gzip } from 'node:zlib';
import { AppError } from '../../platform/errors.ts';

/** pg_dump's custom format ("PGDMP"), or the embedded database's data folder as a (gzipped) tar archive. */
export type BackupFormat = 'pg_dump' | 'pglite';

const TAR_MAGIC_AT = 257;

function isTar(head: Uint8Array): boolean {
  return Buffer.from(head.subarray(TAR_MAGIC_AT, TAR_MAGIC_AT + 5)).toString('latin1') === 'ustar';
}

/** The format of a backup from its first bytes; undefined when it is neither. */
export function detectFormat(head: Uint8Array): BackupFormat | undefined {
  if (Buffer.from(head.subarray(0, 5)).toString('latin1') === 'PGDMP') return 'pg_dump';
  if (head[0] === 0x1f && head[1] === 0x8b) {
    try {
      // Only the start: a partial stream is enough to see the tar header inside.
      const inner = gunzipSync(head, { finishFlush: constants.Z_SYNC_FLUSH });
      return isTar(inner) ? 'pglite' : undefined;
    } catch {
      return undefined;
    }
  }
  return isTar(head) ? 'pglite' : undefined;
}

/** Reads the start of a file and checks it is a backup in the format this engine restores. */
export async function expectFormat(file: string, wanted: BackupFormat): Promise<void> {
  let head: Uint8Array;
  try {
    const handle = await open(file, 'r');
    try {
      const buf = Buffer.alloc(64 * 1024);
      const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
      head = buf.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw new AppError('not_found', `Cannot read ${file}: ${(err as Error).message}`);
  }
  const found = detectFormat(head);
  if (found === wanted) return;
  if (found === 'pg_dump') {
    throw new AppError(
      'invalid_input',
      `${file} is a backup of a PostgreSQL server (pg_dump's custom format): restore it with DATABASE_URL set to the target database`,
    );
  }
  if (found === 'pglite') {
    throw new AppError(
      'invalid_input',
      `${file} is a backup of the embedded database: restore it without DATABASE_URL, into DATA_DIR`,
    );
  }
  throw new AppError(
    'invalid_input',
    `${file} is not a Ponte backup (neither pg_dump's custom format nor an embedded database's archive)`,
  );
}

const gzipAsync = promisify(gzip);

/** The embedded database's archive as it is stored: gzip at a level that favours speed (the data is large). */
export async function compress(tar: Blob): Promise<Buffer> {
  return gzipAsync(Buffer.from(await tar.arrayBuffer()), { level: 3 });
}
