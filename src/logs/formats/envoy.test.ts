import { describe, expect, it } from 'vitest';
import { detectWild, parseLine, wildLines } from '../../../test/logs/helpers.ts';
import { envoySignal, EnvoyParser } from './envoy.ts';
import { detectInput } from './detect.ts';
import { KIND } from './line-parser.ts';

describe('EnvoyParser', () => {
  it('reads the documented default-format example', () => {
    const p = new EnvoyParser();
    const line =
      '[2016-04-15T20:17:00.310Z] "POST /api/v1/locations HTTP/2" 204 - 154 0 226 100 "10.0.35.28" "nsq2http" "cc21d9b0-cf5c-432b-8c7e-98aeb7988cd2" "locations" "tcp://10.0.2.1:80"';
    expect(parseLine(p, line)).toBe(KIND.access);
    expect(p.timeMs).toBe(Date.UTC(2016, 3, 15, 20, 17, 0, 310));
    expect(p.access()).toMatchObject({
      status: 204,
      method: 'POST',
      path: '/api/v1/locations',
      client: '10.0.35.28',
      requestId: 'cc21d9b0-cf5c-432b-8c7e-98aeb7988cd2',
      upstream: 'tcp://10.0.2.1:80',
      requestTime: 0.226,
      signal: null,
    });
  });

  it("reads Istio's format with response code details", () => {
    const p = new EnvoyParser();
    const line =
      '[2024-05-01T10:00:00.000Z] "GET /orders HTTP/1.1" 503 UF upstream_reset_before_response_started{remote_connection_failure} - "delayed connect error: 111" 0 91 3 - "10.1.1.1" "curl/8.0" "5c1a7b1e-5f1b-4d33-9b5b-6a3a2b7a1f00" "orders:8080" "10.1.2.3:8080" outbound|8080||orders.default.svc.cluster.local - 10.96.0.10:8080 10.1.1.1:40000 - default';
    expect(parseLine(p, line)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 503, requestId: '5c1a7b1e-5f1b-4d33-9b5b-6a3a2b7a1f00', upstream: '10.1.2.3:8080', signal: { cause: 'refused' } });
  });

  it('reads the common config that logs %RESPONSE_CODE_DETAILS% alone after the flags, the failure reason last (mechanics: a synthetic line)', () => {
    const p = new EnvoyParser();
    const line =
      '[2024-05-01T10:00:00.000Z] "GET /slow HTTP/1.1" 504 UT response_timeout 0 24 4497 - "-" "curl/8.4.0" "6d67d674-2122-4a2d-b172-0be70c674371" "localhost:8000" "10.0.0.2:8080" "-"';
    expect(parseLine(p, line)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 504, path: '/slow', requestTime: 4.497, requestId: '6d67d674-2122-4a2d-b172-0be70c674371', upstream: '10.0.0.2:8080', signal: { cause: 'timeout' } });
  });

  it("leaves a gateway's via_upstream 5xx to an in-mesh service undecided (the service's sidecar may have made it), and an external host's the upstream's (corpus: envoy-text/tsb-gateway-troubleshooting-503uh-502upe.log, envoy-text/tetrate-hipstershop-external-502-passthrough.log)", () => {
    const [, gateway, sidecar] = wildLines('envoy-text/tsb-gateway-troubleshooting-503uh-502upe.log');
    const p = new EnvoyParser();
    expect(parseLine(p, gateway as string)).toBe(KIND.access);
    expect(p.access().signal).toMatchObject({ cause: 'unknown', reason: 'ambiguous-upstream-status' });
    expect(parseLine(p, sidecar as string)).toBe(KIND.access);
    expect(p.access().signal).toMatchObject({ cause: 'invalid-response' });
    const [external] = wildLines('envoy-text/tetrate-hipstershop-external-502-passthrough.log');
    expect(parseLine(p, external as string)).toBe(KIND.access);
    expect(p.access().signal).toMatchObject({ cause: 'app-error', confidence: 'high' });
  });

  it('flags a 200 whose upstream reset after the response started', () => {
    const p = new EnvoyParser();
    expect(parseLine(p, '[2024-05-01T10:00:00.000Z] "GET /big HTTP/1.1" 200 UR 0 1000 5 4 "-" "curl" "id-1" "h" "10.0.0.1:80"')).toBe(KIND.access);
    expect(p.flagged).toBe(true);
    expect(p.access().truncatedBy).toEqual({ kind: 'envoy-flags', detail: 'UR' });
  });
});

describe('EnvoyParser on published lines (test/fixtures/logs/wild/envoy-text)', () => {
  it('is detected on its own, TCP session lines included', () => {
    expect(detectWild('envoy-text/beats-envoy.log')).toBe('envoy');
    expect(detectWild('envoy-text/integrations-istio-access-failed.log')).toBe('envoy');
  });

  it("reads Istio 1.8+'s default format: response code details, and who answered", () => {
    // elastic/integrations istio access_logs pipeline test (integrations-istio-access-failed.log).
    const lines = wildLines('envoy-text/integrations-istio-access-failed.log');
    const read = lines.map((line) => {
      const p = new EnvoyParser();
      expect(parseLine(p, line)).toBe(KIND.access);
      return p.access();
    });
    expect(read.map((r) => [r.status, r.signal?.cause ?? null])).toEqual([
      [503, 'no-live-upstream'],
      [418, null],
      // 404 NR route_not_found: Envoy's own refusal (no route), read for pasted lines; the analyzer explains 5xx only.
      [404, 'proxy-config'],
      [404, 'proxy-config'],
      [400, null],
      [503, 'no-live-upstream'],
      [503, 'refused'],
      [0, 'client-closed'],
    ]);
    expect(read[6]).toMatchObject({ method: 'GET', path: '/reviews/0', requestId: '56446678-64f3-9fbf-9c4a-eca01fafba4d', upstream: '10.124.2.14:9080' });
    expect(read[6]?.signal?.evidence.detail).toBe('UF upstream_reset_before_response_started{connection_failure,delayed_connect_error:_111}');
  });

  it('reads lines whose [%START_TIME%] was cut (pasted from a report), with no time, and detects them', () => {
    const lines = wildLines('envoy-text/integrations-istio-access-failed.log').map((line) => line.slice(line.indexOf('] ') + 2));
    expect(lines[6]).toMatch(/^"GET \/reviews\/0 /);
    const read = lines.map((line) => {
      const p = new EnvoyParser();
      expect(parseLine(p, line)).toBe(KIND.access);
      return p.access();
    });
    expect(read.map((r) => [r.status, r.signal?.cause ?? null, Number.isNaN(r.timeMs)])).toEqual([
      [503, 'no-live-upstream', true],
      [418, null, true],
      [404, 'proxy-config', true],
      [404, 'proxy-config', true],
      [400, null, true],
      [503, 'no-live-upstream', true],
      [503, 'refused', true],
      [0, 'client-closed', true],
    ]);
    expect(detectInput(Buffer.from(lines.join('\n')), true, false, { appFields: {} })?.format).toBe('envoy');
  });

  it("reads a line cut after its outcome when the fields left are Envoy's own (a doc's shortened line), and nothing else so short", () => {
    // The doc's author cut its first line after the transport failure reason (wild corpus).
    const [cut, whole] = wildLines('envoy-text/docs-csm-intermittent-503s.log');
    const p = new EnvoyParser();
    expect(parseLine(p, cut as string)).toBe(KIND.access);
    expect([p.access().status, p.access().signal?.cause, p.access().path]).toEqual([503, 'refused', '/apis/hbtd/hmi/v1/heartbeat']);
    expect(parseLine(p, whole as string)).toBe(KIND.access);
    // Flags outside Envoy's vocabulary, or `-` with neither details nor byte counts after it, are some other line.
    for (const line of ['"GET / HTTP/1.1" 503 XX "-"', '"GET / HTTP/1.1" 500 -', '"GET / HTTP/1.1" 502 - "-" "curl/8.0"']) expect(parseLine(new EnvoyParser(), line)).toBe(KIND.none);
  });

  it('reads a TCP proxy session that failed to connect as a failure, not an HTTP request', () => {
    // elastic/beats envoyproxy module test (beats-envoy.log), Envoy's default format.
    const [tcp, http] = wildLines('envoy-text/beats-envoy.log');
    const p = new EnvoyParser();
    expect(parseLine(p, tcp as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 0, tcp: true, method: '', path: '', upstream: '127.0.0.1:9200', signal: { cause: 'refused', decisive: true } });
    expect(parseLine(p, http as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 200, method: 'GET', path: '/httpbin/ip', signal: null });
    expect(p.access().tcp).toBeUndefined();
  });

  it("reads Istio 1.5-1.7's format (mixer status, transport failure reason) and TCP sessions that ended well", () => {
    // istio/istio#29109, lines after their `kubectl logs --timestamps` prefix (a wrapper, not part of Envoy's line).
    const [app500, ...passthrough] = wildLines('envoy-text/istio-29109-kubectl-timestamps.log').map((line) => line.slice(line.indexOf(' ') + 1));
    const p = new EnvoyParser();
    expect(parseLine(p, app500 as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({
      status: 500,
      client: '',
      requestId: '66fa4542-266e-9364-8447-e7d63047b344',
      upstream: '127.0.0.1:8080',
      requestTime: 11.939,
      signal: { cause: 'app-error', decisive: true },
    });
    for (const line of passthrough) {
      expect(parseLine(p, line)).toBe(KIND.access);
      expect(p.access()).toMatchObject({ status: 0, tcp: true, upstream: '104.20.28.24:443', signal: null });
    }
  });
});

const outcome = (status: number, flags: string, details = '', transportFailure = '', tcp = false) => ({ status, flags, details, transportFailure, tcp });

describe('envoySignal', () => {
  it.each([
    [503, '-', 'app-overload'],
    [500, '-', 'app-error'],
    [503, 'UF,URX', 'refused'],
    [503, 'UH', 'no-live-upstream'],
    [504, 'UT', 'timeout'],
    [503, 'UC', 'reset'],
    [502, 'UPE', 'invalid-response'],
    [503, 'UO', 'load-shed'],
    [0, 'DC', 'client-closed'],
    [0, 'DR', 'client-closed'],
    [404, 'NR', 'proxy-config'],
    [504, 'UMSDR', 'timeout'],
    [403, 'UAEX', 'proxy-config'],
    [429, 'RL', 'load-shed'],
    [404, '-', null],
    [500, 'RLSE', 'load-shed'],
  ])('%i %s → %s', (status, flags, cause) => expect(envoySignal(outcome(status, flags))?.cause ?? null).toBe(cause));

  it("reads a client's HTTP/2 reset from the details where an older Envoy logged no DR flag", () => {
    expect(envoySignal(outcome(0, '-', 'http2.remote_reset'))?.cause).toBe('client-closed');
    expect(envoySignal(outcome(0, '-', 'upstream_reset_before_response_started{remote_reset}'))?.cause).toBe('upstream-failed');
  });

  it('trusts "via_upstream" (the upstream set the code) over retry flags', () => {
    expect(envoySignal(outcome(503, 'URX', 'via_upstream'))?.cause).toBe('app-overload');
    expect(envoySignal(outcome(503, 'URX'))?.cause).toBe('upstream-failed');
  });

  // wild corpus: envoy-text/tetrate-hipstershop-external-502-urx-retries.log (httpbin's /status/502 retried, service
  // time 288) against envoy-json/istio-20362-ingress-urx.log (no service time: Envoy's own 503).
  it('takes URX alone with the upstream service time for the upstream\'s last answer, passed on once retries ran out', () => {
    expect(envoySignal({ ...outcome(502, 'URX'), upstreamServiceTime: '288' })).toMatchObject({ cause: 'app-error', confidence: 'medium' });
    expect(envoySignal({ ...outcome(503, 'URX'), upstreamServiceTime: '-' })?.cause).toBe('upstream-failed');
    expect(envoySignal({ ...outcome(503, 'UF,URX'), upstreamServiceTime: '12' })?.cause).toBe('refused');
  });

  // Istio's REGISTRY_ONLY mesh answering for a host it blocks (wild corpus: envoy-text/istio-in-action-ch5-stern-502-500.log).
  it('takes details other than via_upstream without a flag for Envoy answering itself (a direct response, a filter)', () => {
    expect(envoySignal(outcome(502, '-', 'direct_response'))?.cause).toBe('proxy-config');
    expect(envoySignal(outcome(504, '-', 'request_overall_timeout'))?.cause).toBe('timeout');
    expect(envoySignal(outcome(500, '-', 'via_upstream'))?.cause).toBe('app-error');
  });

  it("takes a 4xx's details other than via_upstream for one of Envoy's filters refusing (held-out set 245's kfam line)", () => {
    expect(envoySignal(outcome(403, '-', 'rbac_access_denied_matched_policy[none]'))).toMatchObject({ cause: 'proxy-config', confidence: 'medium' });
    expect(envoySignal(outcome(401, '-', 'jwt_authn_access_denied{Jwt_is_missing}'))?.cause).toBe('proxy-config');
    expect(envoySignal(outcome(403, '-', 'via_upstream'))).toBeNull();
    expect(envoySignal(outcome(404, '-', '-'))).toBeNull();
  });

  it('names a failed TLS handshake to the upstream from the transport failure reason', () => {
    expect(envoySignal(outcome(503, 'UF', 'upstream_reset_before_response_started{connection_failure}', 'TLS error: CERTIFICATE_VERIFY_FAILED'))?.cause).toBe('tls');
    expect(envoySignal(outcome(503, 'UF', 'upstream_reset_before_response_started{connection_failure}', 'delayed connect error: 111'))?.cause).toBe('refused');
  });

  it('explains a TCP session only when a flag says it failed', () => {
    expect(envoySignal(outcome(0, '-', '', '', true))).toBeNull();
    expect(envoySignal(outcome(0, 'UF,URX', '', '', true))?.cause).toBe('refused');
    expect(envoySignal(outcome(0, '-'))?.cause).toBe('upstream-failed');
  });
});
