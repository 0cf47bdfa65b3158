import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from './index.ts';
import { createPageCache } from './page-cache.ts';

const apps: FastifyInstance[] = [];
afterAll(() => Promise.all(apps.map((a) => a.close())));

/** A bare app whose one route counts how often it renders, behind a cache of two pages. */
function countingApp() {
  const app = Fastify();
  apps.push(app);
  const cache = createPageCache(2);
  const counter = { renders: 0 };
  app.get('/*', async (request, reply) => cache.send(request.url, reply) ?? cache.keepAndSend(request.url, `<p>${++counter.renders} ${request.url} é</p>`, reply));
  return { app, counter };
}

describe('createPageCache', () => {
  it('renders a URL once, then sends the same bytes with the same ETag', async () => {
    const { app, counter } = countingApp();
    const [first, second] = [await app.inject('/a'), await app.inject('/a')];
    expect(counter.renders).toBe(1);
    expect(second.body).toBe('<p>1 /a é</p>');
    expect(second.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(second.headers.etag).toMatch(/^W\/"[\w-]{27}"$/);
    expect(second.headers.etag).toBe(first.headers.etag);
  });

  it('never keeps a URL with a query string', async () => {
    const { app, counter } = countingApp();
    await app.inject('/a?q=1');
    const again = await app.inject('/a?q=1');
    expect(counter.renders).toBe(2);
    expect(again.body).toBe('<p>2 /a?q=1 é</p>');
  });

  it('keeps at most maxEntries pages, dropping the oldest first', async () => {
    const { app, counter } = countingApp();
    for (const url of ['/a', '/b', '/c', '/c', '/b']) await app.inject(url);
    expect(counter.renders).toBe(3);
    expect((await app.inject('/a')).body).toBe('<p>4 /a é</p>');
  });
});

describe('cached pages in the site', () => {
  it('keep ETag, 304, a fresh X-Request-Id and the security headers', async () => {
    const app = await buildApp({ maxEventLoopDelay: 0 });
    apps.push(app);
    const first = await app.inject('/id/codes/502');
    const second = await app.inject({ url: '/id/codes/502', headers: { 'x-request-id': 'edge-cached-0001' } });
    expect(second.statusCode).toBe(200);
    expect(second.body).toBe(first.body);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers['cache-control']).toMatch(/max-age=/);
    expect(second.headers['content-security-policy']).toContain("script-src 'self'");
    expect(second.headers['x-request-id']).toBe('edge-cached-0001');
    expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id']);
    const notModified = await app.inject({ url: '/id/codes/502', headers: { 'if-none-match': String(first.headers.etag) } });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');
  });
});
