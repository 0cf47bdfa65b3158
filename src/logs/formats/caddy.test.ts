import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLine, wildLines } from '../../../test/logs/helpers.ts';
import { CaddyParser, caddyErrorCause, caddySignal } from './caddy.ts';
import { KIND } from './line-parser.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/logs/caddy/${name}`, import.meta.url), 'utf8').trim().split('\n');

describe('CaddyParser', () => {
  it('reads the access lines of the lab capture, with Caddy-made and upstream 5xx told apart', () => {
    const p = new CaddyParser();
    const seen = fixture('access.log').map((line) => {
      expect(parseLine(p, line)).toBe(KIND.access);
      const r = p.access();
      expect(r.connection).toMatch(/^127\.0\.0\.1:\d+$/);
      return [r.path, r.status, r.signal?.cause ?? null];
    });
    expect(seen).toEqual([
      ['/connection-refused', 502, 'upstream-failed'],
      ['/reset-before-headers', 502, 'upstream-failed'],
      ['/close-without-reply', 502, 'upstream-failed'],
      ['/non-http-reply', 502, 'upstream-failed'],
      ['/invalid-status-line', 502, 'upstream-failed'],
      ['/oversized-headers', 200, null],
      ['/slow-headers', 504, 'timeout'],
      ['/accept-and-hang', 504, 'timeout'],
      ['/truncated-body', 200, null],
      ['/app-exception', 500, 'app-error'],
      ['/app-unavailable', 503, 'app-overload'],
    ]);
  });

  it("reads status 0 (no handler wrote a response) as the empty 200 Caddy's server sent, not as a request left unanswered", () => {
    const p = new CaddyParser();
    const seen = fixture('no-route.log').map((line) => {
      expect(parseLine(p, line)).toBe(KIND.access);
      return [p.access().path, p.access().status];
    });
    expect(seen).toEqual([
      ['/nothing-here', 200],
      ['/routed', 200],
    ]);
  });

  it('takes the X-Request-Id the doctor\'s Caddyfile sets on every response for Caddy\'s own header, not the upstream\'s', () => {
    // Captured from Caddy 2.6.2 running the log-setup doctor's Caddyfile (test/logs/log-setup.test.ts), the upstream refusing.
    const line =
      '{"level":"error","ts":1796382413.538647,"logger":"http.log.access.log0","msg":"handled request","request":{"remote_ip":"127.0.0.1","remote_port":"38572","proto":"HTTP/1.1","method":"GET","host":"127.0.0.1:44753","uri":"/connection-refused","headers":{"User-Agent":["httpwhy-test"],"Accept":["*/*"],"Connection":["close"]}},"user_id":"","duration":0.000873007,"size":0,"status":502,"resp_headers":{"Server":["Caddy"],"X-Request-Id":["d4840df0-9849-4c27-af93-c7d52104088b"]}}';
    const p = new CaddyParser();
    expect(parseLine(p, line)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ requestId: 'd4840df0-9849-4c27-af93-c7d52104088b', signal: { cause: 'upstream-failed' } });
  });

  it("reads Caddy v1's error lines as the 5xx Caddy answered, with the Go error as cause (wild corpus: caddy-546-v1-fastcgi-502.log)", () => {
    const p = new CaddyParser();
    const lines = wildLines('caddy-error/caddy-546-v1-fastcgi-502.log');
    expect(lines.map((line) => parseLine(p, line)).every((kind) => kind === KIND.proxyError)).toBe(true);
    expect(p.errorEvent).toMatchObject({ status: 502, cause: 'refused', request: ' /wp-admin/async-upload.php', upstream: '127.0.0.1:9000' });
    expect(p.errorEvent?.time.ms).toBe(Date.UTC(2016, 0, 29, 14, 17, 52));
    expect(parseLine(p, '29/Jan/2016:15:17:26 +0100 [ERROR 404 /favicon.ico] open /srv/favicon.ico: no such file or directory')).toBe(KIND.other);
  });

  it("reads records written with an encoder's time_format (a string ts) and upper-case levels (wild corpus: caddy-json/turboinserat-uvicorn-500.log)", () => {
    const p = new CaddyParser();
    const line = wildLines('caddy-json/turboinserat-uvicorn-500.log')[468] as string;
    expect(line.startsWith('{"level":"INFO","ts":"2025-05-19T21:24:02.079Z"')).toBe(true);
    expect(parseLine(p, line)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 404, timeMs: Date.parse('2025-05-19T21:24:02.079Z'), method: 'GET' });
  });

  it("reads Caddy v1's error line with only the Go logger's local date (wild corpus: caddy-v1-error/homeassistant-core-84139-lovelace.log)", () => {
    const p = new CaddyParser();
    const line = wildLines('caddy-v1-error/homeassistant-core-84139-lovelace.log').find((l) => l.includes('[ERROR')) as string;
    expect(parseLine(p, line)).toBe(KIND.proxyError);
    expect(p.errorEvent).toMatchObject({ status: 502, cause: 'timeout', request: ' /lovelace', upstream: '172.17.0.1:8123', time: { ms: Date.UTC(2022, 11, 17, 16, 0, 8), local: true } });
  });

  it('reads the error lines as events with the Go error as cause', () => {
    const p = new CaddyParser();
    const causes = fixture('error.log').map((line) => {
      expect(parseLine(p, line)).toBe(KIND.proxyError);
      return [p.errorEvent?.request, p.errorEvent?.cause];
    });
    expect(causes).toEqual([
      ['GET /connection-refused', 'refused'],
      ['GET /reset-before-headers', 'reset'],
      ['GET /close-without-reply', 'reset'],
      ['GET /non-http-reply', 'invalid-response'],
      ['GET /invalid-status-line', 'invalid-response'],
      ['GET /slow-headers', 'timeout'],
      ['GET /accept-and-hang', 'timeout'],
    ]);
  });

  it('counts other Caddy loggers as read and rejects JSON that is not Caddy', () => {
    const p = new CaddyParser();
    expect(parseLine(p, '{"level":"info","ts":1700000000.1,"logger":"http.log","msg":"server running","name":"srv0"}')).toBe(KIND.other);
    expect(parseLine(p, '{"level":30,"time":1700000000000,"msg":"hello"}')).toBe(KIND.none);
  });

  it('finds the request id in the logged request headers', () => {
    const p = new CaddyParser();
    const line =
      '{"level":"error","ts":1795296767.7376728,"logger":"http.log.access.log0","msg":"handled request","request":{"remote_ip":"127.0.0.1","remote_port":"43808","method":"GET","uri":"/down/x","headers":{"X-Request-Id":["abc123def456abc1"]}},"duration":0.0004,"size":0,"status":502,"resp_headers":{"Server":["Caddy"]}}';
    expect(parseLine(p, line)).toBe(KIND.access);
    expect(p.access().requestId).toBe('abc123def456abc1');
  });
});

describe('CaddyParser on the console encoding', () => {
  it('reads the lines of a console-encoded capture, colors and all, as the JSON ones (test/fixtures/logs/caddy/console.log)', () => {
    const p = new CaddyParser();
    const kinds = fixture('console.log').map((line) => parseLine(p, line));
    // Start-up and shutdown lines of Caddy's loggers are read; those of the root logger (no name) are not Caddy's alone.
    expect(kinds).toEqual([4, 4, 4, 4, 4, 0, 0, 4, KIND.proxyError, KIND.access, 0, 0, 4, 0, 0, 0]);
    parseLine(p, fixture('console.log')[8] as string);
    expect(p.errorEvent).toMatchObject({ status: 502, cause: 'refused', request: 'GET /dead?x=1', connection: '127.0.0.1:39912', time: { ms: Date.UTC(2026, 11, 4, 13, 3, 48, 348), local: false } });
    parseLine(p, fixture('console.log')[9] as string);
    expect(p.access()).toMatchObject({ status: 502, path: '/dead?x=1', connection: '127.0.0.1:39912', signal: { cause: 'upstream-failed' } });
  });

  it('reads the epoch-float time zap\'s EpochTimeEncoder writes (time_format unix_seconds_float)', () => {
    // Synthetic (parser mechanics): the console layout with that time and a lowercase level (level_format lower).
    const p = new CaddyParser();
    expect(parseLine(p, '1.576867456328023e+09\terror\thttp.log.error\tEOF\t{"request": {"method": "GET", "uri": "/x", "remote_addr": "192.0.2.1:5000"}, "status": 502}')).toBe(KIND.proxyError);
    expect(p.errorEvent).toMatchObject({ status: 502, cause: 'reset', time: { ms: 1576867456328.023, local: false } });
  });

  it('takes a console line of another zap logger for none of Caddy\'s', () => {
    // Synthetic (parser mechanics): zap's console layout from a program whose loggers are not Caddy's.
    expect(parseLine(new CaddyParser(), '2024/01/01 00:00:00.000\tINFO\tworker\tjob done\t{"id": 3}')).toBe(KIND.none);
    expect(parseLine(new CaddyParser(), '2024/01/01 00:00:00.000\tINFO\thttp.log.access\thandled request\t{broken')).toBe(KIND.none);
  });
});

describe('Caddy error lines as responses', () => {
  it('keeps the status of an error-level line: Caddy answered with it (TracecatHQ/tracecat#1331, after its compose prefix)', () => {
    const [line] = wildLines('caddy-error/tracecat-1331-compose.log').map((l) => l.slice(l.indexOf('| ') + 2));
    const p = new CaddyParser();
    expect(parseLine(p, line as string)).toBe(KIND.proxyError);
    expect(p.errorEvent).toMatchObject({ status: 502, cause: 'refused', request: 'GET /api//info', upstream: '172.21.0.6:8000' });
  });

  // Synthetic lines in the layout server.go writes (parser mechanics): a debug-level error was answered by a
  // handle_errors route (caddyserver/caddy#4584, 2.5.0), and a failed route nests the first error under first_error.
  const request = '"request":{"remote_ip":"192.0.2.1","remote_port":"5000","method":"GET","uri":"/x"}';
  it('keeps no status of a debug-level line: a handle_errors route answered, its access line says how', () => {
    const p = new CaddyParser();
    parseLine(p, `{"level":"debug","ts":1700000000.5,"logger":"http.log.error","msg":"dial tcp 10.0.0.2:80: connect: connection refused",${request},"duration":0.001,"status":502,"err_id":"abc","err_trace":"reverseproxy.statusError (reverseproxy.go:1269)"}`);
    expect(p.errorEvent?.cause).toBe('refused');
    expect(p.errorEvent?.status).toBeUndefined();
  });

  it('reads the first error of a failed handle_errors route: its status is the response Caddy wrote', () => {
    const p = new CaddyParser();
    parseLine(p, `{"level":"error","ts":1700000000.5,"logger":"http.log.error","msg":"error handling handler error",${request},"duration":0.001,"error":"open /srv/502.html: no such file or directory","first_error":{"msg":"dial tcp 10.0.0.2:80: i/o timeout","status":504,"err_id":"abc","err_trace":"reverseproxy.statusError (reverseproxy.go:1269)"}}`);
    expect(p.errorEvent).toMatchObject({ status: 504, cause: 'timeout', message: 'dial tcp 10.0.0.2:80: i/o timeout' });
  });
});

describe('caddyErrorCause', () => {
  it('tells reverse_proxy failures, the upstream\'s own status after retry_match, and other handlers\' errors apart', () => {
    // Messages and traces as reverseproxy.go (statusError, retryableResponseError, errNoUpstream) and staticerror.go write them.
    expect(caddyErrorCause('dial tcp 172.21.0.6:8000: connect: connection refused', 'reverseproxy.statusError (reverseproxy.go:1269)', 502)).toBe('refused');
    expect(caddyErrorCause('no upstreams available', 'reverseproxy.(*Handler).proxyLoopIteration (reverseproxy.go:640)', 503)).toBe('no-live-upstream');
    expect(caddyErrorCause('upstream response matched retry_match (status 503)', 'reverseproxy.statusError (reverseproxy.go:1620)', 503)).toBe('app-overload');
    expect(caddyErrorCause('upstream response matched retry_match (status 500)', 'reverseproxy.statusError (reverseproxy.go:1620)', 500)).toBe('app-error');
    expect(caddyErrorCause('down for maintenance', 'caddyhttp.StaticError.ServeHTTP (staticerror.go:109)', 503)).toBe('proxy-config');
    expect(caddyErrorCause('something new', 'reverseproxy.statusError (reverseproxy.go:1644)', 504)).toBe('timeout');
    expect(caddyErrorCause('something new', '', 502)).toBe('upstream-failed');
  });
});

describe('caddySignal', () => {
  it('reads an empty reply with only Server: Caddy as Caddy-made, anything else as the upstream', () => {
    expect(caddySignal(502, 0, { Server: ['Caddy'] })?.cause).toBe('upstream-failed');
    expect(caddySignal(503, 0, { Server: ['Caddy'] })?.cause).toBe('no-live-upstream');
    expect(caddySignal(502, 0, { Server: ['Caddy'], 'Content-Type': ['text/plain'] })?.cause).toBe('app-error');
    // Headers the Caddyfile puts on every response (held-out logs set 19's 6a_hotel_backend Caddy log) are no upstream's.
    expect(caddySignal(502, 0, { Server: ['Caddy'], 'Alt-Svc': ['h3=":443"'], 'Strict-Transport-Security': ['max-age=31536000'] })?.cause).toBe('upstream-failed');
    expect(caddySignal(200, 10, {})).toBeNull();
  });
});
