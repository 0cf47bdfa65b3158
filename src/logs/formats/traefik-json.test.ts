import { describe, expect, it } from 'vitest';
import { parseLine, wildLines } from '../../../test/logs/helpers.ts';
import { KIND } from './line-parser.ts';
import { TraefikJsonParser, traefikSignal } from './traefik-json.ts';

describe('TraefikJsonParser', () => {
  it('reads a JSON access line', () => {
    const p = new TraefikJsonParser();
    const line =
      '{"ClientAddr":"10.0.0.9:51000","ClientHost":"10.0.0.9","DownstreamStatus":502,"Duration":1500000,"OriginStatus":0,"RequestMethod":"GET","RequestPath":"/api","RouterName":"api@docker","ServiceAddr":"172.18.0.3:8080","StartUTC":"2024-05-01T10:00:00.5Z","request_X-Request-Id":"r-1234567","level":"info","msg":"","time":"2024-05-01T10:00:00Z"}';
    expect(parseLine(p, line)).toBe(KIND.access);
    expect(p.access()).toMatchObject({
      status: 502,
      timeMs: Date.UTC(2024, 4, 1, 10, 0, 0, 500),
      client: '10.0.0.9',
      path: '/api',
      requestId: 'r-1234567',
      upstream: '172.18.0.3:8080',
      requestTime: 0.0015,
      signal: { cause: 'upstream-failed' },
    });
    expect(parseLine(p, '{"msg":"not an access line"}')).toBe(KIND.none);
  });
});

describe('traefikSignal', () => {
  it.each([
    [500, 500, 'unknown'],
    [503, 503, 'app-overload'],
    [502, 0, 'upstream-failed'],
    [503, Number.NaN, 'no-live-upstream'],
    [504, 0, 'timeout'],
    [499, 0, 'client-closed'],
  ])('downstream %i origin %s → %s', (down, origin, cause) => expect(traefikSignal(down, origin)?.cause).toBe(cause));

  // OriginStatus is captured around the proxy, so the proxy error handler's 502 / 504 ("Bad Gateway", "Gateway
  // Timeout" as the whole body) are there too (traefik/traefik pkg/middlewares/accesslog/field_middleware.go).
  it.each([
    [502, 502, 11, 'upstream-failed', 'medium'],
    [504, 504, 15, 'timeout', 'medium'],
    [502, 502, 150, 'app-error', 'high'],
    [502, 502, Number.NaN, 'unknown', 'low'],
  ])('downstream %i origin %i body %s → %s (%s)', (down, origin, size, cause, confidence) => {
    expect(traefikSignal(down, origin, size)).toMatchObject({ cause, confidence });
  });
});

describe('traefikSignal without the body size', () => {
  it("leaves a 502 in both fields undecided: the handler's lands in OriginStatus too (corpus: traefik-json/traefik-4452-rollingupdate-502-pretty.json, trimmed by its poster)", () => {
    expect(traefikSignal(502, 502)).toMatchObject({ cause: 'unknown', decisive: false, reason: 'ambiguous-upstream-status' });
    expect(traefikSignal(503, 503)?.cause).toBe('app-overload');
  });

  it("reads a DownstreamStatus of 0 (a WebSocket or HMR connection once upgraded) as a request that logged no status (corpus: traefik-json/rproxy-idp-nextjs)", () => {
    const p = new TraefikJsonParser();
    const line = wildLines('traefik-json/rproxy-idp-nextjs-traefik-json-access-whole.log').find((l) => l.includes('"DownstreamStatus":0'));
    expect(parseLine(p, line as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 0, tcp: true, signal: null });
  });
});
