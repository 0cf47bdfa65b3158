/**
 * data/fingerprints/proxy-answers.yaml against what nginx, HAProxy and Caddy really answer: for each failure mode
 * of the faulty upstreams, the status that expectations.ts holds (hand-written, and checked against the real
 * proxies by proxies.test.ts) must be the status that proxyAnswersFor gives that proxy. Needs no proxy binary.
 */
import { describe, expect, it } from 'vitest';
import { proxyAnswersFor, type FailureDetail, type NetworkFailureKind } from '../../src/diagnose/index.ts';
import { expected } from './expectations.ts';
import { FAULT_MODES, PROXY_NAMES, type FaultMode, type ProxyName } from '../../src/lab/index.ts';

interface Failure {
  kind: NetworkFailureKind;
  detail?: FailureDetail;
  /** The upstream broke off after its response head: the proxy has already sent the status. */
  afterHead?: boolean;
}

/** The network failure each mode is, seen from the proxy; null: the application answered, nothing failed. */
const FAILURE: Record<FaultMode, Failure | null> = {
  'connection-refused': { kind: 'refused' },
  'reset-before-headers': { kind: 'reset' },
  'close-without-reply': { kind: 'empty-reply' },
  'non-http-reply': { kind: 'invalid-response', detail: 'bad-status-line' },
  'invalid-status-line': { kind: 'invalid-response', detail: 'bad-status-line' },
  'oversized-headers': { kind: 'invalid-response', detail: 'oversized-headers' },
  'slow-headers': { kind: 'timeout-response' },
  'accept-and-hang': { kind: 'timeout-response' },
  'truncated-body': { kind: 'truncated', afterHead: true },
  'app-exception': null,
  'app-unavailable': null,
};

const COMPONENT: Record<ProxyName, string> = { nginx: 'nginx', haproxy: 'HAProxy', caddy: 'Caddy' };

const cases = PROXY_NAMES.flatMap((proxy) =>
  FAULT_MODES.flatMap((mode) => {
    const failure = FAILURE[mode];
    return failure ? [{ proxy, mode, failure }] : [];
  }),
);

describe('proxy-answers.yaml agrees with the real proxies', () => {
  it.each(cases)('$proxy, $mode', ({ proxy, mode, failure }) => {
    const observed = expected(proxy, mode).proxy.status;
    const answer = proxyAnswersFor(failure.kind, null, failure.detail ?? null).find((a) => a.component === COMPONENT[proxy]);
    // No HTTP head at all (nginx relaying HTTP/0.9): the proxy has no answer to state. Cut after the head: it has no status of its own.
    const wanted = observed === null ? undefined : { status: failure.afterHead ? null : observed };
    expect(answer && { status: answer.status }).toEqual(wanted);
  });

  it('covers every failure mode the proxies are run against', () => {
    expect(Object.keys(FAILURE).toSorted()).toEqual([...FAULT_MODES].toSorted());
  });
});
