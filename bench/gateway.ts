// Pass-through throughput of the lab gateway (one Node process) against nginx as a reverse proxy (one worker),
// both in front of the same loopback upstream, both with keep-alive to it, both writing the same access-log
// format, loaded by the same generator (wrk) in the same run, after a warm-up of each.
// The upstream is a second nginx (one worker) answering `return 200` so that it costs little and the same for
// both: what is measured is the proxy. Besides requests/s it prints each proxy's CPU time per request (/proc),
// which stays comparable when other work on the machine makes throughput noisy.
// Usage: node bench/gateway.ts [seconds=10] [connections=50]   Target: ratio >= 0.5
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GATEWAY_LOG_FORMAT } from '../src/lab/index.ts';

const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 50);
const WARMUP_SECONDS = 3;
const NGINX = '/usr/sbin/nginx';
const WRK = '/usr/bin/wrk';
const BODY = 'hello from the upstream\n';
const gatewayProcess = fileURLToPath(new URL('gateway-process.ts', import.meta.url));

const tmp = mkdtempSync(join(tmpdir(), 'httpwhy-bench-gateway-'));
chmodSync(tmp, 0o755); // nginx workers run as an unprivileged user when started by root
const children: ChildProcess[] = [];

/** The processes a process started (nginx's workers), from /proc; empty once it is gone. */
function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** Kills every process the bench started, nginx's workers too (a killed master leaves them running). */
function cleanUp(): void {
  for (const child of children) {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) continue;
    const workers = childPids(child.pid);
    child.kill('SIGKILL');
    for (const worker of workers) {
      try {
        process.kill(worker, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  rmSync(tmp, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    cleanUp();
    process.exit(130);
  });
}
// A backstop: the run never takes more than twice its planned length plus a minute.
setTimeout(() => {
  console.error('bench/gateway: took too long, giving up');
  cleanUp();
  process.exit(1);
}, (2 * 2 * (seconds + WARMUP_SECONDS) + 60) * 1000).unref();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts a process; its stderr is kept and shown only if it never becomes ready. */
function start(command: string, args: string[]): { child: ChildProcess; stderr: () => string } {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  return { child, stderr: () => stderr };
}

/** Polls the URL until it answers 200 (or the process dies, or 10 s pass); returns its body. */
async function ready(server: ReturnType<typeof start>, url: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && server.child.exitCode === null) {
    const res = await fetch(url).catch(() => undefined);
    if (res?.status === 200) return res.text();
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer 200 within 10 s\n${server.stderr()}`);
}

/** The port the gateway process prints once it listens. */
function listeningPort(server: ReturnType<typeof start>): Promise<number> {
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

/** CPU time (user + system, ms) a process has used, from /proc/<pid>/stat (fields 14 and 15, in 1/100 s). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The one worker of an nginx master (its only child). */
const nginxWorker = (master: ChildProcess) => childPids(master.pid as number)[0] as number;

interface Load {
  rps: number;
  p99: number;
  cpuUsPerRequest: number;
  errors: string;
}

function wrk(url: string, duration: number, proxyPid: number): Load {
  const cpuBefore = cpuMs(proxyPid);
  const out = execFileSync(WRK, ['-t1', `-c${connections}`, `-d${duration}s`, '--latency', url], { encoding: 'utf8', timeout: (duration + 30) * 1000 });
  const cpu = cpuMs(proxyPid) - cpuBefore;
  const p99 = /^\s*99%\s+([\d.]+)(us|ms|s)\s*$/m.exec(out);
  const rps = /^Requests\/sec:\s+([\d.]+)/m.exec(out);
  const count = /^\s*(\d+) requests in/m.exec(out);
  if (!p99 || !rps || !count) throw new Error(`cannot read wrk output:\n${out}`);
  const scale = { us: 0.001, ms: 1, s: 1000 }[p99[2] as 'us' | 'ms' | 's'];
  const errors = [...out.matchAll(/^\s*(Non-2xx or 3xx responses: \d+|Socket errors: .*)$/gm)].map((m) => m[1]).join('; ');
  return { rps: Number(rps[1]), p99: Number(p99[1]) * scale, cpuUsPerRequest: (cpu * 1000) / Number(count[1]), errors };
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
  const [upstreamPort, nginxPort] = [await freePort(), await freePort()];
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
  const gateway = start(process.execPath, [gatewayProcess, String(upstreamPort), tmp]);
  const gatewayPort = await listeningPort(gateway);

  const subjects = [
    { name: 'httpwhy gateway', url: `http://127.0.0.1:${gatewayPort}/`, server: gateway },
    { name: 'nginx proxy', url: `http://127.0.0.1:${nginxPort}/`, server: nginx },
  ];
  await ready(upstream, `http://127.0.0.1:${upstreamPort}/`);
  const bodies = await Promise.all(subjects.map((s) => ready(s.server, s.url)));
  if (bodies.some((b) => b !== BODY)) throw new Error(`a proxy answered ${JSON.stringify(bodies)}, not the upstream's body`);

  const nginxVersion = spawnSync(NGINX, ['-v'], { encoding: 'utf8' }).stderr.trim(); // nginx prints its version on stderr
  console.log(
    `GET / through each proxy to an nginx upstream (${BODY.length} B body), wrk -t1 -c${connections} -d${seconds}s --latency, node ${process.version}, ${nginxVersion}, ${cpus().length} CPUs, load average ${loadavg()[0]?.toFixed(1)}`,
  );
  const pids = [gateway.child.pid as number, nginxWorker(nginx.child)];
  const results = subjects.map((s, i) => {
    const pid = pids[i] as number;
    wrk(s.url, WARMUP_SECONDS, pid);
    return { ...s, ...wrk(s.url, seconds, pid) };
  });
  for (const r of results) {
    const line = `${r.name.padEnd(16)} requests/s ${r.rps.toFixed(0).padStart(7)}   p99 ${r.p99.toFixed(2).padStart(7)} ms   CPU/request ${r.cpuUsPerRequest.toFixed(0).padStart(4)} µs`;
    console.log(`${line}${r.errors ? `   ${r.errors}` : ''}`);
  }
  const [mine, theirs] = results;
  if (!mine || !theirs) throw new Error('missing results');
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
  console.log(`target: ratio >= 0.5 with no errors -> ${ratio >= 0.5 && mine.errors === '' ? 'met' : 'NOT met'}`);
} finally {
  cleanUp();
}
