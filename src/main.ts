// Server entry. The embedded database starts in its own thread first, and the app loads meanwhile: PostgreSQL's
// start (about a second of WebAssembly) and the loading of some thousand modules then share the machine's two
// cores instead of following each other (decision 0011). Hence the few, light imports here, and the rest of the
// server (server.ts) imported only once the database is on its way.
import { databaseOptions, loadConfig } from './config.ts';
import { raiseWasmTieringBudget, startEmbedded } from './platform/db/embedded.ts';
import { hasCluster } from './platform/db/template.ts';

const started = performance.now();
const config = loadConfig();
const options = databaseOptions(config);
// Before the template is copied into a new folder: server.ts decides from it whether the gazetteer is needed.
const newFolder = Boolean(!options.databaseUrl && options.dataDir && !hasCluster(options.dataDir));
if (!options.databaseUrl) raiseWasmTieringBudget();
const embedded = options.databaseUrl ? undefined : startEmbedded(options);
const { serve } = await import('./server.ts');
await serve({ config, database: { ...options, embedded }, newFolder, started });
