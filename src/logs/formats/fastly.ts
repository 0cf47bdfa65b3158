/**
 * Fastly's real-time log streaming as JSON, one object per line. The format is the service's own (a VCL log format
 * string), so the keys vary; the JSON format the Fastly CLI gives a new logging endpoint by default, and the log
 * platforms' set-up pages after it, use the same few names: the status (`response_status`, `status`), the request
 * (`request_method`, `url`), the client (`client_ip`), and `fastly_info.state` as `response_state` beside
 * `fastly_server` / `fastly_is_edge` (a file is taken for Fastly's when it logs a key named for Fastly, or the state
 * as `response_state`). Streamed to syslog, the lines arrive behind
 * a syslog header (wrappers/syslog.ts).
 * Who answered (developer.fastly.com reference, `fastly_info.state`): a state with `ERROR` means the request went
 * through `vcl_error`, so Fastly made the response: for a 5xx, its own 503 when fetching from the backend failed,
 * `response_reason` (obj.response) naming why ("first byte timeout", "Backend is unhealthy"… in "Fastly-generated 503
 * errors in VCL"). A backend's 5xx does not go through vcl_error: with `MISS` or `PASS` the status is the backend's,
 * with `HIT` one it answered earlier and Fastly cached. `HIT-SYNTH` is a synthetic response the service's VCL made.
 */
import { anyTime } from './log-time.ts';
import { firstNumber, firstString, parseJsonObject, type JsonObject } from './json-fields.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import type { Cause, Signal } from '../types.ts';

const STATUS_KEYS = ['response_status', 'status', 'resp_status', 'status_code', 'http_status'];
const STATE_KEYS = ['response_state', 'fastly_state', 'fastly_info_state', 'state', 'cache_state'];
/** `fastly_info.state`: a base state and its suffixes (`MISS-CLUSTER`, `PASS-WAIT`, `BG-ERROR-PASS`, `HIT-STALE`…). */
const STATE = /^(?:BG-)?(?:NONE|HITPASS|HIT|MISS|PASS|ERROR)(?:-[A-Z]+)*$/;
/** Why Fastly made its 503, from the reason it logged ("Fastly-generated 503 errors in VCL", obj.response). */
const REASON_CAUSES: Array<[RegExp, Cause]> = [
  [/timeout|timed out/i, 'timeout'],
  [/unhealthy|no healthy|all backends failed|quorum/i, 'no-live-upstream'],
  [/maximum threads|too many/i, 'load-shed'],
  [/certificate|ssl|tls/i, 'tls'],
  [/connection failed|refused/i, 'refused'],
  [/read error|closed|reset/i, 'reset'],
];

/** Whether a JSON record is Fastly's: a status, and a key named for Fastly or its state as `response_state`. */
function isFastly(obj: JsonObject): boolean {
  if (Number.isNaN(firstNumber(obj, STATUS_KEYS))) return false;
  return Object.keys(obj).some((k) => k.toLowerCase().includes('fastly')) || STATE.test(firstString(obj, ['response_state']));
}

/** Who made a 5xx, by `fastly_info.state`; null below 500 or when the record does not log the state. */
export function fastlySignal(status: number, state: string, reason: string): Signal | null {
  if (status < 500 || !STATE.test(state)) return null;
  const evidence = { kind: 'fastly-state' as const, detail: `state=${state} status=${status}${reason ? ` reason="${reason}"` : ''}` };
  if (state.includes('ERROR')) {
    const cause = REASON_CAUSES.find(([pattern]) => pattern.test(reason))?.[1] ?? 'upstream-failed';
    return { cause, confidence: 'high', decisive: true, evidence };
  }
  if (state.startsWith('HIT-SYNTH')) return { cause: 'proxy-config', confidence: 'high', decisive: true, evidence };
  if (state === 'NONE') return null;
  return { cause: status === 503 ? 'app-overload' : 'app-error', confidence: state.startsWith('HIT') ? 'medium' : 'high', decisive: true, evidence };
}

export class FastlyParser extends BaseParser {
  readonly format = 'fastly' as const;

  parse(buf: Buffer, text: string, start: number, end: number): LineKind {
    if (text.charCodeAt(start) !== 123) return KIND.none;
    const obj = parseJsonObject(buf.toString('utf8', start, end));
    if (!obj || !isFastly(obj)) return KIND.none;
    const status = firstNumber(obj, STATUS_KEYS);
    const time = anyTime(obj.timestamp ?? obj.time_start ?? obj.time);
    return this.accessLine(
      {
        status,
        timeMs: time.ms,
        tzOffsetMin: 0,
        client: firstString(obj, ['client_ip', 'clientip', 'remote_addr']),
        method: firstString(obj, ['request_method', 'method', 'request']),
        path: firstString(obj, ['url', 'request_url', 'path', 'uri']),
        requestId: firstString(obj, ['request_id', 'req_id']),
        upstream: firstString(obj, ['backend', 'backend_name', 'origin_host']),
        connection: '',
        requestTime: Number.NaN,
        signal: fastlySignal(status, firstString(obj, STATE_KEYS), firstString(obj, ['response_reason', 'reason'])),
        truncatedBy: null,
      },
      false,
    );
  }
}
