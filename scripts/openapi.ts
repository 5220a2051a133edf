// Writes docs/openapi.json from the routes' schemas. Run after changing an API route: `npm run openapi`.
// A test fails when the committed document and the routes disagree.
import { writeFileSync } from 'node:fs';
import { buildApp } from '../src/app.ts';
import { createDeps } from '../src/deps.ts';
import { OPENAPI_COMMITTED_URL, OPENAPI_FILE, openapiText } from '../src/platform/http/openapi.ts';

// An in-memory database: routes need services to register, nothing is queried.
const deps = await createDeps({});
const app = await buildApp({ deps, config: { publicUrl: OPENAPI_COMMITTED_URL } });
await app.ready();
writeFileSync(OPENAPI_FILE, openapiText(app));
await app.close();
await deps.close();
process.stdout.write(`Wrote ${OPENAPI_FILE}\n`);
