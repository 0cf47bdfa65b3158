/**
 * The scrape endpoint: a bare node:http server on loopback unless told otherwise. Only `GET /metrics` (and HEAD) and
 * `GET /healthz` answer; the path is matched exactly, queries are ignored, request bodies are never read, headers and
 * connections are bounded. A scrape renders the exporter's bounded series and touches no file, so no request can
 * make it read files or hold more memory than one exposition per connection.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpwhyError } from '../errors.ts';
import type { LogMetrics } from './log-metrics.ts';

/** Where the endpoint listens. */
export interface ListenAddress {
  host: string;
  port: number;
}

export interface MetricsEndpoint {
  /** `http://host:port/metrics`, with the port bound (also when 0 was asked for). */
  url: string;
  close(): Promise<void>;
}

const DEFAULT_HOST = '127.0.0.1';
const MAX_CONNECTIONS = 16;

/** `9464`, `0.0.0.0:9464`, `localhost:9464` or `[::1]:9464`; the host defaults to 127.0.0.1. */
export function parseListenAddress(value: string): ListenAddress {
  const m = /^(?:(\[[0-9a-fA-F:.]+\]|[\w.-]+):)?(\d{1,5})$/.exec(value);
  const port = Number(m?.[2]);
  if (!m || port > 65535) {
    throw new HttpwhyError('HW_ERR_METRICS_BAD_ADDRESS', `--metrics takes [HOST:]PORT (e.g. 9464 or 0.0.0.0:9464), got "${value}".`);
  }
  return { host: m[1]?.replace(/^\[|\]$/g, '') ?? DEFAULT_HOST, port };
}

/** An OpenMetrics scraper says so in Accept (Prometheus does); anyone else gets the Prometheus text format. */
function wantsOpenMetrics(req: IncomingMessage): boolean {
  return (req.headers.accept ?? '').includes('application/openmetrics-text');
}

function send(res: ServerResponse, status: number, contentType: string, body: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store', ...extra });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

async function handle(metrics: LogMetrics, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '').split('?')[0];
  if (path !== '/metrics' && path !== '/healthz') return send(res, 404, 'text/plain; charset=utf-8', 'Not found: try /metrics\n');
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    // The body, if any, is not read: the connection closes after this answer.
    return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n', { Allow: 'GET, HEAD', Connection: 'close' });
  }
  if (path === '/healthz') return send(res, 200, 'text/plain; charset=utf-8', 'ok\n');
  const { contentType, body } = await metrics.exposition(wantsOpenMetrics(req));
  send(res, 200, contentType, body);
}

/** Starts the endpoint; a host or port that cannot be bound is bad input (HW_ERR_METRICS_BAD_ADDRESS). */
export async function serveMetrics(metrics: LogMetrics, address: ListenAddress): Promise<MetricsEndpoint> {
  const server = createServer({ maxHeaderSize: 8192, requestTimeout: 10_000, headersTimeout: 5_000, keepAliveTimeout: 5_000 }, (req, res) => {
    handle(metrics, req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', 'Internal error\n');
      else res.destroy();
    });
  });
  server.maxConnections = MAX_CONNECTIONS;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new HttpwhyError('HW_ERR_METRICS_BAD_ADDRESS', `Cannot serve metrics on ${address.host}:${address.port}: ${error.code ?? error.message}.`)),
    );
    server.listen(address.port, address.host, resolve);
  });
  const { port, address: bound, family } = server.address() as AddressInfo;
  const host = family === 'IPv6' ? `[${bound}]` : bound;
  return {
    url: `http://${host}:${port}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
