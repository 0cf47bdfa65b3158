import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLine } from '../../../test/logs/helpers.ts';
import { detectInput } from './detect.ts';
import { KIND } from './line-parser.ts';
import { TraefikClfParser, traefikClfSignal } from './traefik-clf.ts';

const wild = (path: string) => readFileSync(new URL(`../../../test/fixtures/logs/wild/traefik-clf/${path}`, import.meta.url));
// elastic/beats@057ae5676f6187643c18b7f7e6e008cde7053b18:filebeat/module/traefik/access/test/test.log (Apache-2.0):
// Traefik 1.x, frontend name and backend URL; the second line is published with an unbalanced quote.
const beats1x = wild('beats-traefik-1x.log');
// https://github.com/traefik/traefik/issues/6481: Traefik 2.1.6, unquoted "-" service, 0ms.
const issue2x = wild('traefik-6481-2x.log');
// The lines Traefik's own tests expect its formatter to write: traefik/traefik@fd5a576df2e8aeb0bfc8a96b6ef6e60a61f7ec0a
// pkg/middlewares/accesslog/logger_formatters_test.go (3.x) and middlewares/accesslog/logger_formatters_test.go of v1.7.
const TRAEFIK_3_TEST = '10.0.0.1 - - [10/Nov/2009:23:00:00 +0000] "GET / HTTP/1.1" 200 0 "-" "foo \\" bar" 1 "test@file" "http://127.0.0.1:8080" 1ms';
const TRAEFIK_3_TEST_ZONE = '10.0.0.1 - Client [10/Nov/2009:14:00:00 -0900] "GET /foo http" 123 132 "referer" "agent" - "foo" "http://10.0.0.2/toto" 123000ms';
const TRAEFIK_3_TEST_EMPTY = '10.0.0.1 - Client [10/Nov/2009:23:00:00 +0000] "GET /foo http" - - "-" "-" 0 "-" "-" 123000ms';
const TRAEFIK_1_TEST_EMPTY = '10.0.0.1 - Client [10/Nov/2009:23:00:00 +0000] "GET /foo http" - - "-" "-" 0 - - 123000ms';

describe('TraefikClfParser', () => {
  it('reads a hijacked connection (status 0, a WebSocket: traefik/traefik#10064) as a request with nothing to explain (mechanics)', () => {
    const p = new TraefikClfParser();
    const line = '10.0.0.1 - - [04/Aug/2023:10:00:00 +0000] "GET /ws HTTP/1.1" 0 0 "-" "-" 7 "ws@docker" "http://172.18.0.3:80" 30000ms';
    expect(parseLine(p, line)).toBe(KIND.access);
    expect(p.status).toBe(0);
    expect(p.access()).toMatchObject({ status: 0, tcp: true, signal: null, upstream: 'http://172.18.0.3:80' });
  });

  it("reads 2.1.7 and later's quoted '-' service (TRAEFIK_3_TEST_EMPTY's form) as no server picked: Traefik answered itself", () => {
    const p = new TraefikClfParser();
    const line = '10.0.0.1 - - [11/Nov/2021:00:01:14 +0000] "GET /ping HTTP/1.1" 503 19 "-" "-" 88 "blue@docker" "-" 0ms';
    expect(parseLine(p, line)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ upstream: '', signal: { cause: 'no-live-upstream', confidence: 'high', decisive: true } });
  });

  it('reads a Traefik 1.x line: frontend, backend URL, duration in ms', () => {
    const p = new TraefikClfParser();
    const line = beats1x.toString('utf8').split('\n')[0] as string;
    expect(parseLine(p, line)).toBe(KIND.access);
    expect(p.access()).toEqual({
      status: 304,
      timeMs: Date.UTC(2017, 9, 2, 20, 22, 7),
      tzOffsetMin: 0,
      client: '192.168.33.1',
      method: 'GET',
      path: '/ui/favicons/favicon-16x16.png',
      requestId: '',
      upstream: 'http://172.19.0.3:5601',
      connection: '',
      requestTime: 0.002,
      signal: null,
      truncatedBy: null,
    });
  });

  it('reads the 1.x line published with an unbalanced quote in the frontend name', () => {
    const p = new TraefikClfParser();
    expect(parseLine(p, beats1x.toString('utf8').split('\n')[1] as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 304, client: '85.181.35.98', upstream: 'http://172.19.0.3:5601', requestTime: 0.003 });
  });

  it("reads Traefik 2.x and 3.x lines: an unquoted '-' service, an escaped quote, a zone, a '-' request count", () => {
    const p = new TraefikClfParser();
    expect(parseLine(p, issue2x.toString('utf8').trim())).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 200, path: '/ping', upstream: '', requestTime: 0 });
    expect(parseLine(p, TRAEFIK_3_TEST)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 200, upstream: 'http://127.0.0.1:8080', requestTime: 0.001 });
    expect(parseLine(p, TRAEFIK_3_TEST_ZONE)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 123, timeMs: Date.UTC(2009, 10, 10, 23), tzOffsetMin: -540, upstream: 'http://10.0.0.2/toto', requestTime: 123 });
  });

  it("reads a line published with its time taken out (`[]`, Traefik's blog beside its debug lines), its 502 the handler's by its 11 bytes (corpus: traefik-clf/traefik-tech-blog-retry-502-with-debug.log)", () => {
    const line = wild('traefik-tech-blog-retry-502-with-debug.log').toString('utf8').split('\n').find((l) => l.includes('"GET /retry')) as string;
    const p = new TraefikClfParser();
    expect(parseLine(p, line)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 502, timeMs: Number.NaN, signal: { cause: 'upstream-failed', confidence: 'medium' } });
  });

  it('reads lines without a status (no origin status logged) as requests that logged none, with nothing to explain', () => {
    const p = new TraefikClfParser();
    expect(parseLine(p, TRAEFIK_3_TEST_EMPTY)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 0, tcp: true, signal: null });
    expect(parseLine(p, TRAEFIK_1_TEST_EMPTY)).toBe(KIND.access);
    // Traefik 1.4 printed a missing status and size with Go's %d of a nil (traefik/traefik#2112, wild corpus).
    const nil = readFileSync(new URL('../../../test/fixtures/logs/wild/traefik-clf/traefik-2112-nil-status.log', import.meta.url), 'utf8');
    expect(parseLine(p, nil.split('\n')[0] as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 0, method: 'GET', path: '/prometheus/alerts', signal: null });
    // elastic/beats filebeat/module/nginx/access/test/test.log (wild corpus): combined, no Traefik fields.
    const combined = readFileSync(new URL('../../../test/fixtures/logs/wild/nginx-combined/beats-nginx-access-test.log', import.meta.url), 'utf8');
    expect(combined.split('\n').filter(Boolean).map((line) => parseLine(p, line))).not.toContain(KIND.access);
  });

  it('is how both corpus files are detected, not as combined or an inferred log_format', () => {
    const options = { appFields: {} };
    expect(detectInput(beats1x, true, false, options)).toMatchObject({ format: 'traefik-clf', matched: 2 });
    expect(detectInput(issue2x, true, false, options)).toMatchObject({ format: 'traefik-clf', matched: 1 });
  });
});

describe('traefikClfSignal', () => {
  it.each([
    // No server picked: Traefik answered itself (503 "no available server", a router with no service).
    [503, '', 19, 'no-live-upstream', 'high'],
    [502, '', 11, 'upstream-failed', 'high'],
    [500, '', 21, 'proxy-config', 'high'],
    // A server picked and the proxy error handler's body: its status text.
    [502, 'http://10.0.0.2:80', 11, 'upstream-failed', 'medium'],
    [504, 'http://10.0.0.2:80', 15, 'timeout', 'medium'],
    // Any other body came from the service.
    [502, 'http://10.0.0.2:80', 150, 'app-error', 'medium'],
    [500, 'http://10.0.0.2:80', 0, 'app-error', 'medium'],
    [503, 'http://10.0.0.2:80', 19, 'app-overload', 'medium'],
    [499, 'http://10.0.0.2:80', 21, 'client-closed', 'high'],
  ])('%i service %s size %i → %s (%s)', (status, service, size, cause, confidence) => {
    expect(traefikClfSignal(status, 'web@docker', service, size)).toMatchObject({ cause, confidence, decisive: true, evidence: { kind: 'traefik-service' } });
  });

  it('leaves a 500 with "Internal Server Error" alone as its body undecided: the handler and many applications write it', () => {
    expect(traefikClfSignal(500, 'web@docker', 'http://10.0.0.2:80', 21)).toMatchObject({ cause: 'unknown', decisive: false, reason: 'ambiguous-upstream-status' });
  });

  it('names the router, the service and the size in its evidence, and says nothing below 500', () => {
    expect(traefikClfSignal(502, 'web@docker', '', Number.NaN)?.evidence.detail).toBe('router=web@docker service=- size=-');
    expect(traefikClfSignal(404, '', '', 19)).toBeNull();
  });
});
