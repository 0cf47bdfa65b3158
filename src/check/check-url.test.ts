import { setTimeout as delay } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpServer, recordingTransport, v4, type Loopback } from '../../test/helpers/loopback.ts';
import { checkUrlVia } from './check-url.ts';
import { MAX_BODY_BYTES } from './settings.ts';

const NGINX_502 = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

let server: Loopback;
beforeAll(async () => {
  server = await httpServer(async (req, res) => {
    const path = req.url ?? '/';
    if (path === '/start') res.writeHead(301, { location: 'middle?x=1' }).end('moved');
    else if (path === '/middle?x=1') res.writeHead(307, { location: `${server.origin}/end` }).end();
    else if (path === '/end') res.writeHead(200, { 'content-type': 'text/plain' }).end('hello');
    else if (path === '/nginx-502') res.writeHead(502, { server: 'nginx/1.27.0', 'content-type': 'text/html' }).end(NGINX_502);
    else if (path === '/busy') res.writeHead(503, { 'retry-after': '7' }).end('busy');
    else if (path === '/slow') {
      await delay(60);
      res.writeHead(200);
      res.write('a');
      await delay(40);
      res.end('b');
    } else if (path === '/huge') {
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    } else if (path === '/stall') await delay(5000).then(() => res.end());
    else res.writeHead(404).end('no');
  });
});
afterAll(() => server.close());

const allow = () => ({ allowPrivate: true });

describe('checkUrl', () => {
  it('follows relative and absolute redirects and reports each hop', async () => {
    const result = await checkUrlVia(recordingTransport(), `${server.origin}/start`, allow());
    expect(result.hops.map((h) => [h.status, h.location])).toEqual([
      [301, 'middle?x=1'],
      [307, `${server.origin}/end`],
      [200, null],
    ]);
    expect(result.hops.map((h) => h.url)).toEqual([`${server.origin}/start`, `${server.origin}/middle?x=1`, `${server.origin}/end`]);
    expect(result).toMatchObject({ status: 200, finalUrl: `${server.origin}/end`, problem: false, failure: null, diagnosis: null });
    expect(result.body).toEqual({ bytes: 5, capped: false, contentType: 'text/plain' });
    expect(result.hops.every((h) => h.address === '127.0.0.1')).toBe(true);
  });

  it('times DNS, connect, first byte and download separately', async () => {
    const transport = recordingTransport({
      names: { 'timed.test': () => delay(40).then(() => [v4('127.0.0.1')]) },
    });
    const result = await checkUrlVia(transport, `http://timed.test:${server.port}/slow`, allow());
    const t = result.hops[0]?.timings;
    expect(t?.dns).toBeGreaterThanOrEqual(35);
    expect(t?.connect).toBeGreaterThanOrEqual(0);
    expect(t?.tls).toBeNull();
    expect(t?.ttfb).toBeGreaterThanOrEqual(55);
    expect(t?.download).toBeGreaterThanOrEqual(35);
    expect(t?.total).toBeGreaterThanOrEqual((t?.dns ?? 0) + (t?.ttfb ?? 0) + (t?.download ?? 0));
    expect(result.totalMs).toBeGreaterThanOrEqual(t?.total ?? 0);
  });

  it('reports no DNS phase for an IP literal', async () => {
    const result = await checkUrlVia(recordingTransport(), `${server.origin}/end`, allow());
    expect(result.hops[0]?.timings.dns).toBeNull();
  });

  it('hands a failing response to the diagnosis engine', async () => {
    const result = await checkUrlVia(recordingTransport(), `${server.origin}/nginx-502`, { ...allow(), locale: 'id' });
    expect(result.problem).toBe(true);
    expect(result.diagnosis?.locale).toBe('id');
    expect(result.diagnosis?.diagnoses[0]).toMatchObject({ status: 502, issuer: { component: 'nginx' } });
  });

  it('keeps Retry-After and counts a 4xx as no problem', async () => {
    expect(await checkUrlVia(recordingTransport(), `${server.origin}/busy`, allow())).toMatchObject({ status: 503, retryAfter: '7', problem: true });
    expect(await checkUrlVia(recordingTransport(), `${server.origin}/nope`, allow())).toMatchObject({ status: 404, problem: false });
  });

  it('stops reading the body at the cap', async () => {
    const result = await checkUrlVia(recordingTransport(), `${server.origin}/huge`, allow());
    expect(result.body?.capped).toBe(true);
    expect(result.body?.bytes).toBeGreaterThan(MAX_BODY_BYTES);
    expect(result.body?.bytes).toBeLessThan(MAX_BODY_BYTES + 256 * 1024);
    expect(result.failure).toBeNull();
  });

  it('gives up when the whole check outlasts its budget, blaming the phase in progress', async () => {
    const result = await checkUrlVia(recordingTransport(), `${server.origin}/stall`, { ...allow(), timeouts: { total: 200 } });
    expect(result.failure).toMatchObject({ kind: 'timeout-response', phase: 'headers', code: 'ETIMEDOUT' });
    expect(result.totalMs).toBeLessThan(2000);
  });

  it('rethrows the caller abort instead of reporting it as a failure', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('caller gave up')), 100);
    await expect(checkUrlVia(recordingTransport(), `${server.origin}/stall`, { ...allow(), signal: controller.signal })).rejects.toThrow('caller gave up');
  });

  it.each([
    [{ maxRedirects: 11 }, /maxRedirects must be an integer from 0 to 10/],
    [{ maxBodyBytes: MAX_BODY_BYTES + 1 }, /maxBodyBytes/],
    [{ timeouts: { headers: 0 } }, /timeouts.headers/],
    [{ allowedPorts: [70_000] }, /allowedPorts/],
  ])('refuses bad options %j', async (options, message) => {
    await expect(checkUrlVia(recordingTransport(), `${server.origin}/end`, options)).rejects.toMatchObject({ code: 'HW_ERR_CHECK_BAD_OPTION', message: expect.stringMatching(message) });
  });

  it('follows no redirect with maxRedirects 0', async () => {
    const result = await checkUrlVia(recordingTransport(), `${server.origin}/start`, { ...allow(), maxRedirects: 0 });
    expect(result.hops).toHaveLength(1);
    expect(result.failure?.kind).toBe('redirect-limit');
  });
});
