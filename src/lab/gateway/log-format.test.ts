import { describe, expect, it } from 'vitest';
import { accessLine, errorLine, escapeLogValue } from './log-format.ts';

describe('escapeLogValue', () => {
  // nginx's ngx_http_log_escape: \xHH with upper-case hex for the quote, the backslash and non-printable bytes.
  it.each([
    ['GET /a HTTP/1.1', 'GET /a HTTP/1.1'],
    ['say "hi"', 'say \\x22hi\\x22'],
    ['back\\slash', 'back\\x5Cslash'],
    ['tab\there', 'tab\\x09here'],
    ['café', 'caf\\xC3\\xA9'],
  ])('%j -> %j', (input, output) => {
    expect(escapeLogValue(input)).toBe(output);
  });
});

describe('the log lines', () => {
  const time = new Date(2026, 10, 21, 21, 43, 8).getTime();
  const fields = {
    client: '127.0.0.1',
    time,
    request: 'GET /x HTTP/1.1',
    status: 502,
    bodyBytes: 288,
    referer: undefined,
    userAgent: 'curl/8.5.0',
    requestId: '0123456789abcdef0123456789abcdef',
    connection: 7,
    upstream: '127.0.0.1:8081',
    upstreamStatus: 502,
    connectMs: undefined,
    headerMs: undefined,
    responseMs: 1.5,
    requestMs: 2,
  };

  it('writes the access line in GATEWAY_LOG_FORMAT (recognised.test.ts has the analyzer read it)', () => {
    expect(accessLine(fields)).toMatch(
      /^127\.0\.0\.1 - - \[21\/Nov\/2026:21:43:08 [+-]\d{4}\] "GET \/x HTTP\/1\.1" 502 288 "-" "curl\/8\.5\.0" rid=0123456789abcdef0123456789abcdef conn=7 upstream=127\.0\.0\.1:8081 us=502 uct=- uht=- urt=0\.002 rt=0\.002$/,
    );
  });

  it('writes the error line as nginx does', () => {
    const line = errorLine({ level: 'error', time, connection: 7, message: 'upstream timed out (110: Connection timed out) while reading response header from upstream', client: '127.0.0.1', server: 'lab', request: 'GET /x HTTP/1.1', upstream: 'http://127.0.0.1:8081/x', host: 'localhost:8080' });
    expect(line).toBe(
      `2026/11/21 21:43:08 [error] ${process.pid}#${process.pid}: *7 upstream timed out (110: Connection timed out) while reading response header from upstream, client: 127.0.0.1, server: lab, request: "GET /x HTTP/1.1", upstream: "http://127.0.0.1:8081/x", host: "localhost:8080"`,
    );
  });
});
