// The PostgreSQL side of backup and restore: pg_dump and pg_restore run as child processes (the password in
// their environment, never on a command line), and the checks made on the owner's connection before them.
import { spawn } from 'node:child_process';
import pg from 'pg';
import { AppError } from '../../platform/errors.ts';

const INSTALL_HINT =
  "install PostgreSQL's client tools, of the server's major version or newer (Debian and Ubuntu: apt-get install postgresql-client)";

/** libpq takes the address without the password, which goes in the environment: never on a command line. */
export function libpqTarget(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.password) env['PGPASSWORD'] = decodeURIComponent(u.password);
  u.password = '';
  return { dbname: u.toString(), env };
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1)) || '(default)';
}

/**
 * Runs a client tool; calls onLine for each line it writes to stderr. Resolves with its stdout, or fails with
 * the last lines of stderr.
 */
export function runTool(
  tool: 'pg_dump' | 'pg_restore',
  args: string[],
  env: NodeJS.ProcessEnv,
  onLine: (line: string) => void = () => {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let buffered = '';
    const problems: string[] = [];
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString('utf8');
    });
    child.stderr.on('data', (d: Buffer) => {
      buffered += d.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        onLine(line);
        if (/error|fatal|warning|detail|hint/i.test(line)) problems.push(line);
      }
    });
    child.on('error', (err: NodeJS.ErrnoException) => {
      reject(
        err.code === 'ENOENT'
          ? new AppError('unavailable', `${tool} was not found: ${INSTALL_HINT}`)
          : new AppError('unavailable', `${tool} could not run: ${err.message}`),
      );
    });
    child.on('close', (code) => {
      if (buffered) onLine(buffered);
      if (code === 0) resolve(stdout);
      else {
        const said = problems.slice(-8).join('\n') || buffered || `exit code ${code}`;
        reject(new AppError('unavailable', `${tool} failed:\n${said}`));
      }
    });
  });
}

/**
 * Row-level security is forced on institution tables: even their owner sees no row there. pg_dump and
 * pg_restore then fail (they never filter silently), so say beforehand which role can do it.
 */
export async function expectSeesEveryRow(client: pg.Client, what: 'back up' | 'restore'): Promise<void> {
  const { rows } = await client.query<{ who: string; ok: boolean }>(
    'select current_user as who, rolsuper or rolbypassrls as ok from pg_roles where rolname = current_user',
  );
  const role = rows[0];
  if (!role?.ok) {
    throw new AppError(
      'forbidden',
      `The role ${role?.who ?? '?'} cannot ${what} every row: row-level security is forced on Ponte's tables. ` +
        `Use a superuser, or give the owner BYPASSRLS (as a superuser: ALTER ROLE ${role?.who ?? 'owner'} BYPASSRLS), ` +
        'in DATABASE_OWNER_URL',
    );
  }
}

export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (err) {
    throw new AppError('unavailable', `Cannot connect to ${databaseName(url)}: ${(err as Error).message}`);
  }
  return client;
}

/** The tables already in the target, schema-qualified. */
export async function existingTables(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `select n.nspname || '.' || c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
        and n.nspname not like 'pg\\_%' order by 1`,
  );
  return rows.map((r) => r.name);
}
