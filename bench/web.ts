// GET /codes/502 from `httpwhy serve` (one Node process) and from nginx (one worker) serving the static export of
// the same build, loaded over loopback by the same generator (wrk) in the same run, after a warm-up of each.
// Besides requests/s and p99 it prints the server's CPU time per request (from /proc), which stays comparable
// when other work on the machine makes throughput noisy.
// Usage: npm run build && node bench/web.ts [seconds=10] [connections=50]   Target: ratio >= 0.6, p99 < 10 ms
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchSession, freePort, NGINX, nginxVersion, nginxWorker, ready } from './lib/processes.ts';
import { wrk } from './lib/wrk.ts';

const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 50);
const WARMUP_SECONDS = 3;
const PAGE = '/codes/502';
const bin = fileURLToPath(new URL('../bin/httpwhy.js', import.meta.url));

// Two servers, each warmed up then measured.
const { tmp, start, stop, signal } = benchSession('web', 2 * (seconds + WARMUP_SECONDS));

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
  // The requests are served by nginx's one worker, not by its master.
  const pids = [ours.child.pid as number, nginxWorker(nginx.child)];

  console.log(`GET ${PAGE} (${bodies[0]?.length} B), wrk -t1 -c${connections} -d${seconds}s --latency, node ${process.version}, ${nginxVersion()}, ${cpus().length} CPUs, load average ${loadavg()[0]?.toFixed(1)}`);
  const results = [];
  for (const [i, s] of subjects.entries()) {
    const load = { url: s.url, connections, serverPid: pids[i] as number, signal };
    await wrk({ ...load, duration: WARMUP_SECONDS });
    results.push({ ...s, ...(await wrk({ ...load, duration: seconds })) });
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
  await stop();
}
