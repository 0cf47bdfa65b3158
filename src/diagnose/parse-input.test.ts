import { describe, expect, it } from 'vitest';
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

  it('refuses JSON that is not an object', () => {
    expect(unreadableMessage('[1, 2]')).toContain('array');
  });
});
