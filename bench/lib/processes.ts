// What the loopback benchmarks (bench/web.ts, bench/gateway.ts) share: a temp dir, the servers they start, and
// stopping all of it however the run ends (normally, on an error, on Ctrl-C, or at a backstop timer), so that no
// nginx process and no /tmp/httpwhy-bench-* dir outlives a run.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';

export const NGINX = '/usr/sbin/nginx';
const TASKSET = '/usr/bin/taskset';

/**
 * CPU pinning, so that "one worker each" means one core each: every server runs on CPU 0 (all its threads,
 * Node's GC and libuv threads included) and the load generator on CPU 1. Unpinned, the scheduler moves the
 * server, its helper threads and wrk across both cores, and the result depends on that placement.
 * Off on a single-CPU machine or without taskset (util-linux).
 */
export const PINNING = existsSync(TASKSET) && cpus().length >= 2;
export const SERVER_CPU = 0;
export const LOAD_CPU = 1;

/** `command args` run on one CPU when pinning is on (taskset execs the command: the pid stays the same). */
export function onCpu(cpu: number, command: string, args: string[]): [string, string[]] {
  return PINNING ? [TASKSET, ['-c', String(cpu), command, ...args]] : [command, args];
}

/** For the report's first line. */
export const pinningNote = (): string => (PINNING ? `servers pinned to CPU ${SERVER_CPU}, wrk to CPU ${LOAD_CPU}` : 'not pinned (needs taskset and 2 CPUs)');

/** A started server; its stderr is kept (last 4000 characters) and shown only if it never becomes ready. */
export interface Server {
  child: ChildProcess;
  stderr: () => string;
}

/** The processes a process started (nginx's workers), from /proc; empty once it is gone. */
export function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

/** The one worker of an nginx master (its only child): the process that serves the requests. */
export const nginxWorker = (master: ChildProcess): number => childPids(master.pid as number)[0] as number;

/** nginx's version line (nginx prints it on stderr). */
export const nginxVersion = (): string => spawnSync(NGINX, ['-v'], { encoding: 'utf8' }).stderr.trim();

/** /proc/<pid>/stat split after the command name (which may hold spaces): field n of proc(5) is at n - 3. */
function statFields(pid: number): string[] {
  return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
}

/** CPU time (user + system, ms) a process has used, from /proc/<pid>/stat (fields 14 and 15, in 1/100 s). */
export function cpuMs(pid: number): number {
  const fields = statFields(pid);
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** When a process started (field 22), to tell it from a later process that reused its pid; undefined once gone. */
function startTime(pid: number): string | undefined {
  try {
    return statFields(pid)[19];
  } catch {
    return undefined;
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Polls the URL until it answers 200 (or the process dies, or 10 s pass); returns its body. */
export async function ready(server: Server, url: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && server.child.exitCode === null) {
    const res = await fetch(url).catch(() => undefined);
    if (res?.status === 200) return res.text();
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${url} did not answer 200 within 10 s\n${server.stderr()}`);
}

/**
 * Creates /tmp/httpwhy-bench-<name>-XXXXXX and installs the SIGINT/SIGTERM handlers and a backstop timer that
 * stop everything. `plannedSeconds` is how long the run should take; the backstop fires at twice that plus a minute.
 */
export function benchSession(name: string, plannedSeconds: number) {
  const tmp = mkdtempSync(join(tmpdir(), `httpwhy-bench-${name}-`));
  chmodSync(tmp, 0o755); // nginx workers run as an unprivileged user when started by root
  const children: ChildProcess[] = [];
  /** Aborting it stops a running load generator (pass `signal` to it). */
  const loadGenerator = new AbortController();
  let stopping: Promise<void> | undefined;

  /** Starts a server (pinned to `cpu`, SERVER_CPU by default, when pinning is on); pass stdout: 'pipe' only if something reads it (an unread pipe fills up and blocks it). */
  function start(command: string, args: string[], { stdout = 'ignore', cpu = SERVER_CPU }: { stdout?: 'ignore' | 'pipe'; cpu?: number } = {}): Server {
    const child = spawn(...onCpu(cpu, command, args), { stdio: ['ignore', stdout, 'pipe'] });
    children.push(child);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    return { child, stderr: () => stderr };
  }

  /**
   * SIGTERM to every server (an nginx master then stops its workers; Node finishes in-flight requests), SIGKILL
   * after 3 s to what is left, then SIGKILL to leftover workers: a killed master leaves them running. Workers are
   * listed before anything is signalled, since a master's /proc entry, and with it the list, is gone once it exits.
   * Safe to call more than once (the run's `finally` and a signal handler may both call it).
   */
  function stop(): Promise<void> {
    stopping ??= (async () => {
      loadGenerator.abort();
      const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
      const workers = running
        .flatMap((child) => (child.pid === undefined ? [] : childPids(child.pid)))
        .map((pid) => ({ pid, started: startTime(pid) }));
      const exited = running.map((child) => new Promise((resolve) => child.once('exit', resolve)));
      for (const child of running) child.kill('SIGTERM');
      await Promise.race([Promise.all(exited), new Promise((resolve) => setTimeout(resolve, 3000).unref())]);
      for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      for (const { pid, started } of workers) {
        if (started === undefined || startTime(pid) !== started) continue; // gone (or its pid reused)
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // exited just now
        }
      }
      rmSync(tmp, { recursive: true, force: true });
    })();
    return stopping;
  }

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void stop().then(() => process.exit(130)));
  }
  setTimeout(
    () => {
      console.error(`bench/${name}: took too long, giving up`);
      void stop().then(() => process.exit(1));
    },
    (2 * plannedSeconds + 60) * 1000,
  ).unref();

  return { tmp, start, stop, signal: loadGenerator.signal };
}
