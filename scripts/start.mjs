// `npm start`: runs the server from a bundle (dist/server/), made with esbuild from src/main.ts whenever a source
// is newer than the bundle. Node loads the bundle in about half the time tsx takes to compile and resolve some
// 250 TypeScript modules, and the dependencies bundled with it in 0.3 to 0.4 s less than a thousand files of
// node_modules (decisions 0010, 0011). Plain JavaScript, so that nothing needs compiling before it runs; the
// tests, the CLI and the scripts keep running the sources.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist/server');
const ENTRY = join(OUT, 'main.js');
const INPUTS = join(OUT, 'inputs.json');

/**
 * The bundle is current when it exists and none of Ponte's files it was made from changed since, nor how it is
 * built (this file, tsconfig.json), nor the installed dependencies (npm rewrites
 * node_modules/.package-lock.json at every install): a start checks some 200 files instead of 1,100.
 */
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
    // The server, and the worker threads it starts (beside it, by name: see platform/worker.ts).
    entryPoints: [
      'src/main.ts',
      'src/features/places/gazetteer.worker.ts',
      'src/platform/db/pglite.worker.ts',
    ],
    entryNames: '[name]',
    outdir: OUT,
    bundle: true,
    // Dependencies are bundled too, except those that read files of their own beside their code (PGlite's
    // WebAssembly and extensions, the API renderer's static files, pino's transport threads) and pg's optional
    // native binding, which is not installed; and PDFKit, which reads its standard fonts' metrics from its folder.
    external: ['@electric-sql/pglite', '@fastify/swagger-ui', 'pino', 'pg-native', 'pdfkit'],
    // CommonJS dependencies inside an ES module: their require() of Node's modules needs a require.
    banner: {
      js: "import { createRequire as __ponteRequire } from 'node:module'; const require = __ponteRequire(import.meta.url);",
    },
    platform: 'node',
    format: 'esm',
    target: 'node20',
    splitting: true,
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  const own = Object.keys(result.metafile.inputs).filter((file) => !file.startsWith('node_modules/'));
  const howBuilt = ['scripts/start.mjs', 'tsconfig.json', 'package.json', 'node_modules/.package-lock.json'];
  writeFileSync(INPUTS, JSON.stringify([...own, ...howBuilt]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // Node 22.1 and later keep the compiled code of every module between starts (Node 20 has no such cache).
  module.enableCompileCache?.(join(ROOT, 'node_modules/.cache/ponte/compile'));
  if (!current()) await bundle();
  await import(pathToFileURL(ENTRY).href);
}
