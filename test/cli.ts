// Runs a command line in-process, as a terminal would, and keeps what it printed on each stream.
import { runCli } from '../src/cli/run.ts';
import { type Config, loadConfig } from '../src/config.ts';
import type { Deps } from '../src/deps.ts';

export async function runCommand(
  argv: string[],
  opts: { deps?: Deps; config?: Config } = {},
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    ...(opts.deps ? { deps: opts.deps } : {}),
    config: opts.config ?? loadConfig({}, {}),
    io: {
      out: (t) => {
        out += t;
      },
      err: (t) => {
        err += t;
      },
      isTTY: false,
    },
  });
  return { code, out, err };
}
