// Valid values from the JSON schemas of the committed OpenAPI document, as fast-check arbitraries: required
// properties always, optional ones sometimes; enums, formats, patterns, lengths, bounds and item counts kept.
// Hints give some properties values that reach the logic behind the schema (a city the gazetteer knows, a
// unit that exists) rather than only its validation.
import fc from 'fast-check';

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  examples?: unknown[];
}

/** Arbitraries for properties by name, tried first (three times in four) where a schema names them. */
export type Hints = Record<string, fc.Arbitrary<unknown>>;

/** Long enough to pass a length check, short enough to keep a run fast: longer texts are the mutations' job. */
const LONGEST = 40;

const webUrl = fc.webUrl({ withQueryParameters: true, withFragments: true });

function text(s: JsonSchema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.max(min, Math.min(s.maxLength ?? LONGEST, LONGEST));
  if (s.format === 'uuid') return fc.uuid();
  if (s.format === 'date') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (s.format === 'date-time') return fc.date({ noInvalidDate: true }).map((d) => d.toISOString());
  // A web address (platform/urls.ts): fast-check's own, which always has a dotted host; "" where it clears.
  if (s.format === 'uri' || s.pattern?.includes('[Hh][Tt][Tt][Pp]')) {
    const url = webUrl.filter((u) => u.length <= (s.maxLength ?? 2000));
    return s.pattern?.includes(')?$') ? fc.oneof(url, fc.constant('')) : url;
  }
  if (s.pattern) {
    return fc
      .stringMatching(new RegExp(s.pattern))
      .filter((v) => v.length >= min && v.length <= (s.maxLength ?? Number.POSITIVE_INFINITY));
  }
  // Letters beyond ASCII where the field is long enough to be free text; ASCII for codes and short fields.
  const unit = max >= 30 ? fc.constantFrom('grapheme', 'grapheme-ascii') : fc.constant('grapheme-ascii');
  return unit.chain((u) =>
    fc
      .string({ unit: u as 'grapheme', minLength: min, maxLength: max })
      // JSON Schema counts code points, fast-check graphemes: keep to the bound.
      .filter((v) => [...v].length >= min && [...v].length <= (s.maxLength ?? Number.POSITIVE_INFINITY)),
  );
}

function integer(s: JsonSchema): fc.Arbitrary<number> {
  const min = s.minimum ?? -1000;
  const max = s.maximum ?? Math.max(min, 0) + 1_000_000;
  // Mostly near the lower bound, where real ids and counts live; now and then anywhere in range.
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min, max: Math.min(max, min + 100) }) },
    { weight: 1, arbitrary: fc.integer({ min, max }) },
  );
}

function object(s: JsonSchema, hints: Hints): fc.Arbitrary<Record<string, unknown>> {
  const props = s.properties ?? {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, sub] of Object.entries(props)) model[name] = valid(sub, hints, name);
  return fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in props) });
}

/** A value the schema accepts; `name` is the property it is for, looked up in the hints. */
export function valid(s: JsonSchema, hints: Hints = {}, name?: string): fc.Arbitrary<unknown> {
  const plain = fromSchema(s, hints);
  const hint = name ? hints[name] : undefined;
  return hint ? fc.oneof({ weight: 3, arbitrary: hint }, { weight: 1, arbitrary: plain }) : plain;
}

function fromSchema(s: JsonSchema, hints: Hints): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const branches = s.oneOf ?? s.anyOf;
  if (branches) return fc.oneof(...branches.map((b) => valid(b, hints)));
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return integer(s);
    case 'number':
      return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true });
    case 'string':
      return text(s);
    case 'array': {
      const item = valid(s.items ?? {}, hints);
      const constraints = { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, 4) };
      return s.uniqueItems
        ? fc.uniqueArray(item, { ...constraints, selector: (v) => JSON.stringify(v) })
        : fc.array(item, constraints);
    }
    case 'object':
      return object(s, hints);
    default:
      return s.properties ? object(s, hints) : fc.constant({});
  }
}
