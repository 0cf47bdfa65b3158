import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { linesOfArray, pageLiteral, unwrapPaste } from './unwrap-paste.ts';

const wild = (path: string) => readFileSync(new URL(`../../test/fixtures/diagnose/wild/${path}`, import.meta.url), 'utf8');

describe('unwrapPaste, on real pastes', () => {
  it('decodes a page line whose quotes are all escaped, UTF-8 byte escapes included, and leaves other lines alone', () => {
    expect(unwrapPaste(String.raw`<html lang=\"en\"><title>HTTP Status 405 \xE2\x80\x93 Method Not Allowed</title><hr class=\"line\" />`)).toBe('<html lang="en"><title>HTTP Status 405 \u2013 Method Not Allowed</title><hr class="line" />');
    const mixed = String.raw`<a href="x">a \"quoted\" word</a> \"b\"`;
    expect(unwrapPaste(mixed)).toBe(mixed);
  });

  it("drops the shell's time report after the output (bash's real/user/sys lines, zsh's one line)", () => {
    expect(unwrapPaste('HTTP/1.1 504 Gateway Timeout\nserver: envoy\n\nupstream request timeout\nreal\t0m15.025s\nuser\t0m0.005s\nsys\t0m0.007s\n').trimEnd()).toBe('HTTP/1.1 504 Gateway Timeout\nserver: envoy\n\nupstream request timeout');
    expect(unwrapPaste('upstream request timeout\ncurl -s localhost  0.01s user 0.00s system 0% cpu 15.032 total').trimEnd()).toBe('upstream request timeout');
  });

  it("drops curl's password prompt after its command line (-u user), and keeps such words elsewhere", () => {
    expect(unwrapPaste("$ curl localhost/dashboard -u test\nEnter host password for user 'test':\n404 page not found\n").trim()).toBe('404 page not found');
    expect(unwrapPaste("404 page not found\nEnter host password for user 'test':\n").trim()).toBe("404 page not found\nEnter host password for user 'test':");
  });

  it("drops zsh's % after output without a final newline, but not a body's own percentage", () => {
    expect(unwrapPaste(`${wild('envoy/503-no-healthy-upstream-knative.txt').trimEnd()}%`)).toBe('no healthy upstream');
    expect(unwrapPaste('{"error":"x"}%\n')).toBe('{"error":"x"}');
    expect(unwrapPaste('disk usage 100%')).toBe('disk usage 100%');
    // fish's mark, `⏎` (a blog's curl -i of a Gin app, held-out set 126).
    expect(unwrapPaste(wild('gin/crocblog-405-handle-method-not-allowed.http')).trimEnd().endsWith('\n405 method not allowed')).toBe(true);
  });

  it('drops a test log prefix on the status line and the indentation of the lines after it (Contour)', () => {
    const text = unwrapPaste(wild('envoy/503-connection-failure-contour-chunked.http'));
    expect(text.split('\n').slice(0, 3)).toEqual(['HTTP/1.1 503 Service Unavailable', 'Transfer-Encoding: chunked', 'Content-Type: text/plain']);
    expect(text).toContain('\n\n5b\nupstream connect error');
  });

  it('takes a response a sentence quotes as inline code, from its status line to the closing backtick (shape of a set-11 capture)', () => {
    expect(unwrapPaste('I get a `HTTP/1.1 504 GATEWAY_TIMEOUT\nConnection: keep-alive` ').split('\n').slice(-2)).toEqual(['HTTP/1.1 504 GATEWAY_TIMEOUT', 'Connection: keep-alive']);
    expect(unwrapPaste('We got `HTTP/1.1 502 Bad Gateway` from the proxy').split('\n').at(-1)).toBe('HTTP/1.1 502 Bad Gateway');
    expect(unwrapPaste('We got `HTTP/1.1 502 Bad Gateway and nothing closes it')).toBe('We got `HTTP/1.1 502 Bad Gateway and nothing closes it');
  });

  it("drops PHP print_r's [n] => on every header line", () => {
    const text = unwrapPaste(wild('aws-alb/502-esi-fleet-members-php-array.http'));
    expect(text.split('\n').slice(0, 2)).toEqual(['HTTP/1.1 502 Bad Gateway', 'Server: awselb/2.0']);
  });

  it('drops the prefix every line shares (npm ERR!)', () => {
    const text = unwrapPaste(wild('fastly/503-no-healthy-backends-npm-err.txt'));
    expect(text).toMatch(/^Unexpected token < in JSON at position 1\n\n<\?xml version="1\.0"/);
    expect(text).not.toContain('npm ERR!');
  });

  it('drops the shell prompt and command before the output, with continuation lines', () => {
    expect(unwrapPaste(wild('envoy/503-no-healthy-upstream-istio-vm.curl'))).toMatch(/^\* About to connect\(\)/);
    expect(unwrapPaste(wild('fastapi/405-behind-kong-13512.curl'))).toMatch(/^\* Host localhost:8000 was resolved\./);
    expect(unwrapPaste(wild('flask/500-margarine-behind-nginx.curl'))).toMatch(/^\* Adding handle/);
  });

  it('turns a literal ^M into a carriage return', () => {
    expect(unwrapPaste(wild('ingress-nginx/504-proxy-next-upstream.curl'))).toContain('< HTTP/1.1 504 Gateway Time-out\r\n< Server: openresty/1.15.8.1\r\n');
  });

  it('undoes JSON string escapes when the paste is an escaped string (Zscaler page logged by a crawler)', () => {
    const text = unwrapPaste(wild('zscaler/xxx-web-access-denied-ayakashi-escaped.txt'));
    expect(text).toContain('<div class="pg red">\n<div class="pg_cont">');
  });

  it('strips a quote only when a status line is quoted', () => {
    expect(unwrapPaste('> HTTP/1.1 502 Bad Gateway\n> Server: nginx\n>\n> <html></html>')).toBe('HTTP/1.1 502 Bad Gateway\nServer: nginx\n\n<html></html>');
    const request = '> GET / HTTP/1.1\n> Host: shop.example\n>';
    expect(unwrapPaste(request)).toBe(request);
  });

  it('leaves responses and page text as they are', () => {
    for (const path of ['nginx/502-mtls-node-body.http', 'cloudflare/522-nodejs-org-download.txt', 'heroku/503-application-error-mern-ecommerce.txt', 'varnish/503-template-backend-fetch-failed.http']) {
      expect(unwrapPaste(wild(path))).toBe(wild(path).replace(/^\uFEFF/, ''));
    }
  });

  it('keeps a JSON body with escapes as it is', () => {
    const body = '{"trace":"a\\nb\\nc\\nd\\ne"}';
    expect(unwrapPaste(body)).toBe(body);
  });
});

describe('pageLiteral', () => {
  // routstr/routstr-core via held-out set 93: a relay's JSON envelope (its own 502) quoting its upstream's page.
  it("leaves a page that is a member of a JSON object in it: the object is the answer, not the page it quotes", () => {
    const text = readFileSync(new URL('../../test/fixtures/diagnose/wild/routstr/upstream-error-502.log', import.meta.url), 'utf8');
    expect(pageLiteral(text)).toBeNull();
    expect(unwrapPaste(text)).toContain('"type": "upstream_error", "code": 502');
  });

  // cloudflare-scrape's fixture (cloudscraper keeps the same file): Cloudflare's 2019 captcha page, whose script
  // document.write()s a page.
  it("leaves a page's own source whole: a page its script writes is not the answer", () => {
    const text = wild('cloudflare/one-more-step-recaptcha-2019-04.html');
    expect(text).toContain('"<!DOCTYPE HTML>');
    expect(pageLiteral(text)).toBeNull();
    expect(unwrapPaste(text)).toContain('<title>Attention Required! | Cloudflare</title>');
  });
});

describe('linesOfArray', () => {
  it('joins a JSON array of the lines of a response', () => {
    expect(linesOfArray(['HTTP/1.1 500 Internal Server Error', 'Server: cloudflare'])).toBe('HTTP/1.1 500 Internal Server Error\nServer: cloudflare');
  });

  it.each([[[1, 2]], [['a', 'b']], [[]], [{ a: 1 }]])('refuses %j', (data) => {
    expect(linesOfArray(data)).toBeNull();
  });
});

describe('unwrapPaste, commands and quotes', () => {
  it.each([
    ['7> curl -H Host:gotest.sina.cn http://10.17.8.64\n404 page not found\n', '404 page not found\n'],
    ['curl -i -X POST --url http://localhost:8000/a\ncurl -i -X POST --url http://localhost:8000/b\n\n{\n  "message": "x"\n}', '{\n  "message": "x"\n}'],
    ['http POST :8000/agent\nHTTP/1.1 405 Method Not Allowed', 'HTTP/1.1 405 Method Not Allowed'],
    ['kubectl exec deployment/sleep -- curl httpbin:8000/status/200\nRBAC: access denied', 'RBAC: access denied'],
  ])('drops every command before the output: %j', (paste, output) => {
    expect(unwrapPaste(paste)).toBe(output);
  });

  it('keeps a first line that only starts like a command word', () => {
    expect(unwrapPaste('https is required for this site\nUpgrade Required')).toBe('https is required for this site\nUpgrade Required');
  });

  it("drops wget's ERROR summary, which it prints after the head of wget -S", () => {
    expect(unwrapPaste('  HTTP/1.1 502 Bad Gateway\n  Server: nginx\n2024-01-01 10:00:00 ERROR 502: Bad Gateway.')).toBe('HTTP/1.1 502 Bad Gateway\nServer: nginx');
  });

  it('drops the lines of a markdown code fence', () => {
    expect(unwrapPaste('```html\n<html><body>x</body></html>\n```\n')).toBe('<html><body>x</body></html>\n');
    expect(unwrapPaste('~~~\nFile not found.\n~~~')).toBe('File not found.');
  });

  it("strips a quote that starts with a scanner's request line when a status follows it, and a quoted command", () => {
    expect(unwrapPaste('> GET http://example.org HTTP/1.1\n> Status code: 404\n> Server: LiteSpeed')).toBe('GET http://example.org HTTP/1.1\nStatus code: 404\nServer: LiteSpeed');
    expect(unwrapPaste('> $ curl -s http://localhost/\n> 404 page not found')).toBe('404 page not found');
  });

  it('strips a markdown quote of one line', () => {
    expect(unwrapPaste('> An error occurred in the application and your page could not be served.')).toBe('An error occurred in the application and your page could not be served.');
  });

  it('strips a markdown quote of page text', () => {
    expect(unwrapPaste('> # Error 403 - This web app is stopped.\n>\n> The web app you have attempted to reach is currently stopped.')).toBe(
      '# Error 403 - This web app is stopped.\n\nThe web app you have attempted to reach is currently stopped.',
    );
  });
});

describe('unwrapPaste, logs, dumps and traces', () => {
  it("turns requests-toolbelt's reversed arrows round: the request goes, the response's head loses its mark", () => {
    const dump = '< GET / HTTP/1.1\n< Host: a.example\n< \n\n> HTTP/1.1 403 Forbidden\n> Server: cloudflare\n> \n<!DOCTYPE html>\n<title>x</title>';
    expect(unwrapPaste(dump)).toBe('\nHTTP/1.1 403 Forbidden\nServer: cloudflare\n\n<!DOCTYPE html>\n<title>x</title>');
  });

  it("leaves curl -v's arrows as they are", () => {
    const verbose = '> GET / HTTP/1.1\n> Host: a.example\n>\n< HTTP/1.1 502 Bad Gateway\n< Server: nginx\n<';
    expect(unwrapPaste(verbose)).toBe(verbose);
  });

  it("reads a GitHub Actions log: timestamps and the ##[error] mark go, the page's unprefixed lines stay", () => {
    const text = unwrapPaste(wild('cloudflare/522-setup-node-actions-log-timestamps.txt'));
    expect(text).toMatch(/^##\[group\]Run actions\/setup-node@v1\nwith:\n {2}node-version: 14\.7\.x/);
    expect(text).toContain('\n<html>\n<head><title>522 Origin Connection Time-out</title></head>\n');
    expect(text).not.toContain('##[error]');
  });

  it("drops npm's mark from the lines that carry it, and leaves the others", () => {
    const paste = 'npm ERR! registry error parsing json\n\nUnexpected token <\nnpm ERR! <html><body><h1>503 Service Unavailable</h1>\nnpm ERR! </body></html>';
    expect(unwrapPaste(paste)).toBe('registry error parsing json\n\nUnexpected token <\n<html><body><h1>503 Service Unavailable</h1>\n</body></html>');
  });

  it('decodes a whole paste that is one Python bytes literal', () => {
    expect(unwrapPaste("b'HTTP/1.1 502 Bad Gateway\\r\\nServer: nginx\\r\\n\\r\\n<html>\\n</html>'\n")).toBe('HTTP/1.1 502 Bad Gateway\r\nServer: nginx\r\n\r\n<html>\n</html>');
  });

  it("drops an error message's words before a page and the indentation of its other lines", () => {
    const paste = '✕ [API Error: 500 <html>\n  <head><title>502 Bad Gateway</title></head>\n  <hr><center>nginx</center>\n  </html>\n  ]';
    expect(unwrapPaste(paste)).toBe('<html>\n<head><title>502 Bad Gateway</title></head>\n<hr><center>nginx</center>\n</html>\n]');
    const response = 'HTTP/1.1 502 Bad Gateway\n\nerror: <html>\n  <body></body>';
    expect(unwrapPaste(response)).toBe(response);
    const json = '{"body": "<html>\n  <title>502</title>\n  </html>",\n  "status": 502}';
    expect(unwrapPaste(json)).toBe(json);
  });

  it("keeps a page's own indentation when its first tag starts the line (corpus: mitmproxy's template)", () => {
    const page = wild('mitmproxy/502-read-disconnect-3569-body.html');
    expect(unwrapPaste(page)).toContain('\n            <head>\n                <title>502 Bad Gateway</title>');
  });
});
