import { describe, expect, it } from 'vitest';
import { isResponseObject, parseBodyObject, parseHar, parseResponseObject } from './parse-json.ts';

function harWith(entries: unknown[]) {
  return { log: { version: '1.2', creator: { name: 'test', version: '1' }, entries } };
}

const entry = (response: Record<string, unknown>) => ({ request: { method: 'GET', url: 'https://shop.example/api' }, response });

describe('parseResponseObject', () => {
  it('accepts headers as an object, with repeated values as arrays', () => {
    const obs = parseResponseObject({ status: 502, headers: { server: 'Caddy', 'set-cookie': ['a=1', 'b=2'] }, body: '' });
    expect(obs.response?.headers).toEqual([
      { name: 'server', value: 'Caddy' },
      { name: 'set-cookie', value: 'a=1' },
      { name: 'set-cookie', value: 'b=2' },
    ]);
    expect(obs.response?.httpVersion).toBeNull();
  });

  it('accepts headers as [name, value] pairs or {name, value} objects, a status string, and a JSON body object', () => {
    const pairs = parseResponseObject({ status: '504 Gateway Timeout', headers: [['Server', 'envoy']], body: { message: 'timeout' } });
    expect(pairs.response).toMatchObject({ status: 504, reason: 'Gateway Timeout', headers: [{ name: 'Server', value: 'envoy' }], body: '{"message":"timeout"}' });
    const objects = parseResponseObject({ status: 500, headers: [{ name: 'X-Powered-By', value: 'Express' }] });
    expect(objects.response).toMatchObject({ headers: [{ name: 'X-Powered-By', value: 'Express' }], body: null });
  });

  it('refuses an object without a status, listing the keys it has', () => {
    expect(() => parseResponseObject({ code: 502, headers: {} })).toThrow(
      expect.objectContaining({ code: 'HW_ERR_DIAGNOSE_UNREADABLE_INPUT', message: expect.stringContaining('code, headers') }),
    );
  });
});

describe('parseHar', () => {
  it('reads every entry, with base64 content decoded and the protocol normalised', () => {
    const observations = parseHar(
      harWith([
        entry({ status: 200, statusText: 'OK', httpVersion: 'HTTP/1.1', headers: [], content: { size: 2, text: 'ok' } }),
        entry({ status: 502, statusText: '', httpVersion: 'h2', headers: [{ name: 'server', value: 'Caddy' }], content: { size: 0, text: Buffer.from('no').toString('base64'), encoding: 'base64' } }),
      ]),
    );
    expect(observations.map((o) => o.label)).toEqual(['entry 1: GET https://shop.example/api', 'entry 2: GET https://shop.example/api']);
    expect(observations[1]?.response).toMatchObject({ status: 502, httpVersion: '2', body: 'no' });
  });

  it('reads status 0 as a browser failure with Chrome\'s _error', () => {
    const [obs] = parseHar(harWith([entry({ status: 0, statusText: '', headers: [], content: { size: 0 }, _error: 'net::ERR_CONNECTION_REFUSED' })]));
    expect(obs?.response).toBeNull();
    expect(obs?.failure).toEqual({ tool: 'browser', exitCode: null, kind: 'refused', message: 'net::ERR_CONNECTION_REFUSED', trace: [] });
  });

  it('reads an entry without content text as a response without a body', () => {
    const [obs] = parseHar(harWith([entry({ status: 522, headers: [], content: { size: 0, mimeType: 'text/html' } })]));
    expect(obs?.response?.body).toBeNull();
  });

  it.each([
    [{ log: {} }, 'log.entries'],
    [harWith([]), 'no entries'],
    [harWith([{ request: {} }]), 'HAR entry 1 has no response status'],
  ])('refuses %j', (data, message) => {
    expect(() => parseHar(data)).toThrow(message);
  });
});

describe("parseResponseObject: a client library's response object", () => {
  it('reads the body from data and the status and reason beside it', () => {
    const page = '<html>\r\n<head><title>504 Gateway Time-out</title></head></html>';
    const obs = parseResponseObject({ data: page, status: 504, config: { method: 'POST' }, statusText: 'Gateway Timeout' });
    expect(obs.response).toMatchObject({ status: 504, reason: 'Gateway Timeout', headers: [], body: page });
  });
});

describe('isResponseObject and parseBodyObject: a JSON error body pasted alone', () => {
  it.each([
    [{ status: 502, headers: {} }, true],
    [{ status: 503 }, true],
    [{ body: '' }, true],
    [{ message: 'Missing Authentication Token' }, false],
    [{ status: '500', error: 'Internal Server Error' }, false],
    [{ statusCode: 500, error: 'Internal Server Error', message: 'boom' }, false],
    // A client library's response object (axios, AngularJS $http): the body in data, with the client's own keys.
    [{ data: '<html></html>', status: 504, statusText: 'Gateway Timeout', config: {} }, true],
    // An API's envelope with the same two keys is a body: no client key, or a status that is no number.
    [{ status: 500, data: null }, false],
    [{ status: 'error', data: null, statusText: 'x' }, false],
  ])('%j is a {status, headers, body} object: %s', (data, expected) => {
    expect(isResponseObject(data)).toBe(expected);
  });

  it.each([
    [{ message: 'Missing Authentication Token' }, null],
    [{ statusCode: 500, error: 'Internal Server Error', message: 'Argument "options" must not be function' }, 500],
    [{ status: '500', error: 'Internal Server Error' }, 500],
    [{ code: 404, message: 'Not Found' }, 404],
    [{ code: 1015, message: 'rate limited' }, null],
    [{ code: 'InternalServerError', Message: 'An internal server error occurred.' }, null],
  ])('reads %j as a body alone with status %s', (data, status) => {
    const obs = parseBodyObject(data);
    expect(obs.response).toMatchObject({ status, headers: [], form: 'body', body: JSON.stringify(data) });
  });
});
