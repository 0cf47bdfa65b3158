/** ETag and Cache-Control on every successful response, and 304 when If-None-Match matches. */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

export const CACHE = {
  page: 'public, max-age=300, stale-while-revalidate=60',
  api: 'public, max-age=300',
  asset: 'public, max-age=31536000, immutable',
  none: 'no-store',
} as const;

export function etagOf(payload: string | Buffer): string {
  return `W/"${createHash('sha1').update(payload).digest('base64url').slice(0, 27)}"`;
}

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag.replace(/^W\//, ''));
}

export async function httpCacheHook(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  if (!reply.hasHeader('cache-control')) reply.header('cache-control', reply.statusCode < 400 ? CACHE.page : CACHE.none);
  const cacheable = reply.statusCode === 200 && (request.method === 'GET' || request.method === 'HEAD');
  if (!cacheable || !(typeof payload === 'string' || Buffer.isBuffer(payload))) return payload;
  // A route that already knows its ETag (a cached page) saves hashing the payload again.
  const etag = (reply.getHeader('etag') as string | undefined) ?? etagOf(payload);
  reply.header('etag', etag);
  if (matches(request.headers['if-none-match'], etag)) {
    reply.code(304);
    reply.removeHeader('content-length');
    reply.removeHeader('content-type');
    return '';
  }
  return payload;
}
