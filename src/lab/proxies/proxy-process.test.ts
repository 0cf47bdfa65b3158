import { createServer, type Server } from 'node:net';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnOnFreePort, type ProxyProcess } from './proxy-process.ts';

const python = spawnSync('python3', ['--version']).status === 0;
const opened: Server[] = [];
const started: ProxyProcess[] = [];

afterEach(async () => {
  await Promise.all(started.splice(0).map((p) => p.stop()));
  await Promise.all(opened.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

/** Another process's listener on the port, as a test running beside this one might have. */
const occupy = (port: number) =>
  new Promise<void>((resolve) => {
    const server = createServer((socket) => socket.destroy());
    opened.push(server);
    server.listen(port, '127.0.0.1', resolve);
  });

describe.skipIf(!python && process.env.CI !== 'true')('spawnOnFreePort', () => {
  it('chooses another port when one was taken between choosing it and binding it, instead of taking the other listener for the proxy', async () => {
    const tried: number[] = [];
    let taken: Promise<void> = Promise.resolve();
    const { proc, port } = await spawnOnFreePort((chosen) => {
      tried.push(chosen);
      if (tried.length === 1) taken = occupy(chosen);
      return { command: 'python3', args: ['-m', 'http.server', String(chosen), '--bind', '127.0.0.1'], cwd: tmpdir(), port: chosen };
    });
    await taken;
    started.push(proc);
    expect(tried).toHaveLength(2);
    expect(port).toBe(tried[1]);
    expect(port).not.toBe(tried[0]);
  });
});
