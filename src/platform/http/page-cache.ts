// Answers kept until the data they show changes: the portal's rendered pages, and (a second instance) the
// public API's anonymous GET answers. Each entry belongs to one institution, or to all ('*', the platform's
// pages and the API's answers). A change to an institution drops its entries and the platform's.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { type CachedBody, writeCached } from './cached-body.ts';

export const PLATFORM = '*';
/** Answers may be kept by browsers, but must be checked (ETag) before each use: they change with the data. */
export const PAGE_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

export interface PageCacheOptions {
  /** Entries per map before it is emptied: filter combinations are bounded, a flood of them is not. */
  maxEntries?: number;
  /**
   * Headers every answer carries besides its own (the area's security headers), as Node's flat list; the fast
   * path writes them itself since it bypasses Fastify's hooks.
   */
  headers?: readonly string[];
  /**
   * Requests the cache must neither answer nor learn from: for the API, those that carry credentials, whose
   * answers may one day hold more than the public ones.
   */
  bypass?: (headers: IncomingHttpHeaders) => boolean;
}

export class PageCache {
  private readonly entries = new Map<string, { scope: string; body: CachedBody }>();
  private readonly values = new Map<string, { scope: string; value: unknown }>();
  /** Answers by the exact address (path and query) that produced them through the full route. */
  private readonly addresses = new Map<string, { scope: string; body: CachedBody }>();
  private readonly maxEntries: number;
  private readonly headers: readonly string[];
  private readonly bypass: ((headers: IncomingHttpHeaders) => boolean) | undefined;
  private invalidations = 0;

  constructor(options: PageCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 5000;
    this.headers = options.headers ?? [];
    this.bypass = options.bypass;
  }

  /**
   * Counts invalidations. Read it before reading the data an answer is built from and pass it to `set` and
   * `rememberAddress`: if a change was heard in between, the answer may show the old data and is not kept
   * (otherwise it would outlive the notification that should have dropped it).
   */
  get epoch(): number {
    return this.invalidations;
  }

  /** Whether this request must not be answered from, nor stored in, this cache. */
  bypasses(headers: IncomingHttpHeaders): boolean {
    return this.bypass?.(headers) ?? false;
  }

  get(key: string): CachedBody | undefined {
    return this.entries.get(key)?.body;
  }

  set(key: string, scope: string, body: CachedBody, readAt = this.invalidations): void {
    if (readAt !== this.invalidations) return;
    // Filter combinations are bounded, but a flood of them must not grow memory without end.
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { scope, body });
  }

  /**
   * Remembers that a GET of this exact address answered this body, so that the next GET of it can be served
   * by `serveAddress` before Fastify routes it. Only addresses that went through the whole route (institution
   * found, filters read, answer built) get here, and they are dropped with the body when its data changes.
   */
  rememberAddress(address: string, scope: string, body: CachedBody, readAt = this.invalidations): void {
    if (readAt !== this.invalidations) return;
    if (this.addresses.size >= this.maxEntries) this.addresses.clear();
    this.addresses.set(address, { scope, body });
  }

  /**
   * The fast path: answers a GET of a remembered address straight on Node's response (ETag, 304, gzip or
   * Brotli exactly as the route would) and returns true; false leaves the request to Fastify. It skips the
   * router, hooks and per-request logger, which cost more than the answer itself (bench:portal).
   */
  serveAddress(request: IncomingMessage, response: ServerResponse): boolean {
    if (request.method !== 'GET' || !request.url) return false;
    const hit = this.addresses.get(request.url);
    if (!hit || this.bypasses(request.headers)) return false;
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
    const readAt = this.invalidations;
    const value = await load();
    if (readAt !== this.invalidations) return value;
    if (this.values.size >= this.maxEntries) this.values.clear();
    this.values.set(key, { scope: scopeOf(value), value });
    return value;
  }

  /** Drops the entries of an institution (by id or slug) and the platform's; '*' drops everything. */
  invalidate(scope: string): void {
    this.invalidations++;
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
