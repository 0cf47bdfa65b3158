import { describe, expect, it } from 'vitest';
import { detectWild, parseLine, wildLines } from '../../../test/logs/helpers.ts';
import { KIND } from './line-parser.ts';
import { TykParser, tykSignal } from './tyk.ts';

// tyk-docs api-management/logs/access-logs.mdx, "Examples": five entries, each wrapped over indented lines.
const FILE = 'tyk-logfmt/tyk-docs-access-logs-error-examples.log';
const LINES = wildLines(FILE);
/** The first example (connection refused) as the gateway writes it: its wrapped lines on one line. */
const REFUSED = LINES.slice(6, 10).map((l) => l.trim()).join(' ');

describe('TykParser', () => {
  it('is detected from the doc page, between its prose and tags', () => {
    expect(detectWild(FILE)).toBe('tyk');
  });

  it('reads a one-line entry: time, method, path, the failed target and a connection refused', () => {
    const p = new TykParser();
    expect(parseLine(p, REFUSED)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 500, timeMs: Date.parse('2025-02-10T14:23:01Z'), method: 'GET', path: '/users', upstream: 'api.backend.com:443', signal: { cause: 'refused', confidence: 'high' } });
  });

  it('gathers an entry wrapped over indented lines until its status', () => {
    const p = new TykParser();
    const kinds = LINES.slice(67, 72).map((line) => parseLine(p, line));
    expect(kinds).toEqual([KIND.other, KIND.other, KIND.other, KIND.access, KIND.other]);
    expect(p.access()).toMatchObject({ status: 503, path: '/health', signal: { cause: 'app-overload', evidence: { kind: 'tyk-flags' } } });
  });

  // Mechanics: the doc's first example's keys as a JSON record (log format json), written here, not a published line.
  it('reads the same keys as a JSON record (log format json)', () => {
    const p = new TykParser();
    const line = JSON.stringify({ level: 'info', method: 'GET', path: '/users', prefix: 'access-log', error_source: 'ReverseProxy', response_flag: 'URT', status: 504, time: '2025-02-10T14:23:01Z' });
    expect(parseLine(p, line)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 504, signal: { cause: 'timeout' } });
    expect(parseLine(p, JSON.stringify({ level: 'info', prefix: 'main', status: 500 }))).toBe(KIND.none);
  });

  it("does not read other logrus lines (Tyk's application log, Traefik's process log)", () => {
    const p = new TykParser();
    expect(parseLine(p, 'time="2025-01-29T08:27:09Z" level=info msg="Starting gateway" prefix=main')).toBe(KIND.none);
    expect(parseLine(p, 'time="2019-03-13T09:48:11Z" level=debug msg="vulcand/oxy/roundrobin/rr: completed ServeHttp on request"')).toBe(KIND.none);
  });
});

describe('tykSignal', () => {
  it.each([
    [500, 'ReverseProxy', 'UCF', '', 'refused'],
    [504, 'ReverseProxy', 'URT', '', 'timeout'],
    [503, 'ReverseProxy', 'NHU', '', 'no-live-upstream'],
    [500, 'ReverseProxy', 'TLN', '', 'tls'],
    [500, 'Upstream', 'URS', '500', 'app-error'],
    [502, '', '', '502', 'app-error'],
    [500, 'JWTMiddleware', 'XYZ', '', 'proxy-config'],
  ])('%i %s %s upstream_status=%s is %s', (status, source, flag, upstream, cause) => {
    expect(tykSignal(status, source, flag, upstream)?.cause).toBe(cause);
  });

  it('leaves a 5xx without the error classification (gateways before it) undecided, and 4xx alone', () => {
    expect(tykSignal(502, '', '', '')).toBeNull();
    expect(tykSignal(429, 'RateLimitAndQuotaCheck', 'RLT', '')).toBeNull();
  });
});
