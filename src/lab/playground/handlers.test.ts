import { request as httpRequest } from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from '../../../test/helpers/raw-http.ts';
import { PLAYGROUND_STATUS_METHODS, playgroundDrip, playgroundRandomStatus, playgroundScope, playgroundStatus, playgroundStream } from './handlers.ts';
import type { PlaygroundLocale } from './status-plan.ts';

let app: FastifyInstance;
/** Every log record the app writes. */
const logs: Array<{ msg: string; reqId?: string; level: number }> = [];
let origin: string;
let port: number;
/** The weighted picker's random numbers, in order; Math.random when empty. */
const randoms: number[] = [];

beforeAll(async () => {
  app = Fastify({ logger: { level: 'info', stream: { write: (line: string) => logs.push(JSON.parse(line)) } } });
  const random = () => randoms.shift() ?? Math.random();
  // The site registers these from its route table (src/web/routes.ts); here, the same routes in both locales.
  await app.register(async (scope) => {
    playgroundScope(scope);
    for (const where of [{ locale: 'en', prefix: '' }, { locale: 'id', prefix: '/id' }] satisfies PlaygroundLocale[]) {
      scope.route({ method: [...PLAYGROUND_STATUS_METHODS], url: `${where.prefix}/lab/status/random`, handler: playgroundRandomStatus(where, random) });
      scope.route({ method: [...PLAYGROUND_STATUS_METHODS], url: `${where.prefix}/lab/status/:code`, handler: playgroundStatus(where) });
      scope.get(`${where.prefix}/lab/drip`, playgroundDrip);
      scope.get(`${where.prefix}/lab/stream`, playgroundStream);
    }
  });
  origin = await app.listen({ port: 0, host: '127.0.0.1' });
  port = Number(new URL(origin).port);
});
afterAll(() => app.close());

const get = async (path: string) => {
  const res = await request(`${origin}${path}`, { method: 'GET' });
  return { status: res.statusCode, headers: res.headers, body: await res.body.text() };
};

/** Leaves after `ms` without reading the answer, then waits until the app logs `message` about it. */
async function leaveAfter(ms: number, path: string, message: string): Promise<void> {
  const exchange = await rawRequest({ host: '127.0.0.1', port, path, timeoutMs: ms });
  expect(exchange.end).toBe('timeout');
  await expect.poll(() => logs.filter((l) => l.msg === message).map((l) => l.reqId).length, { timeout: 2000 }).toBeGreaterThan(0);
  logs.length = 0;
}

describe('/lab/status/:code', () => {
  it('answers every code from 200 to 599 with that status', async () => {
    const wrong: string[] = [];
    for (let code = 200; code <= 599; code++) {
      const res = await request(`${origin}/lab/status/${code}`, { method: 'GET' });
      await res.body.dump();
      if (res.statusCode !== code) wrong.push(`${code} -> ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
  });

  // The whole interim head: 103 carries the hints (the Link header) that the final response repeats.
  it.each([
    [100, 'HTTP/1.1 100 Continue\r\n\r\n'],
    [102, 'HTTP/1.1 102 Processing\r\n\r\n'],
    [103, 'HTTP/1.1 103 Early Hints\r\nLink: </>; rel=preconnect\r\n\r\n'],
  ])('sends a real %i before the final 200', async (code, interimHead) => {
    const exchange = await rawRequest({ host: '127.0.0.1', port, path: `/lab/status/${code}`, timeoutMs: 2000 });
    const text = exchange.bytes.toString('latin1');
    expect(text.slice(0, interimHead.length)).toBe(interimHead);
    expect(text.slice(interimHead.length)).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
  });

  it('lets Node parse the 103 as information, not as the response', async () => {
    const seen = await new Promise<{ interim: number[]; final: number }>((resolve, reject) => {
      const interim: number[] = [];
      httpRequest(`${origin}/lab/status/103`)
        .on('information', (info) => interim.push(info.statusCode))
        .on('response', (res) => res.resume().on('end', () => resolve({ interim, final: res.statusCode ?? 0 })))
        .on('error', reject)
        .end();
    });
    expect(seen).toEqual({ interim: [103], final: 200 });
  });

  it.each([
    ['/lab/status/204', 204, ''],
    ['/lab/status/304', 304, ''],
    ['/lab/status/301', 301, expect.stringContaining('"status":301')],
    ['/id/lab/status/503?body=text', 503, expect.stringContaining('Selengkapnya tentang 503')],
    ['/lab/status/520-cloudflare?body=html', 520, expect.stringContaining('<h1>520 ')],
    ['/lab/status/random?codes=418', 418, expect.stringContaining('"id":"418"')],
  ])('%s -> %i', async (path, status, body) => {
    const res = await get(path);
    expect(res).toMatchObject({ status, headers: { 'cache-control': 'no-store' }, body });
  });

  it('picks weighted codes as often as their weights say', async () => {
    randoms.push(0.2, 0.3, 0.99);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await get('/lab/status/random?codes=500,502:3')).status);
    // weights 1 and 3: [0, 0.25) is 500, [0.25, 1) is 502.
    expect(statuses).toEqual([500, 502, 502]);
  });

  it('waits ?sleep ms before answering', async () => {
    const started = Date.now();
    const res = await get('/lab/status/200?sleep=300');
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(res.headers['server-timing']).toBe('sleep;dur=300');
  });

  it('stops waiting when the client leaves during a sleep, and says so at info level', async () => {
    await leaveAfter(200, '/lab/status/200?sleep=10000', 'client closed the connection while the lab was waiting');
    expect(logs.filter((l) => l.level >= 40)).toEqual([]);
  });
});

describe('bad input is a 400 problem+json', () => {
  it.each([
    ['/lab/status/600', 'HW_ERR_LAB_BAD_STATUS'],
    ['/lab/status/99', 'HW_ERR_LAB_BAD_STATUS'],
    ['/lab/status/abc', 'HW_ERR_LAB_BAD_STATUS'],
    ['/lab/status/101', 'HW_ERR_LAB_BAD_STATUS'],
    ['/lab/status/009-nginx', 'HW_ERR_LAB_BAD_STATUS'],
    ['/lab/status/200?sleep=10001', 'HW_ERR_LAB_BAD_PARAMETER'],
    ['/lab/status/200?sleep=-1', 'HW_ERR_LAB_BAD_PARAMETER'],
    ['/lab/status/200?sleep=1&sleep=2', 'HW_ERR_LAB_BAD_PARAMETER'],
    ['/lab/status/200?body=xml', 'HW_ERR_LAB_BAD_PARAMETER'],
    ['/lab/status/random', 'HW_ERR_LAB_BAD_PARAMETER'],
    ['/lab/status/random?codes=', 'HW_ERR_LAB_BAD_PARAMETER'],
    ['/lab/status/random?codes=500:0', 'HW_ERR_LAB_BAD_PARAMETER'],
    ['/lab/status/random?codes=500:1001', 'HW_ERR_LAB_BAD_PARAMETER'],
    [`/lab/status/random?codes=${Array(21).fill('500').join(',')}`, 'HW_ERR_LAB_BAD_PARAMETER'],
    ['/lab/status/random?codes=500,700', 'HW_ERR_LAB_BAD_STATUS'],
    ['/lab/drip?bytes=1048577', 'HW_ERR_LAB_BAD_PARAMETER'],
    ['/lab/drip?duration=10001', 'HW_ERR_LAB_BAD_PARAMETER'],
    ['/lab/drip?code=204', 'HW_ERR_LAB_BAD_PARAMETER'],
    ['/lab/drip?code=199', 'HW_ERR_LAB_BAD_PARAMETER'],
    ['/lab/stream?lines=0', 'HW_ERR_LAB_BAD_PARAMETER'],
    ['/lab/stream?lines=101', 'HW_ERR_LAB_BAD_PARAMETER'],
    ['/lab/stream?lines=100&interval=101', 'HW_ERR_LAB_BAD_PARAMETER'],
    ['/id/lab/stream?interval=1001', 'HW_ERR_LAB_BAD_PARAMETER'],
  ])('%s -> %s', async (path, code) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(JSON.parse(res.body)).toMatchObject({ status: 400, code, type: `/api#${code}`, instance: path });
  });

  it('ignores request bodies of any type instead of failing on them', async () => {
    const res = await request(`${origin}/lab/status/201`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(res.statusCode).toBe(201);
    expect(res.headers.location).toBe('/lab/status/200');
    await res.body.dump();
  });
});

describe('/lab/drip and /lab/stream', () => {
  it('drips the bytes over the duration, with Content-Length', async () => {
    const started = Date.now();
    const res = await get('/lab/drip?bytes=5&duration=400&code=503');
    expect(res.status).toBe(503);
    expect(res.headers['content-length']).toBe('5');
    expect(res.body).toBe('*****');
    expect(Date.now() - started).toBeGreaterThanOrEqual(380);
  });

  it('drips a large body in a bounded number of writes', async () => {
    const res = await get('/lab/drip?bytes=100000&duration=200');
    expect(res.body).toHaveLength(100_000);
  });

  it('streams JSON lines with chunked transfer encoding', async () => {
    const res = await get('/lab/stream?lines=3&interval=50');
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.body.trim().split('\n').map((l) => JSON.parse(l).line)).toEqual([1, 2, 3]);
  });

  it.each([
    ['/lab/drip?bytes=100&duration=10000', 'stream closed prematurely'],
    ['/lab/drip?delay=10000', 'client closed the connection while the lab was waiting'],
    ['/lab/stream?lines=100&interval=100', 'stream closed prematurely'],
  ])('stops when the client leaves during %s, without an error', async (path, message) => {
    await leaveAfter(300, path, message);
    expect(logs.filter((l) => l.level >= 40)).toEqual([]);
  });
});
