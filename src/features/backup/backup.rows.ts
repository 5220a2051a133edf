// How many rows each table holds, for the summaries of backup and restore.
import type { QueryFn } from '../../platform/db/client.ts';

// Every ordinary table outside PostgreSQL's own schemas (public, and drizzle's migrations).
const TABLES_SQL = `
  select n.nspname as schema, c.relname as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema')
     and n.nspname not like 'pg\\_%'
   order by 1, 2`;

export interface RowCounts {
  tables: number;
  rows: number;
  perTable: Record<string, number>;
}

/**
 * Counts exactly, as whoever queries: the app's role and a superuser see every row; the owner alone sees none.
 * One statement per table, so that an embedded server answers requests in between.
 */
export async function countRows(query: QueryFn): Promise<RowCounts> {
  const tables = await query<{ schema: string; name: string }>(TABLES_SQL);
  const perTable: Record<string, number> = {};
  for (const t of tables) {
    const quoted = `"${t.schema.replaceAll('"', '""')}"."${t.name.replaceAll('"', '""')}"`;
    const [row] = await query<{ n: string | number }>(`select count(*) as n from ${quoted}`);
    perTable[`${t.schema}.${t.name}`] = Number(row?.n ?? 0);
  }
  const rows = Object.values(perTable).reduce((sum, n) => sum + n, 0);
  return { tables: tables.length, rows, perTable };
}
