/**
 * Real nginx, HAProxy and Caddy in front of the faulty upstreams: for each proxy and failure mode, what the
 * client really got, what the proxy logged, what the app logged, and whether the diagnosis of the client's
 * paste names the right component and cause. Expectations: expectations.ts (hand-written).
 * In CI (CI=true) a missing proxy binary fails the suite; locally the missing proxies are skipped.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { FAULT_MODES } from '../../src/lab/index.ts';
import { headerValue, splitResponse } from '../helpers/raw-http.ts';
import { APP_LOGS, diagnosisMismatches, expected } from './expectations.ts';
import { captureAll, missingProxies, PROXY_NAMES } from './harness.ts';
import { toOutcome, type Outcome } from './outcome.ts';
import type { ProxyName } from './types.ts';

const inCi = process.env.CI === 'true';
const missing = missingProxies();
const tested = inCi ? PROXY_NAMES : PROXY_NAMES.filter((name) => !missing.includes(name));
if (!inCi && missing.length > 0) {
  console.warn(`test/proxies: skipping ${missing.join(', ')}: not installed (run \`npm run setup:system\` as root to install).`);
}

let outcomes: Outcome[] = [];
const outcome = (proxy: ProxyName, mode: string): Outcome => {
  const found = outcomes.find((o) => o.proxy === proxy && o.mode === mode);
  if (!found) throw new Error(`no capture for ${proxy} ${mode}`);
  return found;
};

beforeAll(async () => {
  if (tested.length > 0) outcomes = (await captureAll(tested)).map(toOutcome);
}, 90_000);

describe.runIf(inCi)('proxy binaries', () => {
  it('are all installed in CI', () => {
    expect(missing).toEqual([]);
  });
});

describe.each(PROXY_NAMES)('%s', (proxy) => {
  describe.skipIf(!tested.includes(proxy))('in front of each faulty upstream', () => {
    for (const mode of FAULT_MODES) {
      const want = expected(proxy, mode);

      it(`${mode}: answers ${want.proxy.status ?? 'no HTTP head'} (${want.proxy.branding}) and logs it`, () => {
        const got = outcome(proxy, mode);
        expect({ status: got.status, branding: got.branding }).toEqual({ status: want.proxy.status, branding: want.proxy.branding });
        expect(got.signature).toMatch(want.proxy.signature);
        expect(got.appLog.length > 0, `app log: ${got.appLog.join(' | ')}`).toBe(APP_LOGS[mode]);
      });

      const check = want.diagnosis.gap ? it.fails : it;
      const label = want.diagnosis.gap ? `${mode}: diagnosis (known gap: ${want.diagnosis.gap})` : `${mode}: diagnosis names ${want.diagnosis.issuer ?? want.diagnosis.verdict}`;
      check(label, () => {
        expect(diagnosisMismatches(outcome(proxy, mode).diagnosis, want.diagnosis)).toEqual([]);
      });
    }

    it('passes the application 503 through with its Retry-After', () => {
      const response = splitResponse(outcome(proxy, 'app-unavailable').exchange.bytes);
      expect(response && headerValue(response, 'Retry-After')).toBe('5');
    });

    it('sends a request id the app logs with its error', () => {
      const got = outcome(proxy, 'app-exception');
      const appId = /request_id=(\S+)/.exec(got.appLog[0] ?? '')?.[1];
      // nginx logs $request_id and HAProxy %ID in the access line; Caddy 2.6 logs the original request headers only.
      const proxyId = { nginx: / rid=(\S+)/, haproxy: / id=(\S+)$/, caddy: null }[proxy]?.exec(got.logs.access[0] ?? '')?.[1];
      const idShape = { nginx: /^[0-9a-f]{32}$/, haproxy: /^[0-9a-f-]{36}$/, caddy: /^[0-9a-f-]{36}$/ }[proxy];
      expect(appId).toMatch(idShape);
      if (proxy !== 'caddy') expect(proxyId).toBe(appId);
    });
  });
});
