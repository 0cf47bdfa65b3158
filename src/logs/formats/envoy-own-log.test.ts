import { describe, expect, it } from 'vitest';
import { parseLine, wildLines } from '../../../test/logs/helpers.ts';
import { EnvoyParser } from './envoy.ts';
import { KIND } from './line-parser.ts';

/**
 * Envoy's own log lines as Envoy and Istio's agent lay them out. Built from their format strings (router.cc's
 * "upstream reset: reset reason: {}, transport failure reason: {}", filter_manager.cc's "Sending local reply with details
 * {}") in each layout's prefix: mechanics, not captures.
 */
describe("EnvoyParser: Envoy's own log beside its access lines", () => {
  it("reads a local reply for an upstream's reset as the proxy's 503, with the router's reason for it on the same stream", () => {
    const p = new EnvoyParser();
    const reset = '[2020-03-20 03:34:48.600][30][debug][router] [source/common/router/router.cc:911] [C259][S1787] upstream reset: reset reason: connection failure, transport failure reason: delayed connect error: 111';
    const reply = '[2020-03-20 03:34:48.600][30][debug][http] [source/common/http/filter_manager.cc:883] [C259][S1787] Sending local reply with details upstream_reset_before_response_started{connection_failure}';
    expect(parseLine(p, reset)).toBe(KIND.other);
    expect(parseLine(p, reply)).toBe(KIND.proxyError);
    expect(p.errorEvent).toMatchObject({ cause: 'connect-failed', status: 503, connection: '259' });
  });

  it("reads Istio's agent's layout, its Tags and its older Epoch prefix, and a TLS failure in the details", () => {
    const p = new EnvoyParser();
    const tagged =
      '2025-04-29T18:08:47.016271Z\tdebug\tenvoy http external/envoy/source/common/http/filter_manager.cc:1084\t[Tags: "ConnectionId":"446","StreamId":"5689"] Sending local reply with details upstream_reset_before_response_started{remote_connection_failure|TLS_error:|268435581:SSL_routines:OPENSSL_internal:CERTIFICATE_VERIFY_FAILED:TLS_error_end}\tthread=29';
    expect(parseLine(p, tagged)).toBe(KIND.proxyError);
    expect(p.errorEvent).toMatchObject({ cause: 'tls', status: 503, connection: '446', time: { ms: Date.UTC(2025, 3, 29, 18, 8, 47, 16.271) } });
    const epoch = '[Envoy (Epoch 0)] [2020-03-20 03:34:48.600][30][debug][http] [external/envoy/source/common/http/conn_manager_impl.cc:1354] [C259][S1787] Sending local reply with details upstream_reset_before_response_started{connection termination}';
    expect(parseLine(p, epoch)).toBe(KIND.proxyError);
    expect(p.errorEvent?.cause).toBe('reset');
    expect(parseLine(p, '2023-02-04T18:37:09.390558Z\tdebug\tenvoy http\t[C5639][S7201] Sending local reply with details no_healthy_upstream')).toBe(KIND.proxyError);
    expect(p.errorEvent).toMatchObject({ status: 503, cause: 'no-live-upstream' });
  });

  it('recognises its other lines as carrying nothing, and a local reply that is no upstream failure too', () => {
    const p = new EnvoyParser();
    expect(parseLine(p, '[2018-05-20 22:58:19.489][41][info][upstream] external/envoy/source/common/upstream/cluster_manager_impl.cc:379] add/update cluster outbound|9103||x.svc.cluster.local during init')).toBe(KIND.other);
    expect(parseLine(p, '[2021-06-04 23:08:32.814][1][debug][http] [source/common/http/filter_manager.cc:883] [C1][S2] Sending local reply with details route_not_found')).toBe(KIND.other);
    // Istio's agent's own lines (no `envoy` scope) are not Envoy's.
    expect(parseLine(p, '2022-04-11T08:48:32.216295Z\tinfo\tFLAG: --concurrency="2"')).toBe(KIND.none);
  });

  it("reads the start-up lines of a real Envoy log as Envoy's, with nothing to analyse (corpus: envoy-debug-log/envoy-9050-startup-info.log)", () => {
    const p = new EnvoyParser();
    const lines = wildLines('envoy-debug-log/envoy-9050-startup-info.log').filter((line) => line !== '');
    expect(lines.map((line) => parseLine(p, line))).toEqual(lines.map(() => KIND.other));
  });
});
