// A response body that is computed once and served many times: its ETag, and its brotli and gzip forms made
// on first demand and kept. Used by the page cache and the static assets.
import { createHash } from 'node:crypto';
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
}

export function cachedBody(content: string | Buffer, contentType: string, quality = 5): CachedBody {
  const raw = typeof content === 'string' ? Buffer.from(content) : content;
  const etag = `"${createHash('sha256').update(raw).digest('base64url').slice(0, 22)}"`;
  return { etag, contentType, raw, quality };
}

function encodingFor(request: FastifyRequest): 'br' | 'gzip' | undefined {
  const accept = String(request.headers['accept-encoding'] ?? '');
  if (/\bbr\b/.test(accept)) return 'br';
  if (/\bgzip\b/.test(accept)) return 'gzip';
  return undefined;
}

/** Sends a cached body: 304 when the client has it, else the best encoding it accepts. */
export function sendCached(
  request: FastifyRequest,
  reply: FastifyReply,
  body: CachedBody,
  cacheControl: string,
  status = 200,
): FastifyReply {
  reply.header('etag', body.etag).header('cache-control', cacheControl).header('vary', 'accept-encoding');
  const match = request.headers['if-none-match'];
  if (status === 200 && match && match.split(',').some((t) => t.trim() === body.etag)) {
    return reply.status(304).send();
  }
  reply.status(status).type(body.contentType);
  // Tiny bodies are not worth compressing.
  const encoding = body.raw.length > 512 ? encodingFor(request) : undefined;
  if (encoding === 'br') {
    body.br ??= brotliCompressSync(body.raw, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: body.quality,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.raw.length,
      },
    });
    return reply.header('content-encoding', 'br').send(body.br);
  }
  if (encoding === 'gzip') {
    body.gzip ??= gzipSync(body.raw, { level: 9 });
    return reply.header('content-encoding', 'gzip').send(body.gzip);
  }
  return reply.send(body.raw);
}
