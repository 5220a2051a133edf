// Pages asked for with odd query strings (under the names their filters use and some they do not), odd
// request headers (a forged ETag, odd encodings and languages, an htmx request that wants a fragment), and now
// and then the last step of the address replaced by something that is not an id or a slug.
import fc from 'fast-check';
import { shapeOf } from './html-forms.ts';
import { ODD_IDS, ODD_SHORT_TEXTS } from './odd-values.ts';
import type { FuzzRequest } from './runner.ts';

const NAMES = [
  'q',
  'page',
  'sort',
  'cursor',
  'status',
  'kind',
  'role',
  'saved',
  'continent',
  'year',
  'partner',
];

/** Header values are sent as they come only when printable: the HTTP client refuses the rest. */
const printable = (text: string) => text.replace(/[^\x20-\x7e]/g, '?');

const oddHeaders: fc.Arbitrary<Record<string, string>> = fc.oneof(
  fc.constant({}),
  fc.record({ 'hx-request': fc.constantFrom('true', 'false', '') }),
  fc.record({
    'if-none-match': fc.constantFrom('*', '""', 'W/"x"', '"a", "b"', printable('x'.repeat(5000))),
  }),
  fc.record({
    'accept-encoding': fc.constantFrom('br;q=x', 'gzip;q=-1', '*;q=0', 'identity;q=0', 'x'.repeat(500)),
  }),
  fc.record({ accept: fc.constantFrom('*/*', 'application/json', 'text/html;q=nonsense', '') }),
  fc.record({ 'accept-language': fc.constantFrom('zz', '*', 'it;q=2', 'en-GB,en;q=0.x') }),
);

export function pageRequests(page: string, cookie: string, seed: number, runs: number): FuzzRequest[] {
  const plans = fc.sample(
    fc.record({
      pairs: fc.array(fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom(...ODD_SHORT_TEXTS)), {
        minLength: 1,
        maxLength: 4,
      }),
      headers: oddHeaders,
      // Three times in four the address as it is.
      segment: fc.oneof(
        { weight: 3, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.constantFrom(...ODD_IDS, '..', '%2e%2e', '.', '~', '%') },
      ),
    }),
    { seed, numRuns: runs },
  );
  return plans.map(({ pairs, headers, segment }) => {
    const [path, query] = page.split('?') as [string, string | undefined];
    const address = segment === null ? path : path.replace(/[^/]+(\/?)$/, `${segment}$1`);
    const qs = new URLSearchParams([...new URLSearchParams(query ?? ''), ...pairs]).toString();
    return {
      source: `page ${shapeOf(page)}`,
      method: 'GET' as const,
      url: `${address}?${qs}`,
      headers: { cookie, ...headers },
    };
  });
}
