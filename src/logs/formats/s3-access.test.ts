import { describe, expect, it } from 'vitest';
import { detectWild, parseLine, wildLines } from '../../../test/logs/helpers.ts';
import { KIND } from './line-parser.ts';
import { S3AccessParser } from './s3-access.ts';

describe('S3AccessParser', () => {
  it("reads S3's server access log, its later fields too, and is detected (AWS's documented example, wild corpus)", () => {
    expect(detectWild('s3-server-access/otel-s3-valid-log-multi.log')).toBe('s3-access');
    const p = new S3AccessParser();
    const third = wildLines('s3-server-access/otel-s3-valid-log-multi.log')[2] as string;
    expect(parseLine(p, third)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 404, client: '192.0.2.3', method: 'GET', path: '/amzn-s3-demo-bucket1?policy', requestId: 'A1206F460EXAMPLE', signal: null });
    expect(p.timeMs).toBe(Date.UTC(2019, 1, 6, 0, 0, 38));
  });

  it('reads the older, shorter line of a static website bucket (Matomo log analytics\' test log)', () => {
    const p = new S3AccessParser();
    expect(parseLine(p, wildLines('s3-server-access/matomo-s3.log')[0] as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 200, path: '/index', tzOffsetMin: -300 });
  });

  it("names a 5xx S3's own, by its error code (mechanics: the documented example's status and error code changed)", () => {
    const line = (wildLines('s3-server-access/otel-s3-valid-log-multi.log')[2] as string).replace('404 NoSuchBucketPolicy', '503 SlowDown');
    const p = new S3AccessParser();
    expect(parseLine(p, line)).toBe(KIND.access);
    expect(p.access().signal).toMatchObject({ cause: 'app-overload', decisive: true, evidence: { detail: '503 SlowDown' } });
    // An access line of another server has no S3 operation where S3 writes one.
    expect(parseLine(new S3AccessParser(), '203.0.113.9 - alice [10/Oct/2000:13:55:36 -0700] "GET / HTTP/1.0" 502 2326 "-" "curl"')).toBe(KIND.none);
  });
});
