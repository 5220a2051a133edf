// The fields a JSON schema names, each with its own schema, and the odd values of its kind: what the sweep of
// the OpenAPI operations goes through field by field.
import fc from 'fast-check';
import { ODD_NUMBERS, ODD_SHORT_TEXTS, oddJson } from './odd-values.ts';
import type { JsonSchema } from './schema-arbitrary.ts';

export interface Leaf {
  /** Where the field sits: ["partner", "geonamesId"]; an array's items at index 0. */
  path: (string | number)[];
  schema: JsonSchema;
  /** The member of a union the field belongs to (a city partner, not an organisation), set first. */
  branch?: { path: (string | number)[]; schema: JsonSchema };
}

/** Every place of a schema, itself included; Nullable(x) counts as x. */
export function leavesOf(s: JsonSchema, path: (string | number)[] = [], branch?: Leaf['branch']): Leaf[] {
  const here: Leaf = { path, schema: s, ...(branch ? { branch } : {}) };
  const members = s.oneOf ?? s.anyOf;
  if (members) {
    const real = members.filter((m) => m.type !== 'null');
    if (real.length === 1) return leavesOf(real[0]!, path, branch);
    return [here, ...real.flatMap((m) => leavesOf(m, path, { path, schema: m }).slice(1))];
  }
  if (s.properties) {
    return [here, ...Object.entries(s.properties).flatMap(([k, p]) => leavesOf(p, [...path, k], branch))];
  }
  if (s.items) return [here, ...leavesOf(s.items, [...path, 0], branch)];
  return [here];
}

/** Appended to a valid text: what breaks headers, PostgreSQL's text, or a Latin-1 header value. */
const SUFFIXES = ['\r\n', '\r\nX-Fuzz: 1', '\n', '\u0000', '🙂', '\ud800', 'é', '\t'];

/**
 * Odd values for a field: `every` when the kind has few enough to send them all (integers), else `some`, an
 * arbitrary drawn from the kind's own odd values, its schema's edges (one over its length or bound) and
 * values of other kinds.
 */
export function oddFor(s: JsonSchema): { every?: unknown[]; some: fc.Arbitrary<unknown> } {
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  const edges: unknown[] = [];
  if (s.maxLength !== undefined) edges.push('x'.repeat(s.maxLength + 1), 'é'.repeat(s.maxLength + 1));
  if (s.minLength) edges.push('x'.repeat(s.minLength - 1));
  if (s.maximum !== undefined) edges.push(s.maximum + 1);
  if (s.minimum !== undefined) edges.push(s.minimum - 1);
  if (s.maxItems !== undefined) edges.push(Array.from({ length: s.maxItems + 1 }, () => 'x'));
  const own: fc.Arbitrary<unknown>[] = [];
  if (type === 'integer' || type === 'number') {
    const every = [...new Set([...ODD_NUMBERS, ...edges, '1', ' 7 ', null])];
    return { every, some: fc.constantFrom(...every) };
  }
  if (s.enum)
    own.push(fc.constantFrom('', 'UNKNOWN', `${String(s.enum[0])}\u0000`, String(s.enum[0]).toUpperCase()));
  else if (type === 'string') {
    own.push(
      fc.tuple(fc.string({ maxLength: 10 }), fc.constantFrom(...SUFFIXES)).map(([a, b]) => a + b),
      fc.constantFrom(...ODD_SHORT_TEXTS),
    );
  } else if (type === 'boolean') own.push(fc.constantFrom('true', 1, 0, 'yes'));
  else own.push(fc.constantFrom(null, 'text', 0, [], {}));
  return {
    some: fc.oneof(
      { weight: 4, arbitrary: fc.oneof(...own) },
      ...(edges.length ? [{ weight: 3, arbitrary: fc.constantFrom(...edges) }] : []),
      { weight: 2, arbitrary: oddJson },
    ),
  };
}
