import { type CliBareCommand, type CliBareContext, CliUsageError } from '../../cli/cli.types.ts';
import {
  type BackupReport,
  createBackupService,
  type Progress,
  type RestoreReport,
} from './backup.service.ts';

function fileArg(ctx: CliBareContext): string {
  const file = ctx.positionals.join(' ').trim();
  if (!file) throw new CliUsageError('Give the backup file');
  return file;
}

function service(ctx: CliBareContext) {
  const { databaseUrl, databaseOwnerUrl, dataDir } = ctx.config;
  return createBackupService({ databaseUrl, ownerUrl: databaseOwnerUrl, dataDir });
}

const size = (bytes: number) =>
  bytes >= 1 << 20 ? `${(bytes / (1 << 20)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} kB`;

/** A one-line bar on stderr while a person watches; returns it and the function that ends its line. */
function progressLine(ctx: CliBareContext, verb: string): { progress: Progress; done(): void } {
  let last = 0;
  let drawn = false;
  const progress: Progress = (done, total, unit) => {
    if (!ctx.isTTY) return;
    const now = Date.now();
    if (done < total && now - last < 100) return;
    last = now;
    const width = 30;
    const filled = total > 0 ? Math.min(width, Math.round((done / total) * width)) : 0;
    const amount =
      unit === 'bytes' ? `${size(done)}${total > 0 ? ` of ${size(total)}` : ''}` : `${done}/${total} tables`;
    ctx.err(`\r${verb} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${amount}   `);
    drawn = true;
  };
  return {
    progress,
    done: () => {
      if (drawn) ctx.err('\n');
    },
  };
}

function summary(r: BackupReport): string {
  return `${r.file}: ${size(r.bytes)} in ${(r.ms / 1000).toFixed(1)} s, ${r.tables} tables, ${r.rows.toLocaleString('en')} rows (${r.engine}, ${r.via})`;
}

export const backupCli: CliBareCommand[] = [
  {
    name: 'backup',
    usage: 'backup FILE',
    summary: 'Back up the whole database to FILE (a consistent snapshot, also while the server runs)',
    options: {},
    opensDatabase: false,
    async run(ctx) {
      const file = fileArg(ctx);
      const bar = progressLine(ctx, 'backup ');
      let report: BackupReport;
      try {
        report = await service(ctx).backup(file, { progress: bar.progress });
      } finally {
        bar.done();
      }
      ctx.out(`Backed up ${summary(report)}\n`);
      return 0;
    },
  },
  {
    name: 'restore',
    usage: 'restore FILE [--replace]',
    summary: 'Restore a backup into an empty database (--replace: into a non-empty one, see the README)',
    options: { replace: { type: 'boolean' } },
    opensDatabase: false,
    async run(ctx) {
      const file = fileArg(ctx);
      const bar = progressLine(ctx, 'restore');
      let report: RestoreReport;
      try {
        report = await service(ctx).restore(file, {
          replace: !!ctx.values['replace'],
          progress: bar.progress,
        });
      } finally {
        bar.done();
      }
      ctx.out(`Restored ${summary(report)}\n`);
      if (report.keptAside) ctx.out(`The previous data folder is kept in ${report.keptAside}\n`);
      return 0;
    },
  },
];
