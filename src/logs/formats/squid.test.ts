import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLine } from '../../../test/logs/helpers.ts';
import { KIND } from './line-parser.ts';
import { SquidParser, squidSignal } from './squid.ts';

const corpus = (file: string): string[] => readFileSync(new URL(`../../../test/fixtures/logs/wild/squid/${file}`, import.meta.url), 'utf8').split('\n');

describe('SquidParser', () => {
  it('reads a Squid 3+ line: end time, elapsed, client, status, URL, server (corpus: squid/acabe10-squid3-buster-503.log)', () => {
    const p = new SquidParser();
    expect(parseLine(p, corpus('acabe10-squid3-buster-503.log')[3] as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({
      status: 301,
      timeMs: 1614769904599,
      client: '192.168.200.1',
      method: 'GET',
      path: 'http://www.josedomingo.org/',
      upstream: '37.187.119.60',
      requestTime: 0.158,
      signal: null,
    });
  });

  it('reads a line whose time keeps whole seconds only (corpus: squid/dodancs-5eps-gaps.log, held-out set 85)', () => {
    const p = new SquidParser();
    expect(parseLine(p, corpus('dodancs-5eps-gaps.log')[2] as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 200, timeMs: 1579776395000, method: 'GET', path: 'http://detectportal.firefox.com/success.txt' });
  });

  it("reads Squid's own 503 (TCP_MISS, HIER_NONE/-) as Squid's, cause left generic", () => {
    const p = new SquidParser();
    expect(parseLine(p, corpus('acabe10-squid3-buster-503.log')[0] as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 503, upstream: '', signal: { cause: 'upstream-failed', confidence: 'high', evidence: { kind: 'squid-codes', detail: 'TCP_MISS/503 HIER_NONE/-' } } });
  });

  it('reads the Squid 2 form (DIRECT/<ip>, NONE/-, a user name) and TCP_DENIED/407 as a request (corpus: squid/integrations-test-access.log)', () => {
    const lines = corpus('integrations-test-access.log');
    const p = new SquidParser();
    expect(parseLine(p, lines[0] as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 200, method: 'CONNECT', path: 'login.yahoo.com:443', upstream: '175.16.199.115', requestTime: 5.006 });
    expect(parseLine(p, lines[21] as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 407, upstream: '', signal: null });
  });

  it('reads an IPv6 client and a content type after two spaces (corpus: squid/plaso-squid-access.log)', () => {
    const lines = corpus('plaso-squid-access.log');
    const p = new SquidParser();
    expect(parseLine(p, lines[1] as string)).toBe(KIND.access);
    expect(parseLine(p, lines[4] as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 404, client: '2001:db8::1', upstream: '93.184.216.34' });
  });

  it('reads no other line: a tail warning, a common-log line (corpus: squid/salrashid-squid-proxy-10-tag-none.log)', () => {
    const p = new SquidParser();
    expect(parseLine(p, corpus('salrashid-squid-proxy-10-tag-none.log')[2] as string)).toBe(KIND.none);
    expect(parseLine(p, '10.0.0.1 - - [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.0" 200 2326')).toBe(KIND.none);
  });

  it('reads status 000 (no reply sent) as a request without a status to explain (mechanics)', () => {
    const p = new SquidParser();
    expect(parseLine(p, '1715680800.000      0 10.0.0.1 NONE/000 0 NONE error:transaction-end-before-headers - HIER_NONE/- -')).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 0, method: 'NONE', tcp: true, signal: null });
  });

  it('decides by the reply headers log_mime_hdrs appends: X-Squid-Error names Squid\'s page (mechanics)', () => {
    const p = new SquidParser();
    const line =
      '1715680800.000     84 10.0.0.1 TCP_MISS/502 5078 GET http://app.example/x - HIER_DIRECT/10.0.0.2 text/html [Host: app.example\\r\\n] [HTTP/1.1 502 Bad Gateway\\r\\nServer: squid\\r\\nX-Squid-Error: ERR_INVALID_RESP 0\\r\\n\\r]';
    expect(parseLine(p, line)).toBe(KIND.access);
    expect(p.access().signal).toMatchObject({ cause: 'invalid-response', confidence: 'high', evidence: { detail: 'TCP_MISS/502 HIER_DIRECT/10.0.0.2 ERR_INVALID_RESP' } });
    const refused = squidSignal(503, 'TCP_MISS', 'GET', 'HIER_NONE', '-', 'text/html [Host: app.example\\r\\n] [HTTP/1.1 503 Service Unavailable\\r\\nX-Squid-Error: ERR_CONNECT_FAIL 111\\r\\n\\r]');
    expect(refused).toMatchObject({ cause: 'refused', confidence: 'high' });
    const served = squidSignal(502, 'TCP_MISS', 'GET', 'HIER_DIRECT', '10.0.0.2', 'text/html [Host: app.example\\r\\n] [HTTP/1.1 502 Bad Gateway\\r\\nServer: gunicorn\\r\\n\\r]');
    expect(served).toMatchObject({ cause: 'app-error', confidence: 'high' });
  });
});

describe('squidSignal', () => {
  it("names Squid's own answers: no server, a CONNECT to the origin, _TIMEDOUT, _ABORTED", () => {
    // squid-cache/squid pull request #1354 (description): a CONNECT whose TCP connection failed.
    expect(squidSignal(503, 'TAG_NONE', 'CONNECT', 'HIER_NONE', '-')).toMatchObject({ cause: 'upstream-failed', confidence: 'high' });
    expect(squidSignal(503, 'TCP_MISS', 'CONNECT', 'HIER_DIRECT', '10.0.0.2')).toMatchObject({ cause: 'upstream-failed', confidence: 'high' });
    expect(squidSignal(504, 'TCP_MISS_TIMEDOUT', 'GET', 'HIER_DIRECT', '10.0.0.2')).toMatchObject({ cause: 'timeout', confidence: 'high' });
    expect(squidSignal(502, 'TCP_MISS_ABORTED', 'GET', 'HIER_DIRECT', '10.0.0.2')).toMatchObject({ cause: 'upstream-failed', confidence: 'medium' });
  });

  it("gives a 500 from a server to the server, leaves a 502/503/504 undecided (Squid's own pages too), and a cached 5xx unexplained", () => {
    expect(squidSignal(500, 'TCP_MISS', 'GET', 'FIRST_PARENT_MISS', '10.0.0.3')).toMatchObject({ cause: 'app-error', confidence: 'medium' });
    // ERR_SECURE_CONNECT_FAIL is Squid's 503 after the TCP connect to the origin: logged with the origin's address
    // (a published EventSource capture over HTTPS: TCP_MISS/503 4277 text/html HIER_DIRECT/<origin>).
    expect(squidSignal(503, 'TCP_MISS', 'GET', 'HIER_DIRECT', '10.0.0.2')).toMatchObject({ decisive: false });
    expect(squidSignal(503, 'TCP_MISS', 'CONNECT', 'FIRST_PARENT_MISS', '10.0.0.3')).toMatchObject({ decisive: false });
    expect(squidSignal(502, 'TCP_MISS', 'GET', 'HIER_DIRECT', '10.0.0.2')).toMatchObject({ decisive: false });
    expect(squidSignal(500, 'TCP_NEGATIVE_HIT', 'GET', 'HIER_NONE', '-')).toBeNull();
    expect(squidSignal(407, 'TCP_DENIED', 'GET', 'HIER_NONE', '-')).toBeNull();
  });
});
