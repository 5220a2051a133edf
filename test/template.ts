// The template database every test file clones: migrated, gazetteer loaded, nothing else.
// PGlite: a data-dir tarball cached under node_modules/.cache, keyed by migrations and gazetteer sources.
// PostgreSQL (TEST_DATABASE_URL): a template database re-created for each run.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../src/platform/db/client.ts';
import { MIGRATIONS_DIR } from '../src/platform/db/migrate.ts';
import type { PgliteThread } from '../src/platform/db/pglite-thread.ts';
import { prepareDatabase } from '../src/prepare.ts';

/**
 * The template's name on the server: one per database named in TEST_DATABASE_URL, so two checkouts testing
 * against the same server at once (each with a database of its own) do not drop each other's template.
 */
export function pgTemplateName(url: string): string {
  const db =
    new URL(url).pathname
      .slice(1)
      .replace(/[^a-z0-9_]/gi, '_')
      .toLowerCase() || 'postgres';
  return db === 'test' ? 'ponte_test_template' : `ponte_test_template_${db}`.slice(0, 63);
}
const CACHE_DIR = join(import.meta.dirname, '../node_modules/.cache/ponte-test');

function sourcesHash(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()) {
    h.update(readFileSync(join(MIGRATIONS_DIR, f)));
  }
  h.update(readFileSync(join(import.meta.dirname, '../src/features/places/data/exonyms.csv')));
  for (const f of [
    'features/places/places.loader.ts',
    'features/places/places.repository.ts',
    'platform/db/bulk.ts',
  ]) {
    h.update(readFileSync(join(import.meta.dirname, '../src', f)));
  }
  return h.digest('hex').slice(0, 16);
}

export async function buildPgliteTemplate(): Promise<string> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const file = join(CACHE_DIR, `template-${sourcesHash()}.tar`);
  if (existsSync(file)) return file;
  const database = await openDatabase({});
  await prepareDatabase(database);
  // PGlite's dumpDataDir is on its client only.
  const client = (database.db as unknown as { $client: PgliteThread }).$client;
  const blob = await client.dumpDataDir('none');
  await database.close();
  const tmp = `${file}.${process.pid}`;
  writeFileSync(tmp, Buffer.from(await blob.arrayBuffer()));
  renameSync(tmp, file);
  return file;
}

export async function buildPostgresTemplate(url: string): Promise<void> {
  const PG_TEMPLATE = pgTemplateName(url);
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${PG_TEMPLATE} with (force)`);
    await admin.query(`create database ${PG_TEMPLATE}`);
  } finally {
    await admin.end();
  }
  const templateUrl = new URL(url);
  templateUrl.pathname = `/${PG_TEMPLATE}`;
  const database = await openDatabase({ databaseUrl: templateUrl.toString(), poolSize: 2 });
  try {
    await prepareDatabase(database);
  } finally {
    await database.close();
  }
}
