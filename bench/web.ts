// GET /codes/502 from `httpwhy serve` (one Node process) and from nginx (one worker) serving the static export of
// the same build, loaded over loopback by the same generator (wrk) in the same run, after a warm-up of each.
// Besides requests/s and p99 it prints the server's CPU time per request (from /proc), which stays comparable
// when other work on the machine makes throughput noisy.
// Usage: npm run build && node bench/web.ts [seconds=10] [connections=50]   Target: ratio >= 0.6, p99 < 10 ms
import { type ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 50);
const WARMUP_SECONDS = 3;
const PAGE = '/codes/502';
const NGINX = '/usr/sbin/nginx';
const WRK = '/usr/bin/wrk';
const bin = fileURLToPath(new URL('../bin/httpwhy.js', import.meta.url));

const tmp = mkdtempSync(join(tmpdir(), 'httpwhy-bench-web-'));
chmodSync(tmp, 0o755); // nginx workers run as an unprivileged user when started by root
const children: ChildProcess[] = [];
/** Aborting it stops a running wrk. */
const loadGenerator = new AbortController();
/** Processes started by the children (nginx's worker), killed too if their parent did not stop them. */
const grandchildren: number[] = [];

/** True while pid is still an nginx worker (and not a process that reused the pid). */
function isNginxWorker(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').startsWith('nginx: worker');
  } catch {
    return false;
  }
}

/** SIGTERM to every server (nginx then stops its worker; httpwhy finishes in-flight requests), SIGKILL after 3 s. */
async function stopAll(): Promise<void> {
  loadGenerator.abort();
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  const exited = running.map((child) => new Promise((resolve) => child.once('exit', resolve)));
  for (const child of running) child.kill('SIGTERM');
  await Promise.race([Promise.all(exited), new Promise((resolve) => setTimeout(resolve, 3000).unref())]);
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  // An nginx master that had to be killed leaves its worker behind.
  for (const pid of grandchildren) if (isNginxWorker(pid)) process.kill(pid, 'SIGKILL');
  rmSync(tmp, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void stopAll().then(() => process.exit(130)));
}
// A backstop: the run never takes more than twice its planned length plus a minute.
setTimeout(() => {
  console.error('bench/web: took too long, giving up');
  void stopAll().then(() => process.exit(1));
}, (2 * 2 * (seconds + WARMUP_SECONDS) + 60) * 1000).unref();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts a server; its stderr is kept and shown only if it never becomes ready. */
function start(command: string, args: string[]): { child: ChildProcess; stderr: () => string } {
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  return { child, stderr: () => stderr };
}

/** Polls the page until it answers 200 (or the process dies, or 10 s pass); returns its body. */
async function ready(server: ReturnType<typeof start>, url: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && server.child.exitCode === null) {
    const res = await fetch(url).catch(() => undefined);
    if (res?.status === 200) return res.text();
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer 200 within 10 s\n${server.stderr()}`);
}

/** CPU time (user + system, ms) a process has used, from /proc/<pid>/stat (fields 14 and 15, in 1/100 s). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

interface Load {
  rps: number;
  p99: number;
  cpuUsPerRequest: number;
  errors: string;
}

/** Runs wrk against url while measuring the CPU time of the process that serves it. */
async function wrk(url: string, duration: number, serverPid: number): Promise<Load> {
  const cpuBefore = cpuMs(serverPid);
  const args = ['-t1', `-c${connections}`, `-d${duration}s`, '--latency', url];
  const { stdout: out } = await promisify(execFile)(WRK, args, { encoding: 'utf8', timeout: (duration + 30) * 1000, signal: loadGenerator.signal });
  const cpu = cpuMs(serverPid) - cpuBefore;
  const p99 = /^\s*99%\s+([\d.]+)(us|ms|s)\s*$/m.exec(out);
  const rps = /^Requests\/sec:\s+([\d.]+)/m.exec(out);
  const count = /^\s*(\d+) requests in/m.exec(out);
  if (!p99 || !rps || !count) throw new Error(`cannot read wrk output:\n${out}`);
  const scale = { us: 0.001, ms: 1, s: 1000 }[p99[2] as 'us' | 'ms' | 's'];
  const errors = [...out.matchAll(/^\s*(Non-2xx or 3xx responses: \d+|Socket errors: .*)$/gm)].map((m) => m[1]).join('; ');
  return { rps: Number(rps[1]), p99: Number(p99[1]) * scale, cpuUsPerRequest: (cpu * 1000) / Number(count[1]), errors };
}

function nginxConf(root: string, port: number): string {
  return `worker_processes 1;
daemon off;
error_log ${tmp}/error.log;
pid ${tmp}/nginx.pid;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  sendfile on;
  client_body_temp_path ${tmp}/client_body;
  proxy_temp_path ${tmp}/proxy;
  fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi;
  scgi_temp_path ${tmp}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${root};
    error_page 404 /404.html;
    location / { try_files $uri $uri/index.html =404; }
  }
}
`;
}

try {
  const siteUrl = 'http://localhost:3000'; // the server's default, so both serve the same bytes
  const web = (await import(new URL('../dist/web/index.js', import.meta.url).href)) as typeof import('../src/web/index.ts');
  const site = join(tmp, 'site');
  await web.exportSite({ outDir: site, siteUrl });

  const [ourPort, nginxPort] = [await freePort(), await freePort()];
  const ours = start(process.execPath, [bin, 'serve', '--port', String(ourPort), '--host', '127.0.0.1']);
  writeFileSync(join(tmp, 'nginx.conf'), nginxConf(site, nginxPort));
  const nginx = start(NGINX, ['-c', join(tmp, 'nginx.conf'), '-p', tmp, '-e', join(tmp, 'error.log')]);
  const subjects = [
    { name: 'httpwhy serve', url: `http://127.0.0.1:${ourPort}${PAGE}`, server: ours },
    { name: 'nginx static', url: `http://127.0.0.1:${nginxPort}${PAGE}`, server: nginx },
  ];
  const bodies = await Promise.all(subjects.map((s) => ready(s.server, s.url)));
  if (bodies[0] !== bodies[1]) throw new Error(`the two servers answer ${PAGE} with different bodies`);
  // The requests are served by nginx's one worker, the master's only child.
  const nginxWorker = Number(readFileSync(`/proc/${nginx.child.pid}/task/${nginx.child.pid}/children`, 'utf8').trim());
  grandchildren.push(nginxWorker);

  const nginxVersion = spawnSync(NGINX, ['-v'], { encoding: 'utf8' }).stderr.trim(); // nginx prints its version on stderr
  console.log(`GET ${PAGE} (${bodies[0]?.length} B), wrk -t1 -c${connections} -d${seconds}s --latency, node ${process.version}, ${nginxVersion}, ${cpus().length} CPUs, load average ${loadavg()[0]?.toFixed(1)}`);
  const pids = [ours.child.pid as number, nginxWorker];
  const results = [];
  for (const [i, s] of subjects.entries()) {
    await wrk(s.url, WARMUP_SECONDS, pids[i] as number);
    results.push({ ...s, ...(await wrk(s.url, seconds, pids[i] as number)) });
  }
  for (const r of results) {
    const line = `${r.name.padEnd(14)} requests/s ${r.rps.toFixed(0).padStart(7)}   p99 ${r.p99.toFixed(2).padStart(7)} ms   CPU/request ${r.cpuUsPerRequest.toFixed(0).padStart(4)} µs`;
    console.log(`${line}${r.errors ? `   ${r.errors}` : ''}`);
  }
  const [mine, theirs] = results;
  if (!mine || !theirs) throw new Error('missing results');
  const ratio = mine.rps / theirs.rps;
  const met = ratio >= 0.6 && mine.p99 < 10 && mine.errors === '';
  console.log(`ratio ours/nginx ${ratio.toFixed(2)} (requests/s); nginx/ours ${(theirs.cpuUsPerRequest / mine.cpuUsPerRequest).toFixed(2)} (CPU per request)`);
  console.log(`target: ratio >= 0.6 and p99 < 10 ms at ${connections} connections -> ${met ? 'met' : 'NOT met'}`);
} finally {
  await stopAll();
}
