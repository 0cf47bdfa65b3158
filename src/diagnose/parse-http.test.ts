import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHttpText, parseStatusLine } from './parse-http.ts';
import { parseInput } from './parse-input.ts';

const CRLF = (lines: string[]) => lines.join('\r\n');

describe('parseStatusLine', () => {
  it.each([
    ['HTTP/1.1 502 Bad Gateway', { httpVersion: '1.1', status: 502, reason: 'Bad Gateway' }],
    ['HTTP/2 503 ', { httpVersion: '2', status: 503, reason: '' }],
    ['HTTP/1.0 504 Gateway Time-out', { httpVersion: '1.0', status: 504, reason: 'Gateway Time-out' }],
    ['HTTP/1.1 521 ', { httpVersion: '1.1', status: 521, reason: '' }],
  ])('reads %j', (line, expected) => {
    expect(parseStatusLine(line)).toEqual(expected);
  });

  it.each(['HTTP/1.1 50', 'HTTP/1.1 Bad Gateway', 'GET / HTTP/1.1', 'http/1.1 200 OK'])('refuses %j', (line) => {
    expect(parseStatusLine(line)).toBeUndefined();
  });
});

describe('parseHttpText', () => {
  it('reads headers in order with their case, and the body byte for byte', () => {
    const text = CRLF(['HTTP/1.1 502 Bad Gateway', 'Server: nginx', 'X-Request-Id: abc', 'x-request-id: def', '', '<html>\r\n<body>x</body>\r\n</html>\r\n']);
    const { response, hops } = parseHttpText(text);
    expect(response.status).toBe(502);
    expect(response.headers).toEqual([
      { name: 'Server', value: 'nginx' },
      { name: 'X-Request-Id', value: 'abc' },
      { name: 'x-request-id', value: 'def' },
    ]);
    expect(response.body).toBe('<html>\r\n<body>x</body>\r\n</html>\r\n');
    expect(hops).toEqual([]);
  });

  it('reads a line of blanks as the blank line after the head, not as a folded header', () => {
    const { response } = parseHttpText('HTTP/1.1 403 Forbidden  \nServer: AmazonS3  \n  \n<Error/>');
    expect(response.headers).toEqual([{ name: 'Server', value: 'AmazonS3' }]);
    expect(response.body).toBe('<Error/>');
    const headOnly = parseHttpText('HTTP/1.1 502 Bad Gateway  \nContent-Length: 173  \n  ').response;
    expect(headOnly.body).toBeNull();
  });

  it("reads an ellipsis where a doc left the headers out as the head's end, the body after it (apisix-ingress-controller's docs)", () => {
    const { response } = parseHttpText('HTTP/1.1 401\n...\n{"message":"Missing JWT token in request"}');
    expect(response).toMatchObject({ status: 401, headers: [], body: '{"message":"Missing JWT token in request"}' });
    expect(parseHttpText('HTTP/1.1 403 Forbidden\nServer: APISIX\n…\n{"message":"x"}').response).toMatchObject({ headers: [{ name: 'Server', value: 'APISIX' }], body: '{"message":"x"}' });
  });

  it('joins folded header lines', () => {
    const { response } = parseHttpText('HTTP/1.1 500 Internal Server Error\nX-Long: one\n  two\n\n');
    expect(response.headers).toEqual([{ name: 'X-Long', value: 'one two' }]);
  });

  it('treats 100 Continue and redirects printed by curl -i -L as earlier hops', () => {
    const text =
      'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 301 Moved Permanently\r\nLocation: https://shop.example/\r\n\r\nHTTP/2 502 \r\nserver: nginx\r\n\r\nbody';
    const { response, hops } = parseHttpText(text);
    expect(hops).toEqual([
      { status: 100, reason: 'Continue', location: null },
      { status: 301, reason: 'Moved Permanently', location: 'https://shop.example/' },
    ]);
    expect(response.status).toBe(502);
    expect(response.body).toBe('body');
  });

  it("reads the next response after more than one blank line, as cargo printed each header with a blank after it (corpus: alexandrie/cargo-publish-500-empty-body.log)", () => {
    const pasted = readFileSync(new URL('../../test/fixtures/diagnose/wild/alexandrie/cargo-publish-500-empty-body.log', import.meta.url), 'utf8');
    const parsed = parseInput(pasted);
    expect(parsed.observations[0]?.response?.status).toBe(500);
    expect(parsed.observations[0]?.hops).toEqual([{ status: 100, reason: 'Continue', location: null }]);
  });

  it('flags a body shorter than Content-Length as truncated', () => {
    const { response } = parseHttpText('HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\nonly a little');
    expect(response.truncated).toBe(true);
  });

  it('does not flag a body whose CRLF line ends were turned into LF by the paste', () => {
    // nginx's 502 page is 157 bytes with CRLF; pasted with LF it is 150.
    const body = '<html>\n<head><title>502 Bad Gateway</title></head>\n<body>\n<center><h1>502 Bad Gateway</h1></center>\n<hr><center>nginx/1.22.1</center>\n</body>\n</html>\n';
    const { response } = parseHttpText(`HTTP/1.1 502 Bad Gateway\nContent-Length: 157\n\n${body}`);
    expect(response.truncated).toBe(false);
  });

  it('reads an empty body with a positive Content-Length as not printed (HEAD, curl -I)', () => {
    const { response } = parseHttpText('HTTP/1.1 502 Bad Gateway\r\nContent-Length: 157\r\n\r\n');
    expect(response.body).toBeNull();
    expect(response.truncated).toBe(false);
  });

  it('reads headers without a blank line after them as a response without a body', () => {
    const { response } = parseHttpText('HTTP/1.1 503 Service Unavailable\nServer: envoy');
    expect(response.body).toBeNull();
    expect(response.headers).toEqual([{ name: 'Server', value: 'envoy' }]);
  });

  it('reads a head alone with Content-Length: 0 as a response with an empty body', () => {
    const { response } = parseHttpText('HTTP/1.1 411 Length Required\nConnection: close\nServer: Kestrel\nContent-Length: 0');
    expect(response.body).toBe('');
  });

  it('starts the body at the first line that is not a header when the blank line was lost', () => {
    const { response } = parseHttpText('HTTP/1.1 503 Service Unavailable\nserver: envoy\nno healthy upstream');
    expect(response.headers).toEqual([{ name: 'server', value: 'envoy' }]);
    expect(response.body).toBe('no healthy upstream');
  });

  it('throws HW_ERR_DIAGNOSE_UNREADABLE_INPUT quoting a cut status line', () => {
    expect(() => parseHttpText('HTTP/1.1 50')).toThrow(expect.objectContaining({ code: 'HW_ERR_DIAGNOSE_UNREADABLE_INPUT', message: expect.stringContaining('"HTTP/1.1 50"') }));
  });
});
