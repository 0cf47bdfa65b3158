import { describe, expect, it } from 'vitest';
import { detectWild, parseLine, wildLines } from '../../../test/logs/helpers.ts';
import { AlbParser } from './alb.ts';
import { elbSignal, AwsElbParser } from './aws-elb.ts';
import { KIND } from './line-parser.ts';

// The examples of the Classic Load Balancers guide, "Access log entries" (HTTP, HTTPS, TCP and SSL listeners),
// awsdocs/elb-classic-load-balancers-user-guide@1e194ca:doc_source/access-log-collection.md.
const HTTP = '2015-05-13T23:39:43.945958Z my-loadbalancer 192.168.131.39:2817 10.0.0.1:80 0.000073 0.001048 0.000057 200 200 0 29 "GET http://www.example.com:80/ HTTP/1.1" "curl/7.38.0" - -';
const HTTPS =
  '2015-05-13T23:39:43.945958Z my-loadbalancer 192.168.131.39:2817 10.0.0.1:80 0.000086 0.001048 0.001337 200 200 0 57 "GET https://www.example.com:443/ HTTP/1.1" "curl/7.38.0" DHE-RSA-AES128-SHA TLSv1.2';
const TCP = '2015-05-13T23:39:43.945958Z my-loadbalancer 192.168.131.39:2817 10.0.0.1:80 0.001069 0.000028 0.000041 - - 82 305 "- - - " "-" - -';
const SSL =
  '2015-05-13T23:39:43.945958Z my-loadbalancer 192.168.131.39:2817 10.0.0.1:80 0.001065 0.000015 0.000023 - - 57 502 "- - - " "-" ECDHE-ECDSA-AES128-GCM-SHA256 TLSv1.2';

describe('AwsElbParser', () => {
  it('is detected on its own, and the ALB as the ALB', () => {
    expect(detectWild('aws-elb/elb2loggly-9-504.log')).toBe('aws-elb');
    expect(detectWild('aws-alb/beats-application-lb-http.log')).toBe('alb');
  });

  it("reads the guide's HTTP and HTTPS entries", () => {
    const p = new AwsElbParser();
    for (const line of [HTTP, HTTPS]) {
      expect(parseLine(p, line)).toBe(KIND.access);
      expect(p.timeMs).toBe(Date.UTC(2015, 4, 13, 23, 39, 43, 945));
      expect(p.access()).toMatchObject({ status: 200, client: '192.168.131.39', method: 'GET', path: '/', upstream: '10.0.0.1:80', signal: null });
    }
    expect(p.access().requestTime).toBeCloseTo(0.002471, 6);
  });

  it("reads the guide's TCP and SSL listener entries as TCP sessions with nothing to explain", () => {
    const p = new AwsElbParser();
    for (const line of [TCP, SSL]) {
      expect(parseLine(p, line)).toBe(KIND.access);
      expect(p.access()).toMatchObject({ status: 0, tcp: true, method: '', path: '', signal: null });
    }
  });

  it('reads a 504 the load balancer made: no backend, no backend status (wild corpus, cut after the request)', () => {
    // cboscolo/elb2loggly#9.
    const [line] = wildLines('aws-elb/elb2loggly-9-504.log');
    const p = new AwsElbParser();
    expect(parseLine(p, line as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({
      status: 504,
      client: '1.1.1.1',
      upstream: '',
      path: '/xxxx',
      signal: { cause: 'timeout', decisive: true, evidence: { kind: 'elb-status', detail: 'elb_status_code=504 backend_status_code=0' } },
    });
    expect(p.access().requestTime).toBeNaN();
  });

  it("is kept apart from the ALB's format, which starts with the request type", () => {
    // An ALB entry of the wild corpus (elastic/beats aws elb module test); the last line is a synthetic app line.
    const [alb] = wildLines('aws-alb/beats-application-lb-http.log');
    expect(parseLine(new AwsElbParser(), alb as string)).toBe(KIND.none);
    expect(parseLine(new AlbParser(), HTTP)).toBe(KIND.none);
    expect(parseLine(new AwsElbParser(), '2024-05-01T10:00:00.000Z INFO worker 3 started on port 8080 after 12 ms')).toBe(KIND.none);
  });
});

describe('elbSignal', () => {
  it.each([
    [504, '-', 'timeout', 'high'],
    [503, '-', 'no-live-upstream', 'high'],
    [502, '-', 'invalid-response', 'high'],
    [500, '-', 'upstream-failed', 'high'],
    [503, '503', 'app-overload', 'high'],
    [500, '500', 'app-error', 'high'],
    [502, '200', 'invalid-response', 'medium'],
  ])('elb %i backend %s → %s', (elb, backend, cause, confidence) => {
    expect(elbSignal(elb, backend)).toMatchObject({ cause, confidence, decisive: true });
  });

  it('has nothing to say below 500', () => {
    expect(elbSignal(404, '404')).toBeNull();
  });
});
