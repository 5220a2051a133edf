// Database.bulkLoad's parts: rows as CSV for PGlite's COPY, batches of JSON for a server, and a table's secondary
// indexes and foreign keys set aside during a load and rebuilt once after it (cheaper than row by row).

import type { Queries } from './pglite-thread.ts';

// The shape of Database.query (client.ts imports this file, so not from there).
type QueryFn = <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
export type Rows = readonly (readonly unknown[])[];
/**
 * Rows already written as CSV text (csvOf), as a worker thread hands them over: a string crosses threads at
 * the cost of a copy, thousands of small arrays at far more. Only COPY reads them, so only the owner's
 * connection to the embedded engine takes them.
 */
export interface CsvRows {
  csv: string;
  count: number;
}
export type BulkRows = Rows | CsvRows;

const isCsv = (rows: BulkRows): rows is CsvRows => !Array.isArray(rows);
export const rowCount = (rows: BulkRows): number => (isCsv(rows) ? rows.count : rows.length);
export const asCsvRows = (rows: Rows): CsvRows => ({ csv: csvOf(rows), count: rows.length });

/** The rows themselves: CSV text is for COPY alone (the engines' other ways take values). */
function valuesOf(rows: BulkRows, table: string): Rows {
  if (!isCsv(rows)) return rows;
  throw new Error(`Rows for ${table} came as CSV, which only COPY reads (the embedded engine, as owner)`);
}
/** How an engine appends rows to a table: tx is the load's (Drizzle) transaction, query runs in it. */
export type BulkWrite = (
  tx: unknown,
  query: QueryFn,
  table: string,
  columns: readonly string[],
  rows: BulkRows,
) => Promise<void>;

export interface BulkLoadOptions {
  /**
   * Drop the table's secondary indexes and foreign keys before the load and create them again after it (from
   * their definitions in the catalog): worth it when the load is large compared to what the table holds.
   * Indexes that a constraint uses (the primary key) stay.
   */
  rebuildIndexes?: boolean;
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/** A table or column name as SQL; only plain lower-case names, as the migrations create them. */
export function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Not a plain SQL name: ${JSON.stringify(name)}`);
  return `"${name}"`;
}

// A backslash too: a line of only "\." would end the data.
const NEEDS_QUOTES = /[",\r\n\\]|^\s|\s$/;

function csvValue(value: unknown): string {
  // Unquoted empty is NULL in PostgreSQL's CSV; a quoted empty string stays an empty string.
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  const text =
    value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : JSON.stringify(value);
  return text === '' || NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as CSV text for COPY ... WITH (FORMAT csv). */
export function csvOf(rows: readonly (readonly unknown[])[]): string {
  const lines: string[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as readonly unknown[];
    let line = '';
    for (let j = 0; j < row.length; j++) line += (j ? ',' : '') + csvValue(row[j]);
    lines[i] = line;
  }
  return rows.length ? `${lines.join('\n')}\n` : '';
}

const JSON_BATCH = 10_000;

/**
 * Inserts rows in batches of one JSON parameter each, typed by the table's own row type: one statement per
 * ten thousand rows instead of one per row, and no column types to repeat here.
 */
export async function insertJsonBatches(
  query: QueryFn,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  const list = columns.map(identifier).join(', ');
  const text = `insert into ${identifier(table)} (${list})
    select ${list} from json_populate_recordset(null::${identifier(table)}, $1::json)`;
  for (let i = 0; i < rows.length; i += JSON_BATCH) {
    const batch = rows.slice(i, i + JSON_BATCH).map((row) => {
      const record: Record<string, unknown> = {};
      columns.forEach((c, j) => {
        record[c] = row[j];
      });
      return record;
    });
    await query(text, [JSON.stringify(batch)]);
  }
}

/** Drops the table's secondary indexes and foreign keys; returns the statements that create them again. */
export async function setIndexesAside(query: QueryFn, table: string): Promise<string[]> {
  const rows = await query<{ drop: string; create: string }>(
    `select format('drop index %I.%I', n.nspname, i.relname) as drop, pg_get_indexdef(i.oid) as create
     from pg_index x
     join pg_class i on i.oid = x.indexrelid
     join pg_namespace n on n.oid = i.relnamespace
     where x.indrelid = $1::regclass and not exists (select 1 from pg_constraint c where c.conindid = i.oid)
     union all
     select format('alter table %s drop constraint %I', c.conrelid::regclass, c.conname),
            format('alter table %s add constraint %I %s', c.conrelid::regclass, c.conname,
              pg_get_constraintdef(c.oid))
     from pg_constraint c
     where c.conrelid = $1::regclass and c.contype = 'f'`,
    [table],
  );
  for (const r of rows) await query(r.drop);
  return rows.map((r) => r.create);
}

/** PGlite reads COPY's input from the blob given with the query, through the transaction's own client. */
export const copyFromBlob: BulkWrite = async (tx, query, table, columns, rows) => {
  if (rowCount(rows) === 0) return;
  // The blob is a server file to PostgreSQL: a role that may not read those (ponte_app) inserts instead.
  const [may] = await query<{ ok: boolean }>(
    "select pg_has_role(current_user, 'pg_read_server_files', 'usage') as ok",
  );
  if (!may?.ok) return insertJsonBatches(query, table, columns, valuesOf(rows, table));
  const client = (tx as unknown as { session: { client: Queries } }).session.client;
  await client.query(
    `copy ${identifier(table)} (${columns.map(identifier).join(', ')}) from '/dev/blob' with (format csv)`,
    [],
    { blob: new Blob([isCsv(rows) ? rows.csv : csvOf(rows)]) },
  );
};

// node-postgres has no COPY FROM STDIN of its own (that needs pg-copy-streams): batches of JSON instead.
export const insertBatches: BulkWrite = (_tx, query, table, columns, rows) =>
  insertJsonBatches(query, table, columns, valuesOf(rows, table));
