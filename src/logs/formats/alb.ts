/**
 * AWS Application Load Balancer access log (fingerprints.md §10, logs-and-lab.md §1.3): space-separated,
 * `type time elb client:port target:port rpt tpt rspt elb_status target_status rx tx "request" "ua" … "error_reason" …`.
 * `target_status_code` "-" means the target never answered, so the ALB made the status.
 */
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { parseIsoTime } from './log-time.ts';
import { splitFields, splitRequestLine, withoutPort } from './split-fields.ts';
import type { Cause, Signal } from '../types.ts';

const TYPES = new Set(['http', 'https', 'h2', 'grpcs', 'ws', 'wss']);
const BY_STATUS: Record<number, Cause> = { 460: 'client-closed', 500: 'proxy-config', 502: 'upstream-failed', 503: 'no-live-upstream', 504: 'timeout' };

function reasonCause(reason: string): Cause | null {
  if (/Timeout/.test(reason)) return 'timeout';
  if (/Throttl/.test(reason)) return 'load-shed';
  if (/InvalidResponse|ResponseTooLarge/.test(reason)) return 'invalid-response';
  if (/^(?:Auth|WAF|AWSALB|Weighted)/.test(reason)) return 'proxy-config';
  return null;
}

export function albSignal(elbStatus: number, targetStatus: string, errorReason: string): Signal | null {
  const detail = `elb_status_code=${elbStatus} target_status_code=${targetStatus} error_reason=${errorReason}`;
  const evidence = { kind: 'alb-status' as const, detail };
  if (elbStatus < 500 && elbStatus !== 460) return null;
  if (targetStatus === '-' || elbStatus === 460) {
    const cause = (errorReason !== '-' ? reasonCause(errorReason) : null) ?? BY_STATUS[elbStatus] ?? 'upstream-failed';
    return { cause, confidence: 'high', decisive: true, evidence };
  }
  if (targetStatus === String(elbStatus)) return { cause: elbStatus === 503 ? 'app-overload' : 'app-error', confidence: 'high', decisive: true, evidence };
  return { cause: 'invalid-response', confidence: 'medium', decisive: true, evidence };
}

export class AlbParser extends BaseParser {
  readonly format = 'alb' as const;

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    const f = splitFields(buf.toString('utf8', start, end));
    if (f.length < 16 || !TYPES.has(f[0] as string) || !/^\d{3}$/.test(f[8] as string)) return KIND.none;
    const time = parseIsoTime(f[1] as string);
    if (Number.isNaN(time.ms)) return KIND.none;
    const status = Number(f[8]);
    const request = splitRequestLine(f[12] as string);
    const target = f[4] as string;
    const errorReason = f[24] ?? '-';
    const traceId = f[17] ?? '-';
    return this.accessLine(
      {
        status,
        timeMs: time.ms,
        tzOffsetMin: 0,
        client: withoutPort(f[3] as string),
        method: request.method,
        path: request.path,
        requestId: traceId === '-' ? '' : traceId,
        upstream: target === '-' ? '' : target,
        connection: '',
        requestTime: Number(f[6]) >= 0 ? Number(f[6]) : Number.NaN,
        signal: albSignal(status, f[9] as string, errorReason),
        truncatedBy: null,
      },
      false,
    );
  }
}
