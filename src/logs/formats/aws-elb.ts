/**
 * Classic Load Balancer (the first AWS ELB) access log, space-separated (Classic Load Balancers guide, "Access log
 * entries", `awsdocs/elb-classic-load-balancers-user-guide:doc_source/access-log-collection.md`):
 * `timestamp elb client:port backend:port request_processing_time backend_processing_time response_processing_time
 * elb_status_code backend_status_code received_bytes sent_bytes "request" "user_agent" ssl_cipher ssl_protocol`.
 * Unlike the ALB's (alb.ts), a line starts with its time. A TCP or SSL listener logs `- -` for both status codes and
 * `"- - - "` for the request: a TCP session, explained by no field.
 */
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { parseIsoTime } from './log-time.ts';
import { splitFields, splitRequestLine } from './split-fields.ts';
import type { Cause, Signal } from '../types.ts';

/**
 * What the load balancer's own 5xx mean ("Troubleshoot a Classic Load Balancer: HTTP errors"): 502 it could not
 * parse the instance's response, 503 no capacity or no registered / healthy instance (or a full surge queue),
 * 504 the request did not complete within the idle timeout.
 */
const OWN: Record<number, Cause> = { 502: 'invalid-response', 503: 'no-live-upstream', 504: 'timeout' };

/**
 * Who made a 5xx: `backend_status_code` is the instance's answer; `-` (or 0) means the instance never answered, so
 * the load balancer made the status; equal to `elb_status_code`, the instance's status was passed on.
 */
export function elbSignal(elbStatus: number, backendStatus: string): Signal | null {
  if (elbStatus < 500) return null;
  const evidence = { kind: 'elb-status' as const, detail: `elb_status_code=${elbStatus} backend_status_code=${backendStatus}` };
  if (backendStatus === '-' || backendStatus === '0') return { cause: OWN[elbStatus] ?? 'upstream-failed', confidence: 'high', decisive: true, evidence };
  if (backendStatus === String(elbStatus)) return { cause: elbStatus === 503 ? 'app-overload' : 'app-error', confidence: 'high', decisive: true, evidence };
  return { cause: 'invalid-response', confidence: 'medium', decisive: true, evidence };
}

const ISO_DATE = /^\d{4}-\d\d-\d\dT/;
const ADDRESS = /^(.+):\d+$/;
const TIMING = /^-?\d+(?:\.\d+)?$/;

export class AwsElbParser extends BaseParser {
  readonly format = 'aws-elb' as const;

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    // A line starts with its time: `2015-05-13T23:39:43.945958Z`.
    if (buf[start + 4] !== 0x2d || buf[start + 10] !== 0x54) return KIND.none;
    const f = splitFields(buf.toString('utf8', start, end));
    if (f.length < 12 || !ISO_DATE.test(f[0] as string)) return KIND.none;
    const client = ADDRESS.exec(f[2] as string);
    const [elbStatus, backendStatus] = [f[7] as string, f[8] as string];
    if (!client || !(f[3] === '-' || ADDRESS.test(f[3] as string)) || !f.slice(4, 7).every((t) => TIMING.test(t))) return KIND.none;
    const tcp = elbStatus === '-' && (f[11] as string).trim() === '- - -';
    if (!tcp && !/^\d{3}$/.test(elbStatus)) return KIND.none;
    const time = parseIsoTime(f[0] as string);
    if (Number.isNaN(time.ms)) return KIND.none;
    const status = tcp ? 0 : Number(elbStatus);
    const timings = f.slice(4, 7).map(Number);
    const request = tcp ? { method: '', path: '' } : splitRequestLine(f[11] as string);
    return this.accessLine(
      {
        status,
        timeMs: time.ms,
        tzOffsetMin: 0,
        client: (client[1] as string).replace(/^\[(.*)\]$/, '$1'),
        method: request.method,
        path: request.path,
        requestId: '',
        upstream: f[3] === '-' ? '' : (f[3] as string),
        connection: '',
        requestTime: timings.some((t) => t < 0) ? Number.NaN : timings.reduce((a, b) => a + b, 0),
        signal: tcp ? null : elbSignal(status, backendStatus),
        truncatedBy: null,
        ...(tcp ? { tcp: true as const } : {}),
      },
      false,
    );
  }
}
