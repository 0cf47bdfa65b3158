import { describe, expect, it } from 'vitest';
import { detectWild, parseLine, wildLines } from '../../../test/logs/helpers.ts';
import { KIND } from './line-parser.ts';
import { isTraefikLogMark, TraefikLogParser } from './traefik-log.ts';

// Traefik 1.7's debug log from ebiecologne/portainer_swarm (test/fixtures/logs/wild/corpus.tsv has its provenance).
const PORTAINER = 'traefik-log/portainer-swarm-traefik17-debug-lines-1-2000.log';

describe('TraefikLogParser', () => {
  it("is detected by Traefik's own lines, bare and under docker service logs' prefix", () => {
    expect(detectWild(PORTAINER)).toBe('traefik-log');
    expect(detectWild('traefik-log/traefik-3237-docker-logs-502-eof.log')).toBe('traefik-log');
    expect(detectWild('traefik-log/traefik-4426-swarm-service-logs-504-dial-timeout.log')).toBe('traefik-log');
  });

  it("reads the error handler's line as the response Traefik made, and oxy's round trip after it as the request", () => {
    const lines = wildLines(PORTAINER);
    const at = lines.findIndex((l) => l.includes("'504 Gateway Timeout' caused by"));
    const p = new TraefikLogParser();
    expect(parseLine(p, lines[at] as string)).toBe(KIND.proxyError);
    expect(p.errorEvent).toMatchObject({ status: 504, cause: 'timeout', upstream: '10.11.0.119:9000', time: { ms: Date.parse('2019-08-01T15:03:41Z') } });
    expect(parseLine(p, lines[at + 1] as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 504, upstream: '10.11.0.119:9000', timeMs: Date.parse('2019-08-01T15:03:41Z'), requestTime: 30.001020399 });
  });

  it('takes the cause from the Go error: EOF is the upstream closing, a cancelled context the client going away', () => {
    const [eof] = wildLines('traefik-log/traefik-3237-docker-logs-502-eof.log');
    const p = new TraefikLogParser();
    expect(parseLine(p, eof as string)).toBe(KIND.proxyError);
    expect(p.errorEvent).toMatchObject({ status: 502, cause: 'reset' });
    const gone = wildLines(PORTAINER).find((l) => l.includes("'499 Client Closed Request' caused by")) as string;
    expect(parseLine(p, gone)).toBe(KIND.proxyError);
    expect(p.errorEvent).toMatchObject({ status: 499, cause: 'client-closed' });
  });

  it("mechanics (synthetic lines in the layout of Traefik 3's ErrorHandlerWithContext): zerolog's console line, and a retried attempt's status withdrawn", () => {
    const p = new TraefikLogParser();
    expect(parseLine(p, '2025-01-02T03:04:05Z DBG github.com/traefik/traefik/v3/pkg/proxy/httputil/proxy.go:121 > 502 Bad Gateway error="dial tcp 10.0.0.2:81: connect: connection refused"')).toBe(KIND.proxyError);
    const attempt = p.errorEvent;
    expect(attempt).toMatchObject({ status: 502, cause: 'refused', upstream: '10.0.0.2:81' });
    expect(parseLine(p, 'DBG > New attempt 2 for request: /retry middlewareName=retry@file middlewareType=Retry')).toBe(KIND.other);
    expect(attempt?.status).toBeUndefined();
    expect(parseLine(p, 'DBG > 504 Gateway Timeout error="net/http: timeout awaiting response headers"')).toBe(KIND.proxyError);
    expect(p.errorEvent).toMatchObject({ status: 504, cause: 'timeout', time: { ms: Number.NaN } });
    // Another status in that layout is no line of the error handler's, and text in no layout of Traefik's no line of its log.
    expect(parseLine(p, 'DBG > 404 Not Found error="x"')).toBe(KIND.other);
    expect(parseLine(p, '502 Bad Gateway error="x"')).toBe(KIND.none);
  });

  it("marks a file by Traefik's error and round-trip lines only, not by any logrus line", () => {
    const lines = wildLines(PORTAINER);
    expect(isTraefikLogMark(lines.find((l) => l.includes('caused by')) as string)).toBe(true);
    expect(isTraefikLogMark(lines.find((l) => l.includes('Round trip')) as string)).toBe(true);
    expect(isTraefikLogMark(lines[0] as string)).toBe(false);
  });

  it("marks a log of Traefik's own with no failure in it by its start-up line or a provider's warning (held-out sets 73, 75 and 77)", () => {
    expect(detectWild('traefik-log/alexschnk-homelab-traefik.log')).toBe('traefik-log');
    expect(detectWild('traefik-log/bitnami-charts-19289-no-endpoints.log')).toBe('traefik-log');
    expect(detectWild('traefik-log/coolify-2748-traefik-closed-listener.log')).toBe('traefik-log');
    const startUp = wildLines('traefik-log/alexschnk-homelab-traefik.log').find((l) => l.includes('Traefik version')) as string;
    expect(isTraefikLogMark(startUp)).toBe(true);
    // A provider's debug line is no mark: Traefik's JSON access log shares a stream with them (traefik/traefik-helm-chart#197).
    const debug = wildLines('traefik-json/traefik-helm-197-ping.log').find((l) => l.includes('providerName=')) as string;
    expect(isTraefikLogMark(debug)).toBe(false);
  });
});

describe("Traefik 3's proxy error with its caller's path", () => {
  it('marks a 500 of its ErrorHandler as Traefik\'s, read as a TLS failure (corpus: traefik-log/traefik-v3-11373-dbg-500-tls.log)', () => {
    const line = wildLines('traefik-log/traefik-v3-11373-dbg-500-tls.log')[0] ?? '';
    expect(isTraefikLogMark(line)).toBe(true);
    expect(isTraefikLogMark(line.replace(/github\.com\/\S+ /, ''))).toBe(false);
  });

  it("reads a 3.x proxy error with its short caller and the error after a `|`, as a reporter copied it (corpus: traefik-log/pangolin-1028)", () => {
    const [line] = wildLines('traefik-log/pangolin-1028-v3-console-dbg-502-no-route.log');
    expect(isTraefikLogMark(line as string)).toBe(true);
    const p = new TraefikLogParser();
    expect(parseLine(p, line as string)).toBe(KIND.proxyError);
    expect(p.errorEvent).toMatchObject({ status: 502, cause: 'unreachable', message: '502 Bad Gateway: dial tcp x.x.x.x:53007: connect: no route to host' });
  });
});
