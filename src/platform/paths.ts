// Where Ponte's own files are (migrations, the portal's assets, data files), from the project's root: the same
// code runs from src/ (tsx, the tests) and from the bundle in dist/ (`npm start`), whose folders differ.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'migrations'))) return dir;
    if (dirname(dir) === dir)
      throw new Error(`Ponte's folder (with package.json and migrations/) not found above ${from}`);
  }
}

export const PROJECT_ROOT = findRoot(dirname(fileURLToPath(import.meta.url)));

/** A path inside the project, given from its root ("migrations", "src/features/portal/assets"). */
export const projectPath = (...segments: string[]): string => join(PROJECT_ROOT, ...segments);
