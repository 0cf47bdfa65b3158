import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from './index.ts';

let app: FastifyInstance;
const logLines: Record<string, unknown>[] = [];

beforeAll(async () => {
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) logLines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  app = await buildApp({ logger: { level: 'info', stream }, maxEventLoopDelay: 0 });
  // A route that fails like a real bug would, to see the site's own 500 page.
  app.get('/__test/boom', async () => {
    throw new Error('kaboom');
  });
  await app.ready();
});
afterAll(() => app.close());

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

const PAGES = ['/', '/codes', '/codes/502', '/codes/499', '/codes/502.3', '/compare', '/compare/500-vs-502', '/compare/201-vs-418', '/cheat-sheet', '/categories/nginx', '/search?q=timeout', '/api'];

/** The HTML of one meaning on a code page, and its "What the client receives" value. */
const section = (html: string, id: string) => new RegExp(`<article id="${id}"[\\s\\S]*?</article>`).exec(html)?.[0] ?? '';
const wireRow = (html: string) => /<dt>What the client receives<\/dt><dd>([\s\S]*?)<\/dd>/.exec(html)?.[1];

describe('pages', () => {
  it.each(PAGES.flatMap((p) => [p, p === '/' ? '/id' : `/id${p}`]))('%s renders in its language with canonical and alternates', async (url) => {
    const res = await get(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const locale = url === '/id' || url.startsWith('/id/') ? 'id' : 'en';
    const path = url.split('?')[0] as string;
    expect(res.body.startsWith('<!doctype html><html lang="' + locale + '">')).toBe(true);
    expect(res.body).toContain(`<link rel="canonical" href="http://localhost:3000${path}"/>`);
    expect(res.body).toContain('hreflang="id"');
    expect(res.body).toContain('hreflang="x-default"');
    // The language switch keeps the query string too: /search?q=timeout <-> /id/search?q=timeout.
    const other = (locale === 'en' ? (path === '/' ? '/id' : `/id${path}`) : path.slice(3) || '/') + url.slice(path.length);
    expect(res.body).toContain(`href="${other.replace(/&/g, '&amp;')}" hreflang="${locale === 'en' ? 'id' : 'en'}"`);
  });

  it('shows every meaning of a colliding number', async () => {
    const res = await get('/codes/499');
    expect(res.body).toContain('id="499-nginx"');
    expect(res.body).toContain('id="499-arcgis"');
  });

  it('says what the client receives when it is not the code itself, and only then', async () => {
    const page499 = (await get('/codes/499')).body;
    expect(wireRow(section(page499, '499-nginx'))).toBe('no HTTP response at all: the connection closes (or never gets an answer)');
    expect(wireRow(section(page499, '499-arcgis'))).toBe('<a href="/codes/200">200 OK</a>');
    expect(wireRow(section((await get('/codes/495')).body, '495-nginx'))).toBe('<a href="/codes/400">400 Bad Request</a>');
    expect(wireRow(section((await get('/codes/502.3')).body, '502.3-iis-arr'))).toBe('<a href="/codes/502">502 Bad Gateway</a>');
    expect(wireRow((await get('/codes/502')).body)).toBeUndefined();
    expect((await get('/id/codes/495')).body).toContain('<dt>Yang diterima client</dt><dd><a href="/id/codes/400">400 Bad Request</a></dd>');
  });

  it('shows what the proxy logged for codes that live in logs, and no such block elsewhere', async () => {
    const nginx499 = section((await get('/codes/499')).body, '499-nginx');
    expect(nginx499).toContain('<figcaption>What the proxy logged</figcaption>');
    expect(nginx499).toContain('access log:\n10.0.3.17 [11/Mar/2025:09:15:07 +0000] &quot;POST /api/reports/export HTTP/1.1&quot; 499 0');
    expect(nginx499).toContain('error log:\n2025/03/11 09:15:07 [info]');
    expect((await get('/codes/502')).body).not.toContain('What the proxy logged');
    expect((await get('/id/codes/444')).body).toContain('<figcaption>Yang dicatat proxy</figcaption>');
  });

  it('serves sub-status pages', async () => {
    const res = await get('/codes/502.5');
    expect(res.body).toContain('id="502.5-iis-arr"');
    expect(res.body).toContain('id="502.5-iis-ancm"');
  });
});

describe('HTTP semantics', () => {
  it('sends ETag and Cache-Control, and 304 on If-None-Match', async () => {
    for (const url of ['/codes/502', '/api/v1/codes/502']) {
      const first = await get(url);
      expect(first.headers['cache-control']).toMatch(/max-age=/);
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^W\/"/);
      const again = await get(url, { 'if-none-match': etag });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
    }
  });

  it('echoes a sane X-Request-Id, replaces an insane one, and logs the same id', async () => {
    const sane = await get('/codes/404', { 'x-request-id': 'edge-abc-12345678' });
    expect(sane.headers['x-request-id']).toBe('edge-abc-12345678');
    expect(logLines.some((l) => l.requestId === 'edge-abc-12345678' && (l.res as { statusCode?: number } | undefined)?.statusCode === 200)).toBe(true);
    const insane = await get('/codes/404', { 'x-request-id': '<script>bad id</script>' });
    expect(insane.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('uses Accept-Language only on the bare home page', async () => {
    const home = await get('/', { 'accept-language': 'id-ID,id;q=0.9,en;q=0.8' });
    expect(home.statusCode).toBe(302);
    expect(home.headers.location).toBe('/id');
    expect((await get('/', { 'accept-language': 'en-US,en;q=0.9' })).statusCode).toBe(200);
    const deep = await get('/codes/502', { 'accept-language': 'id' });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('lang="en"');
  });

  it('sets a strict CSP without inline scripts', async () => {
    const csp = (await get('/')).headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect((await get('/')).body).not.toMatch(/<script>(?!<\/script>)|<script(?![^>]*src=)[^>]*>/);
  });
});

describe('compare URLs', () => {
  it('redirects the reversed pair to the canonical one', async () => {
    const res = await get('/id/compare/502-vs-500');
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe('/id/compare/500-vs-502');
  });

  it('sends the picker to the canonical pair', async () => {
    const res = await get('/compare?a=504&b=502');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/compare/502-vs-504');
  });
});

describe('bad input never gives a 500', () => {
  it.each([
    ['/codes/abc', 404],
    ['/codes/299', 404],
    ['/codes/99999999', 404],
    ['/categories/nope', 404],
    ['/compare/foo', 404],
    ['/compare/500-vs-502-vs-503', 404],
    ['/compare/500-vs-999', 404],
    ['/compare?a=xyz&b=500', 400],
    ['/compare?a=500', 400],
    ['/search?q=' + 'x'.repeat(5000), 200],
    ['/search?q=%E0%A4%A', 200],
    ['/codes/%E0%A4%A', 400],
    ['/id/nothing/here', 404],
  ])('%s -> %i', async (url, status) => {
    const res = await get(url);
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toContain('text/html');
  });

  it('suggests codes on its own 404 page', async () => {
    const res = await get('/codez/502');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('href="/codes/502"');
  });

  it('shows the request id of the error log line on its own 500 page', async () => {
    const res = await get('/__test/boom');
    expect(res.statusCode).toBe(500);
    const id = res.headers['x-request-id'] as string;
    expect(res.body).toContain(id);
    expect(res.body).not.toContain('kaboom');
    expect(logLines.some((l) => l.level === 50 && l.requestId === id)).toBe(true);
  });
});

describe('reflected input is escaped', () => {
  const payload = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
  it.each([`/search?q=${encodeURIComponent(payload)}`, `/compare?a=${encodeURIComponent(payload)}&b=500`, `/${encodeURIComponent(payload)}`])('%s', async (url) => {
    const res = await get(url);
    expect(res.body).not.toContain('<script>alert(1)');
    expect(res.body).not.toContain('<img src=x');
  });
});

describe('JSON API', () => {
  it('lists with filters', async () => {
    const res = await get('/api/v1/codes?class=5xx&vendor=cloudflare&lang=id');
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const body = res.json<{ locale: string; count: number; codes: { vendor: string; class: string }[] }>();
    expect(body.locale).toBe('id');
    expect(body.count).toBe(body.codes.length);
    expect(body.codes.every((c) => c.vendor === 'cloudflare' && c.class === '5xx')).toBe(true);
  });

  it('returns one code with every meaning', async () => {
    const body = (await get('/api/v1/codes/530')).json<{ meanings: { id: string }[] }>();
    expect(body.meanings.map((m) => m.id)).toEqual(expect.arrayContaining(['530-cloudflare', '530-pantheon']));
  });

  it('compares and searches', async () => {
    expect((await get('/api/v1/compare?a=504&b=502')).json()).toMatchObject({ id: '502-vs-504', curated: true });
    expect((await get('/api/v1/search?q=gatway%20timout')).json<{ hits: { id: string }[] }>().hits[0]?.id).toBe('504');
  });

  it.each([
    ['/api/v1/codes/abc', 400, 'HW_ERR_CODES_INVALID_CODE'],
    ['/api/v1/codes/299', 404, 'HW_ERR_CODES_UNKNOWN_CODE'],
    ['/api/v1/codes?class=9xx', 400, 'HW_ERR_INPUT_INVALID'],
    ['/api/v1/codes?colour=red', 400, 'HW_ERR_INPUT_INVALID'],
    ['/api/v1/codes/502?lang=fr', 400, 'HW_ERR_CODES_UNKNOWN_LOCALE'],
    ['/api/v1/compare?a=500', 400, 'HW_ERR_INPUT_INVALID'],
    ['/api/v1/search?q=', 400, 'HW_ERR_SEARCH_EMPTY_QUERY'],
    ['/api/v1/nope', 404, 'HW_ERR_WEB_NOT_FOUND'],
  ])('%s -> %i problem+json %s', async (url, status, code) => {
    const res = await get(url);
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(res.json()).toMatchObject({ status, code, title: expect.any(String), detail: expect.any(String), requestId: res.headers['x-request-id'] });
  });

  it('publishes an OpenAPI 3.1 document whose operations all exist', async () => {
    const doc = (await get('/api/openapi.json')).json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>();
    expect(doc.openapi).toBe('3.1.0');
    const samples: Record<string, { url: string; payload?: unknown; status: number }> = {
      'get /api/v1/codes': { url: '/api/v1/codes', status: 200 },
      'get /api/v1/codes/{code}': { url: '/api/v1/codes/418', status: 200 },
      'get /api/v1/compare': { url: '/api/v1/compare?a=500&b=503', status: 200 },
      'get /api/v1/search': { url: '/api/v1/search?q=teapot', status: 200 },
      'post /api/v1/diagnose': { url: '/api/v1/diagnose', payload: { status: 502, headers: { server: 'nginx' }, body: '' }, status: 200 },
      // Every address here is loopback, which the SSRF-safe API refuses: the route exists and says so.
      'post /api/v1/check': { url: '/api/v1/check', payload: { url: 'http://127.0.0.1/' }, status: 403 },
      'post /api/v1/quiz/answer': { url: '/api/v1/quiz/answer', payload: { lang: 'en', q: '1', n: 1, score: 0, answer: 'not an option' }, status: 400 },
    };
    const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`));
    expect(operations.toSorted()).toEqual(Object.keys(samples).toSorted());
    for (const operation of operations) {
      const sample = samples[operation] as { url: string; payload?: unknown; status: number };
      const method = operation.startsWith('post') ? 'POST' : 'GET';
      const res = await app.inject({ method, url: sample.url, ...(sample.payload ? { payload: sample.payload as object } : {}) });
      expect(res.statusCode, operation).toBe(sample.status);
      expect(res.headers['content-type'], operation).toMatch(/^application\/(problem\+)?json/);
    }
  });
});

describe('site files', () => {
  it('lists every page in both languages in the sitemap', async () => {
    const xml = (await get('/sitemap.xml')).body;
    expect(xml).toContain('<loc>http://localhost:3000/codes/502</loc>');
    expect(xml).toContain('<loc>http://localhost:3000/id/codes/502</loc>');
    expect(xml).toContain('hreflang="id"');
    expect((await get('/robots.txt')).body).toContain('Sitemap: http://localhost:3000/sitemap.xml');
  });
});

describe('load shedding', () => {
  it('answers 503 with Retry-After and says so when the event loop lags', async () => {
    const busy = await buildApp({ logger: false, maxEventLoopDelay: 5, pressureSampleInterval: 5 });
    await busy.ready();
    try {
      // Block the event loop the way CPU-bound requests would, and ask after each sampling tick (bounded tries).
      let res = await busy.inject({ method: 'GET', url: '/codes/503' });
      for (let attempt = 0; attempt < 20 && res.statusCode !== 503; attempt++) {
        const until = Date.now() + 60;
        while (Date.now() < until) {
          // busy
        }
        await new Promise((r) => setTimeout(r, 11));
        res = await busy.inject({ method: 'GET', url: '/codes/503' });
      }
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('10');
      expect(res.body).toContain('Retry-After');
    } finally {
      await busy.close();
    }
  });
});

const wild = (path: string) => readFileSync(new URL(`../../test/fixtures/diagnose/wild/${path}`, import.meta.url), 'utf8');

describe('diagnose on the web', () => {
  const nginx502 = 'HTTP/1.1 502 Bad Gateway\r\nServer: nginx/1.22.1\r\nContent-Type: text/html\r\n\r\n<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n';

  it('diagnoses a pasted response through the plain form post, in Indonesian too', async () => {
    for (const [url, word] of [['/diagnose', 'nginx'], ['/id/diagnose', 'nginx']] as const) {
      const res = await app.inject({ method: 'POST', url, payload: new URLSearchParams({ input: nginx502 }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toContain(word);
      expect(res.body).toContain('reverse proxy');
    }
  });

  it('escapes hostile response bodies it reflects', async () => {
    const hostile = 'HTTP/1.1 500 Internal Server Error\r\nX-Evil: <script>alert(1)</script>\r\n\r\n<script>alert(2)</script><img src=x onerror=alert(3)>';
    const res = await app.inject({ method: 'POST', url: '/diagnose', payload: new URLSearchParams({ input: hostile }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script>alert');
    expect(res.body).not.toContain('<img src=x');
  });

  it('answers POST /api/v1/diagnose for text and JSON bodies, and 400 for nothing', async () => {
    const text = await app.inject({ method: 'POST', url: '/api/v1/diagnose', payload: nginx502, headers: { 'content-type': 'text/plain' } });
    expect(text.statusCode).toBe(200);
    expect(text.json()).toMatchObject({ format: 'http', diagnoses: [{ verdict: 'identified', issuer: { layer: 'reverse-proxy' } }] });
    const json = await app.inject({ method: 'POST', url: '/api/v1/diagnose?lang=id', payload: { status: 502, headers: { server: 'nginx' }, body: '' } });
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({ locale: 'id' });
    const empty = await app.inject({ method: 'POST', url: '/api/v1/diagnose', payload: '', headers: { 'content-type': 'text/plain' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json()).toMatchObject({ code: 'HW_ERR_INPUT_INVALID' });
    const garbage = await app.inject({ method: 'POST', url: '/api/v1/diagnose', payload: 'hello there', headers: { 'content-type': 'text/plain' } });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json()).toMatchObject({ code: 'HW_ERR_DIAGNOSE_UNREADABLE_INPUT' });
  });

  it('reads page text, a chunked dump, headers only and a JSON body alone through the API (real captures)', async () => {
    const post = (payload: string | object) =>
      app.inject({ method: 'POST', url: '/api/v1/diagnose', payload, ...(typeof payload === 'string' ? { headers: { 'content-type': 'text/plain' } } : {}) });
    const pageText = await post(wild('spring-boot/404-novel-whitelabel.txt'));
    expect(pageText.json()).toMatchObject({ format: 'page-text', diagnoses: [{ status: 404, verdict: 'identified', issuer: { component: 'Spring Boot' } }] });
    const chunked = await post(wild('envoy/503-connection-failure-contour-chunked.http'));
    expect(chunked.json()).toMatchObject({ format: 'http', diagnoses: [{ verdict: 'identified', issuer: { fingerprint: 'envoy-connect-failure' } }] });
    const headersOnly = await post(wild('cloudflare/520-origin-error-bad-bot-blocker.headers'));
    expect(headersOnly.json()).toMatchObject({ format: 'http', diagnoses: [{ status: 520, verdict: 'identified', issuer: { component: 'Cloudflare' } }] });
    const body = await post(JSON.parse(wild('aws-api-gateway/403-missing-authentication-token-fhir.json')) as object);
    expect(body.json()).toMatchObject({ format: 'body', diagnoses: [{ status: 403, verdict: 'identified', issuer: { component: 'Amazon API Gateway' } }] });
  });

  it('carries the inferred verdict in the API and on the page', async () => {
    const paste = 'HTTP/1.1 503 Service Unavailable\r\nServer: nginx/1.22.1\r\nContent-Type: application/json\r\n\r\n{"status":"maintenance"}';
    const api = await app.inject({ method: 'POST', url: '/api/v1/diagnose', payload: paste, headers: { 'content-type': 'text/plain' } });
    expect(api.json()).toMatchObject({ diagnoses: [{ verdict: 'inferred', confidence: 'medium', issuer: { component: 'application', layer: 'origin-app' } }] });
    const page = await app.inject({ method: 'POST', url: '/diagnose', payload: new URLSearchParams({ input: paste }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(page.body).toContain('verdict-inferred');
    expect(page.body).toContain('the application behind them (or the next hop)');
    expect(page.body).toContain('(inferred by elimination)');
  });
});

describe('compression', () => {
  it('gzips pages for clients that accept it, and the weight stays under 50 KB', async () => {
    const res = await app.inject({ method: 'GET', url: '/cheat-sheet', headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(String(res.headers.vary).toLowerCase()).toContain('accept-encoding');
    expect(res.rawPayload.length).toBeLessThan(50 * 1024);
    const plain = await get('/cheat-sheet');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBeGreaterThan(res.rawPayload.length * 2);
  });
});

const form = (url: string, target = '/check') =>
  app.inject({ method: 'POST', url: target, payload: new URLSearchParams({ url }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });

describe('URL checker on the web is SSRF-safe', () => {
  it.each(['http://127.0.0.1/', 'http://localhost:3000/', 'http://[::1]/', 'http://169.254.169.254/latest/meta-data/', 'http://2130706433/', 'http://10.0.0.1/'])('refuses %s with 403', async (target) => {
    const page = await form(target);
    expect(page.statusCode).toBe(403);
    expect(page.body).toContain('role="alert"');
    const api = await app.inject({ method: 'POST', url: '/api/v1/check', payload: { url: target } });
    expect(api.statusCode).toBe(403);
    expect(api.json()).toMatchObject({ code: 'HW_ERR_CHECK_SSRF_BLOCKED' });
  });

  it('rejects bad schemes and bad bodies with 400', async () => {
    expect((await form('file:///etc/passwd')).statusCode).toBe(400);
    const api = await app.inject({ method: 'POST', url: '/api/v1/check', payload: { nope: 1 } });
    expect(api.statusCode).toBe(400);
    expect(api.json()).toMatchObject({ code: 'HW_ERR_INPUT_INVALID' });
  });

  it('escapes the URL it reflects', async () => {
    const res = await form('http://"><script>alert(1)</script>/');
    expect(res.statusCode).toBe(400);
    expect(res.body).not.toContain('<script>alert(1)');
  });
});
