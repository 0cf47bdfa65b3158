/**
 * `httpwhy lab --via <proxy>` in front of a running lab: the guarded routes (/fail/overload, /fail/rate-limited)
 * exist on the real proxy, each in front of a healthy app of its own, and stopping the lab proxy ends its process
 * group, closes those apps and removes its dir. Expectations as in expectations.ts (hand-written).
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, splitResponse } from '../helpers/raw-http.ts';
import { missingProxies, PROXY_NAMES, startLab, startLabProxy, type RunningLab } from '../../src/lab/index.ts';

const inCi = process.env.CI === 'true';
const missing = missingProxies();

/** What each proxy answers the second of two requests that arrive together (overload) or in one window (rate-limited). */
const SECOND_ANSWER = {
  nginx: { overload: 503, 'rate-limited': 429 },
  haproxy: { overload: 503, 'rate-limited': 429 },
  // Caddy 2.6's standard build has no limit module: the app answers.
  caddy: { overload: 200, 'rate-limited': 200 },
} as const;

const ignore = () => undefined;
let site: Server;
let lab: RunningLab;

beforeAll(async () => {
  site = createServer((_req, res) => res.end('ok\n'));
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const { port } = site.address() as AddressInfo;
  lab = await startLab({ host: '127.0.0.1', gatewayPort: 0, site: { host: '127.0.0.1', port }, accessLog: ignore, errorLog: ignore, appLog: ignore });
}, 15_000);

afterAll(async () => {
  await lab?.close();
  await new Promise((resolve) => site?.close(resolve));
});

const status = async (port: number, path: string) => {
  const exchange = await rawRequest({ host: '127.0.0.1', port, path, timeoutMs: 5_000 });
  return Number(splitResponse(exchange.bytes)?.statusLine.split(' ')[1]);
};

describe.each(PROXY_NAMES)('lab proxy %s', (name) => {
  it.skipIf(!inCi && missing.includes(name))('has the guarded routes, and leaves no process or dir behind', async () => {
    const lines: string[] = [];
    const proxy = await startLabProxy(lab, name, { log: (_kind, line) => lines.push(line) });
    try {
      expect(proxy.guardedPaths).toEqual({ overload: '/fail/overload', 'rate-limited': '/fail/rate-limited' });
      const port = proxy.proxy.port;
      const busy = status(port, '/fail/overload?first');
      await new Promise((resolve) => setTimeout(resolve, 100));
      const [second, first] = await Promise.all([status(port, '/fail/overload'), busy]);
      expect([first, second]).toEqual([200, SECOND_ANSWER[name].overload]);
      expect(await status(port, '/fail/rate-limited?first')).toBe(200);
      expect(await status(port, '/fail/rate-limited')).toBe(SECOND_ANSWER[name]['rate-limited']);
      // The failure modes are still there.
      expect(await status(port, '/fail/app-exception')).toBe(500);
    } finally {
      await proxy.stop();
    }
    expect(lines.some((line) => line.includes('/fail/rate-limited'))).toBe(true);
    expect(() => process.kill(-proxy.proxy.pid, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
    expect(existsSync(proxy.dir)).toBe(false);
  }, 20_000);
});
