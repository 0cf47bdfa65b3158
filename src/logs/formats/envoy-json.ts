/**
 * Envoy access logs written as JSON (`json_format` / `typed_json_format`), such as Istio's `accessLogEncoding: JSON`
 * default (`start_time`, `method`, `path`, `protocol`, `response_code`, `response_flags`, `response_code_details`,
 * `upstream_transport_failure_reason`, `duration`, `x_forwarded_for`, `request_id`, `upstream_host`,
 * `upstream_cluster`, `downstream_remote_address`…) and the same operators under the names other control planes give
 * them (`x_request_id`, `x-request-id`, `x-envoy-origin-path`). Unset values are "-" (`null` in typed JSON). A line
 * is Envoy's when it has `response_code` with one of the fields only Envoy logs beside it (flags, details, upstream
 * cluster or host, upstream transport failure reason). Keys may also be written in camelCase (`responseCode`,
 * `responseFlags`: an operator's own `json_format` naming the same command operators), or in kebab-case (Pomerium's
 * access log of its Envoy, `"message":"http-request"`, which logs the details and no flags).
 * What the outcome fields mean is decided in envoy.ts, for both forms.
 */
import { envoySignal, envoyTruncation, forwardedFor } from './envoy.ts';
import { firstString, parseJsonObject, type JsonObject } from './json-fields.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { withoutPort } from './split-fields.ts';
import { anyTime } from './log-time.ts';

const camelCase = (key: string) => key.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
/**
 * Each key as Istio's default names it, then in camelCase, then in kebab-case as Pomerium's access log names its
 * Envoy's fields (`response-code`, `response-code-details`, `upstream-cluster`; pomerium pkg/logfields/access.go).
 */
const spellings = (keys: readonly string[]) => keys.flatMap((key) => (key.includes('_') ? [key, camelCase(key), key.replaceAll('_', '-')] : [key]));
const CODE_KEYS = spellings(['response_code']);
/**
 * Keys only Envoy's access log names so (its command operators, or the header Envoy adds): a trimmed field set keeps
 * at least one (CrowdSec's sample keeps `downstream_remote_address` and `x-envoy-origin-path`, no upstream field).
 */
const ENVOY_KEYS = spellings(['response_flags', 'response_code_details', 'upstream_cluster', 'upstream_host', 'upstream_transport_failure_reason', 'downstream_remote_address', 'x-envoy-origin-path']);

/** The keys each field is read from, spelled both ways once. */
const KEYS = {
  code: CODE_KEYS,
  method: spellings(['method']),
  path: spellings(['path', 'x-envoy-origin-path']),
  protocol: spellings(['protocol']),
  flags: spellings(['response_flags']),
  forwarded: spellings(['x_forwarded_for', 'x-forwarded-for', 'forwarded-for']),
  downstream: spellings(['downstream_remote_address']),
  requestId: spellings(['request_id', 'x_request_id', 'x-request-id']),
  upstream: spellings(['upstream_host']),
  duration: spellings(['duration']),
  details: spellings(['response_code_details']),
  transportFailure: spellings(['upstream_transport_failure_reason']),
  serviceTime: spellings(['upstream_service_time', 'x-envoy-upstream-service-time']),
};

/** The keys that say how a request ended: without them a line tells nothing of who made its status. */
const OUTCOME_KEYS = [...KEYS.flags, ...KEYS.details];

/** A field's value, '' when absent, null or Envoy's "-" for unset. */
function field(obj: JsonObject, name: keyof typeof KEYS): string {
  const value = firstString(obj, KEYS[name]);
  return value === '-' ? '' : value;
}


export class EnvoyJsonParser extends BaseParser {
  readonly format = 'envoy-json' as const;

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    if (buf[start] !== 0x7b) return KIND.none;
    const obj = parseJsonObject(buf.toString('utf8', start, end));
    if (!obj || !CODE_KEYS.some((key) => key in obj) || !ENVOY_KEYS.some((key) => key in obj)) return KIND.none;
    const code = field(obj, 'code');
    // No code (unset or 0): nothing was sent, which is all a TCP session logs.
    const status = code === '' ? 0 : Number(code);
    if (!Number.isInteger(status) || status < 0 || status > 999) return KIND.none;
    const method = field(obj, 'method');
    const path = field(obj, 'path');
    const tcp = method === '' && path === '' && field(obj, 'protocol') === '';
    const flags = field(obj, 'flags') || '-';
    const forwarded = forwardedFor(field(obj, 'forwarded'));
    const truncatedBy = envoyTruncation(status, flags);
    // A json_format that logs neither the flags nor the details cannot say who made a 5xx: "-" flags mean the
    // upstream answered, an absent key means nothing.
    const logsOutcome = OUTCOME_KEYS.some((key) => key in obj);
    return this.accessLine(
      {
        status,
        timeMs: anyTime(obj.start_time ?? obj.startTime ?? obj['@timestamp'] ?? obj.timestamp ?? obj.time).ms,
        tzOffsetMin: 0,
        client: forwarded || withoutPort(field(obj, 'downstream')),
        method,
        path,
        requestId: field(obj, 'requestId'),
        upstream: field(obj, 'upstream'),
        connection: '',
        requestTime: Number(field(obj, 'duration') || Number.NaN) / 1000,
        signal: logsOutcome
          ? envoySignal({ status, flags, details: field(obj, 'details'), transportFailure: field(obj, 'transportFailure'), tcp, upstreamServiceTime: field(obj, 'serviceTime') })
          : null,
        truncatedBy,
        ...(tcp ? { tcp: true as const } : {}),
      },
      truncatedBy !== null,
    );
  }
}
