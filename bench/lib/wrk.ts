// Runs wrk (one thread) against a server and reads its text report, measuring meanwhile the CPU time of the process
// that serves the requests: CPU per request stays comparable when other work on the machine makes throughput noisy.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cpuMs, LOAD_CPU, onCpu } from './processes.ts';

const WRK = '/usr/bin/wrk';

export interface Load {
  rps: number;
  /** ms */
  p99: number;
  /** CPU time the measured server spent per request, µs: comparable even when the machine is busy. */
  cpuUsPerRequest: number;
  /** wrk's non-2xx/3xx and socket-error lines, '' when none. */
  errors: string;
}

export interface WrkOptions {
  url: string;
  /** seconds */
  duration: number;
  connections: number;
  /** The process that serves the requests (for nginx its worker, not the master), whose CPU time is measured. */
  serverPid: number;
  /** Aborting it kills wrk (the bench is being stopped). */
  signal: AbortSignal;
}

/** Runs wrk against url while measuring the CPU time of the process that serves it. */
export async function wrk({ url, duration, connections, serverPid, signal }: WrkOptions): Promise<Load> {
  const cpuBefore = cpuMs(serverPid);
  const args = ['-t1', `-c${connections}`, `-d${duration}s`, '--latency', url];
  const { stdout: out } = await promisify(execFile)(...onCpu(LOAD_CPU, WRK, args), { encoding: 'utf8', timeout: (duration + 30) * 1000, signal });
  const cpu = cpuMs(serverPid) - cpuBefore;
  const p99 = /^\s*99%\s+([\d.]+)(us|ms|s)\s*$/m.exec(out);
  const rps = /^Requests\/sec:\s+([\d.]+)/m.exec(out);
  const count = /^\s*(\d+) requests in/m.exec(out);
  if (!p99 || !rps || !count) throw new Error(`cannot read wrk output:\n${out}`);
  const scale = { us: 0.001, ms: 1, s: 1000 }[p99[2] as 'us' | 'ms' | 's'];
  const errors = [...out.matchAll(/^\s*(Non-2xx or 3xx responses: \d+|Socket errors: .*)$/gm)].map((m) => m[1]).join('; ');
  return { rps: Number(rps[1]), p99: Number(p99[1]) * scale, cpuUsPerRequest: (cpu * 1000) / Number(count[1]), errors };
}

/** `[seconds=10] [connections=50]` from the command line, and the warm-up every loopback benchmark runs first. */
export function loadArgs(argv: string[]): { seconds: number; connections: number; warmupSeconds: number } {
  return { seconds: Number(argv[2] ?? 10), connections: Number(argv[3] ?? 50), warmupSeconds: 3 };
}

export interface Subject {
  name: string;
  url: string;
  /** The process that serves the requests (for nginx its worker). */
  pid: number;
}

/** Warms up then measures each subject in turn with the same load, prints a line each, and returns the loads in order. */
export async function measureEach(subjects: Subject[], options: { seconds: number; warmupSeconds: number; connections: number; signal: AbortSignal }): Promise<Load[]> {
  const results: Load[] = [];
  for (const s of subjects) {
    const load = { url: s.url, connections: options.connections, serverPid: s.pid, signal: options.signal };
    await wrk({ ...load, duration: options.warmupSeconds });
    results.push(await wrk({ ...load, duration: options.seconds }));
  }
  for (const [i, r] of results.entries()) {
    const line = `${(subjects[i] as Subject).name.padEnd(16)} requests/s ${r.rps.toFixed(0).padStart(7)}   p99 ${r.p99.toFixed(2).padStart(7)} ms   CPU/request ${r.cpuUsPerRequest.toFixed(0).padStart(4)} µs`;
    console.log(`${line}${r.errors ? `   ${r.errors}` : ''}`);
  }
  return results;
}
