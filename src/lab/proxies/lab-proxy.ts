/**
 * A real proxy (nginx, HAProxy or Caddy) in front of a running lab's faulty upstreams: the lab writes its config
 * into a fresh temp dir, starts it on a free loopback port with one route per failure mode (`/fail/<mode>`, the
 * gateway's paths) and the two guarded routes (`/fail/overload`, `/fail/rate-limited`, each in front of a healthy
 * app of its own, limits.ts), relays its new log lines as they appear, and on stop ends its process group, the
 * guarded routes' apps, and removes the dir.
 */
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpwhyError } from '../../errors.ts';
import type { RunningLab } from '../lab.ts';
import { FAULT_MODES, type FaultMode } from '../upstreams/faults.ts';
import type { FaultyUpstream } from '../upstreams/types.ts';
import { DRIVERS } from './drivers.ts';
import { startGuardedUpstream } from './guarded-upstreams.ts';
import { GUARDED_SCENARIOS, type GuardedScenario } from './limits.ts';
import type { ProxyName, RequestLogs, Route, RunningProxy } from './types.ts';

export interface LabProxyOptions {
  /** The proxy's executable; where the distribution installs it unless set. */
  binary?: string;
  /** A new line of the proxy's access or error log, soon after the proxy wrote it. */
  log: (kind: keyof RequestLogs, line: string) => void;
}

export interface LabProxy {
  proxy: RunningProxy;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** The proxy's path of each failure mode. */
  paths: Record<FaultMode, string>;
  /** The proxy's path of each scenario it causes itself (limits.ts). */
  guardedPaths: Record<GuardedScenario, string>;
  /** The temp dir with the config and (nginx, Caddy) the log files. */
  dir: string;
  /** Stops the proxy and removes its dir; safe to call twice. */
  stop(): Promise<void>;
}

const LOG_POLL_MS = 250;

export async function startLabProxy(lab: RunningLab, name: ProxyName, options: LabProxyOptions): Promise<LabProxy> {
  const binary = options.binary ?? DRIVERS[name].binary;
  if (!existsSync(binary)) {
    throw new HttpwhyError('HW_ERR_LAB_PROXY_MISSING', `${name} is not installed at ${binary}. Install it (\`npm run setup:system\` installs nginx, HAProxy and Caddy on Debian) or give its path with --proxy-binary.`);
  }
  const paths = Object.fromEntries(FAULT_MODES.map((mode) => [mode, lab.paths[mode]])) as Record<FaultMode, string>;
  const guardedPaths = Object.fromEntries(GUARDED_SCENARIOS.map((s) => [s, `/fail/${s}`])) as Record<GuardedScenario, string>;
  const routes: Route[] = FAULT_MODES.map((mode) => ({ path: paths[mode], upstreamPort: lab.upstreamPorts.get(mode) as number }));
  const guardedApps: FaultyUpstream[] = [];
  const closeApps = () => Promise.all(guardedApps.map((app) => app.close()));
  const dir = mkdtempSync(join(tmpdir(), `httpwhy-lab-${name}-`));
  // nginx workers drop root privileges; they must reach the dir.
  chmodSync(dir, 0o755);
  let proxy: RunningProxy;
  try {
    for (const guard of GUARDED_SCENARIOS) {
      const app = await startGuardedUpstream(guard, { host: '127.0.0.1', port: 0 });
      guardedApps.push(app);
      routes.push({ path: guardedPaths[guard], upstreamPort: app.port, guard });
    }
    proxy = await DRIVERS[name].start(routes, dir, binary);
  } catch (error) {
    await closeApps();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }

  const relayed = { access: 0, error: 0 };
  const relay = () => {
    const logs = proxy.logs();
    for (const kind of ['access', 'error'] as const) {
      for (const line of logs[kind].slice(relayed[kind])) options.log(kind, line);
      relayed[kind] = logs[kind].length;
    }
  };
  const poll = setInterval(relay, LOG_POLL_MS);
  let stopping: Promise<void> | undefined;
  return {
    proxy,
    origin: `http://127.0.0.1:${proxy.port}`,
    paths,
    guardedPaths,
    dir,
    stop: () =>
      (stopping ??= (async () => {
        clearInterval(poll);
        relay();
        await proxy.stop();
        await closeApps();
        rmSync(dir, { recursive: true, force: true });
      })()),
  };
}
