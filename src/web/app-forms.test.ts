import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../test/helpers/web-app.ts';

let app: FastifyInstance;

beforeAll(async () => {
  ({ app } = await startTestApp());
});
afterAll(() => app.close());

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

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

  it("names a header the evidence needs absent as absent, as the CLI does (corpus: envoy's empty 403 of an ext_authz denial)", async () => {
    const paste = wild('envoy/sandbox-ext-authz-opa-deny-403.txt');
    const res = await app.inject({ method: 'POST', url: '/diagnose', payload: new URLSearchParams({ input: paste }).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.body).toContain('<code>no header x-envoy-upstream-service-time</code>');
    expect(res.body).not.toContain('<code>x-envoy-upstream-service-time: </code>');
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
    expect(page.body).toContain('the application behind it (or the next hop)');
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
