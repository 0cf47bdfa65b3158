/**
 * Caddy v2 logs, JSON or console-encoded (caddy-console.ts), fingerprints.md §4: `http.log.access*` ("handled
 * request") and `http.log.error*` (the raw Go error as `msg`) usually share one stream, the error line just before
 * its access line.
 * A Caddy-made 5xx has an empty body and only `Server: Caddy`; an upstream's 5xx carries its own headers.
 *
 * The error line (caddyserver/caddy modules/caddyhttp/server.go `ServeHTTP`, logging.go `errLogValues`) is written
 * once per failed request, whether access logging is on or not; the access line of the same request follows it
 * (a deferred `logRequest`) only when it is. Since 2.5 a handler error is logged at level `error` only when Caddy
 * answered with the error's `status` itself: no `handle_errors` route, or that route failed too (then
 * "error handling handler error" with the first error under `first_error`); an error a route answered is at
 * `debug`. So an error-level line is the response, and counts as one when no access line claims it.
 */
import { caddyConsoleRecord } from './caddy-console.ts';
import { causeOfMessage } from './error-causes.ts';
import { firstNumber, firstString, jsonHeader, parseJsonObject, type JsonObject } from './json-fields.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { anyTime } from './log-time.ts';
import { requestKey } from './nginx-error.ts';
import type { Cause, Signal } from '../types.ts';

// X-Request-Id: the id a Caddyfile puts on every response to log it (Caddy logs the request's headers as they arrived).
const OWN_HEADERS = new Set(['server', 'alt-svc', 'x-request-id']);

export function caddySignal(status: number, size: number, respHeaders: unknown): Signal | null {
  if (status < 500) return null;
  const names = typeof respHeaders === 'object' && respHeaders !== null ? Object.keys(respHeaders) : [];
  const upstreamHeaders = names.filter((n) => !OWN_HEADERS.has(n.toLowerCase()));
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

export class CaddyParser extends BaseParser {
  readonly format = 'caddy' as const;

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    const line = buf.toString('utf8', start, end);
    const obj = line.charCodeAt(0) === 123 ? parseJsonObject(line) : caddyConsoleRecord(line);
    const logger = obj ? firstString(obj, ['logger']) : '';
    if (!obj || typeof obj.ts !== 'number') return KIND.none;
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
        upstream: /dial tcp (\S+?):? /.exec(message)?.[1] ?? '',
        appMessage: '',
        ...(obj.level === 'error' && errorStatus > 0 ? { status: errorStatus } : {}),
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
