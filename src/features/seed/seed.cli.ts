import type { CliCommand } from '../../cli/cli.types.ts';

export const seedCli: CliCommand[] = [
  {
    name: 'seed demo',
    usage: 'seed demo',
    summary: 'Load the demo institutions (Milano, Firenze, Città Metropolitana di Firenze) if missing',
    options: {},
    async run({ services, out }) {
      const report = await services.seed.demo();
      if (report.institutions.length === 0) {
        out(`Nothing to do: ${report.skipped.join(', ')} already present.\n`);
      } else {
        out(`Loaded ${report.institutions.join(', ')} with ${report.agreements} agreements.\n`);
      }
      return 0;
    },
  },
];
