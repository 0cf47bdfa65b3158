/**
 * The built-in httpwhy gateway, run the way the real-proxy harness runs nginx, HAProxy and Caddy: the whole lab
 * (every faulty upstream, the slow app behind `overload`, a stand-in site behind `rate-limited`) on loopback, one
 * request per scenario, all at once (a guarded one after the request that fills its limit), and the gateway's
 * access and error lines and the app's lines picked by the request's path. Everything is closed in `finally`.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SCENARIOS, startLab, type Scenario } from '../../src/lab/index.ts';
import { appLinesFor, exchangeFor, waitForLogs, type Capture } from './harness.ts';

export type GatewayCapture = Omit<Capture, 'proxy'>;

const request = (path: string) => `"GET ${path} HTTP/1.1"`;

export async function captureGateway(scenarios: readonly Scenario[] = SCENARIOS): Promise<GatewayCapture[]> {
  const site = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n'));
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  const access: string[] = [];
  const error: string[] = [];
  const app = new Map<Scenario, string[]>(SCENARIOS.map((s) => [s, []]));
  try {
    const lab = await startLab({
      host: '127.0.0.1',
      gatewayPort: 0,
      site: { host: '127.0.0.1', port: (site.address() as AddressInfo).port },
      accessLog: (line) => access.push(line),
      errorLog: (line) => error.push(line),
      appLog: (scenario, line) => app.get(scenario)?.push(line),
    });
    try {
      const logsFor = (path: string) => ({
        access: access.filter((l) => l.includes(`${request(path)} `)),
        error: error.filter((l) => l.includes(`request: ${request(path)}`)),
      });
      const exchanges = await Promise.all(scenarios.map((s) => exchangeFor(lab.gateway.port, s, lab.paths[s])));
      await waitForLogs({ logsFor }, scenarios.map((s) => lab.paths[s]));
      // The app lines arrive through the lab's poll; closing the lab flushes them.
      await lab.close();
      return scenarios.map((mode, i) => ({
        mode,
        exchange: exchanges[i] as GatewayCapture['exchange'],
        logs: logsFor(lab.paths[mode]),
        appLog: appLinesFor(app.get(mode) ?? [], mode, lab.paths[mode]),
      }));
    } finally {
      await lab.close();
    }
  } finally {
    await new Promise((resolve) => site.close(resolve));
  }
}
