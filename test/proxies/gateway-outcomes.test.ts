/**
 * data/lab/gateway-outcomes.json against a live run: the built-in gateway, nginx, HAProxy and Caddy in front of
 * the same scenarios must still answer, log and be diagnosed as the committed file says (timings, ports, ids and
 * the capture date aside), so the site's comparison page and the quiz cannot go stale. A difference is reported
 * by scenario, gateway and field. When this fails after an intended change, run `node scripts/proxy-outcomes.ts`
 * and commit both files it writes.
 * The live run needs every proxy; locally it is skipped when one is missing, in CI (CI=true) it runs always.
 * It is bounded: every request gives up after 10 s, and the whole run after 60 s.
 */
import { describe, expect, it } from 'vitest';
import { gatewayOutcomes, missingProxies, PROXY_NAMES, type GatewayOutcomes, type ProxyName } from '../../src/lab/index.ts';
import { captureGateway } from './gateway-harness.ts';
import { buildGatewayOutcomes, mismatches } from './gateway-outcomes.ts';
import { captureAll } from './harness.ts';
import { toOutcome } from './outcome.ts';
import { gatewayVersions } from './versions.ts';

const runnable = process.env.CI === 'true' || missingProxies().length === 0;

/** A copy of the committed data with `change` made to it. */
function planted(change: (data: GatewayOutcomes) => void): GatewayOutcomes {
  const copy = structuredClone(gatewayOutcomes());
  change(copy);
  return copy;
}

const outcome = (data: GatewayOutcomes, scenario: string, gateway: ProxyName | 'httpwhy') => {
  const found = data.scenarios.find((s) => s.scenario === scenario)?.outcomes[gateway];
  if (!found) throw new Error(`no ${scenario} through ${gateway} in the committed data`);
  return found;
};

describe('data/lab/gateway-outcomes.json', () => {
  it('reports a planted difference by scenario, gateway and field', () => {
    const live = planted((data) => {
      outcome(data, 'slow-headers', 'nginx').status = 502;
      outcome(data, 'slow-headers', 'nginx').diagnosis.issuer = 'Caddy';
      outcome(data, 'app-exception', 'caddy').app = [];
      outcome(data, 'rate-limited', 'haproxy').retryAfter = null;
      data.versions.haproxy = '9.9.9';
      // Raw lines and responses (times, ids, ports) may differ between runs.
      outcome(data, 'reset-before-headers', 'httpwhy').access = ['another line'];
    });
    expect(mismatches(gatewayOutcomes(), live)).toEqual([
      expect.stringMatching(/^versions: haproxy is "9\.9\.9", committed "\d+\.\d+\.\d+"$/),
      'slow-headers through nginx: status is 502, committed 504',
      'slow-headers through nginx: diagnosis.issuer is "Caddy", committed "nginx"',
      'app-exception through caddy: appLogged is false, committed true',
      'rate-limited through haproxy: retryAfter is null, committed "10"',
    ]);
  });

  it.runIf(runnable)('matches a live run of the gateway and the three proxies', async () => {
    const proxies = (await captureAll(PROXY_NAMES)).map(toOutcome);
    const gateway = await captureGateway();
    const perProxy = Object.fromEntries(PROXY_NAMES.map((name) => [name, proxies.filter((o) => o.proxy === name)])) as Record<ProxyName, typeof proxies>;
    const live = buildGatewayOutcomes({ captures: { httpwhy: gateway, ...perProxy }, versions: gatewayVersions(), capturedAt: '2000-01-01' });
    expect(mismatches(gatewayOutcomes(), live)).toEqual([]);
  }, 60_000);
});
