/**
 * The gateway's log lines, written the way nginx writes them (fingerprints.md §1b, §1d) so that `httpwhy logs`
 * and anyone used to nginx read them without a new format: an access line per request, with the upstream
 * variables and the request id, and an error-log line per failure.
 */

/** The access format as an nginx `log_format`; pass it to `httpwhy logs --format` (the analyzer also infers it). */
export const GATEWAY_LOG_FORMAT =
  '$remote_addr - - [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" rid=$request_id conn=$connection upstream=$upstream_addr us=$upstream_status uct=$upstream_connect_time uht=$upstream_header_time urt=$upstream_response_time rt=$request_time';

export interface AccessFields {
  client: string;
  /** Milliseconds since the epoch when the request arrived. */
  time: number;
  request: string;
  status: number;
  bodyBytes: number;
  referer: string | undefined;
  userAgent: string | undefined;
  requestId: string;
  connection: number;
  /** `host:port`, or undefined when no upstream was tried. */
  upstream: string | undefined;
  /** The upstream's status, or the gateway's own 502/504 for a failed attempt (as nginx records it). */
  upstreamStatus: number | undefined;
  /** Milliseconds from the start of the attempt; undefined: the phase never completed ("-"). */
  connectMs: number | undefined;
  headerMs: number | undefined;
  responseMs: number | undefined;
  requestMs: number;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** Anything but printable ASCII, and the double quote and the backslash. */
const UNSAFE = /[^\x20\x21\x23-\x5b\x5d-\x7e]/u;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'gu');

/** nginx escapes the double quote, the backslash and bytes outside printable ASCII in log variables as \xHH (UTF-8 bytes, upper-case hex). */
export function escapeLogValue(value: string): string {
  if (!UNSAFE.test(value)) return value;
  return value.replace(UNSAFE_ALL, (c) => [...Buffer.from(c)].map((b) => `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''));
}

/** Both time formats change once a second; format each second once. */
function perSecond(format: (d: Date) => string): (ms: number) => string {
  let second = -1;
  let text = '';
  return (ms) => {
    const s = Math.floor(ms / 1000);
    if (s !== second) {
      second = s;
      text = format(new Date(s * 1000));
    }
    return text;
  };
}

/** `$time_local`: `21/Nov/2026:21:43:08 +0700`. */
export const timeLocal = perSecond((d) => {
  const offset = -d.getTimezoneOffset();
  const zone = `${offset < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offset) / 60))}${pad(Math.abs(offset) % 60)}`;
  return `${pad(d.getDate())}/${MONTHS[d.getMonth()]}/${d.getFullYear()}:${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${zone}`;
});

/** The error log's `YYYY/MM/DD HH:MM:SS` (local time, no zone, as nginx writes it). */
export const errorTime = perSecond(
  (d) => `${d.getFullYear()}/${pad(d.getMonth() + 1)}/${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`,
);

const seconds = (ms: number | undefined) => (ms === undefined ? '-' : (ms / 1000).toFixed(3));
const quoted = (value: string | undefined) => `"${value === undefined || value === '' ? '-' : escapeLogValue(value)}"`;

export function accessLine(f: AccessFields): string {
  return (
    `${f.client} - - [${timeLocal(f.time)}] "${escapeLogValue(f.request)}" ${f.status} ${f.bodyBytes} ${quoted(f.referer)} ${quoted(f.userAgent)}` +
    ` rid=${f.requestId} conn=${f.connection} upstream=${f.upstream ?? '-'} us=${f.upstreamStatus ?? '-'}` +
    ` uct=${seconds(f.connectMs)} uht=${seconds(f.headerMs)} urt=${seconds(f.responseMs)} rt=${seconds(f.requestMs)}`
  );
}

export interface ErrorFields {
  level: 'error' | 'info';
  time: number;
  connection: number;
  message: string;
  client: string;
  server: string;
  request: string;
  /** `http://host:port/path` of the failed attempt; undefined when no upstream was tried. */
  upstream: string | undefined;
  host: string | undefined;
}

/** `YYYY/MM/DD HH:MM:SS [error] PID#TID: *CONN message, client: …, server: …, request: "…", upstream: "…", host: "…"` */
export function errorLine(f: ErrorFields): string {
  const upstream = f.upstream === undefined ? '' : `, upstream: "${escapeLogValue(f.upstream)}"`;
  const host = f.host === undefined ? '' : `, host: "${escapeLogValue(f.host)}"`;
  return `${errorTime(f.time)} [${f.level}] ${process.pid}#${process.pid}: *${f.connection} ${f.message}, client: ${f.client}, server: ${f.server}, request: "${escapeLogValue(f.request)}"${upstream}${host}`;
}
