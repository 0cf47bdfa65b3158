import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose.ts';
import { browserFailureKind, transportFailure } from './transport-errors.ts';

describe('transportFailure', () => {
  // Each runtime's own message form (Node's errors.md, Go's net and net/http, Python's errno and urllib3, Java's
  // java.net, .NET's SocketException, Chromium's net_error_list.h).
  it.each([
    ['Error: connect ECONNREFUSED 127.0.0.1:3000\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)', 'refused'],
    ['Get "http://10.0.0.5:8080/healthz": dial tcp 10.0.0.5:8080: connect: connection refused', 'refused'],
    ["requests.exceptions.ConnectionError: HTTPConnectionPool(host='localhost', port=8000): Max retries exceeded with url: /api (Caused by NewConnectionError('<urllib3.connection.HTTPConnection object at 0x7f2>: Failed to establish a new connection: [Errno 111] Connection refused'))", 'refused'],
    ['System.Net.Http.HttpRequestException: No connection could be made because the target machine actively refused it. (localhost:5001)', 'refused'],
    ['Error: getaddrinfo ENOTFOUND api.example.internal', 'dns'],
    ['Get "http://db:5984/": dial tcp: lookup db on 127.0.0.11:53: no such host', 'dns'],
    ['Get "http://10.0.0.9:80/": dial tcp 10.0.0.9:80: i/o timeout', 'timeout-connect'],
    ['Get "https://api.example.com/v1": context deadline exceeded (Client.Timeout exceeded while awaiting headers)', 'timeout-response'],
    ["requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='api.example.com', port=443): Read timed out. (read timeout=10)", 'timeout-response'],
    ['Error: socket hang up\n    at connResetException (node:internal/errors:720:14)', 'empty-reply'],
    ["http.client.RemoteDisconnected: Remote end closed connection without response", 'empty-reply'],
    ['read tcp 10.0.0.2:51234->10.0.0.5:443: read: connection reset by peer', 'reset'],
    ['Get "https://x.example/": x509: certificate signed by unknown authority', 'tls-certificate'],
    ['javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target', 'tls-certificate'],
    ['Get "https://127.0.0.1:8080/": http: server gave HTTP response to HTTPS client', 'tls-handshake'],
    ['GET https://example.com/app.js net::ERR_INCOMPLETE_CHUNKED_ENCODING 200 (OK)', 'truncated'],
  ])('reads %j as %s', (text, kind) => {
    expect(transportFailure(text)?.kind).toBe(kind);
  });

  it.each([
    ['a Go reverse proxy answering for its dial error', '2024/01/01 10:00:00 http: proxy error: dial tcp 127.0.0.1:8080: connect: connection refused'],
    ['an upstream named in the words', 'upstream connect error: connect ECONNREFUSED 10.0.0.5:8080'],
    ["a framework's development error page showing its call's failure", 'Server Error\nError: connect ECONNREFUSED ::1:3001\n\nThis error happened while generating the page.'],
    ['words without a network failure', 'Something went wrong, please try again later'],
  ])('reads no client failure in %s', (_case, text) => {
    expect(transportFailure(text)).toBeNull();
  });

  it("reads a browser's recorded failure", () => {
    expect(browserFailureKind('net::ERR_CONNECTION_REFUSED')).toBe('refused');
    expect(browserFailureKind('net::ERR_BLOCKED_BY_CLIENT')).toBeNull();
  });
});

describe("diagnosing a client's network error", () => {
  it('names the client, at low confidence from words, with what a proxy in front would answer', () => {
    const d = diagnose('Error: connect ECONNREFUSED 127.0.0.1:3000\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)').diagnoses[0];
    expect(d).toMatchObject({ verdict: 'identified', confidence: 'low', issuer: { fingerprint: 'client-connection-refused', layer: 'client-tooling' } });
    expect(d?.networkFailure?.kind).toBe('refused');
    expect(d?.networkFailure?.proxyAnswers.some((a) => a.status === 502)).toBe(true);
    expect(d?.notes.join(' ')).toMatch(/server that sent them made this call itself/);
  });

  it("names a HAR entry's browser failure at medium confidence", () => {
    const har = { log: { version: '1.2', entries: [{ request: { method: 'GET', url: 'http://localhost:3000/' }, response: { status: 0, statusText: '', headers: [], content: { size: 0 }, _error: 'net::ERR_CONNECTION_REFUSED' } }] } };
    expect(diagnose(har).diagnoses[0]).toMatchObject({ confidence: 'medium', issuer: { fingerprint: 'client-connection-refused' } });
  });

  it('still refuses words that show no failure and no status', () => {
    expect(() => diagnose('Something went wrong, please try again later')).toThrow(/not a response httpwhy can read/);
  });
});
