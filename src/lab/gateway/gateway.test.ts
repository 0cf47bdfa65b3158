import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tcpServer, type Loopback } from '../../../test/helpers/loopback.ts';
import { headerValue, rawRequest, splitResponse } from '../../../test/helpers/raw-http.ts';
import { startGateway, type GatewayRoute, type RunningGateway } from './gateway.ts';

/** Raw upstreams that each misbehave once they have read the request head. */
const afterHead = (respond: (socket: Socket) => void) =>
  tcpServer((socket) => {
    let head = '';
    socket.on('error', () => {});
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1');
      if (head.includes('\r\n\r\n')) {
        socket.removeAllListeners('data');
        respond(socket);
      }
    });
  });

const RAW_UPSTREAMS: Record<string, () => Promise<Loopback>> = {
  reset: () => afterHead((s) => s.resetAndDestroy()),
  fin: () => afterHead((s) => s.end()),
  'non-http': () => afterHead((s) => s.end('SSH-2.0-OpenSSH_9.2p1\r\nInvalid SSH identification string.\r\n')),
  'bad-status-line': () => afterHead((s) => s.end('HTTP/1.1 OK 200\r\nContent-Length: 3\r\n\r\nok\n')),
  'bad-header': () => afterHead((s) => s.end('HTTP/1.1 200 OK\r\nBad Header\x01Line: x\r\nContent-Length: 3\r\n\r\nok\n')),
  'big-header': () => afterHead((s) => s.end(`HTTP/1.1 200 OK\r\nX-Padding: ${'a'.repeat(64 * 1024)}\r\nContent-Length: 3\r\n\r\nok\n`)),
  slow: () => afterHead((s) => setTimeout(() => s.end('HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nok\n'), 1500)),
  'cut-empty': () => afterHead((s) => s.end('HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n')),
  'cut-fin': () => afterHead((s) => s.end(`HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n${'x'.repeat(1000)}`)),
  'cut-rst': () => afterHead((s) => s.write(`HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n${'x'.repeat(1000)}`, () => setTimeout(() => s.resetAndDestroy(), 50))),
};

/** An HTTP app that keeps idle connections for 5 s (undici reuses a connection only if it has at least 1 s left). */
async function appServer(handler: RequestListener): Promise<Loopback> {
  const server = createServer({ keepAliveTimeout: 5000 }, handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const app: Loopback = {
    port,
    host: '127.0.0.1',
    origin: `http://127.0.0.1:${port}`,
    connections: 0,
    close: () => new Promise((resolve) => server.close(() => resolve()).closeAllConnections()),
  };
  server.on('connection', () => app.connections++);
  return app;
}

const upstreams: Record<string, Loopback> = {};
let refusedPort = 0;
/** What the HTTP app upstream saw: its request headers and connections. */
const seen: Array<Record<string, string | string[] | undefined>> = [];
const access: string[] = [];
const errorLog: string[] = [];
let gateway: RunningGateway;

async function start(routes: GatewayRoute[], extra: Partial<Parameters<typeof startGateway>[0]> = {}): Promise<RunningGateway> {
  return startGateway({ host: '127.0.0.1', port: 0, routes, headerTimeoutMs: 500, connectTimeoutMs: 1000, accessLog: (l) => access.push(l), errorLog: (l) => errorLog.push(l), ...extra });
}

beforeAll(async () => {
  for (const [name, make] of Object.entries(RAW_UPSTREAMS)) upstreams[name] = await make();
  upstreams.app = await appServer((req, res) => {
    seen.push(req.headers);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => {
      const path = req.url ?? '';
      if (path.startsWith('/boom')) res.writeHead(500, { 'content-type': 'text/plain', server: 'app/1.0' }).end('app failed\n');
      else if (path.startsWith('/busy')) res.writeHead(503, { 'retry-after': '7' }).end('busy\n');
      else if (path.startsWith('/wait')) setTimeout(() => res.end('waited\n'), 300);
      else res.writeHead(200, { 'content-type': 'text/plain', server: 'app/1.0', 'x-app': 'yes' }).end(`${req.method} ${path} ${Buffer.concat(chunks).toString()}`);
    });
  });
  const closed = await tcpServer(() => {});
  refusedPort = closed.port;
  await closed.close();
  gateway = await start([
    ...Object.keys(RAW_UPSTREAMS).map((name) => ({ prefix: `/${name}`, upstream: { host: '127.0.0.1', port: upstreams[name]?.port ?? 0 } })),
    { prefix: '/refused', upstream: { host: '127.0.0.1', port: refusedPort } },
    { prefix: '/rewrite/', upstream: { host: '127.0.0.1', port: upstreams.app.port }, upstreamPrefix: '/new/' },
    { prefix: '/', upstream: { host: '127.0.0.1', port: upstreams.app.port } },
  ]);
});
afterAll(async () => {
  await gateway.close();
  await Promise.all(Object.values(upstreams).map((u) => u.close()));
});
afterEach(() => {
  access.length = 0;
  errorLog.length = 0;
  seen.length = 0;
});

const raw = (path: string, headers?: Record<string, string>, g = gateway) => rawRequest({ host: '127.0.0.1', port: g.port, path, headers, timeoutMs: 5000 });
/** Waits for the access line of the request just made (it is written when the client connection closes). */
const accessLine = async () => {
  await expect.poll(() => access.length).toBeGreaterThan(0);
  return access.at(-1) as string;
};

describe('failures before the response header become the gateway’s own 502 or 504', () => {
  // Status and message as nginx gives them (fingerprints.md §1c; logs-and-lab.md §7).
  it.each([
    ['/refused', 502, /connect\(\) failed \(111: Connection refused\) while connecting to upstream/, /us=502 uct=- uht=-/],
    ['/reset', 502, /recv\(\) failed \(104: Connection reset by peer\) while reading response header from upstream/, /us=502 uct=[\d.]+ uht=-/],
    ['/fin', 502, /upstream prematurely closed connection while reading response header from upstream/, /us=502 uct=[\d.]+ uht=-/],
    ['/non-http', 502, /upstream sent no valid HTTP\/1\.0 header while reading response header from upstream/, /us=502 uct=[\d.]+ uht=-/],
    ['/bad-status-line', 502, /upstream sent no valid HTTP\/1\.0 header while reading response header from upstream/, /us=502/],
    ['/bad-header', 502, /upstream sent invalid header: "\\x20\S*\.\.\." while reading response header from upstream/, /us=502/],
    ['/big-header', 502, /upstream sent too big header while reading response header from upstream/, /us=502/],
    ['/slow', 504, /upstream timed out \(110: Connection timed out\) while reading response header from upstream/, /us=504 uct=[\d.]+ uht=-/],
  ])('%s -> %i', async (path, status, message, fields) => {
    const exchange = await raw(path);
    const response = splitResponse(exchange.bytes);
    expect(response?.statusLine).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expect(response && headerValue(response.headers, 'server')).toBe('httpwhy-gateway');
    expect(response?.body.toString()).toContain('<hr><address>httpwhy-gateway</address>');
    const line = await accessLine();
    const rid = /rid=([0-9a-f]{32}) /.exec(line)?.[1];
    expect(response && headerValue(response.headers, 'x-request-id')).toBe(rid);
    expect(response?.body.toString()).toContain(`Request id: ${rid}`);
    expect(line).toMatch(new RegExp(`"GET ${path} HTTP/1\\.1" ${status} \\d+ "-" "httpwhy-test" rid=`));
    expect(line).toMatch(fields);
    expect(errorLog).toHaveLength(1);
    expect(errorLog[0]).toMatch(/^\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d \[error\] \d+#\d+: \*\d+ /);
    expect(errorLog[0]).toMatch(message);
    expect(errorLog[0]).toMatch(new RegExp(`, client: 127\\.0\\.0\\.1, server: httpwhy-lab, request: "GET ${path} HTTP/1\\.1", upstream: "http://127\\.0\\.0\\.1:\\d+${path}", host: "127\\.0\\.0\\.1:\\d+"$`));
  });
});

describe('failures after the header reach the client as a cut body', () => {
  it.each([
    ['/cut-fin', 1000, /upstream prematurely closed connection while reading upstream/],
    ['/cut-rst', 1000, /readv\(\) failed \(104: Connection reset by peer\) while reading upstream/],
    ['/cut-empty', 0, /upstream prematurely closed connection while reading upstream/],
  ])('%s: 200 with %i of 100000 bytes, and only the error log says why', async (path, bytes, message) => {
    const exchange = await raw(path);
    expect(exchange.end).toBe('closed');
    const response = splitResponse(exchange.bytes);
    expect(response?.statusLine).toBe('HTTP/1.1 200 OK');
    expect(response && headerValue(response.headers, 'content-length')).toBe('100000');
    expect(response?.body.length).toBe(bytes);
    expect(await accessLine()).toMatch(new RegExp(`" 200 ${bytes} .* us=200 uct=[\\d.]+ uht=[\\d.]+ urt=[\\d.]+`));
    expect(errorLog).toHaveLength(1);
    expect(errorLog[0]).toMatch(message);
  });
});

describe('answers from the application pass through', () => {
  it.each([
    ['/boom', 500, 'app failed\n', {}],
    ['/busy', 503, 'busy\n', { 'retry-after': '7' }],
  ])('%s -> %i with the app’s body and headers, and no error line', async (path, status, body, headers) => {
    const res = await request(`${gateway.origin}${path}`);
    expect(res.statusCode).toBe(status);
    expect(await res.body.text()).toBe(body);
    expect(res.headers).toMatchObject({ server: 'httpwhy-gateway', ...headers });
    expect(await accessLine()).toMatch(new RegExp(`" ${status} ${body.length} .* us=${status} uct=[\\d.]+ uht=[\\d.]+ urt=[\\d.]+ rt=[\\d.]+$`));
    expect(errorLog).toEqual([]);
  });

  it('passes the request id, the client address and the body, and keeps the connection to the app alive', async () => {
    const before = upstreams.app?.connections ?? 0;
    for (let i = 0; i < 3; i++) {
      const res = await request(`${gateway.origin}/echo`, { method: 'POST', body: `n=${i}`, headers: { 'x-request-id': `client-chosen-${i}` } });
      expect(await res.body.text()).toBe(`POST /echo n=${i}`);
      expect(res.headers['x-request-id']).toBe(`client-chosen-${i}`);
      expect(res.headers['x-app']).toBe('yes');
    }
    expect(seen.map((h) => [h['x-request-id'], h['x-forwarded-for'], h.connection])).toEqual([
      ['client-chosen-0', '127.0.0.1', 'keep-alive'],
      ['client-chosen-1', '127.0.0.1', 'keep-alive'],
      ['client-chosen-2', '127.0.0.1', 'keep-alive'],
    ]);
    // Three requests, at most one new connection (earlier tests may have left one open).
    expect((upstreams.app?.connections ?? 0) - before).toBeLessThanOrEqual(1);
  });

  it('replaces a request id that is not safe to log, and rewrites the prefix like proxy_pass with a URI', async () => {
    const res = await request(`${gateway.origin}/rewrite/x?q=1`, { headers: { 'x-request-id': 'bad id"' } });
    expect(await res.body.text()).toBe('GET /new/x?q=1 ');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(seen[0]?.['x-request-id']).toBe(res.headers['x-request-id']);
  });
});

describe('the client leaving', () => {
  it('is a 499 in the access log and an info line, and the attempt is abandoned', async () => {
    const exchange = await rawRequest({ host: '127.0.0.1', port: gateway.port, path: '/slow', timeoutMs: 200 });
    expect(exchange.end).toBe('timeout');
    expect(await accessLine()).toMatch(/"GET \/slow HTTP\/1\.1" 499 0 .* us=- uct=[\d.]+ uht=- urt=[\d.]+/);
    expect(errorLog).toEqual([expect.stringMatching(/\[info\] .* client prematurely closed connection, so upstream connection is closed too while reading response header from upstream, client: /)]);
  });
});

describe('limits', () => {
  it('sheds requests beyond maxInFlight with 503 and Retry-After', async () => {
    const limited = await start([{ prefix: '/', upstream: { host: '127.0.0.1', port: upstreams.app?.port ?? 0 }, maxInFlight: 1, name: 'app' }], { shedRetryAfterSeconds: 3 });
    try {
      const [first, second] = await Promise.all([request(`${limited.origin}/wait`), new Promise((r) => setTimeout(r, 50)).then(() => request(`${limited.origin}/wait`))]);
      expect([first.statusCode, second.statusCode]).toEqual([200, 503]);
      expect(second.headers).toMatchObject({ 'retry-after': '3', server: 'httpwhy-gateway' });
      await Promise.all([first.body.dump(), second.body.dump()]);
      await expect.poll(() => access.length).toBe(2);
      expect(access.find((l) => l.includes('" 503 '))).toMatch(/upstream=- us=- uct=- uht=- urt=- rt=/);
      expect(errorLog).toEqual([expect.stringMatching(/\[error\] .* limiting connections by zone "app", client: 127\.0\.0\.1, server: httpwhy-lab, request: "GET \/wait HTTP\/1\.1", host: /)]);
    } finally {
      await limited.close();
    }
  });

  it('answers requests beyond the rate with 429 and the seconds left in the window', async () => {
    const limited = await start([{ prefix: '/', upstream: { host: '127.0.0.1', port: upstreams.app?.port ?? 0 }, rateLimit: { requests: 2, windowSeconds: 60 } }]);
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        const res = await request(`${limited.origin}/x`);
        await res.body.dump();
        statuses.push([res.statusCode, res.headers['retry-after']]);
      }
      expect(statuses.slice(0, 2)).toEqual([[200, undefined], [200, undefined]]);
      expect(statuses[2]?.[0]).toBe(429);
      expect(Number(statuses[2]?.[1])).toBeGreaterThanOrEqual(59);
      expect(errorLog).toEqual([expect.stringMatching(/limiting requests, excess: 1\.000 by zone "\/"/)]);
    } finally {
      await limited.close();
    }
  });
});

describe('close()', () => {
  it('cuts open connections and frees the port', async () => {
    const own = await start([{ prefix: '/', upstream: { host: '127.0.0.1', port: upstreams.slow?.port ?? 0 } }], { headerTimeoutMs: 10_000 });
    const pending = rawRequest({ host: '127.0.0.1', port: own.port, path: '/', timeoutMs: 5000 });
    await expect.poll(() => upstreams.slow?.connections ?? 0).toBeGreaterThan(0);
    await own.close();
    expect((await pending).end).not.toBe('timeout');
    expect((await raw('/', undefined, own)).end).toBe('refused');
  });
});
