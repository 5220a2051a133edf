// Rendered pages, kept until the data they show changes. Each entry belongs to one institution, or to all
// ('*', the platform pages). A change to an institution drops its pages and the platform's.
import type { CachedBody } from '../../platform/http/cached-body.ts';

export const PLATFORM = '*';

export class PageCache {
  private readonly entries = new Map<string, { scope: string; body: CachedBody }>();
  private readonly values = new Map<string, { scope: string; value: unknown }>();

  constructor(private readonly maxEntries = 5000) {}

  get(key: string): CachedBody | undefined {
    return this.entries.get(key)?.body;
  }

  set(key: string, scope: string, body: CachedBody): void {
    // Filter combinations are bounded, but a flood of them must not grow memory without end.
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { scope, body });
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
      return;
    }
    for (const map of [this.entries, this.values] as Map<string, { scope: string }>[]) {
      for (const [key, entry] of map) {
        if (entry.scope === scope || entry.scope === PLATFORM) map.delete(key);
      }
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
