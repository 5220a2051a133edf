import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestDeps, TEST_PUBLIC_URL, type TestContext } from '../../../test/support.ts';
import { buildApp } from '../../app.ts';
import type { App } from './types.ts';

// Routes compile their schemas at their first request (lazy-schemas.ts): these tests hold that to what
// Fastify's own compile-everything-at-start gives.
describe('route schemas compiled on first use', () => {
  let deps: TestContext;
  let app: App;
  beforeAll(async () => {
    deps = await createTestDeps();
    app = await createTestApp(deps);
  });
  afterAll(async () => {
    await app?.close();
    await deps?.close();
  });

  it('when every route compiles its schemas at start, then none fails', async () => {
    const eager = await buildApp({
      deps,
      config: { publicUrl: TEST_PUBLIC_URL },
      compileSchemasAtStart: true,
    });
    await expect(eager.ready()).resolves.toBeDefined();
    await eager.close();
  });

  it('when a request breaks a schema, then the answer names the field, as before; coercion still reaches the value', async () => {
    const bad = await app.inject({ method: 'GET', url: '/api/v1/agreements?limit=0' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('limit');
    // The same route compiled once: a second bad request gets the same answer.
    const again = await app.inject({ method: 'GET', url: '/api/v1/agreements?limit=0' });
    expect(again.body).toBe(bad.body);
    // "2" in the query string arrives as the number 2, so the page holds at most 2 items.
    const ok = await app.inject({ method: 'GET', url: '/api/v1/agreements?limit=2' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().items.length).toBeLessThanOrEqual(2);
  });
});
