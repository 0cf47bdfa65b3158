/**
 * The healthy apps behind the guarded routes (limits.ts): for `overload` a slow app that answers 200 after
 * PROXY_LIMITS.overload.appDelayMs, for `rate-limited` an app that answers 200 at once. Both log every request
 * they answer, so an empty app log for a request means the proxy turned it away.
 */
import { appLogLine } from '../upstreams/app-log.ts';
import { startHttpApp } from '../upstreams/http-app.ts';
import { start as startSlowApp } from '../upstreams/slow-headers.ts';
import type { FaultyUpstream, StartOptions } from '../upstreams/types.ts';
import { PROXY_LIMITS, type GuardedScenario } from './limits.ts';

async function startQuickApp(options: StartOptions): Promise<FaultyUpstream> {
  const appLog: string[] = [];
  const listener = await startHttpApp(options, (request, res) => {
    appLog.push(appLogLine('INFO', request, 200, 'ok'));
    res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' }).end('ok\n');
  });
  return { port: listener.port, appLog, close: listener.close };
}

export function startGuardedUpstream(scenario: GuardedScenario, options: StartOptions): Promise<FaultyUpstream> {
  return scenario === 'overload' ? startSlowApp({ ...options, delayMs: PROXY_LIMITS.overload.appDelayMs }) : startQuickApp(options);
}
