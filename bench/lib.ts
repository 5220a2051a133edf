// Benchmark helpers: a seeded random generator, timing, percentiles, sampling through the app in-process and a
// plain-text table. No runtime dependencies (the app's types only).
import type { Services } from '../src/deps.ts';

// ---- Deterministic randomness ----

/** A small, fast seeded PRNG (mulberry32): the same seed gives the same data set on every machine. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks by weight from a small table of [value, weight] pairs. */
  weighted<T>(table: readonly (readonly [T, number])[]): T {
    const total = table.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, w] of table) {
      r -= w;
      if (r < 0) return value;
    }
    return table[table.length - 1]![0];
  }

  /** Fisher-Yates, in place; returns the array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [items[i], items[j]] = [items[j]!, items[i]!];
    }
    return items;
  }

  /** A version-4-shaped UUID drawn from this generator (not crypto-random: for test data only). */
  uuid(): string {
    const hex = (n: number) =>
      Math.floor(this.next() * 16 ** n)
        .toString(16)
        .padStart(n, '0');
    const variant = (8 + this.int(0, 3)).toString(16);
    return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(6)}${hex(6)}`;
  }
}

/** Draws from a large weighted population in O(log n) per draw (cumulative weights + binary search). */
export class WeightedSampler<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weightOf: (item: T) => number,
  ) {
    let sum = 0;
    for (const item of items) {
      sum += Math.max(weightOf(item), 0);
      this.cumulative.push(sum);
    }
    if (sum <= 0) throw new Error('WeightedSampler needs a positive total weight');
    this.total = sum;
  }

  draw(rng: Rng): T {
    const r = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

// ---- Timing and statistics ----

/** Runs fn and returns its result with the elapsed wall time in milliseconds. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** The p-th percentile (0-100) of the samples, by linear interpolation between closest ranks. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  return {
    n: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: samples.length ? Math.max(...samples) : Number.NaN,
  };
}

/** Runs fn `warmup` times untimed, then `n` times timed: the summary of the timed runs. */
export async function sample(n: number, fn: () => Promise<unknown>, warmup = 10): Promise<Summary> {
  for (let i = 0; i < warmup; i++) await fn();
  const ms: number[] = [];
  for (let i = 0; i < n; i++) ms.push((await timed(fn)).ms);
  return summarize(ms);
}

// ---- The app in-process ----

interface Injectable {
  inject(request: {
    method: 'GET';
    url: string;
    headers: Record<string, string>;
  }): Promise<{ statusCode: number; body: string; headers: Record<string, unknown> }>;
}

/** A GET through app.inject (no socket) that throws unless the answer is 200. */
export function getter(app: Injectable) {
  return async (url: string, headers: Record<string, string> = {}) => {
    const res = await app.inject({ method: 'GET', url, headers });
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    return res;
  };
}

/** The session cookie of a new user of the institution with the role, signed in with a password first. */
export async function signedIn(
  accounts: Services['accounts'],
  user: { email: string; institution: string; role: 'viewer' | 'editor' | 'admin' },
): Promise<string> {
  const made = await accounts.createUser(user);
  await accounts.authenticate(made.user.email, made.password!, '127.0.0.1');
  const { token } = await accounts.createSession(made.user.id, { method: 'password', address: '127.0.0.1' });
  return `ponte_session=${token}`;
}

/**
 * Announces a change of the institution's data (id, slug or '*'), as every committed write does, and waits for
 * it to reach the listening connection, which empties the page and API caches asynchronously.
 */
export async function announceChange(
  query: (text: string, params?: unknown[]) => Promise<unknown>,
  scope: string,
): Promise<void> {
  await query("select pg_notify('ponte_changes', $1)", [scope]);
  await new Promise((resolve) => setTimeout(resolve, 20));
}

// ---- Formatting ----

export const fmtMs = (ms: number) =>
  Number.isNaN(ms)
    ? '-'
    : ms < 10
      ? `${ms.toFixed(2)} ms`
      : ms < 1000
        ? `${ms.toFixed(1)} ms`
        : `${Math.round(ms)} ms`;
export const fmtS = (s: number) => (Number.isNaN(s) ? '-' : `${s.toFixed(2)} s`);
export const fmtInt = (n: number) => n.toLocaleString('en-US');

/** "12.3 ms ✓" when the value meets its upper bound, "✗" when not. */
export const against = (value: number, limit: number, format: (v: number) => string) =>
  Number.isNaN(value) ? 'n/a' : `${format(value)} ${value <= limit ? '✓' : '✗'}`;

/** Prints rows under a header as an aligned plain-text table; a null row prints a separator line. */
export function printTable(header: string[], rows: (string[] | null)[]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r ? (r[i] ?? '').length : 0))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  console.log(line(header));
  console.log(rule);
  for (const r of rows) console.log(r ? line(r) : rule);
}
