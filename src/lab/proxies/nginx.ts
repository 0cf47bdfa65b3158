/**
 * nginx in front of the faulty upstreams: one exact-match location per route, 2 s timeouts, a request id sent
 * upstream, and an access log format with the upstream variables that tell who failed (logs-and-lab.md §7).
 */
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nginxRate, PROXY_LIMITS } from './limits.ts';
import { spawnOnFreePort } from './proxy-process.ts';
import type { ProxyDriver, Route } from './types.ts';

const ACCESS_FORMAT =
  '$remote_addr [$time_local] "$request" $status $body_bytes_sent rid=$request_id us="$upstream_status" ua="$upstream_addr" ' +
  'uct="$upstream_connect_time" uht="$upstream_header_time" urt="$upstream_response_time" rt=$request_time';

/** The limit a guarded route adds in its location (limits.ts). */
const GUARD: Record<NonNullable<Route['guard']>, string> = {
  overload: `limit_conn overload ${PROXY_LIMITS.overload.maxConnections}; `,
  'rate-limited': 'limit_req zone=rate_limited nodelay; ',
};

/** The internal location of a route's custom error page (written to `dir` by `start`). */
const errorPagePath = (i: number) => `/__error_page_${i}.html`;

function nginxConfig(routes: Route[], dir: string, port: number): string {
  const locations = routes.flatMap((r, i) => {
    const errorPage = r.errorPage === undefined ? '' : `error_page 502 503 504 ${errorPagePath(i)}; `;
    const location = `    location = ${r.path} { ${r.guard ? GUARD[r.guard] : ''}${errorPage}proxy_pass http://127.0.0.1:${r.upstreamPort}; }`;
    return r.errorPage === undefined ? [location] : [location, `    location = ${errorPagePath(i)} { internal; root ${dir}; }`];
  });
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${join(dir, `${t}_temp`)};`);
  return `worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 256; }
http {
  log_format why '${ACCESS_FORMAT}';
  access_log ${join(dir, 'access.log')} why;
${temp.join('\n')}
  proxy_connect_timeout 2s;
  proxy_send_timeout 2s;
  proxy_read_timeout 2s;
  proxy_set_header X-Request-Id $request_id;
  # One request at a time at the app behind a guarded route; the status nginx answers with is its default, 503.
  limit_conn_zone $server_name zone=overload:1m;
  limit_conn_status ${PROXY_LIMITS.overload.status};
  # One request per window and client; 429 instead of nginx's default 503, so the client knows it is its own rate.
  limit_req_zone $binary_remote_addr zone=rate_limited:1m rate=${nginxRate()};
  limit_req_status ${PROXY_LIMITS['rate-limited'].status};
  server {
    listen 127.0.0.1:${port};
    server_name lab;
${locations.join('\n')}
  }
}
`;
}

/** Complete lines only: the last one may still be being written. */
const readLines = (file: string) => readFileSync(file, 'utf8').split('\n').slice(0, -1).filter(Boolean);

export const nginx: ProxyDriver = {
  name: 'nginx',
  binary: '/usr/sbin/nginx',
  async start(routes, dir, binary) {
    // Workers drop root privileges; they must reach the temp paths.
    chmodSync(dir, 0o755);
    const conf = join(dir, 'nginx.conf');
    routes.forEach((r, i) => r.errorPage !== undefined && writeFileSync(join(dir, errorPagePath(i)), r.errorPage));
    const { proc, port } = await spawnOnFreePort((chosen) => {
      writeFileSync(conf, nginxConfig(routes, dir, chosen));
      writeFileSync(join(dir, 'access.log'), '');
      writeFileSync(join(dir, 'error.log'), '');
      return { command: binary, args: ['-p', dir, '-c', conf, '-e', join(dir, 'error.log'), '-g', 'daemon off;'], cwd: dir, port: chosen };
    });
    const logs = () => ({ access: readLines(join(dir, 'access.log')), error: readLines(join(dir, 'error.log')) });
    return {
      name: 'nginx',
      port,
      pid: proc.pid,
      logs,
      logsFor(path) {
        const request = `"GET ${path} HTTP/1.1"`;
        const all = logs();
        return { access: all.access.filter((l) => l.includes(request)), error: all.error.filter((l) => l.includes(`request: ${request}`)) };
      },
      stop: proc.stop,
    };
  },
};
