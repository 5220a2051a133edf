// How many rows each table holds, for the summaries of backup and restore.
import type { QueryFn } from '../../platform/db/client.ts';

// Every ordinary table outside PostgreSQL's own schemas (public and drizzle's migrations), counted exactly.
// query_to_xml runs one count per table in a single statement, with no function to install.
const COUNT_SQL = `
  select n.nspname || '.' || c.relname as name,
         (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from %I.%I', n.nspname, c.relname),
           false, true, '')))[1]::text::bigint as rows
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
   where c.relkind = 'r' and n.nspname not in ('pg_catalog', 'information_schema')
     and n.nspname not like 'pg\\_%'
   order by 1`;

export interface RowCounts {
  tables: number;
  rows: number;
  perTable: Record<string, number>;
}

/** Counts as whoever queries: the app's role and a superuser see every row; the owner alone sees none. */
export async function countRows(query: QueryFn): Promise<RowCounts> {
  const rows = await query<{ name: string; rows: string | number }>(COUNT_SQL);
  const perTable = Object.fromEntries(rows.map((r) => [r.name, Number(r.rows)]));
  return { tables: rows.length, rows: rows.reduce((sum, r) => sum + Number(r.rows), 0), perTable };
}
