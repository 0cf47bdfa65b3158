/**
 * Benchmark: `httpwhy check --file LIST` vs `xargs -P 16 curl` over the same 10,000 URLs, in the same run,
 * against loopback servers this script starts (85% 200, 5% redirect, 5% 404, 5% 500; four ports).
 *
 *   node bench/check.ts                 10,000 URLs, 16 at a time
 *   node bench/check.ts --urls 2000     any count
 *
 * Both get the same concurrency and no per-host limit (every URL is on 127.0.0.1), a fresh connection per
 * request, and follow redirects (curl -L). Prints URLs/s, wall and CPU time (user + sys, /usr/bin/time),
 * peak RSS of the whole process tree (sampled from /proc: for curl that is the sum of the curls running
 * at once), and the ratios. Targets: at least 5x curl's URLs/s, httpwhy under 200 MB.
 * httpwhy runs as `node bin/httpwhy.js check ...` when the bin has the command (it needs `dist/`), else as
 * the CLI's source bundled to plain JavaScript with esbuild (what tsc would ship).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TMP = join(ROOT, '.bench-tmp', 'check');
const TIME = '/usr/bin/time';
const CONCURRENCY = 16;

interface Measured {
  name: string;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  /** Final status per URL, counted. */
  statuses: Map<string, number>;
  ok: boolean;
}

function startServer(): Promise<Server> {
  const server = createServer({ keepAliveTimeout: 1000 }, (req, res) => {
    const [, kind = '', id = ''] = (req.url ?? '/').split('/');
    if (kind === 'redirect') res.writeHead(302, { location: `/ok/${id}` }).end();
    else if (kind === 'missing') res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
    else if (kind === 'error') res.writeHead(500, { 'content-type': 'text/plain' }).end('Internal Server Error');
    else res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>ok ${id}</title><p>${'x'.repeat(200)}</p>`);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** `--serve`: the servers run in their own process, so measuring the subjects never slows them down. */
async function serve(): Promise<void> {
  const servers = await Promise.all([1, 2, 3, 4].map(() => startServer()));
  process.stdout.write(`${JSON.stringify(servers.map((s) => (s.address() as AddressInfo).port))}\n`);
}

function spawnServers(): Promise<{ ports: number[]; stop: () => void }> {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--serve'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.stdout.setEncoding('utf8').once('data', (line: string) => resolve({ ports: JSON.parse(line) as number[], stop: () => child.kill() }));
  });
}

/** 1 in 20 of each: redirect, 404, 500; the rest 200. */
const kindOf = (i: number) => (i % 20 === 0 ? 'redirect' : i % 20 === 1 ? 'missing' : i % 20 === 2 ? 'error' : 'ok');

function writeList(file: string, count: number, ports: number[]): void {
  const lines = Array.from({ length: count }, (_, i) => `http://127.0.0.1:${ports[i % ports.length]}/${kindOf(i)}/${i}`);
  writeFileSync(file, `${lines.join('\n')}\n`);
}

/** Resident memory of a process and all its descendants, in kB (0 once it is gone). */
function treeRssKb(root: number): number {
  let total = 0;
  const pending = [root];
  for (let pid = pending.pop(); pid !== undefined; pid = pending.pop()) {
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      pending.push(...readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number));
    } catch {
      // exited between two reads
    }
  }
  return total;
}

/** Runs a command under /usr/bin/time, sampling the tree's RSS every 20 ms and counting status lines from stdout. */
function measure(name: string, command: string, args: string[], statusOf: (line: string) => string | null): Promise<Measured> {
  const timeFile = join(TMP, `${name}.time`);
  const started = process.hrtime.bigint();
  const proc = spawn(TIME, ['-f', '%U %S', '-o', timeFile, command, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  let peakKb = 0;
  const sampler = setInterval(() => (peakKb = Math.max(peakKb, treeRssKb(proc.pid ?? 0))), 20);
  const statuses = new Map<string, number>();
  let rest = '';
  proc.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const status of lines.map(statusOf)) if (status !== null) statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  return new Promise((resolve, reject) => {
    proc.on('error', reject);
    proc.on('close', (code) => {
      clearInterval(sampler);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const [user = Number.NaN, sys = Number.NaN] = (readFileSync(timeFile, 'utf8').trim().split('\n').at(-1) ?? '').split(' ').map(Number);
      // httpwhy exits 1 when some URL has a problem (the 500s): that is a finished run.
      resolve({ name, seconds, cpuSeconds: user + sys, peakRssMb: peakKb / 1024, statuses, ok: code === 0 || code === 1 });
    });
  });
}

interface Row {
  result: { status: number | null; failure: { code: string } | null } | null;
  error: { code: string } | null;
}

/** One NDJSON row per URL; anything else (an error document from a bin without the command) is skipped. */
function httpwhyStatus(line: string): string | null {
  if (!line.startsWith('{"index"')) return null;
  const { result, error } = JSON.parse(line) as Row;
  return result?.status ? String(result.status) : `error (${result?.failure?.code ?? error?.code})`;
}

const FLAGS = ['--json', '--allow-private', '--concurrency', String(CONCURRENCY), '--per-host', String(CONCURRENCY), '--no-progress'];

/** Bundles the CLI into plain JavaScript, two levels under the root so build/*.json resolve as from dist/. */
async function bundleRunner(): Promise<string> {
  const { build } = await import('esbuild');
  const outfile = join(TMP, 'httpwhy-check.mjs');
  const contents = `import { run } from './src/cli/index.ts';
const io = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin, env: process.env, cwd: process.cwd() };
process.exitCode = await run(['check', '--file', process.argv[2], ...${JSON.stringify(FLAGS)}], io);`;
  await build({ stdin: { contents, resolveDir: ROOT, loader: 'ts' }, bundle: true, packages: 'external', platform: 'node', format: 'esm', target: 'node22', outfile, logLevel: 'warning' });
  return outfile;
}

async function runHttpwhy(list: string): Promise<Measured> {
  const viaBin = await measure('httpwhy', process.execPath, [join(ROOT, 'bin', 'httpwhy.js'), 'check', '--file', list, ...FLAGS], httpwhyStatus).catch(() => null);
  if (viaBin?.ok && viaBin.statuses.size > 0) return viaBin;
  console.log('  (bin/httpwhy.js has no working check command yet, dist/ is probably not built: running src bundled)');
  return measure('httpwhy', process.execPath, [await bundleRunner(), list], httpwhyStatus);
}

/** curl prints its status, or 000 and its exit code when it got no response (7 could not connect, 56 reset...). */
const curlStatus = (line: string) => (line === '' ? null : line.startsWith('000') ? `error (curl exit ${line.slice(4)})` : line.slice(0, 3));

function runCurl(list: string): Promise<Measured> {
  const curl = ['curl', '-s', '-o', '/dev/null', '-L', '-w', '%{http_code} %{exitcode}\\n'];
  return measure('curl', 'xargs', ['-a', list, '-P', String(CONCURRENCY), '-n', '1', ...curl], curlStatus);
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function row(m: Measured, count: number): string {
  const rate = `${fmt(count / m.seconds).padStart(7)} URLs/s`;
  return `${m.name.padEnd(8)} ${rate} · wall ${fmt(m.seconds, 2).padStart(6)} s · cpu ${fmt(m.cpuSeconds, 2).padStart(6)} s · peak RSS ${fmt(m.peakRssMb, 1).padStart(6)} MB`;
}

const counts = (m: Measured) => JSON.stringify([...m.statuses].toSorted());

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { urls: { type: 'string', default: '10000' }, serve: { type: 'boolean' } } });
  if (values.serve) return serve();
  const count = Number(values.urls);
  mkdirSync(TMP, { recursive: true });
  if (!existsSync(TIME)) throw new Error(`${TIME} is needed for CPU times`);
  const servers = await spawnServers();
  const list = join(TMP, `urls-${count}.txt`);
  writeList(list, count, servers.ports);
  console.log(`${fmt(count)} URLs on 4 loopback servers, ${CONCURRENCY} at a time; node ${process.version}, ${availableParallelism()} CPUs`);
  try {
    const ours = await runHttpwhy(list);
    console.log(row(ours, count));
    const peer = await runCurl(list);
    console.log(row(peer, count));
    const speed = peer.seconds / ours.seconds;
    console.log(`statuses: httpwhy ${counts(ours)} · curl ${counts(peer)} ${counts(ours) === counts(peer) ? '(equal)' : '(DIFFER)'}`);
    console.log(`httpwhy ${fmt(speed, 1)}x curl's URLs/s (target >= 5x: ${speed >= 5 ? 'met' : 'NOT met'}), ${fmt(peer.cpuSeconds / ours.cpuSeconds, 1)}x less CPU`);
    console.log(`httpwhy peak RSS ${fmt(ours.peakRssMb, 1)} MB (target < 200 MB: ${ours.peakRssMb < 200 ? 'met' : 'NOT met'}), curl tree ${fmt(peer.peakRssMb, 1)} MB`);
  } finally {
    servers.stop();
  }
}

await main();
