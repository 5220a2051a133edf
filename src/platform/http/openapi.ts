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
