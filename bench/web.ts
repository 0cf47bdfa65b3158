// GET /codes/502 from `httpwhy serve` (one Node process) and from nginx (one worker) serving the static export of
// the same build, loaded over loopback by the same generator (wrk) in the same run, after a warm-up of each.
// Servers run on CPU 0, wrk on CPU 1 (bench/lib/processes.ts). A third subject is the floor for any Node server:
// bare node:http sending the same bytes from memory (bench/floors/static-page.ts); floor/nginx is the highest
// ratio a Node server could reach here. Besides requests/s and p99 it prints each server's CPU time per request
// (from /proc), which stays comparable when other work on the machine makes throughput noisy.
// Usage: npm run build && node bench/web.ts [seconds=10] [connections=50]   Target: ratio >= 0.6, p99 < 10 ms
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchSession, freePort, NGINX, nginxVersion, nginxWorker, pinningNote, ready } from './lib/processes.ts';
import { loadArgs, measureEach } from './lib/wrk.ts';

const { seconds, connections, warmupSeconds } = loadArgs(process.argv);
const PAGE = '/codes/502';
const bin = fileURLToPath(new URL('../bin/httpwhy.js', import.meta.url));
const floorServer = fileURLToPath(new URL('floors/static-page.ts', import.meta.url));

// Three servers, each warmed up then measured.
const { tmp, start, stop, signal } = benchSession('web', 3 * (seconds + warmupSeconds));

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

  const [ourPort, nginxPort, floorPort] = [await freePort(), await freePort(), await freePort()];
  const ours = start(process.execPath, [bin, 'serve', '--port', String(ourPort), '--host', '127.0.0.1']);
  writeFileSync(join(tmp, 'nginx.conf'), nginxConf(site, nginxPort));
  const nginx = start(NGINX, ['-c', join(tmp, 'nginx.conf'), '-p', tmp, '-e', join(tmp, 'error.log')]);
  const floor = start(process.execPath, [floorServer, join(site, PAGE, 'index.html'), String(floorPort)]);
  const subjects = [
    { name: 'httpwhy serve', url: `http://127.0.0.1:${ourPort}${PAGE}`, server: ours },
    { name: 'nginx static', url: `http://127.0.0.1:${nginxPort}${PAGE}`, server: nginx },
    { name: 'node:http floor', url: `http://127.0.0.1:${floorPort}${PAGE}`, server: floor },
  ];
  const bodies = await Promise.all(subjects.map((s) => ready(s.server, s.url)));
  if (new Set(bodies).size !== 1) throw new Error(`the servers answer ${PAGE} with different bodies`);
  // The requests are served by nginx's one worker, not by its master.
  const pids = [ours.child.pid as number, nginxWorker(nginx.child), floor.child.pid as number];

  console.log(`GET ${PAGE} (${bodies[0]?.length} B), wrk -t1 -c${connections} -d${seconds}s --latency, node ${process.version}, ${nginxVersion()}, ${cpus().length} CPUs, ${pinningNote()}, load average ${loadavg()[0]?.toFixed(1)}`);
  const results = await measureEach(
    subjects.map((s, i) => ({ name: s.name, url: s.url, pid: pids[i] as number })),
    { seconds, warmupSeconds, connections, signal },
  );
  const [mine, theirs, bare] = results;
  if (!mine || !theirs || !bare) throw new Error('missing results');
  const ratio = mine.rps / theirs.rps;
  const met = ratio >= 0.6 && mine.p99 < 10 && mine.errors === '';
  console.log(`ratio ours/nginx ${ratio.toFixed(2)} (requests/s); nginx/ours ${(theirs.cpuUsPerRequest / mine.cpuUsPerRequest).toFixed(2)} (CPU per request)`);
  console.log(`floor: node:http/nginx ${(bare.rps / theirs.rps).toFixed(2)} (the most any Node server reaches here); ours/node:http ${(mine.rps / bare.rps).toFixed(2)}`);
  console.log(`target: ratio >= 0.6 and p99 < 10 ms at ${connections} connections -> ${met ? 'met' : 'NOT met'}`);
} finally {
  await stop();
}
