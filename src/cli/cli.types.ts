import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../config.ts';
import type { Services } from '../deps.ts';

export interface CliContext {
  services: Services;
  config: Config;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  out(text: string): void;
  err(text: string): void;
  /** Whether a person watches stderr (progress bars only then). */
  isTTY: boolean;
}

interface CliCommandBase {
  /** The words that select it, e.g. "import agreements". */
  name: string;
  usage: string;
  summary: string;
  options: NonNullable<ParseArgsConfig['options']>;
}

export interface CliCommand extends CliCommandBase {
  opensDatabase?: true;
  run(ctx: CliContext): Promise<number>;
}

/** What a command gets that opens no database before it runs (backup and restore handle their own). */
export type CliBareContext = Omit<CliContext, 'services'>;

/**
 * A command that must not find the database opened for it: the embedded one serves one process, and restore
 * needs it absent or empty.
 */
export interface CliBareCommand extends CliCommandBase {
  opensDatabase: false;
  run(ctx: CliBareContext): Promise<number>;
}

/** Wrong or missing arguments: the CLI prints the usage and exits with 2. */
export class CliUsageError extends Error {}

export function requireString(ctx: CliContext, name: string): string {
  const v = ctx.values[name];
  if (typeof v !== 'string' || !v.trim()) throw new CliUsageError(`--${name} is required`);
  return v;
}

/** A progress bar on stderr for long work, drawn only when a person watches. */
export function progressBar(ctx: CliContext) {
  let lastDraw = 0;
  return (phase: string, done: number, total: number) => {
    if (!ctx.isTTY || total < 200) return;
    const now = Date.now();
    if (done < total && now - lastDraw < 100) return;
    lastDraw = now;
    const width = 30;
    const filled = Math.round((done / total) * width);
    ctx.err(`\r${phase.padEnd(9)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    if (done === total) ctx.err('\n');
  };
}
