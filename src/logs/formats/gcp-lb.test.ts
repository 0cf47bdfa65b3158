import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLine } from '../../../test/logs/helpers.ts';
import { detectInput } from './detect.ts';
import { gcpSignal, GcpLbParser } from './gcp-lb.ts';
import { KIND } from './line-parser.ts';

// elastic/integrations@7fc83f204d4a65a55086067095c013e9d0dfd692:packages/gcp/data_stream/loadbalancing_logs/_dev/test/
// pipeline/test-load-balancer.log (wild corpus, Elastic-2.0): three LoadBalancerLogEntry records, 304 from cache.
const corpus = readFileSync(new URL('../../../test/fixtures/logs/wild/gcp-lb/integrations-test-load-balancer.log', import.meta.url));
const corpusLines = corpus.toString('utf8').split('\n');

/** Synthetic, for mechanics only: the corpus entry with its status and statusDetails replaced. */
function withOutcome(status: number | undefined, statusDetails: string): string {
  const entry = JSON.parse(corpusLines[2] as string) as { httpRequest: Record<string, unknown>; jsonPayload: Record<string, unknown> };
  if (status === undefined) delete entry.httpRequest.status;
  else entry.httpRequest.status = status;
  entry.jsonPayload.statusDetails = statusDetails;
  return JSON.stringify(entry);
}

describe('GcpLbParser', () => {
  it('reads the corpus entries: URL path, client without its port, backend, trace id, latency', () => {
    const p = new GcpLbParser();
    expect(parseLine(p, corpusLines[2] as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({
      status: 304,
      timeMs: Date.parse('2020-06-08T23:41:30.078Z'),
      client: '89.160.20.156',
      method: 'GET',
      path: '/static/us/three-cats.jpg',
      requestId: '241d69833e64b3bf83fabac8c873d992',
      upstream: '10.5.3.1:9090',
      signal: null,
      truncatedBy: null,
    });
    expect(parseLine(p, corpusLines[0] as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ client: '89.160.20.156', upstream: '' });
  });

  // prashanth0686/amilia's Cloud Run request entry (held-out logs set 45), as Cloud Logging exported it.
  it("reads Cloud Run's request log entry, its 5xx undecided (no statusDetails)", () => {
    const entry = JSON.stringify(JSON.parse(readFileSync(new URL('../../../test/fixtures/logs/wild/gcp-cloudrun-request/prashanth0686-amilia-cloudrun-request-502.json', import.meta.url), 'utf8')));
    const p = new GcpLbParser();
    expect(parseLine(p, entry)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 502, method: 'POST', path: '/book', client: '35.187.142.68', signal: null });
    expect(parseLine(new GcpLbParser(), entry.replace('cloud_run_revision', 'gae_app'))).toBe(KIND.none);
  });

  it('is how the corpus file is detected (before app JSON, which reads any JSON)', () => {
    expect(detectInput(corpus, true, false, { appFields: {} })).toMatchObject({ format: 'gcp-lb', matched: 3 });
  });

  it('reads a 5xx with its statusDetails, an entry without a status, and a body cut short (synthetic entries)', () => {
    const p = new GcpLbParser();
    expect(parseLine(p, withOutcome(502, 'failed_to_pick_backend'))).toBe(KIND.access);
    expect(p.access().signal).toEqual({
      cause: 'no-live-upstream',
      confidence: 'high',
      decisive: true,
      evidence: { kind: 'gcp-status-details', detail: 'status=502 statusDetails=failed_to_pick_backend' },
    });
    expect(parseLine(p, withOutcome(undefined, 'client_disconnected_before_any_response'))).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 0, signal: { cause: 'client-closed' } });
    expect(parseLine(p, withOutcome(200, 'backend_connection_closed_after_partial_response_sent'))).toBe(KIND.access);
    expect(p.flagged).toBe(true);
    expect(p.access().truncatedBy?.kind).toBe('gcp-status-details');
  });

  it('leaves other Cloud Logging entries to other parsers', () => {
    const p = new GcpLbParser();
    const entry = JSON.parse(corpusLines[0] as string) as { resource: { type: string }; jsonPayload: Record<string, unknown> };
    entry.resource.type = 'cloud_run_revision';
    delete entry.jsonPayload.statusDetails;
    expect(parseLine(p, JSON.stringify(entry))).toBe(KIND.none);
    expect(parseLine(p, '{"level":30,"msg":"listening"}')).toBe(KIND.none);
  });
});

describe('gcpSignal', () => {
  // Values of Google's statusDetails tables (https-logging-monitoring) and Envoy's response code details.
  it.each([
    [502, 'response_sent_by_backend', 'app-error', 'high'],
    [503, 'response_sent_by_backend', 'app-overload', 'high'],
    [500, 'via_upstream', 'app-error', 'high'],
    [500, 'response_from_cache', 'app-error', 'medium'],
    [502, 'failed_to_connect_to_backend', 'connect-failed', 'high'],
    [502, 'failed_to_pick_backend', 'no-live-upstream', 'high'],
    [502, 'backend_timeout', 'timeout', 'high'],
    [502, 'backend_connection_closed_before_data_sent_to_client', 'reset', 'high'],
    [502, 'backend_response_headers_too_long', 'header-too-big', 'high'],
    [502, 'backend_early_response_with_non_error_status', 'invalid-response', 'high'],
    [502, 'ssl_certificate_chain_verification_failed', 'tls', 'high'],
    [0, 'client_disconnected_before_any_response', 'client-closed', 'high'],
    [503, 'no_healthy_upstream', 'no-live-upstream', 'high'],
    [503, 'upstream_reset_before_response_started{connection_failure}', 'connect-failed', 'high'],
    [503, 'upstream_reset_before_response_started{remote_reset}', 'reset', 'high'],
    [504, 'upstream_response_timeout', 'timeout', 'high'],
    [503, 'some_future_value', 'no-live-upstream', 'medium'],
  ])('%i %s → %s (%s)', (status, details, cause, confidence) => {
    expect(gcpSignal(status, details)).toMatchObject({ cause, confidence, decisive: true });
  });

  it('says nothing without statusDetails or below 500', () => {
    expect(gcpSignal(502, '')).toBeNull();
    expect(gcpSignal(304, 'response_from_cache')).toBeNull();
  });
});
