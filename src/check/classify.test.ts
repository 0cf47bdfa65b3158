import { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canary, recordingTransport, tcpServer, type Loopback } from '../../test/helpers/loopback.ts';
import { checkUrlVia } from './check-url.ts';
import { classifyFailure } from './classify.ts';
import type { Transport } from './transport.ts';
import type { CheckOptions } from './types.ts';

/** What the faulty upstream does once the request arrives. */
const FAULTS: Record<string, (socket: Socket) => void> = {
  reset: (s) => s.resetAndDestroy(),
  'close-without-reply': (s) => s.end(),
  'not-http': (s) => s.end('SSH-2.0-OpenSSH_9.6\r\n'),
  'bad-header': (s) => s.end('HTTP/1.1 200 OK\r\nBad Header: x\r\n\r\n'),
  'huge-headers': (s) => s.end(`HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`),
  hang: () => undefined,
  'cut-body': (s) => s.end('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc'),
  'bad-chunk': (s) => s.end('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'),
  'drip-body': (s) => s.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc'),
  'reset-in-body': (s) => {
    s.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nabc');
    setTimeout(() => s.resetAndDestroy(), 20);
  },
};

let faulty: Loopback;
let refusedPort: number;
beforeAll(async () => {
  faulty = await tcpServer((socket) => {
    socket.once('data', (request: Buffer) => {
      const mode = /^GET \/([\w-]+)/.exec(request.toString('latin1'))?.[1] ?? '';
      FAULTS[mode]?.(socket);
    });
    socket.on('error', () => undefined);
  });
  const closed = await canary();
  refusedPort = closed.port;
  await closed.close();
});
afterAll(() => faulty.close());

function unreachable(): Socket {
  const socket = new Socket();
  setImmediate(() => socket.destroy(Object.assign(new Error('connect EHOSTUNREACH'), { code: 'EHOSTUNREACH' })));
  return socket;
}

const coded = (code: string) => Object.assign(new Error(code), { code });

const quick: CheckOptions = { allowPrivate: true, timeouts: { headers: 300, body: 300, dns: 100, connect: 100 } };

describe('network failures are classified with the phase and what a proxy would answer', () => {
  it.each([
    ['reset', 'reset', 'headers', 'ECONNRESET', null, 502],
    ['close-without-reply', 'empty-reply', 'headers', 'UND_ERR_SOCKET', null, 502],
    // nginx answers no status of its own for a reply without an HTTP status line: it relays it as HTTP/0.9.
    ['not-http', 'invalid-response', 'headers', 'HTTPParserError', null, undefined],
    ['bad-header', 'invalid-response', 'headers', 'HTTPParserError', null, 502],
    ['huge-headers', 'invalid-response', 'headers', 'UND_ERR_HEADERS_OVERFLOW', null, 502],
    ['hang', 'timeout-response', 'headers', 'UND_ERR_HEADERS_TIMEOUT', null, 504],
    ['cut-body', 'truncated', 'body', 'UND_ERR_SOCKET', 200, null],
    ['bad-chunk', 'invalid-response', 'body', 'HTTPParserError', 200, null],
    ['drip-body', 'timeout-body', 'body', 'UND_ERR_BODY_TIMEOUT', 200, null],
    ['reset-in-body', 'truncated', 'body', 'ECONNRESET', 200, null],
  ])('%s → %s', async (mode, kind, phase, code, status, nginx) => {
    const result = await checkUrlVia(recordingTransport(), `${faulty.origin}/${mode}`, quick);
    expect(result.failure).toMatchObject({ kind, phase, code });
    expect(result.status).toBe(status);
    expect(result.problem).toBe(true);
    expect(result.failure?.proxyAnswers.find((a) => a.component === 'nginx')?.status).toBe(nginx);
  });

  it.each([
    ['not-http', ['HAProxy 502', 'Envoy 502', 'Caddy 502', 'AWS ALB 502', 'Cloudflare 520']],
    ['bad-header', ['nginx 502', 'HAProxy 502', 'Envoy 502', 'AWS ALB 502', 'Cloudflare 520']],
    ['huge-headers', ['nginx 502', 'HAProxy 502', 'Caddy 200', 'Cloudflare (headers over 128 KB) 520']],
  ])('%s: the proxies answer what they do for that kind of invalid response', async (mode, answers) => {
    const result = await checkUrlVia(recordingTransport(), `${faulty.origin}/${mode}`, quick);
    expect(result.failure?.proxyAnswers.map((a) => `${a.component} ${a.status}`)).toEqual(answers);
  });

  it('connection refused', async () => {
    const result = await checkUrlVia(recordingTransport(), `http://127.0.0.1:${refusedPort}/`, quick);
    expect(result.failure).toMatchObject({ kind: 'refused', phase: 'connect', code: 'ECONNREFUSED' });
    expect(result.failure?.proxyAnswers.map((a) => `${a.component} ${a.status}`)).toEqual([
      'nginx 502',
      'HAProxy 503',
      'Envoy 503',
      'Apache httpd 503',
      'Caddy 502',
      'Traefik 502',
      'AWS ALB 502',
      'Cloudflare 521',
    ]);
  });

  it('name does not resolve', async () => {
    const result = await checkUrlVia(recordingTransport(), 'http://does-not-exist.invalid/', quick);
    expect(result.failure).toMatchObject({ kind: 'dns', phase: 'dns', code: 'ENOTFOUND' });
  });

  it('resolver too slow', async () => {
    const transport = recordingTransport({ names: { 'slow.test': () => new Promise(() => undefined) } });
    const result = await checkUrlVia(transport, 'http://slow.test/', quick);
    expect(result.failure).toMatchObject({ kind: 'dns', phase: 'dns', code: 'ETIMEDOUT' });
  });

  it('TCP connect too slow', async () => {
    const transport: Transport = { ...recordingTransport(), dial: () => new Socket() };
    const result = await checkUrlVia(transport, 'http://127.0.0.1/', quick);
    expect(result.failure).toMatchObject({ kind: 'timeout-connect', phase: 'connect', code: 'ETIMEDOUT' });
    expect(result.failure?.proxyAnswers.map((a) => `${a.component} ${a.status}`)).toEqual([
      'nginx 504',
      'HAProxy 503',
      'Envoy 503',
      'Caddy 504',
      'Traefik 504',
      'AWS ALB 504',
      'Cloudflare 522',
    ]);
  });

  it('host unreachable', async () => {
    const result = await checkUrlVia({ ...recordingTransport(), dial: unreachable }, 'http://127.0.0.1/', quick);
    expect(result.failure).toMatchObject({ kind: 'unreachable', phase: 'connect' });
  });
});

describe('classifyFailure', () => {
  it('prefers refused inside a happy-eyeballs AggregateError', () => {
    const error = Object.assign(new AggregateError([coded('ETIMEDOUT'), coded('ECONNREFUSED')], ''), { code: 'ETIMEDOUT' });
    expect(classifyFailure(error, 'connect')).toMatchObject({ kind: 'refused', code: 'ECONNREFUSED' });
  });

  it("unwraps fetch's TypeError cause", () => {
    expect(classifyFailure(new TypeError('fetch failed', { cause: coded('ECONNRESET') }), 'headers')).toMatchObject({ kind: 'reset', code: 'ECONNRESET' });
  });

  it('names a reset during the TLS handshake a handshake failure', () => {
    expect(classifyFailure(coded('ECONNRESET'), 'tls')).toMatchObject({ kind: 'tls-handshake', tls: 'handshake', phase: 'tls' });
  });

  it('reads an HTTPParserError by name (its code is undefined)', () => {
    const error = Object.assign(new Error('Response does not match the HTTP/1.1 protocol (Expected HTTP/)'), { name: 'HTTPParserError' });
    expect(classifyFailure(error, 'headers')).toMatchObject({ kind: 'invalid-response', code: 'HTTPParserError' });
  });

  it('uses the OpenSSL reason as the message', () => {
    const error = Object.assign(new Error('40:error:0A00010B:SSL routines::wrong version number'), { code: 'ERR_SSL_WRONG_VERSION_NUMBER', reason: 'wrong version number' });
    expect(classifyFailure(error, 'tls')).toMatchObject({ kind: 'tls-handshake', tls: 'not-tls', message: 'wrong version number' });
  });
});
