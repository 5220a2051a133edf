// Rendered pages, kept until the data they show changes. Each entry belongs to one institution, or to all
// ('*', the platform pages). A change to an institution drops its pages and the platform's.
import type { CachedBody } from '../../platform/http/cached-body.ts';

export const PLATFORM = '*';

export class PageCache {
  private readonly entries = new Map<string, { scope: string; body: CachedBody }>();

  constructor(private readonly maxEntries = 5000) {}

  get(key: string): CachedBody | undefined {
    return this.entries.get(key)?.body;
  }

  set(key: string, scope: string, body: CachedBody): void {
    // Filter combinations are bounded, but a flood of them must not grow memory without end.
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { scope, body });
  }

  /** Drops the pages of an institution (by id or slug) and the platform's; '*' drops everything. */
  invalidate(scope: string): void {
    if (scope === PLATFORM) {
      this.entries.clear();
      return;
    }
    for (const [key, entry] of this.entries) {
      if (entry.scope === scope || entry.scope === PLATFORM) this.entries.delete(key);
    }
  }

  get size(): number {
    return this.entries.size;
  }
}
