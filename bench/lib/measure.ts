// One command timed from outside: wall time, and CPU time and peak RSS from /usr/bin/time (when present), with its
// stdout kept, discarded, or sent to a file. What bench/logs.ts and bench/clickhouse.ts share.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { onCpu } from './processes.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const TIME = '/usr/bin/time';

export interface Measured {
  name: string;
  seconds: number;
  /** user + sys, NaN without /usr/bin/time. */
  cpuSeconds: number;
  peakRssKb: number;
  stdout: string;
  ok: boolean;
}

export interface MeasureOptions {
  /** Run on CPU 0 only (taskset), as "on one core" targets say. */
  pin?: boolean;
  /** Where stdout goes: kept in `stdout` (default), discarded, or written to (or appended to) this file. */
  stdout?: 'keep' | 'discard' | { file: string; append?: boolean };
  env?: NodeJS.ProcessEnv;
  /** Shown (for a command whose errors matter), or not (default). */
  stderr?: 'ignore' | 'inherit';
  /** Read as stdin. */
  stdinFile?: string;
}

/** Runs a command under /usr/bin/time (when present). */
export function measure(name: string, command: string, args: string[], options: MeasureOptions = {}): Promise<Measured> {
  const timeFile = join(ROOT, '.bench-tmp', `${name.replace(/\W+/g, '-')}.time`);
  mkdirSync(dirname(timeFile), { recursive: true });
  const useTime = existsSync(TIME);
  const [run, runArgs] = options.pin ? onCpu(0, command, args) : [command, args];
  const [cmd, argv] = useTime ? [TIME, ['-f', '%U %S %M', '-o', timeFile, run, ...runArgs]] : [run, runArgs];
  const out = options.stdout ?? 'keep';
  const fd = typeof out === 'object' ? openSync(out.file, out.append ? 'a' : 'w') : null;
  const stdin = options.stdinFile ? openSync(options.stdinFile, 'r') : null;
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const proc = spawn(cmd, argv, { stdio: [stdin ?? 'ignore', fd ?? (out === 'discard' ? 'ignore' : 'pipe'), options.stderr ?? 'ignore'], env: options.env ?? process.env });
    let stdout = '';
    proc.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    proc.on('error', reject);
    proc.on('close', (code) => {
      if (fd !== null) closeSync(fd);
      if (stdin !== null) closeSync(stdin);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const [user, sys, rss] = useTime ? (readFileSync(timeFile, 'utf8').trim().split('\n').at(-1) ?? '').split(' ').map(Number) : [];
      resolve({ name, seconds, cpuSeconds: (user ?? Number.NaN) + (sys ?? Number.NaN), peakRssKb: rss ?? Number.NaN, stdout, ok: code === 0 });
    });
  });
}
