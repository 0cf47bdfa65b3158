import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFailure, parseCurlOutput } from './parse-curl.ts';

const VERBOSE_502 = `*   Trying 192.0.2.20:80...
* Connected to shop.example (192.0.2.20) port 80 (#0)
> GET /api/orders HTTP/1.1
> Host: shop.example
>
< HTTP/1.1 502 Bad Gateway
< Server: nginx/1.22.1
< Content-Type: text/html
<
<html>
<center><h1>502 Bad Gateway</h1></center>
</html>
* Connection #0 to host shop.example left intact
`;

describe('parseCurlOutput', () => {
  it('reads the < lines as the response and the lines after them as its body', () => {
    const obs = parseCurlOutput(VERBOSE_502);
    expect(obs.response?.status).toBe(502);
    expect(obs.response?.headers).toEqual([
      { name: 'Server', value: 'nginx/1.22.1' },
      { name: 'Content-Type', value: 'text/html' },
    ]);
    expect(obs.response?.body).toBe('<html>\n<center><h1>502 Bad Gateway</h1></center>\n</html>');
    expect(obs.failure).toBeNull();
  });

  it('reads response lines pasted without their status line as a head whose status is unknown', () => {
    // php/web-wiki#48 (wild corpus, held-out set 16): only Bunny CDN's header lines of a curl -v were published.
    const text = readFileSync(new URL('../../test/fixtures/diagnose/wild/bunnycdn/phpwiki-504.headers', import.meta.url), 'utf8');
    const { response } = parseCurlOutput(text);
    expect(response).toMatchObject({ status: null, body: null });
    expect(response?.headers.find((h) => h.name === 'server')?.value).toBe('BunnyCDN-ASB1-1310');
    expect(() => parseCurlOutput('> GET / HTTP/1.1\n> Host: example.com\n>')).toThrow(/no "<" response lines/);
    expect(() => parseCurlOutput('< cdn-status: 504\n<')).toThrow(/hold no status line/);
  });

  it('splits an info line that curl glued to a body without a final newline', () => {
    const obs = parseCurlOutput('< HTTP/1.1 502 Bad Gateway\n< Content-Type: text/plain\n<\nBad Gateway* Connection #0 to host localhost left intact\n');
    expect(obs.response?.body).toBe('Bad Gateway');
  });

  it('ignores the progress meter curl prints when its output is piped', () => {
    const text = [
      '  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current',
      '                                 Dload  Upload   Total   Spent    Left  Speed',
      '< HTTP/1.1 503 Service Unavailable',
      '<',
      '  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0',
      'no healthy upstream',
    ].join('\n');
    expect(parseCurlOutput(text).response?.body).toBe('no healthy upstream');
  });

  it('reads lines that the progress meter was redrawn onto (a terminal log with carriage returns)', () => {
    const meter = '  0     0    0     0    0     0      0      0 --:--:--  0:00:04 --:--:--     0';
    const text = `*   Trying 10.96.0.14...\r\n${meter}* Connected to 10.96.0.14 port 80 (#0)\r\n\r${meter}\r${meter}< HTTP/1.1 504 Gateway Time-out\r\n< Server: openresty/1.15.8.1\r\n< \r\n{ [data not shown]\r\n`;
    const obs = parseCurlOutput(text);
    expect(obs.response).toMatchObject({ status: 504, headers: [{ name: 'Server', value: 'openresty/1.15.8.1' }], body: null });
    expect(obs.failure).toBeNull();
  });

  it("reads curl -vi's head printed twice, an elision and a closing line without its '* ', and the body printed after it (kgateway capture)", () => {
    const text = readFileSync(new URL('../../test/fixtures/diagnose/wild/envoy/kgateway-local-ratelimit-429.txt', import.meta.url), 'utf8');
    const obs = parseCurlOutput(text);
    expect(obs.response?.status).toBe(429);
    expect(obs.response?.body?.trimEnd()).toBe('local_rate_limited');
    expect(obs.response?.headers.map((h) => h.name)).toEqual(['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset']);
  });

  it('reads response lines indented by a quote, and the body without that indentation', () => {
    const text = '< HTTP/1.1 500 INTERNAL SERVER ERROR\n< Content-Type: text/html\n- Server gunicorn/18.0 is not blacklisted\n  < Server: gunicorn/18.0\n  < \n  <title>500 Internal Server Error</title>\n  <h1>Internal Server Error</h1>\n';
    const obs = parseCurlOutput(text);
    expect(obs.response?.headers).toEqual([
      { name: 'Content-Type', value: 'text/html' },
      { name: 'Server', value: 'gunicorn/18.0' },
    ]);
    expect(obs.response?.body).toBe('<title>500 Internal Server Error</title>\n<h1>Internal Server Error</h1>');
  });

  it('keeps earlier responses (100 Continue, redirects) as hops', () => {
    const text = '< HTTP/1.1 302 Found\n< Location: /login\n<\n< HTTP/1.1 500 Internal Server Error\n<\n';
    const obs = parseCurlOutput(text);
    expect(obs.hops).toEqual([{ status: 302, reason: 'Found', location: '/login' }]);
    expect(obs.response?.status).toBe(500);
  });

  it('reads a body hidden by curl (-o or binary) as absent', () => {
    const obs = parseCurlOutput('< HTTP/1.1 502 Bad Gateway\n<\n{ [157 bytes data]\n');
    expect(obs.response?.body).toBeNull();
  });

  it('reads a failure with the * lines before it as its trace', () => {
    const obs = parseCurlOutput(
      '*   Trying 127.0.0.1:8080...\n* connect to 127.0.0.1 port 8080 failed: Connection refused\ncurl: (7) Failed to connect to localhost port 8080 after 0 ms: Couldn\'t connect to server\n',
    );
    expect(obs.response).toBeNull();
    expect(obs.failure).toEqual({
      tool: 'curl',
      exitCode: 7,
      kind: null,
      message: "Failed to connect to localhost port 8080 after 0 ms: Couldn't connect to server",
      trace: ['  Trying 127.0.0.1:8080...', 'connect to 127.0.0.1 port 8080 failed: Connection refused'],
    });
  });

  it('turns curl --fail (exit 22) into a response with only that status', () => {
    const obs = parseCurlOutput('curl: (22) The requested URL returned error: 502 Bad Gateway\n');
    expect(obs.failure).toBeNull();
    expect(obs.response).toEqual({ httpVersion: null, status: 502, reason: 'Bad Gateway', headers: [], body: null, truncated: false, form: 'message', bodyNote: null });
  });

  it('reads the page printed next to a --fail line as its body: after it (a script printing it) or before it (--fail-with-body)', () => {
    const page = '<html>\n<center><h1>502 Bad Gateway</h1></center>\n</html>';
    expect(parseCurlOutput(`curl: (22) The requested URL returned error: 502\n${page}\n`).response?.body).toBe(page);
    expect(parseCurlOutput(`${page}\ncurl: (22) The requested URL returned error: 502\n`).response?.body).toBe(page);
    // Words after the line are a script's, not the response's.
    expect(parseCurlOutput('curl: (22) The requested URL returned error: 502\nRetrying in 5 seconds\n').response?.body).toBeNull();
  });

  it('refuses curl output with a request but no response, saying what it saw', () => {
    expect(() => parseCurlOutput('> GET /api HTTP/1.1\n> Host: shop.example\n>\n')).toThrow(
      expect.objectContaining({ code: 'HW_ERR_DIAGNOSE_UNREADABLE_INPUT', message: expect.stringContaining('"GET /api HTTP/1.1"') }),
    );
  });
});

describe('extractFailure', () => {
  it('removes curl failure lines from curl -i output and returns the last one', () => {
    const { text, failure } = extractFailure('HTTP/1.1 200 OK\r\n\r\nid,total\ncurl: (18) transfer closed with 10 bytes remaining to read\n');
    expect(text).toBe('HTTP/1.1 200 OK\r\n\r\nid,total\n');
    expect(failure).toEqual({ tool: 'curl', exitCode: 18, kind: null, message: 'transfer closed with 10 bytes remaining to read', trace: [] });
  });
});
