import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectWild, parseLine, wildLines } from '../../../test/logs/helpers.ts';
import { detectInput } from './detect.ts';
import { KIND } from './line-parser.ts';
import { KrakendParser } from './krakend.ts';
import { parseTimeZone } from './time-zone.ts';

// luraproject/lura#548 (Gin lines, each 500 with Lura's `Error #01: Invalid status code` under it), krakend/playground
// #19 (the same under a compose prefix), krakend-ce#885 (a [KRAKEND] error line before a 200 and its context error).
const LURA = 'krakend-gin/lura-548-invalid-status-code-500.log';
const COMPOSE = 'krakend-gin/krakend-playground-19-compose-500.log';
const CANCELED = 'krakend-gin/krakend-ce-885-context-canceled-partial.log';
const UTC = parseTimeZone('UTC');

/** A plain Gin application's request line (Grogdunn/logging-server's README, in app-request-lines.tsv). */
function plainGinLine(): string {
  const row = readFileSync(new URL('../../../test/fixtures/logs/app-request-lines.tsv', import.meta.url), 'utf8').split('\n').find((l) => l.startsWith('[GIN]'));
  return (row as string).split('\t')[0] as string;
}

describe('KrakendParser', () => {
  it("is detected by KrakenD's own lines, bare and under a compose prefix", () => {
    expect(detectWild(LURA)).toBe('krakend');
    expect(detectWild(COMPOSE)).toBe('krakend');
    expect(detectWild(CANCELED)).toBe('krakend');
  });

  it("leaves a plain Gin application's log to the app formats: Gin's line alone is no gateway's", () => {
    const line = Buffer.from(plainGinLine());
    expect(detectInput(line, true, false, { appFields: {} })?.format).not.toBe('krakend');
    expect(detectInput(line, true, false, { appFields: {}, appRequests: true })?.format).toBe('app-text');
  });

  it("reads Gin's request line: status, duration, client, method and path", () => {
    const p = new KrakendParser(UTC);
    expect(parseLine(p, wildLines(LURA)[0] as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 500, timeMs: Date.parse('2022-03-28T11:10:39Z'), client: '172.17.0.1', method: 'POST', path: '/users/verifyOTP', signal: null });
    expect(p.access().requestTime).toBeCloseTo(0.008296331, 9);
  });

  it("names the 500 KrakenD's own when Lura's error is logged under it, joined by time, client and request", () => {
    const p = new KrakendParser(UTC);
    parseLine(p, wildLines(LURA)[0] as string);
    expect(parseLine(p, wildLines(LURA)[1] as string)).toBe(KIND.proxyError);
    expect(p.errorEvent).toMatchObject({ cause: 'upstream-failed', client: '172.17.0.1', request: 'POST /users/verifyOTP', message: 'Error #01: Invalid status code', time: { ms: Date.parse('2022-03-28T11:10:39Z') } });
  });

  it("reads the error under a 200 (a partial answer) and the [KRAKEND] lines as nothing to judge", () => {
    const p = new KrakendParser(UTC);
    const lines = wildLines(CANCELED);
    expect(parseLine(p, lines[0] as string)).toBe(KIND.other);
    expect(parseLine(p, lines[1] as string)).toBe(KIND.access);
    expect(parseLine(p, lines[2] as string)).toBe(KIND.other);
  });

  it('does not read an error line with no request line right above it as an answer', () => {
    const p = new KrakendParser(UTC);
    expect(parseLine(p, wildLines(LURA)[1] as string)).toBe(KIND.other);
    expect(p.errorEvent).toBeNull();
  });
});
