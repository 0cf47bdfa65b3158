// The floor for bench/gateway.ts: the least a Node reverse proxy built on undici can do per request. A bare
// node:http server that relays each request to 127.0.0.1:UPSTREAM_PORT through a keep-alive undici Pool with
// `dispatch` (undici's lowest-level API, the one the gateway uses) and streams the answer back: no request id,
// no hop-by-hop header handling, no failure mapping beyond a bare 502, no logs.
// Usage: node bench/floors/pass-through.ts UPSTREAM_PORT PORT
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import { Pool, type Dispatcher } from 'undici';

const [upstreamPort, port] = process.argv.slice(2);
if (!upstreamPort || !port) throw new Error('usage: node bench/floors/pass-through.ts UPSTREAM_PORT PORT');
const pool = new Pool(`http://127.0.0.1:${upstreamPort}`, { connections: 64 });

const relay = (res: ServerResponse): Dispatcher.DispatchHandler => ({
  onRequestStart: () => undefined,
  onResponseStart: (_controller, status: number, headers: IncomingHttpHeaders) => void res.writeHead(status, headers),
  onResponseData: (_controller, chunk: Buffer) => void res.write(chunk),
  onResponseEnd: () => void res.end(),
  onResponseError: () => void (res.headersSent ? res.destroy() : res.writeHead(502).end()),
});

const server = createServer((req, res) => {
  pool.dispatch({ method: req.method ?? 'GET', path: req.url ?? '/', headers: { host: req.headers.host ?? '' } }, relay(res));
}).listen(Number(port), '127.0.0.1');
process.once('SIGTERM', () => server.close(() => void pool.close().then(() => process.exit(0))).closeAllConnections());
