// What to post to a form as rendered. Valid plans keep the page's hidden values (CSRF token, version), choose
// among a select's options and a radio group's values, and fill the other controls with what the page
// filled in, a hint, or text of the control's kind. Mutated plans put odd values in, append a CR/LF, a NUL or an
// emoji to valid ones, leave controls out, repeat or add them, forge the token, change the encoding, send a
// body over the limit or malformed percent-encoding; for uploads, no boundary, a body cut short, the file
// before the token, two files, odd file names. A sweep goes through every control in turn.
import fc from 'fast-check';
import type { FormControl, HtmlForm } from './html-forms.ts';
import { ODD_IDS, ODD_NUMBERS, oddText } from './odd-values.ts';
import type { Hints } from './schema-arbitrary.ts';

export interface Upload {
  filename: string;
  type: string;
  bytes: Buffer;
}

export type FormMutation =
  | { kind: 'value'; name: string; value: string }
  | { kind: 'append'; name: string; suffix: string }
  | { kind: 'drop'; name: string }
  | { kind: 'repeat'; name: string; value: string }
  | { kind: 'extra'; name: string; value: string }
  | { kind: 'csrf'; value: string | undefined }
  | { kind: 'encoding'; as: 'json' | 'multipart' | 'urlencoded' | 'plain' }
  | { kind: 'raw'; body: string }
  | { kind: 'oversize' }
  | { kind: 'boundary'; type: string }
  | { kind: 'truncate'; percent: number }
  | { kind: 'file-first' }
  | { kind: 'two-files' }
  /** The address changed: a language that does not exist, or an id that is not one. */
  | { kind: 'address'; lang?: string; id?: string };

export interface FormPlan {
  values: [string, string][];
  upload?: Upload | undefined;
  /** Send it on the other language's address (the same route, the other strings). */
  otherLang: boolean;
  anonymous: boolean;
  mutations: FormMutation[];
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 1),
]);

const uploads: fc.Arbitrary<Upload> = fc.record({
  filename: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('accordo.pdf', 'firma.png', 'Accordo firmato 1973.pdf') },
    { weight: 1, arbitrary: oddText.filter((t) => t.length < 2000) },
  ),
  type: fc.constantFrom('application/pdf', 'image/png', 'application/octet-stream', 'text/html', ''),
  bytes: fc.oneof(
    fc.constantFrom(PDF, PNG, Buffer.alloc(0), Buffer.from('<script>alert(1)</script>')),
    fc.uint8Array({ maxLength: 2048 }).map((a) => Buffer.from(a)),
  ),
});

/** Appended to a valid value: what splits a header, what PostgreSQL refuses in text, what Latin-1 lacks. */
const SUFFIXES = ['\r\n', '\r\nX-Fuzz: 1', '\n', '\u0000', '🙂', '\ud800', 'é'];

/** For a control whose value is a whole number (a version, a GeoNames id, a rating): numbers at the edges. */
const NUMBERS = [...ODD_NUMBERS.map(String), '99999999999999999999', '1e308', '-0', '0x10', ''];

/** Content types of an upload that no multipart parser can read as the form it claims to be. */
const BROKEN_MULTIPART = [
  'multipart/form-data',
  'multipart/form-data; charset=utf-8',
  'multipart/form-data; boundary=',
  'multipart/form-data; boundary=other',
  'multipart/form-data; boundary="fuzzboundary"; boundary=x',
  'multipart/mixed; boundary=fuzzboundary',
];

/** A valid value for a control: what the page filled in, else a hint by its name, else text of its kind. */
function controlValue(c: FormControl, hints: Hints): fc.Arbitrary<string | undefined> {
  const hinted = hints[c.name];
  switch (c.kind) {
    case 'hidden':
    case 'button':
    case 'submit':
      return fc.constant(c.value);
    case 'select':
      return c.options?.length ? fc.constantFrom(...c.options) : fc.constant(c.value);
    case 'checkbox':
      return fc.constantFrom(c.checked ? c.value : undefined, c.value, undefined);
    case 'file':
      return fc.constant(undefined);
    default: {
      const typed =
        c.kind === 'email'
          ? fc.emailAddress()
          : c.kind === 'url'
            ? fc.webUrl()
            : fc.string({ unit: 'grapheme', maxLength: 30 });
      const choices: { weight: number; arbitrary: fc.Arbitrary<string> }[] = [
        { weight: 1, arbitrary: typed },
      ];
      if (c.value) choices.push({ weight: 6, arbitrary: fc.constant(c.value) });
      if (hinted) choices.push({ weight: 4, arbitrary: hinted.map(String) });
      return fc.oneof(...choices);
    }
  }
}

/**
 * Values of controls that only make sense together (a partner city and its country), from hints whose names
 * are joined with "+": used when the form has all of those controls and the page filled none.
 */
function groupsOf(form: HtmlForm, hints: Hints) {
  return Object.entries(hints)
    .map(([key, arbitrary]) => ({ names: key.split('+'), arbitrary }))
    .filter(({ names }) => names.length > 1)
    .filter(({ names }) => names.every((n) => form.controls.some((c) => c.name === n && !c.value)))
    .map(({ names, arbitrary }) => ({
      names,
      arbitrary: (arbitrary as fc.Arbitrary<string[]>).map((values) =>
        names.map((n, i): [string, string] => [n, values[i] ?? '']),
      ),
    }));
}

/** The form's fields as a browser sends them: one radio button of each group, each control once. */
function validValues(form: HtmlForm, hints: Hints): fc.Arbitrary<[string, string][]> {
  const groups = groupsOf(form, hints);
  const together = new Set(groups.flatMap((g) => g.names));
  const radios = new Map<string, string[]>();
  const parts: fc.Arbitrary<[string, string] | undefined>[] = [];
  for (const c of form.controls) {
    if (together.has(c.name) || c.kind === 'button' || c.kind === 'submit') continue;
    if (c.kind === 'radio') radios.set(c.name, [...(radios.get(c.name) ?? []), c.value]);
    else parts.push(controlValue(c, hints).map((v) => (v === undefined ? undefined : [c.name, v])));
  }
  for (const [name, values] of radios) parts.push(fc.constantFrom(...values).map((v) => [name, v]));
  // A form with several named buttons sends the one pressed.
  const buttons = form.controls.filter((c) => c.kind === 'button' || c.kind === 'submit');
  if (buttons.length) parts.push(fc.constantFrom(...buttons).map((b) => [b.name, b.value]));
  return fc
    .tuple(fc.tuple(...parts), fc.tuple(...groups.map((g) => g.arbitrary)))
    .map(([pairs, joint]) => [
      ...pairs.filter((p): p is [string, string] => p !== undefined),
      ...joint.flat(),
    ]);
}

/** The controls a mutation may aim at: all but the CSRF token, which has mutations of its own. */
const namesOf = (form: HtmlForm) =>
  [...new Set(form.controls.map((c) => c.name))].filter((n) => n !== '_csrf');

function mutationsFor(form: HtmlForm): fc.Arbitrary<FormMutation> {
  const names = namesOf(form);
  const options: { weight: number; arbitrary: fc.Arbitrary<FormMutation> }[] = [
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('extra' as const),
        name: fc.constantFrom('extra', '__proto__', 'constructor', 'institutionId', 'role', 'version', ''),
        value: oddText,
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('csrf' as const),
        value: fc.constantFrom(undefined, '', 'forged', '\u0000'),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.oneof(
        fc.record({
          kind: fc.constant('address' as const),
          lang: fc.constantFrom('xx', 'IT', '%00', 'it%2F..'),
        }),
        fc.record({ kind: fc.constant('address' as const), id: fc.constantFrom(...ODD_IDS) }),
      ),
    },
  ];
  if (names.length) {
    const name = fc.constantFrom(...names);
    options.push(
      { weight: 6, arbitrary: fc.record({ kind: fc.constant('value' as const), name, value: oddText }) },
      {
        weight: 6,
        arbitrary: fc.record({
          kind: fc.constant('append' as const),
          name,
          suffix: fc.constantFrom(...SUFFIXES),
        }),
      },
      { weight: 3, arbitrary: fc.record({ kind: fc.constant('drop' as const), name }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('repeat' as const), name, value: oddText }) },
    );
  }
  if (form.method === 'POST') {
    options.push(
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constant('encoding' as const),
          as: fc.constantFrom('json' as const, 'multipart' as const, 'urlencoded' as const, 'plain' as const),
        }),
      },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant('raw' as const),
          body: fc.constantFrom('a=%zz&b=%&&=&%00=x', '%', '=', '_csrf', '\u0000', '&&&&'),
        }),
      },
      { weight: 1, arbitrary: fc.constant({ kind: 'oversize' as const }) },
    );
  }
  if (form.multipart) {
    options.push(
      {
        weight: 4,
        arbitrary: fc.record({
          kind: fc.constant('boundary' as const),
          type: fc.constantFrom(...BROKEN_MULTIPART),
        }),
      },
      {
        weight: 4,
        arbitrary: fc.record({
          kind: fc.constant('truncate' as const),
          percent: fc.integer({ min: 5, max: 95 }),
        }),
      },
      { weight: 2, arbitrary: fc.constant({ kind: 'file-first' as const }) },
      { weight: 2, arbitrary: fc.constant({ kind: 'two-files' as const }) },
    );
  }
  return fc.oneof(...options);
}

const valid = (form: HtmlForm, hints: Hints, anonymous: fc.Arbitrary<boolean>): fc.Arbitrary<FormPlan> =>
  fc.record({
    values: validValues(form, hints),
    upload: form.multipart ? uploads : fc.constant(undefined),
    otherLang: fc.boolean(),
    anonymous,
    mutations: fc.constant([] as FormMutation[]),
  });

/** Random plans for a form: valid ones three times in ten, the rest with one mutation (now and then more). */
export function formPlans(form: HtmlForm, hints: Hints): fc.Arbitrary<FormPlan> {
  const base = valid(
    form,
    hints,
    fc.constantFrom(false, false, false, false, false, false, false, false, false, true),
  );
  const howMany = fc.oneof(
    { weight: 7, arbitrary: fc.constant(1) },
    { weight: 2, arbitrary: fc.constant(2) },
    { weight: 1, arbitrary: fc.constant(3) },
  );
  const mutated = base.chain((plan) =>
    howMany
      .chain((n) => fc.array(mutationsFor(form), { minLength: n, maxLength: n }))
      .map((mutations) => ({ ...plan, mutations })),
  );
  return fc.oneof({ weight: 3, arbitrary: base }, { weight: 7, arbitrary: mutated });
}

const isNumber = (c: FormControl) =>
  /^\d+$/.test(c.value) || (c.options?.length ? c.options.every((o) => /^\d+$/.test(o)) : false);

/**
 * The sweep of a form: each control in turn, the others valid and the session's token kept, with an odd
 * value, with its valid value and something appended, and left out; a control holding a whole number also
 * with each number at the edges; an upload also with each broken content type, cut short at several points,
 * with the file first and with two files.
 */
export function formSweep(form: HtmlForm, hints: Hints, seed: number): FormPlan[] {
  const names = namesOf(form);
  if (!names.length) return [];
  const numeric = [...new Set(form.controls.filter(isNumber).map((c) => c.name))].filter(
    (n) => n !== '_csrf',
  );
  const extra: FormMutation[] = [
    ...numeric.flatMap((name) => NUMBERS.map((value): FormMutation => ({ kind: 'value', name, value }))),
    ...(form.multipart
      ? [
          ...BROKEN_MULTIPART.map((type): FormMutation => ({ kind: 'boundary', type })),
          ...[10, 50, 90, 99].map((percent): FormMutation => ({ kind: 'truncate', percent })),
          { kind: 'file-first' as const },
          { kind: 'two-files' as const },
        ]
      : []),
  ];
  const aimed = (name: string) =>
    fc.tuple(
      fc.record({ kind: fc.constant('value' as const), name: fc.constant(name), value: oddText }),
      fc.record({
        kind: fc.constant('append' as const),
        name: fc.constant(name),
        suffix: fc.constantFrom(...SUFFIXES),
      }),
    );
  const count = names.length * 3 + extra.length;
  const [bases, odd] = fc.sample(
    fc.tuple(
      fc.array(valid(form, hints, fc.constant(false)), { minLength: count, maxLength: count }),
      fc.tuple(...names.map(aimed)),
    ),
    { seed, numRuns: 1 },
  )[0]!;
  const aimedAtEach = names.flatMap((name, i): FormMutation[] => {
    const [value, appended] = odd[i]!;
    return [value, appended, { kind: 'drop', name }];
  });
  return [...aimedAtEach, ...extra].map((m, j) => ({ ...bases[j]!, mutations: [m] }));
}
