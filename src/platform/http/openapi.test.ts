import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestContext } from '../../../test/support.ts';
import { buildApp } from '../../app.ts';
import { OPENAPI_COMMITTED_URL, OPENAPI_FILE, openapiText } from './openapi.ts';
import type { App } from './types.ts';

let ctx: TestContext;
let app: App;

beforeAll(async () => {
  ctx = await createTestDeps();
  app = await buildApp({ deps: ctx, config: { publicUrl: OPENAPI_COMMITTED_URL } });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await ctx?.close();
});

describe('OpenAPI document', () => {
  it('when the routes change, then the committed docs/openapi.json must be regenerated (npm run openapi)', () => {
    expect(openapiText(app)).toBe(readFileSync(OPENAPI_FILE, 'utf8'));
  });

  it('when served, then /api/openapi.json is OpenAPI 3.1 with every read route and error responses', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/agreements',
      '/api/v1/agreements/{id}',
      '/api/v1/institutions',
      '/api/v1/institutions/{slug}',
      '/api/v1/places',
      '/api/v1/counterparts',
      '/api/v1/networks',
    ]) {
      expect(doc.paths[path]?.get, path).toBeDefined();
    }
    expect(doc.paths['/api/v1/agreements'].get.responses['400']).toBeDefined();
    const params = doc.paths['/api/v1/agreements'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(
      expect.arrayContaining([
        'institution',
        'kind',
        'status',
        'continent',
        'country',
        'sector',
        'q',
        'cursor',
      ]),
    );
  });

  it('when a client generator reads the document, then every operation has its own camelCase operationId and says who may call it', () => {
    const doc = app.swagger() as {
      paths: Record<string, Record<string, { operationId?: string; security?: unknown[] }>>;
    };
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ at: `${method} ${path}`, ...op })),
    );
    const ids = operations.map((op) => op.operationId);
    for (const op of operations) {
      expect(op.operationId, op.at).toMatch(/^[a-z][a-zA-Z]+$/);
      // Public operations say so with an empty list; the others name their schemes.
      expect(op.security, op.at).toBeInstanceOf(Array);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('when a person opens /api/docs, then the browsable documentation is served by Ponte itself', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger-ui');
    expect(res.body).not.toMatch(/https?:\/\/(cdn|unpkg)/);
  });
});
