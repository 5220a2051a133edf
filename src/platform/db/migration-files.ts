// The committed migrations (migrations/) as files: where they are, how many, and their identity. Apart from
// migrate.ts so that the database client can name them without importing the migrator (which imports it).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectPath } from '../paths.ts';

export const MIGRATIONS_DIR = projectPath('migrations');

/** The committed migrations' identity: a hash of the journal and every SQL file, in order. */
export function migrationsFingerprint(): string {
  const hash = createHash('sha256').update(readFileSync(join(MIGRATIONS_DIR, 'meta/_journal.json')));
  for (const file of readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    hash.update(file).update(readFileSync(join(MIGRATIONS_DIR, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

export function committedMigrations(): number {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta/_journal.json'), 'utf8')) as {
    entries: unknown[];
  };
  return journal.entries.length;
}
