import { describe, expect, it } from 'vitest';
import { detectWild, parseLine, wildLines } from '../../../test/logs/helpers.ts';
import { httpSysSignal, iisSignal, IisW3cParser } from './iis-w3c.ts';
import { KIND, type LineKind } from './line-parser.ts';
import { issuerClassOf, type Cause } from '../types.ts';

const read = (p: IisW3cParser, lines: readonly string[]): LineKind[] => lines.map((line) => parseLine(p, line));

describe('IisW3cParser', () => {
  it('is detected on its own, with or without its header', () => {
    expect(detectWild('iis-w3c/lnav-w3c-big.log')).toBe('iis-w3c');
    expect(detectWild('iis-w3c/iisintegration-201-502-3.log')).toBe('iis-w3c');
  });

  it("reads the entry of Microsoft's W3C example by its #Fields directive", () => {
    // Microsoft, "W3C Extended Log File Examples" (Windows Server 2003 / IIS 6.0), intranet site.
    const p = new IisW3cParser();
    const kinds = read(p, [
      '#Software: Microsoft Internet Information Services 6.0',
      '#Version: 1.0',
      '#Date: 2002-05-02 17:42:15',
      '#Fields: date time c-ip cs-username s-ip s-port cs-method cs-uri-stem cs-uri-query sc-status cs(User-Agent)',
      '2002-05-02 17:42:15 172.22.255.255 - 172.30.255.255 80 GET /images/picture.jpg - 200 Mozilla/4.0+(compatible;MSIE+5.5;+Windows+2000+Server)',
    ]);
    expect(kinds).toEqual([KIND.other, KIND.other, KIND.other, KIND.other, KIND.access]);
    expect(p.timeMs).toBe(Date.UTC(2002, 4, 2, 17, 42, 15));
    expect(p.access()).toMatchObject({ status: 200, client: '172.22.255.255', method: 'GET', path: '/images/picture.jpg', signal: null });
  });

  it("reads the Advanced Logging module's fields: quoted values (a quote inside written twice), date-local, time-local, TimeTakenMS", () => {
    // Parser mechanics on a made-up entry in the module's field names; the quoting is the W3C draft's <string> type.
    const p = new IisW3cParser();
    read(p, ['#Software: IIS Advanced Logging Module', '#Fields:   date-local time-local   cs-method cs-uri-stem c-ip cs(User-Agent) sc-status sc-substatus TimeTakenMS']);
    expect(parseLine(p, '2014-11-18 00:00:00.128 GET /a "10.0.0.1" "Mozilla/5.0 (X11; ""quoted"")" 502 3 1250')).toBe(KIND.access);
    expect(p.timeMs).toBe(Date.UTC(2014, 10, 18, 0, 0, 0, 128));
    expect(p.access()).toMatchObject({ status: 502, client: '10.0.0.1', path: '/a', requestTime: 1.25, signal: { cause: 'upstream-failed' } });
    expect(parseLine(p, '2014-11-18 00:00:00.128 GET /a "10.0.0.1 "Mozilla" 502 3 1250')).toBe(KIND.none);
  });

  it("reads the format as another writer lays it out: columns aligned with runs of spaces, cs-uri for the path (wild corpus: Oracle Web Cache)", () => {
    const p = new IisW3cParser();
    const kinds = read(p, wildLines('w3c-extended/lnav-w3c-1-oracle-webcache.log'));
    expect(kinds.filter((k) => k === KIND.access)).toHaveLength(1);
    expect(p.access()).toMatchObject({ status: 200, client: '64.103.37.2', method: 'GET', path: '/admin/images/oc_bottomleft.gif', signal: null });
  });

  it('takes the date of the #Date directive when the fields have only the time', () => {
    // The FTP example of the same Microsoft page.
    const p = new IisW3cParser();
    read(p, ['#Software: Microsoft Internet Information Services 6.0', '#Version: 1.0', '#Date: 2002-06-04 16:40:23', '#Fields: time c-ip cs-method cs-uri-stem sc-status ']);
    expect(parseLine(p, '16:40:23 10.152.10.200 [6994]USER anonymous 331')).toBe(KIND.access);
    expect(p.timeMs).toBe(Date.UTC(2002, 5, 4, 16, 40, 23));
    expect(p.status).toBe(331);
  });

  it('follows the #Fields directive each time IIS writes it again (wild corpus: lnav-w3c-big.log, IIS 8.5)', () => {
    const p = new IisW3cParser();
    const lines = wildLines('iis-w3c/lnav-w3c-big.log');
    const kinds = read(p, lines);
    const statuses = lines.filter((_, i) => kinds[i] === KIND.access).map((line) => line.split(' ')[11]);
    expect(kinds.filter((k) => k === KIND.access)).toHaveLength(210);
    expect(kinds.filter((k) => k === KIND.other)).toHaveLength(44);
    expect(statuses.filter((s) => s === '200')).toHaveLength(8);
    expect(statuses.filter((s) => s === '404')).toHaveLength(202);
    parseLine(p, lines[4] as string);
    expect(p.access()).toMatchObject({ status: 404, client: '157.55.39.146', method: 'GET', path: '/robots.txt', requestTime: 0.283 });
  });

  it('reads an entry a paste broke over two lines, inside its user agent (wild corpus: goaccess-1539-arr-activesync-502-3-wrapped.log)', () => {
    const p = new IisW3cParser();
    const lines = wildLines('iis-w3c/goaccess-1539-arr-activesync-502-3-wrapped.log');
    expect(read(p, lines)).toEqual([KIND.other, KIND.other, KIND.other, KIND.other, KIND.access, KIND.none, KIND.access]);
    expect(p.access()).toMatchObject({ status: 502, method: 'POST', client: '200.90.179.37', requestTime: 197.437, signal: { evidence: { detail: '502.3 sc-win32-status=1236' } } });
  });

  it('leaves an entry cut short unread when the next line starts an entry of its own', () => {
    const p = new IisW3cParser();
    const lines = wildLines('iis-w3c/goaccess-1539-arr-activesync-502-3-wrapped.log');
    const [header, , , fields, complete, cut] = lines;
    expect(read(p, [header, fields, cut, complete] as string[])).toEqual([KIND.other, KIND.other, KIND.none, KIND.access]);
  });

  it("reads a line pasted without its header with IIS's default fields, and names the forwarder's 502.3", () => {
    // aspnet/IISIntegration#201: IIS 7.x default fields, published with a trailing space.
    const [line] = wildLines('iis-w3c/iisintegration-201-502-3.log');
    const p = new IisW3cParser();
    expect(parseLine(p, line as string)).toBe(KIND.access);
    expect(p.timeMs).toBe(Date.UTC(2016, 11, 10, 3, 47, 14));
    expect(p.access()).toMatchObject({
      status: 502,
      client: '73.188.236.249',
      path: '/xyz',
      requestTime: 0.343,
      signal: { cause: 'reset', decisive: true, evidence: { kind: 'iis-status', detail: '502.3 sc-win32-status=64' } },
    });
  });

  it('reads a headerless line with other fields selected by the order IIS writes them in', () => {
    // A vendor doc's sample: no cs(Referer), sc-bytes and cs-bytes selected (`500 0 0 4786 194110 552`).
    const [line] = wildLines('iis-w3c/sumologic-fer-iis-sample.log');
    const p = new IisW3cParser();
    expect(parseLine(p, line as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({
      status: 500,
      client: '164.110.188.119',
      method: 'POST',
      requestTime: 0.552,
      signal: { cause: 'app-error', confidence: 'medium', evidence: { detail: '500.0 sc-win32-status=0' } },
    });
    // A run of numbers whose length names no fields (5: sc-bytes, or cs-bytes, or no time-taken?) is not guessed at.
    expect(parseLine(new IisW3cParser(), (line as string).replace(/ 4786 194110 552$/, ' 194110 552'))).toBe(KIND.none);
  });

  it('reads a headerless line whose standard fields are followed by a custom X-Forwarded-For field', () => {
    // Elastic's IIS test file: the default fields, then the address the custom field logged (`200 0 0 26 192.168.198.23`).
    const [line] = wildLines('iis-w3c/elastic-test-x-forward-for.log');
    const p = new IisW3cParser();
    expect(parseLine(p, line as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 200, client: '192.168.7.63', method: 'POST', requestTime: 0.026 });
    // The same line with a word in place of the address: no custom field IIS writes there, so no layout is guessed.
    expect(parseLine(new IisW3cParser(), (line as string).replace(/ 192\.168\.198\.23$/, ' word'))).toBe(KIND.none);
  });

  it("leaves CloudFront's W3C files and other lines alone", () => {
    const p = new IisW3cParser();
    const [version, fields, entry] = wildLines('cloudfront/integrations-test-cloudfront.log');
    expect(read(p, [version as string, fields as string, entry as string])).toEqual([KIND.other, KIND.none, KIND.none]);
    expect(parseLine(p, '10.0.0.1 - - [01/May/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 1 "-" "-"')).toBe(KIND.none);
    expect(parseLine(p, '# a comment')).toBe(KIND.none);
  });
});

describe('iisSignal', () => {
  it.each([
    // "Troubleshooting 502 errors in ARR" (Microsoft Learn): `502 3 12002 29889`, ERROR_WINHTTP_TIMEOUT.
    [502, '3', '12002', 'timeout', 'proxy'],
    [502, '3', '12029', 'refused', 'proxy'],
    [502, '3', '0', 'upstream-failed', 'proxy'],
    [502, '4', '0', 'no-live-upstream', 'proxy'],
    [500, '19', '13', 'proxy-config', 'proxy'],
    [500, '30', '0', 'app-start-failed', 'proxy'],
    [503, '2', '0', 'load-shed', 'proxy'],
    [500, '0', '0', 'app-error', 'app'],
  ])('%i.%s win32 %s → %s (%s-issued)', (status, sub, win32, cause, issuer) => {
    expect(iisSignal(status, sub, win32)).toMatchObject({ cause, decisive: true });
    expect(issuerClassOf(cause as Cause)).toBe(issuer);
  });

  it('leaves a sub-status it does not know undecided, and needs a 5xx with a sub-status', () => {
    expect(iisSignal(500, '99', '0')).toMatchObject({ cause: 'unknown', decisive: false, reason: 'no-signals', evidence: { detail: '500.99 sc-win32-status=0' } });
    // 503.0: IIS's "Application pool unavailable" and the ASP.NET Core Module's "Server has been shutdown" too.
    expect(iisSignal(503, '0', '0')).toMatchObject({ cause: 'unknown', decisive: false, reason: 'no-signals' });
    expect(iisSignal(404, '0', '2')).toBeNull();
    expect(iisSignal(502, '', '')).toBeNull();
  });
});

describe('httpSysSignal', () => {
  it("gives every 5xx of HTTP.sys's error log to HTTP.sys, its cause from the reason it logged (corpus: iis-httperr/beats-iis-error-test.log)", () => {
    expect(httpSysSignal(503, 'ConnLimit')).toMatchObject({ cause: 'load-shed', confidence: 'high', decisive: true, evidence: { detail: '503 s-reason=ConnLimit' } });
    expect(httpSysSignal(503, 'AppOffline')).toMatchObject({ cause: 'app-start-failed' });
    expect(httpSysSignal(505, 'Version_N/S')).toMatchObject({ cause: 'proxy-config' });
    expect(httpSysSignal(400, 'Hostname')).toBeNull();
  });
});
