// `npm start`: runs the server from one bundled file (dist/server/), made with esbuild from src/main.ts whenever
// a source is newer than the bundle. Node loads the bundle in about half the time tsx takes to compile and
// resolve some 250 TypeScript modules, which was most of a later start (decision 0010). Plain JavaScript, so
// that nothing needs compiling before it runs; the tests, the CLI and the scripts keep running the sources.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist/server');
const ENTRY = join(OUT, 'main.js');
const INPUTS = join(OUT, 'inputs.json');

/** The bundle is current when it exists and no file it was made from changed since. */
function current() {
  try {
    const built = statSync(ENTRY).mtimeMs;
    const inputs = JSON.parse(readFileSync(INPUTS, 'utf8'));
    return inputs.every((file) => statSync(join(ROOT, file)).mtimeMs <= built);
  } catch {
    return false; // no bundle yet, or a source was moved or deleted
  }
}

export async function bundle() {
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: ROOT,
    // The server, and the worker thread it may start (beside it, by name: see gazetteerRowsInWorker).
    entryPoints: ['src/main.ts', 'src/features/places/gazetteer.worker.ts'],
    entryNames: '[name]',
    outdir: OUT,
    bundle: true,
    // Dependencies stay in node_modules, loaded as they are: only Ponte's own code is bundled.
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    splitting: true,
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  writeFileSync(INPUTS, JSON.stringify(Object.keys(result.metafile.inputs)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // Node 22.1 and later keep the compiled code of every module between starts (Node 20 has no such cache).
  module.enableCompileCache?.(join(ROOT, 'node_modules/.cache/ponte/compile'));
  if (!current()) await bundle();
  await import(pathToFileURL(ENTRY).href);
}
