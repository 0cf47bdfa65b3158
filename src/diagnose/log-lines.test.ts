import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dropLogPrefix, loggedResponse } from './log-lines.ts';

const wild = (path: string) => readFileSync(new URL(`../../test/fixtures/diagnose/wild/${path}`, import.meta.url), 'utf8');

describe('dropLogPrefix', () => {
  it("drops a logcat prefix whose timestamps and ids change, and keeps a continuation line's text", () => {
    const lines = [
      '2021-03-04 10:11:12.345 12345-12399/com.example.app D/OkHttp: <-- 502 Bad Gateway https://a.example/x (12ms)',
      '2021-03-04 10:11:12.401 12345-12399/com.example.app D/OkHttp: Server: nginx',
      '2021-03-04 10:11:12.402 12345-12399/com.example.app D/OkHttp: ',
      '    continued without a prefix',
      '2021-03-04 10:11:13.010 12345-12399/com.example.app D/OkHttp: <-- END HTTP (0-byte body)',
    ];
    expect(dropLogPrefix(lines)).toEqual(['<-- 502 Bad Gateway https://a.example/x (12ms)', 'Server: nginx', '', '    continued without a prefix', '<-- END HTTP (0-byte body)']);
  });

  it("does not count a header's date as a log line's time (Android Studio's continuation lines)", () => {
    const lines = [
      '08-10 11:38:44.563 26090-26187/net.example.app D/OkHttp: <-- 500 Internal Server Error https://a.example/x (64ms)',
      '    Server: nginx/1.10.1',
      '    Date: Fri, 10 Aug 2018 03:38:44 GMT',
      '08-10 11:38:44.564 26090-26187/net.example.app D/OkHttp: Connection: keep-alive',
      '08-10 11:38:44.565 26090-26187/net.example.app D/OkHttp: <-- END HTTP (0-byte body)',
    ];
    expect(dropLogPrefix(lines)).toEqual(['<-- 500 Internal Server Error https://a.example/x (64ms)', '    Server: nginx/1.10.1', '    Date: Fri, 10 Aug 2018 03:38:44 GMT', 'Connection: keep-alive', '<-- END HTTP (0-byte body)']);
  });

  it("drops syslog's prefix (month name, time, host, program)", () => {
    const lines = ['Jul 25 02:07:48 node-1 app[7207]: HTTP/1.1 503 Service Unavailable', 'Jul 25 02:07:48 node-1 app[7207]: Server: envoy', 'Jul 25 02:07:49 node-1 app[7207]: '];
    expect(dropLogPrefix(lines)).toEqual(['HTTP/1.1 503 Service Unavailable', 'Server: envoy', '']);
  });

  it('keeps a bracket the shared start opens: its words are the message\'s (Caddy v1\'s "[ERROR 502 /path]")', () => {
    const lines = ['29/Jan/2016:15:17:26 +0100 [ERROR 502 /index.php] dial tcp', '29/Jan/2016:15:17:41 +0100 [ERROR 502 /index.php] dial tcp', '29/Jan/2016:15:17:44 +0100 [ERROR 502 /a.php] dial tcp'];
    expect(dropLogPrefix(lines)).toEqual(['[ERROR 502 /index.php] dial tcp', '[ERROR 502 /index.php] dial tcp', '[ERROR 502 /a.php] dial tcp']);
  });

  it("drops a level word before the time too (sentry-cli's debug log of curl's lines)", () => {
    const lines = dropLogPrefix(wild('nginx/sentry-cli-chunk-upload-host-nginx-413.log').split('\n'));
    expect(lines).toContain('< HTTP/1.1 413 Request Entity Too Large');
    expect(lines).toContain('< Server: nginx/1.18.0 (Ubuntu)');
  });

  it('keeps lines whose shared start holds no time of day, or that are too few', () => {
    const words = ['error: one thing', 'error: two things', 'error: three things'];
    expect(dropLogPrefix(words)).toEqual(words);
    const two = ['2021-03-04T10:11:12Z a', '2021-03-04T10:11:13Z b'];
    expect(dropLogPrefix(two)).toEqual(two);
  });
});

describe('loggedResponse', () => {
  it("reads OkHttp's HttpLoggingInterceptor lines up to END HTTP, request lines left out", () => {
    const lines = ['--> GET https://a.example/x', '--> END GET', '<-- 503 Service Unavailable https://a.example/x (199ms)', 'server: envoy', '', 'no healthy upstream', '<-- END HTTP (19-byte body)', 'next'];
    expect(loggedResponse(lines)).toEqual(['Status: 503 Service Unavailable', 'server: envoy', '', 'no healthy upstream']);
  });

  it('takes the protocol when the line gives it (OkHttp 2), and no reason phrase over HTTP/2', () => {
    expect(loggedResponse(['<-- HTTP/1.1 204 No Content (64ms)', 'Server: Apache'])).toEqual(['HTTP/1.1 204 No Content', 'Server: Apache']);
    expect(loggedResponse(['<-- 502 https://a.example/x (45ms)'])).toEqual(['Status: 502']);
    expect(loggedResponse(['<--- HTTP 500 https://a.example/x (45ms)', 'Server: nginx', '<--- END HTTP (0-byte body)'])).toEqual(['Status: 500', 'Server: nginx']);
    expect(loggedResponse(['<--- HTTP 404 https://a.example/x (45ms)', ': HTTP/1.1 404 Not Found', 'Server: nginx'])).toEqual(['HTTP/1.1 404 Not Found', 'Server: nginx']);
  });

  it("keeps the interceptor's own lines (by its tag) and the last error of several exchanges", () => {
    const lines = [
      'I/okhttp.OkHttpClient: <-- 200 OK https://a.example/ok (5ms)',
      'I/okhttp.OkHttpClient: <-- END HTTP (2-byte body)',
      'I/okhttp.OkHttpClient: <-- 502 Bad Gateway https://a.example/x (9ms)',
      'I/Choreographer: Skipped 31 frames!',
      'I/okhttp.OkHttpClient: Server: nginx',
      'I/okhttp.OkHttpClient: <-- END HTTP (0-byte body)',
    ];
    expect(loggedResponse(lines)).toEqual(['Status: 502 Bad Gateway', 'Server: nginx']);
  });

  it('is null for an arrow in prose or a quoted one (no time taken, a quote before it)', () => {
    expect(loggedResponse(['step 3 <-- 200 items were read'])).toBeNull();
    expect(loggedResponse(['he wrote "<-- 502 Bad Gateway https://a.example (3ms)"'])).toBeNull();
  });
});
