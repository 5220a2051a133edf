// Worker threads of Ponte's own modules. From the sources (tsx, the tests) a worker runs the .ts file through
// tsx's loader, registered in the worker's own thread: under Node 20 a worker inherits neither
// `node --import tsx` nor the test runner's transform. From the bundle (`npm start`) it runs the .js file that
// scripts/start.mjs builds beside the bundle's entry under the same name.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

const require = createRequire(import.meta.url);

/**
 * A worker thread running the module `name` (without its extension) that lies beside `from`, the caller's
 * import.meta.url. Each such module is also an entry point in scripts/start.mjs.
 */
export function startWorker(from: string, name: string, options: WorkerOptions = {}): Worker {
  const fromSources = from.endsWith('.ts');
  const file = new URL(`./${name}.${fromSources ? 'ts' : 'js'}`, from);
  return fromSources ? new Worker(tsxBootstrap(file), { ...options, eval: true }) : new Worker(file, options);
}

/** A worker's script that registers tsx's loader (its ES module build: the CommonJS one cannot find itself). */
function tsxBootstrap(file: URL): string {
  const api = pathToFileURL(require.resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  return `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(file.href)}); });`;
}
