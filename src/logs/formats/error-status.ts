/**
 * The status a proxy answered for the upstream failure one of its error-log lines names, when the line does not say
 * (nginx's and Apache's do not; Caddy's newer ones do). From their source: nginx answers 504 for a timeout and 502 for
 * any other failure to get a response (ngx_http_upstream.c, ngx_http_upstream_next), and 499 is its own code for a
 * client that left; Apache's mod_proxy answers 503 when it cannot connect or no worker is usable (mod_proxy_http.c
 * ap_proxy_connect_backend, proxy_util.c), 504 for a timeout reading the response, 502 otherwise (mod_proxy_http.c
 * ap_proxy_http_process_response). In a Caddy line without `"status"`, a failed dial is 502 in every version
 * (reverseproxy.statusError: Bad Gateway unless the error is a timeout); what a timeout got changed over versions,
 * so it is not implied, nor any other failure.
 */
import type { Cause, FormatId } from '../types.ts';

/**
 * nginx also refuses for itself: limit_req and limit_conn with 503 unless limit_req_status / limit_conn_status say
 * otherwise (ngx_http_limit_req_module.c), and a rewrite or internal-redirect cycle or a missing named location with
 * 500 (ngx_http_core_module.c, ngx_http_internal_redirect, ngx_http_named_location).
 */
const NGINX: Partial<Record<Cause, number>> = { timeout: 504, 'client-closed': 499, 'load-shed': 503, 'proxy-config': 500 };
/** Apache's AH00941 (no connection free in the worker's pool) is a 503; AH01144 (no protocol handler) a 500. */
const APACHE: Partial<Record<Cause, number>> = { timeout: 504, 'connect-failed': 503, refused: 503, unreachable: 503, 'no-live-upstream': 503, dns: 503, 'load-shed': 503, 'proxy-config': 500 };
/** lighttpd's gw_backend.c: 503 while no backend is usable, 504 for a backend's timeout, 502 otherwise. */
const LIGHTTPD: Partial<Record<Cause, number>> = { timeout: 504, 'connect-failed': 503, refused: 503, unreachable: 503, 'no-live-upstream': 503, dns: 503 };
/** HAProxy answers 503 while a backend has no server (src/backend.c); a server's check names no request. */
const HAPROXY: Partial<Record<Cause, number>> = { 'no-live-upstream': 503 };
const CADDY_DIAL: Partial<Record<Cause, number>> = { refused: 502, 'connect-failed': 502, unreachable: 502, dns: 502 };
/** `otherwise`: the status for the format's other causes, null when the source does not fix one. */
const BY_FORMAT: Partial<Record<FormatId, { own: Partial<Record<Cause, number>>; otherwise: number | null }>> = {
  'nginx-error': { own: NGINX, otherwise: 502 },
  'apache-error': { own: APACHE, otherwise: 502 },
  'lighttpd-error': { own: LIGHTTPD, otherwise: 502 },
  caddy: { own: CADDY_DIAL, otherwise: null },
  'haproxy-alert': { own: HAPROXY, otherwise: null },
};

/** null for a format that logs its status, or a cause the proxy does not answer for itself (an app's error it relayed). */
export function impliedErrorStatus(format: FormatId, cause: Cause): number | null {
  const known = BY_FORMAT[format];
  if (!known || cause === 'app-error' || cause === 'app-overload' || cause === 'unknown') return null;
  return known.own[cause] ?? known.otherwise;
}
