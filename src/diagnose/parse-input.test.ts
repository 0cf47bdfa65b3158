import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { isHttpwhyError } from '../errors.ts';
import { parseInput } from './parse-input.ts';

function unreadableMessage(input: string | object): string {
  try {
    parseInput(input);
  } catch (error) {
    if (isHttpwhyError(error) && error.code === 'HW_ERR_DIAGNOSE_UNREADABLE_INPUT') return error.message;
    throw error;
  }
  throw new Error('expected HW_ERR_DIAGNOSE_UNREADABLE_INPUT');
}

describe('parseInput format detection', () => {
  it.each([
    ['HTTP/1.1 502 Bad Gateway\r\nServer: nginx\r\n\r\n', 'http'],
    ['$ curl -i https://shop.example/\nHTTP/2 503 \nserver: envoy\n\nno healthy upstream', 'http'],
    ['GET / HTTP/1.1\nHost: shop.example\n\nHTTP/1.1 504 Gateway Time-out\n\n', 'http'],
    ['\uFEFFHTTP/1.1 500 Internal Server Error\n\n', 'http'],
    ['* Trying 127.0.0.1:80...\n< HTTP/1.1 502 Bad Gateway\n<\n', 'curl-verbose'],
    ['curl: (52) Empty reply from server\n', 'curl-error'],
    ['curl: (22) The requested URL returned error: 503\n', 'curl-error'],
    ['requests.exceptions.HTTPError: 502 Server Error: Bad Gateway for url: https://a.example/x\n', 'client-message'],
    ['* The requested URL returned error: 502 Proxy Error\nerror: RPC failed; HTTP 502 curl 22 The requested URL returned error: 502 Proxy Error\n', 'client-message'],
    ['[2024-09-30T16:08:56Z ERROR dl] failed\n  3: https://a.example/x 503 Service Unavailable:\n  <html><body>x</body></html>\n', 'client-message'],
    ['{"status": 502, "headers": {"server": "Caddy"}}', 'json'],
    ['{"log": {"entries": [{"request": {}, "response": {"status": 404, "headers": []}}]}}', 'har'],
  ])('reads %j as %s', (input, format) => {
    expect(parseInput(input).format).toBe(format);
  });

  it.each([
    ['{"message":"Missing Authentication Token"}', 'body'],
    ['{"statusCode":500,"error":"Internal Server Error","message":"Argument \\"options\\" must not be function"}%', 'body'],
    ['$ curl "https://blabla.execute-api.us-east-1.amazonaws.com/api/hello"\n{"Code":"InternalServerError","Message":"An internal server error occurred."}', 'body'],
    ['<Error>\n<Code>AccessDenied</Code>\n<Message>Access Denied</Message>\n</Error>', 'body'],
    ['[\n "HTTP\\/1.1 500 Internal Server Error",\n "Server: cloudflare"\n]', 'http'],
    ['Primary script unknown\nStatus: 404 Not Found\nX-Powered-By: PHP/7.0.1\n\nFile not found.', 'http'],
    ['[me@host ~]$ curl -v http://shop.example/\n* Connected to shop.example\n< HTTP/1.1 503 Service Unavailable\n<\nno healthy upstream', 'curl-verbose'],
    ['Site Not Found\n> Why am I seeing this?\n> There are a few potential reasons:', 'page-text'],
    ['The API answers:\n{"message": "Missing Authentication Token"}\nwith a 403.', 'body'],
    ['{"message": "Internal server error"}\n\nThis happens on every call.', 'body'],
    ['> GET / HTTP/1.1\n> Host: shop.example\n>\n< HTTP/1.1 502 Bad Gateway\n<\n', 'curl-verbose'],
  ])('reads what people paste, %j, as %s', (input, format) => {
    expect(parseInput(input).format).toBe(format);
  });

  it('reads the status of a JSON body alone from its own fields, or leaves it unknown', () => {
    expect(parseInput('{"status":"500","error":"Internal Server Error"}').observations[0]?.response).toMatchObject({ status: 500, form: 'body' });
    expect(parseInput('{"detail":"Not Found"}').observations[0]?.response).toMatchObject({ status: null, form: 'body' });
  });

  it('accepts already parsed objects', () => {
    expect(parseInput({ status: 503 }).format).toBe('json');
    expect(parseInput({ log: { entries: [{ response: { status: 200 } }] } }).format).toBe('har');
  });

  it("reads one HAR entry without the file around it, as a browser's Copy as HAR of one request gives it (corpus: a Polly recording cut to its failing entry)", () => {
    const parsed = wildInput('azure-resource-manager/403-sql-auditing-settings-authorization-failed-entry.har');
    expect(parsed.format).toBe('har');
    expect(parsed.observations[0]?.label).toMatch(/^entry 1: GET https:\/\/management\.azure\.com\//);
    expect(parsed.observations[0]?.response).toMatchObject({ status: 403 });
    // An object with a request and a response but no HAR shape (no headers list, no content) stays a JSON body.
    expect(parseInput({ request: { url: 'https://x.example/' }, response: { status: 403 } }).format).not.toBe('har');
  });

  it('keeps a curl failure printed after curl -i output', () => {
    const [obs] = parseInput('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial\ncurl: (18) transfer closed with 92 bytes remaining to read\n').observations;
    expect(obs?.response?.body).toBe('partial\n');
    expect(obs?.failure?.exitCode).toBe(18);
  });
});

describe('parseInput refusals say what was understood', () => {
  it('refuses empty input', () => {
    expect(unreadableMessage('  \n ')).toContain('empty');
  });

  it('refuses a binary file without echoing its bytes, and still reads a compressed body after a head', () => {
    const elf = '\u007fELF\u0002\u0001\u0001\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0003\u0000>\u0000';
    expect(unreadableMessage(elf)).toMatch(/^This is binary data, not a response\..*20 characters with NUL bytes/s);
    const gzipped = 'HTTP/1.1 502 Bad Gateway\nContent-Encoding: gzip\n\n\u001f\u008b\u0008\u0000\u0000\u0000\u0000\u0000';
    expect(parseInput(gzipped).observations[0]?.response).toMatchObject({ status: 502, bodyNote: 'compressed' });
  });

  it('reads prose as a page that names no status (diagnose decides whether it was an error page)', () => {
    const { format, observations } = parseInput('the site shows an error when I log in');
    expect(format).toBe('page-text');
    expect(observations[0]?.response).toMatchObject({ status: null, headers: [], form: 'page-text' });
  });

  it('refuses truncated JSON (a cut HAR file) with its length', () => {
    expect(unreadableMessage('{"log": {"entries": [{"response": {"sta')).toMatch(/not valid JSON.*39 characters/s);
  });

  it('refuses a status line cut after its version, and reads a version followed by words as prose (held-out set 224)', () => {
    expect(unreadableMessage('HTTP/1.1\nServer: nginx\n\n')).toMatch(/status line "HTTP\/1\.1" is incomplete/);
    const mitmproxy = "502 Bad Gateway  \nHTTP/2 protocol error: Received header value surrounded by whitespace b'0.53952317.1762942187.340ef524 '\n";
    expect(parseInput(mitmproxy).observations[0]?.response).toMatchObject({ status: 502, form: 'page-text' });
  });

  it('refuses JSON that is not an object', () => {
    expect(unreadableMessage('[1, 2]')).toContain('array');
  });

  it('reads a log line that opens with a bracketed tag as words, not as broken JSON (dwyl/hits#296, Apache error log)', () => {
    const phoenix = '[debug] ** (Phoenix.Router.NoRouteError) no route found for GET /favicon.ico (HitsWeb.Router)';
    expect(parseInput(phoenix)).toMatchObject({ format: 'page-text', observations: [{ response: { body: phoenix } }] });
    const apache = '[Mon Jan 01 10:00:00.123456 2024] [proxy:error] [pid 12] AH00957: http: attempt to connect to 127.0.0.1:8080 failed';
    expect(parseInput(apache).format).toBe('page-text');
    expect(unreadableMessage('[{"response": {"sta')).toMatch(/not valid JSON/);
    expect(parseInput('[ERROR 502 /index.php] dial tcp 127.0.0.1:9000: connection refused').format).toBe('page-text');
    expect(parseInput('[error]instance refused connection').format).toBe('page-text');
    expect(unreadableMessage('[true, 1')).toContain('not valid JSON');
  });
});

const responseOf = (input: string) => parseInput(input).observations[0]?.response;

/** The status parseInput reads, or null when it reads none or refuses the input as unreadable. */
function statusOrRefusal(input: string): number | null | undefined {
  try {
    return responseOf(input)?.status;
  } catch (error) {
    if (isHttpwhyError(error)) return null;
    throw error;
  }
}

describe('parseInput, responses inside logs, traces and printouts', () => {
  it('reads an OkHttp log in logcat, prefixes and request lines dropped', () => {
    const log = [
      '2021-03-04 10:11:12.300 12345-12399/com.example.app D/OkHttp: --> GET https://api.example/v1',
      '2021-03-04 10:11:12.301 12345-12399/com.example.app D/OkHttp: --> END GET',
      '2021-03-04 10:11:12.345 12345-12399/com.example.app D/OkHttp: <-- 502 Bad Gateway https://api.example/v1 (44ms)',
      '2021-03-04 10:11:12.345 12345-12399/com.example.app D/OkHttp: Server: nginx/1.18.0',
      '2021-03-04 10:11:12.345 12345-12399/com.example.app D/OkHttp: Content-Type: text/html',
      '2021-03-04 10:11:12.346 12345-12399/com.example.app D/OkHttp: ',
      '2021-03-04 10:11:12.346 12345-12399/com.example.app D/OkHttp: <center>nginx/1.18.0</center>',
      '2021-03-04 10:11:12.346 12345-12399/com.example.app D/OkHttp: <-- END HTTP (31-byte body)',
    ].join('\n');
    expect(parseInput(log).format).toBe('http');
    expect(responseOf(log)).toMatchObject({ httpVersion: null, status: 502, reason: 'Bad Gateway', body: '<center>nginx/1.18.0</center>' });
    expect(responseOf(log)?.headers).toHaveLength(2);
  });

  it("reads strace's literals and Python's bytes repr as the raw response", () => {
    const trace = 'recvfrom(5, "HTTP/1.1 503 Service Unavailable\\r\\nServer: envoy\\r\\n\\r\\nno healthy upstream", 65536, 0, NULL, NULL) = 66';
    expect(responseOf(trace)).toMatchObject({ httpVersion: '1.1', status: 503, body: 'no healthy upstream' });
    const bytes = "b'HTTP/1.1 502 Bad Gateway\\r\\nServer: nginx\\r\\nContent-Type: text/html\\r\\n\\r\\n<html></html>\\r\\n'";
    expect(responseOf(bytes)).toMatchObject({ status: 502, headers: [{ name: 'Server', value: 'nginx' }, { name: 'Content-Type', value: 'text/html' }] });
  });

  it('reads a client printout before looking for a page in it', () => {
    const dump = "  response: {\n    status: 503,\n    statusText: 'Service Unavailable',\n    headers: { server: 'envoy' },\n    data: 'no healthy upstream'\n  }";
    expect(parseInput(dump).format).toBe('http');
    expect(responseOf(dump)).toMatchObject({ status: 503, reason: 'Service Unavailable', body: 'no healthy upstream' });
  });

  it('leaves a CSS universal rule to the page, not to curl -v', () => {
    expect(parseInput('<html><style>\n* {\n  margin: 0;\n}\n</style><title>503 Service Unavailable</title></html>').format).toBe('page-source');
  });

  it.each([
    ['a log whose lines name statuses', 'ProxyServer[25762]: 63 | Connecting to upstream proxy\nProxyServer[25762]: 63 | Received response from target (502)\nProxyServer[25762]: 63 | Target socket ended'],
    ['timestamped log lines naming a status', '2023-05-01 12:00:01.100 INFO  worker-1 GET /api took 5023 ms\n2023-05-01 12:00:01.300 WARN  worker-1 retrying after status 503\n2023-05-01 12:00:02.300 ERROR worker-1 giving up'],
  ])('takes no status from %s (diagnose then refuses it)', (_what, input) => {
    expect(statusOrRefusal(input)).toBeNull();
  });

  it('reads an object util.inspect printed (keys without quotes) as the same object in JSON reads (mechanics)', () => {
    const inspected = "{\n  level: 'error',\n  status: 502,\n  msg: 'upstream failed'\n}";
    const json = '{\n  "level": "error",\n  "status": 502,\n  "msg": "upstream failed"\n}';
    expect(responseOf(inspected)).toEqual(responseOf(json));
  });
});

describe('parseInput: a client error message', () => {
  it('labels the observation with the request the message named, and keeps a raw response first', () => {
    const [obs] = parseInput('npm ERR! 502 Bad Gateway - GET https://registry.npmjs.org/left-pad\n').observations;
    expect(obs).toMatchObject({ label: 'response to GET https://registry.npmjs.org/left-pad', response: { status: 502, form: 'client-message', headers: [] } });
    const raw = parseInput('HTTP/1.1 503 Service Unavailable\nServer: nginx\n\nAxiosError: Request failed with status code 502\n');
    expect(raw.format).toBe('http');
    expect(raw.observations[0]?.response?.status).toBe(503);
  });

  it('reads a JSON body that mentions a client message as JSON', () => {
    expect(parseInput('{"status": 502, "body": "AxiosError: Request failed with status code 502"}').format).toBe('json');
  });
});

const wildInput = (path: string) => parseInput(readFileSync(new URL(`../../test/fixtures/diagnose/wild/${path}`, import.meta.url), 'utf8'));
/** The same capture as a browser's form sends it, its line ends CRLF. */
const crlf = (path: string) => parseInput(readFileSync(new URL(`../../test/fixtures/diagnose/wild/${path}`, import.meta.url), 'utf8').replaceAll('\n', '\r\n')).observations[0]?.response;
const headerOf = (path: string, name: string) => wildInput(path).observations[0]?.response?.headers.find((h) => h.name.toLowerCase() === name)?.value;

describe('responses inside what tools print, and heads people reshaped (corpus: test/fixtures/diagnose/wild/corpus-u.tsv)', () => {

  it("reads an Ansible uri result: its status, and the headers it keeps as keys with '-' written '_'", () => {
    const response = wildInput('nexus3-oss/ansible-uri-503.json').observations[0]?.response;
    expect(response?.status).toBe(503);
    expect(headerOf('nexus3-oss/ansible-uri-503.json', 'x-squid-error')).toBe('ERR_CONNECT_FAIL 111');
    expect(headerOf('nexus3-oss/ansible-uri-503.json', 'msg')).toBeUndefined();
  });

  it("reads Angular's HttpErrorResponse: its status and the body in error, not its HttpHeaders internals", () => {
    const response = wildInput('paperless-ngx/api-csrf-403.json').observations[0]?.response;
    expect([response?.status, response?.headers, response?.body]).toEqual([403, [], '{"detail":"CSRF Failed: CSRF token missing."}']);
  });

  it("reads .NET's HttpResponseMessage printout in a CI log, yet leaves a paste with IIS's own 'Request ended … with HTTP status 500.30' line to those words", () => {
    expect(wildInput('http-sys/iisintegration1093-503-httpapi-ci.log')).toMatchObject({ format: 'http', observations: [{ response: { status: 503, reason: 'Service Unavailable' } }] });
    expect(headerOf('http-sys/iisintegration1093-503-httpapi-ci.log', 'server')).toBe('Microsoft-HTTPAPI/2.0');
    expect(wildInput('iis-ancm/500-30-inprocess-iisexpress-test-log.log').format).toBe('page-text');
  });

  it("reads PHP's print_r of a header array under a status line as that status's head", () => {
    expect(wildInput('cloudflare/php-rss-fetch-403-challenge.headers').observations[0]?.response?.status).toBe(403);
    expect(headerOf('cloudflare/php-rss-fetch-403-challenge.headers', 'cf-mitigated')).toBe('challenge');
  });

  it('reads a head flattened onto one line after an error message', () => {
    const response = wildInput('caddy/expose-server-502-empty.txt').observations[0]?.response;
    expect([response?.status, headerOf('caddy/expose-server-502-empty.txt', 'server'), response?.body]).toEqual([502, 'Caddy', '']);
  });

  it("reads a head without a status line whose lines are response-only headers (an uploader's log cut before Date and Server)", () => {
    expect(headerOf('sharex-8019/cloudflare-challenge-403.headers', 'cf-mitigated')).toBe('challenge');
  });

  it("reads both as a browser's form sends them, with CRLF line ends", () => {
    expect(crlf('cloudflare/php-rss-fetch-403-challenge.headers')?.headers.find((h) => h.name === 'cf-mitigated')?.value).toBe('challenge');
    expect(crlf('caddy/expose-server-502-empty.txt')?.headers.find((h) => h.name === 'Server')?.value).toBe('Caddy');
  });

  it('reads an XML error fragment opening with <Code> as a body, not as emphasis markup', () => {
    expect(wildInput('mcp-toolbox/gcs-accessdenied.http').observations[0]?.response?.body).toContain('<Message>Access denied.</Message>');
  });
});
