import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseClientDump } from './parse-client-dump.ts';

describe('parseClientDump, Node inspect', () => {
  it("reads an axios error's response: status, reason, headers (an array value too) and the joined data literal", () => {
    const dump = [
      'AxiosError: Request failed with status code 502',
      '  config: {',
      "    headers: { Accept: 'application/json', 'User-Agent': 'axios/1.6.0' },",
      "    url: 'https://a.example/x'",
      '  },',
      '  response: {',
      '    status: 502,',
      "    statusText: 'Bad Gateway',",
      '    headers: Object [AxiosHeaders] {',
      "      server: 'nginx/1.18.0',",
      "      'content-type': 'text/html',",
      "      'set-cookie': [ 'a=1', 'b=2' ]",
      '    },',
      "    config: { url: 'https://a.example/x', headers: [Object] },",
      "    data: '<html>\\r\\n' +",
      "      '<center>nginx</center>\\r\\n' +",
      "      '</html>\\r\\n'",
      '  }',
    ].join('\n');
    const response = parseClientDump(dump);
    expect(response).toMatchObject({ status: 502, reason: 'Bad Gateway', body: '<html>\r\n<center>nginx</center>\r\n</html>\r\n' });
    expect(response?.headers).toEqual([
      { name: 'server', value: 'nginx/1.18.0' },
      { name: 'content-type', value: 'text/html' },
      { name: 'set-cookie', value: 'a=1' },
      { name: 'set-cookie', value: 'b=2' },
    ]);
  });

  it("reads an IncomingMessage's statusCode, statusMessage and text", () => {
    const dump = "  res: {\n    statusCode: 504,\n    statusMessage: 'Gateway Timeout',\n    text: 'upstream timed out',\n  }";
    expect(parseClientDump(dump)).toMatchObject({ status: 504, reason: 'Gateway Timeout', headers: [], body: 'upstream timed out' });
  });

  it("reads the response of Shopify's API library: code, statusText and the body literal (wild corpus)", () => {
    // Shopify/shopify-app-template-node#1326: an HttpResponseError printed with its response object.
    const text = readFileSync(new URL('../../test/fixtures/diagnose/wild/shopify/shopify-api-503-generic-page.txt', import.meta.url), 'utf8');
    const response = parseClientDump(text);
    expect(response).toMatchObject({ status: 503, reason: 'Service Unavailable' });
    expect(response?.body?.startsWith('<!--\n  The source of truth for this generic error page is https://github.com/Shopify/error-pages.')).toBe(true);
  });

  it("takes no body's own status field for the response's: no headers and no reason beside it", () => {
    expect(parseClientDump("{\n  level: 'error',\n  status: 502,\n  msg: 'upstream failed'\n}")).toBeNull();
  });
});

describe('parseClientDump, Python requests', () => {
  it("reads a REPL's <Response [n]>, the headers dict and the text literal", () => {
    const session = [
      '>>> r = requests.get("https://a.example/")',
      '>>> r',
      '<Response [503]>',
      '>>> r.headers',
      "{'Server': 'cloudflare', 'Content-Type': 'text/html; charset=UTF-8', 'CF-RAY': '7a1b-AMS'}",
      '>>> r.text',
      "'<html><title>503</title></html>\\n'",
    ].join('\n');
    expect(parseClientDump(session)).toMatchObject({
      status: 503,
      headers: [
        { name: 'Server', value: 'cloudflare' },
        { name: 'Content-Type', value: 'text/html; charset=UTF-8' },
        { name: 'CF-RAY', value: '7a1b-AMS' },
      ],
      body: '<html><title>503</title></html>\n',
    });
  });

  it('keeps a printed body as it is', () => {
    expect(parseClientDump('<Response [404]>\n<h1>Not Found</h1>')).toMatchObject({ status: 404, headers: [], body: '<h1>Not Found</h1>' });
  });
});

describe('parseClientDump, older Node inspect', () => {
  it("reads headers whose object Node before 12 printed on the line after the key", () => {
    const dump = ['{ error: { Code: 502 },', '  statusCode: 502,', '  headers:', "   { server: 'nginx',", "     'content-type': 'text/html' } }"].join('\n');
    expect(parseClientDump(dump)).toMatchObject({ status: 502, headers: [{ name: 'server', value: 'nginx' }, { name: 'content-type', value: 'text/html' }] });
  });
});

describe('parseClientDump, Go and Java', () => {
  it("reads Go's %#v of an *http.Response, wrapped by a terminal, and the body after a Body: label", () => {
    const dump = '&http.Response{Status:"502 Bad Gateway", StatusCode:502, Proto:"HTTP/2.0", Header:http.Header{"Server":[]string{"Ca\nddy"}, "Vary":[]string{"A", "B"}}, Body:(*http2.bodyReader)(0xc0)}\nResponse Body:\nupstream down';
    expect(parseClientDump(dump)).toMatchObject({
      httpVersion: '2',
      status: 502,
      reason: 'Bad Gateway',
      headers: [
        { name: 'Server', value: 'Caddy' },
        { name: 'Vary', value: 'A' },
        { name: 'Vary', value: 'B' },
      ],
      body: 'upstream down',
    });
  });

  it("reads Go's %+v of an *http.Response", () => {
    const dump = '&{Status:503 Service Unavailable StatusCode:503 Proto:HTTP/1.1 ProtoMajor:1 ProtoMinor:1 Header:map[Content-Type:[text/plain; charset=utf-8] Server:[envoy]] Body:0xc000 ContentLength:19}';
    expect(parseClientDump(dump)).toMatchObject({ httpVersion: '1.1', status: 503, reason: 'Service Unavailable', headers: [{ name: 'Content-Type', value: 'text/plain; charset=utf-8' }, { name: 'Server', value: 'envoy' }] });
  });

  it("reads Go's %v of an *http.Response: the fields' values without their names, an empty header map too", () => {
    const dump = '&{502 Bad Gateway 502 HTTP/2.0 2 0 map[Content-Length:[150] Server:[awselb/2.0]] {0xc000184480} 150 [] false false map[] 0xc000336100 0xc000158420}';
    expect(parseClientDump(dump)).toMatchObject({ httpVersion: '2', status: 502, reason: 'Bad Gateway', headers: [{ name: 'Content-Length', value: '150' }, { name: 'Server', value: 'awselb/2.0' }] });
    expect(parseClientDump('&{404 Not Found 404 HTTP/1.1 1 1 map[] {0xc000184480} 0 [] false false map[] 0xc000336100 <nil>}')).toMatchObject({ status: 404, headers: [] });
    // The status is a field's value only where the code repeats: two numbers in braces are no response.
    expect(parseClientDump('&{404 Not Found 403 HTTP/1.1 1 1 map[] {0xc000184480}}')).toBeNull();
  });

  it("reads OkHttp's Response{} and Java's header map with the status line under null", () => {
    expect(parseClientDump('Response{protocol=h2, code=502, message=, url=https://a.example/x}')).toMatchObject({ httpVersion: '2', status: 502, reason: '' });
    const map = 'headers: {Date=[Fri, 22 May 2020 17:26:03 GMT], null=[HTTP/1.1 503 Service Temporarily Unavailable], Server=[nginx]}';
    expect(parseClientDump(map)).toMatchObject({
      httpVersion: '1.1',
      status: 503,
      reason: 'Service Temporarily Unavailable',
      headers: [
        { name: 'Date', value: 'Fri, 22 May 2020 17:26:03 GMT' },
        { name: 'Server', value: 'nginx' },
      ],
    });
  });

  it('is null for text that is no printout', () => {
    expect(parseClientDump('The server said 502 Bad Gateway and StatusCode 502 again.')).toBeNull();
  });
});

describe('parseClientDump, Foundation', () => {
  // mitmproxy/mitmproxy#3043: an iOS app's log of the NSHTTPURLResponse it got through mitmproxy
  it("reads NSHTTPURLResponse's description: the status code and each header, quoted or not", () => {
    const text = readFileSync(new URL('../../test/fixtures/diagnose/wild/mitmproxy/ios-502-headers-3.0.3.log', import.meta.url), 'utf8');
    const response = parseClientDump(text);
    expect(response).toMatchObject({ status: 502, reason: '' });
    expect(response?.headers).toEqual([
      { name: 'Connection', value: 'close' },
      { name: 'Content-Length', value: '256' },
      { name: 'Content-Type', value: 'text/html' },
      { name: 'Server', value: 'mitmproxy 3.0.3' },
    ]);
  });

  it('keeps the headers a paste shows when it was cut before the closing braces', () => {
    const text = ['{ Status Code: 403, Headers {', '    Server =     (', '        cloudflare', '    );', '    "cf-ray" =     (', '        "6781eb3cdbdf368a-LAX"', '    );'].join('\n');
    expect(parseClientDump(text)?.headers).toEqual([
      { name: 'Server', value: 'cloudflare' },
      { name: 'cf-ray', value: '6781eb3cdbdf368a-LAX' },
    ]);
  });
});

describe('parseClientDump, .NET', () => {
  // aspnet/IISIntegration#1093 (CI log): a test's warning with HttpResponseMessage.ToString(), its block under MSBuild's time prefix
  it("reads HttpResponseMessage.ToString(): the status, the reason, the version and the header block, with no body", () => {
    const raw = readFileSync(new URL('../../test/fixtures/diagnose/wild/http-sys/iisintegration1093-503-httpapi-ci.log', import.meta.url), 'utf8');
    const text = raw.replace(/^\d\d:\d\d:\d\d {4}\| {33}/gm, '');
    const response = parseClientDump(text);
    expect(response).toMatchObject({ status: 503, reason: 'Service Unavailable', httpVersion: '1.1', body: null });
    expect(response?.headers.map((h) => `${h.name}: ${h.value}`)).toEqual([
      'Server: Microsoft-HTTPAPI/2.0',
      'Date: Tue, 24 Jul 2018 21:57:15 GMT',
      'Connection: close',
      'Content-Type: text/html; charset=us-ascii',
      'Content-Length: 326',
    ]);
  });

  it('does not read a status mentioned in prose as one', () => {
    expect(parseClientDump("StatusCode: 503, ReasonPhrase: 'Service Unavailable' was returned")).toBeNull();
  });
});
