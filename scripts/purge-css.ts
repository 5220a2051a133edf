// Rewrites the reduced bootstrap-italia stylesheet after views change their classes: `npm run css`.
import { writeFileSync } from 'node:fs';
import { PURGED_CSS_FILE, purgedCss } from '../src/platform/http/purge-css.ts';

writeFileSync(PURGED_CSS_FILE, await purgedCss());
process.stdout.write(`Wrote ${PURGED_CSS_FILE}\n`);
