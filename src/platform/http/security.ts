// Security headers on every answer, set by helmet (@fastify/helmet) from one policy per area of the site:
//   portal  public pages, assets, open data: no script at all, framable by the site itself (a council may
//           show a page in its own frame), resources readable cross-origin (the open data)
//   admin   the back-office: never framed (clickjacking), nothing shared cross-origin
//   api     JSON: nothing to run or frame
// Answers written without Fastify (the portal's fast path) carry the same headers, computed from the same
// options by `headerList`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmetPlugin from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

export type Area = 'portal' | 'admin' | 'api';

export interface SecurityOptions {
  publicUrl: string;
  /** CSP hashes ('sha256-...') of the inline <style> blocks portal pages carry. */
  portalStyleHashes: readonly string[];
}

export function areaOf(url: string): Area {
  if (url === '/admin' || url.startsWith('/admin/')) return 'admin';
  if (url.startsWith('/api/')) return 'api';
  return 'portal';
}

/** helmet's options for an area. Every directive is spelled out (no defaults merged in) so this is the policy. */
export function helmetOptions(area: Area, opts: SecurityOptions): HelmetOptions {
  const https = new URL(opts.publicUrl).protocol === 'https:';
  const upgrade = https ? { 'upgrade-insecure-requests': [] } : {};
  const page = {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'object-src': ["'none'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    // bootstrap-italia draws some controls with data: SVG images and embeds one icon font as data:.
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    'form-action': ["'self'"],
    ...upgrade,
  };
  const directives =
    area === 'portal'
      ? { ...page, 'style-src': ["'self'", ...opts.portalStyleHashes], 'frame-ancestors': ["'self'"] }
      : area === 'admin'
        ? // The back-office's views still size a few forms with style attributes.
          { ...page, 'style-src': ["'self'", "'unsafe-inline'"], 'frame-ancestors': ["'none'"] }
        : {
            'default-src': ["'none'"],
            'base-uri': ["'none'"],
            'form-action': ["'none'"],
            'frame-ancestors': ["'none'"],
          };
  return {
    contentSecurityPolicy: { useDefaults: false, directives },
    // HSTS only where Ponte is reached over HTTPS; not for subdomains, which may be other services of the
    // council's.
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    referrerPolicy: { policy: area === 'portal' ? 'strict-origin-when-cross-origin' : 'no-referrer' },
    xFrameOptions: { action: area === 'portal' ? 'sameorigin' : 'deny' },
    crossOriginResourcePolicy: { policy: area === 'admin' ? 'same-origin' : 'cross-origin' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    xContentTypeOptions: true,
  } as HelmetOptions;
}

/** The headers helmet sets with these options, as Node's flat list (name, value, ...), for raw answers. */
export function headerList(options: HelmetOptions): string[] {
  const list: string[] = [];
  const response = {
    setHeader: (name: string, value: unknown) => list.push(name.toLowerCase(), String(value)),
    removeHeader: () => {},
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, () => {});
  return list;
}

/**
 * Registers helmet for every route: the portal's policy by default, the admin's and the API's on routes under
 * /admin and /api. Call it before any route is added.
 */
export async function registerSecurityHeaders(app: FastifyInstance, opts: SecurityOptions): Promise<void> {
  const admin = helmetOptions('admin', opts);
  const api = helmetOptions('api', opts);
  // Runs before helmet's own onRoute hook (added next), which reads the route's `helmet` option. (The casts:
  // the plugin's types come from helmet's CommonJS declarations, ours from its ES module ones.)
  app.addHook('onRoute', (route) => {
    if (route.helmet !== undefined) return;
    const area = areaOf(route.url ?? '');
    if (area === 'admin') route.helmet = admin as never;
    else if (area === 'api') route.helmet = api as never;
  });
  await app.register(helmetPlugin, helmetOptions('portal', opts) as never);
}
