// Pass-through throughput of the lab gateway (one Node process) against nginx as a reverse proxy (one worker),
// both in front of the same loopback upstream, both with keep-alive to it, both writing the same access-log
// format, loaded by the same generator (wrk) in the same run, after a warm-up of each.
// The upstream is a second nginx (one worker) answering `return 200` so that it costs little and the same for
// both: what is measured is the proxy. Besides requests/s it prints each proxy's CPU time per request (/proc),
// which stays comparable when other work on the machine makes throughput noisy. The proxies and the upstream run
// on CPU 0, wrk alone on CPU 1 (bench/lib/processes.ts): with the upstream beside wrk, wrk became the bottleneck
// and nginx idled at half a core, which flattered the ratio. A third subject is the floor for a Node proxy on undici: a bare
// pass-through with no logs and no header handling (bench/floors/pass-through.ts); floor/nginx is the highest
// ratio such a proxy could reach here.
// Usage: node bench/gateway.ts [seconds=10] [connections=50]   Target: ratio >= 0.5
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GATEWAY_LOG_FORMAT } from '../src/lab/index.ts';
import { benchSession, freePort, NGINX, nginxVersion, nginxWorker, pinningNote, ready, type Server } from './lib/processes.ts';
import { loadArgs, measureEach } from './lib/wrk.ts';

const { seconds, connections, warmupSeconds } = loadArgs(process.argv);
const BODY = 'hello from the upstream\n';
const gatewayProcess = fileURLToPath(new URL('gateway-process.ts', import.meta.url));
const floorProxy = fileURLToPath(new URL('floors/pass-through.ts', import.meta.url));

// Three proxies, each warmed up then measured.
const { tmp, start, stop, signal } = benchSession('gateway', 3 * (seconds + warmupSeconds));

/** The port the gateway process prints once it listens. */
function listeningPort(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = '';
    server.child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /^listening (\d+)$/m.exec(out);
      if (match) resolve(Number(match[1]));
    });
    server.child.once('exit', (code) => reject(new Error(`the gateway exited (${code})\n${server.stderr()}`)));
  });
}

const TEMP_PATHS = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((d) => `${d}_temp_path ${tmp}/${d};`).join('\n  ');

function nginxConf(name: string, server: string, http = ''): string {
  return `worker_processes 1;
daemon off;
error_log ${tmp}/${name}-error.log warn;
pid ${tmp}/${name}.pid;
events { worker_connections 4096; }
http {
  ${TEMP_PATHS}
  ${http}
  server {
    ${server}
  }
}
`;
}

try {
  const [upstreamPort, nginxPort, floorPort] = [await freePort(), await freePort(), await freePort()];
  writeFileSync(
    join(tmp, 'upstream.conf'),
    nginxConf('upstream', `listen 127.0.0.1:${upstreamPort};\n    keepalive_requests 1000000;\n    access_log off;\n    default_type text/plain;\n    location / { return 200 '${BODY.trim()}\\n'; }`),
  );
  const upstream = start(NGINX, ['-c', join(tmp, 'upstream.conf'), '-p', tmp, '-e', join(tmp, 'upstream-error.log')]);
  writeFileSync(
    join(tmp, 'proxy.conf'),
    nginxConf(
      'proxy',
      `listen 127.0.0.1:${nginxPort};
    keepalive_requests 1000000;
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Request-Id $request_id;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    }`,
      `log_format gateway '${GATEWAY_LOG_FORMAT}';
  access_log ${tmp}/nginx-access.log gateway;
  upstream app { server 127.0.0.1:${upstreamPort}; keepalive 64; }`,
    ),
  );
  const nginx = start(NGINX, ['-c', join(tmp, 'proxy.conf'), '-p', tmp, '-e', join(tmp, 'proxy-error.log')]);
  const gateway = start(process.execPath, [gatewayProcess, String(upstreamPort), tmp], { stdout: 'pipe' });
  const gatewayPort = await listeningPort(gateway);
  const floor = start(process.execPath, [floorProxy, String(upstreamPort), String(floorPort)]);

  const subjects = [
    { name: 'httpwhy gateway', url: `http://127.0.0.1:${gatewayPort}/`, server: gateway },
    { name: 'nginx proxy', url: `http://127.0.0.1:${nginxPort}/`, server: nginx },
    { name: 'undici floor', url: `http://127.0.0.1:${floorPort}/`, server: floor },
  ];
  await ready(upstream, `http://127.0.0.1:${upstreamPort}/`);
  const bodies = await Promise.all(subjects.map((s) => ready(s.server, s.url)));
  if (bodies.some((b) => b !== BODY)) throw new Error(`a proxy answered ${JSON.stringify(bodies)}, not the upstream's body`);

  console.log(
    `GET / through each proxy to an nginx upstream (${BODY.length} B body), wrk -t1 -c${connections} -d${seconds}s --latency, node ${process.version}, ${nginxVersion()}, ${cpus().length} CPUs, ${pinningNote()}, load average ${loadavg()[0]?.toFixed(1)}`,
  );
  // The requests are proxied by nginx's one worker, not by its master.
  const pids = [gateway.child.pid as number, nginxWorker(nginx.child), floor.child.pid as number];
  const results = await measureEach(
    subjects.map((s, i) => ({ name: s.name, url: s.url, pid: pids[i] as number })),
    { seconds, warmupSeconds, connections, signal },
  );
  const [mine, theirs, bare] = results;
  if (!mine || !theirs || !bare) throw new Error('missing results');
  const ratio = mine.rps / theirs.rps;
  const lines = (file: string) => readFileSync(join(tmp, file), 'utf8').split('\n').filter(Boolean);
  // wrk stops with requests in flight: the gateway logs those clients leaving at info level, as nginx would.
  const errorKinds = new Map<string, number>();
  for (const line of lines('gateway-error.log')) {
    const kind = /\[(\w+)\] \d+#\d+: \*\d+ (.*?), client: /.exec(line)?.slice(1).join(' ') ?? line;
    errorKinds.set(kind, (errorKinds.get(kind) ?? 0) + 1);
  }
  console.log(`access-log lines: gateway ${lines('gateway-access.log').length}, nginx ${lines('nginx-access.log').length}`);
  console.log(`gateway error log: ${[...errorKinds].map(([kind, n]) => `${n} × ${kind}`).join('; ') || 'empty'}`);
  console.log(`ratio gateway/nginx ${ratio.toFixed(2)} (requests/s); nginx/gateway ${(theirs.cpuUsPerRequest / mine.cpuUsPerRequest).toFixed(2)} (CPU per request)`);
  console.log(`floor: undici pass-through/nginx ${(bare.rps / theirs.rps).toFixed(2)} (the most a Node proxy on undici reaches here); gateway/floor ${(mine.rps / bare.rps).toFixed(2)}`);
  console.log(`target: ratio >= 0.5 with no errors -> ${ratio >= 0.5 && mine.errors === '' ? 'met' : 'NOT met'}`);
} finally {
  await stop();
}
