// `npm install` and `npm ci` run this (package.json's "prepare"): the work of a first start that does not depend
// on any institution's data. It makes the database template (src/platform/db/template.ts: the cluster, the
// migrations, the gazetteer) and bundles the server (scripts/start.mjs). Either may fail without failing the
// install: a start then does the work itself.
import { makeDatabaseTemplate } from '../src/prepare.ts';
// @ts-expect-error: a plain JavaScript module without declarations
import { bundle } from './start.mjs';

for (const [what, step] of [
  ['the database template', () => makeDatabaseTemplate()],
  ['the server bundle', () => bundle()],
] as const) {
  const started = performance.now();
  try {
    await step();
    console.log(`ponte: made ${what} in ${Math.round(performance.now() - started)} ms`);
  } catch (err) {
    console.warn(`ponte: could not make ${what} (a start will do it instead): ${(err as Error).message}`);
  }
}
