import { describe, expect, it } from 'vitest';
import { detectWild, parseLine, wildLines } from '../../../test/logs/helpers.ts';
import { KIND } from './line-parser.ts';
import { SkipperParser } from './skipper.ts';

// zalando/skipper's plugin docs (an untimed ERRO line, then the access line), zalando/skipper#1649 (three [APP]
// records on one line, then the access line), #1975 (the error record broken over two lines, then the JSON access line).
const DOCS = 'skipper/skipper-docs-plugins-geoip-500.log';
const TEXT = 'skipper/skipper-1649-concatenated-app-errors-502.log';
const JSON_FORM = 'skipper-json/skipper-1975-wrapped-app-error-json-access-502.log';

describe('SkipperParser', () => {
  it('is detected from its text and its JSON access lines', () => {
    expect(detectWild(DOCS)).toBe('skipper');
    expect(detectWild(TEXT)).toBe('skipper');
    expect(detectWild(JSON_FORM)).toBe('skipper');
  });

  it("reads the access line's combined fields, its duration in ms and no flow id ('-')", () => {
    const p = new SkipperParser();
    expect(parseLine(p, wildLines(DOCS)[1] as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 500, timeMs: Date.parse('2018-11-28T13:39:40Z'), client: '107.12.53.5', method: 'GET', path: '/', requestTime: 2.753, requestId: '' });
  });

  it('names the 500 Skipper made when its untimed error line comes right before the access line, with the error as evidence', () => {
    const p = new SkipperParser();
    expect(parseLine(p, wildLines(DOCS)[0] as string)).toBe(KIND.other);
    expect(parseLine(p, wildLines(DOCS)[1] as string)).toBe(KIND.access);
    expect(p.access().signal).toMatchObject({ cause: 'reset', decisive: true, evidence: { kind: 'error-log', detail: 'status code 500: dialing failed false: EOF' } });
  });

  it('reads the error line among other [APP] records on its line: the status, the cause, the client and the request it names', () => {
    const p = new SkipperParser();
    expect(parseLine(p, wildLines(TEXT)[0] as string)).toBe(KIND.proxyError);
    expect(p.errorEvent).toMatchObject({ cause: 'refused', client: 'X.X.X.X', request: 'GET /', time: { ms: Date.parse('2020-12-10T08:29:15Z') } });
  });

  it('reads the JSON access line with its flow-id key, and leaves a 5xx with no error line undecided', () => {
    const p = new SkipperParser();
    const line = wildLines(JSON_FORM).find((l) => l.startsWith('{')) as string;
    expect(parseLine(p, line)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 502, client: '100.64.144.195', method: 'GET', path: '/favicon.ico', signal: null });
  });

  it('does not read a plain combined line or another JSON log', () => {
    const p = new SkipperParser();
    expect(parseLine(p, '10.0.0.1 - - [23/Aug/2022:20:28:20 +0000] "GET / HTTP/1.1" 200 12 "-" "curl/8.0"')).toBe(KIND.none);
    expect(parseLine(p, '{"status":200,"msg":"ok"}')).toBe(KIND.none);
  });
});
