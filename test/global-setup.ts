import type { TestProject } from 'vitest/node';
import { buildPgliteTemplate, buildPostgresTemplate } from './template.ts';

export default async function setup(project: TestProject): Promise<void> {
  const url = process.env['TEST_DATABASE_URL'];
  if (url) {
    await buildPostgresTemplate(url);
    project.provide('testDb', { engine: 'postgres', url });
  } else {
    project.provide('testDb', { engine: 'pglite', template: await buildPgliteTemplate() });
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: { engine: 'postgres'; url: string } | { engine: 'pglite'; template: string };
  }
}
