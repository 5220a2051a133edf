// The OpenAPI document as committed in docs/openapi.json: keys sorted so diffs show real changes only.
import type { App } from './types.ts';

export const OPENAPI_FILE = 'docs/openapi.json';
/** The PUBLIC_URL of the app built to write the committed document (whose servers are OPENAPI_COMMITTED_SERVERS). */
export const OPENAPI_COMMITTED_URL = 'http://localhost:3000';

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/**
 * The committed document names no host: every instance serves its own at /api/openapi.json with its PUBLIC_URL,
 * and an address of this machine (localhost) would be wrong for anyone reading the file.
 */
const OPENAPI_COMMITTED_SERVERS = [
  { url: '/', description: 'The Ponte instance that serves this document (its PUBLIC_URL)' },
];

export function openapiText(app: App): string {
  const document = { ...app.swagger(), servers: OPENAPI_COMMITTED_SERVERS };
  return `${JSON.stringify(sortKeys(document), null, 2)}\n`;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A tagged union's branches (TaggedUnion in schema-helpers.ts) as named components: a discriminator can select
 * only schemas it can name, so each inline branch with a title moves to `components.schemas` under that title,
 * the union points at it, and the mapping says which value of the tag picks which branch. Validation keeps the
 * inline schemas; only the published document changes.
 */
export function namedUnionBranches<T>(document: T): T {
  // A copy: the route schemas that validation uses must keep their inline branches.
  const doc = structuredClone(document) as Json;
  const components = (isObject(doc['components']) ? doc['components'] : {}) as Json;
  const named = (isObject(components['schemas']) ? components['schemas'] : {}) as Json;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (!isObject(node)) return;
    const discriminator = node['discriminator'];
    if (isObject(discriminator) && Array.isArray(node['oneOf'])) {
      const tag = String(discriminator['propertyName']);
      const mapping: Record<string, string> = {};
      node['oneOf'] = node['oneOf'].map((branch: unknown) => {
        if (!isObject(branch) || typeof branch['title'] !== 'string') return branch;
        const title = branch['title'];
        if (named[title] && JSON.stringify(named[title]) !== JSON.stringify(branch)) {
          throw new Error(`Two different schemas are titled ${title} in the OpenAPI document`);
        }
        named[title] = branch;
        const ref = `#/components/schemas/${title}`;
        const property = (branch['properties'] as Json | undefined)?.[tag];
        const value = isObject(property)
          ? (property['const'] ?? (property['enum'] as unknown[])?.[0])
          : undefined;
        if (typeof value === 'string') mapping[value] = ref;
        return { $ref: ref };
      });
      if (Object.keys(mapping).length > 0) node['discriminator'] = { ...discriminator, mapping };
    }
    for (const value of Object.values(node)) visit(value);
  };
  visit(doc['paths']);
  return { ...doc, components: { ...components, schemas: named } } as T;
}
