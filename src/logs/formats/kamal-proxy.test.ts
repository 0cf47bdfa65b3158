import { describe, expect, it } from 'vitest';
import { detectWild, parseLine, wildLines } from '../../../test/logs/helpers.ts';
import { isKamalProxyMark, KamalProxyParser } from './kamal-proxy.ts';
import { KIND } from './line-parser.ts';

// hotwired/hotwire-native-ios#44: one request's record; basecamp/kamal-proxy#71: a deploy's health checks failing
// (its records carry no request). The corpus table (test/fixtures/logs/wild/corpus.tsv) has their provenance.
const REQUEST = 'kamal-proxy-json/hotwire-ios-44-kamal-proxy-request.log';
const HEALTH = 'kamal-proxy-json/kamal-proxy-71-healthcheck-502.log';
const request = (status: number, target: string) =>
  `{"time":"2025-01-01T00:00:00Z","level":"INFO","msg":"Request","host":"a.example","port":443,"path":"/x","request_id":"r","status":${status},"service":"web","target":"${target}","duration":1000000}`;

describe('KamalProxyParser', () => {
  it('is detected by its own records, a request or a target health change', () => {
    expect(detectWild(REQUEST)).toBe('kamal-proxy');
    expect(detectWild(HEALTH)).toBe('kamal-proxy');
  });

  it("reads a request's record: status, time, path, service's target and duration in seconds", () => {
    const p = new KamalProxyParser();
    expect(parseLine(p, wildLines(REQUEST)[0] as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 200, timeMs: Date.parse('2024-11-10T20:10:31.389Z'), method: 'GET', path: '/fp', upstream: '758358dbac20:3000', signal: null });
  });

  it("takes a failed health check's records as no requests (the 502 in them is the target's answer to the check)", () => {
    const p = new KamalProxyParser();
    for (const line of wildLines(HEALTH).filter(Boolean)) expect(parseLine(p, line)).toBe(KIND.other);
  });

  it("mechanics (synthetic records in the layout of target.go's handleProxyError and the logging middleware): its own 502 after 'Error while proxying'; a 5xx no target took", () => {
    const p = new KamalProxyParser();
    const failed = '{"time":"2025-01-01T00:00:00Z","level":"ERROR","msg":"Error while proxying","target":"web-1:3000","path":"/x","error":"dial tcp 172.18.0.6:3000: connect: connection refused"}';
    expect(isKamalProxyMark(failed)).toBe(true);
    expect(parseLine(p, failed)).toBe(KIND.other);
    expect(parseLine(p, request(502, 'web-1:3000'))).toBe(KIND.access);
    expect(p.access().signal).toMatchObject({ cause: 'refused', decisive: true, evidence: { kind: 'error-log' } });
    expect(parseLine(p, request(502, 'web-1:3000'))).toBe(KIND.access);
    expect(p.access().signal).toBeNull();
    expect(parseLine(p, request(503, ''))).toBe(KIND.access);
    expect(p.access().signal).toMatchObject({ cause: 'no-live-upstream', evidence: { kind: 'no-upstream-attempt' } });
  });

  it("is no other Go program's slog record", () => {
    expect(isKamalProxyMark('{"time":"2025-01-01T00:00:00Z","level":"INFO","msg":"Request","path":"/x","status":200}')).toBe(false);
  });
});
