/**
 * The lab's gateway: a small reverse proxy on node:http (server side) and undici (keep-alive pools to the
 * upstreams) that behaves like nginx where it matters for diagnosis: the same failure → status mapping, the
 * same error-log messages, `$upstream_*` fields and a request id in the access log, `X-Request-Id` passed to
 * the app and back to the client. Routes are prefixes, each with optional limits.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Pool } from 'undici';
import { Exchange, type ExchangeLogs, type Upstream } from './exchange.ts';
import { RouteLimits, type RateLimit } from './limits.ts';

export interface GatewayRoute {
  /** Path prefix; the longest matching prefix wins ('/' matches everything). */
  prefix: string;
  upstream: { host: string; port: number };
  /** Replaces the prefix on the way upstream, like nginx's `proxy_pass http://app/new/`; unset: the path goes as it came. */
  upstreamPrefix?: string;
  /** Requests in progress on this route at most (default 10,000); more are shed with 503 and Retry-After. */
  maxInFlight?: number;
  /** More than `requests` per window get 429 with Retry-After. */
  rateLimit?: RateLimit;
  /** The zone name in "limiting …" error lines; the prefix unless set. */
  name?: string;
}

export interface GatewayOptions {
  /** Loopback in httpwhy. */
  host: string;
  /** 0 picks a free port. */
  port: number;
  routes: readonly GatewayRoute[];
  /** `server:` in error-log lines. */
  serverName?: string;
  /** nginx's defaults are 60 s each (proxy_connect_timeout, proxy_read_timeout). */
  connectTimeoutMs?: number;
  headerTimeoutMs?: number;
  /** Longest pause between two body reads. */
  bodyTimeoutMs?: number;
  /** Largest upstream response header (nginx: proxy_buffer_size, one memory page, 4 or 8 KB). */
  maxHeaderBytes?: number;
  /** Retry-After (seconds) on a 503 shed. */
  shedRetryAfterSeconds?: number;
  accessLog: (line: string) => void;
  errorLog: (line: string) => void;
}

export interface RunningGateway {
  port: number;
  /** `http://host:port` */
  origin: string;
  /** Stops listening, cuts every open connection and closes the upstream pools. */
  close(): Promise<void>;
}

interface ActiveRoute {
  prefix: string;
  upstreamPrefix: string | undefined;
  upstream: Upstream;
  limits: RouteLimits;
}

/** A sane incoming id is kept, so the id the client or an outer proxy chose follows the request. */
const SANE_ID = /^[A-Za-z0-9._:-]{8,128}$/;
/** 32 hex digits, like nginx's `$request_id`. */
const newRequestId = () => randomUUID().replaceAll('-', '');

/** The path sent upstream: nginx replaces the matched prefix when proxy_pass has a URI. */
function upstreamPath(url: string, route: ActiveRoute): string {
  if (route.upstreamPrefix === undefined) return url;
  const rest = url.slice(route.prefix.length);
  return route.upstreamPrefix.endsWith('/') && rest.startsWith('/') ? route.upstreamPrefix + rest.slice(1) : route.upstreamPrefix + rest;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const pools = new Map<string, Pool>();
  const poolFor = ({ host, port }: GatewayRoute['upstream']): Upstream => {
    const address = `${host}:${port}`;
    let pool = pools.get(address);
    if (!pool) {
      pool = new Pool(`http://${address}`, {
        connect: { timeout: options.connectTimeoutMs ?? 60_000 },
        headersTimeout: options.headerTimeoutMs ?? 60_000,
        bodyTimeout: options.bodyTimeoutMs ?? 60_000,
        maxHeaderSize: options.maxHeaderBytes ?? 8192,
      });
      pools.set(address, pool);
    }
    return { address, dispatcher: pool };
  };
  const shedRetryAfter = options.shedRetryAfterSeconds ?? 5;
  const routes: ActiveRoute[] = options.routes
    .map((r) => ({
      prefix: r.prefix,
      upstreamPrefix: r.upstreamPrefix,
      upstream: poolFor(r.upstream),
      limits: new RouteLimits(r.name ?? r.prefix, r.maxInFlight ?? 10_000, shedRetryAfter, r.rateLimit),
    }))
    .toSorted((a, b) => b.prefix.length - a.prefix.length);
  const logs: ExchangeLogs = { serverName: options.serverName ?? 'httpwhy-lab', accessLog: options.accessLog, errorLog: options.errorLog };

  const connections = new WeakMap<Socket, number>();
  let connectionCount = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && SANE_ID.test(incoming) ? incoming : newRequestId();
    const exchange = new Exchange(req, res, requestId, connections.get(req.socket) ?? 0, logs);
    const url = req.url ?? '/';
    const route = routes.find((r) => url.startsWith(r.prefix));
    if (!route) {
      exchange.answer(404, 0, undefined);
      return;
    }
    const admission = route.limits.enter(Date.now());
    if (!admission.admitted) {
      exchange.answer(admission.status, admission.retryAfter, admission.message);
      return;
    }
    res.once('close', () => route.limits.leave());
    exchange.forward(route.upstream, upstreamPath(url, route));
  });
  server.on('connection', (socket: Socket) => connections.set(socket, ++connectionCount));

  const destroyPools = () => Promise.all([...pools.values()].map((pool) => pool.destroy()));
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await destroyPools();
    throw error;
  }
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | undefined;
  return {
    port,
    origin: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    close: () =>
      (closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await destroyPools();
        await closed;
      })()),
  };
}
