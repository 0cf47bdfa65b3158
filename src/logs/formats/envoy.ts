/**
 * Envoy's default access log and Istio's longer default (fingerprints.md §3, logs-and-lab.md §1.5):
 * `[time] "METHOD path proto" code flags [Istio's fields: BYTES_AT] rx tx duration upstream_time "xff" "ua" "id" "authority" "upstream"`.
 * `envoySignal` is the one place that reads Envoy's outcome fields, for this format and its JSON form (envoy-json.ts):
 * `%RESPONSE_FLAGS%` "-" on a 5xx means the upstream sent it; the flags name Envoy's own failures (Envoy's access-log
 * docs, `envoyproxy/envoy:docs/root/configuration/observability/access_log/usage.rst`, "%RESPONSE_FLAGS%").
 */
import { EnvoyOwnLog, ownDetailsCause } from './envoy-own-log.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { parseIsoTime } from './log-time.ts';
import { splitFields, splitRequestLine } from './split-fields.ts';
import type { Cause, LogEvidence, Signal } from '../types.ts';

/** In precedence order: the first flag of a line found here names the cause. */
const FLAGS: Array<[string, Cause]> = [
  ['DC', 'client-closed'],
  ['DR', 'client-closed'],
  ['UH', 'no-live-upstream'],
  ['LH', 'no-live-upstream'],
  ['UF', 'refused'],
  ['UO', 'load-shed'],
  ['OM', 'load-shed'],
  ['DO', 'load-shed'],
  ['RL', 'load-shed'],
  ['RLSE', 'load-shed'],
  ['UT', 'timeout'],
  ['SI', 'timeout'],
  ['DT', 'timeout'],
  ['UMSDR', 'timeout'],
  ['UPE', 'invalid-response'],
  ['UC', 'reset'],
  ['UR', 'reset'],
  ['LR', 'reset'],
  ['DF', 'dns'],
  ['NR', 'proxy-config'],
  ['NC', 'proxy-config'],
  ['FI', 'proxy-config'],
  ['UAEX', 'proxy-config'],
  ['URX', 'upstream-failed'],
];

/** What Envoy logged about one request or TCP session's outcome ('' or '-' for fields the format lacks). */
export interface EnvoyOutcome {
  /** `%RESPONSE_CODE%`, 0 when none was sent (and for a TCP session). */
  status: number;
  /** `%RESPONSE_FLAGS%`, '-' when none. */
  flags: string;
  /** `%RESPONSE_CODE_DETAILS%` (`via_upstream`, `upstream_reset_before_response_started{…}`…). */
  details: string;
  /** `%UPSTREAM_TRANSPORT_FAILURE_REASON%`: set when the transport socket (TLS) to the upstream failed. */
  transportFailure: string;
  /** A TCP proxy session: no method, path or protocol. */
  tcp: boolean;
  /**
   * `%RESP(X-ENVOY-UPSTREAM-SERVICE-TIME)%`: set from the upstream's response headers, so only when the upstream
   * answered ('' or '-' when it did not, or when the format does not log it).
   */
  upstreamServiceTime?: string;
  /**
   * `%UPSTREAM_CLUSTER%` (Istio's format): `outbound|8090||name.ns.svc.cluster.local` when the upstream is a mesh
   * service, whose own sidecar Envoy answers in front of it; '' when not logged.
   */
  cluster?: string;
}

const given = (value: string): boolean => value !== '' && value !== '-';
const DOWNSTREAM_RESET = new Set(['http2.remote_reset', 'http2.remote_refuse']);

/** An outbound cluster of a Kubernetes service in the mesh (`outbound|8000||httpbin.default.svc.cluster.local`), not an external host's. */
const MESH_SERVICE = /^outbound\|\d+\|[^|]*\|[^|\s]+\.svc(?:\.|$)/;
/** What a sidecar Envoy answers for itself. */
const MESH_HOP_STATUSES = new Set([502, 503, 504]);

/**
 * The flags of a 4xx Envoy sent itself, no upstream asked: no route (NR, 404), its external authorization denying (UAEX,
 * 403), its rate limit (RL, 429; RLSE when the rate-limit service failed), a fault it injected (FI); their causes are
 * FLAGS'. The log analyzer explains only 5xx; a pasted line's 4xx is named by these.
 */
const OWN_REFUSALS = new Set(['NR', 'UAEX', 'FI', 'RL', 'RLSE']);

export function envoySignal({ status, flags, details, transportFailure, tcp, upstreamServiceTime = '', cluster = '' }: EnvoyOutcome): Signal | null {
  // Details other than via_upstream and a client's reset: Envoy set the status itself, from one of its filters
  // (rbac_access_denied_matched_policy[…], jwt_authn_access_denied{…}, ext_authz_denied) or a route's direct_response.
  const ownDetails = given(details) && details !== 'via_upstream' && !DOWNSTREAM_RESET.has(details);
  if (status >= 400 && status < 500) {
    // Without a flag, only such details make a 4xx Envoy's: most carry neither, the upstream's.
    if (!given(flags)) return ownDetails ? { cause: ownDetailsCause(details), confidence: 'medium', decisive: true, evidence: { kind: 'envoy-flags', detail: details } } : null;
    const set = new Set(flags.split(','));
    const own = FLAGS.find(([flag]) => OWN_REFUSALS.has(flag) && set.has(flag));
    return own ? { cause: own[1], confidence: 'high', decisive: true, evidence: { kind: 'envoy-flags', detail: flags } } : null;
  }
  if (status < 500 && status !== 0) return null;
  // A TCP session logs no response code: without a flag it ended as it should.
  if (tcp && !given(flags)) return null;
  const evidence: LogEvidence = { kind: 'envoy-flags', detail: [flags, ...[details, transportFailure].filter(given)].join(' ') };
  const appCause: Cause = status === 503 ? 'app-overload' : 'app-error';
  // In a mesh the upstream of an outbound route is the service's sidecar, another Envoy whose own 502, 503 or 504 (no
  // healthy host, a reset, a protocol error) comes back as the upstream's: the line cannot say which of the two answered.
  const meshHop = MESH_SERVICE.test(cluster) && MESH_HOP_STATUSES.has(status);
  const passedOn: Signal = meshHop ? { cause: 'unknown', confidence: 'low', decisive: false, evidence, reason: 'ambiguous-upstream-status' } : { cause: appCause, confidence: 'high', decisive: true, evidence };
  // "via_upstream: The response code was set by the upstream" (Envoy's response code details docs).
  if (details === 'via_upstream' && status !== 0) return passedOn;
  const set = new Set(flags.split(','));
  const named = FLAGS.find(([flag]) => set.has(flag));
  // URX alone, after the upstream's own headers (its service time) came back: the router ran out of retries on a
  // retriable status the upstream sent and passed that last answer on (router.cc, RetryStatus::NoRetryLimitExceeded).
  // Without them the 503 is Envoy's own; a failed connection or a reset flags UF, UC, UR… beside it.
  if (named?.[0] === 'URX' && status !== 0 && given(upstreamServiceTime)) return { cause: appCause, confidence: 'medium', decisive: true, evidence };
  if (named) {
    // The transport socket's reason (`TLS error: …`, `delayed connect error: 111`) or the details name a TLS failure.
    const tls = /TLS|SSL|CERTIFICATE/i.test(`${transportFailure} ${details}`);
    const cause = tls && (named[1] === 'refused' || named[1] === 'reset') ? 'tls' : named[1];
    return { cause, confidence: 'high', decisive: true, evidence };
  }
  // No flag but details other than via_upstream: Envoy set the status itself, from its route's direct_response (a
  // mesh blocking unknown hosts, Istio's REGISTRY_ONLY) or one of its filters.
  if (!given(flags) && ownDetails && status !== 0) return { cause: ownDetailsCause(details), confidence: 'medium', decisive: true, evidence };
  if (!given(flags) && status !== 0) return passedOn;
  // The client reset its HTTP/2 stream before any response: what Envoy later flags DR ("the response details are
  // http2.remote_reset or http2.remote_refuse", Envoy's access-log docs); older Envoys logged the details alone.
  if (DOWNSTREAM_RESET.has(details)) return { cause: 'client-closed', confidence: 'high', decisive: true, evidence };
  return { cause: 'upstream-failed', confidence: 'medium', decisive: true, evidence };
}

/** The first address of `%REQ(X-FORWARDED-FOR)%`, '' when unset. */
export function forwardedFor(value: string): string {
  const first = value.split(',')[0]?.trim() ?? '';
  return first === '-' ? '' : first;
}

/** A 2xx/3xx whose upstream reset or closed the connection while the body was relayed (UR/UC). */
export function envoyTruncation(status: number, flags: string): LogEvidence | null {
  return status > 0 && status < 400 && /U[RC]/.test(flags) ? { kind: 'envoy-flags', detail: flags } : null;
}

const DIGITS = /^\d+$/;
/** Every `%RESPONSE_FLAGS%` short name Envoy logs (its access-log docs), those naming no cause here too. */
const FLAG_NAMES = new Set([...FLAGS.map(([flag]) => flag), 'DI', 'DPE', 'IH', 'NFCF']);
/** A `%RESPONSE_CODE_DETAILS%` value: snake_case words, a detail in braces after them (`upstream_reset_before_response_started{…}`). */
const DETAILS = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?:\{[^}\s]*\})?$/;
/**
 * Where `%BYTES_RECEIVED% %BYTES_SENT% %DURATION%` start: Envoy's default has nothing before them; many Envoy configs
 * add %RESPONSE_CODE_DETAILS% alone after the flags (and "%UPSTREAM_TRANSPORT_FAILURE_REASON%" last); Istio 1.5-1.7
 * put "%DYNAMIC_METADATA(istio.mixer:status)%" "%UPSTREAM_TRANSPORT_FAILURE_REASON%" there, Istio 1.8 and later
 * %RESPONSE_CODE_DETAILS% %CONNECTION_TERMINATION_DETAILS% "%UPSTREAM_TRANSPORT_FAILURE_REASON%".
 */
const BYTES_AT = [4, 5, 6, 7];
/** Where the bytes start after %RESPONSE_CODE_DETAILS% (at index 4), and after a transport failure reason before them. */
const DETAILS_BEFORE = new Set([5, 7]);
const FAILURE_BEFORE = new Set([6, 7]);

export class EnvoyParser extends BaseParser {
  readonly format = 'envoy' as const;
  /** Envoy's own log lines among its access lines (a sidecar's `kubectl logs`), or alone. */
  private readonly ownLog = new EnvoyOwnLog();

  parse(buf: Buffer, text: string, start: number, end: number): LineKind {
    const kind = this.accessEntry(buf, text, start, end);
    if (kind !== KIND.none) return kind;
    const own = this.ownLog.read(buf.toString('utf8', start, end));
    if (own === KIND.proxyError) this.errorEvent = this.ownLog.errorEvent;
    return own;
  }

  private accessEntry(buf: Buffer, _text: string, start: number, end: number): LineKind {
    // `[%START_TIME%]` first, as both defaults have it; a line that starts at the quoted request had it cut (a line
    // pasted from a report, a format without the time) and is read the same, with no time.
    const timed = buf[start] === 0x5b;
    if (!timed && buf[start] !== 0x22) return KIND.none;
    const f = splitFields(buf.toString('utf8', start, end));
    if (!timed) f.unshift('');
    const timeMs = timed ? parseIsoTime(f[0] ?? '').ms : Number.NaN;
    if ((timed && Number.isNaN(timeMs)) || !/^\d{1,3}$/.test(f[2] as string)) return KIND.none;
    const at = f.length < 13 ? undefined : BYTES_AT.find((i) => DIGITS.test(f[i] ?? '') && DIGITS.test(f[i + 1] ?? '') && DIGITS.test(f[i + 2] ?? ''));
    if (at === undefined || f.length < at + 9) return this.cutEntry(f, timeMs);
    const status = Number(f[2]);
    const flags = f[3] as string;
    // The TCP proxy logs `"%REQ(:METHOD)% %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% %PROTOCOL%"` as three dashes.
    const tcp = f[1] === '- - -';
    const request = tcp ? { method: '', path: '' } : splitRequestLine(f[1] as string);
    const requestId = f[at + 6] as string;
    const upstream = f[at + 8] as string;
    const truncatedBy = envoyTruncation(status, flags);
    const details = DETAILS_BEFORE.has(at) ? (f[4] as string) : '';
    const outcome = { status, flags, details, transportFailure: FAILURE_BEFORE.has(at) ? (f[at - 1] as string) : '', tcp, upstreamServiceTime: f[at + 3] as string, cluster: f[at + 9] ?? '' };
    return this.accessLine(
      {
        status,
        timeMs,
        tzOffsetMin: 0,
        client: forwardedFor(f[at + 4] as string),
        method: request.method,
        path: request.path,
        requestId: requestId === '-' ? '' : requestId,
        upstream: upstream === '-' ? '' : upstream,
        connection: '',
        requestTime: Number(f[at + 2]) / 1000,
        signal: envoySignal(outcome),
        truncatedBy,
        ...(tcp ? { tcp: true as const } : {}),
      },
      truncatedBy !== null,
    );
  }

  /**
   * A line cut after its outcome, as people paste one into an issue (`"GET / HTTP/1.1" 503 UC
   * upstream_reset_before_response_started{…}`, `[time] "POST / HTTP/1.1" 502 - 2287 4 11 11 ...`): read when the
   * fields after the status are Envoy's own, flags of its vocabulary, its response code details, or `-` then its byte
   * counts and duration.
   */
  private cutEntry(f: string[], timeMs: number): LineKind {
    // A paste's own mark of the cut (`...`) is no field.
    const fields = f.at(-1) === '...' ? f.slice(0, -1) : f;
    const request = splitRequestLine(fields[1] ?? '');
    const [, , statusText = '', flags = '', next = ''] = fields;
    if (fields.length < 4 || fields.length >= 13 || request.method === '' || !/^\d{3}$/.test(statusText)) return KIND.none;
    const details = DETAILS.test(next) ? next : '';
    const bytesAndDuration = fields.slice(4, 7);
    const counted = bytesAndDuration.length === 3 && bytesAndDuration.every((v) => DIGITS.test(v));
    const ownFlags = flags !== '-' && flags.split(',').every((flag) => FLAG_NAMES.has(flag));
    if (!ownFlags && !(flags === '-' && (details !== '' || counted))) return KIND.none;
    const status = Number(statusText);
    const outcome = { status, flags, details, transportFailure: '', tcp: false, upstreamServiceTime: counted ? (fields[7] ?? '') : '' };
    const truncatedBy = envoyTruncation(status, flags);
    const record = { status, timeMs, tzOffsetMin: 0, client: '', method: request.method, path: request.path, requestId: '', upstream: '', connection: '' };
    return this.accessLine({ ...record, requestTime: counted ? Number(fields[6]) / 1000 : Number.NaN, signal: envoySignal(outcome), truncatedBy }, truncatedBy !== null);
  }
}
