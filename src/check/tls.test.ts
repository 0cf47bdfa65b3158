import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpServer, httpsServer, makeCertificates, recordingTransport, tcpServer, v4, type Loopback, type TestCertificates } from '../../test/helpers/loopback.ts';
import { checkUrlVia } from './check-url.ts';

let certs: TestCertificates;
const servers: Record<string, Loopback> = {};
let requests = 0;

function handler(_req: unknown, res: { end(body: string): void }): void {
  requests++;
  res.end('secure');
}

beforeAll(async () => {
  certs = makeCertificates();
  servers.good = await httpsServer(handler, certs.good);
  servers.chain = await httpsServer(handler, { key: certs.good.key, cert: certs.good.cert + certs.ca });
  servers.expired = await httpsServer(handler, certs.expired);
  servers.wrongName = await httpsServer(handler, certs.wrongName);
  servers.selfSigned = await httpsServer(handler, certs.selfSigned);
  servers.plain = await httpServer((_req, res) => res.end('plain'));
  servers.stall = await tcpServer(() => undefined);
});
afterAll(async () => {
  for (const server of Object.values(servers)) await server.close();
});

const options = { allowPrivate: true, timeouts: { tls: 200 } };
const trusting = () => recordingTransport({ ca: certs.ca, names: { localhost: [v4('127.0.0.1')] } });
const url = (name: string, host = 'localhost') => `https://${host}:${servers[name]?.port}/`;

describe('TLS', () => {
  it('summarises a good certificate and times the handshake', async () => {
    const result = await checkUrlVia(trusting(), url('good'), options);
    expect(result.status).toBe(200);
    const hop = result.hops[0];
    expect(hop?.tls).toMatchObject({ subject: 'localhost', issuer: 'httpwhy tests', nameMatch: true, trusted: true, verifyError: null });
    expect(hop?.tls?.protocol).toMatch(/^TLSv1\.[23]$/);
    expect(hop?.tls?.daysToExpiry).toBeGreaterThanOrEqual(29);
    expect(hop?.timings.tls).toBeGreaterThan(0);
  });

  it('matches an IP address against the certificate', async () => {
    const result = await checkUrlVia(trusting(), url('good', '127.0.0.1'), options);
    expect(result.hops[0]?.tls?.nameMatch).toBe(true);
    expect(result.status).toBe(200);
  });

  it.each([
    ['expired', 'test CA', 'expired', 'CERT_HAS_EXPIRED'],
    ['wrongName', 'test CA', 'name-mismatch', 'ERR_TLS_CERT_ALTNAME_INVALID'],
    ['selfSigned', 'system roots', 'self-signed', 'DEPTH_ZERO_SELF_SIGNED_CERT'],
    ['good', 'system roots', 'incomplete-chain', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
    ['chain', 'system roots', 'untrusted-root', 'SELF_SIGNED_CERT_IN_CHAIN'],
  ])('refuses %s trusting %s, and sends no request', async (name, trust, reason, code) => {
    const before = requests;
    const transport = trust === 'test CA' ? trusting() : recordingTransport({ names: { localhost: [v4('127.0.0.1')] } });
    const result = await checkUrlVia(transport, url(name), options);
    expect(result.failure).toMatchObject({ kind: 'tls-certificate', phase: 'tls', tls: reason, code });
    expect(result.failure?.proxyAnswers.map((a) => `${a.component} ${a.status}`)).toEqual(['nginx (proxy_ssl_verify on) 502', 'Caddy 502', 'Cloudflare (Full strict) 526']);
    expect(result.hops[0]?.tls).not.toBeNull();
    expect(requests).toBe(before);
  });

  it('still shows what the refused certificate says', async () => {
    const expired = await checkUrlVia(trusting(), url('expired'), options);
    expect(expired.hops[0]?.tls).toMatchObject({ trusted: false, verifyError: 'CERT_HAS_EXPIRED', nameMatch: true });
    expect(expired.hops[0]?.tls?.daysToExpiry).toBeLessThan(0);
    const wrong = await checkUrlVia(trusting(), url('wrongName'), options);
    expect(wrong.hops[0]?.tls).toMatchObject({ trusted: true, nameMatch: false });
  });

  it('names https to a plain-HTTP port', async () => {
    const result = await checkUrlVia(trusting(), url('plain'), options);
    expect(result.failure).toMatchObject({ kind: 'tls-handshake', tls: 'not-tls', phase: 'tls' });
  });

  it('times out a stalled handshake in the TLS phase', async () => {
    const result = await checkUrlVia(trusting(), url('stall'), options);
    expect(result.failure).toMatchObject({ kind: 'timeout-connect', phase: 'tls', code: 'ETIMEDOUT' });
    expect(result.failure?.proxyAnswers.map((a) => `${a.component} ${a.status}`)).toEqual(['nginx 504', 'AWS ALB 502']);
    expect(result.hops[0]?.timings.connect).not.toBeNull();
  });
});
