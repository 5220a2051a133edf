// A new embedded database begins as a copy of a template that `npm install` makes (scripts/prepare.ts): the
// cluster PostgreSQL's initdb creates, with the migrations and the gazetteer already in it, which is everything
// a first start would otherwise do before it could load an institution's data: 7 to 9 seconds of a 2-core
// machine, done once per install instead of once per data folder (decision 0010). The way a PostgreSQL package
// creates its cluster when installed. A template made with other migrations is not used (an edited migration
// would not run again on the copy); one whose gazetteer came from other sources is, and the start reloads the
// gazetteer, as for any database. With no usable template (removed, stale, its making failed,
// DATABASE_TEMPLATE=false) a start does all of it itself. A template holds no secret: the server's signing keys
// and the administrators are made at a data folder's own first start.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { projectPath } from '../paths.ts';

// The package does not export its package.json: read it beside its entry point (dist/index.js).
const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
/** The catalog of a cluster belongs to one PostgreSQL build, so a template serves one PGlite version. */
export const PGLITE_VERSION = (
  JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string }
).version;

export const TEMPLATE_DIR = projectPath('node_modules/.cache/ponte', `database-pglite-${PGLITE_VERSION}`);
/** What the template holds (the migrations and the gazetteer's sources it was made with), beside it. */
const STAMP = 'ponte-template.json';
/** Left by Ponte in a data folder, never part of a template (client.ts's lock). */
const NOT_COPIED = new Set(['ponte.lock', STAMP]);

/** Whether the folder holds a database cluster already (PostgreSQL writes PG_VERSION first). */
export const hasCluster = (dataDir: string): boolean => existsSync(join(dataDir, 'PG_VERSION'));

/** The stamp of the template at `dir`, or undefined when there is none. */
export function templateStamp(dir = TEMPLATE_DIR): Record<string, string> | undefined {
  try {
    return JSON.parse(readFileSync(join(dir, STAMP), 'utf8')) as Record<string, string>;
  } catch {
    return undefined;
  }
}

/**
 * Makes the template when the one in place has another stamp: `fill` prepares a database in a new folder beside
 * it (and closes it), which is then renamed into place, so that a template that exists is always whole.
 * Returns whether it made one.
 */
export async function makeTemplate(
  stamp: Record<string, string>,
  fill: (dataDir: string) => Promise<void>,
  target = TEMPLATE_DIR,
): Promise<boolean> {
  if (JSON.stringify(templateStamp(target)) === JSON.stringify(stamp) && hasCluster(target)) return false;
  mkdirSync(dirname(target), { recursive: true });
  const work = mkdtempSync(`${target}.making-`);
  try {
    await fill(work);
    writeFileSync(join(work, STAMP), `${JSON.stringify(stamp, null, 2)}\n`);
    rmSync(target, { recursive: true, force: true });
    renameSync(work, target);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return true;
}

/**
 * Copies the template into a data folder that holds no cluster yet, when its stamp has the `required` values;
 * returns whether it did. Files already in the folder (the lock) stay.
 */
export function startFromTemplate(
  dataDir: string,
  template = TEMPLATE_DIR,
  required: Record<string, string> = {},
): boolean {
  if (hasCluster(dataDir) || !hasCluster(template)) return false;
  const stamp = templateStamp(template);
  if (!stamp || Object.entries(required).some(([key, value]) => stamp[key] !== value)) return false;
  for (const name of readdirSync(template)) {
    if (!NOT_COPIED.has(name)) cpSync(join(template, name), join(dataDir, name), { recursive: true });
  }
  return true;
}
