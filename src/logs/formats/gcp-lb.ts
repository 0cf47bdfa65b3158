/**
 * Google Cloud Application Load Balancer request logs as Cloud Logging exports them, one LogEntry per line
 * (`httpRequest` with `status`, `requestUrl`, `latency`, `remoteIp`, `serverIp`; `jsonPayload.statusDetails`;
 * `trace`; `timestamp`). Per Google's "Unexplained 5XX errors" (cloud.google.com/load-balancing/docs/https/
 * troubleshooting-ext-https-lbs), `statusDetails` tells a 5xx relayed from the backend (`response_sent_by_backend`)
 * from one the load balancer made; the values are listed in cloud.google.com/load-balancing/docs/https/
 * https-logging-monitoring ("statusDetails HTTP success / failure messages"). The Envoy-based regional load balancers
 * write Envoy's response code details there instead (envoyproxy.io/docs/envoy/latest/configuration/http/
 * http_conn_man/response_code_details): `via_upstream` for an answer from the backend.
 */
import { firstNumber, firstString, getPath, parseJsonObject, type JsonObject } from './json-fields.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { durationSeconds, parseIsoTime } from './log-time.ts';
import { pathOfUrl } from './split-fields.ts';
import type { Cause, LogEvidence, Signal } from '../types.ts';

/** An answer from the backend, fresh or from Cloud CDN's cache (a stored backend answer). */
const FROM_BACKEND = new Set(['response_sent_by_backend', 'via_upstream']);
const FROM_CACHE = new Set(['response_from_cache', 'response_from_cache_validated', 'byte_range_caching']);

/** The load balancer's own outcomes, from the failure-message table. */
const LB_MADE: Record<string, Cause> = {
  failed_to_connect_to_backend: 'connect-failed',
  failed_to_pick_backend: 'no-live-upstream',
  backend_timeout: 'timeout',
  backend_connection_closed_before_data_sent_to_client: 'reset',
  backend_connection_closed_after_partial_response_sent: 'reset',
  backend_early_response_with_non_error_status: 'invalid-response',
  backend_interim_response_not_supported: 'invalid-response',
  backend_response_corrupted: 'invalid-response',
  backend_response_headers_too_long: 'header-too-big',
  ssl_certificate_san_verification_failed: 'tls',
  ssl_certificate_chain_verification_failed: 'tls',
  client_disconnected_before_any_response: 'client-closed',
  client_disconnected_after_partial_response: 'client-closed',
  client_timed_out: 'client-closed',
  throttled_by_security_policy: 'load-shed',
  banned_by_security_policy: 'load-shed',
  denied_by_security_policy: 'proxy-config',
  internal_error: 'proxy-config',
  request_loop_detected: 'proxy-config',
  // Envoy's response code details (regional and internal load balancers).
  no_healthy_upstream: 'no-live-upstream',
  upstream_response_timeout: 'timeout',
  upstream_per_try_timeout: 'timeout',
  request_overall_timeout: 'timeout',
  cluster_not_found: 'proxy-config',
  route_not_found: 'proxy-config',
  downstream_remote_disconnect: 'client-closed',
};
/** Envoy's `upstream_reset_before_response_started{reason}`: a connection failure, else a reset. */
const ENVOY_RESET = /^upstream_reset_(?:before|after)_response_started\{([^}]*)\}/;
/** Body cut short after the status was sent (the client saw a 2xx or 3xx start). */
const CUT_SHORT = /^(?:backend_connection_closed_after_partial_response_sent|.*_failed_after_partial_response)$/;
/** What a load-balancer-made status is when its statusDetails is not in the table. */
const BY_STATUS: Record<number, Cause> = { 500: 'proxy-config', 502: 'upstream-failed', 503: 'no-live-upstream', 504: 'timeout' };

function lbCause(details: string): Cause | undefined {
  const reset = ENVOY_RESET.exec(details);
  if (reset) return /connection_failure|connection_refused/.test(reset[1] as string) ? 'connect-failed' : 'reset';
  return LB_MADE[details];
}

export function gcpSignal(status: number, details: string): Signal | null {
  if ((status < 500 && status !== 499 && status !== 0) || details === '') return null;
  const evidence: LogEvidence = { kind: 'gcp-status-details', detail: `status=${status || '-'} statusDetails=${details}` };
  if (FROM_BACKEND.has(details)) return { cause: status === 503 ? 'app-overload' : 'app-error', confidence: 'high', decisive: true, evidence };
  if (FROM_CACHE.has(details)) return { cause: status === 503 ? 'app-overload' : 'app-error', confidence: 'medium', decisive: true, evidence };
  const cause = lbCause(details);
  if (cause) return { cause, confidence: 'high', decisive: true, evidence };
  return { cause: BY_STATUS[status] ?? 'upstream-failed', confidence: 'medium', decisive: true, evidence };
}


/** The address without its port (`89.160.20.156:9989`, `[2001:db8::1]:443`); a bare IPv6 address stays whole. */
function hostOf(address: string): string {
  const bracketed = /^\[([^\]]+)\]:\d+$/.exec(address);
  if (bracketed) return bracketed[1] as string;
  return /^[^:]+:\d+$/.test(address) ? address.slice(0, address.lastIndexOf(':')) : address;
}

/**
 * A load balancer's request log (its LogEntry resource, or its statusDetails payload), or Cloud Run's request log,
 * the same LogEntry with httpRequest under the revision's resource (`run.googleapis.com/requests`): its entries name
 * no statusDetails, so their 5xx stay undecided.
 */
function isRequestEntry(obj: JsonObject): boolean {
  const resource = firstString(obj, ['resource.type']);
  // http_load_balancer (global and classic), internal_http_lb_rule, http_external_regional_lb_rule.
  if (resource === 'http_load_balancer' || resource.endsWith('_lb_rule')) return true;
  if (resource === 'cloud_run_revision' && firstString(obj, ['logName']).endsWith('/logs/run.googleapis.com%2Frequests')) return true;
  return typeof getPath(obj, 'jsonPayload.statusDetails') === 'string';
}

export class GcpLbParser extends BaseParser {
  readonly format = 'gcp-lb' as const;

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    const obj = parseJsonObject(buf.toString('utf8', start, end));
    const request = obj?.httpRequest;
    if (!obj || typeof request !== 'object' || request === null || !isRequestEntry(obj)) return KIND.none;
    const details = firstString(obj, ['jsonPayload.statusDetails']);
    // A client that left before any response has no status in the entry.
    const logged = firstNumber(obj, ['httpRequest.status']);
    const status = logged >= 100 && logged <= 999 ? logged : 0;
    const signal = gcpSignal(status, details);
    const cutShort = status < 400 && status > 0 && CUT_SHORT.test(details);
    const server = firstString(obj, ['httpRequest.serverIp']);
    return this.accessLine(
      {
        status,
        timeMs: parseIsoTime(firstString(obj, ['timestamp'])).ms,
        tzOffsetMin: 0,
        client: hostOf(firstString(obj, ['httpRequest.remoteIp'])),
        method: firstString(obj, ['httpRequest.requestMethod']),
        path: pathOfUrl(firstString(obj, ['httpRequest.requestUrl'])),
        requestId: firstString(obj, ['trace']).replace(/^projects\/[^/]+\/traces\//, ''),
        upstream: server,
        connection: '',
        requestTime: durationSeconds(firstString(obj, ['httpRequest.latency'])),
        signal,
        truncatedBy: cutShort ? { kind: 'gcp-status-details', detail: `status=${status} statusDetails=${details}` } : null,
      },
      cutShort,
    );
  }
}
