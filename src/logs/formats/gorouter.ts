/**
 * Cloud Foundry's Gorouter access log (the `RTR` lines of `cf logs`, `/var/vcap/sys/log/gorouter/access.log`), as
 * cloudfoundry/gorouter accesslog/schema/access_log_record.go `makeRecord` writes it:
 * `<host> - [<RFC 3339 start>] "<method> <uri> <proto>" <status> <bytes received> <bytes sent> "<referer>"
 * "<user agent>" "<client addr>" "<backend addr>" x_forwarded_for:"…" x_forwarded_proto:"…" vcap_request_id:"…"
 * response_time:<s> gorouter_time:<s> app_id:"…" app_index:"…" … x_cf_routererror:"…"`, then the extra headers an
 * operator logs. A status of 0 is written `"-"`, and so is an empty backend address. Releases before 2018 wrote the
 * time as `[21/04/2017:16:03:55.467 +0000]` (day/month/year), the addresses and `vcap_request_id` unquoted, and
 * before 2016 one byte count and the client's address only (and, in 2014, `vcap_request:` for the request id).
 * Who answered: Gorouter sets `X-Cf-RouterError` on every answer of its own (`handlers.AddRouterErrorHeader`:
 * `endpoint_failure` when the backend failed, `no_endpoints`/`empty_pool` when none was registered, `unknown_route`,
 * `route_service_unsupported`, `expired_route_service_signature`…), and the record logs it; `-` with a backend
 * address is the backend's own answer. Records of releases that did not log the field yet (before 2019) do not say:
 * a backend address is also logged when the router gave up on that backend (its 502 after the endpoint timeout), and
 * only the size of the router's own 502 tells it.
 */
import type { AccessRecord, Cause, Signal } from '../types.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { parseIsoTime } from './log-time.ts';
import { splitRequestLine } from './split-fields.ts';
import { unquoteValue } from './logfmt.ts';

const QUOTED = '"((?:[^"\\\\]|\\\\.)*)"';
// The host as logged, or a placeholder a paste put in its place (`<Route URL>`, `<host>`).
const LINE = new RegExp(`^(<[^<>]{1,60}>|\\S+) - \\[([^\\]]+)\\] ${QUOTED} (\\d{3}|"-") (?:\\d+|"-")(?: (\\d+|"-"))? ${QUOTED} ${QUOTED} (.*)$`);
/** After the user agent: the client's and the backend's addresses (quoted, or bare before 2018), then `key:value` fields. */
const TOKEN = /"(?:[^"\\]|\\.)*"|\S+/g;
const PAIR = /^([a-z_][a-z0-9_]*):(.*)$/;
/** `21/04/2017:16:03:55.467 +0000`: Gorouter's time before 2018. */
const DAY_MONTH_YEAR = /^(\d{2})\/(\d{2})\/(\d{4}):(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))? ([+-])(\d{2})(\d{2})$/;
/** The router errors that name a cause; any other is Gorouter's own answer too (proxy-config). */
const ROUTER_ERRORS: Record<string, Cause> = { no_endpoints: 'no-live-upstream', empty_pool: 'no-live-upstream', endpoint_failure: 'upstream-failed' };
/**
 * The size of Gorouter's own 502 for a backend that failed (`http.Error` of "502 Bad Gateway: Registered endpoint
 * failed to handle the request." and its newline; cloudfoundry/gorouter proxy/round_tripper BadGatewayMessage, and its
 * proxy test's expected body): what tells that 502 from the backend's own in records without `x_cf_routererror`.
 */
const OWN_502_BYTES = 67;
/** An `endpoint_failure` status that says more: Gorouter's error classifier answers 504 for a timeout, 525/526 for TLS. */
const ENDPOINT_STATUS: Record<number, Cause> = { 504: 'timeout', 525: 'tls', 526: 'tls' };

const dash = (value: string): string => (value === '-' ? '' : value);

/** Epoch ms of the start time, either form. */
function startTime(text: string): number {
  const m = DAY_MONTH_YEAR.exec(text);
  if (!m) return parseIsoTime(text).ms;
  const n = (i: number): number => Number(m[i]);
  const wall = Date.UTC(n(3), n(2) - 1, n(1), n(4), n(5), n(6), Math.floor(Number(`0.${m[7] ?? 0}`) * 1000));
  return wall - (m[8] === '-' ? -1 : 1) * (n(9) * 60 + n(10)) * 60_000;
}

/** The addresses before the first `key:value` field, and the fields. */
function tail(text: string): { addresses: string[]; pairs: Map<string, string> } {
  const addresses: string[] = [];
  const pairs = new Map<string, string>();
  for (const [token] of text.matchAll(TOKEN)) {
    const pair = PAIR.exec(token);
    if (pair) pairs.set(pair[1] as string, unquoteValue(pair[2] as string));
    else if (pairs.size === 0) addresses.push(dash(unquoteValue(token)));
  }
  return { addresses, pairs };
}

/**
 * Why Gorouter logged a 5xx (or 499): its router error, else the backend's answer; null when undecidable. `routerError`
 * is null when the record does not log the field at all.
 */
export function gorouterSignal(status: number, routerError: string | null, backend: string, bytesSent = Number.NaN): Signal | null {
  if (status < 500 && status !== 499) return null;
  const evidence = { kind: 'gorouter-error' as const, detail: `x_cf_routererror=${routerError || '-'} backend=${backend || '-'}` };
  if (status === 499) return { cause: 'client-closed', confidence: 'high', decisive: true, evidence };
  if (routerError !== null && routerError !== '') {
    const cause = routerError === 'endpoint_failure' ? (ENDPOINT_STATUS[status] ?? 'upstream-failed') : (ROUTER_ERRORS[routerError] ?? 'proxy-config');
    return { cause, confidence: 'high', decisive: true, evidence };
  }
  if (routerError === null && status === 502 && bytesSent === OWN_502_BYTES) {
    return { cause: 'upstream-failed', confidence: 'medium', decisive: true, evidence: { kind: 'error-page-size', detail: `${status} ${bytesSent} bytes` } };
  }
  if (routerError === null || backend === '') return null;
  return { cause: status === 503 ? 'app-overload' : 'app-error', confidence: 'medium', decisive: true, evidence };
}

export class GorouterParser extends BaseParser {
  readonly format = 'gorouter' as const;

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    const line = buf.toString('utf8', start, end);
    const m = LINE.exec(line);
    if (!m) return KIND.none;
    const { addresses, pairs } = tail(m[8] as string);
    // `vcap_request:` before 2015 (cloudfoundry/gorouter PR 29), `vcap_request_id:` since.
    if (!pairs.has('vcap_request_id') && !pairs.has('vcap_request') && !pairs.has('x_cf_routererror')) return KIND.none;
    const status = m[4] === '"-"' ? 0 : Number(m[4]);
    const request = splitRequestLine(m[3] as string);
    const backend = addresses[1] ?? '';
    const responseTime = Number(pairs.get('response_time'));
    const record: AccessRecord = {
      status,
      timeMs: startTime(m[2] as string),
      tzOffsetMin: 0,
      client: (addresses[0] ?? '').replace(/:\d+$/, ''),
      method: request.method,
      path: request.path,
      requestId: dash(pairs.get('vcap_request_id') ?? pairs.get('vcap_request') ?? ''),
      upstream: backend,
      connection: '',
      requestTime: responseTime >= 0 ? responseTime : Number.NaN,
      signal: gorouterSignal(status, pairs.has('x_cf_routererror') ? dash(pairs.get('x_cf_routererror') ?? '') : null, backend, Number(m[5])),
      truncatedBy: null,
    };
    return this.accessLine(record, false);
  }
}
