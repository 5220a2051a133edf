// The CLI: `npm run ponte -- <command>`. Parses the command, builds the same services as the server, and
// dispatches to the features' CLI modules. Exit codes: 0 done, 1 the work found problems, 2 bad usage.
import { parseArgs } from 'node:util';
import { type Config, databaseOptions, loadConfig } from '../config.ts';
import { createDeps, type Deps } from '../deps.ts';
import { accountsCli } from '../features/accounts/accounts.cli.ts';
import { agendaCli } from '../features/agenda/agenda.cli.ts';
import { agreementsCli } from '../features/agreements/agreements.cli.ts';
import { backupCli } from '../features/backup/backup.cli.ts';
import { dossiersCli } from '../features/dossiers/dossiers.cli.ts';
import { eventsCli } from '../features/events/events.cli.ts';
import { giftsCli } from '../features/gifts/gifts.cli.ts';
import { meetingsCli } from '../features/meetings/meetings.cli.ts';
import { missionsCli } from '../features/missions/missions.cli.ts';
import { organisationsCli } from '../features/organisations/organisations.cli.ts';
import { peopleCli } from '../features/people/people.cli.ts';
import { placesCli } from '../features/places/places.cli.ts';
import { planCli } from '../features/plan/plan.cli.ts';
import { projectsCli } from '../features/projects/projects.cli.ts';
import { seedCli } from '../features/seed/seed.cli.ts';
import { visitsCli } from '../features/visits/visits.cli.ts';
import { isAppError } from '../platform/errors.ts';
import { prepareDatabase } from '../prepare.ts';
import { type CliBareCommand, type CliBareContext, type CliCommand, CliUsageError } from './cli.types.ts';

const commands: (CliCommand | CliBareCommand)[] = [
  {
    name: 'db migrate',
    usage: 'db migrate',
    summary: 'Apply database migrations and load the gazetteer (safe to run again)',
    options: {},
    run: async () => 0,
  },
  ...seedCli,
  ...agendaCli,
  ...visitsCli,
  ...missionsCli,
  ...projectsCli,
  ...eventsCli,
  ...dossiersCli,
  ...planCli,
  ...meetingsCli,
  ...giftsCli,
  ...organisationsCli,
  ...peopleCli,
  ...placesCli,
  ...agreementsCli,
  ...accountsCli,
  ...backupCli,
];

function help(): string {
  // Each command's usage on its line and its summary under it: the usages are too long to share a column.
  return [
    'Ponte command line',
    '',
    'Usage: npm run ponte -- <command> [options]',
    '',
    ...commands.map((c) => `  ${c.usage}\n      ${c.summary}`),
    '',
    'The database is the one the server uses: DATABASE_URL, or the embedded one in DATA_DIR (./data).',
  ].join('\n');
}

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  isTTY: boolean;
}

const processIo: CliIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTTY: !!process.stderr.isTTY,
};

/**
 * Runs one command line. Opens (and closes) its own database unless given one: tests pass theirs.
 * Returns the exit code.
 */
export async function runCli(
  argv: string[],
  opts: { deps?: Deps; config?: Config; io?: CliIo } = {},
): Promise<number> {
  const io = opts.io ?? processIo;
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    io.out(`${help()}\n`);
    return argv.length === 0 ? 2 : 0;
  }
  const command = commands.find((c) => argv.slice(0, c.name.split(' ').length).join(' ') === c.name);
  if (!command) {
    io.err(`Unknown command "${argv.join(' ')}".\n\n${help()}\n`);
    return 2;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv.slice(command.name.split(' ').length),
      options: command.options,
      allowPositionals: true,
      strict: true,
    });
  } catch (err) {
    io.err(`${(err as Error).message}\nUsage: npm run ponte -- ${command.usage}\n`);
    return 2;
  }
  const config = opts.config ?? loadConfig();
  const bare: CliBareContext = {
    config,
    values: parsed.values as Record<string, string | boolean | undefined>,
    positionals: parsed.positionals,
    out: io.out,
    err: io.err,
    isTTY: io.isTTY,
  };
  if (command.opensDatabase === false) return reportErrors(io, command.usage, () => command.run(bare));
  const deps = opts.deps ?? (await createDeps(databaseOptions(config)));
  try {
    return await reportErrors(io, command.usage, async () => {
      if (!opts.deps) await prepareDatabase(deps.database, (msg) => io.err(`${msg}\n`));
      return command.run({ ...bare, services: deps.services });
    });
  } finally {
    if (!opts.deps) await deps.close();
  }
}

/** Turns a usage error into exit code 2 and an error meant for the operator into 1, each with its message. */
async function reportErrors(io: CliIo, usage: string, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof CliUsageError) {
      io.err(`${err.message}\nUsage: npm run ponte -- ${usage}\n`);
      return 2;
    }
    if (isAppError(err) && err.code !== 'internal') {
      io.err(`Error${err.field ? ` in ${err.field}` : ''}: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}
