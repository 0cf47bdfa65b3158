/**
 * Envoy's own log (its component log, not the access log), read beside its access lines: Envoy's layout
 * (`[2020-03-20 03:34:48.600][30][debug][http] [source/common/http/conn_manager_impl.cc:1354] [C259][S1787…] …`, behind
 * `[Envoy (Epoch 0)] ` in Istio's older sidecars) and Istio's agent's (`2023-02-04T18:37:09.390558Z	debug	envoy http
 * [C5639][S72…] …`, with the source file and `[Tags: "ConnectionId":"446","StreamId":"…"]` in newer releases).
 * At debug level, "Sending local reply with details <details>" (filter_manager.cc) stands for a response Envoy made
 * itself; for an upstream's failure the router's "upstream reset: reset reason: …" before it, on the same stream, says
 * why. Other lines of Envoy's own are recognised and carry nothing to analyse.
 */
import { KIND, type LineKind } from './line-parser.ts';
import { parseIsoTime } from './log-time.ts';
import type { Cause, ProxyErrorEvent } from '../types.ts';

const ENVOY_LINE = /^(?:\[Envoy \(Epoch \d+\)\] )?\[(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3})\]\[\d+\]\[(?:trace|debug|info|warning|error|critical)\]\[[\w.]+\] (.*)$/;
const ISTIO_LINE = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z)\s+(?:trace|debug|info|warn|warning|error|critical)\s+envoy [\w.]+\s+(.*)$/;
/** The source file and line Envoy names before the message: `[source/…/router.cc:911] `, `external/envoy/…cc:1084	`. */
const SOURCE_FILE = /^\[?[\w./-]+\.(?:cc|h):\d+\]?\s+/;
const STREAM = /^(?:\[C(\d+)\](?:\[S(\d+)\])?|\[Tags: "ConnectionId":"(\d+)"(?:,"StreamId":"(\d+)")?\])\s*/;
const LOCAL_REPLY = /^Sending local reply with details (\S[^\t]*?)\s*(?:\tthread=\d+)?$/;
const UPSTREAM_RESET = /^upstream reset: reset reason:? ([^,\t]+)/;
/**
 * The local replies that stand for an upstream's failure, and the status Envoy's router gives them (router.cc: 503 for
 * a reset before the response started or no healthy host, 504 for its timeouts; 503 for a cluster it does not know).
 */
const FAILURE_REPLIES: ReadonlyArray<[RegExp, number]> = [
  [/^upstream_reset_before_response_started\b/, 503],
  [/^upstream_(?:response|per_try)_timeout\b/, 504],
  [/^no_healthy_upstream\b/, 503],
  [/^cluster_not_found\b/, 503],
  [/^upstream_reset_after_response_started\b/, 0],
];
/** Streams remembered for the reason of their last upstream reset; a long log names many, and only the last one matters. */
const MAX_STREAMS = 10_000;

export class EnvoyOwnLog {
  errorEvent: ProxyErrorEvent | null = null;
  private readonly resets = new Map<string, Cause>();

  /** Reads one line of Envoy's own log: `other`, `proxyError` for a local reply that stands for an upstream's failure, or `none`. */
  read(line: string): LineKind {
    const m = ENVOY_LINE.exec(line) ?? ISTIO_LINE.exec(line);
    if (!m) return KIND.none;
    let message = (m[2] as string).replace(SOURCE_FILE, '');
    const stream = STREAM.exec(message);
    const connection = stream ? (stream[1] ?? stream[3] ?? '') : '';
    const key = stream ? `${connection}/${stream[2] ?? stream[4] ?? ''}` : '';
    if (stream) message = message.slice(stream[0].length);
    const reset = UPSTREAM_RESET.exec(message);
    if (reset && key !== '') {
      if (this.resets.size >= MAX_STREAMS) this.resets.clear();
      this.resets.set(key, resetCause(reset[1] as string));
      return KIND.other;
    }
    const reply = LOCAL_REPLY.exec(message);
    const details = reply?.[1] ?? '';
    const failure = FAILURE_REPLIES.find(([pattern]) => pattern.test(details));
    if (!failure) return KIND.other;
    const cause = /TLS|SSL|CERTIFICATE/i.test(details) ? 'tls' : (this.resets.get(key) ?? ownDetailsCause(details.replace(/\{([^}]*)\}/, (_all, inner: string) => `{${inner.replaceAll(' ', '_')}}`)));
    this.resets.delete(key);
    this.errorEvent = {
      time: parseIsoTime(m[1] as string),
      cause,
      phase: 'header',
      message: message.trim(),
      client: '',
      request: '',
      connection,
      upstream: '',
      appMessage: '',
      ...(failure[1] > 0 ? { status: failure[1] } : {}),
    };
    return KIND.proxyError;
  }
}

/** The cause of the reset reason the router names (`connection failure`, `connection termination`, `protocol error`…). */
function resetCause(reason: string): Cause {
  if (/connection.failure/.test(reason)) return 'connect-failed';
  if (/protocol.error/.test(reason)) return 'invalid-response';
  if (/overflow/.test(reason)) return 'load-shed';
  return 'reset';
}

/** The cause an Envoy response code detail names when Envoy answered without a flag. */
export function ownDetailsCause(details: string): Cause {
  if (/^(?:direct_response|route_not_found|cluster_not_found|filter_chain_not_found|rbac_access_denied|ext_authz|jwt_authn_access_denied|request_rate_limited|local_rate_limited)/.test(details)) return 'proxy-config';
  if (details.startsWith('no_healthy_upstream')) return 'no-live-upstream';
  if (/timeout/.test(details)) return 'timeout';
  // The reset reasons Envoy names in braces (`upstream_reset_before_response_started{connection_failure}`).
  if (/\{(?:connection_failure|local_connection_failure|remote_connection_failure)/.test(details)) return 'connect-failed';
  if (/\{protocol_error/.test(details)) return 'invalid-response';
  if (/\{(?:connection_termination|remote_reset|local_reset)/.test(details)) return 'reset';
  return 'upstream-failed';
}
