// CLI entry: runs the command line of this process and sets its exit code. The work is in run.ts.
import { isAppError } from '../platform/errors.ts';
import { runCli } from './run.ts';

// If the work never settles (a query waiting on a transaction that waits on it), Node exits with nothing left
// to run; say so instead of ending silently.
let settled = false;
process.once('beforeExit', () => {
  if (!settled) {
    process.stderr.write(
      'Internal error: the command stopped before finishing (a database wait that never ended)\n',
    );
    process.exitCode = 70;
  }
});

runCli(process.argv.slice(2)).then(
  (code) => {
    settled = true;
    process.exitCode = code;
  },
  (err) => {
    settled = true;
    process.stderr.write(`${isAppError(err) ? err.message : (err as Error).stack}\n`);
    process.exitCode = 1;
  },
);
