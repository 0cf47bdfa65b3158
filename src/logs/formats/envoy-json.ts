/**
 * Envoy access logs written as JSON (`json_format` / `typed_json_format`), such as Istio's `accessLogEncoding: JSON`
 * default (`start_time`, `method`, `path`, `protocol`, `response_code`, `response_flags`, `response_code_details`,
 * `upstream_transport_failure_reason`, `duration`, `x_forwarded_for`, `request_id`, `upstream_host`,
 * `upstream_cluster`, `downstream_remote_address`…) and the same operators under the names other control planes give
 * them (`x_request_id`, `x-request-id`, `x-envoy-origin-path`). Unset values are "-" (`null` in typed JSON). A line
 * is Envoy's when it has `response_code` with one of the fields only Envoy logs beside it. What the outcome fields
 * mean is decided in envoy.ts, for both forms.
 */
import { envoySignal, envoyTruncation, forwardedFor } from './envoy.ts';
import { firstString, parseJsonObject, type JsonObject } from './json-fields.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { anyTime } from './log-time.ts';

const ENVOY_KEYS = ['response_flags', 'response_code_details', 'upstream_cluster', 'upstream_host'];

/** A field's value, '' when absent, null or Envoy's "-" for unset. */
function field(obj: JsonObject, keys: readonly string[]): string {
  const value = firstString(obj, keys);
  return value === '-' ? '' : value;
}

/** `10.0.0.1:443` or `[2a02:cf40::4e36]:5000` without the port. */
function withoutPort(address: string): string {
  const bracketed = /^\[([^\]]+)\]/.exec(address);
  if (bracketed) return bracketed[1] as string;
  return address.split(':').length === 2 ? address.replace(/:\d+$/, '') : address;
}

export class EnvoyJsonParser extends BaseParser {
  readonly format = 'envoy-json' as const;

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    if (buf[start] !== 0x7b) return KIND.none;
    const obj = parseJsonObject(buf.toString('utf8', start, end));
    if (!obj || !('response_code' in obj) || !ENVOY_KEYS.some((key) => key in obj)) return KIND.none;
    const code = field(obj, ['response_code']);
    // No code (unset or 0): nothing was sent, which is all a TCP session logs.
    const status = code === '' ? 0 : Number(code);
    if (!Number.isInteger(status) || status < 0 || status > 999) return KIND.none;
    const method = field(obj, ['method']);
    const path = field(obj, ['path', 'x-envoy-origin-path']);
    const tcp = method === '' && path === '' && field(obj, ['protocol']) === '';
    const flags = field(obj, ['response_flags']) || '-';
    const forwarded = forwardedFor(field(obj, ['x_forwarded_for', 'x-forwarded-for']));
    const truncatedBy = envoyTruncation(status, flags);
    return this.accessLine(
      {
        status,
        timeMs: anyTime(obj.start_time ?? obj['@timestamp'] ?? obj.timestamp).ms,
        tzOffsetMin: 0,
        client: forwarded || withoutPort(field(obj, ['downstream_remote_address'])),
        method,
        path,
        requestId: field(obj, ['request_id', 'x_request_id', 'x-request-id']),
        upstream: field(obj, ['upstream_host']),
        connection: '',
        requestTime: Number(field(obj, ['duration']) || Number.NaN) / 1000,
        signal: envoySignal({
          status,
          flags,
          details: field(obj, ['response_code_details']),
          transportFailure: field(obj, ['upstream_transport_failure_reason']),
          tcp,
        }),
        truncatedBy,
        ...(tcp ? { tcp: true as const } : {}),
      },
      truncatedBy !== null,
    );
  }
}
