/**
 * Real nginx, HAProxy and Caddy in front of the faulty upstreams: for each proxy and failure mode, what the
 * client really got, what the proxy logged, what the app logged, and whether the diagnosis of the client's
 * paste names the right component and cause. Expectations: expectations.ts (hand-written).
 * In CI (CI=true) a missing proxy binary fails the suite; locally the missing proxies are skipped.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { headerValue, splitResponse } from '../helpers/raw-http.ts';
import { appLogs, diagnosisMismatches, expected, GUARDED_RETRY_AFTER } from './expectations.ts';
import { captureAll } from './harness.ts';
import { toOutcome, type Outcome } from './outcome.ts';
import { GUARDED_SCENARIOS, missingProxies, PROXY_NAMES, SCENARIOS, type ProxyName } from '../../src/lab/index.ts';

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
    for (const mode of SCENARIOS) {
      const want = expected(proxy, mode).proxy;
      it(`${mode}: answers ${want.status ?? 'no HTTP head'} (${want.branding}) and logs it`, () => {
        const got = outcome(proxy, mode);
        expect({ status: got.status, branding: got.branding }).toEqual({ status: want.status, branding: want.branding });
        expect(got.signature).toMatch(want.signature);
        expect(got.appLog.length > 0, `app log: ${got.appLog.join(' | ')}`).toBe(appLogs(proxy, mode));
      });
    }

    const diagnoses = SCENARIOS.map((mode) => ({ mode, want: expected(proxy, mode).diagnosis, gap: expected(proxy, mode).diagnosis.gap ?? '' }));
    it.each(diagnoses.filter((d) => d.gap === ''))('$mode: the diagnosis names the right component and cause', ({ mode, want }) => {
      expect(diagnosisMismatches(outcome(proxy, mode).diagnosis, want)).toEqual([]);
    });
    // Known gaps are expected to fail; once the engine is fixed one turns red, and its gap comes out of expectations.ts.
    it.fails.each(diagnoses.filter((d) => d.gap !== ''))('$mode: the diagnosis has a known gap: $gap', ({ mode, want }) => {
      expect(diagnosisMismatches(outcome(proxy, mode).diagnosis, want)).toEqual([]);
    });

    it('passes the application 503 through with its Retry-After', () => {
      const response = splitResponse(outcome(proxy, 'app-unavailable').exchange.bytes);
      expect(response && headerValue(response.headers, 'Retry-After')).toBe('5');
    });

    it.each(GUARDED_SCENARIOS)('%s: Retry-After as the proxy sends it on its own refusals', (mode) => {
      const response = splitResponse(outcome(proxy, mode).exchange.bytes);
      expect(response && (headerValue(response.headers, 'Retry-After') ?? null)).toBe(GUARDED_RETRY_AFTER[proxy][mode]);
    });

    it('sends a request id the app logs with its error, and logs it too (except Caddy)', () => {
      const got = outcome(proxy, 'app-exception');
      const appId = /request_id=(\S+)/.exec(got.appLog[0] ?? '')?.[1] ?? '';
      // nginx $request_id: 32 hex; HAProxy uuid() and Caddy {http.request.uuid}: UUIDs.
      expect(appId).toMatch(/^[0-9a-f]{32}$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      // Caddy 2.6's access log records the request headers as received, so the id it added is not there (observed).
      expect(got.logs.access[0]?.includes(appId)).toBe(proxy !== 'caddy');
    });
  });
});
