// A response body that is computed once and served many times: its ETag, and its brotli and gzip forms made
// on first demand and kept. Used by the page cache and the static assets.
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface CachedBody {
  etag: string;
  contentType: string;
  raw: Buffer;
  /** Brotli quality: 11 for assets compressed once, lower for pages rebuilt after each change. */
  quality: number;
  br?: Buffer;
  gzip?: Buffer;
  /** The fast path's response headers per encoding ('' for none), built once. */
  written?: Map<string, string[]>;
}

export function cachedBody(content: string | Buffer, contentType: string, quality = 5): CachedBody {
  const raw = typeof content === 'string' ? Buffer.from(content) : content;
  const etag = `"${createHash('sha256').update(raw).digest('base64url').slice(0, 22)}"`;
  return { etag, contentType, raw, quality };
}

function encodingFor(acceptEncoding: string | undefined): 'br' | 'gzip' | undefined {
  const accept = acceptEncoding ?? '';
  if (/\bbr\b/.test(accept)) return 'br';
  if (/\bgzip\b/.test(accept)) return 'gzip';
  return undefined;
}

/** What to answer for a cached body, given the request's headers: status, headers and payload. */
export function answerFor(
  requestHeaders: IncomingHttpHeaders,
  body: CachedBody,
  cacheControl: string,
  status = 200,
): { status: number; headers: Record<string, string>; payload: Buffer | undefined } {
  const headers: Record<string, string> = {
    etag: body.etag,
    'cache-control': cacheControl,
    vary: 'accept-encoding',
  };
  const match = requestHeaders['if-none-match'];
  if (status === 200 && match && match.split(',').some((t) => t.trim() === body.etag)) {
    return { status: 304, headers, payload: undefined };
  }
  headers['content-type'] = body.contentType;
  // Tiny bodies are not worth compressing.
  const encoding = body.raw.length > 512 ? encodingFor(requestHeaders['accept-encoding']) : undefined;
  if (encoding === 'br') {
    body.br ??= brotliCompressSync(body.raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: body.quality,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.raw.length,
      },
    });
    return { status, headers: { ...headers, 'content-encoding': 'br' }, payload: body.br };
  }
  if (encoding === 'gzip') {
    body.gzip ??= gzipSync(body.raw, { level: 9 });
    return { status, headers: { ...headers, 'content-encoding': 'gzip' }, payload: body.gzip };
  }
  return { status, headers, payload: body.raw };
}

/** Sends a cached body through Fastify: 304 when the client has it, else the best encoding it accepts. */
export function sendCached(
  request: FastifyRequest,
  reply: FastifyReply,
  body: CachedBody,
  cacheControl: string,
  status = 200,
): FastifyReply {
  const answer = answerFor(request.headers, body, cacheControl, status);
  reply.status(answer.status).headers(answer.headers);
  return answer.payload ? reply.send(answer.payload) : reply.send();
}

/**
 * The same answer written straight to Node's response, for the portal's fast path (see PageCache). It runs for
 * every hit, so a 200 reuses the headers built for that encoding the first time, kept with the body.
 */
export function writeCached(
  request: IncomingMessage,
  response: ServerResponse,
  body: CachedBody,
  cacheControl: string,
  /** Headers of every answer (name, value, ...), such as the security headers. */
  extra: readonly string[] = [],
): void {
  if (request.headers['if-none-match'] === undefined) {
    const encoding = body.raw.length > 512 ? encodingFor(request.headers['accept-encoding']) : undefined;
    const ready = body.written?.get(encoding ?? '');
    const payload = encoding === 'br' ? body.br : encoding === 'gzip' ? body.gzip : body.raw;
    if (ready && payload) {
      response.writeHead(200, ready);
      response.end(payload);
      return;
    }
  }
  const answer = answerFor(request.headers, body, cacheControl);
  if (answer.status !== 200 || !answer.payload) {
    response.writeHead(answer.status, [...extra, ...Object.entries(answer.headers).flat()]);
    response.end();
    return;
  }
  // Node takes headers as one flat list: name, value, name, value...
  const headers = [
    ...extra,
    ...Object.entries(answer.headers).flat(),
    'content-length',
    String(answer.payload.length),
  ];
  body.written ??= new Map();
  body.written.set(answer.headers['content-encoding'] ?? '', headers);
  response.writeHead(200, headers);
  response.end(answer.payload);
}
