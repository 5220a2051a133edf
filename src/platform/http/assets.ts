// Static assets served by Ponte itself (no CDN): bootstrap-italia's CSS and fonts, the portal's own CSS and
// JavaScript. Each bundle's URL carries a hash of its content, so browsers may keep it for a year.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { projectPath } from '../paths.ts';
import { type CachedBody, cachedBody, sendCached } from './cached-body.ts';

const require = createRequire(import.meta.url);
const PORTAL_ASSETS = projectPath('src/features/portal/assets');
/** bootstrap-italia reduced to the classes the views use (`npm run css` writes it; purge-css.ts says how). */
export const PURGED_CSS_FILE = join(PORTAL_ASSETS, 'bootstrap-italia.purged.css');

interface Bundle {
  /** Folder the files are read from. */
  root: string;
  /** Files served from elsewhere under a name in the bundle (so relative URLs in them still resolve). */
  files?: Record<string, string>;
  /** Sub-folders that may be served (nothing else under root is). */
  allow: string[];
  /** Files whose content makes the bundle's hash. */
  hashOf: string[];
}

const BUNDLES: Record<string, Bundle> = {
  bi: {
    root: join(dirname(require.resolve('bootstrap-italia/package.json')), 'dist'),
    // The reduced stylesheet sits beside the full one, so its ../fonts/ URLs reach bootstrap-italia's fonts.
    files: { [join('css', 'bootstrap-italia.purged.css')]: PURGED_CSS_FILE },
    allow: ['css', 'fonts'],
    hashOf: ['css/bootstrap-italia.min.css', join('css', 'bootstrap-italia.purged.css')],
  },
  htmx: {
    root: join(dirname(require.resolve('htmx.org/package.json')), 'dist'),
    allow: [''],
    hashOf: ['htmx.min.js'],
  },
  ponte: {
    root: PORTAL_ASSETS,
    allow: [''],
    hashOf: ['portal.css', 'admin-menu.js'],
  },
};

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};
const YEAR = 'public, max-age=31536000, immutable';

const hashes = new Map<string, string>();
function bundleHash(name: string): string {
  let h = hashes.get(name);
  if (!h) {
    const bundle = BUNDLES[name]!;
    const hash = createHash('sha256');
    for (const f of bundle.hashOf) hash.update(readFileSync(bundle.files?.[f] ?? join(bundle.root, f)));
    h = hash.digest('hex').slice(0, 10);
    hashes.set(name, h);
  }
  return h;
}

/** The URL of a file of a bundle, e.g. assetUrl('bi', 'css/bootstrap-italia.min.css'). */
export function assetUrl(bundle: keyof typeof BUNDLES, file: string): string {
  return `/assets/${bundle}-${bundleHash(bundle)}/${file}`;
}

export function registerAssets(app: FastifyInstance): void {
  const cache = new Map<string, CachedBody>();
  app.get<{ Params: { bundle: string; '*': string } }>(
    '/assets/:bundle/*',
    { schema: { hide: true } },
    async (request, reply) => {
      const [name, hash] = request.params.bundle.split(/-(?=[0-9a-f]{10}$)/);
      const bundle = name ? BUNDLES[name] : undefined;
      const file = normalize(request.params['*']);
      const type = TYPES[extname(file)];
      const allowed =
        bundle &&
        type &&
        !file.startsWith('..') &&
        bundle.allow.some((d) => d === '' || file.startsWith(d + sep));
      const path = bundle ? (bundle.files?.[file] ?? join(bundle.root, file)) : '';
      if (!allowed || hash !== bundleHash(name!) || !existsSync(path)) {
        return reply.status(404).type('text/plain').send('Not found');
      }
      let body = cache.get(path);
      if (!body) {
        body = cachedBody(readFileSync(path), type, 11);
        cache.set(path, body);
      }
      return sendCached(request, reply, body, YEAR);
    },
  );
}
