/**
 * Runs one proxy binary in the foreground in its own process group, waits (bounded) until it accepts
 * connections, and stops it: SIGTERM to the group, then SIGKILL if it lingers. A process-exit hook kills
 * whatever is still running if the test runner dies first.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer, type AddressInfo } from 'node:net';
import { listenerOwner } from './listener-owner.ts';

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) killGroup(child, 'SIGKILL');
});

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

export interface ProxyProcess {
  pid: number;
  /** What the process printed so far (HAProxy's `log stdout` lines land here). */
  stdout(): string;
  stderr(): string;
  stop(): Promise<void>;
}

/** A loopback port free right now (the proxy binds it a moment later). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface SpawnOptions {
  command: string;
  args: string[];
  cwd: string;
  env?: Record<string, string>;
  /** The loopback port the proxy listens on once ready. */
  port: number;
  readyTimeoutMs?: number;
}

export async function spawnProxy(options: SpawnOptions): Promise<ProxyProcess> {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...options.env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let gone = false;
  const exited = new Promise<void>((resolve) => {
    // 'error' without 'exit' when the binary cannot be spawned at all.
    const done = () => {
      gone = true;
      running.delete(child);
      resolve();
    };
    child.once('exit', done);
    child.once('error', (error) => {
      stderr += `spawn failed: ${error.message}\n`;
      done();
    });
  });

  const stop = async () => {
    killGroup(child, 'SIGTERM');
    const stopped = await Promise.race([exited.then(() => true), sleep(3_000).then(() => false)]);
    if (!stopped) {
      killGroup(child, 'SIGKILL');
      await Promise.race([exited, sleep(2_000)]);
    }
  };

  const fail = async (what: string): Promise<never> => {
    await stop();
    if (PORT_TAKEN.test(stderr)) throw new PortTakenError(options.port);
    throw new Error(`${options.command} ${what} on 127.0.0.1:${options.port}:\n${stderr}${stdout}`);
  };
  const deadline = Date.now() + (options.readyTimeoutMs ?? 10_000);
  for (;;) {
    // The port was free when chosen, but another process (a test running beside this one) may have bound it before
    // the proxy did: then that process would answer a connection test, so ready means the proxy alone holds the listener.
    const owner = child.pid === undefined ? 'none' : listenerOwner(child.pid, options.port);
    if (owner === 'group') break;
    if (owner === 'shared') {
      await stop();
      throw new PortTakenError(options.port);
    }
    if (owner === null && (await accepts(options.port))) {
      // Where /proc cannot tell, a moment's wait lets a proxy that could not bind say so (nginx retries for seconds).
      await sleep(SETTLE_MS);
      if (gone || PORT_TAKEN.test(stderr)) await fail('exited right after it started');
      break;
    }
    if (gone || Date.now() > deadline) await fail('did not start');
    await sleep(25);
  }
  return { pid: child.pid as number, stdout: () => stdout, stderr: () => stderr, stop };
}

/** How each proxy says its port is taken: nginx's `bind() ... (98: Address already in use)`, HAProxy's, Caddy's. */
const PORT_TAKEN = /address already in use|cannot bind socket/i;
const SETTLE_MS = 150;
const PORT_ATTEMPTS = 3;

class PortTakenError extends Error {
  constructor(port: number) {
    super(`127.0.0.1:${port} was taken by another process before the proxy bound it`);
  }
}

/**
 * Starts a proxy on a free loopback port, choosing another one when the port was taken between choosing and binding.
 * `prepare` writes the proxy's configuration for the port and returns how to start it.
 */
export async function spawnOnFreePort(prepare: (port: number) => SpawnOptions): Promise<{ proc: ProxyProcess; port: number }> {
  for (let attempt = 1; ; attempt += 1) {
    const port = await freePort();
    try {
      return { proc: await spawnProxy(prepare(port)), port };
    } catch (error) {
      if (!(error instanceof PortTakenError) || attempt >= PORT_ATTEMPTS) throw error;
    }
  }
}
