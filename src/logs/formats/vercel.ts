/**
 * Vercel's runtime log line for a request, as its dashboard and `vercel logs` show it: `[POST] /api/chat
 * status=200`, and for an error Vercel's platform answered itself, its error code before the status: `[POST]
 * /api/chat reason=EDGE_FUNCTION_INVOCATION_TIMEOUT, status=504, user_error=true`.
 * Who answered: a `reason=` is one of Vercel's own error codes (vercel.com/docs/errors: the platform wrote the
 * response because the function timed out, crashed or could not be reached); without one, the status is the one the
 * function (or the deployment's static output) sent.
 */
import type { AccessRecord, Cause, Signal } from '../types.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';

const LINE = /^\[(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)\] (\S+) (?:reason=([A-Z0-9_]+), )?status=(\d{3})(?:, user_error=(?:true|false))?\s*$/;

/** Vercel's error codes by what they say happened (vercel.com/docs/errors); others are the platform's own failure. */
function causeOfReason(reason: string): Cause {
  if (reason.endsWith('TIMEOUT')) return 'timeout';
  if (/THROTTLED|RATE_LIMITED|TOO_MANY/.test(reason)) return 'load-shed';
  if (/PAYLOAD_TOO_LARGE|RESPONSE_(?:HEADERS_)?TOO_LARGE|HEADERS_TOO_LARGE/.test(reason)) return 'invalid-response';
  if (/NOT_FOUND|DISABLED|PAUSED|DEPLOYMENT_BLOCKED/.test(reason)) return 'proxy-config';
  return 'upstream-failed';
}

export function vercelSignal(status: number, reason: string): Signal | null {
  if (status < 500) return null;
  if (reason !== '') return { cause: causeOfReason(reason), confidence: 'high', decisive: true, evidence: { kind: 'vercel-reason', detail: `reason=${reason} status=${status}` } };
  return { cause: status === 503 ? 'app-overload' : 'app-error', confidence: 'medium', decisive: true, evidence: { kind: 'vercel-reason', detail: `status=${status} (no reason)` } };
}

export class VercelParser extends BaseParser {
  readonly format = 'vercel' as const;

  parse(buf: Buffer, text: string, start: number, end: number): LineKind {
    if (text.charCodeAt(start) !== 0x5b) return KIND.none;
    const m = LINE.exec(buf.toString('utf8', start, end));
    if (!m) return KIND.none;
    const status = Number(m[4]);
    const record: AccessRecord = {
      status,
      timeMs: Number.NaN,
      tzOffsetMin: 0,
      client: '',
      method: m[1] as string,
      path: m[2] as string,
      requestId: '',
      upstream: '',
      connection: '',
      requestTime: Number.NaN,
      signal: vercelSignal(status, m[3] ?? ''),
      truncatedBy: null,
    };
    return this.accessLine(record, false);
  }
}
