import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseListenAddress, serveMetrics, type MetricsEndpoint } from './endpoint.ts';
import { LogMetrics } from './log-metrics.ts';

describe('parseListenAddress', () => {
  it.each([
    ['9464', { host: '127.0.0.1', port: 9464 }],
    ['0', { host: '127.0.0.1', port: 0 }],
    ['0.0.0.0:9464', { host: '0.0.0.0', port: 9464 }],
    ['localhost:9100', { host: 'localhost', port: 9100 }],
    ['[::1]:9464', { host: '::1', port: 9464 }],
  ])('%s', (value, expected) => {
    expect(parseListenAddress(value)).toEqual(expected);
  });

  it.each(['', 'abc', '65536', ':9464', 'host:', 'http://x:1', '1.2.3.4:-1'])('refuses "%s" as bad input', (value) => {
    expect(() => parseListenAddress(value)).toThrow(expect.objectContaining({ code: 'HW_ERR_METRICS_BAD_ADDRESS', exitCode: 2 }));
  });
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function fetchRaw(url: string, method = 'GET', headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the metrics endpoint', () => {
  let endpoint: MetricsEndpoint;
  let base: string;
  beforeAll(async () => {
    const byStatus = new Float64Array(1000);
    byStatus[200] = 3;
    endpoint = await serveMetrics(new LogMetrics({ counts: () => ({ byStatus, inputs: [] }) }), { host: '127.0.0.1', port: 0 });
    base = endpoint.url.replace(/\/metrics$/, '');
  });
  afterAll(() => endpoint.close());

  it('listens on loopback and answers GET /metrics with the Prometheus text format', async () => {
    expect(endpoint.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const answer = await fetchRaw(`${base}/metrics?ignored=1`);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(answer.body).toContain('httpwhy_requests_total{code="200"} 3\n');
  });

  it('answers OpenMetrics to a scraper that accepts it, as Prometheus does', async () => {
    const accept = 'application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1';
    const answer = await fetchRaw(`${base}/metrics`, 'GET', { accept });
    expect(answer.headers['content-type']).toBe('application/openmetrics-text; version=1.0.0; charset=utf-8');
    expect(answer.body.endsWith('# EOF\n')).toBe(true);
  });

  it('answers /healthz, and HEAD without a body', async () => {
    expect(await fetchRaw(`${base}/healthz`)).toMatchObject({ status: 200, body: 'ok\n' });
    const head = await fetchRaw(`${base}/metrics`, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(Number(head.headers['content-length'])).toBeGreaterThan(0);
  });

  it('answers nothing else: other paths 404, other methods 405 (and the connection closed)', async () => {
    for (const path of ['/', '/metrics/', '/metrics/../etc/passwd', '/%2e%2e/etc/passwd', '/healthz.json']) expect((await fetchRaw(`${base}${path}`)).status).toBe(404);
    const post = await fetchRaw(`${base}/metrics`, 'POST', { 'content-type': 'text/plain' }, 'x'.repeat(1000));
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe('GET, HEAD');
  });

  it('refuses a port it cannot bind as bad input', async () => {
    const port = Number(new URL(endpoint.url).port);
    await expect(serveMetrics(new LogMetrics({ counts: () => ({ byStatus: [], inputs: [] }) }), { host: '127.0.0.1', port })).rejects.toMatchObject({
      code: 'HW_ERR_METRICS_BAD_ADDRESS',
    });
  });
});
