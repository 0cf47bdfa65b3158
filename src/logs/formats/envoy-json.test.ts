import { describe, expect, it } from 'vitest';
import { detectWild, parseLine, wildLines } from '../../../test/logs/helpers.ts';
import { EnvoyJsonParser } from './envoy-json.ts';
import { KIND } from './line-parser.ts';

/** A line in the layout of Pomerium's access log, with the details given. */
const pomeriumLine = (details: string) =>
  `{"level":"info","service":"envoy","upstream-cluster":"route-1","method":"GET","authority":"app.example","path":"/","request-id":"r1","duration":3.5,"size":91,"response-code":503,"response-code-details":"${details}","time":"2024-05-14T10:00:00Z","message":"http-request"}`;

describe('EnvoyJsonParser', () => {
  it('is detected on its own, ahead of app JSON', () => {
    expect(detectWild('envoy-json/integrations-istio-access-json.log')).toBe('envoy-json');
    expect(detectWild('envoy-json/istio-23461-tcp-uf-urx.log')).toBe('envoy-json');
    expect(detectWild('traefik-json/integrations-format-json.log')).toBe('traefik-json');
  });

  it("reads Istio's accessLogEncoding: JSON lines", () => {
    // elastic/integrations istio access_logs pipeline test (test-access-json-logs.log).
    const [first, ipv6, codecError] = wildLines('envoy-json/integrations-istio-access-json.log');
    const p = new EnvoyJsonParser();
    expect(parseLine(p, first as string)).toBe(KIND.access);
    expect(p.timeMs).toBe(Date.UTC(2022, 8, 8, 12, 51, 5, 656));
    expect(p.access()).toMatchObject({
      status: 200,
      client: '10.124.0.13',
      method: 'GET',
      path: '/reviews/0',
      requestId: '9fcc7101-13bd-9753-98d6-820806088d9d',
      upstream: '10.124.1.5:9080',
      requestTime: 0.015,
      signal: null,
    });
    expect(parseLine(p, ipv6 as string)).toBe(KIND.access);
    expect(p.access().client).toBe('2a02:cf40::4e36');
    // An HTTP request Envoy could not parse: no method or path, but a protocol, so not a TCP session.
    expect(parseLine(p, codecError as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 400, method: '', path: '', requestId: '', upstream: '' });
    expect(p.access().tcp).toBeUndefined();
  });

  it('reads a TCP proxy session whose flags say the upstream connection failed as a proxy failure', () => {
    // istio/istio#23461: response_code "0", method and path "-", response_flags "UF,URX".
    const p = new EnvoyJsonParser();
    for (const line of wildLines('envoy-json/istio-23461-tcp-uf-urx.log')) {
      expect(parseLine(p, line)).toBe(KIND.access);
      expect(p.status).toBe(0);
      expect(p.access()).toMatchObject({ tcp: true, upstream: '10.233.92.3:2181', signal: { cause: 'refused', decisive: true, evidence: { kind: 'envoy-flags', detail: 'UF,URX' } } });
    }
  });

  it('reads typed JSON (numbers, null for unset) and other names for the request id (synthetic line)', () => {
    const p = new EnvoyJsonParser();
    const line = JSON.stringify({
      start_time: '2024-05-01T10:00:00.000Z',
      method: 'GET',
      path: '/x',
      protocol: 'HTTP/2',
      response_code: 504,
      response_flags: 'UT',
      response_code_details: 'upstream_response_timeout',
      x_request_id: 'abc',
      upstream_host: null,
      duration: 15000,
      x_forwarded_for: null,
      downstream_remote_address: '10.0.0.9:5000',
    });
    expect(parseLine(p, line)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 504, client: '10.0.0.9', requestId: 'abc', upstream: '', requestTime: 15, signal: { cause: 'timeout' } });
  });

  it('leaves JSON that is not Envoy\'s to the other formats', () => {
    const p = new EnvoyJsonParser();
    expect(parseLine(p, '{"level":"info","msg":"handled","status":502,"response_code":502}')).toBe(KIND.none);
    // The example of Envoy's default text format in Envoy's access-log docs.
    const text = '[2016-04-15T20:17:00.310Z] "POST /api/v1/locations HTTP/2" 204 - 154 0 226 100 "10.0.35.28" "nsq2http" "cc21d9b0-cf5c-432b-8c7e-98aeb7988cd2" "locations" "tcp://10.0.2.1:80"';
    expect(parseLine(p, text)).toBe(KIND.none);
  });

  it("mechanics (a line with the field names of Pomerium's access log, pomerium pkg/logfields/access.go): kebab-case keys, the details without flags deciding who answered", () => {
    const p = new EnvoyJsonParser();
    const line = pomeriumLine;
    expect(parseLine(p, line('upstream_reset_before_response_started{connection_failure}'))).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 503, method: 'GET', requestId: 'r1', timeMs: Date.UTC(2024, 4, 14, 10), signal: { cause: 'connect-failed', confidence: 'medium' } });
    expect(parseLine(p, line('via_upstream'))).toBe(KIND.access);
    expect(p.access().signal?.cause).toBe('app-overload');
  });
});
