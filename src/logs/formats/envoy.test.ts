import { describe, expect, it } from 'vitest';
import { parseLine } from '../../../test/logs/helpers.ts';
import { envoySignal, EnvoyParser } from './envoy.ts';
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

  it('flags a 200 whose upstream reset after the response started', () => {
    const p = new EnvoyParser();
    expect(parseLine(p, '[2024-05-01T10:00:00.000Z] "GET /big HTTP/1.1" 200 UR 0 1000 5 4 "-" "curl" "id-1" "h" "10.0.0.1:80"')).toBe(KIND.access);
    expect(p.flagged).toBe(true);
    expect(p.access().truncatedBy).toEqual({ kind: 'envoy-flags', detail: 'UR' });
  });
});

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
    [404, 'NR', null],
  ])('%i %s → %s', (status, flags, cause) => expect(envoySignal(status, flags, '')?.cause ?? null).toBe(cause));
});
