// The values mutations put where a valid one was: wrong types, numbers at the edges of what JavaScript,
// JSON and PostgreSQL hold, texts that are huge, empty, control characters (NUL, CR/LF), unicode that is
// combining, right-to-left, astral or an unpaired surrogate, markup, SQL and paths.
import fc from 'fast-check';

export const ODD_NUMBERS = [
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  -1,
  0,
  1.5,
  1e308,
  -1e308,
  Number.MIN_VALUE,
];

/** Texts fit for a URL or a header too: at most a few thousand characters. */
export const ODD_SHORT_TEXTS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\r\n',
  'x\r\nSet-Cookie: fuzz=1',
  '\t\v\f',
  '🙂',
  'e\u0301\u0301\u0301',
  '\u202eevil',
  '\ud800',
  '\ufeff',
  'Ä'.repeat(300),
  'x'.repeat(5000),
  '<script>alert(1)</script>',
  "' or 1=1 --",
  '../../etc/passwd',
  '%00%0d%0a',
  '%zz',
  '$'.concat('{7*7}{{7*7}}'),
  'null',
  'true',
  '[]',
  '{}',
  '-1',
  '0',
  '2147483648',
  '-2147483649',
  '99999999999999999999',
  '1e308',
  '1e-400',
  'NaN',
  'Infinity',
  '0x1F',
  ' 42 ',
  '2020-02-30',
  '0000-00-00',
  '9999-12-31',
  '99999-01-01',
  '1973-13',
  'javascript:alert(1)',
  'data:text/html,<b>x</b>',
  'http://',
  'https://exa mple.org/',
  'https://localhost/',
  'mailto:x@example.org',
  '00000000-0000-0000-0000-000000000000',
  'FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF',
  '__proto__',
  'constructor',
];

/** Texts only a body can carry. */
export const ODD_LONG_TEXTS = ['y'.repeat(100_000), 'ü\u0000'.repeat(30_000), '\r\n'.repeat(20_000)];

export const oddText = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...ODD_SHORT_TEXTS) },
  { weight: 1, arbitrary: fc.constantFrom(...ODD_LONG_TEXTS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 50 }) },
);

/** Anything JSON can hold where a value of some other kind was expected. */
export const oddJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: oddText },
  { weight: 3, arbitrary: fc.constantFrom(...ODD_NUMBERS) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(null, true, false, [], [1, 2], {}, { $ne: 1 }, [[[[]]]], { a: { b: {} } }),
  },
  { weight: 1, arbitrary: fc.array(oddText, { maxLength: 3 }) },
);

/** Bodies that are not the JSON they say they are. */
export const MALFORMED_JSON = [
  '',
  '{',
  '{"a":',
  '{"kind":"twinning",}',
  "{'kind':'twinning'}",
  'null',
  '[]',
  '"text"',
  '42',
  'NaN',
  '1e999999',
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  '\ufeff{}',
  '\u0000',
  '{"a":"\\ud800"}',
  '{"a":"\\u0000"}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  `{"a":${'1'.repeat(400)}}`,
];

/** Content types a JSON body may arrive with by mistake, or in malice. */
export const ODD_CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'application/xml',
  'application/json; charset=utf-16',
  'application/json; charset=nonsense',
  'application/vnd.api+json',
  'application/json, text/html',
  ';;;',
];

/** What a path segment may hold instead of the id it names. */
export const ODD_IDS = [
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  '00000000-0000-4000-8000-00000000000G',
  '%00',
  '%0d%0a',
  '..%2F..%2Fetc',
  '%F0%9F%99%82',
  '%C3%28',
  '2147483648',
  '-1',
  '1e308',
  'x'.repeat(3000),
  'null',
];
