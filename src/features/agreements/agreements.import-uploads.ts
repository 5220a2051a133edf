// The files uploaded to the back-office's import, kept in this process between the check and the confirmation:
// the client holds only a random id, which counts only for the session and institution that uploaded the file.
// Kept 30 minutes at most, a few per session and a bounded number in all. One instance's memory: behind a load
// balancer the import's requests need sticky sessions.
import { createHash, randomBytes } from 'node:crypto';
import type { ImportReport } from './agreements.import.ts';

export const UPLOAD_TTL_MS = 30 * 60 * 1000;
const PER_SESSION = 3;
const IN_ALL = 200;

export interface Progress {
  phase: 'checking' | 'writing';
  done: number;
  total: number;
}

export interface Upload {
  id: string;
  owner: string;
  institutionId: string;
  filename: string;
  format: 'csv' | 'json';
  bytes: Uint8Array;
  expires: number;
  /** The latest check (dry run, or the failed attempt to import). */
  report: ImportReport;
  state: 'checked' | 'running' | 'done';
  progress?: Progress;
  /** The import's report once it ran. */
  result?: ImportReport;
  /** Why the last confirmation did not import, for the report page to say: a city not picked, or a failure. */
  notice?: 'mustChoose' | 'failed';
}

/** The session's binding: a hash of its CSRF token (secret to the session), never the token itself. */
const ownerOf = (sessionSecret: string) => createHash('sha256').update(sessionSecret).digest('base64url');

export function createUploads(now: () => number = Date.now) {
  const uploads = new Map<string, Upload>();

  function sweep() {
    const t = now();
    for (const [id, u] of uploads) if (u.expires <= t && u.state !== 'running') uploads.delete(id);
  }

  return {
    put(sessionSecret: string, u: Omit<Upload, 'id' | 'owner' | 'expires' | 'state'>): Upload {
      sweep();
      const owner = ownerOf(sessionSecret);
      const mine = [...uploads.values()].filter((x) => x.owner === owner && x.state !== 'running');
      // The oldest of a session's files go first, then the oldest of all.
      for (const old of mine.slice(0, Math.max(0, mine.length - PER_SESSION + 1))) uploads.delete(old.id);
      for (const old of [...uploads.values()].slice(0, Math.max(0, uploads.size - IN_ALL + 1))) {
        if (old.state !== 'running') uploads.delete(old.id);
      }
      const upload: Upload = {
        ...u,
        id: randomBytes(18).toString('base64url'),
        owner,
        expires: now() + UPLOAD_TTL_MS,
        state: 'checked',
      };
      uploads.set(upload.id, upload);
      return upload;
    },
    /** The upload of this session and institution, or undefined (unknown, expired or someone else's). */
    get(sessionSecret: string, institutionId: string, id: string): Upload | undefined {
      sweep();
      const u = uploads.get(id);
      if (!u || u.owner !== ownerOf(sessionSecret) || u.institutionId !== institutionId) return undefined;
      return u;
    },
  };
}

export type Uploads = ReturnType<typeof createUploads>;
