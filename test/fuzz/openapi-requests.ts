// Requests for every operation of the committed OpenAPI document. Valid ones are built from its schemas.
// Mutated ones come two ways: a sweep that puts, in turn, odd values of its own kind into every field the
// schemas name (integers at 2^31, 2^53 and 1e308; texts one character over their limit, or valid with a CR/LF,
// a NUL or an emoji appended; enums that are not), with credentials that reach the logic; and random plans
// mixing any mutation (a value of another kind, a field missing or unknown, JSON that is not JSON, the wrong
// content type, an id that is not one, odd query strings) with any credentials (none, a write or a read
// token, a session with or without its CSRF header, forged ones).
import fc from 'fast-check';
import { type Leaf, leavesOf, oddFor } from './leaves.ts';
import {
  MALFORMED_JSON,
  ODD_CONTENT_TYPES,
  ODD_IDS,
  ODD_SHORT_TEXTS,
  oddJson,
  oddText,
} from './odd-values.ts';
import type { FuzzRequest } from './runner.ts';
import { type Hints, type JsonSchema, valid } from './schema-arbitrary.ts';

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: FuzzRequest['method'];
  path: string;
  parameters: Parameter[];
  body?: JsonSchema | undefined;
}

interface OpenApiDocument {
  components?: { schemas?: Record<string, unknown> };
  paths: Record<
    string,
    Record<
      string,
      { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema: JsonSchema }> } }
    >
  >;
}

/** The document with every local `$ref` (the named branches of a tagged union) replaced by what it names. */
function inlined<T>(node: T, components: Record<string, unknown>): T {
  if (Array.isArray(node)) return node.map((n) => inlined(n, components)) as T;
  if (!node || typeof node !== 'object') return node;
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
    return inlined(components[ref.slice('#/components/schemas/'.length)] as T, components);
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, inlined(v, components)])) as T;
}

/** Every operation of the document, in its order. */
export function operationsOf(document: OpenApiDocument): Operation[] {
  const doc = inlined(document, document.components?.schemas ?? {});
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase() as Operation['method'],
      path,
      parameters: op.parameters ?? [],
      body: op.requestBody?.content?.['application/json']?.schema,
    })),
  );
}

export interface Credentials {
  writeToken: string;
  readToken: string;
  cookie: string;
  csrf: string;
}

type Auth = 'anonymous' | 'write' | 'read' | 'session' | 'session-no-csrf' | 'odd';
type Part = 'body' | 'query' | 'path';

type Mutation =
  /** The field at `leaf` of a part set to value; `branch` first replaces the union member it sits in. */
  | { kind: 'field'; part: Part; leaf: number; value: unknown; branch?: unknown }
  | { kind: 'drop'; part: Part; leaf: number }
  | { kind: 'extra'; name: string; value: unknown }
  | { kind: 'json'; raw: string }
  | { kind: 'content-type'; type: string; asForm: boolean }
  | { kind: 'id'; raw: string }
  | { kind: 'query'; pairs: [string, string][] };

export interface Plan {
  auth: Auth;
  oddAuth: string;
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
  mutation?: Mutation;
}

/** The schema of one part of a request: the body's own, or the parameters in the path or the query. */
function partSchema(op: Operation, part: Part): JsonSchema | undefined {
  if (part === 'body') return op.body;
  const params = op.parameters.filter((p) => p.in === part);
  if (!params.length) return undefined;
  return {
    type: 'object',
    properties: Object.fromEntries(params.map((p) => [p.name, p.schema])),
    required: params.filter((p) => p.required || part === 'path').map((p) => p.name),
  };
}

const PARTS: Part[] = ['body', 'query', 'path'];

/** The fields of an operation that a sweep goes through, by part. */
export function fieldsOf(op: Operation): Record<Part, Leaf[]> {
  const out = { body: [], query: [], path: [] } as Record<Part, Leaf[]>;
  for (const part of PARTS) {
    const schema = partSchema(op, part);
    // The part's root is left to the random plans (JSON that is not an object, and so on).
    if (schema) out[part] = leavesOf(schema).filter((l) => l.path.length > 0);
  }
  return out;
}

function base(op: Operation, hints: Hints, auth: fc.Arbitrary<Auth>): fc.Arbitrary<Plan> {
  const part = (p: Part) => {
    const schema = partSchema(op, p);
    return schema ? (valid(schema, hints) as fc.Arbitrary<Record<string, unknown>>) : fc.constant({});
  };
  return fc.record({
    auth,
    oddAuth: fc.constantFrom(...ODD_SHORT_TEXTS),
    path: part('path'),
    query: part('query'),
    body: op.body ? valid(op.body, hints) : fc.constant(undefined),
  });
}

/** Credentials that reach an operation's logic: a write token, or a session with its CSRF header. */
const REACHING = fc.constantFrom<Auth>('write', 'write', 'session');

/**
 * The sweep: for every field of every part, `perField` plans with that field alone set to an odd value of
 * its own kind (integers go through all of theirs), the rest valid.
 */
export function sweepPlans(op: Operation, hints: Hints, perField: number, seed: number): Plan[] {
  const fields = fieldsOf(op);
  const plans: Plan[] = [];
  for (const part of PARTS) {
    fields[part].forEach((leaf, i) => {
      const odd = oddFor(leaf.schema);
      const values = odd.every
        ? odd.every.map((v) => fc.constant(v))
        : Array.from({ length: perField }, () => odd.some);
      const branch = leaf.branch ? valid(leaf.branch.schema, hints) : fc.constant(undefined);
      const runs = fc.sample(fc.tuple(base(op, hints, REACHING), fc.tuple(...values), branch), {
        seed: seed + plans.length + i,
        numRuns: 1,
      })[0]!;
      const [plan, chosen, member] = runs;
      for (const value of chosen) {
        plans.push({
          ...plan,
          mutation: { kind: 'field', part, leaf: i, value, ...(leaf.branch ? { branch: member } : {}) },
        });
      }
    });
  }
  return plans;
}

/** Random plans: valid ones three times in ten, with credentials that reach the logic; the rest mutated. */
export function randomPlans(op: Operation, hints: Hints): fc.Arbitrary<Plan> {
  const fields = fieldsOf(op);
  const valid = base(op, hints, fc.constantFrom<Auth>('write', 'write', 'session', 'read', 'anonymous'));
  const mutated = base(
    op,
    hints,
    fc.constantFrom<Auth>('anonymous', 'write', 'write', 'read', 'session', 'session-no-csrf', 'odd'),
  ).chain((plan) => mutationFor(op, fields).map((mutation) => ({ ...plan, mutation })));
  return fc.oneof({ weight: 3, arbitrary: valid }, { weight: 7, arbitrary: mutated });
}

function mutationFor(op: Operation, fields: Record<Part, Leaf[]>): fc.Arbitrary<Mutation> {
  const parts = PARTS.filter((p) => fields[p].length > 0);
  const options: { weight: number; arbitrary: fc.Arbitrary<Mutation> }[] = [
    {
      weight: 2,
      arbitrary: fc.record({
        kind: fc.constant('extra' as const),
        name: fc.constantFrom('extra', '__proto__', 'constructor', 'id', 'institutionId', 'version', ''),
        value: oddJson,
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant('query' as const),
        pairs: fc.array(
          fc.tuple(
            fc.constantFrom(...op.parameters.map((p) => p.name), 'unknown', 'q', 'limit', 'version'),
            oddText.filter((t) => t.length < 6000),
          ),
          { minLength: 1, maxLength: 4 },
        ),
      }),
    },
  ];
  if (parts.length) {
    const part = fc.constantFrom(...parts);
    options.push(
      {
        weight: 6,
        arbitrary: part.chain((p) =>
          fc.record({
            kind: fc.constant('field' as const),
            part: fc.constant(p),
            leaf: fc.nat({ max: fields[p].length - 1 }),
            value: oddJson,
          }),
        ),
      },
      {
        weight: 3,
        arbitrary: part.chain((p) =>
          fc.record({
            kind: fc.constant('drop' as const),
            part: fc.constant(p),
            leaf: fc.nat({ max: fields[p].length - 1 }),
          }),
        ),
      },
    );
  }
  if (op.body) {
    options.push(
      {
        weight: 3,
        arbitrary: fc.record({ kind: fc.constant('json' as const), raw: fc.constantFrom(...MALFORMED_JSON) }),
      },
      {
        weight: 3,
        arbitrary: fc.record({
          kind: fc.constant('content-type' as const),
          type: fc.constantFrom(...ODD_CONTENT_TYPES),
          asForm: fc.boolean(),
        }),
      },
    );
  }
  if (fields.path.length) {
    options.push({
      weight: 3,
      arbitrary: fc.record({ kind: fc.constant('id' as const), raw: fc.constantFrom(...ODD_IDS) }),
    });
  }
  return fc.oneof(...options);
}

const REMOVE = Symbol('remove');

/** A copy of value with the place at `path` set to `to` (containers made on the way), or removed. */
function setAt(value: unknown, path: (string | number)[], to: unknown): unknown {
  if (path.length === 0) return to;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (
    Array.isArray(value)
      ? [...value]
      : value && typeof value === 'object'
        ? { ...(value as object) }
        : typeof head === 'number'
          ? []
          : {}
  ) as Record<string | number, unknown>;
  if (rest.length === 0 && to === REMOVE) {
    if (Array.isArray(copy)) copy.splice(head as number, 1);
    else delete copy[head];
  } else copy[head] = setAt(copy[head], rest, to);
  return copy;
}

const encode = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));

/** Percent-encoded; an unpaired surrogate (which encodeURIComponent refuses) as U+FFFD, as browsers send it. */
const uriComponent = (text: string) => encodeURIComponent(text.replace(/[\ud800-\udfff]/gu, '\ufffd'));

/** The plan's parts once its mutation of a field (if any) is applied. */
function mutatedParts(op: Operation, plan: Plan): Record<Part, unknown> {
  const parts: Record<Part, unknown> = { body: plan.body, query: plan.query, path: plan.path };
  const m = plan.mutation;
  if (m?.kind !== 'field' && m?.kind !== 'drop') return parts;
  const leaf = fieldsOf(op)[m.part][m.leaf];
  if (!leaf) return parts;
  let target = parts[m.part];
  if (m.kind === 'field' && leaf.branch && m.branch !== undefined)
    target = setAt(target, leaf.branch.path, m.branch);
  parts[m.part] = setAt(target, leaf.path, m.kind === 'drop' ? REMOVE : m.value);
  return parts;
}

/** The request a plan stands for, with the credentials its auth names. */
export function requestOf(op: Operation, plan: Plan, creds: Credentials): FuzzRequest {
  const parts = mutatedParts(op, plan);
  const m = plan.mutation;
  let raw: string | undefined;
  let contentType = 'application/json';
  const extraQuery: [string, string][] = [];
  if (m?.kind === 'extra') {
    const body = parts.body;
    if (op.body && body && typeof body === 'object' && !Array.isArray(body)) {
      raw = JSON.stringify(body).replace(
        /^\{/,
        `{${JSON.stringify(m.name)}:${JSON.stringify(m.value)}${Object.keys(body).length ? ',' : ''}`,
      );
    } else extraQuery.push([m.name || 'x', encode(m.value)]);
  } else if (m?.kind === 'json') raw = m.raw;
  else if (m?.kind === 'content-type') {
    contentType = m.type;
    const body = parts.body;
    if (m.asForm && body && typeof body === 'object') {
      raw = new URLSearchParams(Object.entries(body).map(([k, v]) => [k, encode(v)])).toString();
    }
  } else if (m?.kind === 'query') extraQuery.push(...m.pairs);

  const pathValues = (parts.path ?? {}) as Record<string, unknown>;
  const url = op.path.replace(/\{(\w+)\}/g, (_, name: string) =>
    m?.kind === 'id' ? m.raw : uriComponent(encode(pathValues[name] ?? '')),
  );
  const search = new URLSearchParams();
  const query = parts.query;
  if (query && typeof query === 'object' && !Array.isArray(query)) {
    for (const [k, v] of Object.entries(query)) {
      for (const one of Array.isArray(v) ? v : [v]) if (one !== undefined) search.append(k, encode(one));
    }
  }
  for (const [k, v] of extraQuery) search.append(k, v);
  const qs = search.toString();

  const headers: Record<string, string> = { ...authHeaders(plan, creds) };
  let payload: string | undefined;
  if (op.body || raw !== undefined) {
    payload = raw ?? (parts.body === undefined ? '' : JSON.stringify(parts.body));
    if (payload !== '' || m?.kind === 'json') headers['content-type'] = contentType;
  }
  return {
    source: `${op.method} ${op.path}`,
    method: op.method,
    url: `${url}${qs ? `?${qs}` : ''}`,
    headers,
    ...(payload === undefined ? {} : { body: payload }),
  };
}

function authHeaders(plan: Plan, c: Credentials): Record<string, string> {
  const odd = uriComponent(plan.oddAuth);
  switch (plan.auth) {
    case 'write':
      return { authorization: `Bearer ${c.writeToken}` };
    case 'read':
      return { authorization: `Bearer ${c.readToken}` };
    case 'session':
      return { cookie: c.cookie, 'x-csrf-token': c.csrf };
    case 'session-no-csrf':
      return { cookie: c.cookie };
    case 'odd':
      return {
        authorization: `Bearer ${odd}`,
        cookie: `ponte_session=${odd}; ${c.cookie}=dup`,
        'x-csrf-token': odd,
        accept: 'text/html',
      };
    default:
      return {};
  }
}

/** The version a refused write names as current (409 version_conflict), to send the write again at it. */
export function currentVersionIn(answer: { status: number; body: string }): number | undefined {
  if (answer.status !== 409) return undefined;
  try {
    const details = JSON.parse(answer.body)?.error?.details;
    const v = details?.currentVersion ?? details?.current?.version;
    return typeof v === 'number' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** The same plan at another version (in the body, or the query of a DELETE). */
export function atVersion(plan: Plan, version: number): Plan {
  if (plan.body && typeof plan.body === 'object' && 'version' in plan.body) {
    return { ...plan, body: { ...(plan.body as object), version } };
  }
  return { ...plan, query: { ...plan.query, version } };
}
