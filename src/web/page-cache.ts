/**
 * Rendered pages kept in memory by URL (so per locale and path). The knowledge base is fixed for a build, so a page
 * whose HTML depends only on its URL is rendered once and then sent as ready bytes with a ready ETag. Bounded, oldest
 * out first, so odd spellings of URLs cannot grow it without limit. Headers (ETag, Cache-Control, X-Request-Id, the
 * security headers) and 304s still come from the app's hooks as for any other response.
 */
import type { FastifyReply } from 'fastify';
import { etagOf } from './http-cache.ts';

interface CachedPage {
  body: Buffer;
  etag: string;
}

export interface PageCache {
  /** Sends the cached page for this URL and returns the reply, or returns undefined when it is not cached. */
  send(url: string, reply: FastifyReply): FastifyReply | undefined;
  /** Keeps the HTML of a 200 page for its URL (never one with a query string) and sends it. */
  keepAndSend(url: string, html: string, reply: FastifyReply): FastifyReply;
}

const sendCached = (reply: FastifyReply, page: CachedPage) => reply.code(200).type('text/html; charset=utf-8').header('etag', page.etag).send(page.body);

export function createPageCache(maxEntries = 2048): PageCache {
  const pages = new Map<string, CachedPage>();
  return {
    send(url, reply) {
      const page = pages.get(url);
      return page && sendCached(reply, page);
    },
    keepAndSend(url, html, reply) {
      const body = Buffer.from(html, 'utf8');
      const page = { body, etag: etagOf(body) };
      if (!url.includes('?')) {
        if (pages.size >= maxEntries) pages.delete(pages.keys().next().value as string);
        pages.set(url, page);
      }
      return sendCached(reply, page);
    },
  };
}
