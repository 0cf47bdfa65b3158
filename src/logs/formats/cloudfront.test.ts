import { describe, expect, it } from 'vitest';
import { detectWild, parseLine, wildLines } from '../../../test/logs/helpers.ts';
import { cloudfrontSignal, CloudFrontParser } from './cloudfront.ts';
import { KIND } from './line-parser.ts';

// The example log file of the CloudFront Developer Guide, "Standard logging reference" (log file fields),
// awsdocs/amazon-cloudfront-developer-guide@5999c0d:doc_source/AccessLogs.md: its header, first entry and first 502.
const AWS_EXAMPLE = [
  '#Version: 1.0',
  '#Fields: date time x-edge-location sc-bytes c-ip cs-method cs(Host) cs-uri-stem sc-status cs(Referer) cs(User-Agent) cs-uri-query cs(Cookie) x-edge-result-type x-edge-request-id x-host-header cs-protocol cs-bytes time-taken x-forwarded-for ssl-protocol ssl-cipher x-edge-response-result-type cs-protocol-version fle-status fle-encrypted-fields c-port time-to-first-byte x-edge-detailed-result-type sc-content-type sc-content-len sc-range-start sc-range-end',
  '2019-12-04\t21:02:31\tLAX1\t392\t192.0.2.100\tGET\td111111abcdef8.cloudfront.net\t/index.html\t200\t-\tMozilla/5.0%20(Windows%20NT%2010.0;%20Win64;%20x64)%20AppleWebKit/537.36%20(KHTML,%20like%20Gecko)%20Chrome/78.0.3904.108%20Safari/537.36\t-\t-\tHit\tSOX4xwn4XV6Q4rgb7XiVGOHms_BGlTAC4KyHmureZmBNrjGdRLiNIQ==\td111111abcdef8.cloudfront.net\thttps\t23\t0.001\t-\tTLSv1.2\tECDHE-RSA-AES128-GCM-SHA256\tHit\tHTTP/2.0\t-\t-\t11040\t0.001\tHit\ttext/html\t78\t-\t-',
  '2019-12-13\t22:36:27\tSEA19-C1\t900\t192.0.2.200\tGET\td111111abcdef8.cloudfront.net\t/favicon.ico\t502\thttp://www.example.com/\tMozilla/5.0%20(Windows%20NT%2010.0;%20Win64;%20x64)%20AppleWebKit/537.36%20(KHTML,%20like%20Gecko)%20Chrome/78.0.3904.108%20Safari/537.36\t-\t-\tError\t1pkpNfBQ39sYMnjjUQjmH2w1wdJnbHYTbag21o_3OfcQgPzdL2RSSQ==\twww.example.com\thttp\t675\t0.102\t-\t-\t-\tError\tHTTP/1.1\t-\t-\t25260\t0.102\tOriginDnsError\ttext/html\t507\t-\t-',
];

describe('CloudFrontParser', () => {
  it('is detected on its own', () => {
    expect(detectWild('cloudfront/integrations-test-cloudfront.log')).toBe('cloudfront');
  });

  it("reads the guide's example by its #Fields directive", () => {
    const p = new CloudFrontParser();
    const [version, fields, hit, dnsError] = AWS_EXAMPLE;
    expect([version, fields].map((line) => parseLine(p, line as string))).toEqual([KIND.other, KIND.other]);
    expect(parseLine(p, hit as string)).toBe(KIND.access);
    expect(p.timeMs).toBe(Date.UTC(2019, 11, 4, 21, 2, 31));
    expect(p.access()).toMatchObject({
      status: 200,
      client: '192.0.2.100',
      method: 'GET',
      path: '/index.html',
      requestId: 'SOX4xwn4XV6Q4rgb7XiVGOHms_BGlTAC4KyHmureZmBNrjGdRLiNIQ==',
      requestTime: 0.001,
      signal: null,
    });
    expect(parseLine(p, dnsError as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({
      status: 502,
      path: '/favicon.ico',
      signal: { cause: 'dns', decisive: true, evidence: { kind: 'cloudfront-result', detail: 'x-edge-result-type=Error x-edge-detailed-result-type=OriginDnsError' } },
    });
  });

  it('reads an entry met before any header in the legacy field order', () => {
    const p = new CloudFrontParser();
    expect(parseLine(p, AWS_EXAMPLE[3] as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 502, signal: { cause: 'dns' } });
  });

  // aws-solutions/aws-waf-security-automations' generated sample (wild corpus): no header, CRLF, no result type.
  it("reads a headerless entry with no result type after an edge location's name, and leaves its 5xx undecided", () => {
    const p = new CloudFrontParser();
    const entry = wildLines('cloudfront/waf-automations-cf-access-log-sample-crlf-3001-5000.log')[1] as string;
    expect(parseLine(p, entry.replace(/\r$/, ''))).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 504, signal: { cause: 'unknown', decisive: false } });
    expect(parseLine(p, entry.replace('\tIND6\t', '\tsomewhere\t'))).toBe(KIND.none);
  });

  it('reads a published file: edge errors, an origin-less 000 and a shorter last entry (wild corpus)', () => {
    // elastic/integrations aws cloudfront_logs pipeline test.
    const p = new CloudFrontParser();
    const read = wildLines('cloudfront/integrations-test-cloudfront.log').map((line) => {
      const kind = parseLine(p, line);
      return kind === KIND.access ? [p.status, p.access().signal?.cause ?? null] : kind;
    });
    expect(read).toEqual([
      KIND.other,
      KIND.other,
      [200, null],
      [200, null],
      [200, null],
      [502, 'dns'],
      [502, 'dns'],
      [502, 'dns'],
      [200, null],
      [0, 'client-closed'],
      [200, null],
      [200, null],
      [200, null],
      [404, null],
    ]);
  });

  it('leaves IIS W3C files and other lines to their formats', () => {
    const p = new CloudFrontParser();
    const [software, , , fields, entry] = wildLines('iis-w3c/lnav-w3c-big.log');
    expect([software, fields, entry].map((line) => parseLine(p, line as string))).toEqual([KIND.other, KIND.none, KIND.none]);
    expect(parseLine(p, '2024-05-01T10:00:00.000Z\tINFO\tstarted')).toBe(KIND.none);
  });
});

describe('cloudfrontSignal', () => {
  it.each([
    [502, 'Error', 'OriginConnectError', 'refused', true],
    [504, 'Error', 'OriginCommError', 'timeout', true],
    [502, 'Error', 'OriginInvalidResponseError', 'invalid-response', true],
    [502, 'Error', 'OriginHeaderTooBigError', 'header-too-big', true],
    [503, 'CapacityExceeded', 'CapacityExceeded', 'load-shed', true],
    [502, 'Error', 'Error', 'app-error', true],
    [503, 'Error', 'Error', 'app-overload', true],
    [500, 'Hit', 'Hit', 'app-error', true],
    [0, 'Miss', 'Miss', 'client-closed', true],
    [502, 'Error', null, 'unknown', false],
  ] as const)('%i %s / %s → %s', (status, result, detailed, cause, decisive) => {
    expect(cloudfrontSignal(status, result, detailed)).toMatchObject({ cause, decisive });
  });

  it('has nothing to say about other statuses', () => {
    expect(cloudfrontSignal(404, 'Error', 'Error')).toBeNull();
  });
});
