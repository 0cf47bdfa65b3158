import { spawn, spawnSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { groupHoldsListener } from './listener-owner.ts';

const python = spawnSync('python3', ['--version']).status === 0;
const linux = process.platform === 'linux';

const listening = async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
};
const portOf = (server: ReturnType<typeof createServer>) => (server.address() as AddressInfo).port;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!linux || (!python && process.env.CI !== 'true'))('groupHoldsListener', () => {
  it("tells a started process's own listener from another process's listener on a port", async () => {
    const probe = await listening();
    const port = portOf(probe);
    await new Promise((resolve) => probe.close(resolve));
    const child = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1'], { cwd: tmpdir(), detached: true, stdio: 'ignore' });
    const other = await listening();
    try {
      const pid = child.pid as number;
      let held = groupHoldsListener(pid, port);
      for (let i = 0; i < 200 && held !== true; i += 1) {
        await sleep(25);
        held = groupHoldsListener(pid, port);
      }
      expect(held).toBe(true);
      // This process listens on `other`: the child's group does not hold it.
      expect(groupHoldsListener(pid, portOf(other))).toBe(false);
    } finally {
      process.kill(-(child.pid as number), 'SIGKILL');
      await new Promise((resolve) => other.close(resolve));
    }
  });
});
