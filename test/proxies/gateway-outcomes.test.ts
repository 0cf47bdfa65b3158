/**
 * data/lab/gateway-outcomes.json against a live run: the built-in gateway, nginx, HAProxy and Caddy in front of
 * the same scenarios must still answer, log and be diagnosed as the committed file says (timings, ports, ids and
 * the capture date aside), so the site's comparison page and the quiz cannot go stale. When this fails after an
 * intended change, run `node scripts/proxy-outcomes.ts` and commit both files it writes.
 * Needs every proxy; locally it is skipped when one is missing, in CI (CI=true) it runs always.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GATEWAY_OUTCOMES_FILE, gatewayOutcomes, missingProxies, PROXY_NAMES, type ProxyName } from '../../src/lab/index.ts';
import { captureGateway } from './gateway-harness.ts';
import { buildGatewayOutcomes, comparable } from './gateway-outcomes.ts';
import { captureAll } from './harness.ts';
import { toOutcome } from './outcome.ts';
import { gatewayVersions } from './versions.ts';

const runnable = process.env.CI === 'true' || missingProxies().length === 0;

describe('data/lab/gateway-outcomes.json', () => {
  it('is valid, and what the site loads', () => {
    const committed = gatewayOutcomes();
    expect(JSON.parse(readFileSync(GATEWAY_OUTCOMES_FILE, 'utf8'))).toEqual(committed);
  });

  it.runIf(runnable)('matches a live run of the gateway and the three proxies', async () => {
    const proxies = (await captureAll(PROXY_NAMES)).map(toOutcome);
    const gateway = await captureGateway();
    const perProxy = Object.fromEntries(PROXY_NAMES.map((name) => [name, proxies.filter((o) => o.proxy === name)])) as Record<ProxyName, typeof proxies>;
    const live = buildGatewayOutcomes({ captures: { httpwhy: gateway, ...perProxy }, versions: gatewayVersions(), capturedAt: '2000-01-01' });
    expect(comparable(live)).toEqual(comparable(gatewayOutcomes()));
  }, 60_000);
});
