import { spawn, spawnSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { listenerOwner } from './listener-owner.ts';

const python = spawnSync('python3', ['--version']).status === 0;
const linux = process.platform === 'linux';

const listening = async (port = 0, reusePort = false) => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen({ port, host: '127.0.0.1', reusePort }, resolve));
  return server;
};
const portOf = (server: ReturnType<typeof createServer>) => (server.address() as AddressInfo).port;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const close = (server: ReturnType<typeof createServer>) => new Promise((resolve) => server.close(resolve));

/** A python3 child listening on `port`, with SO_REUSEPORT, in a process group of its own. */
function pythonListener(port: number) {
  const code = [
    'import socket, time',
    's = socket.socket()',
    's.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)',
    `s.bind(("127.0.0.1", ${port}))`,
    's.listen()',
    'time.sleep(30)',
  ].join('\n');
  return spawn('python3', ['-c', code], { cwd: tmpdir(), detached: true, stdio: 'ignore' });
}

async function ownerOnceBound(pid: number, port: number) {
  let owner = listenerOwner(pid, port);
  for (let i = 0; i < 200 && (owner === 'none' || owner === 'others'); i += 1) {
    await sleep(25);
    owner = listenerOwner(pid, port);
  }
  return owner;
}

describe.skipIf(!linux || (!python && process.env.CI !== 'true'))('listenerOwner', () => {
  it("tells a started process's own listener from another process's listener on a port", async () => {
    const probe = await listening();
    const port = portOf(probe);
    await close(probe);
    const child = pythonListener(port);
    const other = await listening();
    try {
      const pid = child.pid as number;
      expect(await ownerOnceBound(pid, port)).toBe('group');
      // This process listens on `other`: the child's group does not hold it.
      expect(listenerOwner(pid, portOf(other))).toBe('others');
    } finally {
      process.kill(-(child.pid as number), 'SIGKILL');
      await close(other);
    }
  });

  it('says the port is shared when another process binds it too with SO_REUSEPORT', async () => {
    const probe = await listening();
    const port = portOf(probe);
    await close(probe);
    const child = pythonListener(port);
    try {
      const pid = child.pid as number;
      expect(await ownerOnceBound(pid, port)).toBe('group');
      const beside = await listening(port, true);
      try {
        expect(listenerOwner(pid, port)).toBe('shared');
      } finally {
        await close(beside);
      }
      expect(listenerOwner(pid, port)).toBe('group');
    } finally {
      process.kill(-(child.pid as number), 'SIGKILL');
    }
  });
});
