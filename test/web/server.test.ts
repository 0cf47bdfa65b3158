// The real server process: `httpwhy serve` listens, answers with request ids, and exits 0 on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const bin = fileURLToPath(new URL('../../bin/httpwhy.js', import.meta.url));
let child: ChildProcess | undefined;

afterEach(() => {
  child?.kill('SIGKILL');
  child = undefined;
});

/** Starts `httpwhy serve` on a free port and resolves with its base URL once it says so on stderr. */
async function serve(): Promise<{ proc: ChildProcess; url: string; logs: () => string }> {
  const proc = spawn(process.execPath, [bin, 'serve', '--port', '0', '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_LEVEL: 'info' } });
  child = proc;
  let out = '';
  let err = '';
  proc.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 15_000);
    proc.stderr?.on('data', (d: Buffer) => {
      err += d.toString();
      const match = /serving on (http:\/\/[^\s]+)/.exec(err);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    });
  });
  return { proc, url, logs: () => out };
}

describe('httpwhy serve', () => {
  it('answers, logs the request id it sends, and shuts down cleanly on SIGTERM', async () => {
    const { proc, url, logs } = await serve();
    const res = await fetch(`${url}/codes/502`, { headers: { 'x-request-id': 'test-request-0001' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('test-request-0001');
    await res.text();
    await new Promise((r) => setTimeout(r, 100));
    expect(logs()).toContain('"requestId":"test-request-0001"');
    const exited = once(proc, 'exit');
    proc.kill('SIGTERM');
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
    await expect(fetch(`${url}/`)).rejects.toThrow('fetch failed');
  });

  it('finishes a request in flight when SIGTERM arrives, then exits 0', async () => {
    const { proc, url } = await serve();
    // The lab's playground answers after the sleep it is asked for: a request that is surely in flight.
    const inFlight = fetch(`${url}/lab/status/200?sleep=1500`);
    await new Promise((r) => setTimeout(r, 300));
    const exited = once(proc, 'exit');
    proc.kill('SIGTERM');
    const res = await inFlight;
    expect(res.status).toBe(200);
    await res.text();
    const [code] = (await exited) as [number | null];
    expect(code).toBe(0);
  });

  it('refuses a bad port with exit 2 and one line', async () => {
    const proc = spawn(process.execPath, [bin, 'serve', '--port', 'eighty'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child = proc;
    let err = '';
    proc.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    const [code] = (await once(proc, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(err.trim()).toBe('httpwhy: Invalid port "eighty": use a number from 0 to 65535.');
  });

  it('says so in one line, exit 2, when Node forbids generating code (Fastify needs it)', async () => {
    const env = { ...process.env, NODE_OPTIONS: '--disallow-code-generation-from-strings' };
    const proc = spawn(process.execPath, [bin, 'serve', '--port', '0', '--host', '127.0.0.1'], { stdio: ['ignore', 'pipe', 'pipe'], env });
    child = proc;
    let err = '';
    proc.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    const [code] = (await once(proc, 'exit')) as [number | null];
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain('--disallow-code-generation-from-strings');
  });
});
