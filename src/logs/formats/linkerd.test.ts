import { describe, expect, it } from 'vitest';
import { detectWild, parseLine, wildLines } from '../../../test/logs/helpers.ts';
import { KIND } from './line-parser.ts';
import { LinkerdParser } from './linkerd.ts';

// linkerd/website's "HTTP Access Logging" page: the same booksapp traffic in the apache and the JSON form.
const APACHE = 'linkerd-access/linkerd-website-access-logging-apache.log';
const JSON_FORM = 'linkerd-json/linkerd-website-access-logging-json.log';

describe('LinkerdParser', () => {
  it('is detected from either form', () => {
    expect(detectWild(APACHE)).toBe('linkerd');
    expect(detectWild(JSON_FORM)).toBe('linkerd');
  });

  it("reads the apache form: the client without its port, the time, the request's path, the status", () => {
    const p = new LinkerdParser();
    expect(parseLine(p, wildLines(APACHE)[1] as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 303, timeMs: Date.parse('2022-08-23T20:28:20.187Z'), client: '10.42.0.63', method: 'POST', path: '/authors', signal: null });
  });

  it('reads the JSON form, its total time in seconds, and leaves a 5xx undecided (the log does not say who made it)', () => {
    const p = new LinkerdParser();
    expect(parseLine(p, wildLines(JSON_FORM)[0] as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 200, client: '10.42.0.70', method: 'GET', path: '/', requestTime: 0.014441135 });
    // The doc's line with its status changed on purpose: the doc shows no 5xx.
    expect(parseLine(p, (wildLines(JSON_FORM)[0] as string).replace('"status":200', '"status":503'))).toBe(KIND.access);
    expect(p.access().signal).toBeNull();
  });

  it('does not read a CLF line or another JSON log', () => {
    const p = new LinkerdParser();
    expect(parseLine(p, '10.0.0.1 - - [23/Aug/2022:20:28:20 +0000] "GET / HTTP/1.1" 200 12')).toBe(KIND.none);
    expect(parseLine(p, '{"status":200,"msg":"ok"}')).toBe(KIND.none);
  });
});
