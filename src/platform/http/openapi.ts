// The OpenAPI document as committed in docs/openapi.json: keys sorted so diffs show real changes only.
import type { App } from './types.ts';

export const OPENAPI_FILE = 'docs/openapi.json';
/** The server URL written into the committed document (the running server writes its PUBLIC_URL). */
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

export function openapiText(app: App): string {
  return `${JSON.stringify(sortKeys(app.swagger()), null, 2)}\n`;
}
