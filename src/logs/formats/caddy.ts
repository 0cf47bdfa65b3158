/**
 * Caddy v2 logs, JSON or console-encoded (caddy-console.ts), fingerprints.md §4: `http.log.access*` ("handled
 * request") and `http.log.error*` (the raw Go error as `msg`) usually share one stream, the error line just before
 * its access line.
 * A Caddy-made 5xx has an empty body and only `Server: Caddy` (with what the Caddyfile adds to every response); an
 * upstream's 5xx carries its own Date, Content-Type or Content-Length.
 *
 * The error line (caddyserver/caddy modules/caddyhttp/server.go `ServeHTTP`, logging.go `errLogValues`) is written
 * once per failed request, whether access logging is on or not; the access line of the same request follows it
 * (a deferred `logRequest`) only when it is. Since 2.5 a handler error is logged at level `error` only when Caddy
 * answered with the error's `status` itself: no `handle_errors` route, or that route failed too (then
 * "error handling handler error" with the first error under `first_error`); an error a route answered is at
 * `debug`. So an error-level line is the response, and counts as one when no access line claims it.
 */
import { caddyConsoleRecord } from './caddy-console.ts';
import { causeOfMessage, goErrorAddress } from './error-causes.ts';
import { firstNumber, firstString, jsonHeader, parseJsonObject, type JsonObject } from './json-fields.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { anyTime, ClfTime, localTime } from './log-time.ts';
import { requestKey } from './nginx-error.ts';
import type { Cause, Signal } from '../types.ts';

/**
 * Headers every upstream's answer brings through reverse_proxy (an HTTP server sets Date and a length or type on
 * whatever it sends; reverse_proxy adds Via), and Caddy's own error has none of: its other headers are Server,
 * Alt-Svc and what the Caddyfile's `header` directive sets on every response (HSTS, X-Frame-Options, CORS, an
 * X-Request-Id), so they tell nothing.
 */
const UPSTREAM_HEADERS = new Set(['content-type', 'content-length', 'date', 'via', 'transfer-encoding']);

export function caddySignal(status: number, size: number, respHeaders: unknown): Signal | null {
  if (status < 500) return null;
  const names = typeof respHeaders === 'object' && respHeaders !== null ? Object.keys(respHeaders) : [];
  const upstreamHeaders = names.filter((n) => UPSTREAM_HEADERS.has(n.toLowerCase()));
  const evidence = { kind: 'caddy-response' as const, detail: `size=${size} headers=${names.join(',') || '-'}` };
  if (upstreamHeaders.length > 0 || size > 0) {
    return { cause: status === 503 ? 'app-overload' : 'app-error', confidence: 'medium', decisive: true, evidence };
  }
  return { cause: status === 504 ? 'timeout' : status === 503 ? 'no-live-upstream' : 'upstream-failed', confidence: 'medium', decisive: true, evidence };
}

/**
 * Who made an error line's status. reverse_proxy (reverseproxy.go `statusError`): 502, 504 on a timeout, 503 with
 * "no upstreams available", and, once `retry_match` retries are exhausted, the upstream's own status ("upstream
 * response matched retry_match (status 503)"). Another handler's error (`err_trace` outside `reverseproxy.`: the
 * `error` directive, file_server) is Caddy answering by itself.
 */
export function caddyErrorCause(message: string, trace: string, status: number): Cause {
  if (message.startsWith('upstream response matched retry_match')) return status === 503 ? 'app-overload' : 'app-error';
  const cause = causeOfMessage(message);
  if (cause) return cause;
  if (trace !== '' && !trace.startsWith('reverseproxy.')) return 'proxy-config';
  return status === 504 ? 'timeout' : 'upstream-failed';
}

function requestOf(obj: JsonObject): { client: string; connection: string; method: string; path: string; id: string } {
  const client = firstString(obj, ['request.client_ip', 'request.remote_ip', 'request.remote_addr']).replace(/:\d+$/, '');
  const port = firstString(obj, ['request.remote_port']);
  const headers = (obj.request as JsonObject | undefined)?.headers;
  return {
    client,
    connection: port === '' ? '' : `${client}:${port}`,
    method: firstString(obj, ['request.method']),
    path: firstString(obj, ['request.uri']),
    id: jsonHeader(headers, 'X-Request-Id') || jsonHeader(obj.resp_headers, 'X-Request-Id'),
  };
}

/**
 * Caddy v1's errors directive (caddyserver/caddy@aadda6e34e5b85b04670ecf3bb096dead3da61fc caddyhttp/errors/errors.go):
 * `<dd/Mon/yyyy:HH:MM:SS ±zone> [ERROR <status> <path>] <Go error>` for each handler error, after the Go logger's
 * own date (`yyyy/mm/dd HH:MM:SS`, local, no zone), or with that date alone; the status is the one Caddy answered
 * with. Caddy v1 wrote no JSON access log to join it to.
 */
const V1_ERROR = /^(?:(\d{4})\/(\d\d)\/(\d\d) (\d\d):(\d\d):(\d\d) )?(?:(\d\d\/[A-Z][a-z]{2}\/\d{4}:\d\d:\d\d:\d\d [+-]\d{4}) )?\[ERROR (\d{3}) ([^\]\s]*)\] (.+)$/;

export class CaddyParser extends BaseParser {
  readonly format = 'caddy' as const;
  private readonly clf = new ClfTime();

  /** A Caddy v1 error line: a 5xx is the response Caddy made (an error in front of a 4xx says nothing to analyse). */
  private v1Error(buf: Buffer, start: number, m: RegExpExecArray): LineKind {
    const [, year, month, day, hour, minute, second, clfTime, statusText, path, messageText] = m;
    if (year === undefined && clfTime === undefined) return KIND.none;
    const status = Number(statusText);
    if (status < 500) return KIND.other;
    const at = clfTime === undefined ? -1 : start + m[0].indexOf(clfTime);
    const time =
      clfTime !== undefined
        ? { ms: this.clf.parse(buf, at, at + clfTime.length) ? this.clf.ms : Number.NaN, local: false }
        : localTime(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
    const message = messageText as string;
    this.errorEvent = {
      time,
      cause: caddyErrorCause(message, '', status),
      phase: 'header',
      message,
      client: '',
      request: requestKey('', path as string),
      connection: '',
      upstream: goErrorAddress(message),
      appMessage: '',
      status,
    };
    return KIND.proxyError;
  }

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    const line = buf.toString('utf8', start, end);
    const v1 = line.charCodeAt(0) === 123 ? null : V1_ERROR.exec(line);
    if (v1) return this.v1Error(buf, start, v1);
    const obj = line.charCodeAt(0) === 123 ? parseJsonObject(line) : caddyConsoleRecord(line);
    const logger = obj ? firstString(obj, ['logger']) : '';
    // `ts` is seconds since the epoch by default, a string under the encoder's time_format (iso8601, rfc3339...).
    if (!obj || (typeof obj.ts !== 'number' && typeof obj.ts !== 'string')) return KIND.none;
    if (!logger.startsWith('http.log.access') && !logger.startsWith('http.log.error')) {
      return typeof obj.msg === 'string' ? KIND.other : KIND.none;
    }
    const req = requestOf(obj);
    const time = anyTime(obj.ts);
    const status = Number(obj.status ?? 0);
    if (logger.startsWith('http.log.error')) {
      const message = firstString(obj, ['first_error.msg', 'msg']);
      const errorStatus = firstNumber(obj, ['first_error.status', 'status']);
      this.errorEvent = {
        time,
        cause: caddyErrorCause(message, firstString(obj, ['first_error.err_trace', 'err_trace']), errorStatus),
        phase: 'header',
        message,
        client: req.client,
        request: requestKey(req.method, req.path),
        connection: req.connection,
        upstream: goErrorAddress(message),
        appMessage: '',
        ...(String(obj.level).toLowerCase() === 'error' && errorStatus > 0 ? { status: errorStatus } : {}),
      };
      return KIND.proxyError;
    }
    const size = Number(obj.size ?? 0);
    return this.accessLine(
      {
        // 0: no handler wrote a response, and Go's server sent an empty 200 (caddyserver/caddy#5182).
        status: status === 0 ? 200 : status,
        timeMs: time.ms,
        tzOffsetMin: 0,
        client: req.client,
        method: req.method,
        path: req.path,
        requestId: req.id,
        upstream: '',
        connection: req.connection,
        requestTime: Number(obj.duration ?? Number.NaN),
        signal: caddySignal(status, size, obj.resp_headers),
        truncatedBy: null,
      },
      false,
    );
  }
}
