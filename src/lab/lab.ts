/**
 * The failure lab, running: every faulty upstream, and the gateway in front of them and of the site (the
 * healthy app, with the playground). Each failure is a gateway path, `/fail/<scenario>`; everything else goes to
 * the site. Two scenarios are the gateway's own doing: `overload` (a route that takes one request at a time in
 * front of a slow app) and `rate-limited` (one request per window in front of the site).
 */
import { startGateway, type GatewayRoute, type RunningGateway } from './gateway/gateway.ts';
import { FAULT_MODES, faultyUpstreams, type FaultMode } from './upstreams/faults.ts';
import { start as startSlowApp } from './upstreams/slow-headers.ts';
import type { FaultyUpstream } from './upstreams/types.ts';

const GATEWAY_SCENARIOS = ['overload', 'rate-limited'] as const;
export type Scenario = FaultMode | (typeof GATEWAY_SCENARIOS)[number];
export const SCENARIOS: readonly Scenario[] = [...FAULT_MODES, ...GATEWAY_SCENARIOS];

/** The rate-limited route lets this many requests through per window. */
export const RATE_LIMIT = { requests: 1, windowSeconds: 10 } as const;

export interface LabOptions {
  /** Loopback; every lab server listens here. */
  host: string;
  gatewayPort: number;
  /** The healthy application behind the gateway: the site with the playground. */
  site: { host: string; port: number };
  /** The gateway's connect and header timeouts; 2 s unless set (as the real-proxy suite configures nginx). */
  timeoutMs?: number;
  accessLog: (line: string) => void;
  errorLog: (line: string) => void;
  /** An application log line of a faulty upstream, soon after the upstream wrote it. */
  appLog: (scenario: Scenario, line: string) => void;
}

export interface RunningLab {
  gateway: RunningGateway;
  /** Gateway path of each scenario. */
  paths: Record<Scenario, string>;
  /** The loopback port of each faulty upstream (a real proxy can be put in front of the same ones). */
  upstreamPorts: ReadonlyMap<Scenario, number>;
  /** Stops the gateway and every upstream; safe to call twice. */
  close(): Promise<void>;
}

const APP_LOG_POLL_MS = 250;

export async function startLab(options: LabOptions): Promise<RunningLab> {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const upstreams = new Map<Scenario, FaultyUpstream>();
  const closeUpstreams = () => Promise.all([...upstreams.values()].map((u) => u.close()));
  let gateway: RunningGateway;
  try {
    for (const mode of FAULT_MODES) upstreams.set(mode, await faultyUpstreams[mode]({ host: options.host, port: 0 }));
    // Busy for half the gateway's timeout: the first request gets its 200, the ones that arrive meanwhile are shed.
    upstreams.set('overload', await startSlowApp({ host: options.host, port: 0, delayMs: timeoutMs / 2 }));
    const routeTo = (scenario: Scenario, port: number): GatewayRoute => ({ prefix: `/fail/${scenario}`, upstream: { host: options.host, port }, name: scenario });
    const routes: GatewayRoute[] = [
      ...[...upstreams].map(([scenario, upstream]) => ({ ...routeTo(scenario, upstream.port), ...(scenario === 'overload' ? { maxInFlight: 1 } : {}) })),
      { ...routeTo('rate-limited', options.site.port), upstream: options.site, upstreamPrefix: '/', rateLimit: RATE_LIMIT },
      { prefix: '/', upstream: options.site, name: 'site' },
    ];
    gateway = await startGateway({
      host: options.host,
      port: options.gatewayPort,
      routes,
      connectTimeoutMs: timeoutMs,
      headerTimeoutMs: timeoutMs,
      accessLog: (line) => {
        flushAppLogs();
        options.accessLog(line);
      },
      errorLog: options.errorLog,
    });
  } catch (error) {
    await closeUpstreams();
    throw error;
  }

  const printed = new Map<Scenario, number>();
  function flushAppLogs(): void {
    for (const [scenario, upstream] of upstreams) {
      const from = printed.get(scenario) ?? 0;
      for (const line of upstream.appLog.slice(from)) options.appLog(scenario, line);
      printed.set(scenario, upstream.appLog.length);
    }
  }
  const poll = setInterval(flushAppLogs, APP_LOG_POLL_MS);
  let closing: Promise<void> | undefined;
  return {
    gateway,
    paths: Object.fromEntries(SCENARIOS.map((s) => [s, `/fail/${s}`])) as Record<Scenario, string>,
    upstreamPorts: new Map([...upstreams].map(([scenario, upstream]) => [scenario, upstream.port])),
    close: () =>
      (closing ??= (async () => {
        clearInterval(poll);
        await gateway.close();
        await closeUpstreams();
        flushAppLogs();
      })()),
  };
}
