/**
 * The real-proxy harness: starts every faulty upstream, puts each real proxy in front of them (one route per
 * failure mode), sends one raw request per proxy and mode, all at once, and collects what the client got,
 * the proxy's log lines and the app's log lines. Everything it starts is stopped in `finally`.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DRIVERS,
  FAULT_MODES,
  faultyUpstreams,
  type FaultMode,
  type FaultyUpstream,
  type ProxyDriver,
  type ProxyName,
  type RequestLogs,
  type RunningProxy,
} from '../../src/lab/index.ts';
import { rawRequest, type RawExchange } from '../helpers/raw-http.ts';

/** Longer than any proxy timeout plus HAProxy's connect retries. */
const CLIENT_TIMEOUT_MS = 10_000;
const LOG_WAIT_MS = 5_000;
const LOG_SETTLE_MS = 100;

export interface Capture {
  proxy: ProxyName;
  mode: FaultMode;
  exchange: RawExchange;
  logs: RequestLogs;
  appLog: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits (bounded) until every request has its access line, then a moment more for the error lines written beside it. */
async function waitForLogs(proxy: RunningProxy, paths: string[]): Promise<void> {
  const deadline = Date.now() + LOG_WAIT_MS;
  while (paths.some((path) => proxy.logsFor(path).access.length === 0) && Date.now() < deadline) await sleep(50);
  await sleep(LOG_SETTLE_MS);
}

async function captureProxy(driver: ProxyDriver, modes: readonly FaultMode[], dir: string, started: Array<() => Promise<void>>): Promise<Capture[]> {
  const upstreams = new Map<FaultMode, FaultyUpstream>();
  for (const mode of modes) {
    const upstream = await faultyUpstreams[mode]({ host: '127.0.0.1', port: 0 });
    started.push(upstream.close);
    upstreams.set(mode, upstream);
  }
  const routes = modes.map((mode) => ({ path: `/${mode}`, upstreamPort: (upstreams.get(mode) as FaultyUpstream).port }));
  const proxy = await driver.start(routes, dir, driver.binary);
  started.push(proxy.stop);
  const paths = modes.map((mode) => `/${mode}`);
  const exchanges = await Promise.all(paths.map((path) => rawRequest({ host: '127.0.0.1', port: proxy.port, path, timeoutMs: CLIENT_TIMEOUT_MS })));
  await waitForLogs(proxy, paths);
  return modes.map((mode, i) => ({
    proxy: driver.name,
    mode,
    exchange: exchanges[i] as RawExchange,
    logs: proxy.logsFor(`/${mode}`),
    appLog: [...(upstreams.get(mode) as FaultyUpstream).appLog],
  }));
}

/** Runs every mode through every named proxy. Proxies run side by side, each with its own upstreams and temp dir. */
export async function captureAll(proxies: readonly ProxyName[], modes: readonly FaultMode[] = FAULT_MODES): Promise<Capture[]> {
  const root = mkdtempSync(join(tmpdir(), 'httpwhy-proxies-'));
  // nginx workers run unprivileged when the suite runs as root; they must reach their temp paths.
  chmodSync(root, 0o755);
  const started: Array<() => Promise<void>> = [];
  try {
    // allSettled, not all: a proxy that fails to start must not leave the others running past `finally`.
    const perProxy = await Promise.allSettled(
      proxies.map((name) => {
        const dir = join(root, name);
        mkdirSync(dir);
        return captureProxy(DRIVERS[name], modes, dir, started);
      }),
    );
    const failed = perProxy.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    return perProxy.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
  } finally {
    await Promise.allSettled(started.map((stop) => stop()));
    rmSync(root, { recursive: true, force: true });
  }
}
