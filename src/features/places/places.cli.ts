import { type CliCommand, CliUsageError } from '../../cli/cli.types.ts';

const fmt = new Intl.NumberFormat('en-GB');

export const placesCli: CliCommand[] = [
  {
    name: 'places search',
    usage: 'places search NAME [--country CC] [--json]',
    summary: 'Look a city up in the gazetteer by its name in any language',
    options: { country: { type: 'string' }, json: { type: 'boolean' } },
    async run({ services, values, positionals, out }) {
      const name = positionals.join(' ').trim();
      if (!name) throw new CliUsageError('Give a place name');
      const result = await services.places.lookup({ name, country: values['country'] as string | undefined });
      if (values['json']) {
        out(`${JSON.stringify(result, null, 2)}\n`);
        return result.status === 'matched' ? 0 : 1;
      }
      const verdict = {
        matched: `Matched: ${result.match?.nameEn} (${result.match?.country.code})`,
        ambiguous: 'Ambiguous: a person must choose',
        not_found: 'Not found',
      }[result.status];
      out(`${verdict}\n`);
      for (const c of result.candidates) {
        out(
          `  ${c.confidence.toFixed(2)}  ${c.nameIt} / ${c.nameEn}  ${c.country.code}  pop. ${fmt.format(c.population)}  ` +
            `id ${c.geonamesId}  [${c.match}: ${c.matchedName}]\n`,
        );
      }
      return result.status === 'matched' ? 0 : 1;
    },
  },
];
