import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLine, wildLines } from '../../../test/logs/helpers.ts';
import { GorouterParser, gorouterSignal } from './gorouter.ts';
import { KIND } from './line-parser.ts';

// cloudfoundry/cf-networking-onboarding@3d55bd6d5ea6a1251c4e8962a89c567a615a84b3
// http-routes/120-incoming-http-requests-pt-5.markdown: an access.log line, the route name replaced by APP_A_ROUTE.
const published = readFileSync(new URL('../../../test/fixtures/logs/wild/gorouter/cf-networking-onboarding-access.log', import.meta.url), 'utf8').trimEnd();

describe('GorouterParser', () => {
  it('reads the published line: start time, request, backend, vcap_request_id, response_time', () => {
    const p = new GorouterParser();
    expect(parseLine(p, published)).toBe(KIND.access);
    expect(p.access()).toMatchObject({
      status: 200,
      timeMs: Date.UTC(2021, 1, 18, 21, 22, 32, 355),
      client: '35.191.2.80',
      method: 'GET',
      path: '/',
      requestId: '6cb8b8de-bc85-4479-5f90-1c3a52d88d84',
      upstream: '10.0.1.11:61002',
      requestTime: 0.011962,
      signal: null,
    });
  });

  it('reads the pre-2018 form: day/month/year time, bare addresses and vcap_request_id (corpus: gorouter/maeddes-cf-logs-rtr.log)', () => {
    // Published with CRLF line ends, which the line splitter drops before a parser sees the line.
    const inCfLogs = readFileSync(new URL('../../../test/fixtures/logs/wild/gorouter/maeddes-cf-logs-rtr.log', import.meta.url), 'utf8').split('\r\n')[0] as string;
    const p = new GorouterParser();
    expect(parseLine(p, inCfLogs.slice(inCfLogs.indexOf(' OUT ') + 5))).toBe(KIND.access);
    expect(p.access()).toMatchObject({
      status: 200,
      timeMs: Date.UTC(2017, 3, 21, 16, 3, 55, 467),
      client: '192.168.11.1',
      upstream: '10.0.2.15:60138',
      requestId: 'bafbf532-409f-4268-794b-635aa2351e3a',
    });
  });

  it("reads a line whose host a paste replaced with a placeholder, and its 67-byte 502 as the router's (corpus: gorouter/net-sample-app-5-cf-logs-redacted.log)", () => {
    const [inCfLogs] = wildLines('gorouter/net-sample-app-5-cf-logs-redacted.log');
    const line = (inCfLogs as string).replace(/^\S+ \[RTR\] OUT /, '');
    expect(line.startsWith('<Route URL> - [18/11/2016:12:20:38.381 +0000]')).toBe(true);
    const p = new GorouterParser();
    expect(parseLine(p, line)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 502, method: 'GET', path: '/', signal: { cause: 'upstream-failed', evidence: { kind: 'error-page-size' } } });
    expect(parseLine(new GorouterParser(), line.replace('<Route URL>', 'two words'))).toBe(KIND.none);
  });

  it('reads the 2014 form, with vcap_request: for the request id (cloudfoundry/gorouter PR 29)', () => {
    const line =
      'api.10.244.0.34.xip.io - [25/02/2014:14:09:19 +0000] "GET /bulk/apps?batch_size=500&bulk_token={} HTTP/1.1" 200 281 "-" "Go 1.1 package http" 172.16.118.134:37262 vcap_request:0b5599bf-1247-48ed-aaf0-212142b41203 response_time:0.008804337 app_id:';
    const p = new GorouterParser();
    expect(parseLine(p, line)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 200, client: '172.16.118.134', requestId: '0b5599bf-1247-48ed-aaf0-212142b41203', requestTime: 0.008804337 });
  });

  it('reads Gorouter\'s own 502 (no backend address, x_cf_routererror set) as the router\'s (mechanics)', () => {
    const p = new GorouterParser();
    const line =
      'app.example.com - [2024-05-14T10:00:00.000000000Z] "GET /x HTTP/1.1" 502 0 67 "-" "curl/8.0" "10.0.0.1:5000" "10.0.16.7:61012" x_forwarded_for:"-" x_forwarded_proto:"https" vcap_request_id:"abc" response_time:0.003 gorouter_time:0.000 app_id:"-" app_index:"-" instance_id:"-" x_cf_routererror:"endpoint_failure"';
    expect(parseLine(p, line)).toBe(KIND.access);
    expect(p.access().signal).toMatchObject({ cause: 'upstream-failed', confidence: 'high', evidence: { kind: 'gorouter-error' } });
  });

  it('reads no CLF line without Gorouter\'s fields', () => {
    expect(parseLine(new GorouterParser(), 'host - [2024-05-14T10:00:00Z] "GET / HTTP/1.1" 200 0 1 "-" "-" "a" "b"')).toBe(KIND.none);
  });
});

describe('gorouterSignal', () => {
  it('names the cause of a router error, else gives the answer to the backend that was picked', () => {
    expect(gorouterSignal(503, 'no_endpoints', '')).toMatchObject({ cause: 'no-live-upstream' });
    expect(gorouterSignal(504, 'endpoint_failure', '10.0.0.2:61000')).toMatchObject({ cause: 'timeout' });
    expect(gorouterSignal(502, 'route_service_unsupported', '')).toMatchObject({ cause: 'proxy-config' });
    expect(gorouterSignal(500, '', '10.0.0.2:61000')).toMatchObject({ cause: 'app-error', confidence: 'medium' });
    expect(gorouterSignal(502, '', '')).toBeNull();
    // A record of a release that did not log x_cf_routererror: the backend's address is there when the router gave up on it too.
    expect(gorouterSignal(502, null, '192.168.120.38:61012')).toBeNull();
    expect(gorouterSignal(404, 'unknown_route', '')).toBeNull();
  });

  it("tells the router's own 502 by its 67 bytes in records without x_cf_routererror (corpus: cf-docs-concepts-95-rtr-502-300s.log)", () => {
    const p = new GorouterParser();
    const [line] = wildLines('gorouter/cf-docs-concepts-95-rtr-502-300s.log');
    expect(parseLine(p, (line as string).replace(/^.*? \[RTR\/\d+\] OUT /, ''))).toBe(KIND.access);
    expect(p.access().signal).toMatchObject({ cause: 'upstream-failed', confidence: 'medium', evidence: { kind: 'error-page-size', detail: '502 67 bytes' } });
    expect(gorouterSignal(502, null, '192.168.120.38:61012', 68)).toBeNull();
    expect(gorouterSignal(502, '', '192.168.120.38:61012', 67)).toMatchObject({ cause: 'app-error' });
  });
});
