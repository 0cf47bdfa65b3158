import { describe, expect, it } from 'vitest';
import { parseLine } from '../../../test/logs/helpers.ts';
import { albSignal, AlbParser } from './alb.ts';
import { KIND } from './line-parser.ts';

// Shape from the ALB access-log documentation (fingerprints.md §10).
const line = (elb: string, target: string, targetAddr: string, reason = '-') =>
  `https 2024-05-01T10:00:00.123456Z app/my-alb/50dc6c495c0c9188 192.168.131.39:2817 ${targetAddr} 0.000 -1 -1 ${elb} ${target} 34 366 "GET https://www.example.com:443/api/items?id=1 HTTP/1.1" "curl/8.0" ECDHE-RSA-AES128-GCM-SHA256 TLSv1.2 arn:aws:elasticloadbalancing:us-east-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067 "Root=1-58337262-36d228ad5d99923122bbe354" "www.example.com" "arn:aws:acm:us-east-2:123456789012:certificate/12345678" 0 2024-05-01T10:00:00.100000Z "forward" "-" "${reason}" "${targetAddr}" "${target}" "-" "-"`;

describe('AlbParser', () => {
  it('reads an ALB-made 502 and the fields around it', () => {
    const p = new AlbParser();
    expect(parseLine(p, line('502', '-', '10.0.0.1:80'))).toBe(KIND.access);
    expect(p.timeMs).toBe(Date.UTC(2024, 4, 1, 10, 0, 0, 123));
    expect(p.access()).toMatchObject({
      status: 502,
      client: '192.168.131.39',
      method: 'GET',
      path: '/api/items?id=1',
      requestId: 'Root=1-58337262-36d228ad5d99923122bbe354',
      upstream: '10.0.0.1:80',
      signal: { cause: 'upstream-failed', decisive: true },
    });
  });

  it('rejects lines of other formats', () => {
    expect(parseLine(new AlbParser(), '10.0.0.1 - - [01/May/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 1 "-" "-"')).toBe(KIND.none);
  });
});

describe('albSignal', () => {
  it.each([
    [502, '502', '-', 'app-error'],
    [503, '503', '-', 'app-overload'],
    [503, '-', '-', 'no-live-upstream'],
    [504, '-', '-', 'timeout'],
    [502, '-', 'LambdaInvalidResponse', 'invalid-response'],
    [502, '-', 'LambdaConnectionTimeout', 'timeout'],
    [500, '-', 'WAFConnectionError', 'proxy-config'],
    [460, '-', '-', 'client-closed'],
    [502, '200', '-', 'invalid-response'],
  ])('elb %i target %s reason %s → %s', (elb, target, reason, cause) => expect(albSignal(elb, target, reason)?.cause).toBe(cause));
});
