/**
 * The real-proxy harness: starts every faulty upstream and the healthy apps behind the guarded routes, puts each
 * real proxy in front of them (one route per scenario), sends one raw request per proxy and scenario, all at once,
 * and collects what the client got, the proxy's log lines and the app's log lines. A guarded scenario needs a
 * request before the captured one to fill its limit: `/<scenario>?first`, which the logs tell apart by its query.
 * Everything it starts is stopped in `finally`.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DRIVERS,
  faultyUpstreams,
  GUARDED_SCENARIOS,
  SCENARIOS,
  startGuardedUpstream,
  type FaultyUpstream,
  type GuardedScenario,
  type ProxyDriver,
  type ProxyName,
  type RequestLogs,
  type RunningProxy,
  type Scenario,
} from '../../src/lab/index.ts';
import { rawRequest, type RawExchange } from '../helpers/raw-http.ts';

/** Longer than any proxy timeout plus HAProxy's connect retries. */
const CLIENT_TIMEOUT_MS = 10_000;
const LOG_WAIT_MS = 5_000;
const LOG_SETTLE_MS = 100;

/** For `overload`: the first request must be at the app when the captured one arrives. */
const OVERLOAD_GAP_MS = 100;

export interface Capture {
  proxy: ProxyName;
  mode: Scenario;
  exchange: RawExchange;
  logs: RequestLogs;
  appLog: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits (bounded) until every request has its access line, then a moment more for the error lines written beside it. */
export async function waitForLogs(proxy: Pick<RunningProxy, 'logsFor'>, paths: string[]): Promise<void> {
  const deadline = Date.now() + LOG_WAIT_MS;
  while (paths.some((path) => proxy.logsFor(path).access.length === 0) && Date.now() < deadline) await sleep(50);
  await sleep(LOG_SETTLE_MS);
}

const isGuarded = (mode: Scenario): mode is GuardedScenario => (GUARDED_SCENARIOS as readonly Scenario[]).includes(mode);

const startUpstream = (mode: Scenario) =>
  isGuarded(mode) ? startGuardedUpstream(mode, { host: '127.0.0.1', port: 0 }) : faultyUpstreams[mode]({ host: '127.0.0.1', port: 0 });

/** The captured request of a scenario (at `path`); a guarded one first fills its limit with a request of its own. */
export async function exchangeFor(port: number, mode: Scenario, path = `/${mode}`): Promise<RawExchange> {
  const send = (target: string) => rawRequest({ host: '127.0.0.1', port, path: target, timeoutMs: CLIENT_TIMEOUT_MS });
  if (mode === 'rate-limited') await send(`${path}?first`);
  if (mode !== 'overload') return send(path);
  const busy = send(`${path}?first`);
  await sleep(OVERLOAD_GAP_MS);
  const [captured] = await Promise.all([send(path), busy]);
  return captured;
}

/** The app's lines about the captured request: for a guarded scenario, not those about the request that filled the limit. */
export function appLinesFor(lines: readonly string[], mode: Scenario, path = `/${mode}`): string[] {
  return isGuarded(mode) ? lines.filter((line) => line.includes(` GET ${path} `)) : [...lines];
}

async function captureProxy(driver: ProxyDriver, modes: readonly Scenario[], dir: string, started: Array<() => Promise<void>>): Promise<Capture[]> {
  const upstreams = new Map<Scenario, FaultyUpstream>();
  for (const mode of modes) {
    const upstream = await startUpstream(mode);
    started.push(upstream.close);
    upstreams.set(mode, upstream);
  }
  const routes = modes.map((mode) => ({ path: `/${mode}`, upstreamPort: (upstreams.get(mode) as FaultyUpstream).port, ...(isGuarded(mode) ? { guard: mode } : {}) }));
  const proxy = await driver.start(routes, dir, driver.binary);
  started.push(proxy.stop);
  const paths = modes.map((mode) => `/${mode}`);
  const exchanges = await Promise.all(modes.map((mode) => exchangeFor(proxy.port, mode)));
  await waitForLogs(proxy, paths);
  return modes.map((mode, i) => ({
    proxy: driver.name,
    mode,
    exchange: exchanges[i] as RawExchange,
    logs: proxy.logsFor(`/${mode}`),
    appLog: appLinesFor((upstreams.get(mode) as FaultyUpstream).appLog, mode),
  }));
}

/** Runs every scenario through every named proxy. Proxies run side by side, each with its own upstreams and temp dir. */
export async function captureAll(proxies: readonly ProxyName[], modes: readonly Scenario[] = SCENARIOS): Promise<Capture[]> {
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
