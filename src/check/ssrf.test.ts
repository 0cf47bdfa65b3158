/**
 * The SSRF payload classes of shared/reference/url-checking.md §1.7. Every refused case asserts that no
 * connection was attempted: the recording dialer saw nothing and the canary listener (where the payload
 * points at loopback) accepted nothing. Ports are allowed explicitly so the address rule is what refuses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canary, httpServer, recordingTransport, v4, v6, type Loopback, type RecordingTransport } from '../../test/helpers/loopback.ts';
import { HttpwhyError } from '../errors.ts';
import { checkUrlVia } from './check-url.ts';

let trap: Loopback;
let trap6: Loopback;
beforeAll(async () => {
  trap = await canary('127.0.0.1');
  trap6 = await canary('::1');
});
afterAll(async () => {
  await trap.close();
  await trap6.close();
});

async function refusal(transport: RecordingTransport, url: string, ports: number[] = [trap.port]): Promise<HttpwhyError> {
  const error = await checkUrlVia(transport, url, { allowedPorts: [...ports, 80] }).then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error, url).toBeInstanceOf(HttpwhyError);
  return error as HttpwhyError;
}

function expectNoConnection(transport: RecordingTransport): void {
  expect(transport.dialed).toEqual([]);
  expect(trap.connections).toBe(0);
  expect(trap6.connections).toBe(0);
}

describe('literal and encoded addresses are refused before any connection', () => {
  const P = 'PORT';
  const payloads = [
    // IPv4 loopback in every spelling WHATWG URL folds to 127.0.0.1
    `http://127.0.0.1:${P}/`, `http://127.1:${P}/`, `http://127.0.1:${P}/`, `http://0177.0.0.1:${P}/`, `http://0x7f.0.0.1:${P}/`,
    `http://0x7f.1:${P}/`, `http://0x7f000001:${P}/`, `http://2130706433:${P}/`, `http://017700000001:${P}/`, `http://127.127.127.127:${P}/`,
    // this host
    `http://0:${P}/`, `http://0.0.0.0:${P}/`, `http://0.1.2.3:${P}/`, `http://[::]:${P}/`,
    // IPv6 loopback and IPv4 embedded in IPv6
    `http://[::1]:${P}/`, `http://[0000::1]:${P}/`, `http://[0:0:0:0:0:0:0:1]:${P}/`,
    `http://[::ffff:127.0.0.1]:${P}/`, `http://[::ffff:7f00:1]:${P}/`, `http://[0:0:0:0:0:ffff:127.0.0.1]:${P}/`,
    `http://[::127.0.0.1]:${P}/`, `http://[64:ff9b::7f00:1]:${P}/`, `http://[64:ff9b:1::7f00:1]:${P}/`, `http://[2002:7f00:1::]:${P}/`,
    `http://[2001::1]:${P}/`, `http://[2001:db8::1]:${P}/`, `http://[100::1]:${P}/`,
    // cloud metadata
    'http://169.254.169.254/latest/meta-data/', 'http://0xA9FEA9FE/', 'http://2852039166/', 'http://0251.0376.0251.0376/',
    'http://[::ffff:a9fe:a9fe]/', 'http://[fd00:ec2::254]/', 'http://100.100.100.200/',
    // one per remaining range
    'http://10.0.0.1/', 'http://172.16.0.1/', 'http://192.168.1.1/', 'http://100.64.0.1/', 'http://192.0.0.1/', 'http://198.18.0.1/',
    'http://224.0.0.1/', 'http://255.255.255.255/', 'http://[fc00::1]/', 'http://[fd12:3456::1]/', 'http://[fe80::1]/', 'http://[fec0::1]/',
    'http://[ff02::1]/', 'http://192.0.2.1/', 'http://240.0.0.1/',
    // Unicode and percent-encoding
    `http://①②⑦.⓪.⓪.①:${P}/`, `http://127。0。0。1:${P}/`, `http://%31%32%37.0.0.1:${P}/`,
    // parser confusion: the host WHATWG URL sees is the one refused (and the one that would be dialled)
    `http://1.1.1.1 &@127.0.0.1:${P}# @3.3.3.3/`, `http://127.1.1.1:${P}\\@127.2.2.2:80/`, `http://user@127.0.0.1:${P}/`,
    `http://127.0.0.1:${P}#@public.example/`,
  ];

  it.each(payloads)('%s', async (payload) => {
    const transport = recordingTransport();
    const url = payload.replaceAll(P, String(payload.includes('[') ? trap6.port : trap.port));
    const error = await refusal(transport, url, [trap.port, trap6.port]);
    expect(error.code).toBe('HW_ERR_CHECK_SSRF_BLOCKED');
    expect(error.details).toHaveProperty('range');
    expect(transport.resolved).toEqual([]);
    expectNoConnection(transport);
  });

  it('validates and would dial the host WHATWG URL sees in user:pass@127.0.0.1:80@evil.example', async () => {
    const transport = recordingTransport();
    const result = await checkUrlVia(transport, `http://user:pass@127.0.0.1:${trap.port}@evil.example/`);
    expect(transport.resolved).toEqual(['evil.example']);
    expect(result.failure).toMatchObject({ kind: 'dns', code: 'ENOTFOUND' });
    expectNoConnection(transport);
  });

  it('also refuses over https', async () => {
    const transport = recordingTransport();
    expect((await refusal(transport, `https://0x7f.1:${trap.port}/`)).code).toBe('HW_ERR_CHECK_SSRF_BLOCKED');
    expectNoConnection(transport);
  });
});

describe('names are judged by every address they resolve to', () => {
  const names = {
    localhost: [v4('127.0.0.1'), v6('::1')],
    'localhost.': [v4('127.0.0.1')],
    '127.0.0.1.nip.io': [v4('127.0.0.1')],
    'metadata.google.internal': [v4('169.254.169.254')],
    'mixed.test': [v4('93.184.216.34'), v4('127.0.0.1')],
    'mapped.test': [v6('::ffff:10.0.0.1')],
    'nat64.test': [v6('64:ff9b::a00:1')],
  };

  it.each(['localhost', 'localhost.', 'LOCALHOST', '127.0.0.1.nip.io', 'metadata.google.internal', 'mixed.test', 'mapped.test', 'nat64.test'])(
    '%s',
    async (name) => {
      const transport = recordingTransport({ names });
      const error = await refusal(transport, `http://${name}:${trap.port}/`);
      expect(error.code).toBe('HW_ERR_CHECK_SSRF_BLOCKED');
      expect(error.message).toMatch(/resolves to/);
      expect(transport.resolved).toEqual([name.toLowerCase()]);
      expectNoConnection(transport);
    },
  );

  it('lets public answers through to the dialer (which the test refuses)', async () => {
    const transport = recordingTransport({ names: { 'public.test': [v4('93.184.216.34'), v6('2606:2800:220:1::')] } });
    const result = await checkUrlVia(transport, 'http://public.test/');
    expect(transport.dialed).toEqual([{ servername: 'public.test', addresses: [v4('93.184.216.34'), v6('2606:2800:220:1::')], port: 80, tls: false }]);
    expect(result.failure?.kind).toBe('refused');
  });

  it.each([
    ['http://8.8.8.8/', '8.8.8.8'],
    ['http://[::ffff:8.8.8.8]/', '::ffff:808:808'],
    ['http://[2606:4700::1111]/', '2606:4700::1111'],
  ])('a public IP literal %s is allowed', async (url, address) => {
    const transport = recordingTransport();
    await checkUrlVia(transport, url);
    expect(transport.dialed.map((d) => d.addresses[0]?.address)).toEqual([address]);
    expect(transport.resolved).toEqual([]);
  });
});

// 127.0.0.1 stands in for a public address (exempt); 10.0.0.1 is what the attacker's DNS says next.
const rebinding = () =>
  recordingTransport({ exempt: ['127.0.0.1'], names: { 'rebind.test': (call) => (call === 1 ? [v4('127.0.0.1')] : [v4('10.0.0.1')]) } });

describe('DNS rebinding', () => {
  let server: Loopback;
  beforeAll(async () => {
    server = await httpServer((req, res) => {
      if (req.url === '/again') res.writeHead(302, { location: '/second' }).end();
      else res.end('first');
    });
  });
  afterAll(() => server.close());

  it('connects to the address that was checked: one lookup, no second resolution by Node', async () => {
    const transport = rebinding();
    // The system resolver cannot resolve rebind.test, so success proves the socket used the pinned answer.
    const result = await checkUrlVia(transport, `http://rebind.test:${server.port}/`, { allowedPorts: [server.port] });
    expect(result.status).toBe(200);
    expect(result.hops[0]?.address).toBe('127.0.0.1');
    expect(transport.resolved).toEqual(['rebind.test']);
    expect(transport.dialed).toHaveLength(1);
  });

  it('re-checks the name on the next hop and refuses the rebound answer', async () => {
    const transport = rebinding();
    const before = server.connections;
    const result = await checkUrlVia(transport, `http://rebind.test:${server.port}/again`, { allowedPorts: [server.port] });
    expect(result.hops.map((h) => h.status)).toEqual([302, null]);
    expect(result.failure).toMatchObject({ kind: 'redirect-blocked', code: 'HW_ERR_CHECK_SSRF_BLOCKED' });
    expect(transport.resolved).toEqual(['rebind.test', 'rebind.test']);
    expect(transport.dialed).toHaveLength(1);
    expect(server.connections - before).toBe(1);
  });
});

/** Redirects start from a ::1 server (exempt) and aim at the 127.0.0.1 canary or elsewhere. */
const redirectTransport = () => recordingTransport({ exempt: ['::1'], names: { 'internal.test': [v4('127.0.0.1')] } });
const via = (to: string, status = 302) => `/?status=${status}&to=${encodeURIComponent(to.replaceAll('PORT', String(trap.port)))}`;

describe('redirects are re-checked hop by hop', () => {
  let origin: Loopback;
  beforeAll(async () => {
    // The starting server listens on ::1 (exempt); redirects aim at the 127.0.0.1 canary.
    origin = await httpServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const status = Number(url.searchParams.get('status') ?? 302);
      const location = url.searchParams.get('to');
      if (location) res.writeHead(status, { location }).end();
      else if (url.pathname.startsWith('/hop/')) res.writeHead(302, { location: `/hop/${Number(url.pathname.slice(5)) + 1}` }).end();
      else if (url.pathname === '/loop') res.writeHead(301, { location: '/loop' }).end();
      else res.end('ok');
    }, '::1');
  });
  afterAll(() => origin.close());

  const check = (t: RecordingTransport, path: string) => checkUrlVia(t, `${origin.origin}${path}`, { allowedPorts: [origin.port, trap.port, 80, 443] });

  it.each([301, 302, 303, 307, 308])('%i to a loopback literal', async (status) => {
    const t = redirectTransport();
    const result = await check(t, via('http://127.0.0.1:PORT/', status));
    expect(result.hops.map((h) => h.status)).toEqual([status]);
    expect(result.failure).toMatchObject({ kind: 'redirect-blocked', code: 'HW_ERR_CHECK_SSRF_BLOCKED' });
    expect(result.problem).toBe(true);
    expect(t.dialed).toHaveLength(1);
    expect(trap.connections).toBe(0);
  });

  it.each([
    '//127.0.0.1:PORT/',
    'http://2130706433:PORT/',
    'http://[::ffff:127.0.0.1]:PORT/',
    'https://127.0.0.1:PORT/',
    'http://169.254.169.254/latest/meta-data/',
    'http://10.0.0.1/',
    'http://internal.test:PORT/',
  ])('to %s', async (to) => {
    const t = redirectTransport();
    const result = await check(t, via(to));
    expect(result.failure).toMatchObject({ kind: 'redirect-blocked', code: 'HW_ERR_CHECK_SSRF_BLOCKED' });
    expect(t.dialed).toHaveLength(1);
    expect(trap.connections).toBe(0);
  });

  it.each(['file:///etc/passwd', 'gopher://127.0.0.1:6379/_', 'data:text/plain,hi', 'ftp://127.0.0.1/'])('to %s (scheme)', async (to) => {
    const t = redirectTransport();
    const result = await check(t, via(to));
    expect(result.failure).toMatchObject({ kind: 'redirect-invalid', code: 'HW_ERR_CHECK_BAD_URL' });
    expect(t.dialed).toHaveLength(1);
  });

  it('to a port outside the list', async () => {
    const t = redirectTransport();
    const result = await check(t, via('http://internal.test:6379/'));
    expect(result.failure).toMatchObject({ kind: 'redirect-blocked', code: 'HW_ERR_CHECK_SSRF_BLOCKED' });
    expect(t.resolved).toEqual([]);
  });

  it('stops a loop and a long chain after 10 redirects', async () => {
    for (const path of ['/loop', '/hop/1']) {
      const t = redirectTransport();
      const result = await check(t, path);
      expect(result.hops).toHaveLength(11);
      expect(result.failure).toMatchObject({ kind: 'redirect-limit' });
      expect(t.dialed).toHaveLength(11);
    }
  });
});

describe('schemes, unparsable URLs, ports and proxies', () => {
  it.each([
    'file:///etc/passwd', 'gopher://127.0.0.1:6379/_', 'ftp://127.0.0.1/', 'data:text/plain,hi', 'javascript:alert(1)', 'ws://127.0.0.1/',
    'http://[fe80::1%25eth0]/', 'http://425.510.425.510/', 'http://localhost:+11211aaa', 'not a url',
  ])('%s is bad input, not a network attempt', async (url) => {
    const transport = recordingTransport();
    expect((await refusal(transport, url)).code).toBe('HW_ERR_CHECK_BAD_URL');
    expect(transport.resolved).toEqual([]);
    expectNoConnection(transport);
  });

  it('refuses ports outside the list before resolving', async () => {
    const transport = recordingTransport({ names: { 'public.test': [v4('93.184.216.34')] } });
    const error = await checkUrlVia(transport, 'http://public.test:6379/').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'HW_ERR_CHECK_SSRF_BLOCKED', details: { port: 6379 } });
    expect(transport.resolved).toEqual([]);
  });

  it('ignores HTTP_PROXY and friends', async () => {
    const server = await httpServer((_req, res) => res.end('direct'));
    const names = ['HTTP_PROXY', 'http_proxy', 'ALL_PROXY'];
    for (const name of names) process.env[name] = trap.origin;
    try {
      const result = await checkUrlVia(recordingTransport({ exempt: ['127.0.0.1'] }), `${server.origin}/`, { allowedPorts: [server.port] });
      expect(result.status).toBe(200);
      expect(server.connections).toBe(1);
      expect(trap.connections).toBe(0);
    } finally {
      for (const name of names) delete process.env[name];
      await server.close();
    }
  });
});
