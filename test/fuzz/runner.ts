// Sends generated requests in-process and keeps what a failure needs: every 5xx with the whole request
// (method, address, headers, body), so that it can be read, replayed with the seed, or copied into a test.
import type { App } from '../../src/platform/http/types.ts';

export interface FuzzRequest {
  /** What generated it: an operation of the OpenAPI document, or a form and its action. */
  source: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  /** Set by the fuzzer: the client's address (see Fuzzer.send). */
  remoteAddress?: string;
}

export interface Answer {
  status: number;
  body: string;
  headers: Record<string, unknown>;
}

interface Failure {
  n: number;
  request: FuzzRequest;
  status: number;
  body: string;
}

/** At most this much of a body is printed: enough to read it, not a screen of 100,000 "y". */
const SHOWN = 1500;

const shown = (text: string) =>
  text.length <= SHOWN
    ? JSON.stringify(text)
    : `${JSON.stringify(text.slice(0, SHOWN))}… (${text.length} characters in all)`;

/** A request as a person reads it; control characters and unicode escaped, long bodies cut with their length. */
export function describeRequest(r: FuzzRequest): string {
  const body =
    r.body === undefined
      ? '(no body)'
      : Buffer.isBuffer(r.body)
        ? `(bytes) ${shown(r.body.toString('latin1'))}`
        : shown(r.body);
  return [
    `${r.method} ${shown(r.url)}${r.remoteAddress ? ` from ${r.remoteAddress}` : ''}`,
    ...Object.entries(r.headers).map(([k, v]) => `  ${k}: ${shown(v)}`),
    `  body: ${body}`,
  ].join('\n');
}

export class Fuzzer {
  sent = 0;
  /** Requests the HTTP client itself would not send (a header it refuses): not the server's doing. */
  unsendable = 0;
  readonly byStatus = new Map<number, number>();
  readonly failures: Failure[] = [];
  /** Milliseconds spent per source, to see where a run's time goes. */
  readonly time = new Map<string, number>();
  /** Answers by status per source, to see which requests reach past validation (FUZZ_VERBOSE=1 prints it). */
  readonly bySource = new Map<string, Map<number, number>>();

  constructor(
    private readonly app: App,
    readonly seed: number,
  ) {}

  async send(sent: FuzzRequest): Promise<Answer | undefined> {
    // Each request from another address of a documentation range (in-process: nothing leaves the machine), so
    // that the limits per address (sign-in, page feedback) leave the logic behind them reachable.
    const request = { ...sent, remoteAddress: `198.51.100.${(this.sent % 254) + 1}` };
    let res: Awaited<ReturnType<App['inject']>>;
    const started = performance.now();
    try {
      res = await this.app.inject({
        method: request.method,
        url: request.url,
        remoteAddress: request.remoteAddress,
        headers: request.headers,
        ...(request.body === undefined ? {} : { payload: request.body }),
      });
    } catch (err) {
      // light-my-request refuses some headers (invalid characters) before the server sees anything.
      if (err instanceof TypeError || (err as { code?: string }).code?.startsWith('ERR_')) {
        this.unsendable += 1;
        return undefined;
      }
      throw err;
    }
    this.sent += 1;
    this.time.set(request.source, (this.time.get(request.source) ?? 0) + performance.now() - started);
    this.byStatus.set(res.statusCode, (this.byStatus.get(res.statusCode) ?? 0) + 1);
    const mine = this.bySource.get(request.source) ?? new Map<number, number>();
    mine.set(res.statusCode, (mine.get(res.statusCode) ?? 0) + 1);
    this.bySource.set(request.source, mine);
    if (res.statusCode >= 500) {
      this.failures.push({ n: this.sent, request, status: res.statusCode, body: res.body });
    }
    return { status: res.statusCode, body: res.body, headers: res.headers };
  }

  /** The answers by status, and every 5xx in full (the first twenty). */
  report(title: string, seconds: number, verbose = false): string {
    const counts = (m: Map<number, number>) =>
      [...m.entries()]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ');
    const statuses = counts(this.byStatus);
    const lines = [
      `${title}: ${this.sent} requests in ${seconds.toFixed(1)} s, seed ${this.seed} (replay: FUZZ_SEED=${this.seed})`,
      `  answers: ${statuses}${this.unsendable ? `; ${this.unsendable} not sendable` : ''}`,
      `  slowest: ${[...this.time.entries()]
        .sort(([, a], [, b]) => b - a)
        .slice(0, 5)
        .map(([source, ms]) => `${source} ${(ms / 1000).toFixed(1)} s`)
        .join('; ')}`,
    ];
    if (verbose) {
      for (const [source, m] of [...this.bySource.entries()].sort())
        lines.push(`    ${source}: ${counts(m)}`);
    }
    for (const f of this.failures.slice(0, 20)) {
      lines.push(
        `\n#${f.n} from ${f.request.source} answered ${f.status}:`,
        describeRequest(f.request),
        `  answer: ${shown(f.body)}`,
      );
    }
    if (this.failures.length > 20) lines.push(`… and ${this.failures.length - 20} more 5xx`);
    return lines.join('\n');
  }
}

/** A seed of its own for each part of a run (an operation, a form), so that adding one shifts no other. */
export function seedOf(seed: number, key: string): number {
  let h = seed | 0;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x5bd1e995) ^ (h >>> 15);
  return h >>> 0;
}
