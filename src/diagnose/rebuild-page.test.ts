import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDefaultPages } from './load-fingerprints.ts';
import { parseHttpText } from './parse-http.ts';
import { parseLooseHead } from './parse-loose-head.ts';
import { rebuildPage } from './rebuild-page.ts';
import { unwrapPaste } from './unwrap-paste.ts';

const wild = (path: string) => readFileSync(new URL(`../../test/fixtures/diagnose/wild/${path}`, import.meta.url), 'utf8');
/** The head of a captured response alone, as curl -I would print it. */
const headOnly = (text: string) => parseHttpText(`${text.split(/\r?\n\r?\n/)[0] ?? ''}\n`).response;
const templates = loadDefaultPages();

describe('rebuildPage: nginx pages by their size (ngx_http_special_response.c)', () => {
  it.each([
    ['nginx/503-template-1.31.5.http', 'current pages, server_tokens on'],
    ['nginx/413-template-1.31.5.http', 'current pages'],
    ['nginx/404-template-1.13.1-bgcolor.http', 'pages before 1.15.4, with bgcolor'],
    ['openresty/502-template-1.31.3.1.http', "OpenResty's name in the Server header and the footer"],
    ['openresty/404-template-tokens-off.http', 'server_tokens off'],
  ])('rebuilds the page of %s (%s) byte for byte', (path) => {
    const captured = parseHttpText(wild(path)).response;
    const rebuilt = rebuildPage(headOnly(wild(path)), templates);
    expect(rebuilt?.page.replace(/\r\n/g, '\n')).toBe(captured.body?.replace(/\r\n/g, '\n'));
  });

  it('rebuilds the page with the padding nginx adds for MSIE and Chrome', () => {
    const page = wild('nginx/504-fhir-validator-msie-padding.http').replace(/\r?\n/g, '\r\n');
    const rebuilt = rebuildPage(headOnly(`HTTP/1.1 504 Gateway Time-out\nServer: nginx/1.18.0 (Ubuntu)\nContent-Length: ${Buffer.byteLength(page)}\n`), templates);
    expect(rebuilt?.page).toBe(page);
  });

  it('reads a real curl -I of nginx 0.7.67 (173 bytes: the 502 page with bgcolor)', () => {
    expect(rebuildPage(headOnly(wild('nginx/502-pypipin-badges.headers')), templates)?.page).toContain('<hr><center>nginx/0.7.67</center>');
  });

  it.each([
    ['another size', 'HTTP/1.1 502 Bad Gateway\nServer: nginx\nContent-Length: 200\n'],
    ['a Server header an operator changed', 'HTTP/1.1 502 Bad Gateway\nServer: my-proxy\nContent-Length: 150\n'],
    ['a compressed body', 'HTTP/1.1 502 Bad Gateway\nServer: nginx\nContent-Encoding: gzip\nContent-Length: 150\n'],
    ['no Content-Length', 'HTTP/1.1 502 Bad Gateway\nServer: nginx\n'],
    ['a body that was captured', 'HTTP/1.1 502 Bad Gateway\nServer: nginx\nContent-Length: 150\n\n<p>x</p>'],
  ])('rebuilds nothing for %s', (_case, text) => {
    expect(rebuildPage(parseHttpText(text).response, templates)).toBeNull();
  });
});

describe('rebuildPage: LiteSpeed pages by their size (OpenLiteSpeed httpstatuscode.cpp)', () => {
  it.each([
    ['litespeed/503-template-openlitespeed.http', 'current pages: dark-mode style, no footer on a 503'],
    ['litespeed/500-template-openlitespeed.http', 'current pages, a 500'],
  ])('rebuilds the page of %s (%s) byte for byte', (path) => {
    const captured = parseHttpText(wild(path)).response;
    const rebuilt = rebuildPage(headOnly(`${wild(path).split(/\r?\n\r?\n/)[0] ?? ''}\nServer: LiteSpeed`), templates);
    expect(rebuilt?.page).toBe(captured.body);
  });

  it.each(['litespeed/404-whatwaf-202.headers', 'litespeed/404-whatwaf-367.headers'])(
    'reads the 1148 bytes of a 404 from Server: LiteSpeed as the 2015-2019 page with its footer (%s)',
    (path) => {
      const head = parseLooseHead(unwrapPaste(wild(path)));
      if (!head) throw new Error(`${path}: no head read`);
      const rebuilt = rebuildPage(head, templates);
      expect(rebuilt?.page).toContain('<p>The resource requested could not be found on this server!</p>');
      expect(rebuilt?.page).toContain('Proudly powered by  <a style="color:#fff;" href="http://www.litespeedtech.com/error-page">LiteSpeed Web Server</a>');
      expect(rebuilt?.template.id).toBe('litespeed-footer-on-every-page');
    },
  );
});

describe("rebuildPage: HAProxy's pages by their size and headers (http_err_msgs, no Server header)", () => {
  it.each(['haproxy/403-builtin-forbidden.http', 'haproxy/408-builtin-request-timeout.http', 'haproxy/503-builtin-no-server.http', 'haproxy/504-builtin-gateway-timeout.http'])(
    'rebuilds the page of %s byte for byte from its head',
    (path) => {
      const captured = parseHttpText(wild(path)).response;
      expect(rebuildPage(headOnly(wild(path)), templates)?.page.replace(/\r\n/g, '\n')).toBe(captured.body?.replace(/\r\n/g, '\n'));
    },
  );

  // A real curl -v of Istio's RBAC refusal, the body not shown: 19 bytes of text/plain from istio-envoy.
  it("rebuilds Envoy's RBAC refusal from its size, and nothing for a size no local reply has", () => {
    const head = wild('envoy/istio-authz-403-ru.txt').replace(/^< /gm, '');
    expect(rebuildPage(headOnly(head), templates)?.page).toBe('RBAC: access denied');
    expect(rebuildPage(headOnly(head.replace('content-length: 19', 'content-length: 20')), templates)).toBeNull();
  });

  it.each([
    ['a Server header', 'HTTP/1.1 503 Service Unavailable\nServer: nginx\nContent-Length: 107\nCache-Control: no-cache\nContent-Type: text/html\n'],
    ['another Cache-Control', 'HTTP/1.1 503 Service Unavailable\nContent-Length: 107\nCache-Control: private\nContent-Type: text/html\n'],
    ['no Cache-Control', 'HTTP/1.1 503 Service Unavailable\nContent-Length: 107\nContent-Type: text/html\n'],
  ])('rebuilds nothing with %s', (_case, text) => {
    expect(rebuildPage(parseHttpText(text).response, templates)).toBeNull();
  });
});
