/**
 * What Apache httpd's mod_proxy error-log codes mean, read from its source (httpd 2.4.62,
 * https://github.com/apache/httpd/blob/f4c1e18ead5d642698034b831121cbb82b55f60e/modules/proxy/, file:line below).
 * One failed request often writes several lines: the low-level one with the errno, then the handler's summary. So
 * each code has a role: an `event` is the request failing (its cause, or the errno's the line starts with when
 * `byErrno`), a `detail` (the connect attempt, cause by errno) gives its cause to the handler's `connect` line
 * that follows in the same process and thread, a `summary` repeats a failure already logged (alone, it is the
 * event when its text names a cause), a `note` is about the backend, not a request.
 */
import type { Cause, ErrorPhase } from '../types.ts';

export interface ApacheProxyCode {
  role: 'event' | 'detail' | 'connect' | 'summary' | 'note';
  /** The cause, or the one when the errno says nothing more precise (null: only the errno or the text can tell). */
  cause: Cause | null;
  /** The errno before the code is the backend connection's (not the client's), so it names the cause. */
  byErrno: boolean;
  phase: ErrorPhase;
}

const event = (cause: Cause, byErrno = false, phase: ErrorPhase = 'header'): ApacheProxyCode => ({ role: 'event', cause, byErrno, phase });
const CONNECT: ApacheProxyCode = { role: 'connect', cause: 'connect-failed', byErrno: false, phase: 'header' };
const DETAIL: ApacheProxyCode = { role: 'detail', cause: 'connect-failed', byErrno: true, phase: 'header' };

export const APACHE_PROXY_CODES: Record<string, ApacheProxyCode> = {
  // proxy_util.c:3923 `%s: attempt to connect to %pI (%s:%hu) failed`, with the errno of apr_socket_connect; logged
  // for the last address tried, also by health checks (mod_proxy_hcheck) that serve no request.
  AH00957: DETAIL,
  // proxy_util.c:3990 the same through a forward proxy's CONNECT.
  AH00958: DETAIL,
  // proxy_util.c:4014 `ap_proxy_connect_backend disabling worker for (%s:%hu) for %ds`: the worker goes into error
  // state after that failed connect; later requests get AH00940 (or AH01170 in a balancer) until `retry` passes.
  AH00959: { role: 'note', cause: null, byErrno: false, phase: 'none' },
  // `failed to make connection to backend: %s` after ap_proxy_connect_backend failed; 503 (HTTP_SERVICE_UNAVAILABLE):
  // mod_proxy_http.c:2054, mod_proxy_fcgi.c:1222, mod_proxy_ajp.c:823, mod_proxy_scgi.c:571, mod_proxy_uwsgi.c:556,
  // mod_proxy_wstunnel.c:419.
  AH01114: CONNECT,
  AH01079: CONNECT,
  AH00896: CONNECT,
  AH00866: CONNECT,
  AH10101: CONNECT,
  AH02452: CONNECT,
  // proxy_util.c:2767 `%s: disabled connection for (%s:%d)`: the worker is in error state; 503 without trying it.
  AH00940: event('no-live-upstream'),
  // proxy_util.c:2791 `%s: failed to acquire connection for (%s:%d)`: no connection free in the worker's pool; 503.
  AH00941: event('load-shed'),
  // mod_proxy_balancer.c:550, :575 `All workers are in error state [for route (%s)]`; 503.
  AH01167: event('no-live-upstream'),
  AH01170: event('no-live-upstream'),
  // mod_proxy_balancer.c:579 `%s: No workers in balancer`; 503, as for a balancer whose workers are all down.
  AH01171: event('no-live-upstream'),
  // mod_proxy.c:1510 `No protocol handler was valid for the URL %s`: the scheme's module is not loaded; 500.
  AH01144: event('proxy-config'),
  // mod_proxy_http.c:1111 `error reading status line from remote server %s:%d`: the backend closed or reset the
  // connection, or timed out (70007, then "proxy_timedout"), before a status line; 502 "Error reading from remote server".
  AH01102: event('reset', true),
  // mod_proxy_http.c:1718 `error reading response`: the body broke off after the header was relayed.
  AH01110: event('reset', true, 'body'),
  // proxy_util.c:5082 `pass request body failed to %pI (%s)`: writing the request to the backend failed; 504 on a
  // timeout, 502 when the backend connection was aborted (500 for a TLS handshake error), 400 otherwise.
  AH01084: event('upstream-failed', true),
  // proxy_util.c:4864 `prefetch request body failed to %pI (%s) from %s (%s)` and :4931 `read request body failed
  // to …`: reading the *client's* body failed (ap_map_http_request_error: 400, 408 on a timeout, 413).
  AH01095: event('client-closed'),
  AH02608: event('client-closed'),
  // mod_proxy_http.c:698 `pass request body failed to %pI (%s) from %s (%s)`, logged with status 0: "apr_status_t
  // value has been logged in lower level method" (AH01084 or AH02608).
  AH01097: { role: 'summary', cause: null, byErrno: false, phase: 'header' },
  // proxy_util.c:415 `%s returned by %s` for every ap_proxyerror(): after AH01102 ("Error reading from remote
  // server", "Timeout on 100-Continue") or alone ("DNS lookup failure for: …", "Corrupt status line returned by
  // remote server: …"); the URI is the request's path.
  AH00898: { role: 'summary', cause: null, byErrno: false, phase: 'header' },
};

/** What the text of a lone AH00898 (ap_proxyerror's message) says. */
export function causeOfProxyError(message: string): Cause | null {
  if (/DNS lookup failure/.test(message)) return 'dns';
  if (/SSL Handshake/i.test(message)) return 'tls';
  if (/Timeout on 100-Continue/.test(message)) return 'timeout';
  if (/Error reading from remote server/.test(message)) return 'reset';
  if (/Corrupt status line|Unexpected Upgrade|Malformed connection header|interim responses/.test(message)) return 'invalid-response';
  return null;
}
