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
  {
    name: 'seed examples',
    usage: 'seed examples [INSTITUTION...]',
    summary:
      'Load example visits, missions, meetings and organisations (names "Esempio: ...", never published) into each institution named, or into all',
    options: {},
    async run({ services, positionals, out }) {
      const report = await services.examples.load(positionals);
      if (report.loaded.length) out(`Loaded the examples into ${report.loaded.join(', ')}.\n`);
      if (report.skipped.length) out(`Already there, left alone: ${report.skipped.join(', ')}.\n`);
      if (!report.loaded.length && !report.skipped.length) out('No institution to load the examples into.\n');
      return 0;
    },
  },
];
