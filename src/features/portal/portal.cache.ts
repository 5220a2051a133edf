// Rendered pages, kept until the data they show changes. Each entry belongs to one institution, or to all
// ('*', the platform pages). A change to an institution drops its pages and the platform's.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type CachedBody, writeCached } from '../../platform/http/cached-body.ts';

export const PLATFORM = '*';
/** Pages may be kept by browsers, but must be checked (ETag) before each use: they change with the data. */
export const PAGE_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

export class PageCache {
  private readonly entries = new Map<string, { scope: string; body: CachedBody }>();
  private readonly values = new Map<string, { scope: string; value: unknown }>();
  /** Pages by the exact address (path and query) that produced them through the full route. */
  private readonly addresses = new Map<string, { scope: string; body: CachedBody }>();

  /**
   * @param headers headers every page answer carries besides its own (the security headers), as Node's flat
   * list; the fast path writes them itself since it bypasses Fastify's hooks.
   */
  constructor(
    private readonly maxEntries = 5000,
    private readonly headers: readonly string[] = [],
  ) {}

  get(key: string): CachedBody | undefined {
    return this.entries.get(key)?.body;
  }

  set(key: string, scope: string, body: CachedBody): void {
    // Filter combinations are bounded, but a flood of them must not grow memory without end.
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { scope, body });
  }

  /**
   * Remembers that a GET of this exact address answered this page, so that the next GET of it can be served
   * by `serveAddress` before Fastify routes it. Only addresses that went through the whole route (institution
   * found, filters read, page built) get here, and they are dropped with the page when its data changes.
   */
  rememberAddress(address: string, scope: string, body: CachedBody): void {
    if (this.addresses.size >= this.maxEntries) this.addresses.clear();
    this.addresses.set(address, { scope, body });
  }

  /**
   * The fast path: answers a GET of a remembered address straight on Node's response (ETag, 304, gzip or
   * Brotli exactly as the route would) and returns true; false leaves the request to Fastify. It skips the
   * router, hooks and per-request logger, which cost more than the page itself (bench:portal).
   */
  serveAddress(request: IncomingMessage, response: ServerResponse): boolean {
    if (request.method !== 'GET' || !request.url) return false;
    const hit = this.addresses.get(request.url);
    if (!hit) return false;
    writeCached(request, response, hit.body, PAGE_CACHE_CONTROL, this.headers);
    return true;
  }

  /**
   * The read model a page is built from, loaded once and kept under the same rule as the pages: every request
   * needs it to find its page's key, so without this a cached page would still cost its database reads.
   */
  async remember<T>(key: string, load: () => Promise<T>, scopeOf: (value: T) => string): Promise<T> {
    const hit = this.values.get(key);
    if (hit) return hit.value as T;
    // Loads are not deduplicated: two concurrent misses read twice, which is harmless.
    const value = await load();
    if (this.values.size >= this.maxEntries) this.values.clear();
    this.values.set(key, { scope: scopeOf(value), value });
    return value;
  }

  /** Drops the pages of an institution (by id or slug) and the platform's; '*' drops everything. */
  invalidate(scope: string): void {
    if (scope === PLATFORM) {
      this.entries.clear();
      this.values.clear();
      this.addresses.clear();
      return;
    }
    for (const map of [this.entries, this.values, this.addresses] as Map<string, { scope: string }>[]) {
      for (const [key, entry] of map) {
        if (entry.scope === scope || entry.scope === PLATFORM) map.delete(key);
      }
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
