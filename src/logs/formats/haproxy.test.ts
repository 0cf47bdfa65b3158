import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parseLine } from '../../../test/logs/helpers.ts';
import { haproxySignal, HaproxyParser } from './haproxy.ts';
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
