/**
 * kamal-proxy's log (basecamp/kamal-proxy, the proxy Kamal deploys in front of each app; Go's slog JSON handler): one
 * `"msg":"Request"` record per request, written after the response (internal/server/logging_middleware.go: `host`,
 * `path`, `status`, `service`, `target`, `duration` in nanoseconds, `method`, `client_addr`…), and its own errors
 * before it (internal/server/target.go, handleProxyError): `"msg":"Error while proxying"` with the target, the path and
 * the Go error when it answered 502 itself, `"Request cancelled due to draining"` for its 504. A request that no target
 * took (`"target":""`: no healthy target, a paused or stopped service) got kamal-proxy's own answer. Any other 5xx is
 * the target's status or kamal-proxy's timeout (a 504 it does not log): the line cannot tell.
 */
import type { Cause, Signal } from '../types.ts';
import { causeOfMessage } from './error-causes.ts';
import { firstString, parseJsonObject } from './json-fields.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { parseIsoTime } from './log-time.ts';

/** kamal-proxy's records as its JSON handler writes them: time, level and one of its own messages first. */
const OWN_RECORD = /^\{"time":"[^"]+","level":"(?:DEBUG|INFO|WARN|ERROR)","msg":"(?:Request","host":"[^"]*","port":\d+,"path":|(?:Error while proxying|Request cancelled due to draining|Target health updated)","target":)/;
/** Any record of slog's JSON handler: in a file its marks make kamal-proxy's, its other messages (health checks, deploys). */
const SLOG_RECORD = /^\{"time":"[^"]+","level":"(?:DEBUG|INFO|WARN|ERROR)","msg":"/;

export const isKamalProxyMark = (line: string): boolean => OWN_RECORD.test(line);

interface OwnFailure {
  path: string;
  target: string;
  error: string;
  cause: Cause;
}

export class KamalProxyParser extends BaseParser {
  readonly format = 'kamal-proxy' as const;
  /** The failure kamal-proxy logged just before the request's own record. */
  private failure: OwnFailure | null = null;

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    const line = buf.toString('utf8', start, end);
    if (!SLOG_RECORD.test(line)) return KIND.none;
    const record = parseJsonObject(line);
    if (!record) return KIND.none;
    const msg = firstString(record, ['msg']);
    const failure = this.failure;
    this.failure = null;
    if (msg === 'Error while proxying' || msg === 'Request cancelled due to draining') {
      const error = firstString(record, ['error']);
      const cause: Cause = msg === 'Error while proxying' ? (causeOfMessage(error) ?? 'upstream-failed') : 'no-live-upstream';
      this.failure = { path: firstString(record, ['path']), target: firstString(record, ['target']), error: error || msg, cause };
      return KIND.other;
    }
    if (msg !== 'Request' || typeof record.status !== 'number') return KIND.other;
    const status = record.status;
    const target = firstString(record, ['target']);
    const path = firstString(record, ['path']);
    const own = failure !== null && failure.path === path && (status === 502 || status === 504) ? failure : null;
    const signal: Signal | null = own
      ? { cause: own.cause, confidence: 'high', decisive: true, evidence: { kind: 'error-log', detail: own.error } }
      : target === '' && status >= 500
        ? { cause: 'no-live-upstream', confidence: 'medium', decisive: true, evidence: { kind: 'no-upstream-attempt', detail: 'target ""' } }
        : null;
    const duration = typeof record.duration === 'number' ? record.duration / 1e9 : Number.NaN;
    return this.accessLine(
      {
        status,
        timeMs: parseIsoTime(firstString(record, ['time'])).ms,
        tzOffsetMin: 0,
        client: firstString(record, ['client_addr']),
        method: firstString(record, ['method']),
        path,
        requestId: firstString(record, ['request_id']),
        upstream: own?.target ?? target,
        connection: '',
        requestTime: duration,
        signal,
        truncatedBy: null,
      },
      false,
    );
  }
}
