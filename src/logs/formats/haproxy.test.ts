import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseLine, wildLines } from '../../../test/logs/helpers.ts';
import { haproxySignal, HaproxyParser } from './haproxy.ts';
import { compileHaproxyFormat } from './haproxy-log-format.ts';
import { KIND } from './line-parser.ts';
import { createParser } from './registry.ts';
import { parseTimeZone } from './time-zone.ts';

const UTC = parseTimeZone('UTC');

describe('HaproxyParser', () => {
  it('reads the documented example with its syslog prefix and captured headers', () => {
    const p = new HaproxyParser(UTC);
    const line =
      'Feb  6 12:14:14 localhost haproxy[14389]: 10.0.1.2:33317 [06/Feb/2009:12:14:14.655] http-in static/srv1 10/0/30/69/109 200 2750 - - ---- 1/1/1/1/0 0/0 {1wt.eu} {} "GET /index.html HTTP/1.1"';
    expect(parseLine(p, line)).toBe(KIND.access);
    expect(p.status).toBe(200);
    expect(p.timeMs).toBe(Date.UTC(2009, 1, 6, 12, 14, 14, 655));
    expect(p.access()).toMatchObject({ client: '10.0.1.2', method: 'GET', path: '/index.html', upstream: 'static/srv1', requestTime: 0.109, signal: null, truncatedBy: null });
  });

  it("reads a JSON log-format that nests its fields, by their last names (haproxy/haproxy#2375's sC 503)", () => {
    const [line] = wildLines('haproxy-json/haproxy-2375-syslog-json-sC-503.log');
    const p = new HaproxyParser(parseTimeZone('UTC'));
    expect(parseLine(p, (line as string).slice((line as string).indexOf('{')))).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 503, upstream: 'loadtest_service_http/', signal: { cause: 'timeout' } });
  });

  it('reads the doc example of a failed connect after retries', () => {
    const p = new HaproxyParser(UTC);
    const line = '10.0.0.1:40000 [06/Feb/2009:12:12:51.443] fe px-http/srv1 3183/-1/-1/-1/11215 503 0 - - SC-- 205/202/202/115/3 0/0 "GET /x HTTP/1.0"';
    expect(parseLine(p, line)).toBe(KIND.access);
    expect(p.access().signal).toMatchObject({ cause: 'refused', evidence: { kind: 'haproxy-termination', detail: 'SC-- srv1' } });
  });

  it('reads the lab capture: every mode, the request id after the request, SD-- on a 200', () => {
    const lines = readFileSync(new URL('../../../test/fixtures/logs/haproxy/access.log', import.meta.url), 'utf8').trim().split('\n');
    const p = new HaproxyParser(UTC);
    const seen = lines.map((line) => {
      expect(parseLine(p, line)).toBe(KIND.access);
      const r = p.access();
      expect(r.requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-/);
      return [r.path, r.status, r.signal?.cause ?? r.truncatedBy?.detail];
    });
    expect(seen).toEqual([
      ['/connection-refused', 503, 'refused'],
      ['/reset-before-headers', 502, 'reset'],
      ['/close-without-reply', 502, 'reset'],
      ['/non-http-reply', 502, 'invalid-response'],
      ['/invalid-status-line', 502, 'invalid-response'],
      ['/oversized-headers', 502, 'invalid-response'],
      ['/slow-headers', 504, 'timeout'],
      ['/accept-and-hang', 504, 'timeout'],
      ['/truncated-body', 200, 'SD-- app'],
      ['/app-exception', 500, 'app-error'],
      ['/app-unavailable', 503, 'app-overload'],
    ]);
  });
});

const fixture = (path: string) => readFileSync(new URL(`../../../test/fixtures/logs/${path}`, import.meta.url), 'utf8').trimEnd().split('\n');

/** Status, cause (or the cut-short evidence) and path of each line read; null for a line not read. */
function readAll(p: HaproxyParser, lines: string[]): Array<[number, string | undefined, string] | null> {
  return lines.map((line) => {
    if (parseLine(p, line) !== KIND.access) return null;
    const r = p.access();
    return [r.status, r.signal?.cause ?? r.truncatedBy?.detail, r.path];
  });
}

describe('HaproxyParser on the manual’s examples (§8.9) and the variants of option httplog', () => {
  it("reads logasap values, a request never completed, a 408 before any server (HAProxy's own answer to a slow client), and a TCP session the client let idle as no failure", () => {
    const p = new HaproxyParser(UTC);
    // haproxy/haproxy@50872daa6a857e82afc40b1c5161924aef4172d7:doc/configuration.txt §8.9, as printed there on one line.
    const lines = [
      'haproxy[674]: 127.0.0.1:33320 [15/Oct/2003:08:32:17.654] px-http px-http/srv1 9/0/7/14/+30 200 +243 - - ---- 3/3/3/1/0 0/0 "GET /image.iso HTTP/1.0"',
      'haproxy[674]: 127.0.0.1:33320 [15/Oct/2003:08:32:17.925] px-http px-http/srv1 9/0/7/14/30 502 243 - - PH-- 3/2/2/0/0 0/0 "GET /cgi-bin/bug.cgi? HTTP/1.0"',
      'haproxy[18113]: 127.0.0.1:34548 [15/Oct/2003:15:18:55.798] px-http px-http/<NOSRV> -1/-1/-1/-1/8490 -1 0 - - CR-- 2/2/2/0/0 0/0 ""',
      'haproxy[18113]: 127.0.0.1:34549 [15/Oct/2003:15:19:06.103] px-http px-http/<NOSRV> -1/-1/-1/-1/50001 408 0 - - cR-- 2/2/2/0/0 0/0 ""',
      'haproxy[18989]: 127.0.0.1:34550 [15/Oct/2003:15:24:28.312] px-tcp px-tcp/srv1 0/0/5007 0 cD 0/0/0/0/0 0/0',
    ];
    expect(readAll(p, lines)).toEqual([[200, undefined, '/image.iso'], [502, 'invalid-response', '/cgi-bin/bug.cgi?'], [0, 'client-closed', ''], [408, 'client-closed', ''], [0, undefined, '']]);
    parseLine(p, lines[0] as string);
    expect(p.access().requestTime).toBe(0.03);
  });

  it('reads option httpslog, the manual’s example (§8.2.4) with its SSL fields after the request', () => {
    const p = new HaproxyParser(UTC);
    const line =
      'Feb  6 12:14:14 localhost haproxy[14389]: 10.0.1.2:33317 [06/Feb/2009:12:14:14.655] https-in static/srv1 10/0/30/69/109 200 2750 - - ---- 1/1/1/1/0 0/0 {1wt.eu} {} "GET /index.html HTTP/1.1" 0/0/0/0/0 1wt.eu/TLSv1.3/TLS_AES_256_GCM_SHA384';
    expect(parseLine(p, line)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ client: '10.0.1.2', path: '/index.html', upstream: 'static/srv1', requestTime: 0.109 });
  });

  it('reads the wild corpus: a field added before the timers, runs of spaces, a JSON-like format without quotes', () => {
    const p = new HaproxyParser(UTC);
    const custom = readAll(p, fixture('wild/haproxy-custom/beats-haproxy-log.log'));
    expect(custom.map((r) => r?.[0])).toEqual([304, 200, 302, 200, 200, 403, 200, 404, 200, 404]);
    expect(readAll(p, fixture('wild/haproxy-http/cerebro-syslog-504-sH.log'))).toEqual([
      [504, 'timeout', '/api/upload/4ddad61736a6'],
      [409, undefined, '/api/upload/4ddad61736a6'],
    ]);
    expect(readAll(p, fixture('wild/haproxy-custom/graylog-haproxy-json-1.log'))).toEqual([[404, undefined, '/sdfsdfsdfs/erwer']]);
    expect(p.access()).toMatchObject({ client: '193.174.118.209', upstream: 'be_WebMail/mail.koellers.net', timeMs: Date.UTC(2018, 10, 27, 21, 44, 43, 568) });
  });

  // Captured from HAProxy 2.6.12 (test/fixtures/logs/README.md): clf, httpslog, the Graylog JSON-like format, a custom one.
  it('reads every format of the capture without being told which, the request id logged after the request', () => {
    const p = new HaproxyParser(UTC);
    const read = readAll(p, fixture('haproxy-formats/access.log'));
    expect(read).toEqual(Array.from({ length: 4 }, () => [[200, undefined, '/'], [500, 'app-error', '/boom'], [503, 'refused', '/dead']]).flat());
    expect(p.access()).toMatchObject({ requestId: '2aab63f2-74bb-44f0-8c4a-822eaaf7ec32', upstream: 'dead/gone', requestTime: 3.002 });
    parseLine(p, fixture('haproxy-formats/access.log')[2] as string);
    expect(p.access()).toMatchObject({ client: '127.0.0.1', upstream: 'dead/gone', timeMs: Date.UTC(2026, 11, 4, 11, 41, 39), tzOffsetMin: 0 });
  });
});

describe('HaproxyParser given a log-format', () => {
  it('reads only lines of that format, their fields by alias', () => {
    const cfg = readFileSync(new URL('../../../test/fixtures/logs/haproxy-formats/haproxy.cfg', import.meta.url), 'utf8');
    const custom = /log-format ("%ci.*")/.exec(cfg)?.[1] as string;
    const p = new HaproxyParser(UTC, compileHaproxyFormat(custom));
    const lines = fixture('haproxy-formats/access.log');
    expect(readAll(p, lines).filter((r) => r !== null)).toHaveLength(3);
    expect(readAll(p, lines.slice(9))[2]).toEqual([503, 'refused', '/dead']);
    expect(p.access().requestId).toBe('2aab63f2-74bb-44f0-8c4a-822eaaf7ec32');
  });

  it('reads an object-like format by its keys when the line lost its quotes (the Graylog pack’s format, as its repository has it)', () => {
    const cfg = readFileSync(new URL('../../../test/fixtures/logs/haproxy-formats/haproxy.cfg', import.meta.url), 'utf8');
    const graylog = /log-format (\{.*)/.exec(cfg)?.[1] as string;
    const p = new HaproxyParser(UTC, compileHaproxyFormat(graylog));
    expect(readAll(p, [...fixture('haproxy-formats/access.log').slice(6, 9), ...fixture('wild/haproxy-custom/graylog-haproxy-json-1.log')])).toEqual([
      [200, undefined, '/'],
      [500, 'app-error', '/boom'],
      [503, 'refused', '/dead'],
      [404, undefined, '/sdfsdfsdfs/erwer'],
    ]);
  });

  // Synthetic lines, for the mechanics: JSON as src/log.c writes it for %{+json}o (`"name": value`, `, ` between).
  it('reads %{+json}o lines by the names the format gives its items', () => {
    const p = new HaproxyParser(UTC, compileHaproxyFormat('%{+json}o %(client)ci %(date)tr %(be)b %(srv)s %(code)ST %(state)tsc %(req)r %(total)Ta'));
    const line = '{"client": "10.0.0.1", "date": "06/Feb/2009:12:14:14.655", "be": "static", "srv": "srv1", "code": 504, "state": "sH--", "req": "GET /x HTTP/1.1", "total": 2001}';
    expect(readAll(p, [line, '10.0.0.1:1 [06/Feb/2009:12:14:14.655] fe be/s 0/0/0/0/0 200 1 - - ---- 1/1/1/1/0 0/0 "GET / HTTP/1.1"'])).toEqual([[504, 'timeout', '/x'], null]);
    expect(p.access()).toMatchObject({ upstream: 'static/srv1', requestTime: 2.001 });
  });
});

describe('HaproxyParser time zones', () => {
  const line = '10.0.0.1:40000 [21/Nov/2026:23:00:00.123] fe be/srv1 0/0/1/2/3 500 10 - - ---- 1/1/1/1/0 0/0 "GET /pay HTTP/1.1"';
  const savedTz = process.env.TZ;
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  it('reads the zone-less accept date in the given zone and records its offset', () => {
    const jakarta = new HaproxyParser(parseTimeZone('Asia/Jakarta'));
    expect(parseLine(jakarta, line)).toBe(KIND.access);
    expect(jakarta.timeMs).toBe(Date.UTC(2026, 10, 21, 16, 0, 0, 123));
    expect(jakarta.access().tzOffsetMin).toBe(420);
    const behind = new HaproxyParser(parseTimeZone('-03:30'));
    parseLine(behind, line);
    expect(behind.timeMs).toBe(Date.UTC(2026, 10, 22, 2, 30, 0, 123));
  });

  it("reads it in this machine's zone by default (TZ pinned here)", () => {
    process.env.TZ = 'America/New_York';
    const p = createParser('haproxy', { appFields: {} });
    parseLine(p, line);
    expect(p.timeMs).toBe(Date.UTC(2026, 10, 22, 4, 0, 0, 123));
    expect(p.tzOffsetMin).toBe(-300);
    process.env.TZ = 'UTC';
    const utc = createParser('haproxy', { appFields: {} });
    parseLine(utc, line);
    expect(utc.timeMs).toBe(Date.UTC(2026, 10, 21, 23, 0, 0, 123));
  });
});

describe('haproxySignal', () => {
  it.each([
    [503, 'SC--', '<NOSRV>', 'no-live-upstream'],
    [503, 'sQ--', 'srv1', 'load-shed'],
    [503, 'sC--', 'srv1', 'timeout'],
    [502, 'PH--', 'srv1', 'invalid-response'],
    [504, 'sH--', 'srv1', 'timeout'],
    [0, 'CH--', 'srv1', 'client-closed'],
    [500, '----', 'srv1', 'app-error'],
    [502, 'SD--', 'srv1', 'app-error'],
  ])('%i %s %s → %s', (status, state, server, cause) => expect(haproxySignal(status, state, server)?.cause).toBe(cause));

  it('says nothing about other statuses', () => expect(haproxySignal(404, '----', 'srv1')).toBeNull());
});

describe('HAProxy option tcplog', () => {
  // rancher/rancher#2414 (wild corpus): tcplog lines behind syslog, the bytes read where httplog has its status.
  const lines = readFileSync(new URL('../../../test/fixtures/logs/wild/haproxy-tcp/rancher-2414-tcplog.log', import.meta.url), 'utf8').trimEnd().split('\n');

  it('reads a session as one with no status (not its byte count), a verdict only for a failed one', () => {
    const p = new HaproxyParser(parseTimeZone('UTC'));
    expect(parseLine(p, lines[0] as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 0, tcp: true, client: '10.42.0.1', upstream: '900_www_abc2_com_service2_html/10.42.145.247', signal: null });
    expect(parseLine(p, lines[1] as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 0, tcp: true, signal: { cause: 'no-live-upstream', evidence: { detail: 'SC <NOSRV>' } } });
  });
});
