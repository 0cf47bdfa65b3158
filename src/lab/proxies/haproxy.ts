/**
 * HAProxy in front of the faulty upstreams: one backend per route chosen by path, `timeout server 2s`, a uuid
 * request id sent upstream, and the default HTTP log format plus the id, logged raw to stdout.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROXY_LIMITS } from './limits.ts';
import { spawnOnFreePort } from './proxy-process.ts';
import type { ProxyDriver, Route } from './types.ts';

// The default HTTP log format (src/log.c), then the unique id.
const LOG_FORMAT =
  '%ci:%cp [%tr] %ft %b/%s %TR/%Tw/%Tc/%Tr/%Ta %ST %B %CC %CS %tsc %ac/%fc/%bc/%sc/%rc %sq/%bq %hr %hs %{+Q}r id=%ID';

const { overload, 'rate-limited': rate } = PROXY_LIMITS;

/** The statuses HAProxy answers itself for a failed server, which a route's custom error page replaces. */
const OWN_ERRORS = { 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout' } as const;
const errorFile = (dir: string, i: number, status: number) => join(dir, `error_${i}_${status}.http`);

/** An errorfile holds the whole response HAProxy sends: status line, headers, blank line, body. */
function errorFileText(status: keyof typeof OWN_ERRORS, page: string): string {
  return `HTTP/1.1 ${status} ${OWN_ERRORS[status]}\r\nContent-Type: text/html\r\nContent-Length: ${Buffer.byteLength(page)}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n${page}`;
}

/** A backend's lines: the limit of a guarded route (limits.ts), its custom error pages, then its one server. */
function backend(route: Route, i: number, dir: string): string {
  const server = `  server app 127.0.0.1:${route.upstreamPort}`;
  const errorFiles = route.errorPage === undefined ? [] : Object.keys(OWN_ERRORS).map((status) => `  errorfile ${status} ${errorFile(dir, i, Number(status))}`);
  const lines =
    route.guard === 'overload'
      ? // At most maxconn requests at the server; the next waits in the queue, then gets 503 (sQ).
        [`  timeout queue ${overload.queueTimeoutMs}ms`, `${server} maxconn ${overload.maxConnections}`]
      : route.guard === 'rate-limited'
        ? [
            `  stick-table type ip size 1k expire ${rate.windowSeconds}s store http_req_rate(${rate.windowSeconds}s)`,
            '  http-request track-sc0 src',
            `  http-request deny deny_status ${rate.status} if { sc_http_req_rate(0) gt ${rate.requests} }`,
            `  http-after-response set-header Retry-After ${rate.retryAfterSeconds} if { status ${rate.status} }`,
            server,
          ]
        : [server];
  return [`backend be_${i}`, ...errorFiles, ...lines].join('\n');
}

function haproxyConfig(routes: Route[], port: number, dir: string): string {
  const uses = routes.map((r, i) => `  use_backend be_${i} if { path ${r.path} }`);
  const backends = routes.map((r, i) => backend(r, i, dir));
  // noreuseport: without it a Caddy or HAProxy of a test running beside this one could bind the same port.
  return `global
  log stdout format raw local0 info
  noreuseport

defaults
  mode http
  log global
  log-format "${LOG_FORMAT}"
  timeout connect 2s
  timeout client 10s
  timeout server 2s

frontend lab
  bind 127.0.0.1:${port}
  unique-id-format %[uuid()]
  unique-id-header X-Request-Id
${uses.join('\n')}

${backends.join('\n\n')}
`;
}

export const haproxy: ProxyDriver = {
  name: 'haproxy',
  binary: '/usr/sbin/haproxy',
  async start(routes, dir, binary) {
    const cfg = join(dir, 'haproxy.cfg');
    routes.forEach((r, i) => {
      const page = r.errorPage;
      if (page !== undefined) for (const status of [502, 503, 504] as const) writeFileSync(errorFile(dir, i, status), errorFileText(status, page));
    });
    const { proc, port } = await spawnOnFreePort((chosen) => {
      writeFileSync(cfg, haproxyConfig(routes, chosen, dir));
      return { command: binary, args: ['-f', cfg, '-db'], cwd: dir, port: chosen };
    });
    // HAProxy has no per-request error log: the termination state in the access line says why.
    const logs = () => ({ access: proc.stdout().split('\n').slice(0, -1).filter(Boolean), error: [] });
    return {
      name: 'haproxy',
      port,
      pid: proc.pid,
      logs,
      logsFor(path) {
        const request = `"GET ${path} HTTP/1.1"`;
        return { access: logs().access.filter((l) => l.includes(request)), error: [] };
      },
      stop: proc.stop,
    };
  },
};
